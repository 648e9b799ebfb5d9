//! Drafts (DESIGN.md §4): left out of pages, lists, sitemap and feeds by default,
//! built when asked.

mod common;

use common::{build, build_with};

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
