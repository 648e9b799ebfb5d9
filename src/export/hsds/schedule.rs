//! A validated [`Opening`] as HSDS `schedule` objects.
//!
//! HSDS 3.0 has no "closed on" field: its guidance for exceptions is to end the regular
//! schedule (`valid_to`) before the exception and to add entries for other hours. So each
//! weekly rule becomes one schedule per stretch of dates between the closed (or changed)
//! days that fall on its weekdays, and each day with changed hours becomes a one-day
//! schedule.
//!
//! Times stay local wall-clock times. HSDS's `timezone` is a fixed UTC offset, which a
//! zone with daylight saving time does not have, so it is given only for zones whose
//! offset never changes; the IANA zone always travels in the `tzid` extension.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Offset, TimeZone, Weekday};
use chrono_tz::Tz;

use super::model::Schedule;
use crate::schedule::Opening;

/// Years scanned for a fixed offset when the schedule has no start or no end.
const OPEN_START_YEAR: i32 = 2000;
const OPEN_END_YEAR: i32 = 2037;
/// At most this many years are scanned.
const MAX_YEARS: i32 = 100;

/// The schedules of `opening`; `id` turns a key unique within the opening into a UUID.
pub(super) fn schedules(opening: &Opening, id: &dyn Fn(&str) -> String) -> Vec<Schedule> {
    let timezone = fixed_offset(opening.zone, opening.valid_from, opening.valid_until);
    let tzid = opening.zone.name().to_string();
    let schedule = |key: &str, from: Option<NaiveDate>, to: Option<NaiveDate>| Schedule {
        id: id(key),
        valid_from: from.map(|d| d.to_string()),
        valid_to: to.map(|d| d.to_string()),
        dtstart: None,
        timezone,
        until: None,
        freq: "WEEKLY",
        byday: String::new(),
        opens_at: String::new(),
        closes_at: String::new(),
        tzid: tzid.clone(),
    };
    let mut out = Vec::new();
    for (i, rule) in opening.rules.iter().enumerate() {
        if rule.days.is_empty() {
            continue;
        }
        let in_range = |d: &NaiveDate| {
            opening.valid_from.is_none_or(|f| f <= *d)
                && opening.valid_until.is_none_or(|u| *d <= u)
        };
        let skipped: BTreeSet<NaiveDate> = opening
            .closed
            .iter()
            .chain(opening.changed.keys())
            .filter(|d| rule.days.contains(&d.weekday()) && in_range(d))
            .copied()
            .collect();
        let mut stretches = Vec::new();
        let mut start = opening.valid_from;
        let mut rest = true;
        for day in skipped {
            if let Some(end) = day.pred_opt() {
                if start.is_none_or(|s| s <= end) {
                    stretches.push((start, Some(end)));
                }
            }
            match day.succ_opt() {
                Some(next) => start = Some(next),
                None => {
                    rest = false;
                    break;
                }
            }
        }
        if rest && start.zip(opening.valid_until).is_none_or(|(s, u)| s <= u) {
            stretches.push((start, opening.valid_until));
        }
        let stretches = stretches
            .into_iter()
            .filter(|(from, to)| has_day(&rule.days, *from, *to));
        for (j, (from, to)) in stretches.enumerate() {
            out.push(Schedule {
                byday: byday(&rule.days),
                opens_at: rule.opens.format("%H:%M").to_string(),
                closes_at: rule.closes.format("%H:%M").to_string(),
                ..schedule(&format!("rule/{i}/{j}"), from, to)
            });
        }
    }
    for (day, (opens, closes)) in &opening.changed {
        if opening.closed.contains(day) {
            continue;
        }
        out.push(Schedule {
            dtstart: Some(day.to_string()),
            until: Some(day.to_string()),
            byday: byday(&[day.weekday()]),
            opens_at: opens.format("%H:%M").to_string(),
            closes_at: closes.format("%H:%M").to_string(),
            ..schedule(&format!("changed/{day}"), Some(*day), Some(*day))
        });
    }
    out
}

/// Whether one of `days` falls between `from` and `to` (a stretch between two closed
/// days may hold none: it is then left out).
fn has_day(days: &[Weekday], from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    let (Some(from), Some(to)) = (from, to) else {
        return true;
    };
    from.iter_days()
        .take_while(|d| *d <= to)
        .take(7)
        .any(|d| days.contains(&d.weekday()))
}

/// `MO,WE`: RFC 5545 day codes.
fn byday(days: &[Weekday]) -> String {
    let codes: Vec<&str> = days
        .iter()
        .map(|d| match d {
            Weekday::Mon => "MO",
            Weekday::Tue => "TU",
            Weekday::Wed => "WE",
            Weekday::Thu => "TH",
            Weekday::Fri => "FR",
            Weekday::Sat => "SA",
            Weekday::Sun => "SU",
        })
        .collect();
    codes.join(",")
}

/// The UTC offset of `zone` in hours if it is the same on every week of the years the
/// schedule covers (an open end scans up to 2037, an open start from 2000): `None` for
/// a zone with daylight saving time or a change of offset in those years.
fn fixed_offset(zone: Tz, from: Option<NaiveDate>, until: Option<NaiveDate>) -> Option<f64> {
    let first = from.map_or(OPEN_START_YEAR, |d| d.year());
    let last = until
        .map_or(OPEN_END_YEAR, |d| d.year())
        .clamp(first, first.saturating_add(MAX_YEARS));
    let mut day = NaiveDate::from_ymd_opt(first, 1, 1)?;
    let offset = zone.offset_from_utc_date(&day).fix().local_minus_utc();
    while day.year() <= last {
        if zone.offset_from_utc_date(&day).fix().local_minus_utc() != offset {
            return None;
        }
        day = day.checked_add_days(Days::new(7))?;
    }
    Some(f64::from(offset) / 3600.0)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use chrono::NaiveTime;

    use super::*;
    use crate::schedule::Rule;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn time(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn tuesdays(zone: Tz) -> Opening {
        Opening {
            zone,
            rules: vec![Rule {
                days: vec![Weekday::Tue],
                opens: time("09:00"),
                closes: time("13:00"),
            }],
            valid_from: None,
            valid_until: None,
            closed: BTreeSet::new(),
            changed: BTreeMap::new(),
        }
    }

    fn key(k: &str) -> String {
        k.to_string()
    }

    #[test]
    fn gives_a_fixed_offset_only_to_zones_without_daylight_saving() {
        assert_eq!(fixed_offset(chrono_tz::UTC, None, None), Some(0.0));
        assert_eq!(
            fixed_offset(chrono_tz::Asia::Kolkata, None, None),
            Some(5.5)
        );
        assert_eq!(fixed_offset(chrono_tz::Europe::Madrid, None, None), None);
        assert_eq!(fixed_offset(chrono_tz::Europe::Athens, None, None), None);
    }

    #[test]
    fn maps_a_weekly_rule_to_rrule_fields() {
        let s = schedules(&tuesdays(chrono_tz::Europe::Madrid), &key);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].freq, s[0].byday.as_str()), ("WEEKLY", "TU"));
        assert_eq!(
            (s[0].opens_at.as_str(), s[0].closes_at.as_str()),
            ("09:00", "13:00")
        );
        assert_eq!((s[0].timezone, s[0].tzid.as_str()), (None, "Europe/Madrid"));
        assert_eq!(
            (s[0].valid_from.as_deref(), s[0].valid_to.as_deref()),
            (None, None)
        );
    }

    #[test]
    fn splits_the_validity_range_around_closed_and_changed_days() {
        let mut o = tuesdays(chrono_tz::UTC);
        o.valid_from = Some(date("2026-01-06"));
        o.valid_until = Some(date("2026-12-29"));
        // Closed on the first day, on a Tuesday, on a Wednesday (no rule: ignored), and on
        // two Tuesdays in a row (the Wednesday-to-Monday stretch between them is dropped).
        o.closed = [
            date("2026-01-06"),
            date("2026-05-05"),
            date("2026-05-06"),
            date("2026-06-02"),
            date("2026-06-09"),
        ]
        .into();
        o.changed = [(date("2026-10-13"), (time("10:00"), time("12:00")))].into();
        let s = schedules(&o, &key);
        let ranges: Vec<(Option<&str>, Option<&str>)> = s
            .iter()
            .map(|s| (s.valid_from.as_deref(), s.valid_to.as_deref()))
            .collect();
        assert_eq!(
            ranges,
            [
                (Some("2026-01-07"), Some("2026-05-04")),
                (Some("2026-05-06"), Some("2026-06-01")),
                (Some("2026-06-10"), Some("2026-10-12")),
                (Some("2026-10-14"), Some("2026-12-29")),
                (Some("2026-10-13"), Some("2026-10-13")),
            ]
        );
        let once = &s[4];
        assert_eq!(
            (once.byday.as_str(), once.opens_at.as_str()),
            ("TU", "10:00")
        );
        assert_eq!(once.until.as_deref(), Some("2026-10-13"));
        assert_eq!(once.timezone, Some(0.0));
        let ids: BTreeSet<&str> = s.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), s.len(), "schedule ids are unique");
    }
}
