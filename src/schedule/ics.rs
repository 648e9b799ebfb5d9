//! iCalendar files (RFC 5545) for services, cities and seminars: part of the render
//! stage. Input: events built by the caller ([`opening_events`] turns an [`Opening`]
//! into them; seminar sessions are [`When::Once`]), a name, a language and the build
//! clock. Output: the text of a `.ics` file, the same bytes for the same input.
//!
//! Each weekly rule is one recurring event (`RRULE:FREQ=WEEKLY`) in local time with a
//! `TZID`, so calendar programs keep "9:00" at 9:00 across daylight-saving changes; each
//! zone used gets a `VTIMEZONE` derived from the tz database. Closed dates are
//! `EXDATE`s; a date with changed hours is an `EXDATE` of the rule plus an event of its
//! own, which also works for a date that no rule covers and for programs that handle
//! `RECURRENCE-ID` overrides poorly. Texts are escaped, lines folded at 75 octets
//! between characters, and every line ends with CRLF.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::expand::resolve_local;
use super::vtimezone::vtimezone;
use super::Opening;

/// The domain part of every UID: UIDs are `<what>@puerta`.
pub const UID_DOMAIN: &str = "puerta";

/// Longest line, in octets, without its CRLF (RFC 5545 §3.1).
const MAX_LINE: usize = 75;

/// Years after the build year that an open-ended weekly event's time zone is checked
/// for; its yearly rules continue beyond them.
const OPEN_END_YEARS: i32 = 2;

/// What an event says, in the caller's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventText {
    /// `SUMMARY`: the title.
    pub summary: String,
    /// `DESCRIPTION`, plain text; new lines are kept.
    pub description: Option<String>,
    /// `LOCATION`, plain text. Leave it out for a redacted place: nothing else in the
    /// event names a place.
    pub location: Option<String>,
    /// `URL`: the page of the service or seminar.
    pub url: Option<String>,
    /// Language of these texts when it is not the calendar's (a fallback translation).
    pub lang: Option<String>,
}

/// When an event happens, in local wall-clock time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// Once, from `start` to `end`.
    Once {
        /// Zone of both times.
        zone: Tz,
        /// Local start.
        start: NaiveDateTime,
        /// Local end, after the start.
        end: NaiveDateTime,
    },
    /// Every week on `days` from `opens` to `closes`.
    Weekly {
        /// Zone of the times.
        zone: Tz,
        /// Days of the week.
        days: Vec<Weekday>,
        /// Opening time; a closing time not after it is on the next day.
        opens: NaiveTime,
        /// Closing time.
        closes: NaiveTime,
        /// The first occurrence is on the first of `days` on or after this date.
        from: NaiveDate,
        /// Last date of an occurrence; open-ended without.
        until: Option<NaiveDate>,
        /// Dates without an occurrence (`EXDATE`); dates that are not among `days`
        /// or out of range are ignored.
        except: BTreeSet<NaiveDate>,
    },
}

/// One `VEVENT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// `UID`: stable across builds, so that subscribed calendars update instead of
    /// duplicating; see [`uid`].
    pub uid: String,
    /// When.
    pub when: When,
    /// What it says.
    pub text: EventText,
    /// Called off: `STATUS:CANCELLED` (the event stays, so that calendars that have it
    /// show it cancelled).
    pub cancelled: bool,
    /// Does not make the reader busy (`TRANSP:TRANSPARENT`): opening hours are times
    /// one may come, not appointments.
    pub transparent: bool,
}

/// A UID from a local part made of ids: `uid("soie-madrid-tue")` is
/// `soie-madrid-tue@puerta`.
pub fn uid(local: &str) -> String {
    format!("{local}@{UID_DOMAIN}")
}

/// The events of a service's opening schedule, from the date `from` on (pass a date
/// that does not change at every build, such as the date the schedule was verified, to
/// keep the file stable; earlier dates are left out).
///
/// One weekly event per rule, with UID `<id>-<days>@puerta` (`soie-madrid-tue`; with
/// the opening time added when two rules share their days, `soie-madrid-tue-1600`),
/// starting on the later of `from` and `valid_from`, ending on `valid_until`, with the
/// closed dates and the dates with changed hours as exceptions; then one event per date
/// with changed hours on or after `from` that is not closed, UID `<id>-<YYYYMMDD>`.
/// Every event carries `text` and is transparent.
pub fn opening_events(
    id: &str,
    opening: &Opening,
    from: NaiveDate,
    text: &EventText,
) -> Vec<IcsEvent> {
    let first = opening.valid_from.map_or(from, |f| f.max(from));
    let event = |local: String, when: When| IcsEvent {
        uid: uid(&local),
        when,
        text: text.clone(),
        cancelled: false,
        transparent: true,
    };
    let rules: Vec<(String, &super::Rule)> = opening
        .rules
        .iter()
        .filter(|r| !r.days.is_empty())
        .map(|r| {
            let mut days = r.days.clone();
            days.sort_by_key(Weekday::num_days_from_monday);
            days.dedup();
            // The day names of the content format (`mon`, `tue`…).
            let codes: Vec<String> = days.iter().map(|d| d.to_string().to_lowercase()).collect();
            (format!("{id}-{}", codes.join("-")), r)
        })
        .collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, (name, rule)) in rules.iter().enumerate() {
        let mut name = name.clone();
        if rules.iter().filter(|(n, _)| *n == name).count() > 1 {
            name = format!("{name}-{}", rule.opens.format("%H%M"));
        }
        let count = seen.entry(name.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            name = format!("{name}-{}", i + 1);
        }
        let except = opening
            .closed
            .iter()
            .chain(opening.changed.keys())
            .filter(|d| **d >= first && rule.days.contains(&d.weekday()))
            .copied()
            .collect();
        let when = When::Weekly {
            zone: opening.zone,
            days: rule.days.clone(),
            opens: rule.opens,
            closes: rule.closes,
            from: first,
            until: opening.valid_until,
            except,
        };
        if first_day(&when).is_some() {
            out.push(event(name, when));
        }
    }
    for (date, (opens, closes)) in opening.changed.range(from..) {
        if opening.closed.contains(date) {
            continue;
        }
        let Some(end) = end_date(*date, *opens, *closes) else {
            continue;
        };
        let when = When::Once {
            zone: opening.zone,
            start: date.and_time(*opens),
            end: end.and_time(*closes),
        };
        out.push(event(format!("{id}-{}", date.format("%Y%m%d")), when));
    }
    out
}

/// The text of a calendar named `name` (shown by calendar programs) in language `lang`,
/// holding `events`, stamped with the build clock `stamp` (`DTSTAMP`: a fixed clock
/// gives the same bytes). A weekly event without any occurrence is left out. A calendar
/// without events has no component, which RFC 5545 does not allow but common programs
/// read as an empty calendar; callers may prefer not to publish it.
pub fn calendar(name: &str, lang: &str, stamp: DateTime<Utc>, events: &[IcsEvent]) -> String {
    let mut w = Writer::default();
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line(&format!(
        "PRODID:-//puerta//puerta {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    let lang = param(lang);
    w.text(&format!("NAME;LANGUAGE={lang}"), name);
    w.text("X-WR-CALNAME", name);
    w.line("REFRESH-INTERVAL;VALUE=DURATION:P1D");
    w.line("X-PUBLISHED-TTL:P1D");
    let events: Vec<(&IcsEvent, NaiveDateTime)> = events
        .iter()
        .filter_map(|e| first_start(&e.when).map(|start| (e, start)))
        .collect();
    for line in zones(&events, stamp) {
        w.line(&line);
    }
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for (event, start) in events {
        write_event(&mut w, event, start, &lang, &dtstamp);
    }
    w.line("END:VCALENDAR");
    w.out
}

/// Writes one `VEVENT` whose first occurrence starts at `start`.
fn write_event(w: &mut Writer, event: &IcsEvent, start: NaiveDateTime, lang: &str, dtstamp: &str) {
    w.line("BEGIN:VEVENT");
    w.text("UID", &event.uid);
    w.line(&format!("DTSTAMP:{dtstamp}"));
    match &event.when {
        When::Once { zone, end, .. } => {
            w.line(&local_value("DTSTART", *zone, start));
            if *end > start {
                w.line(&local_value("DTEND", *zone, *end));
            }
        }
        When::Weekly {
            zone,
            days,
            opens,
            closes,
            until,
            except,
            ..
        } => {
            w.line(&local_value("DTSTART", *zone, start));
            if let Some(end) = end_date(start.date(), *opens, *closes) {
                w.line(&local_value("DTEND", *zone, end.and_time(*closes)));
            }
            let mut codes: Vec<Weekday> = days.clone();
            codes.sort_by_key(Weekday::num_days_from_monday);
            codes.dedup();
            let codes: Vec<&str> = codes.into_iter().map(day_code).collect();
            let mut rule = format!("RRULE:FREQ=WEEKLY;BYDAY={}", codes.join(","));
            if let Some(last) = until.and_then(|u| last_instant(*zone, u)) {
                rule.push_str(&format!(";UNTIL={last}"));
            }
            w.line(&rule);
            for date in except {
                let in_range = *date >= start.date() && until.is_none_or(|u| *date <= u);
                if in_range && days.contains(&date.weekday()) {
                    w.line(&local_value("EXDATE", *zone, date.and_time(*opens)));
                }
            }
        }
    }
    let lang = event
        .text
        .lang
        .as_deref()
        .map_or_else(|| lang.to_string(), param);
    w.text(&format!("SUMMARY;LANGUAGE={lang}"), &event.text.summary);
    if let Some(description) = &event.text.description {
        w.text(&format!("DESCRIPTION;LANGUAGE={lang}"), description);
    }
    if let Some(location) = &event.text.location {
        w.text(&format!("LOCATION;LANGUAGE={lang}"), location);
    }
    if let Some(url) = &event.text.url {
        // A URI has no escapes; line breaks cannot be part of one.
        let url: String = url.chars().filter(|c| !c.is_control()).collect();
        w.line(&format!("URL:{url}"));
    }
    w.line(if event.cancelled {
        "STATUS:CANCELLED"
    } else {
        "STATUS:CONFIRMED"
    });
    w.line(if event.transparent {
        "TRANSP:TRANSPARENT"
    } else {
        "TRANSP:OPAQUE"
    });
    w.line("END:VEVENT");
}

/// One `VTIMEZONE` per zone used, in the order of zone names, covering the years of the
/// events (an open-ended weekly event: until [`OPEN_END_YEARS`] after the build year).
fn zones(events: &[(&IcsEvent, NaiveDateTime)], stamp: DateTime<Utc>) -> Vec<String> {
    // zone name → (zone, first year, last year, earliest instant)
    let mut used: BTreeMap<&'static str, (Tz, i32, i32, Option<i64>)> = BTreeMap::new();
    for (event, start) in events {
        let (zone, last) = match &event.when {
            When::Once { zone, end, .. } => (*zone, end.year().max(start.year())),
            When::Weekly { zone, until, .. } => match until {
                Some(u) => (*zone, u.year()),
                None => (*zone, start.year().max(stamp.year()) + OPEN_END_YEARS),
            },
        };
        let instant = resolve_local(zone, *start).map(|t| t.timestamp());
        let entry = used
            .entry(zone.name())
            .or_insert((zone, start.year(), last, instant));
        entry.1 = entry.1.min(start.year());
        entry.2 = entry.2.max(last);
        entry.3 = match (entry.3, instant) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    used.into_values()
        .flat_map(|(zone, first, last, earliest)| vtimezone(zone, first, last, earliest))
        .collect()
}

/// The local start of the first occurrence; none for a weekly event without any.
fn first_start(when: &When) -> Option<NaiveDateTime> {
    match when {
        When::Once { start, .. } => Some(*start),
        When::Weekly { opens, .. } => first_day(when).map(|d| d.and_time(*opens)),
    }
}

/// The first date of a weekly event: the first of its days on or after `from`, if not
/// after `until`.
fn first_day(when: &When) -> Option<NaiveDate> {
    let When::Weekly {
        days, from, until, ..
    } = when
    else {
        return None;
    };
    let day = from
        .iter_days()
        .take(7)
        .find(|d| days.contains(&d.weekday()))?;
    until.is_none_or(|u| day <= u).then_some(day)
}

/// The date an opening from `opens` to `closes` on `date` ends: the next day when it
/// closes at or before the opening time.
fn end_date(date: NaiveDate, opens: NaiveTime, closes: NaiveTime) -> Option<NaiveDate> {
    if closes <= opens {
        date.checked_add_days(Days::new(1))
    } else {
        Some(date)
    }
}

/// `UNTIL` of a weekly rule ending on `until`: the last second of that local day, in
/// UTC, as RFC 5545 requires with a `TZID` start.
fn last_instant(zone: Tz, until: NaiveDate) -> Option<String> {
    let end = resolve_local(zone, until.and_hms_opt(23, 59, 59)?)?;
    Some(end.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string())
}

/// `DTSTART;TZID=Europe/Madrid:20261006T090000`.
fn local_value(name: &str, zone: Tz, t: NaiveDateTime) -> String {
    format!("{name};TZID={}:{}", zone.name(), t.format("%Y%m%dT%H%M%S"))
}

/// The RFC 5545 code of a weekday, `MO` to `SU`.
pub(super) fn day_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Collects content lines, folded, with CRLF.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// A property of type TEXT: `name` (with its parameters), then the escaped value.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape(value)));
    }

    /// Appends `line`, folded so that no line exceeds 75 octets: a continuation line
    /// starts with a space, and a fold never splits a UTF-8 character.
    fn line(&mut self, line: &str) {
        let mut room = MAX_LINE;
        let mut used = 0;
        for c in line.chars() {
            let n = c.len_utf8();
            if used + n > room {
                self.out.push_str("\r\n ");
                // The leading space takes one octet of the next line.
                room = MAX_LINE - 1;
                used = 0;
            }
            self.out.push(c);
            used += n;
        }
        self.out.push_str("\r\n");
    }
}

/// A language tag as a parameter value: only letters, digits and hyphens, which need no
/// quoting (a tag is made of nothing else).
fn param(tag: &str) -> String {
    tag.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks;
/// other control characters, which TEXT does not allow, are dropped (tabs are kept).
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
