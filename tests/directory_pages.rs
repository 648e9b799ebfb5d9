//! Directory pages, calendars and structured data: what a reader finds in each
//! language, built from the `directory-redacted` fixture and the example site.

mod common;

use chrono::{TimeZone, Utc};
use common::ics;

#[test]
fn service_page_shows_the_next_session_in_each_language_without_javascript() {
    // The fixed clock is Thursday 26 November 2026; the public place opens on Tuesdays.
    let built = common::build("directory-redacted");
    for (lang, next) in [
        ("es", "martes, 1 de diciembre, 9:00–13:00"),
        ("el", "Τρίτη 1 Δεκεμβρίου, 9:00–13:00"),
        ("en", "Tuesday 1 December, 9:00–13:00"),
    ] {
        let page = built.read(&format!("{lang}/services/acogida/index.html"));
        assert!(
            page.contains(next),
            "{lang} page names the next Tuesday session: {next}"
        );
    }
}

#[test]
fn facet_pages_filter_services_without_javascript() {
    let built = common::build("directory-redacted");
    let home = built.page("es/directory/index.html");
    let link = home
        .find("a", |a| {
            a.attr("href") == Some("/es/directory/area/shelter/")
        })
        .expect("a link to the area facet");
    assert_eq!(home.text(link), "Acogida");
    let facet = built.read("es/directory/area/shelter/index.html");
    assert!(
        facet.contains("/es/services/acogida/"),
        "the facet page lists the service"
    );
    assert!(
        built.exists("en/directory/city/madrid/index.html"),
        "city facet"
    );
    assert!(
        built.exists("el/directory/access/referral/index.html"),
        "access facet"
    );
}

#[test]
fn city_page_derives_its_services_and_organizations() {
    let built = common::build("directory-redacted");
    let page = built.read("en/cities/madrid/index.html");
    assert!(
        page.contains("/en/services/acogida/"),
        "service at a place in the city"
    );
    assert!(
        page.contains("/en/organizations/refugio-org/"),
        "organization with a place in the city"
    );
}

#[test]
fn every_calendar_reads_back_with_an_independent_parser_and_keeps_local_time() {
    let built = common::build("directory-redacted");
    let calendars: Vec<String> = built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".ics"))
        .collect();
    assert!(calendars.contains(&"es/services/acogida.ics".to_string()));
    assert!(calendars.contains(&"el/cities/madrid.ics".to_string()));
    for file in &calendars {
        let parsed = ics::read(&built.read(file));
        let until = Utc.with_ymd_and_hms(2027, 4, 30, 0, 0, 0).unwrap();
        let instances = ics::instances(&parsed, until);
        assert!(!instances.is_empty(), "{file} has events");
        // Every Tuesday session starts at 9:00 in Madrid, before and after the change
        // to summer time on 28 March 2027 (08:00Z in winter, 07:00Z in summer).
        for instance in instances
            .iter()
            .filter(|i| i.location.as_deref().is_some_and(|l| l.contains("Ejemplo")))
        {
            let madrid = instance.start.with_timezone(&chrono_tz::Europe::Madrid);
            assert_eq!(
                madrid.format("%H:%M").to_string(),
                "09:00",
                "{file}: {instance:?}"
            );
        }
        let summer = instances
            .iter()
            .any(|i| i.start == Utc.with_ymd_and_hms(2027, 3, 30, 7, 0, 0).unwrap());
        let winter = instances
            .iter()
            .any(|i| i.start == Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap());
        assert!(
            summer && winter,
            "{file}: Tuesday 9:00 Madrid on both sides of the DST change"
        );
    }
}

#[test]
fn service_json_ld_is_a_service_with_opening_hours_and_never_a_legal_service() {
    let built = common::build("directory-redacted");
    let page = built.read("en/services/acogida/index.html");
    let start = page
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + 35;
    let end = start + page[start..].find("</script>").unwrap();
    let json: serde_json::Value = serde_json::from_str(&page[start..end]).expect("valid JSON");
    let graph = json["@graph"].as_array().unwrap();
    let service = graph
        .iter()
        .find(|n| n["@type"] == "Service")
        .expect("a Service node");
    assert_eq!(service["provider"]["@type"], "NGO");
    let channels = service["availableChannel"].as_array().unwrap();
    let hours: Vec<_> = channels
        .iter()
        .filter_map(|c| c["serviceLocation"].get("openingHoursSpecification"))
        .collect();
    assert_eq!(hours.len(), 1, "only the public place has published hours");
    assert_eq!(hours[0][0]["dayOfWeek"][0], "https://schema.org/Tuesday");
    assert!(graph.iter().any(|n| n["@type"] == "BreadcrumbList"));
    assert!(!page.contains("LegalService"));
}

#[test]
fn sitemap_lists_directory_pages_with_their_alternates() {
    let built = common::build("directory-redacted");
    let sitemap = built.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/el/services/acogida/</loc>"));
    assert!(sitemap.contains("hreflang=\"en\" href=\"https://example.org/en/directory/\""));
}

#[test]
fn example_site_answers_where_when_who_and_how_to_refer_in_every_language() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    puerta::build(&common::options(root, &out), &|_, _| {}).expect("the example site builds");
    for (lang, next) in [
        ("es", "martes, 1 de diciembre, 9:00–13:00"),
        ("el", "Τρίτη 1 Δεκεμβρίου, 9:00–13:00"),
        ("en", "Tuesday 1 December, 9:00–13:00"),
    ] {
        let soie =
            std::fs::read_to_string(out.join(format!("{lang}/services/soie/index.html"))).unwrap();
        assert!(soie.contains(next), "{lang}: next session");
        assert!(
            soie.contains("Calle Fernández Caballero, 4"),
            "{lang}: address"
        );
        assert!(
            soie.contains("<h2>") && soie.contains("class=\"place\""),
            "{lang}: where and when"
        );
        // Referral pathways appear on both partners' pages.
        for (org, partner) in [("progestion", "kifkif"), ("kifkif", "progestion")] {
            let page =
                std::fs::read_to_string(out.join(format!("{lang}/organizations/{org}/index.html")))
                    .unwrap();
            assert!(
                page.contains(&format!("/{lang}/organizations/{partner}/")),
                "{lang}: {org} links its partner {partner}"
            );
        }
    }
}
