//! Successful builds: what the pages, the sitemap and the feeds of small fixture sites
//! say, each fixture showing one behaviour (DESIGN.md §4–§5).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{build, build_with, localizer, path_of_file, percent_decode, t, Built, Html};
use puerta::diag::Problem;

const BASE: &str = "https://example.org/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The fixtures that build, with their base URLs.
const GOOD: &[(&str, &str)] = &[
    ("translations", BASE),
    ("fallback", BASE),
    ("feeds", "https://example.org/kb/"),
    ("plurals", BASE),
    ("drafts", BASE),
    ("internal_links", BASE),
    ("markdown", BASE),
    ("terms", BASE),
];

/// The absolute URL of an output file.
fn url_of(base: &str, rel: &str) -> String {
    format!("{base}{}", &path_of_file(rel)[1..])
}

/// The `hreflang` alternates of a page as a map, links percent-decoded; panics on a
/// language listed twice.
fn alternate_map(page: &Html, file: &str) -> BTreeMap<String, String> {
    let list = page.alternates();
    let map: BTreeMap<String, String> = list
        .iter()
        .map(|(l, h)| (l.clone(), percent_decode(h)))
        .collect();
    assert_eq!(map.len(), list.len(), "{file}: a language listed twice");
    map
}

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

// ---------------------------------------------------------------- translations

#[test]
fn translations_are_joined_by_key_under_each_language_slug() {
    let site = build("translations");
    assert_eq!(site.report.articles, 2, "two keys, three languages each");
    let pages = [
        ("es", "es/blog/arraigo-social/index.html", "Arraigo social"),
        (
            "el",
            "el/blog/κοινωνική-ένταξη/index.html",
            "Κοινωνική ένταξη (arraigo)",
        ),
        ("en", "en/blog/arraigo/index.html", "Social roots (arraigo)"),
        (
            "en",
            "en/blog/family-reunification/index.html",
            "Family reunification",
        ),
    ];
    for (lang, file, title) in pages {
        let page = site.page(file);
        assert_eq!(page.lang(), Some(lang), "{file}");
        let h1 = page.find("h1", |_| true).expect("a heading");
        assert_eq!(page.text(h1), title, "{file}");
    }
    // A slug replaces the key in that language only.
    assert!(!site.exists("es/blog/arraigo/index.html"));
    assert!(!site.exists("el/blog/arraigo/index.html"));
    assert!(!site.exists("en/blog/familia/index.html"));
    assert!(site.exists("es/blog/familia/index.html"));
}

#[test]
fn language_switcher_lands_on_the_same_item_in_every_language() {
    let site = build("translations");
    let expected = [
        ("es", "/es/blog/arraigo-social/"),
        ("el", "/el/blog/κοινωνική-ένταξη/"),
        ("en", "/en/blog/arraigo/"),
    ];
    for (lang, path) in expected {
        let page = site.page(&common::output_file(path));
        let switcher = page.switcher();
        let got: Vec<(&str, String)> = switcher
            .iter()
            .map(|(l, h, _)| (l.as_str(), percent_decode(h)))
            .collect();
        let want: Vec<(&str, String)> = expected.iter().map(|(l, p)| (*l, p.to_string())).collect();
        assert_eq!(got, want, "switcher of {path}");
        let current: Vec<&str> = switcher
            .iter()
            .filter(|s| s.2)
            .map(|s| s.0.as_str())
            .collect();
        assert_eq!(current, [lang], "only the page's own language is current");
    }
}

#[test]
fn real_translations_are_hreflang_alternates_of_each_other() {
    let site = build("translations");
    let page = site.page("el/blog/κοινωνική-ένταξη/index.html");
    let alts = alternate_map(&page, "el article");
    let want: BTreeMap<String, String> = [
        ("es", "https://example.org/es/blog/arraigo-social/"),
        ("el", "https://example.org/el/blog/κοινωνική-ένταξη/"),
        ("en", "https://example.org/en/blog/arraigo/"),
        // The default language (es) is the x-default of an entry written in it.
        ("x-default", "https://example.org/es/blog/arraigo-social/"),
    ]
    .into_iter()
    .map(|(l, h)| (l.to_string(), h.to_string()))
    .collect();
    assert_eq!(alts, want);
    assert_eq!(page.robots(), None, "a real translation is indexable");
}

// ---------------------------------------------------------------- fallback

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

// ---------------------------------------------------------------- hreflang and canonical

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

// ---------------------------------------------------------------- links

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

// ---------------------------------------------------------------- sitemap

fn sitemap_locs(site: &Built) -> BTreeSet<String> {
    let text = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap is XML");
    doc.descendants()
        .filter(|n| n.has_tag_name((SITEMAP, "loc")))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
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

// ---------------------------------------------------------------- feeds

/// An Atom entry, checked for the elements RFC 4287 requires.
#[derive(Debug)]
struct FeedEntry {
    id: String,
    link: String,
    title: String,
    content: String,
}

/// The Atom children of `node` named `name`.
fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(|n| n.has_tag_name((ATOM, name)))
        .collect()
}

/// The text of the one Atom child of `node` named `name`.
fn text_of(node: roxmltree::Node<'_, '_>, name: &str) -> String {
    let found = child(node, name);
    assert_eq!(found.len(), 1, "exactly one <{name}>");
    found[0].text().unwrap_or_default().to_string()
}

/// Parses an Atom feed, checks its required elements and returns its entries.
fn feed_entries(text: &str) -> Vec<FeedEntry> {
    let doc = roxmltree::Document::parse(text).expect("feed is XML");
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "root is an Atom feed");
    let absolute = |url: &str| url.starts_with("https://example.org/");
    assert!(absolute(&text_of(feed, "id")), "feed id is an absolute URL");
    assert!(!text_of(feed, "title").is_empty());
    let updated = text_of(feed, "updated");
    let updated = chrono::DateTime::parse_from_rfc3339(&updated).expect("RFC 3339 updated");
    let self_link = child(feed, "link")
        .into_iter()
        .find(|l| l.attribute("rel") == Some("self"))
        .expect("a self link");
    assert!(absolute(self_link.attribute("href").unwrap()));
    let feed_has_author = !child(feed, "author").is_empty();
    let mut out = Vec::new();
    for entry in child(feed, "entry") {
        let id = text_of(entry, "id");
        assert!(absolute(&id), "entry id {id} is absolute");
        let entry_updated = chrono::DateTime::parse_from_rfc3339(&text_of(entry, "updated"))
            .expect("entry updated is RFC 3339");
        assert!(
            entry_updated <= updated,
            "the feed is as new as its newest entry"
        );
        assert!(
            feed_has_author || !child(entry, "author").is_empty(),
            "Atom requires an author"
        );
        let link = child(entry, "link")
            .into_iter()
            .find(|l| l.attribute("rel").unwrap_or("alternate") == "alternate")
            .and_then(|l| l.attribute("href"))
            .expect("entry link")
            .to_string();
        assert!(absolute(&link), "entry link {link} is absolute");
        out.push(FeedEntry {
            title: text_of(entry, "title"),
            content: child(entry, "content")
                .first()
                .and_then(|c| c.text())
                .unwrap_or_default()
                .to_string(),
            id,
            link,
        });
    }
    out
}

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

// ---------------------------------------------------------------- plurals and dates

#[test]
fn term_and_blog_counts_use_each_language_plural_forms() {
    let site = build("plurals");
    let cases = [
        ("es", "1 artículo", "3 artículos", "4 artículos"),
        ("el", "1 άρθρο", "3 άρθρα", "4 άρθρα"),
        ("en", "1 article", "3 articles", "4 articles"),
    ];
    for (lang, one, three, four) in cases {
        let uno = site
            .page(&format!("{lang}/blog/category/uno/index.html"))
            .main_text();
        // "1 artículos" contains "1 artículo": look for the word followed by a space.
        assert!(uno.contains(&format!("{one} ")), "{lang}: {uno}");
        let wrong = format!("1{}", three.trim_start_matches('3'));
        assert!(!uno.contains(&wrong), "{lang}: {wrong} is the wrong plural");
        let tres = site
            .page(&format!("{lang}/blog/category/tres/index.html"))
            .main_text();
        assert!(tres.contains(three), "{lang}: {tres}");
        let blog = site.page(&format!("{lang}/blog/index.html")).main_text();
        assert!(blog.contains(four), "{lang}: {blog}");
    }
}

#[test]
fn article_dates_are_written_the_local_way() {
    let site = build("plurals");
    let cases = [
        ("es", "24 de noviembre de 2026"),
        ("el", "24 Νοεμβρίου 2026"),
        ("en", "24 November 2026"),
    ];
    for (lang, date) in cases {
        let article = site.page(&format!("{lang}/blog/fecha/index.html"));
        assert!(article.main_text().contains(date), "{lang} article");
        let list = site.page(&format!("{lang}/blog/index.html"));
        let time = list
            .find("time", |t| t.attr("datetime") == Some("2026-11-24"))
            .unwrap_or_else(|| panic!("{lang}: no <time> for the article"));
        assert_eq!(list.text(time), date, "{lang} list");
    }
}

// ---------------------------------------------------------------- drafts

#[test]
fn drafts_are_left_out_by_default() {
    let site = build("drafts");
    assert_eq!(site.report.articles, 1);
    for lang in ["es", "el", "en"] {
        assert!(!site.exists(&format!("{lang}/blog/borrador/index.html")));
        assert!(site.exists(&format!("{lang}/blog/publicado/index.html")));
    }
    assert!(!site.read("sitemap.xml").contains("borrador"));
    assert!(!site.read("es/atom.xml").contains("borrador"));
    assert!(!site.read("es/blog/index.html").contains("Borrador"));
}

#[test]
fn drafts_are_built_when_asked() {
    let site = build_with("drafts", true);
    assert_eq!(site.report.articles, 2);
    assert!(site.exists("es/blog/borrador/index.html"));
    let list = site.page("es/blog/index.html");
    assert!(list.main_text().contains("Borrador"));
    assert!(list.main_text().contains("2 artículos"));
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_renders_tables_footnotes_and_strikethrough() {
    let site = build("markdown");
    let page = site.page("es/blog/formato/index.html");
    let body = page.find("div", |d| d.has_class("body")).unwrap();
    let table = page.within(body, "table").next().expect("a table");
    let heads: Vec<String> = page.within(table, "th").map(|th| page.text(th)).collect();
    assert_eq!(heads, ["Plazo", "Requisito"]);
    let cells: Vec<String> = page.within(table, "td").map(|td| page.text(td)).collect();
    assert_eq!(cells, ["2 años", "Residencia continuada"]);
    let del = page.within(body, "del").next().expect("strikethrough");
    assert_eq!(page.text(del), "de tres años");
    // The footnote reference links to its definition, on the same page.
    let sup = page
        .within(body, "sup")
        .find(|s| s.has_class("footnote-reference"))
        .expect("a footnote reference");
    let target = page.within(sup, "a").next().unwrap().attr("href").unwrap();
    let id = target.strip_prefix('#').expect("a fragment link");
    let definition = page
        .elements
        .iter()
        .find(|e| e.attr("id") == Some(id))
        .expect("the footnote definition");
    assert!(page.text(definition).contains("Real Decreto 1155/2024"));
}

#[test]
fn heading_ids_keep_spanish_and_greek_letters() {
    let site = build("markdown");
    let page = site.page("es/blog/formato/index.html");
    let body = page.find("div", |d| d.has_class("body")).unwrap();
    let ids: Vec<&str> = page
        .within(body, "h2")
        .filter_map(|h| h.attr("id"))
        .collect();
    assert_eq!(ids, ["qué-es-el-arraigo", "τι-αλλάζει", "τι-αλλάζει-1"]);
    let toc = page.find("nav", |n| n.has_class("toc")).expect("a TOC");
    let links: Vec<&str> = page
        .within(toc, "a")
        .filter_map(|a| a.attr("href"))
        .collect();
    assert_eq!(
        links,
        ["#qué-es-el-arraigo", "#τι-αλλάζει", "#τι-αλλάζει-1"]
    );
}

/// Ids that appear more than once on a page.
fn duplicate_ids(page: &Html) -> Vec<String> {
    let mut seen = BTreeSet::new();
    page.elements
        .iter()
        .filter_map(|e| e.attr("id"))
        .filter(|id| !seen.insert(*id))
        .map(str::to_string)
        .collect()
}

#[test]
fn ids_are_unique_on_every_page() {
    for (fixture, _) in GOOD {
        let site = build(fixture);
        for file in site.html_files() {
            let dups = duplicate_ids(&site.page(&file));
            assert!(dups.is_empty(), "{fixture}/{file}: duplicate ids {dups:?}");
        }
    }
}

#[test]
fn footnote_ids_do_not_collide_with_heading_ids() {
    let site = build("markdown_footnote_ids");
    let page = site.page("es/blog/notas/index.html");
    assert_eq!(duplicate_ids(&page), Vec::<String>::new());
    // The reference must lead to the note, not to the heading.
    let sup = page
        .find("sup", |s| s.has_class("footnote-reference"))
        .unwrap();
    let href = page.within(sup, "a").next().unwrap().attr("href").unwrap();
    let target = page
        .elements
        .iter()
        .find(|e| Some(e.attr("id").unwrap_or_default()) == href.strip_prefix('#'))
        .unwrap();
    assert!(
        target.has_class("footnote-definition"),
        "{href} leads to <{}>",
        target.name
    );
}

// ---------------------------------------------------------------- terms

#[test]
fn term_pages_link_to_the_same_term_in_other_languages_with_localized_names() {
    let site = build("terms");
    let cases = [
        ("es", [("el", "Άσυλο"), ("en", "Asylum")]),
        ("el", [("es", "Asilo"), ("en", "Asylum")]),
        ("en", [("es", "Asilo"), ("el", "Άσυλο")]),
    ];
    for (lang, others) in cases {
        let file = format!("{lang}/blog/category/asilo/index.html");
        let page = site.page(&file);
        let main = page.find("main", |_| true).unwrap();
        for (other, name) in others {
            let href = format!("/{other}/blog/category/asilo/");
            let link = page
                .within(main, "a")
                .find(|a| {
                    a.attr("hreflang") == Some(other) && a.attr("href") == Some(href.as_str())
                })
                .unwrap_or_else(|| panic!("{file}: no link to {href}"));
            assert_eq!(link.attr("lang"), Some(other), "{file}: name marked");
            assert!(
                page.text(link).starts_with(name),
                "{file}: {}",
                page.text(link)
            );
            assert!(site.exists(&common::output_file(&href)));
        }
        // And its own name is the one of its language.
        let own = match lang {
            "es" => "Asilo",
            "el" => "Άσυλο",
            _ => "Asylum",
        };
        let h1 = page.find("h1", |_| true).unwrap();
        assert!(page.text(h1).ends_with(own), "{file}: {}", page.text(h1));
    }
}

#[test]
fn term_name_missing_in_a_language_warns_and_is_marked_where_linked() {
    let site = build("terms");
    let warning = site
        .report
        .warnings
        .iter()
        .find(|w| {
            w.problem
                == Problem::MissingField {
                    field: "name.el".into(),
                }
        })
        .expect("a warning for the missing Greek name");
    let span = warning.span.as_ref().unwrap();
    assert_eq!(
        span.file,
        std::path::Path::new("content/taxonomies/tags.yaml")
    );
    assert_eq!(span.line, 6, "the line of the term `sin-griego`");
    // The Greek article shows the English name (el falls back to en), marked as such.
    let page = site.page("el/blog/asilo/index.html");
    let link = page
        .find("a", |a| a.attr("href") == Some("/el/blog/tag/sin-griego/"))
        .unwrap();
    assert_eq!(page.text(link), "Spanish only");
    assert_eq!(link.attr("lang"), Some("en"));
}

#[test]
fn fallback_term_name_on_its_own_page_is_marked_with_its_language() {
    // DESIGN.md §4.3: a text shown in a fallback language is marked with its real
    // `lang`. On the Greek page of the tag `sin-griego`, the title shows the English
    // name inside a Greek sentence.
    let site = build("terms");
    let page = site.page("el/blog/tag/sin-griego/index.html");
    let h1 = page.find("h1", |_| true).unwrap();
    assert!(page.text(h1).contains("Spanish only"));
    let marked = page
        .within(h1, "span")
        .chain(std::iter::once(h1))
        .any(|e| e.attr("lang") == Some("en") && page.text(e).contains("Spanish only"));
    assert!(marked, "{}", page.inner_html(h1));
}
