//! The directory's load and validation stage (DESIGN.md §4.3, §8): a valid fixture
//! that builds, and fixtures per kind of error, each error named at `file:line:col`
//! with what was found, what was expected and a did-you-mean. A failed build writes
//! nothing (checked by `build_errors`).

mod common;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime, Weekday};
use common::{build, build_errors};
use puerta::config::Config;
use puerta::diag::{Diagnostic, Problem, Span};
use puerta::directory::{Directory, Entity};

fn load(name: &str) -> (Directory, Vec<Diagnostic>) {
    let config = Config::load(&common::fixture(name)).expect("fixture config");
    Directory::load(&config)
}

fn ids<T>(list: Vec<&Entity<T>>) -> Vec<&str> {
    list.into_iter().map(|e| e.id.as_str()).collect()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn unknown(what: &str, found: &str) -> Problem {
    Problem::UnknownReference {
        what: what.into(),
        found: found.into(),
    }
}

fn invalid(what: &str, found: &str) -> Problem {
    Problem::InvalidValue {
        what: what.into(),
        found: found.into(),
    }
}

fn duplicate(what: &str, found: &str) -> Problem {
    Problem::Duplicate {
        what: what.into(),
        found: found.into(),
    }
}

/// One expected error: file under `content/directory/`, line, column, problem, help.
type Want<'a> = (&'a str, usize, usize, Problem, Option<&'a str>);

/// The errors of a failed build of `fixture` are exactly `want`, in order of place.
fn assert_errors(fixture: &str, want: Vec<Want<'_>>) -> Vec<Diagnostic> {
    let errors = build_errors(fixture);
    let got: Vec<(Span, Problem, Option<String>)> = errors
        .iter()
        .map(|e| {
            let span = e.span.clone().expect("a content error has a place");
            (span, e.problem.clone(), e.help.clone())
        })
        .collect();
    let want: Vec<(Span, Problem, Option<String>)> = want
        .into_iter()
        .map(|(file, line, col, problem, help)| {
            let file = PathBuf::from("content/directory").join(file);
            (
                Span::new(file, line, col),
                problem,
                help.map(str::to_string),
            )
        })
        .collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "{fixture}: error {i} differs:\n{}", errors[i]);
    }
    assert_eq!(
        got.len(),
        want.len(),
        "{fixture}: every error:\n{}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    errors
}

const DYM_SERVICES: Option<&str> = Some("did you mean `services`?");

#[test]
fn valid_directory_builds_and_loads_every_entity() {
    build("directory-valid");
    let (d, errors) = load("directory-valid");
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        ids(d.organizations.iter().collect()),
        [
            "asociacion-ejemplo",
            "fundacion-prueba",
            "red-ciudades-ejemplo"
        ]
    );
    assert_eq!(
        ids(d.services.iter().collect()),
        ["acogida-temporal", "orientacion-juridica"]
    );
    assert_eq!(
        ids(d.locations.iter().collect()),
        ["aula-atenas", "casa-acogida", "oficina-centro"]
    );
    assert_eq!(
        ids(d.cities.iter().collect()),
        ["atenas", "getafe", "madrid"]
    );
    assert_eq!(d.seminars.len(), 1);
    assert_eq!(d.networks.len(), 1);
    assert_eq!(d.partnerships.len(), 1);
    assert_eq!(d.holidays.len(), 1);
    assert_eq!(d.areas.terms.len(), 3);
    assert_eq!(d.eligibility.terms.len(), 2);
    assert_eq!(
        d.services[1].file,
        PathBuf::from("content/directory/services/orientacion-juridica.yaml")
    );
}

#[test]
fn schedules_become_openings_with_holidays_folded_into_closed_dates() {
    let (d, _) = load("directory-valid");
    assert_eq!(d.openings.len(), 1, "only one service has a schedule");
    let openings = d.openings_of_service("orientacion-juridica");
    assert_eq!(openings.len(), 1);
    let o = &openings[0];
    assert_eq!(o.service, d.service_index("orientacion-juridica").unwrap());
    assert_eq!(o.location, "oficina-centro");
    let opening = &o.opening;
    assert_eq!(opening.zone, chrono_tz::Europe::Madrid);
    assert_eq!(opening.rules.len(), 1);
    assert_eq!(opening.rules[0].days, [Weekday::Tue]);
    assert_eq!(
        opening.rules[0].opens,
        NaiveTime::from_hms_opt(9, 0, 0).unwrap()
    );
    assert_eq!(
        opening.rules[0].closes,
        NaiveTime::from_hms_opt(13, 0, 0).unwrap()
    );
    assert_eq!(opening.valid_from, Some(date("2026-01-01")));
    assert_eq!(opening.valid_until, None);
    let closed: Vec<NaiveDate> = opening.closed.iter().copied().collect();
    assert_eq!(
        closed,
        [date("2026-12-08"), date("2026-12-25"), date("2026-12-29")],
        "the closed date and the two holidays of madrid-2026"
    );
    assert_eq!(
        opening.changed.get(&date("2026-12-22")),
        Some(&(
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap()
        ))
    );
    assert!(d.openings_of_service("acogida-temporal").is_empty());
}

#[test]
fn relations_are_derived_not_typed_twice() {
    let (d, _) = load("directory-valid");
    assert_eq!(ids(d.services_in_city("madrid")), ["orientacion-juridica"]);
    assert_eq!(ids(d.services_in_city("getafe")), ["acogida-temporal"]);
    // `cities: [getafe]` of one, the shelter of the other's service.
    assert_eq!(
        ids(d.organizations_in_city("getafe")),
        ["asociacion-ejemplo", "fundacion-prueba"]
    );
    assert_eq!(
        ids(d.organizations_in_city("madrid")),
        ["asociacion-ejemplo"]
    );
    // Through the session's city, and through its location.
    assert_eq!(ids(d.seminars_in_city("atenas")), ["taller-municipal"]);
    assert_eq!(ids(d.seminars_in_city("getafe")), ["taller-municipal"]);
    assert!(d.seminars_in_city("madrid").is_empty());
    assert_eq!(ids(d.networks_of_city("atenas")), ["red-ejemplo"]);
    assert!(d.networks_of_city("madrid").is_empty());
    assert_eq!(
        ids(d.partnerships_of("fundacion-prueba")),
        ["asociacion-fundacion"]
    );
    assert_eq!(
        ids(d.services_of_organization("fundacion-prueba")),
        ["acogida-temporal"]
    );
    assert_eq!(
        ids(d.networks_of_organization("fundacion-prueba")),
        ["red-ejemplo"]
    );
    let referrals = d.referrals_to_organization("fundacion-prueba");
    assert_eq!(referrals.len(), 1);
    assert_eq!(referrals[0].0.id, "orientacion-juridica");
    assert!(d.is_redacted("casa-acogida"));
    assert!(!d.is_redacted("oficina-centro"));
    assert_eq!(
        d.location("oficina-centro")
            .and_then(|l| l.data.city.as_deref()),
        Some("madrid")
    );
}

#[test]
fn site_without_a_directory_has_an_empty_one() {
    let (d, errors) = load("drafts");
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(d.organizations.is_empty() && d.services.is_empty() && d.openings.is_empty());
}

#[test]
fn rejects_misplaced_files_and_ids_that_are_not_url_segments() {
    let layout = |msg: &str| Problem::Layout(msg.into());
    let errors = assert_errors(
        "directory-layout",
        vec![
            (
                "cities/madrid",
                1,
                1,
                layout("a folder inside content/directory/cities/"),
                None,
            ),
            (
                "notas.md",
                1,
                1,
                layout("a file directly in content/directory/"),
                None,
            ),
            (
                "organizations/Fundacion_Prueba.yaml",
                1,
                1,
                invalid("organization id", "Fundacion_Prueba"),
                Some("rename the file to `fundacion-prueba.yaml`"),
            ),
            (
                "services/LEEME.txt",
                1,
                1,
                layout("`LEEME.txt` is not a .yaml file"),
                None,
            ),
            (
                "services/orientacion.yml",
                1,
                1,
                layout("`orientacion.yml` is not a .yaml file"),
                Some("rename it to `orientacion.yaml`"),
            ),
            (
                "servicios",
                1,
                1,
                layout("unknown folder `servicios` in content/directory/"),
                DYM_SERVICES,
            ),
        ],
    );
    let expected = errors[5].expected.as_deref().unwrap_or_default();
    assert!(expected.contains("organizations") && expected.contains("holidays"));
}

#[test]
fn rejects_unknown_fields_and_wrong_types_at_any_depth() {
    let field = |f: &str| Problem::UnknownField { field: f.into() };
    let errors = assert_errors(
        "directory-unknown-fields",
        vec![
            (
                "cities/madrid.yaml",
                3,
                10,
                Problem::Yaml(
                    "aliases: invalid type: string \"Madriz\", expected a sequence".into(),
                ),
                None,
            ),
            (
                "locations/oficina.yaml",
                2,
                16,
                invalid("value of location_type", "redactd"),
                Some("did you mean `redacted`?"),
            ),
            (
                "organizations/asociacion-ejemplo.yaml",
                3,
                1,
                field("descripton"),
                Some("did you mean `description`?"),
            ),
            (
                "organizations/asociacion-ejemplo.yaml",
                4,
                1,
                field("webiste"),
                Some("did you mean `website`?"),
            ),
            (
                "services/orientacion.yaml",
                6,
                5,
                field("shedule"),
                Some("did you mean `schedule`?"),
            ),
        ],
    );
    assert_eq!(
        errors[4].expected.as_deref(),
        Some("one of location, schedule")
    );
}

#[test]
fn rejects_unknown_references_with_did_you_mean() {
    let dup_location = "list each location once; give it one schedule with several weekly rules";
    let errors = assert_errors(
        "directory-unknown-references",
        vec![
            (
                "locations/oficina-centro.yaml",
                7,
                7,
                unknown("city", "madird"),
                Some("did you mean `madrid`?"),
            ),
            (
                "organizations/asociacion-ejemplo.yaml",
                3,
                29,
                unknown("location", "oficina-centra"),
                Some("did you mean `oficina-centro`?"),
            ),
            (
                "organizations/asociacion-ejemplo.yaml",
                6,
                5,
                unknown("city", "getaf"),
                Some("did you mean `getafe`?"),
            ),
            (
                "services/orientacion-juridica.yaml",
                1,
                15,
                unknown("organization", "asociacion-ejmplo"),
                Some("did you mean `asociacion-ejemplo`?"),
            ),
            (
                "services/orientacion-juridica.yaml",
                4,
                16,
                unknown("service area", "empelo"),
                Some("did you mean `empleo`?"),
            ),
            (
                "services/orientacion-juridica.yaml",
                7,
                14,
                unknown("eligibility criterion", "mayor-edad"),
                Some("did you mean `mayor-de-edad`?"),
            ),
            (
                "services/orientacion-juridica.yaml",
                9,
                15,
                unknown("location", "oficina-centr"),
                Some("did you mean `oficina-centro`?"),
            ),
            (
                "services/orientacion-juridica.yaml",
                17,
                18,
                unknown("holiday list", "madrid-2062"),
                Some("did you mean `madrid-2026`?"),
            ),
            (
                "services/orientacion-juridica.yaml",
                18,
                15,
                duplicate("location of the service", "oficina-centro"),
                Some(dup_location),
            ),
            (
                "services/orientacion-juridica.yaml",
                20,
                14,
                unknown("service", "acogida-temporl"),
                Some("did you mean `acogida-temporal`?"),
            ),
            (
                "services/orientacion-juridica.yaml",
                22,
                19,
                invalid(
                    "referral",
                    "service: acogida-temporal, organization: fundacion-prueba",
                ),
                Some("a referral to a service already names its organization; keep `service`"),
            ),
            (
                "services/orientacion-juridica.yaml",
                23,
                5,
                Problem::MissingField {
                    field: "service or organization".into(),
                },
                None,
            ),
            (
                "services/orientacion-juridica.yaml",
                24,
                19,
                unknown("organization", "fundacion-prueva"),
                Some("did you mean `fundacion-prueba`?"),
            ),
        ],
    );
    let expected = errors[3].expected.as_deref().unwrap_or_default();
    assert!(
        expected.contains("content/directory/organizations/"),
        "{expected}"
    );
    let expected = errors[4].expected.as_deref().unwrap_or_default();
    assert!(expected.contains("service-areas.yaml"), "{expected}");
}

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
                None,
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
            (s, 25, 19, invalid("date", "2026-13-01"), None),
            (s, 26, 28, invalid("date", "2026-02-30"), None),
            (s, 30, 19, invalid("time", "25:00"), None),
            (s, 32, 16, invalid("date", "01/11/2026"), None),
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
fn rejects_broken_seminars_networks_and_holiday_lists() {
    let s = "seminars/taller-municipal.yaml";
    let n = "networks/red-rota.yaml";
    let once = Some("list it once");
    let errors = assert_errors(
        "directory-seminars",
        vec![
            (
                "holidays/festivos.yaml",
                4,
                11,
                invalid("date", "2026-02-29"),
                None,
            ),
            (
                "holidays/festivos.yaml",
                5,
                11,
                duplicate("holiday", "2026-12-25"),
                once,
            ),
            (
                n,
                2,
                14,
                unknown("organization", "red-ciudades"),
                Some("did you mean `red-ciudades-ejemplo`?"),
            ),
            (n, 5, 12, invalid("date", "2020-4"), None),
            (n, 6, 19, duplicate("supporter", "fundacion-prueba"), once),
            (
                n,
                10,
                11,
                unknown("city", "getafee"),
                Some("did you mean `getafe`?"),
            ),
            (n, 11, 11, duplicate("member city", "atenas"), once),
            (n, 12, 44, unknown("organization", "organizacion-x"), None),
            (
                s,
                2,
                12,
                unknown("organization", "red-ciudades-ejempo"),
                Some("did you mean `red-ciudades-ejemplo`?"),
            ),
            (
                s,
                3,
                34,
                unknown("organization", "fundacion-prueb"),
                Some("did you mean `fundacion-prueba`?"),
            ),
            (
                s,
                4,
                31,
                duplicate("organization", "asociacion-ejemplo"),
                once,
            ),
            (
                s,
                5,
                10,
                unknown("network", "red-ejempla"),
                Some("did you mean `red-ejemplo`?"),
            ),
            (s, 7, 12, invalid("date and time", "2026-12-01 09:30"), None),
            (s, 12, 10, invalid("session end", "2026-12-02T09:30"), None),
            (
                s,
                13,
                11,
                unknown("time zone", "europe/athens"),
                Some("did you mean `Europe/Athens`?"),
            ),
            (
                s,
                14,
                11,
                unknown("city", "aten"),
                Some("did you mean `atenas`?"),
            ),
            (
                s,
                15,
                15,
                unknown("location", "aula-atena"),
                Some("did you mean `aula-atenas`?"),
            ),
            (
                s,
                16,
                15,
                invalid("language code", "EL"),
                Some("did you mean `el`?"),
            ),
            (
                s,
                17,
                12,
                invalid("date and time", "2026-03-29T02:30"),
                None,
            ),
            (s, 20, 11, invalid("session city", "getafe"), None),
            (s, 24, 12, invalid("date", "octubre 2026"), None),
        ],
    );
    let partial = errors[3].expected.as_deref().unwrap_or_default();
    assert!(partial.contains("YYYY-MM"), "{partial}");
    let gap = errors[18].expected.as_deref().unwrap_or_default();
    assert!(gap.contains("Europe/Madrid"), "{gap}");
    assert_eq!(
        errors[19].expected.as_deref(),
        Some("`atenas`, the city of location `aula-atenas`")
    );
}

#[test]
fn rejects_partnerships_whose_offers_do_not_fit_their_parties() {
    let p = "partnerships/asociacion-fundacion.yaml";
    let q = "partnerships/consigo-misma.yaml";
    let errors = assert_errors(
        "directory-partnerships",
        vec![
            (
                p,
                7,
                38,
                invalid("offered service", "acogida-temporal"),
                Some("`acogida-temporal` is a service of `fundacion-prueba`"),
            ),
            (p, 7, 56, unknown("service", "orientacion"), None),
            (p, 8, 11, unknown("party", "red-ciudades-ejemplo"), None),
            (
                p,
                9,
                9,
                unknown("party", "fundacion-prueb"),
                Some("did you mean `fundacion-prueba`?"),
            ),
            (
                p,
                12,
                9,
                invalid("offer", "from fundacion-prueba to fundacion-prueba"),
                None,
            ),
            (p, 14, 8, invalid("date", "abril de 2021"), None),
            (
                q,
                1,
                10,
                invalid("parties", "asociacion-ejemplo, asociacion-ejemplo"),
                None,
            ),
            (
                q,
                1,
                31,
                duplicate("organization", "asociacion-ejemplo"),
                Some("list it once"),
            ),
            (q, 2, 8, invalid("kinds", "[]"), None),
        ],
    );
    assert_eq!(
        errors[2].expected.as_deref(),
        Some("one of the parties: asociacion-ejemplo, fundacion-prueba")
    );
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

#[test]
fn rejects_texts_in_languages_the_site_does_not_have() {
    let errors = assert_errors(
        "directory-localized",
        vec![
            (
                "organizations/asociacion-ejemplo.yaml",
                1,
                38,
                unknown("language", "fr"),
                None,
            ),
            (
                "services/orientacion-juridica.yaml",
                6,
                7,
                unknown("language", "de"),
                None,
            ),
            (
                "services/orientacion-juridica.yaml",
                9,
                24,
                unknown("language", "pt"),
                None,
            ),
        ],
    );
    assert_eq!(
        errors[0].expected.as_deref(),
        Some("one of the site languages: es, el, en")
    );
}

#[test]
fn reports_every_directory_error_in_one_run() {
    // Seven broken directory files and a broken article: one run reports them all,
    // and a file that failed to parse does not make references to it fail too.
    let errors = build_errors("directory-all-errors");
    let found: Vec<(String, usize, &str)> = errors
        .iter()
        .map(|e| {
            let span = e.span.as_ref().expect("a place");
            let kind = match &e.problem {
                Problem::Layout(_) => "layout",
                Problem::Yaml(_) => "yaml",
                Problem::UnknownField { .. } => "field",
                Problem::UnknownReference { what, .. } => match what.as_str() {
                    "language" => "language",
                    _ => "reference",
                },
                Problem::InvalidValue { what, .. } => match what.as_str() {
                    "date" => "date",
                    "closing time" => "time",
                    "field for a redacted location" => "redacted",
                    _ => "value",
                },
                _ => "other",
            };
            (span.file.display().to_string(), span.line, kind)
        })
        .collect();
    let dir = |f: &str| format!("content/directory/{f}");
    assert_eq!(
        found,
        [
            ("content/blog/aviso.es.md".to_string(), 3, "date"),
            (dir("ciudades"), 1, "layout"),
            (dir("locations/casa-acogida.yaml"), 4, "redacted"),
            (dir("organizations/asociacion-ejemplo.yaml"), 4, "field"),
            (dir("organizations/fundacion-prueba.yaml"), 3, "yaml"),
            (dir("services/acogida-temporal.yaml"), 2, "language"),
            (dir("services/acogida-temporal.yaml"), 5, "reference"),
            (dir("services/acogida-temporal.yaml"), 11, "time"),
            (dir("services/acogida-temporal.yaml"), 13, "date"),
        ]
    );
}
