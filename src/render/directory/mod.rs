//! Directory pages: the directory home with facet pages that work without JavaScript,
//! and one page per service, organization, seminar, city and network, in every
//! language, with their calendars.
//!
//! Input: the validated [`Directory`] of the site. Output: page jobs rendered through
//! the theme's templates, and `.ics` files. Facets are precomputed: a page per value
//! of each facet (area, city, language, access mode, cost), linked from every list.

mod entity;
mod facets;
mod pages;
pub mod views;

use crate::directory::Directory;

pub use facets::{Facet, Facets};
pub(super) use pages::{parse_local, render, DirOutput};

/// Pages and files of the directory, per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirJob {
    /// `/<lang>/directory/`.
    Home,
    /// `/<lang>/directory/<facet>/<value>/`: facet, index of the value.
    Facet(Facet, usize),
    /// A service page, by index.
    Service(usize),
    /// An organization page.
    Organization(usize),
    /// A seminar page.
    Seminar(usize),
    /// A city page.
    City(usize),
    /// A network page.
    Network(usize),
    /// A service's calendar.
    ServiceIcs(usize),
    /// A city's calendar (its services and seminar sessions).
    CityIcs(usize),
    /// Every seminar session.
    SeminarsIcs,
}

/// Every directory job of one language, in a stable order; none for an empty directory.
pub fn jobs(dir: &Directory, facets: &Facets) -> Vec<DirJob> {
    if dir.services.is_empty() && dir.organizations.is_empty() && dir.seminars.is_empty() {
        return Vec::new();
    }
    let mut jobs = vec![DirJob::Home];
    if dir.seminars.iter().any(|s| !s.data.sessions.is_empty()) {
        jobs.push(DirJob::SeminarsIcs);
    }
    for (facet, values) in facets.all() {
        jobs.extend((0..values.len()).map(|i| DirJob::Facet(facet, i)));
    }
    for i in 0..dir.services.len() {
        jobs.push(DirJob::Service(i));
        if dir.openings.iter().any(|o| o.service == i) {
            jobs.push(DirJob::ServiceIcs(i));
        }
    }
    jobs.extend((0..dir.organizations.len()).map(DirJob::Organization));
    jobs.extend((0..dir.seminars.len()).map(DirJob::Seminar));
    for (i, city) in dir.cities.iter().enumerate() {
        jobs.push(DirJob::City(i));
        if city_has_calendar(dir, &city.id) {
            jobs.push(DirJob::CityIcs(i));
        }
    }
    jobs.extend((0..dir.networks.len()).map(DirJob::Network));
    jobs
}

/// Site path of a directory page job in `lang`; `None` for calendars.
pub fn page_path(dir: &Directory, facets: &Facets, job: DirJob, lang: &str) -> Option<String> {
    use crate::urls::{directory, entity, facet};
    Some(match job {
        DirJob::Home => directory(lang),
        DirJob::Facet(f, v) => facet(lang, f.as_str(), &facets.values(f)[v].0),
        DirJob::Service(i) => entity(lang, "services", &dir.services[i].id),
        DirJob::Organization(i) => entity(lang, "organizations", &dir.organizations[i].id),
        DirJob::Seminar(i) => entity(lang, "seminars", &dir.seminars[i].id),
        DirJob::City(i) => entity(lang, "cities", &dir.cities[i].id),
        DirJob::Network(i) => entity(lang, "networks", &dir.networks[i].id),
        DirJob::ServiceIcs(_) | DirJob::CityIcs(_) | DirJob::SeminarsIcs => return None,
    })
}

/// Whether a city has anything to put in a calendar: opening hours of a service at a
/// place in it, or a seminar session there. An empty calendar is not valid iCalendar.
pub fn city_has_calendar(dir: &Directory, city: &str) -> bool {
    let hours = dir
        .openings
        .iter()
        .any(|o| dir.city_of_location(&o.location) == Some(city));
    let sessions = dir.seminars.iter().flat_map(|s| &s.data.sessions).any(|s| {
        s.city
            .as_deref()
            .or_else(|| s.location.as_deref().and_then(|l| dir.city_of_location(l)))
            == Some(city)
    });
    hours || sessions
}
