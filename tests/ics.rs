//! The `.ics` files read back by an independent iCalendar implementation (see
//! `common::ics`): the weekly sessions keep their local time across a daylight-saving
//! change, closed dates drop out, changed hours replace the usual ones, a cancelled
//! seminar session is marked so, texts survive folding and escaping, every
//! `VTIMEZONE`, read on its own, gives the offsets of the tz database, and the example
//! site's SOIE, as validation builds it, opens next on Tuesday 1 December.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono::{Utc, Weekday};
use chrono_tz::Tz;
use common::ics::{instances, offset_at, read, Instance};
use puerta::schedule::ics::{calendar, opening_events, uid, EventText, IcsEvent, When};
use puerta::schedule::{Opening, Rule};

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("test time")
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%F %H:%M").expect("test date-time")
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().expect("test instant")
}

/// The build clock of the test sites.
fn stamp() -> DateTime<Utc> {
    utc(common::NOW)
}

/// The SOIE "Puerta Única": Tuesdays 9:00–13:00 in Madrid, here from 1 October to 30
/// November 2026, closed on Tuesday 10 November and on Monday 12 October (a holiday
/// that is not a rule day), 10:00–12:00 on 17 November.
fn soie() -> Opening {
    Opening {
        zone: chrono_tz::Europe::Madrid,
        rules: vec![Rule {
            days: vec![Weekday::Tue],
            opens: time("09:00"),
            closes: time("13:00"),
        }],
        valid_from: Some(date("2026-10-01")),
        valid_until: Some(date("2026-11-30")),
        closed: [date("2026-10-12"), date("2026-11-10")].into(),
        changed: [(date("2026-11-17"), (time("10:00"), time("12:00")))].into(),
    }
}

fn soie_text() -> EventText {
    EventText {
        summary: "SOIE «Puerta Única» — Progestión".to_string(),
        description: Some(
            "Atención en orden de llegada; ocho personas por sesión, unos 40 minutos.\n\
             Trae tu documentación, si la tienes: pasaporte, NIE, empadronamiento.\\fin"
                .to_string(),
        ),
        location: Some("Calle Fernández Caballero, 4, Madrid".to_string()),
        url: Some("https://example.org/es/services/soie/".to_string()),
        lang: None,
    }
}

fn spans(list: &[Instance]) -> Vec<String> {
    list.iter()
        .map(|i| format!("{} {}", i.start.format("%FT%H:%MZ"), i.end.format("%H:%MZ")))
        .collect()
}

#[test]
fn weekly_sessions_keep_their_local_time_across_the_autumn_change() {
    let events = opening_events(
        "soie-progestion-madrid",
        &soie(),
        date("2026-09-01"),
        &soie_text(),
    );
    let ics = read(&calendar("SOIE", "es", stamp(), &events));
    let found = instances(&ics, utc("2027-01-01T00:00:00Z"));
    // Madrid is UTC+2 until Sunday 25 October 2026, 3:00, then UTC+1: 9:00 local is
    // 07:00Z before and 08:00Z after. 10 November is closed; 17 November has changed
    // hours (10:00–12:00 local, 09:00Z); nothing after 30 November.
    assert_eq!(
        spans(&found),
        [
            "2026-10-06T07:00Z 11:00Z",
            "2026-10-13T07:00Z 11:00Z",
            "2026-10-20T07:00Z 11:00Z",
            "2026-10-27T08:00Z 12:00Z",
            "2026-11-03T08:00Z 12:00Z",
            "2026-11-17T09:00Z 11:00Z",
            "2026-11-24T08:00Z 12:00Z",
        ]
    );
    assert!(found.iter().all(|i| !i.cancelled));
    assert_eq!(found[5].uid, "soie-progestion-madrid-20261117@puerta");
    assert!(found
        .iter()
        .filter(|i| i.start != utc("2026-11-17T09:00:00Z"))
        .all(|i| i.uid == "soie-progestion-madrid-tue@puerta"));
    // The site's own expansion says the same.
    let ours: Vec<(DateTime<Utc>, DateTime<Utc>)> = soie()
        .occurrences(utc("2026-09-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"))
        .into_iter()
        .map(|o| (o.start.with_timezone(&Utc), o.end.with_timezone(&Utc)))
        .collect();
    let theirs: Vec<_> = found.iter().map(|i| (i.start, i.end)).collect();
    assert_eq!(ours, theirs);
}

#[test]
fn texts_survive_folding_and_escaping() {
    let events = opening_events(
        "soie-progestion-madrid",
        &soie(),
        date("2026-09-01"),
        &soie_text(),
    );
    let text = calendar("SOIE", "es", stamp(), &events);
    assert!(text.contains("\r\n "), "the long description is folded");
    let found = instances(&read(&text), utc("2027-01-01T00:00:00Z"));
    let expected = soie_text();
    for i in &found {
        assert_eq!(i.summary, expected.summary);
        assert_eq!(i.description, expected.description);
        assert_eq!(i.location, expected.location);
    }
}

#[test]
fn a_cancelled_seminar_session_is_marked_and_a_redacted_place_is_absent() {
    // Athens changes from UTC+3 to UTC+2 on Sunday 25 October 2026, at 4:00.
    let session = |start: &str, end: &str, cancelled| IcsEvent {
        uid: uid(&format!(
            "accmr-municipal-staff-{}",
            at(start).format("%Y%m%dT%H%M")
        )),
        when: When::Once {
            zone: chrono_tz::Europe::Athens,
            start: at(start),
            end: at(end),
        },
        text: EventText {
            summary: "Σεμινάριο για το προσωπικό των δήμων".to_string(),
            lang: Some("el".to_string()),
            ..EventText::default()
        },
        cancelled,
        transparent: false,
    };
    let events = [
        session("2026-10-22 10:00", "2026-10-22 14:00", false),
        session("2026-10-29 10:00", "2026-10-29 14:00", true),
    ];
    let text = calendar("Seminars", "en", stamp(), &events);
    assert!(!text.contains("LOCATION"));
    let found = instances(&read(&text), utc("2027-01-01T00:00:00Z"));
    assert_eq!(
        spans(&found),
        ["2026-10-22T07:00Z 11:00Z", "2026-10-29T08:00Z 12:00Z"]
    );
    assert_eq!(
        found.iter().map(|i| i.cancelled).collect::<Vec<_>>(),
        [false, true]
    );
    assert!(found.iter().all(|i| i.location.is_none()));
}

/// The last Sunday of `month` in `year`, 01:00 UTC: when the EU changes its clocks.
fn eu_change(year: i32, month: u32) -> i64 {
    let next = if month == 12 {
        date(&format!("{}-01-01", year + 1))
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1).expect("a month")
    };
    let mut day = next.pred_opt().expect("a day");
    while day.weekday() != Weekday::Sun {
        day = day.pred_opt().expect("a day");
    }
    day.and_hms_opt(1, 0, 0)
        .expect("01:00")
        .and_utc()
        .timestamp()
}

#[test]
fn the_vtimezones_follow_the_eu_rule_when_read_on_their_own() {
    let mut events = opening_events(
        "soie-progestion-madrid",
        &soie(),
        date("2026-09-01"),
        &soie_text(),
    );
    events.push(IcsEvent {
        uid: uid("athens"),
        when: When::Once {
            zone: chrono_tz::Europe::Athens,
            start: at("2026-10-22 10:00"),
            end: at("2026-10-22 14:00"),
        },
        text: soie_text(),
        cancelled: false,
        transparent: false,
    });
    let ics = read(&calendar("x", "es", stamp(), &events));
    for year in 2026..=2040 {
        let (spring, autumn) = (eu_change(year, 3), eu_change(year, 10));
        for (tzid, winter) in [("Europe/Madrid", 3600), ("Europe/Athens", 7200)] {
            let at = |t| offset_at(&ics, tzid, t);
            assert_eq!(at(spring - 1), Some(winter), "{tzid} before spring {year}");
            assert_eq!(at(spring), Some(winter + 3600), "{tzid} at spring {year}");
            assert_eq!(
                at(autumn - 1),
                Some(winter + 3600),
                "{tzid} before autumn {year}"
            );
            assert_eq!(at(autumn), Some(winter), "{tzid} at autumn {year}");
        }
    }
}

/// Zones with other rules: second and first Sundays (New York), the southern hemisphere
/// (Sydney, Santiago, whose rule is "first Sunday on or after the 2nd"), 45-minute
/// offsets (Chatham), a half-hour change (Lord Howe), Ramadan (Casablanca), a
/// negative-DST zone in the tz database (Dublin), and none at all (Kolkata, São Paulo).
const ZONES: [&str; 10] = [
    "America/New_York",
    "Australia/Sydney",
    "America/Santiago",
    "Pacific/Chatham",
    "Australia/Lord_Howe",
    "Africa/Casablanca",
    "Europe/Dublin",
    "Asia/Kolkata",
    "America/Sao_Paulo",
    "Europe/Madrid",
];

#[test]
fn every_vtimezone_read_on_its_own_gives_the_tz_database_offsets() {
    let events: Vec<IcsEvent> = ZONES
        .iter()
        .map(|name| {
            let zone: Tz = name.parse().expect("a zone");
            IcsEvent {
                uid: uid(name),
                when: When::Weekly {
                    zone,
                    days: vec![Weekday::Mon, Weekday::Thu],
                    opens: time("09:30"),
                    closes: time("12:00"),
                    from: date("2026-01-15"),
                    until: None,
                    except: BTreeSet::new(),
                },
                text: EventText {
                    summary: (*name).to_string(),
                    ..EventText::default()
                },
                cancelled: false,
                transparent: true,
            }
        })
        .collect();
    let text = calendar("zones", "en", stamp(), &events);
    let ics = read(&text);
    // The calendar covers 2026 to two years after the build (2028); zones whose changes
    // follow a yearly rule keep it after that.
    let start = utc("2026-01-01T00:00:00Z").timestamp();
    let covered = utc("2029-01-01T00:00:00Z").timestamp();
    let far = utc("2040-01-01T00:00:00Z").timestamp();
    let mut mismatches = BTreeMap::new();
    for name in ZONES {
        let zone: Tz = name.parse().expect("a zone");
        let ruled = !block(&text, name).contains("RDATE");
        let end = if ruled { far } else { covered };
        for t in (start..end).step_by(1800) {
            let expected = zone
                .offset_from_utc_datetime(&DateTime::from_timestamp(t, 0).expect("t").naive_utc())
                .fix()
                .local_minus_utc();
            if offset_at(&ics, name, t) != Some(expected) {
                mismatches.entry(name).or_insert(t);
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "first mismatch per zone: {mismatches:?}"
    );
    // And the weekly events themselves keep 9:30 local in every zone.
    let found = instances(&ics, utc("2029-01-01T00:00:00Z"));
    for name in ZONES {
        let zone: Tz = name.parse().expect("a zone");
        let mine: Vec<_> = found.iter().filter(|i| i.uid == uid(name)).collect();
        assert!(mine.len() > 300, "{name}: {} instances", mine.len());
        for i in mine {
            let local = i.start.with_timezone(&zone);
            assert_eq!(local.time(), time("09:30"), "{name} {}", i.start);
            assert!(matches!(local.weekday(), Weekday::Mon | Weekday::Thu));
            assert_eq!(i.end - i.start, chrono::TimeDelta::minutes(150));
        }
    }
    // The first instance is the first Monday or Thursday on or after 15 January 2026.
    let first = found.iter().find(|i| i.uid == uid("Europe/Madrid"));
    assert_eq!(
        first.map(|i| i
            .start
            .with_timezone(&chrono_tz::Europe::Madrid)
            .date_naive()),
        Some(date("2026-01-15"))
    );
}

/// The `VTIMEZONE` block of `tzid` in a calendar's text.
fn block<'a>(text: &'a str, tzid: &str) -> &'a str {
    let start = text
        .find(&format!("TZID:{tzid}\r\n"))
        .expect("the zone's VTIMEZONE");
    let len = text[start..].find("END:VTIMEZONE").expect("its end");
    &text[start..start + len]
}

#[test]
fn the_example_soie_opens_next_on_tuesday_and_its_calendar_reads_back() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = puerta::config::Config::load(root).expect("the example configuration");
    let (directory, problems) = puerta::directory::Directory::load(&config);
    assert!(problems.is_empty(), "{problems:?}");
    let soie = directory
        .openings
        .iter()
        .find(|o| directory.services[o.service].id == "soie")
        .expect("the SOIE's opening");
    // The build clock is Thursday 26 November 2026.
    let next = soie.opening.next(stamp(), 2);
    let words = |lang| puerta::schedule::format_next(lang, &next[0]);
    assert_eq!(words("es"), "martes, 1 de diciembre, 9:00–13:00");
    assert_eq!(words("el"), "Τρίτη 1 Δεκεμβρίου, 9:00–13:00");
    assert_eq!(words("en"), "Tuesday 1 December, 9:00–13:00");
    let events = opening_events("soie", &soie.opening, date("2026-11-26"), &soie_text());
    let ics = read(&calendar("SOIE", "en", stamp(), &events));
    let found = instances(&ics, utc("2027-01-01T00:00:00Z"));
    assert_eq!(spans(&found[..1]), ["2026-12-01T08:00Z 12:00Z"]);
    // Holidays may drop some Tuesdays; the others are at 9:00–13:00 Madrid winter time.
    assert!(found
        .iter()
        .all(|i| i.start.format("%a %H:%M").to_string() == "Tue 08:00"
            && i.end - i.start == chrono::TimeDelta::hours(4)));
}
