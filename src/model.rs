//! Model stage: documents and taxonomies → [`Site`].
//!
//! Input: the loaded [`Doc`]s, taxonomies, the validated directory and laws. Output:
//! entries (a key with its translations), every reference to a term, a law or a
//! directory service resolved to an index, per-language article order, and every
//! problem (unknown terms, laws or services, duplicate URLs) collected.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::config::Config;
use crate::content::{Doc, Section};
use crate::diag::{Diagnostic, Problem};
use crate::directory::Directory;
use crate::law::Laws;
use crate::taxonomy::Taxonomy;

/// A document with its references resolved.
#[derive(Debug, Clone)]
pub struct Item {
    /// The source document, shared with the sources the live preview keeps
    /// ([`crate::serve`]): re-resolving a site after one edit copies no text.
    pub doc: Arc<Doc>,
    /// Index of its category in [`Site::categories`].
    pub category: Option<usize>,
    /// Indexes of its tags in [`Site::tags`].
    pub tags: Vec<usize>,
    /// Laws cited (front matter, then body), one entry per law in order of first
    /// citation.
    pub cites: Vec<Cited>,
    /// Indexes of related services in the directory's `services`.
    pub services: Vec<usize>,
}

/// A law cited by an item, with every article cited of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// Index in [`Laws::laws`].
    pub law: usize,
    /// Articles as written, in order, without repeats; empty for the whole law.
    pub articles: Vec<String>,
    /// Where the law is first cited, for warnings.
    pub at: crate::diag::Span,
}

/// A key and its translations: one [`Item`] per language it is written in.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Blog or pages.
    pub section: Section,
    /// The shared file key.
    pub key: String,
    /// Real translations, by language code.
    pub items: BTreeMap<String, Item>,
}

/// What a language shows for an entry: its own translation or a fallback.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a> {
    /// The item displayed.
    pub item: &'a Item,
    /// Whether it is in another language than the page.
    pub fallback: bool,
}

impl Entry {
    /// The item `lang` shows, following the fallback chain.
    pub fn shown<'a>(&'a self, lang: &str, config: &Config) -> Option<Shown<'a>> {
        config
            .chain(lang)
            .find_map(|l| self.items.get(l))
            .map(|item| Shown {
                item,
                fallback: item.doc.lang != lang,
            })
    }

    /// The source of the `lang` translation when its `translated_from` hash no longer
    /// matches that source's text: the translation may be outdated. `None` when it is
    /// current, unstamped, or its source language is not written.
    pub fn outdated_source(&self, lang: &str) -> Option<&Item> {
        let from = self.items.get(lang)?.doc.translated_from.as_ref()?;
        let source = self.items.get(&from.lang)?;
        (crate::content::stamp::of_doc(&source.doc) != from.hash).then_some(source)
    }

    /// Languages with a real translation, in the site's language order.
    pub fn languages<'a>(&'a self, config: &'a Config) -> impl Iterator<Item = &'a str> + 'a {
        config
            .languages
            .iter()
            .map(String::as_str)
            .filter(|l| self.items.contains_key(*l))
    }
}

/// The whole site, resolved.
#[derive(Debug, Clone)]
pub struct Site {
    /// Settings.
    pub config: Config,
    /// Blog entries, newest first (by the date of their first language), then by key.
    pub articles: Vec<Entry>,
    /// Plain pages, by key.
    pub pages: Vec<Entry>,
    /// The `categories` taxonomy.
    pub categories: Taxonomy,
    /// The `tags` taxonomy.
    pub tags: Taxonomy,
    /// The directory of organizations, services, seminars and cities, validated.
    pub directory: Directory,
    /// The laws that articles cite.
    pub laws: Laws,
}

/// Everything the model joins, as loaded.
#[derive(Debug)]
pub struct Sources {
    /// Articles and pages.
    pub docs: Vec<Arc<Doc>>,
    /// The `categories` taxonomy.
    pub categories: Taxonomy,
    /// The `tags` taxonomy.
    pub tags: Taxonomy,
    /// The validated directory.
    pub directory: Directory,
    /// The laws.
    pub laws: Laws,
}

impl Site {
    /// Joins documents into entries and resolves their references. The site comes
    /// back even when references fail (they are left out), with every problem found.
    /// The directory and the laws come validated and are kept as they are.
    pub fn resolve(config: Config, sources: Sources, drafts: bool) -> (Site, Vec<Diagnostic>) {
        let Sources {
            docs,
            categories,
            tags,
            directory,
            laws,
        } = sources;
        // Each document's references resolve on their own: on every core, then joined
        // in order (one site of 10,000 articles per language holds 30,000 documents).
        let resolved: Vec<(Item, Vec<Diagnostic>)> = {
            use rayon::prelude::*;
            docs.into_par_iter()
                .filter(|doc| drafts || !doc.draft)
                .map(|doc| {
                    let mut errors = Vec::new();
                    let category = doc.category.as_ref().and_then(|(code, at)| {
                        resolve_term(&categories, code, at, "category", &mut errors)
                    });
                    let tag_ids = doc
                        .tags
                        .iter()
                        .filter_map(|(code, at)| resolve_term(&tags, code, at, "tag", &mut errors))
                        .collect();
                    let cites = resolve_cites(&laws, &doc, &mut errors);
                    let services = resolve_services(&config, &directory, &doc, &mut errors);
                    let item = Item {
                        doc,
                        category,
                        tags: tag_ids,
                        cites,
                        services,
                    };
                    (item, errors)
                })
                .collect()
        };
        let mut errors = Vec::new();
        let mut entries: BTreeMap<(Section, String), Entry> = BTreeMap::new();
        for (item, item_errors) in resolved {
            errors.extend(item_errors);
            let doc = &item.doc;
            let entry = entries
                .entry((doc.section, doc.key.clone()))
                .or_insert_with(|| Entry {
                    section: doc.section,
                    key: doc.key.clone(),
                    items: BTreeMap::new(),
                });
            entry.items.insert(doc.lang.clone(), item);
        }
        let (mut articles, pages): (Vec<Entry>, Vec<Entry>) = entries
            .into_values()
            .partition(|e| e.section == Section::Blog);
        check_unique_urls(&config, &articles, &mut errors);
        check_unique_urls(&config, &pages, &mut errors);
        check_reserved_page_slugs(&pages, &mut errors);
        // Newest first, then by key (keys are unique): each date looked up once.
        articles.sort_by_cached_key(|a| (std::cmp::Reverse(newest(a, &config)), a.key.clone()));
        let site = Site {
            config,
            articles,
            pages,
            categories,
            tags,
            directory,
            laws,
        };
        (site, errors)
    }

    /// Checks the internal links of every item without rendering, for builds that
    /// already failed: `exists` also knows keys whose files failed to load.
    pub fn check_links(&self, exists: &dyn Fn(Section, &str) -> bool) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for item in self
            .articles
            .iter()
            .chain(&self.pages)
            .flat_map(|e| e.items.values())
        {
            let doc = &item.doc;
            let origin = crate::markdown::Origin {
                file: &doc.file,
                first_line: doc.body_line,
            };
            crate::markdown::check_links(&doc.body, origin, exists, &mut errors);
        }
        errors
    }

    /// Articles in the order a language lists them (newest shown date first).
    pub fn articles_in<'a>(&'a self, lang: &str) -> Vec<(&'a Entry, Shown<'a>)> {
        let mut list: Vec<_> = self
            .articles
            .iter()
            .filter_map(|e| e.shown(lang, &self.config).map(|s| (e, s)))
            .collect();
        list.sort_by(|(ea, a), (eb, b)| {
            b.item
                .doc
                .date
                .cmp(&a.item.doc.date)
                .then_with(|| ea.key.cmp(&eb.key))
        });
        list
    }
}

fn newest(entry: &Entry, config: &Config) -> Option<chrono::NaiveDate> {
    entry
        .shown(&config.default_language, config)
        .and_then(|s| s.item.doc.date)
}

/// The citations of a document, one per law, unknown keys reported at their place.
fn resolve_cites(laws: &Laws, doc: &Doc, errors: &mut Vec<Diagnostic>) -> Vec<Cited> {
    let mut merged: Vec<(usize, Vec<String>)> = Vec::new();
    let mut places = Vec::new();
    for c in &doc.cites {
        match laws.find(&c.law) {
            Some(i) => {
                if !merged.iter().any(|(l, _)| *l == i) {
                    places.push(c.at.clone());
                }
                crate::law::cite::merge(&mut merged, i, &c.articles);
            }
            None if laws.broken.contains(&c.law) => {}
            None => errors.push(crate::law::unknown_law(c.at.clone(), &c.law, laws.keys())),
        }
    }
    merged
        .into_iter()
        .zip(places)
        .map(|((law, articles), at)| Cited { law, articles, at })
        .collect()
}

/// The related services of a document, as indexes of the directory. A service whose
/// file exists but failed to load was reported with that file, not again here.
fn resolve_services(
    config: &Config,
    dir: &Directory,
    doc: &Doc,
    errors: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let files = config.root.join("content/directory/services");
    let mut out = Vec::new();
    for (id, at) in &doc.services {
        match dir.services.iter().position(|s| s.id == *id) {
            Some(i) if !out.contains(&i) => out.push(i),
            Some(_) => {}
            None if files.join(format!("{id}.yaml")).is_file() => {}
            None => errors.push(
                Diagnostic::error(
                    at.clone(),
                    Problem::UnknownReference {
                        what: "service".into(),
                        found: id.clone(),
                    },
                )
                .expected("the id of a service, a file content/directory/services/<id>.yaml")
                .did_you_mean(id, dir.services.iter().map(|s| s.id.as_str())),
            ),
        }
    }
    out
}

fn resolve_term(
    taxonomy: &Taxonomy,
    code: &str,
    at: &crate::diag::Span,
    what: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let found = taxonomy.find(code);
    if found.is_none() {
        errors.push(
            Diagnostic::error(
                at.clone(),
                Problem::UnknownReference {
                    what: what.into(),
                    found: code.into(),
                },
            )
            .expected(format!("a term code of {}", taxonomy.file.display()))
            .did_you_mean(code, taxonomy.codes()),
        );
    }
    found
}

/// Two files of one language with the same slug would write the same URL.
fn check_unique_urls(config: &Config, entries: &[Entry], errors: &mut Vec<Diagnostic>) {
    for lang in &config.languages {
        let mut seen: HashMap<&str, &Doc> = HashMap::new();
        for entry in entries {
            let Some(item) = entry.items.get(lang) else {
                continue;
            };
            if let Some(first) = seen.insert(&item.doc.slug, &item.doc) {
                errors.push(
                    Diagnostic::error(
                        item.doc.slug_span.clone(),
                        Problem::Duplicate {
                            what: "slug".into(),
                            found: item.doc.slug.clone(),
                        },
                    )
                    .help(format!(
                        "{} already uses it in `{lang}`; set another `slug`",
                        first.file.display()
                    )),
                );
            }
        }
    }
}

/// Page URLs live beside the site's own sections; these names are taken.
pub const RESERVED_SEGMENTS: &[&str] = &[
    "blog",
    "directory",
    "services",
    "organizations",
    "seminars",
    "cities",
    "networks",
    "laws",
    "search",
    "atom.xml",
    "static",
];

fn check_reserved_page_slugs(pages: &[Entry], errors: &mut Vec<Diagnostic>) {
    for item in pages.iter().flat_map(|e| e.items.values()) {
        let first = item.doc.slug.split('/').next().unwrap_or_default();
        if RESERVED_SEGMENTS.contains(&first) {
            errors.push(
                Diagnostic::error(
                    item.doc.slug_span.clone(),
                    Problem::InvalidValue {
                        what: "page slug".into(),
                        found: item.doc.slug.clone(),
                    },
                )
                .expected(format!(
                    "a slug that does not start with one of {}",
                    RESERVED_SEGMENTS.join(", ")
                ))
                .help("the site's own pages use these URLs; choose another `slug`"),
            );
        }
    }
}
