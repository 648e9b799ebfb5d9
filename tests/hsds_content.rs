//! What the HSDS 3.0 export (`puerta::export::hsds`) says, on the fixture site
//! `tests/fixtures/directory_hsds`: a redacted location never appears in any byte, ids
//! are deterministic UUIDs, schedules keep their weekly rule, zone and exceptions,
//! texts follow the language fallbacks, and coordinates are published only when exact
//! or approximate.

mod common;

use std::collections::BTreeSet;

use common::hsds::{export, parse, record, site};
use puerta::config::Config;
use puerta::directory::types::{self, Geo, GeoPrecision};
use puerta::export::hsds;
use puerta::localized::Localized;
use puerta::render::Output;
use serde_json::Value;

const REDACTED_ID: &str = "casa-refugio";

const REDACTED_NAME: &str = "Casa Refugio Azahar";

#[test]
fn a_redacted_location_never_appears_even_if_it_wrongly_carries_an_address() {
    let (config, mut directory) = site();
    // Validation rejects this; the export must not depend on it.
    let shelter = directory
        .locations
        .iter_mut()
        .find(|l| l.id == REDACTED_ID)
        .unwrap();
    shelter.data.address = Some(types::Address {
        street: "Calle Secreta 99".into(),
        postal_code: Some("28999".into()),
        locality: "Madrid".into(),
        region: None,
        country: "ES".into(),
    });
    shelter.data.geo = Some(Geo {
        lat: 40.123456,
        lon: -3.654321,
        precision: GeoPrecision::Exact,
    });
    shelter.data.transit = Some(Localized::Plain("Autobús 27, parada Azahar".into()));
    let outputs = export(&config, &directory);
    let forbidden = [
        REDACTED_ID.to_string(),
        REDACTED_NAME.to_string(),
        "Azahar".into(),
        "Calle Secreta".into(),
        "28999".into(),
        "40.123456".into(),
        "-3.654321".into(),
        "3.654321".into(),
        hsds::id(&config, "location", REDACTED_ID),
        hsds::id(&config, "address", REDACTED_ID),
        hsds::id(
            &config,
            "service_at_location",
            "acogida-temporal/casa-refugio",
        ),
    ];
    for output in &outputs {
        let text = String::from_utf8_lossy(&output.bytes);
        for needle in &forbidden {
            assert!(
                !text.contains(needle.as_str()) && !output.path.contains(needle.as_str()),
                "{} reveals the redacted location: {needle}",
                output.path
            );
        }
    }
    // The shelter's service is still listed, without the place or its hours.
    for lang in ["es", "el", "en"] {
        let service = record(&outputs, &config, lang, "service", "acogida-temporal");
        assert!(service.get("service_at_locations").is_none());
        assert!(!service.to_string().contains("schedules"));
        let org = record(&outputs, &config, lang, "organization", "fundacion-ejemplo");
        assert!(org.get("locations").is_none());
        assert_eq!(org["description"], "", "required by HSDS, unknown here");
    }
}

#[test]
fn ids_are_uuids_v5_shared_by_every_language_and_every_build() {
    let (config, directory) = site();
    let first = export(&config, &directory);
    let second = export(&config, &directory);
    assert_eq!(first, second, "same input, same bytes");
    let soie = hsds::id(&config, "service", "asesoria-juridica");
    assert_eq!(soie.len(), 36);
    assert_eq!(&soie[14..15], "5", "version 5 (name-based, SHA-1)");
    assert!(
        matches!(&soie[19..20], "8" | "9" | "a" | "b"),
        "RFC 4122 variant"
    );
    for lang in ["es", "el", "en"] {
        let service = record(&first, &config, lang, "service", "asesoria-juridica");
        assert_eq!(service["id"], soie.as_str());
    }
    // Every UUID of a language's files names one object (or references it).
    let mut declared = BTreeSet::new();
    for output in first.iter().filter(|o| o.path.starts_with("data/hsds/es/")) {
        collect_ids(&parse(output), &mut declared);
    }
    for output in first.iter().filter(|o| o.path.starts_with("data/hsds/es/")) {
        let mut strings = Vec::new();
        every_string(&parse(output), &mut strings);
        for s in strings.iter().filter(|s| uuid_like(s)) {
            assert!(declared.contains(s), "{}: {s} names nothing", output.path);
        }
    }
    let other_site = Config {
        base_url: "https://other.example/".into(),
        ..config.clone()
    };
    assert_ne!(hsds::id(&other_site, "service", "asesoria-juridica"), soie);
}

fn collect_ids(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                out.insert(id.clone());
            }
            map.values().for_each(|v| collect_ids(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_ids(v, out)),
        _ => {}
    }
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn every_string(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| every_string(v, out)),
        Value::Object(map) => map.values().for_each(|v| every_string(v, out)),
        _ => {}
    }
}

#[test]
fn schedules_keep_the_weekly_rule_its_zone_and_its_exceptions() {
    let (config, directory) = site();
    let outputs = export(&config, &directory);
    let sal = record(
        &outputs,
        &config,
        "en",
        "service_at_location",
        "asesoria-juridica/oficina-centro",
    );
    let schedules = sal["schedules"].as_array().unwrap();
    let view: Vec<String> = schedules
        .iter()
        .map(|s| {
            format!(
                "{} {} {}-{} {}..{} {}",
                s["freq"].as_str().unwrap(),
                s["byday"].as_str().unwrap(),
                s["opens_at"].as_str().unwrap(),
                s["closes_at"].as_str().unwrap(),
                s["valid_from"].as_str().unwrap_or(""),
                s["valid_to"].as_str().unwrap_or(""),
                s["tzid"].as_str().unwrap(),
            )
        })
        .collect();
    // Closed on Tuesday 8 December, other hours on Tuesday 15 December: the regular rule
    // stops before the first and resumes after the second (no Tuesday lies between).
    assert_eq!(
        view,
        [
            "WEEKLY TU 09:00-13:00 2026-01-01..2026-12-07 Europe/Madrid",
            "WEEKLY TU 09:00-13:00 2026-12-16.. Europe/Madrid",
            "WEEKLY TU 10:00-12:00 2026-12-15..2026-12-15 Europe/Madrid",
        ]
    );
    assert!(
        schedules.iter().all(|s| s.get("timezone").is_none()),
        "Madrid has daylight saving time: no fixed UTC offset"
    );
    assert_eq!(schedules[2]["until"], "2026-12-15");
    let location = &sal["location"];
    assert_eq!(location["location_type"], "physical");
    assert_eq!(location["latitude"], 40.4168);
    let address = &location["addresses"][0];
    assert_eq!(address["address_1"], "Calle de Prueba 1");
    assert_eq!(address["state_province"], "Community of Madrid");
    assert_eq!(address["postal_code"], "", "unknown, not invented");
    let remote = record(
        &outputs,
        &config,
        "en",
        "service_at_location",
        "asesoria-juridica/linea-telefonica",
    );
    assert_eq!(remote["location"]["location_type"], "virtual");
    assert_eq!(
        remote["location"]["url"],
        "https://asociacion.example.org/cita"
    );
    assert!(remote.get("schedules").is_none());
}

#[test]
fn texts_are_in_the_requested_language_or_its_fallback() {
    let (config, directory) = site();
    let outputs = export(&config, &directory);
    let es = record(&outputs, &config, "es", "service", "asesoria-juridica");
    let el = record(&outputs, &config, "el", "service", "asesoria-juridica");
    assert_eq!(es["name"], "Asesoría jurídica");
    assert_eq!(el["name"], "Νομική συμβουλευτική");
    // No Greek summary: the fallback of el is en.
    assert_eq!(
        el["description"],
        "Free guidance on residence permits.\n\nPeople are seen in order of arrival."
    );
    assert_eq!(
        el["eligibility_description"],
        "Ενήλικοι αλλοδαποί.\n\nMinors are referred to another service."
    );
    assert_eq!(
        el["url"],
        "https://example.org/el/services/asesoria-juridica/"
    );
    assert_eq!(el["required_documents"][0]["document"], "Διαβατήριο");
    assert_eq!(el["cost_options"][0]["amount"], 0);
    assert_eq!(el["assured_date"], "2026-11-02");
    let codes: Vec<(&str, Option<&str>)> = el["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["code"].as_str().unwrap(), l["note"].as_str()))
        .collect();
    assert_eq!(codes, [("es", None), ("en", None), ("zh", Some("zh-Hant"))]);
    let terms: Vec<(&str, &str, Option<&str>)> = el["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let t = &a["taxonomy_term"];
            (
                t["code"].as_str().unwrap(),
                t["name"].as_str().unwrap(),
                t["language"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        terms,
        [
            ("legal", "Νομική συμβουλευτική", Some("el")),
            ("adults", "Ενήλικες", Some("el")),
        ]
    );
    let shelter = record(&outputs, &config, "el", "service", "acogida-temporal");
    assert_eq!(shelter["attributes"][0]["taxonomy_term"]["name"], "Housing");
    assert_eq!(shelter["attributes"][0]["taxonomy_term"]["language"], "en");
    assert_eq!(shelter["organization"]["name"], "Fundación Ejemplo");
}

#[test]
fn coordinates_are_published_only_when_exact_or_approximate() {
    let (config, mut directory) = site();
    let sal = |outputs: &[Output]| {
        record(
            outputs,
            &config,
            "es",
            "service_at_location",
            "asesoria-juridica/oficina-centro",
        )
    };
    for (precision, published) in [
        (GeoPrecision::Exact, true),
        (GeoPrecision::Approx, true),
        (GeoPrecision::Hidden, false),
    ] {
        let geo = directory
            .locations
            .iter_mut()
            .find(|l| l.id == "oficina-centro")
            .and_then(|l| l.data.geo.as_mut())
            .unwrap();
        geo.precision = precision;
        let location = sal(&hsds::hsds(&directory, &config, "es"))["location"].clone();
        assert_eq!(
            location.get("latitude").is_some(),
            published,
            "{precision:?}"
        );
        assert_eq!(
            location.get("longitude").is_some(),
            published,
            "{precision:?}"
        );
    }
}
