//! Calendar files: a service's opening hours, a city's services and seminar sessions,
//! and every seminar session, as iCalendar (RFC 5545) through [`crate::schedule::ics`].
//! A redacted place gives no `LOCATION`, and UIDs are built from service ids and
//! positions, never from a location id.

use chrono::{NaiveDate, NaiveDateTime, Utc};

use super::{Output, Renderer};
use crate::directory::types::Seminar;
use crate::directory::types::SessionStatus;
use crate::directory::Entity;
use crate::schedule::ics::{calendar, opening_events, uid, EventText, IcsEvent, When};
use crate::urls;

fn output(path: String, bytes: String) -> Output {
    Output {
        path: urls::output_file(&path),
        bytes: bytes.into_bytes(),
    }
}

/// Events of service `i` at the locations `keep` accepts.
fn service_events(
    r: &Renderer<'_>,
    i: usize,
    lang: &str,
    keep: &dyn Fn(&str) -> bool,
) -> Vec<IcsEvent> {
    let dir = &r.site.directory;
    let config = &r.site.config;
    let service = &dir.services[i];
    let s = &service.data;
    let name = s.name.get(lang, config);
    let summary = s.summary.get(lang, config);
    // A date that does not move at every build keeps the file stable.
    let from = s
        .verification
        .as_ref()
        .and_then(|v| NaiveDate::parse_from_str(&v.verified_on, "%Y-%m-%d").ok())
        .unwrap_or_else(|| r.now.date_naive());
    let mut events = Vec::new();
    for (n, opening) in dir.openings.iter().filter(|o| o.service == i).enumerate() {
        if !keep(&opening.location) {
            continue;
        }
        let location = (!dir.is_redacted(&opening.location))
            .then(|| dir.location(&opening.location))
            .flatten()
            .map(|l| {
                let mut parts = vec![l.data.name.text(lang, config).to_string()];
                if let Some(a) = &l.data.address {
                    parts.push(a.street.clone());
                    parts.push(a.locality.clone());
                }
                parts.join(", ")
            });
        let text = EventText {
            summary: name
                .as_ref()
                .map_or_else(|| service.id.clone(), |t| t.text.to_string()),
            description: summary.as_ref().map(|t| t.text.to_string()),
            location,
            url: Some(config.absolute(&urls::entity(lang, "services", &service.id))),
            lang: name
                .as_ref()
                .and_then(|t| t.lang)
                .filter(|l| *l != lang)
                .map(str::to_string),
        };
        events.extend(opening_events(
            &format!("{}-{}", service.id, n + 1),
            &opening.opening,
            from,
            &text,
        ));
    }
    events
}

/// Events of a seminar's sessions that `keep` accepts (by session city).
fn session_events(
    r: &Renderer<'_>,
    seminar: &Entity<Seminar>,
    lang: &str,
    keep: &dyn Fn(Option<&str>) -> bool,
) -> Vec<IcsEvent> {
    let dir = &r.site.directory;
    let config = &r.site.config;
    let title = seminar.data.title.get(lang, config);
    let mut events = Vec::new();
    for (n, session) in seminar.data.sessions.iter().enumerate() {
        let city = session.city.as_deref().or_else(|| {
            session
                .location
                .as_deref()
                .and_then(|l| dir.city_of_location(l))
        });
        if !keep(city) {
            continue;
        }
        let (Ok(zone), Ok(start), Ok(end)) = (
            session.zone.parse::<chrono_tz::Tz>(),
            NaiveDateTime::parse_from_str(&session.start, "%Y-%m-%dT%H:%M"),
            NaiveDateTime::parse_from_str(&session.end, "%Y-%m-%dT%H:%M"),
        ) else {
            continue;
        };
        let place = session
            .location
            .as_deref()
            .filter(|l| !dir.is_redacted(l))
            .and_then(|l| dir.location(l))
            .map(|l| l.data.name.text(lang, config).to_string())
            .or_else(|| {
                city.and_then(|c| dir.city(c))
                    .map(|c| c.data.name.text(lang, config).to_string())
            });
        events.push(IcsEvent {
            uid: uid(&format!("{}-{}", seminar.id, n + 1)),
            when: When::Once { zone, start, end },
            text: EventText {
                summary: title
                    .as_ref()
                    .map_or_else(|| seminar.id.clone(), |t| t.text.to_string()),
                description: None,
                location: place,
                url: Some(config.absolute(&urls::entity(lang, "seminars", &seminar.id))),
                lang: title
                    .as_ref()
                    .and_then(|t| t.lang)
                    .filter(|l| *l != lang)
                    .map(str::to_string),
            },
            cancelled: session.status == SessionStatus::Cancelled,
            transparent: false,
        });
    }
    events
}

/// `/<lang>/services/<id>.ics`.
pub(super) fn service(r: &Renderer<'_>, i: usize, lang: &str) -> Output {
    let config = &r.site.config;
    let service = &r.site.directory.services[i];
    let events = service_events(r, i, lang, &|_| true);
    let name = service.data.name.text(lang, config);
    let stamp = r.now.with_timezone(&Utc);
    output(
        urls::entity_ics(lang, "services", &service.id),
        calendar(name, lang, stamp, &events),
    )
}

/// `/<lang>/cities/<id>.ics`: the services at places in the city and its sessions.
pub(super) fn city(r: &Renderer<'_>, i: usize, lang: &str) -> Output {
    let dir = &r.site.directory;
    let config = &r.site.config;
    let city = &dir.cities[i];
    let in_city = |location: &str| dir.city_of_location(location) == Some(city.id.as_str());
    let mut events: Vec<IcsEvent> = (0..dir.services.len())
        .flat_map(|s| service_events(r, s, lang, &in_city))
        .collect();
    for seminar in &dir.seminars {
        events.extend(session_events(r, seminar, lang, &|c| {
            c == Some(city.id.as_str())
        }));
    }
    let name = city.data.name.text(lang, config);
    output(
        urls::entity_ics(lang, "cities", &city.id),
        calendar(name, lang, r.now.with_timezone(&Utc), &events),
    )
}

/// `/<lang>/seminars.ics`: every seminar session.
pub(super) fn seminars(r: &Renderer<'_>, lang: &str) -> Output {
    let events: Vec<IcsEvent> = r
        .site
        .directory
        .seminars
        .iter()
        .flat_map(|s| session_events(r, s, lang, &|_| true))
        .collect();
    let name = format!(
        "{} · {}",
        r.site.config.title.text(lang, &r.site.config),
        r.t(lang, "directory-seminars")
    );
    output(
        urls::seminars_ics(lang),
        calendar(&name, lang, r.now.with_timezone(&Utc), &events),
    )
}
