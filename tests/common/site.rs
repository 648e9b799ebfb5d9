//! Helpers for the small fixture sites that build (DESIGN.md §4–§5): which fixtures
//! build and under which base URL, the absolute URL of an output file, the `hreflang`
//! alternates of a page and the URLs its sitemap lists.

use std::collections::{BTreeMap, BTreeSet};

use super::{path_of_file, percent_decode, Built, Html};

/// The base URL of most fixtures.
pub const BASE: &str = "https://example.org/";

/// The sitemap namespace.
pub const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The fixtures that build, with their base URLs.
pub const GOOD: &[(&str, &str)] = &[
    ("translations", BASE),
    ("fallback", BASE),
    ("feeds", "https://example.org/kb/"),
    ("plurals", BASE),
    ("drafts", BASE),
    ("internal_links", BASE),
    ("markdown", BASE),
    ("terms", BASE),
    ("laws", BASE),
];

/// The absolute URL of an output file.
pub fn url_of(base: &str, rel: &str) -> String {
    format!("{base}{}", &path_of_file(rel)[1..])
}

/// The `hreflang` alternates of a page as a map, links percent-decoded; panics on a
/// language listed twice.
pub fn alternate_map(page: &Html, file: &str) -> BTreeMap<String, String> {
    let list = page.alternates();
    let map: BTreeMap<String, String> = list
        .iter()
        .map(|(l, h)| (l.clone(), percent_decode(h)))
        .collect();
    assert_eq!(map.len(), list.len(), "{file}: a language listed twice");
    map
}

/// The URLs listed by the sitemap of a built site.
pub fn sitemap_locs(site: &Built) -> BTreeSet<String> {
    let text = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap is XML");
    doc.descendants()
        .filter(|n| n.has_tag_name((SITEMAP, "loc")))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}
