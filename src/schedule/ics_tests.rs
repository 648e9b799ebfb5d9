//! Unit tests of the `.ics` writer (the independent parser's tests are in
//! `tests/ics.rs`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};

use super::*;
use crate::schedule::{Opening, Rule};

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("test time")
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%F %H:%M").expect("test date-time")
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
        .single()
        .expect("test stamp")
}

fn soie() -> Opening {
    Opening {
        zone: chrono_tz::Europe::Madrid,
        rules: vec![Rule {
            days: vec![Weekday::Tue],
            opens: time("09:00"),
            closes: time("13:00"),
        }],
        valid_from: None,
        valid_until: Some(date("2026-11-30")),
        closed: [date("2026-10-13"), date("2026-11-04"), date("2026-12-08")].into(),
        changed: [(date("2026-11-17"), (time("10:00"), time("12:00")))].into(),
    }
}

fn text() -> EventText {
    EventText {
        summary: "SOIE «Puerta Única»".to_string(),
        ..EventText::default()
    }
}

fn lines(ics: &str) -> Vec<&str> {
    ics.split("\r\n").collect()
}

#[test]
fn writes_a_weekly_event_with_exceptions_and_an_event_for_changed_hours() {
    let events = opening_events("soie-madrid", &soie(), date("2026-10-01"), &text());
    let ics = calendar("SOIE", "es", stamp(), &events);
    let body = ics.replace("\r\n", "\n");
    let expected = "BEGIN:VEVENT\n\
        UID:soie-madrid-tue@puerta\n\
        DTSTAMP:20261126T120000Z\n\
        DTSTART;TZID=Europe/Madrid:20261006T090000\n\
        DTEND;TZID=Europe/Madrid:20261006T130000\n\
        RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261130T225959Z\n\
        EXDATE;TZID=Europe/Madrid:20261013T090000\n\
        EXDATE;TZID=Europe/Madrid:20261117T090000\n\
        SUMMARY;LANGUAGE=es:SOIE «Puerta Única»\n\
        STATUS:CONFIRMED\n\
        TRANSP:TRANSPARENT\n\
        END:VEVENT\n\
        BEGIN:VEVENT\n\
        UID:soie-madrid-20261117@puerta\n\
        DTSTAMP:20261126T120000Z\n\
        DTSTART;TZID=Europe/Madrid:20261117T100000\n\
        DTEND;TZID=Europe/Madrid:20261117T120000\n\
        SUMMARY;LANGUAGE=es:SOIE «Puerta Única»\n\
        STATUS:CONFIRMED\n\
        TRANSP:TRANSPARENT\n\
        END:VEVENT\n\
        END:VCALENDAR\n";
    assert!(body.ends_with(expected), "{body}");
    assert!(body.starts_with("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//puerta//puerta "));
    assert!(body.contains("\nCALSCALE:GREGORIAN\nMETHOD:PUBLISH\nNAME;LANGUAGE=es:SOIE\n"));
    assert_eq!(body.matches("BEGIN:VTIMEZONE").count(), 1);
    // 4 November is a Wednesday and 8 December is past valid_until: no EXDATE.
    assert!(!body.contains("20261104T"));
    assert!(!body.contains("20261208T"));
}

#[test]
fn names_rules_by_their_days_and_tells_apart_rules_on_the_same_days() {
    let mut o = soie();
    o.rules = vec![
        Rule {
            days: vec![Weekday::Fri, Weekday::Mon],
            opens: time("09:00"),
            closes: time("14:00"),
        },
        Rule {
            days: vec![Weekday::Tue],
            opens: time("09:00"),
            closes: time("13:00"),
        },
        Rule {
            days: vec![Weekday::Tue],
            opens: time("16:00"),
            closes: time("18:00"),
        },
    ];
    let uids: Vec<String> = opening_events("kifkif", &o, date("2026-10-01"), &text())
        .into_iter()
        .map(|e| e.uid)
        .collect();
    assert_eq!(
        uids,
        [
            "kifkif-mon-fri@puerta",
            "kifkif-tue-0900@puerta",
            "kifkif-tue-1600@puerta",
            "kifkif-20261117@puerta",
        ]
    );
}

#[test]
fn leaves_out_rules_that_end_before_they_start() {
    let events = opening_events("soie", &soie(), date("2026-12-01"), &text());
    assert!(events.is_empty(), "{events:?}");
    let mut o = soie();
    o.valid_from = Some(date("2026-11-25"));
    o.valid_until = Some(date("2026-11-30"));
    o.changed.clear();
    assert!(opening_events("soie", &o, date("2026-10-01"), &text()).is_empty());
}

#[test]
fn writes_a_cancelled_session_and_leaves_out_a_missing_location() {
    let session = |start: &str, end: &str, cancelled| IcsEvent {
        uid: uid(&format!(
            "accmr-seminar-{}",
            at(start).format("%Y%m%dT%H%M")
        )),
        when: When::Once {
            zone: chrono_tz::Europe::Athens,
            start: at(start),
            end: at(end),
        },
        text: EventText {
            summary: "Σεμινάριο".to_string(),
            location: None,
            lang: Some("el".to_string()),
            ..EventText::default()
        },
        cancelled,
        transparent: false,
    };
    let events = [
        session("2026-11-10 10:00", "2026-11-10 14:00", false),
        session("2026-11-17 10:00", "2026-11-17 14:00", true),
    ];
    let ics = calendar("Seminars", "en", stamp(), &events);
    assert!(ics.contains(
        "UID:accmr-seminar-20261117T1000@puerta\r\nDTSTAMP:20261126T120000Z\r\n\
         DTSTART;TZID=Europe/Athens:20261117T100000\r\n\
         DTEND;TZID=Europe/Athens:20261117T140000\r\n\
         SUMMARY;LANGUAGE=el:Σεμινάριο\r\nSTATUS:CANCELLED\r\nTRANSP:OPAQUE\r\n"
    ));
    assert!(!ics.contains("LOCATION"));
    assert!(ics.contains("TZID:Europe/Athens"));
    assert!(ics.contains("NAME;LANGUAGE=en:Seminars"));
}

#[test]
fn gives_one_vtimezone_per_zone_used() {
    let mut events = opening_events("soie", &soie(), date("2026-10-01"), &text());
    events.push(IcsEvent {
        uid: uid("athens"),
        when: When::Once {
            zone: chrono_tz::Europe::Athens,
            start: at("2026-11-10 10:00"),
            end: at("2026-11-10 12:00"),
        },
        text: text(),
        cancelled: false,
        transparent: false,
    });
    let ics = calendar("All", "en", stamp(), &events);
    assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 2);
    let athens = ics.find("TZID:Europe/Athens").unwrap_or(usize::MAX);
    let madrid = ics.find("TZID:Europe/Madrid").unwrap_or(usize::MAX);
    assert!(athens < madrid, "zones in name order");
}

#[test]
fn escapes_text_values() {
    assert_eq!(
        escape("a\\b; c, d\ne\r\nf\rg\u{7}h\ti"),
        "a\\\\b\\; c\\, d\\ne\\nf\\ngh\ti"
    );
}

#[test]
fn folds_long_lines_at_75_octets_between_characters() {
    let description = "Ενημέρωση για άδειες διαμονής, ".repeat(12) + "—ñ€𝄞".repeat(20).as_str();
    let ics = calendar(
        "x",
        "el",
        stamp(),
        &[IcsEvent {
            uid: uid("long"),
            when: When::Once {
                zone: chrono_tz::Europe::Athens,
                start: at("2026-11-10 10:00"),
                end: at("2026-11-10 12:00"),
            },
            text: EventText {
                summary: "s".to_string(),
                description: Some(description.clone()),
                ..EventText::default()
            },
            cancelled: false,
            transparent: false,
        }],
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(!ics.replace("\r\n", "").contains('\r'), "bare CR");
    let all = lines(&ics);
    assert!(
        all.iter().all(|l| l.len() <= 75),
        "a line exceeds 75 octets"
    );
    assert!(all.iter().any(|l| l.len() >= 72 && l.starts_with(' ')));
    let unfolded = ics.replace("\r\n ", "");
    let line = unfolded
        .split("\r\n")
        .find(|l| l.starts_with("DESCRIPTION"))
        .unwrap_or_default();
    assert_eq!(
        line,
        format!("DESCRIPTION;LANGUAGE=el:{}", escape(&description))
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let events = opening_events("soie", &soie(), date("2026-10-01"), &text());
    assert_eq!(
        calendar("SOIE", "es", stamp(), &events),
        calendar("SOIE", "es", stamp(), &events)
    );
}

#[test]
fn an_open_ended_rule_has_no_until() {
    let mut o = soie();
    o.valid_until = None;
    o.closed = BTreeSet::new();
    o.changed = BTreeMap::new();
    let ics = calendar(
        "SOIE",
        "es",
        stamp(),
        &opening_events("soie", &o, date("2026-10-01"), &text()),
    );
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=TU\r\n"));
    assert!(!ics.contains("EXDATE"));
}

#[test]
fn sanitizes_language_parameters_and_urls() {
    let ics = calendar(
        "n",
        "es;x=1",
        stamp(),
        &[IcsEvent {
            uid: uid("u"),
            when: When::Once {
                zone: chrono_tz::Europe::Madrid,
                start: at("2026-11-10 10:00"),
                end: at("2026-11-10 12:00"),
            },
            text: EventText {
                summary: "s".to_string(),
                url: Some("https://example.org/es/services/soie/\r\nX-EVIL:1".to_string()),
                ..EventText::default()
            },
            cancelled: false,
            transparent: true,
        }],
    );
    assert!(ics.contains("NAME;LANGUAGE=esx1:n\r\n"));
    assert!(ics.contains("URL:https://example.org/es/services/soie/X-EVIL:1\r\n"));
}
