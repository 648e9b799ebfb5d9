//! Directory texts in `puerta report translations`: every localized text (a map
//! `{es: …, el: …, en: …}`) of every entity that lacks a site language, and every
//! entity whose `translated_from: {<lang>: {from: <source>, hash: …}}` no longer
//! matches the source language's texts of the entity ([`stamp::entity_text`]).
//!
//! The entity files are read again as plain YAML, so that every kind and every field,
//! however deep (`eligibility.description`, `documents[1]`), is covered the same way:
//! a localized text is a mapping whose keys are all site languages and whose values
//! are all strings. `translated_from` itself is left out.

use serde_yaml::Value;

use super::translations::{Kind, Source, Status, TranslationRow};
use crate::config::Config;
use crate::content::stamp;
use crate::directory::{place, Directory};
use crate::model::Site;
use crate::yaml;

/// One step of a path into a YAML document.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// A localized text found in an entity: its path and its texts by language.
struct Text {
    path: Vec<Step>,
    texts: Vec<(String, String)>,
}

/// The rows of every directory entity.
pub fn rows(site: &Site) -> Vec<TranslationRow> {
    let config = &site.config;
    let mut rows = Vec::new();
    for (id, file) in entities(&site.directory) {
        let Ok(text) = std::fs::read_to_string(config.root.join(file)) else {
            continue;
        };
        let Ok(value) = serde_yaml::from_str::<Value>(&text) else {
            continue;
        };
        let src = yaml::Source::file(file, &text);
        let mut found = Vec::new();
        walk(config, &value, &mut Vec::new(), &mut found);
        for t in &found {
            let source = t
                .texts
                .iter()
                .find(|(l, _)| *l == config.default_language)
                .or_else(|| t.texts.first())
                .map(|(l, _)| l.clone());
            for lang in &config.languages {
                if t.texts.iter().any(|(l, _)| l == lang) {
                    continue;
                }
                let mut row = TranslationRow::new(
                    lang,
                    Kind::Directory,
                    Status::Missing,
                    id,
                    file.to_path_buf(),
                );
                row.field = Some(path_string(&t.path));
                row.line = Some(locate(src, &t.path));
                row.source = source.as_ref().map(|l| Source {
                    lang: l.clone(),
                    file: file.to_path_buf(),
                    line: row.line,
                    hash: Some(stamp::hash(&entity_text(&found, l))),
                    edited: None,
                });
                rows.push(row);
            }
        }
        let Some(Value::Mapping(stamps)) = value.get("translated_from") else {
            continue;
        };
        for (lang, s) in stamps {
            let (Some(lang), Some(from), Some(recorded)) = (
                lang.as_str(),
                s.get("from").and_then(Value::as_str),
                s.get("hash").and_then(Value::as_str),
            ) else {
                continue;
            };
            let current = stamp::hash(&entity_text(&found, from));
            if current == recorded {
                continue;
            }
            let mut row = TranslationRow::new(
                lang,
                Kind::Directory,
                Status::Outdated,
                id,
                file.to_path_buf(),
            );
            row.line = Some(src.locate(&["translated_from", lang]).line);
            row.recorded = Some(recorded.to_string());
            row.source = Some(Source {
                lang: from.to_string(),
                file: file.to_path_buf(),
                line: None,
                hash: Some(current),
                edited: None,
            });
            rows.push(row);
        }
    }
    rows
}

/// The text an entity is hashed on in `lang`: its texts in that language by path.
fn entity_text(found: &[Text], lang: &str) -> String {
    let fields: Vec<(String, String)> = found
        .iter()
        .filter_map(|t| {
            let (_, text) = t.texts.iter().find(|(l, _)| l == lang)?;
            Some((path_string(&t.path), text.clone()))
        })
        .collect();
    stamp::entity_text(&fields)
}

/// Collects the localized texts under `value`.
fn walk(config: &Config, value: &Value, path: &mut Vec<Step>, out: &mut Vec<Text>) {
    match value {
        Value::Mapping(map) => {
            if let Some(texts) = localized(config, map) {
                out.push(Text {
                    path: path.clone(),
                    texts,
                });
                return;
            }
            for (k, v) in map {
                let Some(k) = k.as_str() else { continue };
                if path.is_empty() && k == "translated_from" {
                    continue;
                }
                path.push(Step::Key(k.to_string()));
                walk(config, v, path, out);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(config, v, path, out);
                path.pop();
            }
        }
        Value::Tagged(tagged) => walk(config, &tagged.value, path, out),
        _ => {}
    }
}

/// The texts of a localized map: every key a site language, every value a string.
fn localized(config: &Config, map: &serde_yaml::Mapping) -> Option<Vec<(String, String)>> {
    if map.is_empty() {
        return None;
    }
    map.iter()
        .map(|(k, v)| {
            let lang = k
                .as_str()
                .filter(|l| config.languages.iter().any(|s| s == l))?;
            Some((lang.to_string(), v.as_str()?.to_string()))
        })
        .collect()
}

/// `summary`, `eligibility.description`, `documents[1]`.
fn path_string(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The line where the text at `path` is written.
fn locate(src: yaml::Source<'_>, path: &[Step]) -> usize {
    let mut src = src;
    let mut keys: Vec<&str> = Vec::new();
    for step in path {
        match step {
            Step::Key(k) => keys.push(k),
            Step::Index(i) => match place::item(src, &keys, *i) {
                Some(item) => {
                    src = item;
                    keys.clear();
                }
                None => break,
            },
        }
    }
    src.locate(&keys).line
}

/// Every entity of the directory: its id and file.
fn entities(d: &Directory) -> Vec<(&str, &std::path::Path)> {
    fn ids<T>(
        list: &[crate::directory::Entity<T>],
    ) -> impl Iterator<Item = (&str, &std::path::Path)> {
        list.iter().map(|e| (e.id.as_str(), e.file.as_path()))
    }
    ids(&d.organizations)
        .chain(ids(&d.services))
        .chain(ids(&d.locations))
        .chain(ids(&d.seminars))
        .chain(ids(&d.cities))
        .chain(ids(&d.networks))
        .chain(ids(&d.partnerships))
        .chain(ids(&d.holidays))
        .collect()
}
