//! Markdown rendering (DESIGN.md §3): tables, footnotes and strikethrough, heading ids
//! that keep Spanish and Greek letters, and ids unique on every page, footnotes
//! included.

mod common;

use std::collections::BTreeSet;

use common::site::GOOD;
use common::{build, Html};

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
