//! Expansion of an [`Opening`] into dated [`Occurrence`]s: the sessions a reader can
//! come to, relative to the build clock.
//!
//! Input: a validated schedule and a window (or "now" and a count). Output: openings in
//! the schedule's zone, in time order. Times are wall-clock times, so "9:00" is 9:00 in
//! winter and in summer; a local time that does not exist or exists twice on a
//! daylight-saving day is read the way RFC 5545 §3.3.5 reads it, so that the pages and
//! the `.ics` files agree with calendar programs.
//!
//! Precedence, the same as in the HSDS export: a closed date (holidays included) closes
//! the whole day, even when it also has changed hours; changed hours replace the weekly
//! rules of their date and apply even outside the validity range (they name their date
//! explicitly); the validity range bounds the weekly rules.

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime};
use chrono::{Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::{GapInfo, Tz};

use super::Opening;

/// How far [`Opening::next`] looks ahead, in days: a bit more than a year, so that a
/// yearly opening is found and a schedule that never opens again still ends the search.
pub const HORIZON_DAYS: u64 = 400;

/// One opening on one day, in the schedule's zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The local date the opening belongs to.
    pub date: NaiveDate,
    /// When it opens.
    pub start: DateTime<Tz>,
    /// When it closes (after `start`).
    pub end: DateTime<Tz>,
}

impl Occurrence {
    /// Whether the place is open at `t`: from `start` (included) to `end` (excluded).
    pub fn is_open_at(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t < self.end
    }
}

impl Opening {
    /// The hours of `date` as (opens, closes) local times, in order: the changed hours
    /// of that date, or else the weekly rules that fall on its weekday within the
    /// validity range; none on a closed date.
    pub fn hours_on(&self, date: NaiveDate) -> Vec<(NaiveTime, NaiveTime)> {
        if self.closed.contains(&date) {
            return Vec::new();
        }
        if let Some(hours) = self.changed.get(&date) {
            return vec![*hours];
        }
        let in_range =
            self.valid_from.is_none_or(|f| f <= date) && self.valid_until.is_none_or(|u| date <= u);
        if !in_range {
            return Vec::new();
        }
        let mut hours: Vec<(NaiveTime, NaiveTime)> = self
            .rules
            .iter()
            .filter(|rule| rule.days.contains(&date.weekday()))
            .map(|rule| (rule.opens, rule.closes))
            .collect();
        hours.sort();
        hours.dedup();
        hours
    }

    /// The openings of one local date, in order.
    pub fn on_date(&self, date: NaiveDate) -> Vec<Occurrence> {
        self.hours_on(date)
            .into_iter()
            .filter_map(|(opens, closes)| self.occurrence(date, opens, closes))
            .collect()
    }

    /// Every opening that overlaps the window from `from` (included) to `until`
    /// (excluded), in order; one in progress at `from` is included.
    pub fn occurrences(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Vec<Occurrence> {
        if until <= from {
            return Vec::new();
        }
        // The day before, for an opening that started then and has not ended yet.
        let first = from.with_timezone(&self.zone).date_naive().pred_opt();
        let last = until.with_timezone(&self.zone).date_naive();
        let Some(first) = first else {
            return Vec::new();
        };
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .flat_map(|d| self.on_date(d))
            .filter(|o| o.end > from && o.start < until)
            .collect()
    }

    /// The next `n` openings at `now`, in order, searching [`HORIZON_DAYS`] ahead. An
    /// opening in progress at `now` comes first, so "open now" is
    /// `next(now, 1)[0].is_open_at(now)`.
    pub fn next(&self, now: DateTime<Utc>, n: usize) -> Vec<Occurrence> {
        let Some(first) = now.with_timezone(&self.zone).date_naive().pred_opt() else {
            return Vec::new();
        };
        let mut found = Vec::new();
        if n == 0 {
            return found;
        }
        // One day more than the horizon: the search starts the day before today.
        for date in first.iter_days().take(HORIZON_DAYS as usize + 1) {
            for o in self.on_date(date) {
                if o.end > now {
                    found.push(o);
                    if found.len() == n {
                        return found;
                    }
                }
            }
        }
        found
    }

    /// The opening of `date` from `opens` to `closes`; a closing time not after the
    /// opening time is on the next day (an overnight opening).
    fn occurrence(
        &self,
        date: NaiveDate,
        opens: NaiveTime,
        closes: NaiveTime,
    ) -> Option<Occurrence> {
        let end_date = if closes <= opens {
            date.checked_add_days(Days::new(1))?
        } else {
            date
        };
        let start = resolve_local(self.zone, date.and_time(opens))?;
        let end = resolve_local(self.zone, end_date.and_time(closes))?;
        (end > start).then_some(Occurrence { date, start, end })
    }
}

/// The instant of a local wall-clock time in `zone`, as RFC 5545 §3.3.5 reads a
/// `TZID` date-time: a time that occurs twice (clocks go back) is the first one; a time
/// that does not occur (clocks go forward) is read with the offset in effect before
/// the gap, which moves it forward by the length of the gap (2:30 becomes 3:30).
pub fn resolve_local(zone: Tz, time: NaiveDateTime) -> Option<DateTime<Tz>> {
    match zone.from_local_datetime(&time) {
        LocalResult::Single(t) => Some(t),
        LocalResult::Ambiguous(a, b) => Some(a.min(b)),
        LocalResult::None => {
            let (_, before) = GapInfo::new(&time, &zone)?.begin?;
            let seconds = before.fix().local_minus_utc();
            let utc = time.checked_sub_signed(TimeDelta::seconds(i64::from(seconds)))?;
            Some(zone.from_utc_datetime(&utc))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use chrono::Weekday;

    use super::*;
    use crate::schedule::Rule;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    fn time(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").expect("test time")
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().expect("test instant")
    }

    /// SOIE: Tuesdays 9:00–13:00 in Madrid.
    fn tuesdays() -> Opening {
        Opening {
            zone: chrono_tz::Europe::Madrid,
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

    fn starts(list: &[Occurrence]) -> Vec<String> {
        list.iter().map(|o| o.start.to_rfc3339()).collect()
    }

    #[test]
    fn keeps_the_local_time_across_the_autumn_change() {
        let list = tuesdays().occurrences(utc("2026-10-15T00:00:00Z"), utc("2026-11-04T00:00:00Z"));
        assert_eq!(
            starts(&list),
            [
                "2026-10-20T09:00:00+02:00",
                "2026-10-27T09:00:00+01:00",
                "2026-11-03T09:00:00+01:00",
            ]
        );
        assert_eq!(list[1].end.to_rfc3339(), "2026-10-27T13:00:00+01:00");
        assert_eq!(list[1].date, date("2026-10-27"));
    }

    #[test]
    fn next_counts_an_opening_in_progress() {
        let o = tuesdays();
        let now = utc("2026-12-01T10:00:00Z"); // Tuesday 11:00 in Madrid
        let next = o.next(now, 2);
        assert_eq!(
            starts(&next),
            ["2026-12-01T09:00:00+01:00", "2026-12-08T09:00:00+01:00"]
        );
        assert!(next[0].is_open_at(now));
        let after = o.next(utc("2026-12-01T12:00:00Z"), 1);
        assert_eq!(starts(&after), ["2026-12-08T09:00:00+01:00"]);
        assert!(!after[0].is_open_at(utc("2026-12-01T12:00:00Z")));
        assert!(o.next(now, 0).is_empty());
    }

    #[test]
    fn skips_closed_dates_and_uses_changed_hours() {
        let mut o = tuesdays();
        o.closed.insert(date("2026-12-08"));
        o.changed
            .insert(date("2026-12-15"), (time("10:00"), time("12:00")));
        // Changed hours on a day without a rule add an opening.
        o.changed
            .insert(date("2026-12-19"), (time("10:00"), time("11:00")));
        // Closed wins over changed hours, as in the HSDS export.
        o.closed.insert(date("2026-12-22"));
        o.changed
            .insert(date("2026-12-22"), (time("10:00"), time("12:00")));
        let list = o.next(utc("2026-12-02T00:00:00Z"), 4);
        assert_eq!(
            list.iter()
                .map(|o| format!("{} {}", o.start.format("%F %H:%M"), o.end.format("%H:%M")))
                .collect::<Vec<_>>(),
            [
                "2026-12-15 10:00 12:00",
                "2026-12-19 10:00 11:00",
                "2026-12-29 09:00 13:00",
                "2027-01-05 09:00 13:00",
            ]
        );
    }

    #[test]
    fn honours_the_validity_range() {
        let mut o = tuesdays();
        o.valid_from = Some(date("2026-12-10"));
        o.valid_until = Some(date("2026-12-22"));
        o.changed
            .insert(date("2027-01-07"), (time("09:00"), time("10:00")));
        let list = o.next(utc("2026-11-01T00:00:00Z"), 10);
        assert_eq!(
            list.iter().map(|o| o.date.to_string()).collect::<Vec<_>>(),
            ["2026-12-15", "2026-12-22", "2027-01-07"]
        );
    }

    #[test]
    fn an_empty_schedule_ends_the_search() {
        let mut o = tuesdays();
        o.rules.clear();
        assert!(o.next(utc("2026-11-26T12:00:00Z"), 3).is_empty());
        let mut o = tuesdays();
        o.valid_until = Some(date("2020-01-01"));
        assert!(o.next(utc("2026-11-26T12:00:00Z"), 3).is_empty());
    }

    #[test]
    fn finds_nothing_beyond_the_horizon() {
        let mut o = tuesdays();
        o.valid_from = Some(date("2028-06-01"));
        assert!(o.next(utc("2026-11-26T12:00:00Z"), 1).is_empty());
        o.valid_from = Some(date("2027-12-01"));
        assert_eq!(o.next(utc("2026-11-26T12:00:00Z"), 1).len(), 1);
    }

    #[test]
    fn orders_several_rules_on_one_day() {
        let mut o = tuesdays();
        o.rules.push(Rule {
            days: vec![Weekday::Mon, Weekday::Tue],
            opens: time("16:00"),
            closes: time("18:00"),
        });
        o.rules.push(o.rules[0].clone());
        let list = o.on_date(date("2026-12-01"));
        assert_eq!(
            starts(&list),
            ["2026-12-01T09:00:00+01:00", "2026-12-01T16:00:00+01:00"]
        );
        let window = o.occurrences(utc("2026-11-30T00:00:00Z"), utc("2026-12-02T00:00:00Z"));
        assert_eq!(window.len(), 3);
        assert!(window.windows(2).all(|w| w[0].start <= w[1].start));
    }

    #[test]
    fn an_overnight_opening_in_progress_counts() {
        let mut o = tuesdays();
        o.rules[0] = Rule {
            days: vec![Weekday::Mon],
            opens: time("22:00"),
            closes: time("06:00"),
        };
        // Tuesday 1 December, 3:00 in Madrid: Monday's night opening is in progress.
        let now = utc("2026-12-01T02:00:00Z");
        let next = o.next(now, 1);
        assert_eq!(next[0].date, date("2026-11-30"));
        assert_eq!(next[0].end.to_rfc3339(), "2026-12-01T06:00:00+01:00");
        assert!(next[0].is_open_at(now));
        let window = o.occurrences(now, utc("2026-12-01T03:00:00Z"));
        assert_eq!(window, next);
    }

    #[test]
    fn reads_times_in_a_gap_or_an_overlap_as_rfc_5545_does() {
        let madrid = chrono_tz::Europe::Madrid;
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%F %H:%M").expect("test time");
        // 29 March 2026: 2:00 → 3:00. 2:30 does not exist: read with +01:00.
        let gap = resolve_local(madrid, at("2026-03-29 02:30")).expect("resolves");
        assert_eq!(gap.to_rfc3339(), "2026-03-29T03:30:00+02:00");
        // 25 October 2026: 3:00 → 2:00. 2:30 happens twice: the first one.
        let twice = resolve_local(madrid, at("2026-10-25 02:30")).expect("resolves");
        assert_eq!(twice.to_rfc3339(), "2026-10-25T02:30:00+02:00");
        let mut o = tuesdays();
        o.rules[0].days = vec![Weekday::Sun];
        o.rules[0].opens = time("02:30");
        o.rules[0].closes = time("04:00");
        let spring = o.on_date(date("2026-03-29"));
        assert_eq!(spring[0].start.to_rfc3339(), "2026-03-29T03:30:00+02:00");
        assert_eq!(spring[0].end.to_rfc3339(), "2026-03-29T04:00:00+02:00");
    }

    #[test]
    fn an_empty_or_reversed_window_is_empty() {
        let o = tuesdays();
        let t = utc("2026-12-01T10:00:00Z");
        assert!(o.occurrences(t, t).is_empty());
        assert!(o.occurrences(t, utc("2026-11-01T00:00:00Z")).is_empty());
    }
}
