//! The directory's load stage on a valid fixture (DESIGN.md §4.3): the site builds and
//! every entity is loaded, schedules become openings with the holidays folded into
//! their closed dates, relations between entities are derived rather than typed twice,
//! and a site without a directory has an empty one.

mod common;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime, Weekday};
use common::build;
use common::directory::{date, ids, load};

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
