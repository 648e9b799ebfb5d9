//! `puerta report translations`: per language, the articles, pages, directory texts
//! and interface strings that are missing, or older than the text they were
//! translated from.
//!
//! A translation that records `translated_from` (the source language and the hash of
//! its text, [`crate::content::stamp`]) is outdated when the source's hash changed. An
//! article or page without it falls back to a weaker rule: its last edit (`updated`,
//! else `date`) is older than another language's, so it may say less.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::content::stamp;
use crate::content::Section;
use crate::model::{Entry, Site};

/// What kind of text a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An article of `content/blog/`.
    Article,
    /// A page of `content/pages/`.
    Page,
    /// A localized text of a directory entity.
    Directory,
    /// An interface string of `locales/`.
    Interface,
}

impl Kind {
    /// The kind of an entry's section.
    fn of(section: Section) -> Kind {
        match section {
            Section::Blog => Kind::Article,
            Section::Pages => Kind::Page,
        }
    }

    /// In words, for the text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Page => "page",
            Kind::Directory => "directory text",
            Kind::Interface => "interface string",
        }
    }
}

/// What is wrong with a translation, and which rule says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not written in this language.
    Missing,
    /// Hash rule: the source changed since the hash recorded in the translation.
    Outdated,
    /// Date rule (no recorded hash): last edited before the source's last edit.
    Older,
    /// The recorded source language has no such text any more.
    NoSource,
}

/// The text a translation is (or would be) made from, as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Its language.
    pub lang: String,
    /// Its file, relative to the site root.
    pub file: PathBuf,
    /// Its line, where known.
    pub line: Option<usize>,
    /// Its current hash: what the translation should record once brought up to date.
    pub hash: Option<String>,
    /// Its last edit, for the date rule.
    pub edited: Option<NaiveDate>,
}

/// One text missing or outdated in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationRow {
    /// The language that lacks the text or holds an outdated one.
    pub lang: String,
    /// Article, page, directory text or interface string.
    pub kind: Kind,
    /// Missing, outdated (hash rule), older (date rule) or without its source.
    pub status: Status,
    /// The article or page key, entity id or message id.
    pub key: String,
    /// The field of a directory entity (`summary`, `documents[1]`); `None` for a whole
    /// entity or anything else.
    pub field: Option<String>,
    /// The translation's file (for a missing article or page, the file to create).
    pub file: PathBuf,
    /// Its line, where known.
    pub line: Option<usize>,
    /// The hash the translation records, if any.
    pub recorded: Option<String>,
    /// The translation's last edit (date rule).
    pub edited: Option<NaiveDate>,
    /// What it is translated from.
    pub source: Option<Source>,
}

impl TranslationRow {
    pub(super) fn new(
        lang: &str,
        kind: Kind,
        status: Status,
        key: &str,
        file: PathBuf,
    ) -> TranslationRow {
        TranslationRow {
            lang: lang.to_string(),
            kind,
            status,
            key: key.to_string(),
            field: None,
            file,
            line: None,
            recorded: None,
            edited: None,
            source: None,
        }
    }
}

/// Every text missing or outdated in a site language (only `only` when given), sorted
/// by language (in the site's order), kind, file and line.
pub fn translations(site: &Site, only: Option<&str>) -> Vec<TranslationRow> {
    let mut rows = Vec::new();
    for entry in site.articles.iter().chain(&site.pages) {
        entry_rows(site, entry, &mut rows);
    }
    rows.extend(super::directory::rows(site));
    rows.extend(super::interface::rows(&site.config));
    let config = &site.config;
    rows.retain(|r| only.is_none_or(|l| r.lang == l) && config.languages.contains(&r.lang));
    let order = |lang: &str| config.languages.iter().position(|l| l == lang);
    rows.sort_by(|a, b| {
        (
            order(&a.lang),
            a.kind,
            &a.file,
            a.line,
            &a.key,
            &a.field,
            a.status,
        )
            .cmp(&(
                order(&b.lang),
                b.kind,
                &b.file,
                b.line,
                &b.key,
                &b.field,
                b.status,
            ))
    });
    rows
}

/// The rows of one article or page.
fn entry_rows(site: &Site, entry: &Entry, rows: &mut Vec<TranslationRow>) {
    let config = &site.config;
    let kind = Kind::of(entry.section);
    let Some(any) = entry.items.values().next() else {
        return;
    };
    let file_in = |lang: &str| stamp::sibling(&any.doc.file, &entry.key, lang);
    let source_of = |lang: &str| {
        entry.items.get(lang).map(|item| Source {
            lang: lang.to_string(),
            file: item.doc.file.clone(),
            line: None,
            hash: Some(stamp::of_doc(&item.doc)),
            edited: item.doc.updated.or(item.doc.date),
        })
    };
    // Languages other translations were made from: originals, never "older".
    let sources: Vec<&str> = entry
        .items
        .values()
        .filter_map(|i| i.doc.translated_from.as_ref().map(|f| f.lang.as_str()))
        .collect();
    // A missing translation is made from the original: an unstamped text, the
    // default language's first.
    let original = std::iter::once(config.default_language.as_str())
        .chain(config.languages.iter().map(String::as_str))
        .find(|l| {
            entry
                .items
                .get(*l)
                .is_some_and(|i| i.doc.translated_from.is_none())
        })
        .or_else(|| entry.languages(config).next());
    let newest = entry
        .items
        .iter()
        .filter_map(|(l, i)| i.doc.updated.or(i.doc.date).map(|d| (d, l)))
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    for lang in &config.languages {
        let Some(item) = entry.items.get(lang) else {
            let mut row =
                TranslationRow::new(lang, kind, Status::Missing, &entry.key, file_in(lang));
            row.source = original.and_then(source_of);
            rows.push(row);
            continue;
        };
        let doc = &item.doc;
        let edited = doc.updated.or(doc.date);
        match &doc.translated_from {
            Some(from) => {
                let source = source_of(&from.lang);
                let status = match &source {
                    None => Status::NoSource,
                    Some(s) if s.hash.as_deref() != Some(from.hash.as_str()) => Status::Outdated,
                    Some(_) => continue,
                };
                let mut row = TranslationRow::new(lang, kind, status, &entry.key, doc.file.clone());
                row.line = Some(from.at.line);
                row.recorded = Some(from.hash.clone());
                row.edited = edited;
                row.source = source.or_else(|| {
                    Some(Source {
                        lang: from.lang.clone(),
                        file: file_in(&from.lang),
                        line: None,
                        hash: None,
                        edited: None,
                    })
                });
                rows.push(row);
            }
            None if !sources.contains(&lang.as_str()) => {
                let Some((date, newest_lang)) = newest else {
                    continue;
                };
                if edited.is_none_or(|d| d >= date) || newest_lang == lang {
                    continue;
                }
                let mut row =
                    TranslationRow::new(lang, kind, Status::Older, &entry.key, doc.file.clone());
                row.edited = edited;
                row.source = source_of(newest_lang);
                rows.push(row);
            }
            None => {}
        }
    }
}
