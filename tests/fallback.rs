//! Fallback pages (DESIGN.md §4.3, §5): an item not written in a language is shown in
//! that language's interface with its content marked in its own language, with a
//! visible notice, `noindex`, no `hreflang`, and left out of the sitemap and the feeds.

mod common;

use std::collections::BTreeSet;

use common::atom::feed_entries;
use common::site::{alternate_map, sitemap_locs, url_of, BASE};
use common::{build, localizer, percent_decode, t};

#[test]
fn fallback_page_speaks_the_page_language_around_content_marked_with_its_own() {
    let site = build("fallback");
    let l = localizer();
    // solo-espanol exists only in Spanish; Greek falls back to es first.
    for lang in ["el", "en"] {
        let file = format!("{lang}/blog/solo-espanol/index.html");
        let page = site.page(&file);
        assert_eq!(page.lang(), Some(lang), "{file}: interface language");
        let notice = page
            .find("p", |p| p.has_class("notice"))
            .unwrap_or_else(|| panic!("{file}: no visible notice"));
        let spanish = t(&l, lang, "language-name-es");
        let want = l
            .t(
                lang,
                "fallback-notice",
                &[("language", puerta::i18n::Arg::from(spanish.as_str()))],
            )
            .unwrap();
        assert_eq!(
            page.text(notice),
            want,
            "{file}: notice in the page language"
        );
        let body = page.find("div", |d| d.has_class("body")).unwrap();
        assert_eq!(body.attr("lang"), Some("es"), "{file}: content marked es");
        assert!(page.text(body).contains("solo existe en español"));
        let h1 = page.find("h1", |_| true).unwrap();
        assert_eq!(h1.attr("lang"), Some("es"), "{file}: title marked es");
        // The interface around it: skip link and navigation in the page language.
        let skip = page.find("a", |a| a.has_class("skip")).unwrap();
        assert_eq!(page.text(skip), t(&l, lang, "skip-to-content"));
        let nav = page.find("nav", |n| n.has_class("main-nav")).unwrap();
        assert!(page.text(nav).contains(&t(&l, lang, "nav-home")), "{file}");
    }
    // The real translation carries no notice and no content language mark.
    let es = site.page("es/blog/solo-espanol/index.html");
    assert!(es.find("p", |p| p.has_class("notice")).is_none());
    assert_eq!(
        es.find("div", |d| d.has_class("body"))
            .unwrap()
            .attr("lang"),
        None
    );
}

#[test]
fn fallback_page_is_noindex_without_hreflang() {
    let site = build("fallback");
    for file in [
        "el/blog/solo-espanol/index.html",
        "en/blog/solo-espanol/index.html",
        "el/blog/dos-idiomas/index.html",
    ] {
        let page = site.page(file);
        assert_eq!(page.robots(), Some("noindex"), "{file}");
        assert!(page.alternates().is_empty(), "{file}: no hreflang");
        assert_eq!(
            page.canonical().map(percent_decode),
            Some(url_of(BASE, file)),
            "{file}: canonical is the page itself"
        );
    }
    for file in [
        "es/blog/solo-espanol/index.html",
        "es/blog/dos-idiomas/index.html",
        "en/blog/dos-idiomas/index.html",
    ] {
        assert_eq!(site.page(file).robots(), None, "{file} is a real page");
    }
    // A partial translation lists only the languages it is written in.
    let en = site.page("en/blog/dos-idiomas/index.html");
    let langs: BTreeSet<String> = alternate_map(&en, "en").into_keys().collect();
    assert_eq!(langs, ["en", "es", "x-default"].map(String::from).into());
}

#[test]
fn fallback_pages_are_left_out_of_sitemap_and_feeds() {
    let site = build("fallback");
    let locs = sitemap_locs(&site);
    for fallback in [
        "/el/blog/solo-espanol/",
        "/en/blog/solo-espanol/",
        "/el/blog/dos-idiomas/",
    ] {
        assert!(!locs.contains(&format!("https://example.org{fallback}")));
    }
    assert!(locs.contains("https://example.org/es/blog/solo-espanol/"));
    assert!(locs.contains("https://example.org/en/blog/dos-idiomas/"));

    let ids = |lang: &str| -> BTreeSet<String> {
        feed_entries(&site.read(&format!("{lang}/atom.xml")))
            .into_iter()
            .map(|e| e.id)
            .collect()
    };
    let urls = |paths: &[&str]| -> BTreeSet<String> {
        paths
            .iter()
            .map(|p| format!("https://example.org{p}"))
            .collect()
    };
    assert_eq!(ids("el"), urls(&["/el/blog/nacional/"]));
    assert_eq!(
        ids("en"),
        urls(&["/en/blog/nacional/", "/en/blog/dos-idiomas/"])
    );
    assert_eq!(
        ids("es"),
        urls(&[
            "/es/blog/nacional/",
            "/es/blog/dos-idiomas/",
            "/es/blog/solo-espanol/"
        ])
    );
}

#[test]
fn fallback_pages_are_listed_with_their_content_language() {
    let site = build("fallback");
    let page = site.page("el/blog/index.html");
    let link = page
        .find("a", |a| {
            a.attr("href").map(percent_decode).as_deref() == Some("/el/blog/solo-espanol/")
        })
        .expect("the Greek blog lists the untranslated article");
    assert_eq!(link.attr("lang"), Some("es"));
    assert_eq!(page.text(link), "Solo en español");
}
