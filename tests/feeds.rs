//! Atom feeds (DESIGN.md §5): one valid feed per language with only that language's
//! articles, one per category, `updated` at midnight in the site's zone, and absolute
//! links inside entry content.

mod common;

use std::collections::BTreeSet;

use common::atom::{feed_entries, ATOM};
use common::build;

#[test]
fn language_feeds_are_valid_atom_with_only_that_language_articles() {
    let base = "https://example.org/kb/";
    let site = build("feeds");
    let cases: [(&str, &[&str]); 3] = [
        ("es", &["a1", "a2", "a3"]),
        ("en", &["a1", "a3"]),
        ("el", &["a3"]),
    ];
    for (lang, keys) in cases {
        let text = site.read(&format!("{lang}/atom.xml"));
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert_eq!(
            doc.root_element()
                .attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang)
        );
        let entries = feed_entries(&text);
        let links: BTreeSet<String> = entries.iter().map(|e| e.link.clone()).collect();
        let want: BTreeSet<String> = keys
            .iter()
            .map(|k| format!("{base}{lang}/blog/{k}/"))
            .collect();
        assert_eq!(links, want, "{lang} feed");
        for entry in &entries {
            let file = site.file_of_url(base, &entry.link).unwrap();
            let page = site.page(&file);
            assert_eq!(page.lang(), Some(lang));
            assert_eq!(page.robots(), None, "{}: no fallback in feeds", entry.link);
            let h1 = page.find("h1", |_| true).unwrap();
            assert_eq!(page.text(h1), entry.title);
        }
    }
}

#[test]
fn category_feeds_hold_only_that_category_in_that_language() {
    let base = "https://example.org/kb/";
    let site = build("feeds");
    let cases: [(&str, &str, &[&str]); 5] = [
        ("es", "asilo", &["a1", "a3"]),
        ("es", "empleo", &["a2"]),
        ("en", "asilo", &["a1", "a3"]),
        ("en", "empleo", &[]),
        ("el", "asilo", &["a3"]),
    ];
    for (lang, code, keys) in cases {
        let file = format!("{lang}/blog/category/{code}/atom.xml");
        let entries = feed_entries(&site.read(&file));
        let links: BTreeSet<String> = entries.into_iter().map(|e| e.link).collect();
        let want: BTreeSet<String> = keys
            .iter()
            .map(|k| format!("{base}{lang}/blog/{k}/"))
            .collect();
        assert_eq!(links, want, "{file}");
    }
    // The term page announces its own feed.
    let page = site.page("es/blog/category/asilo/index.html");
    let feed = page
        .find("link", |l| {
            l.attr("type") == Some("application/atom+xml")
                && l.attr("href").is_some_and(|h| h.contains("category"))
        })
        .and_then(|l| l.attr("href"));
    assert_eq!(feed, Some("/kb/es/blog/category/asilo/atom.xml"));
}

#[test]
fn feed_updated_is_the_latest_change_at_midnight_in_the_site_zone() {
    let site = build("feeds");
    let text = site.read("es/atom.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let updated = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name((ATOM, "updated")))
        .and_then(|n| n.text())
        .unwrap();
    // a2 was updated on 2026-11-15, the latest change; Madrid is UTC+1 in November.
    assert_eq!(updated, "2026-11-15T00:00:00+01:00");
}

#[test]
fn feed_content_links_are_absolute() {
    let site = build("feeds");
    let entries = feed_entries(&site.read("en/atom.xml"));
    let a1 = entries
        .iter()
        .find(|e| e.link.ends_with("/en/blog/a1/"))
        .unwrap();
    assert!(
        a1.content
            .contains("href=\"https://example.org/kb/en/blog/a2/\""),
        "internal link made absolute for feed readers: {}",
        a1.content
    );
    assert!(
        !a1.content.contains("href=\"/"),
        "no root-relative link left"
    );
}
