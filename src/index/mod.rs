//! Index stage: [`Site`] → one search index per language (DESIGN.md §6), as
//! [`Output`]s under `search/<lang>/`.
//!
//! Input: the resolved site. Output: the files of a tantivy index per language, built
//! in memory by [`puerta_search::build`] from [`Record`]s: every article and page
//! written in that language (real translations only: a fallback page is the other
//! language's text), and every directory entity shown in it (services, organizations,
//! seminars, cities with their aliases, networks; module `directory`). Languages are
//! indexed in parallel, and the whole stage runs beside rendering. A redacted location
//! gives the index nothing but its city. [`open`] reads a built index back (for
//! `puerta search`).

mod directory;
mod open;
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

/// The indexes of every language of the site, as output files.
pub fn outputs(site: &Site) -> Result<Vec<Output>, IndexError> {
    let per_language: Result<Vec<Vec<Output>>, IndexError> =
        site.config
            .languages
            .par_iter()
            .filter_map(|code| Lang::parse(code).map(|lang| (code, lang)))
            .map(|(code, lang)| {
                let protected = protected(site, lang);
                let files = puerta_search::build(lang, &protected, records(site, code)).map_err(
                    |source| IndexError {
                        lang: code.clone(),
                        source,
                    },
                )?;
                Ok(emit(lang, files))
            })
            .collect();
    Ok(per_language?.into_iter().flatten().collect())
}

/// The output files of the index of `lang`: `search/<lang>/<file>`. The one place that
/// decides how index files are laid out (a later stage may pack them into chunks).
pub fn emit(lang: Lang, files: Vec<IndexFile>) -> Vec<Output> {
    files
        .into_iter()
        .map(|f| Output {
            path: format!("{SEARCH_DIR}/{}/{}", lang.code(), f.name),
            bytes: f.bytes,
        })
        .collect()
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
    out
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
    Some(Record {
        kind,
        url: urls::link(config.base_path(), &path),
        lang: lang.to_string(),
        title: doc.title.clone(),
        summary: doc.summary.clone().unwrap_or_default(),
        body: text::plain(&doc.body),
        keywords,
        categories,
        ..Record::default()
    })
}
