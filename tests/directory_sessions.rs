//! Seminar and network pages: upcoming and past sessions, cancellations in pages,
//! calendars and structured data, dated outcomes and supporters.

mod common;

use chrono::{TimeZone, Utc};
use common::ics;

#[test]
fn seminar_page_lists_upcoming_and_past_sessions_and_marks_cancellations() {
    let built = common::build("directory-sessions");
    let page = built.read("en/seminars/formacion/index.html");
    let upcoming = page.find("Upcoming sessions").expect("upcoming section");
    let past = page.find("Past sessions").expect("past section");
    let dec3 = page
        .find("3 December 2026, 10:00–13:00")
        .expect("the next session");
    let oct20 = page
        .find("20 October 2026, 10:00–13:00")
        .expect("the past session");
    assert!(
        upcoming < dec3 && dec3 < past && past < oct20,
        "sessions sorted into their sections"
    );
    assert!(page.contains("<del>10 December 2026, 10:00–13:00</del> <strong>cancelled</strong>"));
    assert!(page.contains("closed seminar, by invitation"));
    assert!(
        page.contains("October 2026"),
        "the outcome carries its date"
    );
}

#[test]
fn seminar_calendar_keeps_cancelled_sessions_as_cancelled() {
    let built = common::build("directory-sessions");
    let parsed = ics::read(&built.read("el/seminars.ics"));
    let until = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
    let instances = ics::instances(&parsed, until);
    assert_eq!(instances.len(), 3);
    let cancelled: Vec<_> = instances.iter().filter(|i| i.cancelled).collect();
    assert_eq!(cancelled.len(), 1);
    // 10:00 in Athens is 08:00Z in winter.
    assert_eq!(
        cancelled[0].start,
        Utc.with_ymd_and_hms(2026, 12, 10, 8, 0, 0).unwrap()
    );
    assert!(
        built.exists("en/cities/athens.ics"),
        "the city calendar has the sessions held there"
    );
}

#[test]
fn seminar_json_ld_has_one_education_event_per_session() {
    let built = common::build("directory-sessions");
    let page = built.read("es/seminars/formacion/index.html");
    let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + page[start..].find("</script>").unwrap();
    let json: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    let events: Vec<_> = json["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["@type"] == "EducationEvent")
        .collect();
    assert_eq!(events.len(), 3);
    assert_eq!(
        events[2]["eventStatus"],
        "https://schema.org/EventCancelled"
    );
    assert_eq!(events[1]["startDate"], "2026-12-03T08:00:00+00:00");
    assert_eq!(events[0]["organizer"]["@type"], "GovernmentOrganization");
}

#[test]
fn network_page_dates_its_supporters_and_lists_member_cities_and_seminars() {
    let built = common::build("directory-sessions");
    for (lang, since) in [
        ("es", "desde abril de 2020"),
        ("el", "από τον Απρίλιο του 2020"),
        ("en", "since April 2020"),
    ] {
        let page = built.read(&format!("{lang}/networks/red-ejemplo/index.html"));
        assert!(page.contains(since), "{lang}: {since}");
        assert!(page.contains(&format!("/{lang}/cities/athens/")));
        assert!(page.contains(&format!("/{lang}/seminars/formacion/")));
    }
    let city = built.read("el/cities/athens/index.html");
    assert!(
        city.contains("/el/networks/red-ejemplo/"),
        "the city page derives its network"
    );
    assert!(city.contains("/el/seminars/formacion/"), "and its seminars");
}

#[test]
fn city_and_network_pages_carry_their_structured_data() {
    let built = common::build("directory-sessions");
    let json_ld = |rel: &str| {
        let page = built.read(rel);
        let start = page
            .find("<script type=\"application/ld+json\">")
            .expect("JSON-LD")
            + 35;
        let end = start + page[start..].find("</script>").unwrap();
        serde_json::from_str::<serde_json::Value>(&page[start..end]).expect("valid JSON")
    };
    let city = json_ld("el/cities/athens/index.html");
    assert_eq!(city["@graph"][0]["@type"], "City");
    assert_eq!(city["@graph"][0]["name"], "Αθήνα");
    assert_eq!(city["@graph"][0]["alternateName"][0], "Athina");
    let network = json_ld("en/networks/red-ejemplo/index.html");
    assert_eq!(network["@graph"][0]["@type"], "Organization");
    assert_eq!(network["@graph"][1]["@type"], "BreadcrumbList");
}
