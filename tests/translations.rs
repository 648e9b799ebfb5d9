//! Translations (DESIGN.md §4.2, §4.4, §5): items joined by key across languages under each
//! language's slug, the language switcher, `hreflang` between real translations, and
//! taxonomy terms named in every language (with a marked fallback where a name is
//! missing).

mod common;

use std::collections::BTreeMap;

use common::site::alternate_map;
use common::{build, percent_decode};
use puerta::diag::Problem;

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
