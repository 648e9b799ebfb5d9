//! Directory errors of value (DESIGN.md §4.3, §8): malformed contacts, codes, URLs and
//! coordinates, invalid schedules, durations and verification dates (left out of the
//! openings), and a redacted location that carries an address, exact coordinates or a
//! link; each named at `file:line:col` with what was expected.

mod common;

use common::directory::{assert_errors, duplicate, invalid, load, unknown};

#[test]
fn rejects_malformed_contacts_codes_urls_and_coordinates() {
    let org = "organizations/asociacion-ejemplo.yaml";
    assert_errors(
        "directory-values",
        vec![
            (
                "cities/madrid.yaml",
                2,
                10,
                invalid("country code", "es"),
                Some("did you mean `ES`?"),
            ),
            (
                "locations/en-linea.yaml",
                3,
                6,
                invalid("URL", "https://"),
                None,
            ),
            (
                "locations/oficina-centro.yaml",
                6,
                12,
                invalid("country code", "España"),
                None,
            ),
            (
                "locations/oficina-centro.yaml",
                8,
                12,
                invalid("latitude", "140.5"),
                None,
            ),
            (
                "locations/oficina-centro.yaml",
                8,
                24,
                invalid("longitude", "-200"),
                None,
            ),
            (
                org,
                3,
                10,
                invalid("URL", "asociacion-ejemplo.example.org"),
                Some("did you mean `https://asociacion-ejemplo.example.org`?"),
            ),
            (
                org,
                4,
                8,
                invalid("e-mail address", "info(at)asociacion-ejemplo.example.org"),
                Some("did you mean `info@asociacion-ejemplo.example.org`?"),
            ),
            (
                org,
                6,
                6,
                invalid("phone number", "+34 910 000 001"),
                Some("did you mean `+34910000001`?"),
            ),
            (
                org,
                7,
                6,
                invalid("phone number", "34910000001"),
                Some("start with `+` and the country code: did you mean `+34910000001`?"),
            ),
            (org, 8, 6, invalid("phone number", "+0910000001"), None),
            (
                org,
                9,
                17,
                invalid("language code", "EN"),
                Some("did you mean `en`?"),
            ),
            (
                org,
                9,
                21,
                invalid("language code", "es_es"),
                Some("did you mean `es-ES`?"),
            ),
            (org, 9, 28, invalid("language code", "espanol"), None),
            (org, 12, 8, invalid("URL", "/memoria.pdf"), None),
        ],
    );
}

#[test]
fn rejects_invalid_schedules_durations_and_verification_dates() {
    let s = "services/orientacion-juridica.yaml";
    let t = "services/taller-empleo.yaml";
    let errors = assert_errors(
        "directory-schedule",
        vec![
            (s, 4, 11, invalid("capacity", "0"), None),
            (
                s,
                5,
                17,
                invalid("duration", "40 minutes"),
                Some("for 40 minutes, write `PT40M`"),
            ),
            (
                s,
                17,
                13,
                unknown("time zone", "Europe/Madird"),
                Some("did you mean `Europe/Madrid`?"),
            ),
            (
                s,
                19,
                18,
                invalid("weekday", "tuesday"),
                Some("did you mean `tue`?"),
            ),
            (
                s,
                19,
                27,
                invalid("weekday", "thr"),
                Some("did you mean `thu`?"),
            ),
            (
                s,
                20,
                18,
                invalid("time", "9:00"),
                Some("write two digits for the hour: `09:00`"),
            ),
            (s, 24, 19, invalid("closing time", "13:00"), None),
            (
                s,
                25,
                19,
                invalid("date", "2026-13-01"),
                Some("did you mean `2026-01-13`? the month comes before the day"),
            ),
            (
                s,
                26,
                28,
                invalid("date", "2026-02-30"),
                Some("2026-02 has 28 days"),
            ),
            (s, 30, 19, invalid("time", "25:00"), None),
            (
                s,
                32,
                16,
                invalid("date", "01/11/2026"),
                Some("did you mean `2026-11-01`? the year comes first"),
            ),
            (
                t,
                4,
                17,
                invalid("duration", "pt1h30m"),
                Some("did you mean `PT1H30M`?"),
            ),
            (
                t,
                8,
                13,
                unknown("time zone", "europe/madrid"),
                Some("did you mean `Europe/Madrid`?"),
            ),
            (t, 10, 23, duplicate("day", "mon"), Some("list it once")),
            (t, 14, 20, invalid("end of validity", "2026-01-31"), None),
            (t, 17, 16, invalid("review date", "2026-10-01"), None),
        ],
    );
    assert_eq!(
        errors[6].expected.as_deref(),
        Some("a time after the opening time, 14:00")
    );
    assert!(errors[1]
        .expected
        .as_deref()
        .unwrap_or_default()
        .contains("ISO 8601"));
}

#[test]
fn schedules_with_errors_are_left_out_of_the_openings() {
    let (d, errors) = load("directory-schedule");
    assert!(!errors.is_empty());
    // Only the first location of the first service has a valid schedule.
    let found: Vec<(&str, &str)> = d
        .openings
        .iter()
        .map(|o| (d.services[o.service].id.as_str(), o.location.as_str()))
        .collect();
    assert_eq!(found, [("orientacion-juridica", "oficina-centro")]);
}

#[test]
fn rejects_redacted_location_with_an_address() {
    let errors = assert_errors(
        "directory-redacted-address",
        vec![(
            "locations/casa-acogida.yaml",
            4,
            1,
            invalid("field for a redacted location", "address"),
            Some(
                "the address of a shelter must never be published, anywhere: remove `address` \
                 (keep `city`), or set `location_type: physical` if the place is public",
            ),
        )],
    );
    let shown = errors[0].to_string();
    assert!(
        shown.starts_with("content/directory/locations/casa-acogida.yaml:4:1: error:"),
        "{shown}"
    );
    assert!(shown.contains("location_type: redacted"), "{shown}");
}

#[test]
fn rejects_redacted_location_with_exact_coordinates_or_a_link() {
    let errors = assert_errors(
        "directory-redacted-geo-url",
        vec![
            (
                "locations/casa-acogida.yaml",
                7,
                14,
                invalid("geo precision for a redacted location", "exact"),
                errors_help(),
            ),
            (
                "locations/casa-acogida.yaml",
                8,
                1,
                invalid("field for a redacted location", "url"),
                errors_help(),
            ),
        ],
    );
    assert!(errors[0]
        .expected
        .as_deref()
        .unwrap_or_default()
        .contains("approx"));
}

fn errors_help() -> Option<&'static str> {
    Some(
        "a redacted location is a shelter or another place whose address must never be \
         published (not in pages, feeds, calendars, exports or search data): its name and \
         city are all that is shown",
    )
}
