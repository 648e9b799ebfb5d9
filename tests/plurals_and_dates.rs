//! Localized words and dates (DESIGN.md §4): counts take each language's plural forms
//! and article dates are written the local way, in articles and in lists.

mod common;

use common::build;

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
