//! Plain text of Markdown, for the search index: the words a reader sees, without
//! markup, link targets, HTML or footnote labels.

use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// The text of `markdown` with each inline citation of a law (`[@es-lo-4-2000, 31]`)
/// replaced by what `law` gives for its key (its short title), or left out.
pub fn plain_cited(markdown: &str, law: &dyn Fn(&str) -> Option<String>) -> String {
    let mut source = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find("[@") {
        let escaped = rest[..start].ends_with('\\');
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        source.push_str(&rest[..start]);
        let inner = &rest[start + 1..start + len];
        match crate::law::cite::parse(inner) {
            Some(Ok(reference)) if !escaped => {
                let mut text = law(&reference.law).unwrap_or_default();
                if !reference.articles.is_empty() {
                    text.push(' ');
                    text.push_str(&reference.articles.join(", "));
                }
                source.push_str(&text);
            }
            _ => source.push_str(&rest[start..=start + len]),
        }
        rest = &rest[start + len + 1..];
    }
    source.push_str(rest);
    plain(&source)
}

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

    #[test]
    fn citations_read_as_the_short_title_of_the_law() {
        let law = |key: &str| (key == "es-lo-4-2000").then(|| "LO 4/2000".to_string());
        let text = plain_cited("Ver [@es-lo-4-2000, 31.3] y [@otra]. \\[@no] [a](b)", &law);
        assert_eq!(text, "Ver LO 4/2000 31.3 y . [@no] a");
    }
}
