//! The legal knowledge base (DESIGN.md §4.2, §4.4, §5): citations written out in the
//! page's language with links to the law page and the official text, repeal warnings
//! and banners, law pages listing the articles that cite them, the feed of changes to
//! laws, and `Legislation` structured data identified by ELI. Fixture: `laws`.

mod common;

use common::atom::feed_entries;
use common::{build, localizer, t, Built, Html};
use puerta::diag::{Problem, Severity};

const LANGS: [&str; 3] = ["es", "el", "en"];

/// The text of the first element of `page` with class `class`.
fn class_text(page: &Html, name: &str, class: &str) -> String {
    let e = page
        .find(name, |e| e.has_class(class))
        .unwrap_or_else(|| panic!("no <{name} class={class}>"));
    page.text(e)
}

/// The inline citations of an article's body: (text, hrefs).
fn citations(page: &Html) -> Vec<(String, Vec<String>)> {
    page.all("span")
        .filter(|s| s.has_class("law-cite"))
        .map(|s| {
            let hrefs = page
                .within(s, "a")
                .filter_map(|a| a.attr("href"))
                .map(str::to_string)
                .collect();
            (page.text(s), hrefs)
        })
        .collect()
}

/// The JSON-LD of a page.
fn json_ld(site: &Built, file: &str) -> serde_json::Value {
    let page = site.page(file);
    let script = page
        .find("script", |s| s.attr("type") == Some("application/ld+json"))
        .unwrap_or_else(|| panic!("{file}: no JSON-LD"));
    serde_json::from_str(page.inner_html(script)).expect("valid JSON")
}

#[test]
fn inline_citations_are_written_in_the_page_language_and_link_to_law_and_official_text() {
    let site = build("laws");
    let eli = "https://www.boe.es/eli/es/lo/2000/01/11/4/con";
    let want = [
        (
            "es",
            [
                "RD 1155/2024",
                "arts. 123–130 RD 557/2011",
                "art. 31.3 LO 4/2000",
                "arts. 57 bis, 58 LO 4/2000",
                "art. 5 Ley 4939/2022",
            ],
        ),
        (
            "el",
            [
                "RD 1155/2024",
                "άρθρα 123–130 RD 557/2011",
                "άρθρο 31.3 LO 4/2000",
                "άρθρα 57 bis, 58 LO 4/2000",
                "άρθρο 5 ν. 4939/2022",
            ],
        ),
        (
            "en",
            [
                "RD 1155/2024",
                "arts. 123–130 RD 557/2011",
                "art. 31.3 LO 4/2000",
                "arts. 57 bis, 58 LO 4/2000",
                "art. 5 Law 4939/2022",
            ],
        ),
    ];
    for (lang, texts) in want {
        let page = site.page(&format!("{lang}/blog/reglamento-nuevo/index.html"));
        let found = citations(&page);
        let got: Vec<String> = found
            .iter()
            .map(|(t, _)| t.replace('\u{a0}', " "))
            .collect();
        assert_eq!(got, texts, "{lang}");
        // The short title links to the law page in the page language; the articles to
        // the official consolidated text at the article's anchor, when there is one.
        assert_eq!(found[0].1, [format!("/{lang}/laws/es-rd-1155-2024/")]);
        assert_eq!(
            found[1].1,
            [format!("/{lang}/laws/es-rd-557-2011/")],
            "no ELI"
        );
        assert_eq!(
            found[2].1,
            [format!("{eli}#a31"), format!("/{lang}/laws/es-lo-4-2000/")]
        );
        assert_eq!(found[3].1[0], format!("{eli}#a57bis"));
        assert_eq!(found[4].1, [format!("/{lang}/laws/gr-n-4939-2022/")]);
    }
}

#[test]
fn laws_cited_list_joins_front_matter_and_body_citations_with_status_and_official_text() {
    let site = build("laws");
    let page = site.page("en/blog/arraigo-antiguo/index.html");
    let section = page
        .find("section", |s| s.has_class("laws-cited"))
        .expect("a laws-cited section");
    // The text scanner puts a space where a tag ends; punctuation follows tags here.
    let items: Vec<String> = page
        .within(section, "li")
        .map(|li| page.text(li).replace(" ,", ",").replace(" .", "."))
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(
        items[0].starts_with("RD 557/2011, arts. 123–130:"),
        "{items:?}"
    );
    assert!(items[0].contains("Repealed") && items[0].contains("ELI: not verified"));
    assert!(items[1].starts_with("LO 4/2000, art. 31.3:"), "{items:?}");
    assert!(items[1].contains("In force") && items[1].contains("BOE-A-2000-544"));
    let official = page
        .within(section, "a")
        .find(|a| a.has_class("official"))
        .unwrap();
    assert_eq!(
        official.attr("href"),
        Some("https://www.boe.es/eli/es/lo/2000/01/11/4")
    );
}

#[test]
fn citing_a_repealed_law_unreviewed_since_is_a_warning_and_a_banner_in_every_language() {
    let site = build("laws");
    let warnings: Vec<_> = site
        .report
        .warnings
        .iter()
        .filter(
            |d| matches!(&d.problem, Problem::RepealedLaw { law, .. } if law == "es-rd-557-2011"),
        )
        .collect();
    let places: Vec<String> = warnings
        .iter()
        .map(|d| d.span.as_ref().unwrap().to_string())
        .collect();
    // Only the old article: the new one was reviewed after the repeal.
    assert_eq!(
        places,
        ["el", "en", "es"].map(|l| format!("content/blog/arraigo-antiguo.{l}.md:8:11")),
        "sorted by file"
    );
    assert!(warnings.iter().all(|d| d.severity == Severity::Warning));
    assert!(warnings[0]
        .to_string()
        .contains("repealed by `es-rd-1155-2024` with effect from 2025-05-20"));

    let l10n = localizer();
    let dates = [
        ("es", "20 de mayo de 2025"),
        ("el", "20 Μαΐου 2025"),
        ("en", "20 May 2025"),
    ];
    for (lang, date) in dates {
        let page = site.page(&format!("{lang}/blog/arraigo-antiguo/index.html"));
        let banner = page
            .find("aside", |a| a.has_class("banner") && a.has_class("warning"))
            .unwrap_or_else(|| panic!("{lang}: a warning banner"));
        let text = page.text(banner);
        assert!(
            text.starts_with(&t(&l10n, lang, "repeal-title")),
            "{lang}: {text}"
        );
        assert!(
            text.contains("RD 557/2011") && text.contains("RD 1155/2024"),
            "{text}"
        );
        assert!(text.contains(date), "{lang}: {text}");
        let links: Vec<&str> = page
            .within(banner, "a")
            .filter_map(|a| a.attr("href"))
            .collect();
        for target in [
            format!("/{lang}/laws/es-rd-557-2011/"),
            format!("/{lang}/laws/es-rd-1155-2024/"),
            format!("/{lang}/laws/es-rd-557-2011/#citing"),
            format!("/{lang}/laws/es-rd-1155-2024/#citing"),
        ] {
            assert!(links.contains(&target.as_str()), "{lang}: {links:?}");
        }
        // The banner comes before the body: a reader sees it at once.
        let body = page.find("div", |d| d.has_class("body")).unwrap();
        assert!(banner.inner.end < body.inner.start);

        // The new article mentions the repeal too, as a note rather than a warning.
        let page = site.page(&format!("{lang}/blog/reglamento-nuevo/index.html"));
        let note = page.find("aside", |a| a.has_class("banner")).unwrap();
        assert!(!note.has_class("warning"), "{lang}");
        assert!(page
            .text(note)
            .starts_with(&t(&l10n, lang, "repeal-note-title")));
    }
}

#[test]
fn law_page_shows_status_dates_repeal_and_every_citing_article_per_language() {
    let site = build("laws");
    let es = site.page("es/laws/es-rd-557-2011/index.html");
    let text = es.main_text();
    assert!(text.contains("Derogado"), "{text}");
    assert!(text.contains("20 de mayo de 2025"));
    assert!(text.contains("no verificado"), "ELI not verified: {text}");
    let by = es
        .all("a")
        .filter(|a| a.attr("href") == Some("/es/laws/es-rd-1155-2024/"))
        .count();
    assert!(by >= 2, "banner and repealed-by link");
    let citing = es.find("h2", |h| h.attr("id") == Some("citing")).unwrap();
    assert!(citing.inner.start > 0);
    let listed: Vec<&str> = es
        .all("h3")
        .flat_map(|h| es.within(h, "a"))
        .filter_map(|a| a.attr("href"))
        .collect();
    assert_eq!(
        listed,
        ["/es/blog/reglamento-nuevo/", "/es/blog/arraigo-antiguo/"],
        "newest first"
    );
    // Per language: the Greek page lists the Greek articles, in Greek.
    let el = site.page("el/laws/es-lo-4-2000/index.html");
    let titles: Vec<String> = el.all("h3").map(|h| el.text(h)).collect();
    assert_eq!(
        titles,
        ["Ο νέος κανονισμός", "Το arraigo με τον παλιό κανονισμό"]
    );
    assert_eq!(el.lang(), Some("el"));
    // A law nobody cites says so; an amended law names what amended it.
    let en = site.page("en/laws/es-lo-99-2026/index.html");
    assert!(en.main_text().contains("No article cites this law yet."));
    let en = site.page("en/laws/es-lo-4-2000/index.html");
    assert!(en.main_text().contains("Amended by LO 99/2026"));
    // The list of laws, grouped by jurisdiction, with the count of citing articles.
    let index = site.page("es/laws/index.html");
    let groups: Vec<String> = index.all("h2").map(|h| index.text(h)).collect();
    assert_eq!(groups, ["España", "Grecia"]);
    assert!(index.main_text().contains("2 artículos la citan"));
}

#[test]
fn feed_of_law_changes_lists_dated_changes_newest_first_per_language() {
    let site = build("laws");
    for lang in LANGS {
        let entries = feed_entries(&site.read(&format!("{lang}/laws/atom.xml")));
        let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        let base = format!("https://example.org/{lang}/laws/");
        assert_eq!(
            ids,
            [
                format!("{base}es-lo-4-2000/#amended-2026-03-01"),
                format!("{base}es-lo-99-2026/#in-force-2026-03-01"),
                format!("{base}es-rd-1155-2024/#in-force-2025-05-20"),
                format!("{base}es-rd-557-2011/#repealed-2025-05-20"),
                format!("{base}es-rd-1155-2024/#published-2024-11-20"),
                format!("{base}gr-n-4939-2022/#published-2022-06-10"),
                format!("{base}es-lo-4-2000/#published-2000-01-12"),
            ],
            "{lang}"
        );
        let repeal = &entries[3];
        assert!(repeal
            .content
            .contains(&format!("href=\"{base}es-rd-1155-2024/\"")));
    }
    let page = site.page("en/laws/index.html");
    assert!(page
        .all("link")
        .any(|l| l.attr("href") == Some("/en/laws/atom.xml")));
}

#[test]
fn json_ld_cites_legislation_identified_by_eli_with_its_legal_force() {
    let site = build("laws");
    let json = json_ld(&site, "en/blog/arraigo-antiguo/index.html");
    let posting = json["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@type"] == "BlogPosting")
        .expect("a BlogPosting");
    let citations = posting["citation"].as_array().expect("citation array");
    assert_eq!(citations.len(), 2);
    let old = &citations[0];
    assert_eq!(old["@type"], "Legislation");
    assert_eq!(
        old["@id"], "https://example.org/en/laws/es-rd-557-2011/#law",
        "no ELI: the law page identifies it"
    );
    assert_eq!(
        old["legislationLegalForce"],
        "https://schema.org/NotInForce"
    );
    let loex = &citations[1];
    assert_eq!(loex["@id"], "https://www.boe.es/eli/es/lo/2000/01/11/4");
    assert_eq!(loex["legislationIdentifier"], "BOE-A-2000-544");
    assert_eq!(loex["legislationLegalForce"], "https://schema.org/InForce");
    assert_eq!(loex["legislationJurisdiction"], "ES");
    assert_eq!(posting["mainEntityOfPage"]["lastReviewed"], "2024-06-01");

    let law = json_ld(&site, "es/laws/es-rd-1155-2024/index.html");
    let node = &law["@graph"][0];
    assert_eq!(node["@type"], "Legislation");
    assert_eq!(node["@id"], "https://www.boe.es/eli/es/rd/2024/11/19/1155");
    assert_eq!(node["legislationDateOfApplicability"], "2025-05-20");
    assert_eq!(
        node["legislationChanges"][0]["@id"],
        "https://example.org/es/laws/es-rd-557-2011/#law"
    );
    assert_eq!(law["@graph"][1]["@type"], "BreadcrumbList");
    for file in site.html_files() {
        assert!(!site.read(&file).contains("LegalService"), "{file}");
    }
}

#[test]
fn sitemap_lists_law_pages_with_their_alternates() {
    let site = build("laws");
    let text = site.read("sitemap.xml");
    for lang in LANGS {
        assert!(text.contains(&format!("<loc>https://example.org/{lang}/laws/</loc>")));
        assert!(text.contains(&format!(
            "<loc>https://example.org/{lang}/laws/es-rd-557-2011/</loc>"
        )));
    }
    assert!(text.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"el\" href=\"https://example.org/el/laws/gr-n-4939-2022/\"/>"
    ));
}

#[test]
fn articles_show_review_reading_time_jurisdiction_related_items_and_how_to_cite() {
    let site = build("laws");
    let l10n = localizer();
    for lang in LANGS {
        let page = site.page(&format!("{lang}/blog/reglamento-nuevo/index.html"));
        let dates = class_text(&page, "p", "dates");
        // Published, updated and last legal review, each on its own.
        let review = page.find("time", |e| e.has_class("review")).unwrap();
        assert_eq!(review.attr("datetime"), Some("2026-06-01"));
        assert!(dates.contains(&page.text(review)));
        let reading = l10n
            .t(
                lang,
                "reading-time",
                &[("minutes", puerta::i18n::Arg::from(1usize))],
            )
            .unwrap();
        assert!(page.main_text().contains(&reading), "{lang}: {reading}");
        let spain = l10n
            .t(lang, "jurisdiction", &[("jurisdiction", "es".into())])
            .unwrap();
        let greece = l10n
            .t(lang, "jurisdiction", &[("jurisdiction", "gr".into())])
            .unwrap();
        assert!(
            page.main_text().contains(&format!("{spain}, {greece}")),
            "{lang}"
        );
        assert!(page.main_text().contains(&t(&l10n, lang, "legal-notice")));
        let cite = class_text(&page, "section", "cite-this");
        assert!(cite.contains("Ana Prueba"), "{cite}");
        assert!(cite.contains(&format!(
            "https://example.org/{lang}/blog/reglamento-nuevo/"
        )));
        // Related: the directory's service, and the other article sharing laws and terms.
        let hrefs: Vec<&str> = page
            .all("section")
            .filter(|s| s.has_class("related"))
            .flat_map(|s| page.within(s, "a"))
            .filter_map(|a| a.attr("href"))
            .collect();
        assert!(hrefs.contains(&format!("/{lang}/services/orientacion-juridica/").as_str()));
        assert!(hrefs.contains(&format!("/{lang}/blog/arraigo-antiguo/").as_str()));
        assert!(!hrefs.contains(&format!("/{lang}/blog/sin-citas/").as_str()));
        // Print: the URL of the page, and the laws cited with their official links.
        assert!(page
            .find("p", |p| p.has_class("print-only"))
            .is_some_and(|p| page.text(p).contains("https://example.org/")));
    }
    let css = site.read("static/style.css");
    assert!(css.contains(".laws-cited a[href^=\"http\"]::after"));
}
