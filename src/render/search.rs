//! Search in the pages: the search page of each language (`/<lang>/search/`) and what
//! the search box of every page needs (its target, the loader's URL and the strings
//! of the interface in the page language).
//!
//! The loader runs in the browser and cannot run Fluent, so the strings it shows are
//! formatted here: the count message once per CLDR plural category of the language
//! (with `{n}` where the number goes, the category chosen in the browser by
//! `Intl.PluralRules`), the no-results message with `{q}` for the query.

use std::collections::{BTreeMap, HashMap};

use intl_pluralrules::{PluralRuleType, PluralRules};
use serde::Serialize;

use super::context::PageMeta;
use super::Renderer;
use crate::i18n::Arg;
use crate::search_assets::Runtime;
use crate::urls;

/// What every page's search box gets as `site.search`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct SearchView {
    /// The search page of the page language: the form's target.
    pub href: String,
    /// The loader script, fetched only once the search box is used.
    pub js: String,
    /// The interface strings, as JSON for a `data-` attribute.
    pub strings: String,
}

/// The interface strings of one language, as the loader reads them.
#[derive(Debug, Serialize)]
struct Strings<'a> {
    lang: &'a str,
    /// Plural category → count message with `{n}`.
    count: BTreeMap<&'static str, String>,
    none: String,
    suggestions: String,
    did_you_mean: String,
    try_word: String,
    loading: String,
    error: String,
    all: String,
    more: String,
    results: String,
    kinds: BTreeMap<&'static str, String>,
    browse: Vec<(String, String)>,
}

const KINDS: [&str; 8] = [
    "article",
    "page",
    "service",
    "organization",
    "seminar",
    "city",
    "network",
    "law",
];

/// Numbers that between them reach every plural category of the site's languages.
const SAMPLES: [u32; 14] = [0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 21, 22, 101, 1_000_000];

/// Search views of every language of the site.
pub(super) fn views(r: &Renderer<'_>, runtime: &Runtime) -> HashMap<String, SearchView> {
    let config = &r.site.config;
    let base = config.base_path();
    let js = urls::link(base, &runtime.js_path);
    config
        .languages
        .iter()
        .map(|lang| {
            let view = SearchView {
                href: urls::link(base, &urls::search(lang)),
                js: js.clone(),
                strings: strings(r, lang),
            };
            (lang.clone(), view)
        })
        .collect()
}

fn strings(r: &Renderer<'_>, lang: &str) -> String {
    let t = |key: &str, args: &[(&str, Arg)]| {
        r.localizer
            .t(lang, key, args)
            .unwrap_or_else(|_| key.to_string())
    };
    let mut count = BTreeMap::new();
    let rules = lang
        .parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok());
    for n in SAMPLES {
        let category = rules
            .as_ref()
            .and_then(|rules| rules.select(n).ok())
            .map_or("other", category_name);
        count.entry(category).or_insert_with(|| {
            t("search-count", &[("count", Arg::from(n))]).replace(&n.to_string(), "{n}")
        });
    }
    let config = &r.site.config;
    let base = config.base_path();
    let mut browse = vec![(
        t("nav-blog", &[]),
        urls::link(base, &urls::blog_list(lang, 1)),
    )];
    if !r.site.directory.services.is_empty() {
        browse.push((
            t("nav-directory", &[]),
            urls::link(base, &urls::directory(lang)),
        ));
    }
    let strings = Strings {
        lang,
        count,
        none: t("search-none", &[("query", Arg::from("{q}"))]),
        suggestions: t("search-suggestions", &[]),
        did_you_mean: t("search-did-you-mean", &[]),
        try_word: t("search-try-word", &[]),
        loading: t("search-loading", &[]),
        error: t("search-error", &[]),
        all: t("search-all-results", &[]),
        more: t("search-more-results", &[]),
        results: t("search-results-label", &[]),
        kinds: KINDS
            .iter()
            .map(|k| (*k, t(&format!("search-kind-{k}"), &[])))
            .collect(),
        browse,
    };
    serde_json::to_string(&strings).unwrap_or_default()
}

fn category_name(category: intl_pluralrules::PluralCategory) -> &'static str {
    use intl_pluralrules::PluralCategory as C;
    match category {
        C::ZERO => "zero",
        C::ONE => "one",
        C::TWO => "two",
        C::FEW => "few",
        C::MANY => "many",
        C::OTHER => "other",
    }
}

/// The search page of `lang`: a page of results is no page for search engines, so it
/// is not indexed and has no `hreflang` alternates (those are for indexable pages).
pub(super) fn page(r: &Renderer<'_>, lang: &str) -> (PageMeta, tera::Context) {
    let mut meta = PageMeta::everywhere(r.site, "search", lang, r.t(lang, "search-title"), &|l| {
        urls::search(l)
    });
    meta.noindex = true;
    meta.alternates.clear();
    (meta, tera::Context::new())
}
