//! Source-text hashes: what a translation records of the text it was translated from,
//! so that `puerta report translations` and the page notice can tell when the source
//! changed since (README, "Translations").
//!
//! The hash is the first 12 hex digits of the SHA-1 of a normalized text, so that it is
//! the same on every platform and version, and can be checked by hand with
//! `sha1sum | cut -c1-12`. Normalizing: a byte-order mark is dropped, line endings
//! become `\n`, spaces and tabs at line ends are dropped, and blank lines at the start
//! and end are dropped; the result ends with one `\n` (nothing for an empty text).
//! What is hashed:
//!
//! - an article or page: its title, a line `---`, its summary (empty when it has
//!   none), a line `---`, then its Markdown body, each normalized on its own;
//!   nothing else of the front matter counts;
//! - a directory entity: for each localized text of the source language, sorted by
//!   field path (`summary`, `eligibility.description`, `documents[1]`), a line
//!   `<path>` then the normalized text (see [`entity_text`]);
//! - an interface string: the text of the message after `=`, each line trimmed
//!   (see [`crate::report`]).

use std::path::PathBuf;

use crate::config::Config;
use crate::diag::{Diagnostic, Problem, Span};

/// How many hex digits of the SHA-1 a stamp keeps.
pub const HASH_LEN: usize = 12;

/// What a translation records: the language it was translated from and the hash of
/// that language's text at the time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    /// The source language.
    pub lang: String,
    /// [`hash`] of the source text when it was translated.
    pub hash: String,
}

/// The stamps of a directory entity: for each translated language, what its texts
/// were translated from (`translated_from: {en: {from: es, hash: …}}`).
pub type EntityStamps = std::collections::BTreeMap<String, EntityStamp>;

/// The stamp of one language of a directory entity.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityStamp {
    /// The source language.
    pub from: String,
    /// [`hash`] of the entity's texts in that language ([`entity_text`]) then.
    pub hash: String,
}

/// A stamp of a document, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslatedFrom {
    /// The source language.
    pub lang: String,
    /// The recorded hash.
    pub hash: String,
    /// Where `translated_from` is written, for reports.
    pub at: Span,
}

/// The stamp hash of `text` (normalized first).
pub fn hash(text: &str) -> String {
    let digest = sha1_smol::Sha1::from(normalize(text).as_bytes())
        .digest()
        .to_string();
    digest[..HASH_LEN].to_string()
}

/// The text normalized as described in the module documentation.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches([' ', '\t']))
        .collect();
    let start = lines.iter().position(|l| !l.is_empty());
    let end = lines.iter().rposition(|l| !l.is_empty());
    match (start, end) {
        (Some(start), Some(end)) => {
            let mut out = lines[start..=end].join("\n");
            out.push('\n');
            out
        }
        _ => String::new(),
    }
}

/// The text an article or page is hashed on: title, summary and body.
pub fn doc_text(title: &str, summary: Option<&str>, body: &str) -> String {
    format!(
        "{}---\n{}---\n{}",
        normalize(title),
        normalize(summary.unwrap_or("")),
        normalize(body)
    )
}

/// The hash of an article or page.
pub fn doc_hash(title: &str, summary: Option<&str>, body: &str) -> String {
    hash(&doc_text(title, summary, body))
}

/// The hash of a loaded document's text, to compare with its translations' stamps.
pub fn of_doc(doc: &super::Doc) -> String {
    doc_hash(&doc.title, doc.summary.as_deref(), &doc.body)
}

/// The hash of a Markdown file as written, read without the checks of a build (for
/// `puerta new --from`); `None` without front matter or a title.
pub fn markdown_hash(text: &str) -> Option<String> {
    let split = super::frontmatter::split(text)?;
    let value: serde_yaml::Value = serde_yaml::from_str(split.yaml).ok()?;
    let title = value.get("title")?.as_str()?;
    let summary = value.get("summary").and_then(serde_yaml::Value::as_str);
    Some(doc_hash(title, summary, split.body))
}

/// The text a directory entity is hashed on in one language: its localized texts in
/// that language as `(field path, text)`, sorted by path, each as a line with the path
/// then the normalized text.
pub fn entity_text(fields: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = fields.iter().collect();
    sorted.sort();
    let mut out = String::new();
    for (path, text) in sorted {
        out.push_str(path);
        out.push('\n');
        out.push_str(&normalize(text));
    }
    out
}

/// Whether `hash` has the shape of a stamp hash: 12 lowercase hex digits.
pub fn well_formed(hash: &str) -> bool {
    hash.len() == HASH_LEN && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Checks a stamp written at `lang_at`/`hash_at` in a text of language `own` (`None`
/// for a directory entity, whose stamps name the translation's language instead):
/// the source language must be another site language and the hash well formed.
pub fn check(
    config: &Config,
    own: Option<&str>,
    stamp: &Stamp,
    lang_at: Span,
    hash_at: Span,
    out: &mut Vec<Diagnostic>,
) {
    let languages = config.languages.join(", ");
    if !config.languages.contains(&stamp.lang) {
        out.push(
            Diagnostic::error(
                lang_at,
                Problem::UnknownReference {
                    what: "source language".into(),
                    found: stamp.lang.clone(),
                },
            )
            .expected(format!(
                "the language translated from, one of the site languages: {languages}"
            ))
            .did_you_mean(&stamp.lang, config.languages.iter().map(String::as_str)),
        );
    } else if own == Some(stamp.lang.as_str()) {
        out.push(
            Diagnostic::error(
                lang_at,
                Problem::InvalidValue {
                    what: "source language".into(),
                    found: stamp.lang.clone(),
                },
            )
            .expected("another language than the text's own: the one it was translated from")
            .help("leave `translated_from` out of the original text"),
        );
    }
    if !well_formed(&stamp.hash) {
        out.push(
            Diagnostic::error(
                hash_at,
                Problem::InvalidValue {
                    what: "source hash".into(),
                    found: stamp.hash.clone(),
                },
            )
            .expected(format!(
                "{HASH_LEN} lowercase hex digits, as `puerta report translations` prints them"
            )),
        );
    }
}

/// Checks the stamps of a directory entity, whose file is `src`.
pub fn check_entity(
    config: &Config,
    src: crate::yaml::Source<'_>,
    stamps: &EntityStamps,
    out: &mut Vec<Diagnostic>,
) {
    for (lang, s) in stamps {
        if !config.languages.contains(lang) {
            out.push(
                Diagnostic::error(
                    src.locate(&["translated_from", lang]),
                    Problem::UnknownReference {
                        what: "language".into(),
                        found: lang.clone(),
                    },
                )
                .expected(format!(
                    "a translated language, one of the site languages: {}",
                    config.languages.join(", ")
                ))
                .did_you_mean(lang, config.languages.iter().map(String::as_str)),
            );
            continue;
        }
        let stamp = Stamp {
            lang: s.from.clone(),
            hash: s.hash.clone(),
        };
        let lang_at = src.locate(&["translated_from", lang, "from"]);
        let hash_at = src.locate(&["translated_from", lang, "hash"]);
        check(config, Some(lang), &stamp, lang_at, hash_at, out);
    }
}

/// The file of the `lang` version of a document, next to `file` (`x.en.md` → `x.es.md`).
pub fn sibling(file: &std::path::Path, key: &str, lang: &str) -> PathBuf {
    file.with_file_name(format!("{key}.{lang}.md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_ignores_line_endings_and_trailing_blanks() {
        assert_eq!(normalize("\u{feff}\r\n\r\nA  \r\nB\t\r\n\r\n"), "A\nB\n");
        assert_eq!(normalize("A\nB"), "A\nB\n");
        assert_eq!(normalize(" \n\n"), "");
        assert_eq!(hash("A\r\nB\r\n"), hash("\nA\nB"));
    }

    #[test]
    fn the_hash_is_sha1_of_the_normalized_text() {
        // `printf 'hello\n' | sha1sum` → f572d396fae9206628714fb2ce00f72e94f2258f
        assert_eq!(hash("hello"), "f572d396fae9");
        assert!(well_formed(&hash("")));
        assert!(!well_formed("F572D396FAE9"));
        assert!(!well_formed("f572d396fae"));
    }

    #[test]
    fn every_part_of_a_document_counts() {
        let base = doc_hash("T", Some("S"), "Body\n");
        assert_ne!(base, doc_hash("T2", Some("S"), "Body\n"));
        assert_ne!(base, doc_hash("T", None, "Body\n"));
        assert_ne!(base, doc_hash("T", Some("S"), "Body.\n"));
        // A summary moved into the title is another text.
        assert_ne!(doc_hash("TS", None, ""), doc_hash("T", Some("S"), ""));
        assert_eq!(base, doc_hash("T", Some("S"), "\r\nBody\r\n\r\n"));
    }

    #[test]
    fn entity_texts_are_sorted_by_path() {
        let a = vec![
            ("summary".to_string(), "S".to_string()),
            ("name".to_string(), "N".to_string()),
        ];
        let b = vec![a[1].clone(), a[0].clone()];
        assert_eq!(entity_text(&a), "name\nN\nsummary\nS\n");
        assert_eq!(entity_text(&a), entity_text(&b));
    }
}
