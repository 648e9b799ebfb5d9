//! Directory errors of reference (DESIGN.md §4.3, §8): ids of cities, locations,
//! organizations, services, terms, holiday lists, networks and parties that name
//! nothing, entries listed twice, partnership offers that do not fit their parties,
//! and texts in languages the site does not have; each named at `file:line:col` with a
//! did-you-mean where one is close.

mod common;

use common::directory::{assert_errors, duplicate, invalid, unknown};
use puerta::diag::Problem;

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
                Some("2026-02 has 28 days"),
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
            (
                n,
                5,
                12,
                invalid("date", "2020-4"),
                Some("did you mean `2020-04`? write two digits for the month"),
            ),
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
            (
                s,
                24,
                12,
                invalid("date", "octubre 2026"),
                Some("did you mean `2026-10`?"),
            ),
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
            (
                p,
                14,
                8,
                invalid("date", "abril de 2021"),
                Some("did you mean `2021-04`?"),
            ),
            (
                q,
                1,
                10,
                // One problem, not also "asociacion-ejemplo listed twice".
                invalid("parties", "asociacion-ejemplo, asociacion-ejemplo"),
                None,
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
