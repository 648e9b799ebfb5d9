//! Validation of services and of their schedules, which become [`Opening`]s.
//!
//! Stage: validate. Input: one parsed service, its source text and the [`Index`] of
//! known ids (holiday lists included). Output: its problems, and an [`Opening`] for
//! every location whose schedule is valid, holiday lists folded into closed dates.
//!
//! [`Index`]: super::check::Index

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveTime;

use super::check::{invalid, Checker, Kind, Terms};
use super::place;
use super::types::{Schedule, Service};
use super::values;
use super::Entity;
use crate::diag::{Diagnostic, Problem, Span};
use crate::schedule::{Opening, Rule};
use crate::yaml::Source;

/// The valid openings of one service: (location id, opening).
pub type Found = Vec<(String, Opening)>;

/// Checks a service; gives its valid openings.
pub fn check(c: &mut Checker<'_>, src: Source<'_>, e: &Entity<Service>) -> Found {
    let s = &e.data;
    c.reference(
        src.locate(&["organization"]),
        Kind::Organization,
        &s.organization,
    );
    c.text(src, &["name"], Some(&s.name));
    c.text(src, &["summary"], Some(&s.summary));
    c.text(src, &["description"], s.description.as_ref());
    c.text(src, &["how_to_refer"], s.how_to_refer.as_ref());
    c.texts(src, &["documents"], &s.documents);
    c.terms(src, &["areas"], Terms::Areas, &s.areas);
    if let Some(el) = &s.eligibility {
        c.text(src, &["eligibility", "description"], Some(&el.description));
        c.text(
            src,
            &["eligibility", "referred_elsewhere"],
            el.referred_elsewhere.as_ref(),
        );
        c.terms(
            src,
            &["eligibility", "criteria"],
            Terms::Eligibility,
            &el.criteria,
        );
    }
    if s.capacity == Some(0) {
        c.push(invalid(
            src.locate(&["capacity"]),
            "capacity",
            "0",
            "the number of people attended per session, at least 1",
        ));
    }
    if let Some(length) = &s.session_length {
        session_length(c, src.locate(&["session_length"]), length);
    }
    for (i, lang) in s.languages.iter().enumerate() {
        c.language(place::list_value(src, &["languages"], i, lang), lang);
    }
    let mut openings = Vec::new();
    for (i, at) in s.at_locations.iter().enumerate() {
        let item = place::item_or(src, &["at_locations"], i);
        let span = item.locate(&["location"]);
        let known = if s.at_locations[..i]
            .iter()
            .any(|a| a.location == at.location)
        {
            c.push(
                Diagnostic::error(
                    span,
                    Problem::Duplicate {
                        what: "location of the service".into(),
                        found: at.location.clone(),
                    },
                )
                .help("list each location once; give it one schedule with several weekly rules"),
            );
            false
        } else {
            c.reference(span, Kind::Location, &at.location)
        };
        if let Some(schedule) = &at.schedule {
            if let Some(opening) = self::schedule(c, item, schedule) {
                if known {
                    openings.push((at.location.clone(), opening));
                }
            }
        }
    }
    for (i, r) in s.referrals.iter().enumerate() {
        let item = place::item_or(src, &["referrals"], i);
        match (&r.service, &r.organization) {
            (None, None) => c.push(
                Diagnostic::error(
                    place::item_span(src, &["referrals"], i),
                    Problem::MissingField {
                        field: "service or organization".into(),
                    },
                )
                .expected("exactly one of `service` (a service id) or `organization` (an organization id)"),
            ),
            (Some(to), Some(org)) => c.push(
                invalid(
                    item.locate(&["organization"]),
                    "referral",
                    &format!("service: {to}, organization: {org}"),
                    "exactly one of `service` or `organization`",
                )
                .help("a referral to a service already names its organization; keep `service`"),
            ),
            (Some(to), None) if *to == e.id => c.push(invalid(
                item.locate(&["service"]),
                "referral",
                to,
                "another service: a service does not refer people to itself",
            )),
            (Some(to), None) => {
                c.reference(item.locate(&["service"]), Kind::Service, to);
            }
            (None, Some(to)) => {
                c.reference(item.locate(&["organization"]), Kind::Organization, to);
            }
        }
        c.text(item, &["note"], r.note.as_ref());
    }
    if let Some(v) = &s.verification {
        let on = c.date(src.locate(&["verification", "verified_on"]), &v.verified_on);
        if let Some(next) = &v.next_review {
            let at = src.locate(&["verification", "next_review"]);
            match (on, c.date(at.clone(), next)) {
                (Some(on), Some(n)) if n < on => c.push(invalid(
                    at,
                    "review date",
                    next,
                    format!("a date after the verification, {on}"),
                )),
                _ => {}
            }
        }
        c.source(src, &["verification", "source"], v.source.as_ref());
    }
    openings
}

fn session_length(c: &mut Checker<'_>, at: Span, value: &str) {
    match values::parse_duration(value) {
        Some(d) if !d.is_zero() => {}
        _ => {
            let mut d = invalid(at, "duration", value, values::DURATION_FORMAT);
            let upper = value.to_ascii_uppercase();
            let minutes: String = value.chars().take_while(char::is_ascii_digit).collect();
            if upper != value && values::parse_duration(&upper).is_some() {
                d = d.help(format!("did you mean `{upper}`?"));
            } else if !minutes.is_empty() && !value.starts_with('P') {
                d = d.help(format!("for {minutes} minutes, write `PT{minutes}M`"));
            }
            c.push(d);
        }
    }
}

/// Checks the schedule of a service at one location (`src` is that item of
/// `at_locations`); the [`Opening`] when it has no error.
fn schedule(c: &mut Checker<'_>, src: Source<'_>, s: &Schedule) -> Option<Opening> {
    let before = c.out.len();
    let zone = c.zone(src.locate(&["schedule", "zone"]), &s.zone);
    let mut rules = Vec::new();
    for (j, rule) in s.weekly.iter().enumerate() {
        let r = place::item_or(src, &["schedule", "weekly"], j);
        let mut days = Vec::new();
        if rule.days.is_empty() {
            c.push(invalid(
                r.locate(&["days"]),
                "days",
                "[]",
                "at least one of mon, tue, wed, thu, fri, sat, sun",
            ));
        }
        for (k, day) in rule.days.iter().enumerate() {
            let at = place::list_value(r, &["days"], k, day);
            match values::parse_weekday(day) {
                Some(d) if days.contains(&d) => c.duplicate(at, "day", day),
                Some(d) => days.push(d),
                None => c.push(weekday_error(at, day)),
            }
        }
        if let Some((opens, closes)) = hours(c, r, &rule.opens, &rule.closes) {
            rules.push(Rule {
                days,
                opens,
                closes,
            });
        }
    }
    let from = s.valid_from.as_ref().and_then(|v| {
        let at = src.locate(&["schedule", "valid_from"]);
        c.date(at, v)
    });
    let until = s.valid_until.as_ref().and_then(|v| {
        let at = src.locate(&["schedule", "valid_until"]);
        c.date(at, v)
    });
    if let (Some(f), Some(u), Some(text)) = (from, until, &s.valid_until) {
        if u < f {
            c.push(invalid(
                src.locate(&["schedule", "valid_until"]),
                "end of validity",
                text,
                format!("a date on or after valid_from, {f}"),
            ));
        }
    }
    let mut closed = BTreeSet::new();
    for (k, date) in s.closed.iter().enumerate() {
        let at = place::list_value(src, &["schedule", "closed"], k, date);
        closed.extend(c.date(at, date));
    }
    let mut changed = BTreeMap::new();
    for (k, ch) in s.changed.iter().enumerate() {
        let item = place::item_or(src, &["schedule", "changed"], k);
        let at = item.locate(&["date"]);
        let date = c.date(at.clone(), &ch.date);
        let times = hours(c, item, &ch.opens, &ch.closes);
        if let (Some(date), Some(times)) = (date, times) {
            if changed.insert(date, times).is_some() {
                c.duplicate(at, "date with changed hours", &ch.date);
            }
        }
    }
    for (k, list) in s.holidays.iter().enumerate() {
        let at = place::list_value(src, &["schedule", "holidays"], k, list);
        if s.holidays[..k].contains(list) {
            c.duplicate(at, "holiday list", list);
        } else if c.reference(at, Kind::Holidays, list) {
            if let Some(dates) = c.index.holidays.get(list.as_str()) {
                closed.extend(dates.iter().copied());
            }
        }
    }
    if c.out.len() > before {
        return None;
    }
    Some(Opening {
        zone: zone?,
        rules,
        valid_from: from,
        valid_until: until,
        closed,
        changed,
    })
}

/// Opening and closing times of a weekly rule or a changed date (`src` is that item).
fn hours(
    c: &mut Checker<'_>,
    src: Source<'_>,
    opens: &str,
    closes: &str,
) -> Option<(NaiveTime, NaiveTime)> {
    let o = c.time(src.locate(&["opens"]), opens);
    let at = src.locate(&["closes"]);
    let cl = c.time(at.clone(), closes);
    let (o, cl) = (o?, cl?);
    if cl <= o {
        c.push(invalid(
            at,
            "closing time",
            closes,
            format!("a time after the opening time, {opens}"),
        ));
        return None;
    }
    Some((o, cl))
}

fn weekday_error(at: Span, day: &str) -> Diagnostic {
    let d = invalid(
        at,
        "weekday",
        day,
        format!("one of {}", values::WEEKDAYS.join(", ")),
    );
    let lower = day.to_lowercase();
    let short: String = lower.chars().take(3).collect();
    if values::WEEKDAYS.contains(&short.as_str()) {
        d.help(format!("did you mean `{short}`?"))
    } else {
        d.did_you_mean(day, values::WEEKDAYS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_suggestions_shorten_full_names() {
        let at = Span::file("x.yaml");
        assert_eq!(
            weekday_error(at.clone(), "Tuesday").help.as_deref(),
            Some("did you mean `tue`?")
        );
        assert_eq!(
            weekday_error(at, "thr").help.as_deref(),
            Some("did you mean `thu`?")
        );
    }
}
