//! Markdown stage: a document's body → HTML and a table of contents.
//!
//! Input: Markdown text, its language and [`Resolvers`] for internal links and
//! citations of laws. Output: HTML (tables, footnotes, strikethrough, smart
//! punctuation, heading ids that keep Greek and Spanish letters, citations written in
//! the text's language), a word count, and problems such as a link to a page that does
//! not exist or a citation of an unknown law, at the `file:line:col` where it is written.
//!
//! Inline citations (`[@es-lo-4-2000, 31.3]`, see [`crate::law::cite`]) are, for
//! CommonMark, shortcut links to undefined references: the parser hands them to a
//! callback, which turns them into links with a private prefix that the event loop
//! replaces with the citation's HTML.

use std::collections::HashMap;
use std::path::Path;

mod citations;
mod footnotes;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::content::Section;
use crate::diag::{Diagnostic, Problem, Span};
use crate::law::cite::{self, Reference};
pub use citations::citations;
use citations::{bad_citation, citation_callback};
use footnotes::Footnotes;

/// Prefix of internal links: `[text](@/blog/<key>.md)`.
pub const INTERNAL_PREFIX: &str = "@/";

/// Destination given to inline citations by the broken-link callback; it cannot be
/// typed in a link, since it starts with a character that is not a URL's.
const CITE_PREFIX: &str = "\u{1}cite:";

/// What the links and citations of a body point to.
pub struct Resolvers<'a> {
    /// `link(section, key)`: the `href` of an internal link, `None` if there is no
    /// such entry.
    pub link: &'a dyn Fn(Section, &str) -> Option<String>,
    /// `cite(reference, lang)`: the HTML of a citation in a text written in `lang`,
    /// or what was expected instead (an unknown law).
    pub cite: &'a dyn Fn(&Reference, &str) -> Result<String, String>,
}

/// A heading, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 2 for `##`, and so on.
    pub level: u8,
    /// The `id` given to the heading element.
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// HTML fragment.
    pub html: String,
    /// Headings in order.
    pub toc: Vec<Heading>,
    /// Words of text, for the reading time.
    pub words: usize,
}

/// Where the text comes from, for placing problems found in it.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// File, relative to the site root.
    pub file: &'a Path,
    /// Line of the file where the text starts.
    pub first_line: usize,
}

/// Renders `text`, written in `lang`: internal links and citations through `resolve`.
pub fn render(
    text: &str,
    lang: &str,
    origin: Origin<'_>,
    resolve: &Resolvers<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Rendered {
    let guillemets = matches!(lang, "es" | "el");
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut headings: Vec<(usize, u8)> = Vec::new();
    let mut notes = Footnotes::default();
    let mut words = 0;
    let mut in_citation = false;
    let parser = Parser::new_with_broken_link_callback(text, OPTIONS, Some(citation_callback));
    for (event, range) in parser.into_offset_iter() {
        if in_citation {
            // The citation's own text was replaced as a whole.
            in_citation = !matches!(event, Event::End(TagEnd::Link));
            continue;
        }
        let event = match event {
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with(CITE_PREFIX) => {
                in_citation = true;
                let written = &dest_url[CITE_PREFIX.len()..];
                let place = || place(origin, text, range.start);
                let html = match cite::parse(written) {
                    Some(Ok(reference)) => {
                        words += 2 + reference.articles.len();
                        (resolve.cite)(&reference, lang).unwrap_or_else(|expected| {
                            errors.push(
                                crate::law::unknown_law(place(), &reference.law, [])
                                    .expected(expected),
                            );
                            escape(&format!("[{written}]"))
                        })
                    }
                    _ => {
                        errors.push(bad_citation(place(), written));
                        escape(&format!("[{written}]"))
                    }
                };
                Event::InlineHtml(html.into())
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with(INTERNAL_PREFIX) => {
                let href = resolve_internal(&dest_url, resolve.link).unwrap_or_else(|expected| {
                    errors.push(broken_link(&dest_url, expected, origin, text, range.start));
                    String::from("#")
                });
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: href.into(),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Heading { level, .. }) => {
                headings.push((events.len(), heading_level(level)));
                event
            }
            Event::Text(t) => {
                words += t.split_whitespace().count();
                if guillemets && t.contains(['“', '”']) {
                    Event::Text(t.replace('“', "«").replace('”', "»").into())
                } else {
                    Event::Text(t)
                }
            }
            Event::FootnoteReference(label) => notes.reference(&label),
            Event::Start(Tag::FootnoteDefinition(label)) => notes.definition(&label),
            Event::End(TagEnd::FootnoteDefinition) => Event::Html("</div>\n".into()),
            other => other,
        };
        events.push(event);
    }
    let toc = assign_heading_ids(&mut events, &headings, &notes.ids());
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html, toc, words }
}

/// Escapes the five HTML specials, for text put back as HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_SMART_PUNCTUATION)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Checks the internal links of `text` without rendering it; `exists(section, key)`
/// tells whether an entry exists. Used when a build fails early, so that broken links
/// are reported in the same run as the other errors.
pub fn check_links(
    text: &str,
    origin: Origin<'_>,
    exists: &dyn Fn(Section, &str) -> bool,
    errors: &mut Vec<Diagnostic>,
) {
    let resolve = |section: Section, key: &str| exists(section, key).then(String::new);
    for (event, range) in Parser::new_ext(text, OPTIONS).into_offset_iter() {
        if let Event::Start(Tag::Link { dest_url, .. }) = event {
            if dest_url.starts_with(INTERNAL_PREFIX) {
                if let Err(expected) = resolve_internal(&dest_url, &resolve) {
                    errors.push(broken_link(&dest_url, expected, origin, text, range.start));
                }
            }
        }
    }
}

/// `@/blog/key.md#frag` → the resolver's href plus the fragment.
fn resolve_internal(
    dest: &str,
    resolve: &dyn Fn(Section, &str) -> Option<String>,
) -> Result<String, &'static str> {
    const EXPECTED: &str = "`@/blog/<key>.md` or `@/pages/<key>.md` naming an existing file";
    let rest = &dest[INTERNAL_PREFIX.len()..];
    let (path, fragment) = rest
        .split_once('#')
        .map_or((rest, None), |(p, f)| (p, Some(f)));
    let (dir, file) = path.split_once('/').ok_or(EXPECTED)?;
    let section = match dir {
        "blog" => Section::Blog,
        "pages" => Section::Pages,
        _ => return Err(EXPECTED),
    };
    let key = file.strip_suffix(".md").ok_or(EXPECTED)?;
    let href = resolve(section, key).ok_or(EXPECTED)?;
    Ok(match fragment {
        Some(f) => format!("{href}#{f}"),
        None => href,
    })
}

/// The place of byte `offset` of `text`.
fn place(origin: Origin<'_>, text: &str, offset: usize) -> Span {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count();
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Span::new(origin.file, origin.first_line + line, col)
}

fn broken_link(
    dest: &str,
    expected: &str,
    origin: Origin<'_>,
    text: &str,
    offset: usize,
) -> Diagnostic {
    Diagnostic::error(
        place(origin, text, offset),
        Problem::UnknownReference {
            what: "link target".into(),
            found: dest.into(),
        },
    )
    .expected(expected)
}

/// Gives every heading without an explicit `{#id}` an id made from its text, unique
/// within the document, and returns the table of contents.
fn assign_heading_ids(
    events: &mut [Event<'_>],
    headings: &[(usize, u8)],
    reserved: &[String],
) -> Vec<Heading> {
    let mut used: HashMap<String, usize> = reserved.iter().map(|id| (id.clone(), 1)).collect();
    let mut toc = Vec::with_capacity(headings.len());
    for &(start, level) in headings {
        let mut text = String::new();
        for e in &events[start + 1..] {
            match e {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let Event::Start(Tag::Heading { id, .. }) = &mut events[start] else {
            continue;
        };
        let chosen = match id {
            Some(explicit) => explicit.to_string(),
            None => {
                let base = slugify(&text);
                let base = if base.is_empty() {
                    "section".to_string()
                } else {
                    base
                };
                let n = used.entry(base.clone()).or_insert(0);
                *n += 1;
                let unique = if *n == 1 {
                    base
                } else {
                    format!("{base}-{}", *n - 1)
                };
                *id = Some(CowStr::from(unique.clone()));
                unique
            }
        };
        toc.push(Heading {
            level,
            id: chosen,
            text,
        });
    }
    toc
}

/// A heading id: lowercase letters of any script and digits, words joined by `-`.
/// Accents and Greek tonos are kept: ids are read in URLs, where browsers show them.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, lang: &str) -> (Rendered, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let origin = Origin {
            file: Path::new("content/blog/a.es.md"),
            first_line: 10,
        };
        let link = |s: Section, key: &str| {
            (s == Section::Blog && key == "b").then(|| "/es/blog/b/".to_string())
        };
        let cite = |r: &Reference, lang: &str| {
            if r.law == "es-lo-4-2000" {
                Ok(format!(
                    "<cite>{lang}:{}:{}</cite>",
                    r.law,
                    r.articles.join("+")
                ))
            } else {
                Err("a known law".to_string())
            }
        };
        let resolvers = Resolvers {
            link: &link,
            cite: &cite,
        };
        let r = render(text, lang, origin, &resolvers, &mut errors);
        (r, errors)
    }

    #[test]
    fn renders_inline_citations_and_places_unknown_laws() {
        let text =
            "See [@es-lo-4-2000, 31.3] and *[@es-lo-4-2000]*.\n\nAlso\n  [@es-lo-4-200, 5].\n";
        let (r, errors) = run(text, "el");
        assert!(
            r.html.contains(
                "See <cite>el:es-lo-4-2000:31.3</cite> and <em><cite>el:es-lo-4-2000:</cite></em>."
            ),
            "{}",
            r.html
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].span,
            Some(Span::new("content/blog/a.es.md", 13, 3))
        );
        assert_eq!(errors[0].help.as_deref(), None);
        assert!(r.html.contains("[@es-lo-4-200, 5]"));

        let mut errors = Vec::new();
        let origin = Origin {
            file: Path::new("content/blog/a.es.md"),
            first_line: 10,
        };
        let found = citations(text, origin, &mut errors);
        assert!(errors.is_empty());
        let laws: Vec<_> = found
            .iter()
            .map(|(r, at)| (r.law.as_str(), at.line, at.col))
            .collect();
        assert_eq!(
            laws,
            [
                ("es-lo-4-2000", 10, 5),
                ("es-lo-4-2000", 10, 32),
                ("es-lo-4-200", 13, 3)
            ]
        );
    }

    #[test]
    fn rejects_malformed_citations_and_leaves_other_brackets_alone() {
        let (r, errors) = run("A [@Bad Key] and [note] and \\[@x].\n", "es");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].span,
            Some(Span::new("content/blog/a.es.md", 10, 3))
        );
        assert!(
            r.html.contains("[note]") && r.html.contains("[@x]"),
            "{}",
            r.html
        );
    }

    #[test]
    fn counts_words_of_the_text() {
        let (r, _) = run("# Title here\n\nOne two *three* four.\n", "en");
        assert_eq!(r.words, 6);
    }

    #[test]
    fn heading_ids_keep_greek_and_spanish_letters() {
        let (r, _) = run(
            "## Τι αλλάζει;\n\n## ¿Qué es el arraigo?\n\n## Τι αλλάζει;\n",
            "el",
        );
        let ids: Vec<_> = r.toc.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["τι-αλλάζει", "qué-es-el-arraigo", "τι-αλλάζει-1"]);
        assert!(r.html.contains("<h2 id=\"τι-αλλάζει\">"));
    }

    #[test]
    fn resolves_internal_links_and_places_broken_ones() {
        let (r, errors) = run("See [b](@/blog/b.md#x).\n\nAnd [c](@/blog/c.md).\n", "es");
        assert!(r.html.contains("href=\"/es/blog/b/#x\""));
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].span,
            Some(Span::new("content/blog/a.es.md", 12, 5))
        );
    }

    #[test]
    fn renders_tables_footnotes_strikethrough_and_guillemets() {
        let (r, _) = run(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ \"new\"[^1]\n\n[^1]: Source.\n",
            "es",
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("«new»"));
        assert!(r.html.contains("footnote-definition"));
        let (en, _) = run("\"new\"", "en");
        assert!(en.html.contains("“new”"));
    }
}
