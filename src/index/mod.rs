//! Index stage: [`Site`] → one search index per language (DESIGN.md §6), as
//! [`Output`]s under `search/<lang>/`.
//!
//! Input: the resolved site. Output: the files of a tantivy index per language, built
//! in memory by [`puerta_search::build`] from [`Record`]s: every article and page
//! written in that language (real translations only: a fallback page is the other
//! language's text), every directory entity shown in it (services, organizations,
//! seminars, cities with their aliases, networks; module `directory`) and every law. Languages are
//! indexed in parallel, and the whole stage runs beside rendering. A redacted location
//! gives the index nothing but its city. [`open`] reads a built index back (for
//! `puerta search`).

mod directory;
mod open;
pub mod reuse;
pub mod text;

pub use open::{open, OpenError};

use rayon::prelude::*;

use puerta_search::{IndexFile, Kind, Lang, Protected, Record};

use crate::model::{Entry, Site};
use crate::render::Output;
use crate::urls;

/// Folder of the output that holds the indexes, one sub-folder per language.
pub const SEARCH_DIR: &str = "search";

/// Why an index could not be built.
#[derive(Debug, thiserror::Error)]
#[error("cannot build the search index of `{lang}`: {source}")]
pub struct IndexError {
    /// Language code of the index.
    pub lang: String,
    /// What failed.
    #[source]
    pub source: puerta_search::Error,
}

/// What building one language's index took and gave, for the build's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexStats {
    /// Language code.
    pub lang: String,
    /// Documents indexed.
    pub documents: usize,
    /// Files written (index pieces and manifest); 0 when reused.
    pub files: usize,
    /// Their bytes, uncompressed; 0 when reused.
    pub bytes: usize,
    /// Time from the first record to the last piece, on its own thread.
    pub took: std::time::Duration,
    /// The fingerprint of its inputs ([`reuse::fingerprint`]).
    pub fingerprint: u128,
    /// Whether the previous build's index was kept, its inputs being the same.
    pub reused: bool,
}

/// The indexes of every language of the site, as output files, with what each took.
/// A language whose fingerprint `reusable` accepts is not built again: it gives no
/// files, and its stats say `reused`.
pub fn outputs(
    site: &Site,
    reusable: &(dyn Fn(&str, u128) -> bool + Sync),
) -> Result<(Vec<Output>, Vec<IndexStats>), IndexError> {
    let per_language: Result<Vec<(Vec<Output>, IndexStats)>, IndexError> = site
        .config
        .languages
        .par_iter()
        .filter_map(|code| Lang::parse(code).map(|lang| (code, lang)))
        .map(|(code, lang)| {
            let started = std::time::Instant::now();
            let error = |source| IndexError {
                lang: code.clone(),
                source,
            };
            let protected = protected(site, lang);
            let records = records(site, code);
            let fingerprint = reuse::fingerprint(code, &protected, &records);
            let mut stats = IndexStats {
                lang: code.clone(),
                documents: records.len(),
                files: 0,
                bytes: 0,
                took: std::time::Duration::ZERO,
                fingerprint,
                reused: reusable(code, fingerprint),
            };
            if stats.reused {
                stats.took = started.elapsed();
                return Ok((Vec::new(), stats));
            }
            let files = puerta_search::build(lang, &protected, records).map_err(error)?;
            let outputs =
                emit(lang, files).map_err(|e| error(puerta_search::Error::NotAnIndex(e)))?;
            stats.files = outputs.len();
            stats.bytes = outputs.iter().map(|o| o.bytes.len()).sum();
            stats.took = started.elapsed();
            Ok((outputs, stats))
        })
        .collect();
    let (outputs, stats): (Vec<_>, Vec<_>) = per_language?.into_iter().unzip();
    Ok((outputs.into_iter().flatten().collect(), stats))
}

/// The output files of the index of `lang` under `search/<lang>/`: the one place that
/// decides how index files are laid out. They are cut into the pieces the browser
/// fetches, with a manifest (see [`crate::search_assets`]).
pub fn emit(lang: Lang, files: Vec<IndexFile>) -> Result<Vec<Output>, String> {
    let files: Vec<(String, Vec<u8>)> = files.into_iter().map(|f| (f.name, f.bytes)).collect();
    crate::search_assets::index_outputs(lang.code(), &files)
}

/// The protected terms of `lang`: the site's own, then puerta's defaults.
pub fn protected(site: &Site, lang: Lang) -> Protected {
    let extra = site
        .config
        .search
        .protected
        .get(lang.code())
        .cloned()
        .unwrap_or_default();
    Protected::with_defaults(lang, &extra)
}

/// Every document of `lang`.
pub fn records(site: &Site, lang: &str) -> Vec<Record> {
    let mut out = Vec::new();
    for (entries, kind) in [(&site.articles, Kind::Article), (&site.pages, Kind::Page)] {
        out.extend(entries.iter().filter_map(|e| entry(site, e, lang, kind)));
    }
    out.extend(directory::records(site, lang));
    out.extend(laws(site, lang));
    out
}

/// The short title of the law with `key`, in `lang`.
fn short_title(site: &Site, lang: &str, key: &str) -> Option<String> {
    let law = &site.laws.laws[site.laws.find(key)?];
    Some(law.short_title.text(lang, &site.config).to_string())
}

/// A record per law: its title, short titles and numbers (readers type "RD 1155/2024",
/// "BOE-A-2024-24099", "ν. 4939/2022").
fn laws(site: &Site, lang: &str) -> Vec<Record> {
    let config = &site.config;
    site.laws
        .laws
        .iter()
        .map(|law| {
            let path = urls::law(lang, &law.key);
            let mut keywords = vec![
                law.number.clone(),
                law.short_title.text(lang, config).to_string(),
            ];
            for text in [&law.title, &law.short_title] {
                if let crate::localized::Localized::Map(map) = text {
                    keywords.extend(
                        map.iter()
                            .filter(|(l, _)| *l != lang)
                            .map(|(_, t)| t.clone()),
                    );
                }
            }
            keywords.extend(law.journal.iter().chain(&law.journal_id).cloned());
            Record {
                kind: Kind::Law,
                url: urls::link(config.base_path(), &path),
                lang: lang.to_string(),
                title: law.title.text(lang, config).to_string(),
                summary: law.short_title.text(lang, config).to_string(),
                keywords,
                numbers: vec![law.number.clone()],
                ..Record::default()
            }
        })
        .collect()
}

/// The record of an entry's own translation in `lang`, if it has one.
fn entry(site: &Site, entry: &Entry, lang: &str, kind: Kind) -> Option<Record> {
    let item = entry.items.get(lang)?;
    let doc = &item.doc;
    let config = &site.config;
    let path = urls::entry(entry.section, lang, &doc.slug);
    let mut keywords: Vec<String> = Vec::new();
    let mut categories = Vec::new();
    if let Some(term) = item.category.and_then(|i| site.categories.terms.get(i)) {
        keywords.push(term.name.text(lang, config).to_string());
        categories.push(term.code.clone());
    }
    for term in item.tags.iter().filter_map(|&i| site.tags.terms.get(i)) {
        keywords.push(term.name.text(lang, config).to_string());
    }
    keywords.extend(doc.authors.iter().map(|a| a.name.clone()));
    let laws = &site.laws.laws;
    keywords.extend(
        item.cites
            .iter()
            .filter_map(|c| laws.get(c.law))
            .map(|law| law.short_title.text(lang, config).to_string()),
    );
    let body = text::plain_cited(&doc.body, &|key| short_title(site, lang, key));
    Some(Record {
        kind,
        url: urls::link(config.base_path(), &path),
        lang: lang.to_string(),
        title: doc.title.clone(),
        summary: doc.summary.clone().unwrap_or_default(),
        body,
        keywords,
        categories,
        ..Record::default()
    })
}
