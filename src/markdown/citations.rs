//! Inline citations of laws in Markdown: `[@key, 31.3]` is, for CommonMark, a
//! shortcut link to an undefined reference. The parser hands it to
//! [`citation_callback`], which gives it a private destination that the event loops
//! recognize.

use pulldown_cmark::{BrokenLink, CowStr, Event, Parser, Tag};

use super::{place, Origin, CITE_PREFIX, OPTIONS};
use crate::diag::{Diagnostic, Problem, Span};
use crate::law::cite::{self, Reference};

/// Turns `[@…]` (a shortcut link to an undefined reference) into a link that the
/// event loops recognize as a citation; other broken references stay text.
pub(super) fn citation_callback<'a>(link: BrokenLink<'a>) -> Option<(CowStr<'a>, CowStr<'a>)> {
    link.reference
        .trim_start()
        .starts_with('@')
        .then(|| (format!("{CITE_PREFIX}{}", link.reference).into(), "".into()))
}

/// Every inline citation of `text`, parsed, with its place; for the load stage, which
/// resolves them against the laws before anything is rendered.
pub fn citations(
    text: &str,
    origin: Origin<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(Reference, Span)> {
    let mut out = Vec::new();
    if !text.contains("[@") {
        return out;
    }
    let parser = Parser::new_with_broken_link_callback(text, OPTIONS, Some(citation_callback));
    for (event, range) in parser.into_offset_iter() {
        let Event::Start(Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let Some(written) = dest_url.strip_prefix(CITE_PREFIX) else {
            continue;
        };
        let at = place(origin, text, range.start);
        match cite::parse(written) {
            Some(Ok(reference)) => out.push((reference, at)),
            _ => errors.push(bad_citation(at, written)),
        }
    }
    out
}

pub(super) fn bad_citation(at: Span, written: &str) -> Diagnostic {
    Diagnostic::error(
        at,
        Problem::InvalidValue {
            what: "citation".into(),
            found: format!("[{written}]"),
        },
    )
    .expected(cite::EXPECTED)
    .help(citation_help(written))
}

/// What is wrong in `[@…]`: the character of the key that keys never have, the part
/// that is no article number, or (for text that only looks like a citation) how to
/// write a literal `[@`.
fn citation_help(written: &str) -> String {
    let rest = written.trim().trim_start_matches('@');
    let mut parts = rest.split(',');
    let key = parts.next().unwrap_or_default().trim();
    let literal = "write `\\[@` for a literal bracket followed by `@`".to_string();
    if !key.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return literal;
    }
    if let Some(c) = key
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return format!(
            "a law key has lowercase letters, digits and `-` only; `{c}` is not one of them"
        );
    }
    match parts
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|a| !cite::valid_article(a))
    {
        Some(article) => format!(
            "`{article}` is not an article number: digits and letters, e.g. `31.3` or `57 bis`"
        ),
        None => literal,
    }
}
