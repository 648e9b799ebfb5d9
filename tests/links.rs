//! Links of a built site (DESIGN.md §5): every site link leads to a built file or to
//! an id of its page, internal links point to the page language's URL, the base path
//! prefixes every link, and no live-reload script leaks out of `serve`.

mod common;

use std::collections::BTreeSet;

use common::site::GOOD;
use common::{build, percent_decode, Html};

/// The `href`s of the links inside the body of an article or page.
fn body_links(page: &Html) -> Vec<String> {
    let body = page
        .find("div", |d| d.has_class("body"))
        .expect("an entry body");
    page.within(body, "a")
        .filter_map(|a| a.attr("href"))
        .map(percent_decode)
        .collect()
}

#[test]
fn every_site_link_resolves_to_a_built_file_or_an_id_on_the_page() {
    for (fixture, base) in GOOD {
        let site = build(fixture);
        let base_path = &base[base.find("//").unwrap() + 2..];
        let base_path = &base_path[base_path.find('/').unwrap()..];
        let mut checked = 0;
        for file in site.html_files() {
            let page = site.page(&file);
            let ids: BTreeSet<&str> = page.elements.iter().filter_map(|e| e.attr("id")).collect();
            for e in page
                .elements
                .iter()
                .filter(|e| matches!(e.name.as_str(), "a" | "link"))
            {
                let Some(href) = e.attr("href") else { continue };
                let href = percent_decode(href);
                if let Some(fragment) = href.strip_prefix('#') {
                    assert!(ids.contains(fragment), "{fixture}/{file}: no id for {href}");
                } else if href.starts_with('/') && !href.starts_with("//") {
                    let (path, fragment) = href.split_once('#').unwrap_or((&href, ""));
                    let rel = path.strip_prefix(base_path).unwrap_or_else(|| {
                        panic!("{fixture}/{file}: {href} lacks the base path {base_path}")
                    });
                    let target = common::output_file(rel);
                    assert!(site.exists(&target), "{fixture}/{file}: broken link {href}");
                    checked += 1;
                    if !fragment.is_empty() && target.ends_with(".html") {
                        let other = site.page(&target);
                        assert!(
                            other
                                .elements
                                .iter()
                                .any(|e| e.attr("id") == Some(fragment)),
                            "{fixture}/{file}: {href} names no id of its page"
                        );
                    }
                } else if let Some(rest) = href.strip_prefix(base) {
                    let target = common::output_file(rest.split('#').next().unwrap());
                    assert!(site.exists(&target), "{fixture}/{file}: broken link {href}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{fixture}: only {checked} links checked");
    }
}

#[test]
fn internal_links_point_to_the_page_language_url() {
    let site = build("internal_links");
    let cases = [
        (
            "es/blog/origen/index.html",
            [
                "/es/blog/destino-es/",
                "/es/blog/destino-es/#parte",
                "/es/acerca-de/",
            ],
        ),
        (
            "en/blog/origen/index.html",
            ["/en/blog/target/", "/en/blog/target/#parte", "/en/about/"],
        ),
        // A fallback page (Greek interface, English content) links to the Greek
        // pages: the translation for destino, and for acerca (not written in Greek)
        // the Greek fallback page, which shows the English item under its slug.
        (
            "el/blog/origen/index.html",
            [
                "/el/blog/προορισμός/",
                "/el/blog/προορισμός/#parte",
                "/el/about/",
            ],
        ),
    ];
    for (file, want) in cases {
        let page = site.page(file);
        assert_eq!(body_links(&page), want, "{file}");
        for link in want {
            let target = common::output_file(link.split('#').next().unwrap());
            assert!(site.exists(&target), "{file}: {link} is not built");
        }
    }
    assert_eq!(
        site.page("el/blog/origen/index.html").robots(),
        Some("noindex"),
        "the Greek origen page is a fallback page"
    );
}

#[test]
fn base_path_prefixes_every_link() {
    let site = build("feeds");
    let page = site.page("es/index.html");
    let hrefs: Vec<&str> = page.all("a").filter_map(|a| a.attr("href")).collect();
    assert!(!hrefs.is_empty());
    for href in hrefs {
        assert!(
            href.starts_with("/kb/") || href.starts_with('#') || href.starts_with("https://"),
            "{href} ignores the base path /kb/"
        );
    }
}

#[test]
fn built_site_carries_no_live_reload_script() {
    for (fixture, _) in GOOD {
        let site = build(fixture);
        for file in site.html_files() {
            assert!(
                !site.read(&file).contains("__puerta"),
                "{fixture}/{file}: the reload script belongs to `serve` only"
            );
        }
    }
}
