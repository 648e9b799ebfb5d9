//! Validation of the directory: value formats and references between entities, for
//! every kind but services (see [`super::service`]).
//!
//! Stage: validate. Input: the parsed [`Files`] and the [`Index`] of known ids.
//! Output: every problem found, each at its `file:line:col` with what was expected and
//! a did-you-mean, and the valid openings of services. Entities are checked in
//! parallel; none depends on the result of another's check.

use chrono::TimeZone;
use rayon::prelude::*;

use super::check::{invalid, Checker, Index, Kind};
use super::load::{Files, Parsed};
use super::types::{
    City, GeoPrecision, Holidays, Location, LocationType, Network, Organization, Partnership,
    Seminar, Stamped,
};
use super::{place, service, values, Entity};
use crate::config::Config;
use crate::content::stamp;
use crate::diag::{Diagnostic, Problem, Span};
use crate::schedule::Opening;
use crate::yaml::Source;

/// Openings found valid: (index in the sorted services, location id, opening).
pub type Openings = Vec<(usize, String, Opening)>;

/// Checks every entity of `files`.
pub fn all(config: &Config, index: &Index<'_>, files: &Files) -> (Vec<Diagnostic>, Openings) {
    let mut out = Vec::new();
    out.par_extend(each(config, index, &files.organizations, organization));
    out.par_extend(each(config, index, &files.locations, location));
    out.par_extend(each(config, index, &files.cities, city));
    out.par_extend(each(config, index, &files.seminars, seminar));
    out.par_extend(each(config, index, &files.networks, network));
    out.par_extend(each(config, index, &files.partnerships, partnership));
    out.par_extend(each(config, index, &files.holidays, holidays));
    let services: Vec<(Vec<Diagnostic>, service::Found)> = files
        .services
        .par_iter()
        .map(|p| {
            let mut c = Checker::new(config, index);
            let openings = service::check(&mut c, p.source(), &p.entity);
            stamp::check_entity(
                config,
                p.source(),
                p.entity.data.translated_from(),
                &mut c.out,
            );
            (c.out, openings)
        })
        .collect();
    let mut openings = Vec::new();
    for (i, (diags, found)) in services.into_iter().enumerate() {
        out.extend(diags);
        openings.extend(found.into_iter().map(|(loc, o)| (i, loc, o)));
    }
    (out, openings)
}

type Check<T> = fn(&mut Checker<'_>, Source<'_>, &Entity<T>);

fn each<'a, T: Sync + Stamped>(
    config: &'a Config,
    index: &'a Index<'a>,
    list: &'a [Parsed<T>],
    check: Check<T>,
) -> impl ParallelIterator<Item = Diagnostic> + 'a {
    list.par_iter().flat_map_iter(move |p| {
        let mut c = Checker::new(config, index);
        check(&mut c, p.source(), &p.entity);
        stamp::check_entity(
            config,
            p.source(),
            p.entity.data.translated_from(),
            &mut c.out,
        );
        c.out
    })
}

fn organization(c: &mut Checker<'_>, src: Source<'_>, e: &Entity<Organization>) {
    let o = &e.data;
    c.text(src, &["name"], Some(&o.name));
    c.text(src, &["short_name"], o.short_name.as_ref());
    c.text(src, &["description"], o.description.as_ref());
    if let Some(url) = &o.website {
        c.url(src.locate(&["website"]), url);
    }
    if let Some(email) = &o.email {
        c.email(src.locate(&["email"]), email);
    }
    for (i, phone) in o.phones.iter().enumerate() {
        c.phone(place::list_value(src, &["phones"], i, phone), phone);
    }
    c.references(src, &["locations"], Kind::Location, &o.locations);
    c.references(src, &["cities"], Kind::City, &o.cities);
    for (i, lang) in o.languages.iter().enumerate() {
        c.language(place::list_value(src, &["languages"], i, lang), lang);
    }
    c.source(src, &["source"], o.source.as_ref());
}

/// The start of the key at `path` (not of its value), for problems with the key itself.
fn key_span(src: Source<'_>, path: &[&str]) -> Span {
    let at = src.locate(path);
    let line = src
        .text
        .lines()
        .nth(at.line - src.line_offset - 1)
        .unwrap_or_default();
    let key = path.last().copied().unwrap_or_default();
    match line.find(&format!("{key}:")) {
        Some(byte) => Span::new(at.file, at.line, line[..byte].chars().count() + 1),
        None => at,
    }
}

/// Why a redacted location carries nothing that places it.
const REDACTED_HELP: &str =
    "a redacted location is a shelter or another place whose address must never be published \
(not in pages, feeds, calendars, exports or search data): its name and city are all that is shown";

fn location(c: &mut Checker<'_>, src: Source<'_>, e: &Entity<Location>) {
    let l = &e.data;
    let redacted = l.location_type == LocationType::Redacted;
    c.text(src, &["name"], Some(&l.name));
    c.text(src, &["transit"], l.transit.as_ref());
    c.text(src, &["accessibility"], l.accessibility.as_ref());
    if let Some(city) = &l.city {
        c.reference(src.locate(&["city"]), Kind::City, city);
    }
    let forbidden = |field: &str, help: &str| {
        invalid(
            key_span(src, &[field]),
            "field for a redacted location",
            field,
            format!("no `{field}` in a location with `location_type: redacted`"),
        )
        .help(help)
    };
    if let Some(address) = &l.address {
        if redacted {
            c.push(forbidden(
                "address",
                "the address of a shelter must never be published, anywhere: remove `address` \
                 (keep `city`), or set `location_type: physical` if the place is public",
            ));
        } else {
            c.country(src.locate(&["address", "country"]), &address.country);
            if address.street.trim().is_empty() {
                c.push(invalid(
                    src.locate(&["address", "street"]),
                    "street",
                    "",
                    "the street and number, e.g. Calle Ejemplo 1",
                ));
            }
        }
    }
    if let Some(geo) = &l.geo {
        if !(-90.0..=90.0).contains(&geo.lat) {
            c.push(invalid(
                src.locate(&["geo", "lat"]),
                "latitude",
                &geo.lat.to_string(),
                "degrees from -90 to 90",
            ));
        }
        if !(-180.0..=180.0).contains(&geo.lon) {
            c.push(invalid(
                src.locate(&["geo", "lon"]),
                "longitude",
                &geo.lon.to_string(),
                "degrees from -180 to 180",
            ));
        }
        if redacted && geo.precision == GeoPrecision::Exact {
            c.push(
                invalid(
                    src.locate(&["geo", "precision"]),
                    "geo precision for a redacted location",
                    "exact",
                    "`approx` or `hidden`: exact coordinates of a redacted location are never published",
                )
                .help(REDACTED_HELP),
            );
        }
    }
    if let Some(url) = &l.url {
        if redacted {
            c.push(forbidden("url", REDACTED_HELP));
        } else {
            c.url(src.locate(&["url"]), url);
        }
    }
}

fn city(c: &mut Checker<'_>, src: Source<'_>, e: &Entity<City>) {
    let city = &e.data;
    c.text(src, &["name"], Some(&city.name));
    c.text(src, &["region"], city.region.as_ref());
    c.country(src.locate(&["country"]), &city.country);
    for (i, alias) in city.aliases.iter().enumerate() {
        if alias.trim().is_empty() {
            c.push(invalid(
                place::item_span(src, &["aliases"], i),
                "alias",
                alias,
                "another spelling of the city's name",
            ));
        }
    }
}

fn seminar(c: &mut Checker<'_>, src: Source<'_>, e: &Entity<Seminar>) {
    let s = &e.data;
    c.text(src, &["title"], Some(&s.title));
    c.text(src, &["series"], s.series.as_ref());
    c.text(src, &["summary"], s.summary.as_ref());
    c.text(src, &["description"], s.description.as_ref());
    c.texts(src, &["topics"], &s.topics);
    c.reference(src.locate(&["organizer"]), Kind::Organization, &s.organizer);
    c.references(src, &["delivered_by"], Kind::Organization, &s.delivered_by);
    c.references(src, &["funders"], Kind::Organization, &s.funders);
    if let Some(audience) = &s.audience {
        c.text(
            src,
            &["audience", "description"],
            Some(&audience.description),
        );
    }
    if let Some(network) = &s.network {
        c.reference(src.locate(&["network"]), Kind::Network, network);
    }
    for (i, session) in s.sessions.iter().enumerate() {
        let item = place::item_or(src, &["sessions"], i);
        let datetime = |c: &mut Checker<'_>, key: &str, value: &str| {
            let parsed = values::parse_local_datetime(value);
            if parsed.is_none() {
                c.push(invalid(
                    item.locate(&[key]),
                    "date and time",
                    value,
                    values::DATETIME_FORMAT,
                ));
            }
            parsed
        };
        let start = datetime(c, "start", &session.start);
        let end = datetime(c, "end", &session.end);
        let zone = c.zone(item.locate(&["zone"]), &session.zone);
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                c.push(invalid(
                    item.locate(&["end"]),
                    "session end",
                    &session.end,
                    format!("a time after the start, {}", session.start),
                ));
            }
        }
        if let (Some(start), Some(zone)) = (start, zone) {
            if zone.from_local_datetime(&start).earliest().is_none() {
                c.push(invalid(
                    item.locate(&["start"]),
                    "date and time",
                    &session.start,
                    format!("a time that exists in {zone}: clocks skip it when summer time starts"),
                ));
            }
        }
        let city = session
            .city
            .as_ref()
            .filter(|city| c.reference(item.locate(&["city"]), Kind::City, city));
        let location = session
            .location
            .as_ref()
            .filter(|l| c.reference(item.locate(&["location"]), Kind::Location, l));
        if let (Some(city), Some(location)) = (city, location) {
            let of_location = c.index.location_city.get(location.as_str()).copied();
            // A location whose own city is unknown was reported with that file.
            let known = |l: &Option<&str>| l.is_some_and(|l| c.index.has(Kind::City, l));
            let other = of_location.filter(|l| *l != Some(city.as_str()) && known(l));
            if let Some(Some(actual)) = other {
                c.push(invalid(
                    item.locate(&["city"]),
                    "session city",
                    city,
                    format!("`{actual}`, the city of location `{location}`"),
                ));
            }
        }
        if let Some(lang) = &session.language {
            c.language(item.locate(&["language"]), lang);
        }
    }
    for (i, outcome) in s.outcomes.iter().enumerate() {
        let item = place::item_or(src, &["outcomes"], i);
        c.text(item, &["text"], Some(&outcome.text));
        c.partial_date(item.locate(&["as_of"]), &outcome.as_of);
        c.source(item, &["source"], Some(&outcome.source));
    }
}

fn network(c: &mut Checker<'_>, src: Source<'_>, e: &Entity<Network>) {
    let n = &e.data;
    c.text(src, &["name"], Some(&n.name));
    c.text(src, &["description"], n.description.as_ref());
    if let Some(coordinator) = &n.coordinator {
        c.reference(
            src.locate(&["coordinator"]),
            Kind::Organization,
            coordinator,
        );
    }
    for (i, s) in n.supporters.iter().enumerate() {
        let item = place::item_or(src, &["supporters"], i);
        let at = item.locate(&["organization"]);
        if n.supporters[..i]
            .iter()
            .any(|o| o.organization == s.organization)
        {
            c.duplicate(at, "supporter", &s.organization);
        } else {
            c.reference(at, Kind::Organization, &s.organization);
        }
        if let Some(since) = &s.since {
            c.partial_date(item.locate(&["since"]), since);
        }
    }
    for (i, m) in n.members.iter().enumerate() {
        let item = place::item_or(src, &["members"], i);
        let at = item.locate(&["city"]);
        if n.members[..i].iter().any(|o| o.city == m.city) {
            c.duplicate(at, "member city", &m.city);
        } else {
            c.reference(at, Kind::City, &m.city);
        }
        if let Some(joined) = &m.joined {
            c.partial_date(item.locate(&["joined"]), joined);
        }
    }
    c.references(
        src,
        &["member_organizations"],
        Kind::Organization,
        &n.member_organizations,
    );
    c.source(src, &["source"], n.source.as_ref());
}

fn partnership(c: &mut Checker<'_>, src: Source<'_>, e: &Entity<Partnership>) {
    let p = &e.data;
    let mut distinct = p.parties.clone();
    distinct.sort();
    distinct.dedup();
    if distinct.len() < 2 {
        // One problem, not also "listed twice" for `[a, a]`.
        c.push(invalid(
            src.locate(&["parties"]),
            "parties",
            &p.parties.join(", "),
            "at least two different organizations",
        ));
        for (i, id) in p.parties.iter().enumerate().take(1) {
            c.reference(
                place::list_value(src, &["parties"], i, id),
                Kind::Organization,
                id,
            );
        }
    } else {
        c.references(src, &["parties"], Kind::Organization, &p.parties);
    }
    if p.kinds.is_empty() {
        c.push(invalid(
            src.locate(&["kinds"]),
            "kinds",
            "[]",
            "at least one of referral, co-delivery, training, housing",
        ));
    }
    c.text(src, &["summary"], p.summary.as_ref());
    for (i, offer) in p.offers.iter().enumerate() {
        let item = place::item_or(src, &["offers"], i);
        let party = |c: &mut Checker<'_>, key: &str, id: &str| {
            let ok = p.parties.iter().any(|x| x == id);
            if !ok {
                c.push(
                    Diagnostic::error(
                        item.locate(&[key]),
                        Problem::UnknownReference {
                            what: "party".into(),
                            found: id.into(),
                        },
                    )
                    .expected(format!("one of the parties: {}", p.parties.join(", ")))
                    .did_you_mean(id, p.parties.iter().map(String::as_str)),
                );
            }
            ok
        };
        let from_ok = party(c, "from", &offer.from);
        let to_ok = party(c, "to", &offer.to);
        if from_ok && to_ok && offer.from == offer.to {
            c.push(invalid(
                item.locate(&["to"]),
                "offer",
                &format!("from {} to {}", offer.from, offer.to),
                "an offer from one party to another",
            ));
        }
        c.text(item, &["what"], Some(&offer.what));
        c.text(item, &["how_to_refer"], offer.how_to_refer.as_ref());
        for (k, id) in offer.services.iter().enumerate() {
            let at = place::list_value(item, &["services"], k, id);
            if offer.services[..k].contains(id) {
                c.duplicate(at, "service", id);
            } else if c.reference(at.clone(), Kind::Service, id) && from_ok {
                match c.index.service_org.get(id.as_str()) {
                    Some(org) if *org != offer.from => c.push(
                        invalid(
                            at,
                            "offered service",
                            id,
                            format!("a service of `{}`, the party that offers it", offer.from),
                        )
                        .help(format!("`{id}` is a service of `{org}`")),
                    ),
                    _ => {}
                }
            }
        }
    }
    if let Some(since) = &p.since {
        c.partial_date(src.locate(&["since"]), since);
    }
    c.source(src, &["source"], p.source.as_ref());
}

fn holidays(c: &mut Checker<'_>, src: Source<'_>, e: &Entity<Holidays>) {
    let h = &e.data;
    c.text(src, &["name"], Some(&h.name));
    for (i, day) in h.dates.iter().enumerate() {
        let item = place::item_or(src, &["dates"], i);
        let at = item.locate(&["date"]);
        if h.dates[..i].iter().any(|d| d.date == day.date) {
            c.duplicate(at, "holiday", &day.date);
        } else {
            c.date(at, &day.date);
        }
        c.text(item, &["name"], day.name.as_ref());
    }
}
