//! Template contexts: plain, serializable views of the [`Site`] for one page in one
//! language. Templates get links ready to use (base path included) and absolute URLs
//! where the web needs them (canonical, hreflang).

use serde::Serialize;

use crate::config::{autonym, Config};
use crate::content::Section;
use crate::model::{Entry, Item, Shown, Site};
use crate::render::Nav;
use crate::taxonomy::Taxonomy;
use crate::urls;

/// One language in the switcher.
#[derive(Debug, Serialize)]
pub struct SwitchLink {
    /// Language code.
    pub lang: String,
    /// Its name in itself.
    pub name: &'static str,
    /// Link to the same item in that language.
    pub href: String,
    /// Whether this is the page's language.
    pub current: bool,
}

/// An `hreflang` alternate.
#[derive(Debug, Serialize, Clone, PartialEq, Eq)]
pub struct Alternate {
    /// Language code, or `x-default`.
    pub lang: String,
    /// Absolute URL.
    pub href: String,
}

/// What every template gets as `page`.
#[derive(Debug, Serialize)]
pub struct PageMeta {
    /// Page kind: chooser, home, blog, article, page, taxonomy, term, not-found.
    pub kind: &'static str,
    /// Interface language.
    pub lang: String,
    /// `<title>` text, without the site name.
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Site path of the page.
    pub path: String,
    /// Absolute canonical URL.
    pub canonical: String,
    /// Whether search engines should skip it (fallback pages).
    pub noindex: bool,
    /// `hreflang` alternates: real translations only, then `x-default`.
    pub alternates: Vec<Alternate>,
    /// Language switcher.
    pub switcher: Vec<SwitchLink>,
}

impl PageMeta {
    /// Meta for a page that exists in every language at `path_of(lang)`.
    pub fn everywhere(
        site: &Site,
        kind: &'static str,
        lang: &str,
        title: String,
        path_of: &dyn Fn(&str) -> String,
    ) -> PageMeta {
        let config = &site.config;
        let alternates = everywhere_alternates(config, path_of);
        PageMeta {
            kind,
            lang: lang.to_string(),
            title,
            description: String::new(),
            path: path_of(lang),
            canonical: config.absolute(&path_of(lang)),
            noindex: false,
            alternates,
            switcher: switcher(config, lang, path_of),
        }
    }

    /// Meta for an entry shown in `lang` (its own translation or a fallback).
    pub fn entry(site: &Site, entry: &Entry, shown: Shown<'_>, lang: &str) -> PageMeta {
        let config = &site.config;
        let path_of = |l: &str| entry_path(site, entry, l);
        let alternates = if shown.fallback {
            Vec::new()
        } else {
            entry_alternates(site, entry)
        };
        let kind = match entry.section {
            Section::Blog => "article",
            Section::Pages => "page",
        };
        let doc = &shown.item.doc;
        PageMeta {
            kind,
            lang: lang.to_string(),
            title: doc.title.clone(),
            description: doc.summary.clone().unwrap_or_default(),
            path: path_of(lang),
            canonical: config.absolute(&path_of(lang)),
            noindex: shown.fallback,
            alternates,
            switcher: switcher(config, lang, &path_of),
        }
    }
}

/// `hreflang` alternates of a page that exists in every language at `path_of(lang)`,
/// then `x-default`: the language chooser `/` for home pages, else the default
/// language's version.
pub fn everywhere_alternates(config: &Config, path_of: &dyn Fn(&str) -> String) -> Vec<Alternate> {
    let mut alternates: Vec<Alternate> = config
        .languages
        .iter()
        .map(|l| Alternate {
            lang: l.clone(),
            href: config.absolute(&path_of(l)),
        })
        .collect();
    let default = path_of(&config.default_language);
    let x_default = if default == urls::home(&config.default_language) {
        "/".to_string()
    } else {
        default
    };
    alternates.push(Alternate {
        lang: "x-default".into(),
        href: config.absolute(&x_default),
    });
    alternates
}

/// `hreflang` alternates of an entry: its real translations and `x-default`.
pub fn entry_alternates(site: &Site, entry: &Entry) -> Vec<Alternate> {
    let config = &site.config;
    let mut out: Vec<Alternate> = entry
        .languages(config)
        .map(|l| Alternate {
            lang: l.to_string(),
            href: config.absolute(&entry_path(site, entry, l)),
        })
        .collect();
    let default = if entry.items.contains_key(&config.default_language) {
        Some(config.default_language.as_str())
    } else {
        entry.languages(config).next()
    };
    if let Some(d) = default {
        out.push(Alternate {
            lang: "x-default".into(),
            href: config.absolute(&entry_path(site, entry, d)),
        });
    }
    out
}

/// Site path of an entry in `lang`: the slug of the item that language shows.
pub fn entry_path(site: &Site, entry: &Entry, lang: &str) -> String {
    let slug = entry
        .shown(lang, &site.config)
        .map_or(entry.key.as_str(), |s| s.item.doc.slug.as_str());
    urls::entry(entry.section, lang, slug)
}

fn switcher(config: &Config, lang: &str, path_of: &dyn Fn(&str) -> String) -> Vec<SwitchLink> {
    config
        .languages
        .iter()
        .map(|l| SwitchLink {
            lang: l.clone(),
            name: autonym(l),
            href: urls::link(config.base_path(), &path_of(l)),
            current: l == lang,
        })
        .collect()
}

/// A term link.
#[derive(Debug, Serialize)]
pub struct TermLink {
    /// Code.
    pub code: String,
    /// Name in the page language.
    pub name: String,
    /// Language of `name` when it is not the page's.
    pub name_lang: Option<String>,
    /// Link to the term page.
    pub href: String,
}

/// The term `index` of `taxonomy` as seen from `lang`.
pub fn term_link(config: &Config, taxonomy: &Taxonomy, index: usize, lang: &str) -> TermLink {
    let term = &taxonomy.terms[index];
    let name = term.name.get(lang, config);
    TermLink {
        code: term.code.clone(),
        name: name
            .as_ref()
            .map_or(term.code.clone(), |n| n.text.to_string()),
        name_lang: name
            .and_then(|n| n.lang)
            .filter(|l| *l != lang)
            .map(str::to_string),
        href: urls::link(
            config.base_path(),
            &urls::term(lang, &taxonomy.key, &term.code),
        ),
    }
}

/// An entry in a list (blog, term, home).
#[derive(Debug, Serialize)]
pub struct ListItem {
    /// Title.
    pub title: String,
    /// Link in the page language.
    pub href: String,
    /// `YYYY-MM-DD`, for `<time datetime>` and the `date` filter.
    pub date: Option<String>,
    /// Summary.
    pub summary: String,
    /// Content language.
    pub lang: String,
    /// Whether the content is in another language than the page.
    pub fallback: bool,
    /// Category.
    pub category: Option<TermLink>,
}

/// An entry as listed in `lang`.
pub fn list_item(site: &Site, entry: &Entry, shown: Shown<'_>, lang: &str) -> ListItem {
    let doc = &shown.item.doc;
    ListItem {
        title: doc.title.clone(),
        href: urls::link(site.config.base_path(), &entry_path(site, entry, lang)),
        date: doc.date.map(|d| d.to_string()),
        summary: doc.summary.clone().unwrap_or_default(),
        lang: doc.lang.clone(),
        fallback: shown.fallback,
        category: shown
            .item
            .category
            .map(|c| term_link(&site.config, &site.categories, c, lang)),
    }
}

/// An article or page, for its own page.
#[derive(Debug, Serialize)]
pub struct EntryView<'a> {
    /// Shared key.
    pub key: &'a str,
    /// Title.
    pub title: &'a str,
    /// Content language.
    pub lang: &'a str,
    /// Whether this is a fallback page.
    pub fallback: bool,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// Summary.
    pub summary: &'a str,
    /// professional / public.
    pub audience: Option<&'static str>,
    /// Authors.
    pub authors: &'a [crate::content::frontmatter::Author],
    /// Category.
    pub category: Option<TermLink>,
    /// Tags.
    pub tags: Vec<TermLink>,
    /// Body HTML.
    pub html: String,
    /// Table of contents (only for bodies with three headings or more).
    pub toc: Vec<crate::markdown::Heading>,
}

/// The view of `item` for a page in `lang`.
pub fn entry_view<'a>(
    site: &Site,
    item: &'a Item,
    lang: &str,
    body: crate::markdown::Rendered,
) -> EntryView<'a> {
    let doc = &item.doc;
    let toc = if body.toc.len() >= 3 {
        body.toc
    } else {
        Vec::new()
    };
    EntryView {
        key: &doc.key,
        title: &doc.title,
        lang: &doc.lang,
        fallback: doc.lang != lang,
        date: doc.date.map(|d| d.to_string()),
        updated: doc.updated.map(|d| d.to_string()),
        summary: doc.summary.as_deref().unwrap_or(""),
        audience: doc.audience.map(|a| a.as_str()),
        authors: &doc.authors,
        category: item
            .category
            .map(|c| term_link(&site.config, &site.categories, c, lang)),
        tags: item
            .tags
            .iter()
            .map(|&t| term_link(&site.config, &site.tags, t, lang))
            .collect(),
        html: body.html,
        toc,
    }
}

/// Site-wide values every template gets as `site`.
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// Title in the page language.
    pub title: String,
    /// Description in the page language.
    pub description: String,
    /// Base path for links (`/` or `/sub/`).
    pub base: String,
    /// Link to the page language's feed.
    pub feed: String,
    /// Link to the home page of the page language.
    pub home: String,
    /// Main navigation.
    pub nav: Vec<Nav>,
    /// Year of the build clock, for the footer.
    pub year: i32,
    /// Where readers report a mistake (`mailto:` or a URL), from `report_mistakes`.
    pub report: Option<String>,
    /// The search box: its target, loader and strings.
    pub search: super::search::SearchView,
}
