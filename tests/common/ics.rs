//! An independent reading of `.ics` files, to check that a calendar means what the pages
//! say. The `icalendar` crate parses (unfolding lines, unescaping text) and its `rrule`
//! expands recurrences with their `TZID`s and `EXDATE`s; neither shares code with
//! puerta's writer. `VTIMEZONE`s are read here from their own `DTSTART`, `RRULE`,
//! `RDATE` and offsets (expanded by `rrule` too), not from the zone's name, so that a
//! calendar program that trusts the file, not its own tz database, is covered.
//!
//! Every reader panics with a message on a malformed file: these are test helpers.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use icalendar::parser::{read_calendar, unfold, Component as Parsed};
use icalendar::rrule::{RRuleSet, Tz as RTz};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, EventLike, EventStatus};

/// One instance of an event (a recurrence expanded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// `UID` of its event.
    pub uid: String,
    /// Start, in UTC.
    pub start: DateTime<Utc>,
    /// End, in UTC: start plus the event's exact duration (RFC 5545 §3.8.5.3).
    pub end: DateTime<Utc>,
    /// `STATUS:CANCELLED`.
    pub cancelled: bool,
    /// `SUMMARY`, unescaped.
    pub summary: String,
    /// `DESCRIPTION`, unescaped.
    pub description: Option<String>,
    /// `LOCATION`, unescaped.
    pub location: Option<String>,
}

/// A parsed calendar.
pub struct Ics {
    /// The calendar as the `icalendar` crate reads it.
    pub calendar: Calendar,
    /// Per `TZID`: the onsets of its `VTIMEZONE` (UTC seconds, offset after), sorted.
    pub zones: BTreeMap<String, Vec<(i64, i32)>>,
}

/// Checks the framing (CRLF line ends only, lines of at most 75 octets) and parses.
pub fn read(ics: &str) -> Ics {
    let body = ics.strip_suffix("\r\n").expect("the file ends with CRLF");
    for line in body.split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "bare CR or LF in {line:?}");
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        assert!(!line.is_empty(), "empty line");
    }
    let unfolded = unfold(ics);
    let parsed = read_calendar(&unfolded).expect("the independent parser reads the file");
    let zones = parsed
        .components
        .iter()
        .filter(|c| c.name.as_ref() == "VTIMEZONE")
        .map(|c| (prop(c, "TZID").expect("VTIMEZONE has a TZID"), onsets(c)))
        .collect();
    let calendar: Calendar = parsed.into();
    Ics { calendar, zones }
}

/// Every instance of every event that starts before `until`, sorted by start then UID.
pub fn instances(ics: &Ics, until: DateTime<Utc>) -> Vec<Instance> {
    let mut out = Vec::new();
    for component in &ics.calendar.components {
        let CalendarComponent::Event(event) = component else {
            continue;
        };
        let uid = event.get_uid().expect("every event has a UID").to_string();
        let start = instant(event.get_start().expect("DTSTART"));
        let length = match event.get_end() {
            Some(end) => instant(end) - start,
            None => chrono::TimeDelta::zero(),
        };
        let set = event.get_recurrence().expect("a readable recurrence");
        let before = until.with_timezone(&RTz::UTC);
        let result = set.before(before).all(u16::MAX);
        assert!(!result.limited, "too many instances of {uid}");
        for date in result.dates {
            let start = date.with_timezone(&Utc);
            out.push(Instance {
                uid: uid.clone(),
                start,
                end: start + length,
                cancelled: event.get_status() == Some(EventStatus::Cancelled),
                summary: event.get_summary().unwrap_or_default().to_string(),
                description: event.get_description().map(str::to_string),
                location: event.get_location().map(str::to_string),
            });
        }
    }
    out.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    out
}

/// The UTC offset (seconds east) at `t` that the file's `VTIMEZONE` of `tzid` gives: the
/// offset after the latest onset at or before `t`.
pub fn offset_at(ics: &Ics, tzid: &str, t: i64) -> Option<i32> {
    let onsets = ics.zones.get(tzid)?;
    onsets
        .iter()
        .rev()
        .find(|(at, _)| *at <= t)
        .map(|(_, to)| *to)
}

/// The instant of a `DTSTART`/`DTEND` value.
fn instant(value: DatePerhapsTime) -> DateTime<Utc> {
    match value {
        DatePerhapsTime::DateTime(dt) => dt.try_into_utc().expect("a date-time in a known zone"),
        DatePerhapsTime::Date(d) => d.and_hms_opt(0, 0, 0).expect("midnight").and_utc(),
    }
}

/// The onsets of a `VTIMEZONE`'s `STANDARD` and `DAYLIGHT` components, up to 2100.
fn onsets(vtimezone: &Parsed) -> Vec<(i64, i32)> {
    let mut out = Vec::new();
    for c in &vtimezone.components {
        assert!(
            matches!(c.name.as_ref(), "STANDARD" | "DAYLIGHT"),
            "unexpected {} in a VTIMEZONE",
            c.name.as_ref()
        );
        let from = offset(&prop(c, "TZOFFSETFROM").expect("TZOFFSETFROM"));
        let to = offset(&prop(c, "TZOFFSETTO").expect("TZOFFSETTO"));
        let start = prop(c, "DTSTART").expect("DTSTART");
        // Local times are carried as UTC ones, then moved by the offset before the onset.
        let mut rules = format!("DTSTART:{start}Z\n");
        let mut until = None;
        for p in c.properties.iter().filter(|p| p.name.as_ref() == "RRULE") {
            let mut parts = Vec::new();
            for part in p.val.as_ref().split(';') {
                match part.strip_prefix("UNTIL=") {
                    Some(u) => until = Some(utc(u)),
                    None => parts.push(part),
                }
            }
            rules.push_str(&format!("RRULE:{}\n", parts.join(";")));
        }
        if !rules.contains("RRULE:") {
            // RFC 5545: DTSTART is the first onset; rrule counts it only through a rule.
            rules.push_str(&format!("RDATE:{start}Z\n"));
        }
        for p in c.properties.iter().filter(|p| p.name.as_ref() == "RDATE") {
            for value in p.val.as_ref().split(',') {
                rules.push_str(&format!("RDATE:{value}Z\n"));
            }
        }
        let set: RRuleSet = rules.trim_end().parse().expect("a readable VTIMEZONE rule");
        let end = RTz::UTC.with_ymd_and_hms(2100, 1, 1, 0, 0, 0).unwrap();
        for local in set.before(end).all(u16::MAX).dates {
            let at = local.timestamp() - i64::from(from);
            if until.is_none_or(|u| at <= u) {
                out.push((at, to));
            }
        }
    }
    out.sort();
    out
}

/// The value of a property of a parsed component.
fn prop(c: &Parsed, name: &str) -> Option<String> {
    c.find_prop(name).map(|p| p.val.as_ref().to_string())
}

/// `+0100` → 3600; `-033000` → -12600.
fn offset(value: &str) -> i32 {
    let (sign, digits) = match value.split_at(1) {
        ("+", d) => (1, d),
        ("-", d) => (-1, d),
        _ => panic!("bad UTC offset {value}"),
    };
    let n = |r: std::ops::Range<usize>| -> i32 {
        digits.get(r).map_or(0, |s| s.parse().expect("digits"))
    };
    sign * (n(0..2) * 3600 + n(2..4) * 60 + n(4..6))
}

/// `20261025T010000Z` → seconds since the epoch.
fn utc(value: &str) -> i64 {
    NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%SZ")
        .expect("a UTC date-time")
        .and_utc()
        .timestamp()
}
