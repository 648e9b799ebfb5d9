//! Plain text of Markdown, for the search index: the words a reader sees, without
//! markup, link targets, HTML or footnote labels.

use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// The text of `markdown`, blocks separated by a blank line, inline breaks by spaces.
pub fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push_str("\n\n"),
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_words_and_drops_markup() {
        let md = "# Asilo\n\nEl **derecho** de [asilo](https://boe.es/x) <span>y</span> `RD 1155/2024`.[^1]\n\n- uno\n- dos\n\n[^1]: Nota al pie.";
        let text = plain(md);
        assert!(text.starts_with("Asilo\n\nEl derecho de asilo"), "{text}");
        assert!(text.contains("RD 1155/2024"));
        assert!(text.contains("uno\n\ndos"));
        assert!(text.contains("Nota al pie."));
        assert!(!text.contains("boe.es") && !text.contains("span") && !text.contains("**"));
    }
}
