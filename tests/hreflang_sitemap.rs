//! Search-engine metadata (DESIGN.md §5): reciprocal `hreflang` alternates with an
//! `x-default`, the language chooser as the `x-default` of every home, absolute
//! canonical URLs, and a sitemap that lists exactly the indexable pages with their
//! real translations as alternates.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::site::{alternate_map, url_of, BASE, GOOD, SITEMAP};
use common::{build, percent_decode};

/// The namespace of the sitemap's `xhtml:link` alternates.
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Checks, on every page but the root chooser, that the hreflang set includes the
/// page itself and `x-default`, and that every alternate lists the same set back.
fn assert_reciprocal(fixture: &str, base: &str) -> usize {
    let site = build(fixture);
    let mut checked = 0;
    for file in site.html_files() {
        if file == "index.html" {
            continue; // see language_chooser_is_the_x_default_of_every_home
        }
        let page = site.page(&file);
        let alts = alternate_map(&page, &file);
        if alts.is_empty() {
            continue;
        }
        checked += 1;
        let own = url_of(base, &file);
        let lang = page.lang().expect("html lang");
        assert_eq!(
            alts.get(lang),
            Some(&own),
            "{fixture}/{file}: self reference"
        );
        let default = alts
            .get("x-default")
            .unwrap_or_else(|| panic!("{fixture}/{file}: no x-default"));
        assert!(
            site.file_of_url(base, default)
                .is_some_and(|f| site.exists(&f)),
            "{fixture}/{file}: x-default {default} is not a built page"
        );
        for (other_lang, href) in alts.iter().filter(|(l, _)| *l != "x-default") {
            let other_file = site
                .file_of_url(base, href)
                .unwrap_or_else(|| panic!("{fixture}/{file}: {href} outside the site"));
            assert!(
                site.exists(&other_file),
                "{fixture}/{file}: {href} not built"
            );
            let other = site.page(&other_file);
            assert_eq!(other.lang(), Some(other_lang.as_str()), "{href}: its lang");
            assert_eq!(other.robots(), None, "{href}: an alternate is indexable");
            assert_eq!(
                alternate_map(&other, &other_file),
                alts,
                "{fixture}: {file} and {other_file} disagree on their alternates"
            );
        }
    }
    checked
}

#[test]
fn hreflang_alternates_are_reciprocal_and_include_x_default() {
    for (fixture, base) in [
        ("translations", BASE),
        ("fallback", BASE),
        ("internal_links", BASE),
        ("terms", BASE),
        ("feeds", "https://example.org/kb/"),
    ] {
        let checked = assert_reciprocal(fixture, base);
        assert!(
            checked >= 10,
            "{fixture}: only {checked} pages with hreflang"
        );
    }
}

#[test]
fn language_chooser_is_the_x_default_of_every_home() {
    // DESIGN.md §5: `/` is the language chooser and the x-default. The chooser lists
    // the homes as its alternates, so each home must list the chooser back as its
    // x-default, or search engines drop the cluster as non-reciprocal.
    let site = build("translations");
    let chooser = alternate_map(&site.page("index.html"), "index.html");
    assert_eq!(chooser.get("x-default").map(String::as_str), Some(BASE));
    for lang in ["es", "el", "en"] {
        let file = format!("{lang}/index.html");
        let home = alternate_map(&site.page(&file), &file);
        assert_eq!(home, chooser, "{file} and the chooser disagree");
    }
}

#[test]
fn canonical_url_is_absolute_and_is_the_page_own_url() {
    for (fixture, base) in GOOD {
        let site = build(fixture);
        for file in site.html_files() {
            let page = site.page(&file);
            let canonical = page
                .canonical()
                .unwrap_or_else(|| panic!("{fixture}/{file}: no canonical"));
            assert!(canonical.starts_with(base), "{canonical} is not absolute");
            assert_eq!(
                percent_decode(canonical),
                url_of(base, &file),
                "{fixture}/{file}"
            );
        }
    }
}

#[test]
fn sitemap_is_valid_and_lists_exactly_the_indexable_pages() {
    for (fixture, base) in GOOD {
        let site = build(fixture);
        let text = site.read("sitemap.xml");
        let doc = roxmltree::Document::parse(&text).expect("sitemap is XML");
        let root = doc.root_element();
        assert!(root.has_tag_name((SITEMAP, "urlset")), "{fixture}: root");
        let mut listed = BTreeSet::new();
        for url in root.children().filter(|n| n.is_element()) {
            assert!(url.has_tag_name((SITEMAP, "url")));
            let loc = url
                .children()
                .find(|n| n.has_tag_name((SITEMAP, "loc")))
                .and_then(|n| n.text())
                .expect("every url has a loc");
            let file = site
                .file_of_url(base, loc)
                .unwrap_or_else(|| panic!("{fixture}: {loc} is not under {base}"));
            assert!(site.exists(&file), "{fixture}: {loc} was not built");
            assert_eq!(
                site.page(&file).robots(),
                None,
                "{fixture}: {loc} is noindex"
            );
            assert!(listed.insert(file), "{fixture}: {loc} listed twice");
        }
        let indexable: BTreeSet<String> = site
            .html_files()
            .into_iter()
            .filter(|f| site.page(f).robots().is_none())
            .collect();
        assert_eq!(listed, indexable, "{fixture}: sitemap vs indexable pages");
    }
}

#[test]
fn sitemap_alternates_list_only_real_translations() {
    let site = build("fallback");
    let text = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let mut by_loc: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for url in doc
        .descendants()
        .filter(|n| n.has_tag_name((SITEMAP, "url")))
    {
        let loc = url
            .children()
            .find(|n| n.has_tag_name((SITEMAP, "loc")))
            .and_then(|n| n.text())
            .unwrap()
            .to_string();
        let alts = url
            .children()
            .filter(|n| n.has_tag_name((XHTML, "link")))
            .map(|n| {
                assert_eq!(n.attribute("rel"), Some("alternate"));
                (
                    n.attribute("hreflang").unwrap().to_string(),
                    n.attribute("href").unwrap().to_string(),
                )
            })
            .collect();
        by_loc.insert(loc, alts);
    }
    let langs = |loc: &str| -> Vec<String> { by_loc[loc].keys().cloned().collect() };
    assert_eq!(
        langs("https://example.org/es/blog/dos-idiomas/"),
        ["en", "es", "x-default"],
        "no Greek alternate for an article without a Greek translation"
    );
    assert_eq!(
        langs("https://example.org/es/blog/nacional/"),
        ["el", "en", "es", "x-default"]
    );
    assert!(
        by_loc["https://example.org/es/blog/solo-espanol/"].is_empty(),
        "an untranslated article has no alternates"
    );
    // Where the sitemap lists alternates, they are those of the page itself, and
    // every one of them is listed in the sitemap too.
    for (loc, alts) in by_loc.iter().filter(|(_, a)| !a.is_empty()) {
        let file = site.file_of_url(BASE, loc).unwrap();
        assert_eq!(
            &alternate_map(&site.page(&file), &file),
            alts,
            "{loc}: sitemap and page disagree"
        );
        for href in alts.values() {
            assert!(
                by_loc.contains_key(href),
                "{loc}: alternate {href} not listed"
            );
        }
    }
}
