//! Interface strings in `puerta report translations`: the messages of
//! `locales/<lang>/*.ftl` (the site's, or the built-in ones) defined in the default
//! language but missing in another, and the messages whose stamp comment
//! `# from <lang>: <hash>`, directly above them, no longer matches the source
//! message's text.
//!
//! The files are scanned line by line rather than through the Fluent parser, so that
//! the report works on locales a build would reject and keeps every line number. A
//! message's text, for its hash, is what follows `=` on its first line and its
//! indented continuation lines (attributes included), each trimmed, joined by `\n`.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use super::translations::{Kind, Source, Status, TranslationRow};
use crate::config::Config;
use crate::content::stamp;

/// A message as scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Its id (terms keep their `-`).
    pub id: String,
    /// 1-based line of its id.
    pub line: usize,
    /// Its text, as hashed.
    pub text: String,
    /// The stamp comment above it: source language and hash.
    pub stamp: Option<(String, String)>,
}

/// The rows of every interface string. Nothing when the locales cannot be read: a
/// build reports why.
pub fn rows(config: &Config) -> Vec<TranslationRow> {
    let Ok(files) = crate::theme::locale_files(config) else {
        return Vec::new();
    };
    // lang → id → (file, message); the first definition wins, as in a build.
    let mut by_lang: BTreeMap<&str, BTreeMap<String, (&Path, Message)>> = BTreeMap::new();
    for f in &files {
        let messages = by_lang.entry(f.lang.as_str()).or_default();
        for m in scan(&f.text) {
            messages.entry(m.id.clone()).or_insert((&f.path, m));
        }
    }
    let empty = BTreeMap::new();
    let default = config.default_language.as_str();
    let source = |lang: &str, id: &str| {
        by_lang.get(lang)?.get(id).map(|(file, m)| Source {
            lang: lang.to_string(),
            file: file.to_path_buf(),
            line: Some(m.line),
            hash: Some(stamp::hash(&m.text)),
            edited: None,
        })
    };
    let mut rows = Vec::new();
    for lang in &config.languages {
        let own = by_lang.get(lang.as_str()).unwrap_or(&empty);
        if lang != default {
            for (id, (file, _)) in by_lang.get(default).unwrap_or(&empty) {
                if own.contains_key(id) {
                    continue;
                }
                let mut row = TranslationRow::new(
                    lang,
                    Kind::Interface,
                    Status::Missing,
                    id,
                    counterpart(file, default, lang),
                );
                row.source = source(default, id);
                rows.push(row);
            }
        }
        for (id, (file, m)) in own {
            let Some((from, recorded)) = &m.stamp else {
                continue;
            };
            let found = source(from, id);
            let status = match &found {
                None => Status::NoSource,
                Some(s) if s.hash.as_deref() != Some(recorded.as_str()) => Status::Outdated,
                Some(_) => continue,
            };
            let mut row =
                TranslationRow::new(lang, Kind::Interface, status, id, file.to_path_buf());
            row.line = Some(m.line);
            row.recorded = Some(recorded.clone());
            row.source = found.or_else(|| {
                Some(Source {
                    lang: from.clone(),
                    file: counterpart(file, lang, from),
                    line: None,
                    hash: None,
                    edited: None,
                })
            });
            rows.push(row);
        }
    }
    rows
}

/// `locales/es/main.ftl` → `locales/el/main.ftl`, whatever comes before `locales`.
fn counterpart(file: &Path, from: &str, to: &str) -> PathBuf {
    let mut after_locales = false;
    let mut out = PathBuf::new();
    for c in file.components() {
        match c {
            Component::Normal(name) if after_locales && name == from => out.push(to),
            other => out.push(other),
        }
        after_locales = matches!(c, Component::Normal(n) if n == "locales");
    }
    out
}

/// The messages and terms of a Fluent file, with their lines, texts and stamps.
pub fn scan(text: &str) -> Vec<Message> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut out = Vec::new();
    let mut comment: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if let Some(rest) = line.strip_prefix('#') {
            if rest.starts_with('#') {
                comment.clear();
            } else {
                comment.push(rest.trim());
            }
            continue;
        }
        let Some((id, value)) = message_start(line) else {
            comment.clear();
            continue;
        };
        let mut parts = vec![value.trim()];
        // Continuation lines are indented; blank lines inside the value count only
        // when an indented line follows them.
        while i < lines.len() {
            let next = lines[i];
            if next.starts_with([' ', '\t']) && !next.trim().is_empty() {
                parts.push(next.trim());
                i += 1;
            } else if next.trim().is_empty()
                && lines[i..]
                    .iter()
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|l| l.starts_with([' ', '\t']))
            {
                parts.push("");
                i += 1;
            } else {
                break;
            }
        }
        let stamp = comment.iter().find_map(|c| {
            let (lang, hash) = c.strip_prefix("from ")?.split_once(':')?;
            Some((lang.trim().to_string(), hash.trim().to_string()))
        });
        out.push(Message {
            id: id.to_string(),
            line: i - parts.len() + 1,
            text: stamp::normalize(&parts.join("\n")),
            stamp,
        });
        comment.clear();
    }
    out
}

/// The id and the text after `=` of a line that starts a message or term.
fn message_start(line: &str) -> Option<(&str, &str)> {
    let (id, value) = line.split_once('=')?;
    let id = id.trim_end();
    let name = id.strip_prefix('-').unwrap_or(id);
    let mut chars = name.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then_some((id, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_messages_with_continuations_and_stamps() {
        let ftl = "## Group\n# Variables:\n# from es: 0123456789ab\nhello = Hello\n    world\n\n  .title = T\nbye = Bye\n-brand = Puerta\n";
        let messages = scan(ftl);
        let ids: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["hello", "bye", "-brand"]);
        assert_eq!(messages[0].line, 4);
        assert_eq!(messages[0].text, "Hello\nworld\n\n.title = T\n");
        assert_eq!(
            messages[0].stamp,
            Some(("es".to_string(), "0123456789ab".to_string()))
        );
        assert_eq!(messages[1].line, 8);
        assert_eq!(messages[1].stamp, None);
        assert_eq!(messages[2].line, 9);
    }

    #[test]
    fn a_comment_then_a_blank_line_is_no_stamp() {
        let messages = scan("# from es: 0123456789ab\n\nhello = Hello\n");
        assert_eq!(messages[0].stamp, None);
    }

    #[test]
    fn counterpart_swaps_the_language_folder() {
        assert_eq!(
            counterpart(Path::new("site/locales/es/main.ftl"), "es", "el"),
            PathBuf::from("site/locales/el/main.ftl")
        );
    }
}
