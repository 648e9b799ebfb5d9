//! `VTIMEZONE` components (RFC 5545 §3.6.5) derived from the tz database that
//! `chrono-tz` compiles in, for the `.ics` writer.
//!
//! Input: a zone and the years a calendar covers. Output: the content lines of one
//! `VTIMEZONE`. The offsets are not copied from a table of known zones: the zone's
//! transitions (changes of offset) are found by sampling its offset every day and
//! bisecting to the second. Transitions of one kind (same offsets before and after,
//! same name) that fall every year on the same weekday of the same month at the same
//! wall-clock time ("last Sunday of March, 2:00"), checked over 28 years, become one
//! component with a yearly `RRULE`, which also holds for the years after the ones
//! covered; other transitions of the years covered are listed one by one as `RDATE`s
//! (after them, the last offset holds).

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// Sampling step: a day. Two transitions less than a day apart that cancel out would
/// be missed; the tz database has none since the 1940s.
const STEP_SECONDS: i64 = 24 * 3600;

/// What is in effect at an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    /// Seconds east of UTC.
    offset: i32,
    /// Seconds of daylight-saving time in `offset`: positive in summer time, negative
    /// in the tz database's "negative DST" (Irish winter time, Moroccan Ramadan time).
    dst: i64,
    /// Abbreviation, e.g. `CEST`.
    name: Option<String>,
}

impl State {
    /// What the scan compares.
    fn key(&self) -> (i32, i64) {
        (self.offset, self.dst)
    }
}

/// A change of [`State`] at `at` (seconds since the epoch, UTC).
#[derive(Debug, Clone)]
struct Transition {
    at: i64,
    from: State,
    to: State,
}

/// Years over which a yearly rule is checked before it is trusted beyond the years
/// covered: in 28 years a date falls on every weekday, so a rule like "first Sunday on
/// or after the 2nd" cannot pass for "first Sunday of the month".
const RULE_CHECK_YEARS: i32 = 28;

/// The content lines (unfolded, without line ends) of the `VTIMEZONE` of `zone` for the
/// years `first_year..=last_year`. `earliest` is the first instant the calendar uses:
/// when it comes before the first transition found, a component gives the offset in
/// effect from the start of the scan.
pub(super) fn vtimezone(
    zone: Tz,
    first_year: i32,
    last_year: i32,
    earliest: Option<i64>,
) -> Vec<String> {
    // One year before: the offset in effect on 1 January comes from last year's change.
    let scan_first = first_year.saturating_sub(1);
    let check_last = last_year.max(scan_first.saturating_add(RULE_CHECK_YEARS));
    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", zone.name()),
    ];
    let range = (
        year_start(scan_first),
        year_start(last_year.saturating_add(1)),
        year_start(check_last.saturating_add(1)),
    );
    let (Some(start), Some(covered_end), Some(end)) = range else {
        lines.push("END:VTIMEZONE".to_string());
        return lines;
    };
    let found = transitions(zone, start, end);
    let needs_initial = match (found.first(), earliest) {
        (None, _) => true,
        (Some(first), Some(e)) => e < first.at,
        (Some(_), None) => false,
    };
    if needs_initial {
        if let Some(state) = observe(zone, start) {
            let onset = local(start, state.offset);
            component(&mut lines, &state, &state, onset, &[]);
        }
    }
    for group in groups(&found) {
        let onsets: Vec<NaiveDateTime> = group
            .iter()
            .filter_map(|t| local(t.at, t.from.offset))
            .collect();
        let (from, to) = (&group[0].from, &group[0].to);
        if let Some(rule) = yearly_rule(&onsets) {
            let last = group.last().map_or(0, |t| t.at);
            let stops = onsets.last().is_some_and(|o| o.year() < check_last);
            let rule = if stops {
                format!("RRULE:{rule};UNTIL={}", utc_stamp(last))
            } else {
                format!("RRULE:{rule}")
            };
            component(&mut lines, from, to, onsets.first().copied(), &[rule]);
            continue;
        }
        // No rule: the onsets of the years covered, one by one.
        let covered: Vec<NaiveDateTime> = group
            .iter()
            .zip(&onsets)
            .filter(|(t, _)| t.at < covered_end)
            .map(|(_, o)| *o)
            .collect();
        if let Some((first, rest)) = covered.split_first() {
            let rdates: Vec<String> = rest
                .iter()
                .map(|o| format!("RDATE:{}", stamp(*o)))
                .collect();
            component(&mut lines, from, to, Some(*first), &rdates);
        }
    }
    lines.push("END:VTIMEZONE".to_string());
    lines
}

/// Appends one `STANDARD` or `DAYLIGHT` component. Summer time is `DAYLIGHT`; where
/// the tz database uses negative DST, the components are named the way its
/// "rearguard" form and most calendar programs see them: the negative-DST offset is
/// standard time, and the return to the base offset is daylight time. Programs go by
/// the offsets; the names only label them.
fn component(
    lines: &mut Vec<String>,
    from: &State,
    to: &State,
    onset: Option<NaiveDateTime>,
    extra: &[String],
) {
    let Some(onset) = onset else {
        return;
    };
    let daylight = to.dst > 0 || (to.dst == 0 && from.dst < 0);
    let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
    lines.push(format!("BEGIN:{kind}"));
    lines.push(format!("DTSTART:{}", stamp(onset)));
    lines.push(format!("TZOFFSETFROM:{}", utc_offset(from.offset)));
    lines.push(format!("TZOFFSETTO:{}", utc_offset(to.offset)));
    if let Some(name) = &to.name {
        lines.push(format!("TZNAME:{name}"));
    }
    lines.extend(extra.iter().cloned());
    lines.push(format!("END:{kind}"));
}

/// Transitions of the same kind, in the order their first one happens.
fn groups(found: &[Transition]) -> Vec<Vec<Transition>> {
    let mut out: Vec<Vec<Transition>> = Vec::new();
    for t in found {
        match out
            .iter_mut()
            .find(|g| g[0].from == t.from && g[0].to == t.to)
        {
            Some(g) => g.push(t.clone()),
            None => out.push(vec![t.clone()]),
        }
    }
    out
}

/// A yearly rule for local onsets (at least two) that fall in consecutive years on the
/// same weekday of the same month at the same time: the last such weekday of the month
/// (`FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`), the n-th one (`BYDAY=2SU`), or the first one
/// on or after a day (`BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8`, the tz database's
/// `Sun>=2`).
fn yearly_rule(onsets: &[NaiveDateTime]) -> Option<String> {
    let [first, _, ..] = onsets else {
        return None;
    };
    let same = onsets.iter().all(|o| {
        o.month() == first.month() && o.weekday() == first.weekday() && o.time() == first.time()
    });
    let consecutive = onsets.windows(2).all(|w| w[1].year() == w[0].year() + 1);
    if !same || !consecutive {
        return None;
    }
    let day = super::ics::day_code(first.weekday());
    let month = first.month();
    let is_last = |o: &NaiveDateTime| {
        o.date()
            .checked_add_days(chrono::Days::new(7))
            .is_some_and(|d| d.month() != o.month())
    };
    if onsets.iter().all(is_last) {
        return Some(format!("FREQ=YEARLY;BYMONTH={month};BYDAY=-1{day}"));
    }
    let low = onsets.iter().map(Datelike::day).min()?;
    let high = onsets.iter().map(Datelike::day).max()?;
    if high - low > 6 {
        return None;
    }
    if (low - 1) % 7 == 0 {
        let nth = (low - 1) / 7 + 1;
        return Some(format!("FREQ=YEARLY;BYMONTH={month};BYDAY={nth}{day}"));
    }
    let days: Vec<String> = (low..low + 7).map(|d| d.to_string()).collect();
    Some(format!(
        "FREQ=YEARLY;BYMONTH={month};BYDAY={day};BYMONTHDAY={}",
        days.join(",")
    ))
}

/// Every transition of `zone` from `start` to `end` (seconds since the epoch): changes
/// of offset or of daylight-saving time (a change of abbreviation alone does not matter
/// to a calendar, and comparing numbers keeps the scan cheap).
fn transitions(zone: Tz, start: i64, end: i64) -> Vec<Transition> {
    let mut out = Vec::new();
    let Some(mut current) = observe(zone, start) else {
        return out;
    };
    let mut t = start;
    while t < end {
        let next = t.saturating_add(STEP_SECONDS).min(end);
        if offsets(zone, next) == Some(current.key()) {
            t = next;
            continue;
        }
        // The offsets differ at `next`: bisect to the first second that differs.
        let (mut lo, mut hi) = (t, next);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if offsets(zone, mid) == Some(current.key()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let Some(to) = observe(zone, hi) else {
            break;
        };
        out.push(Transition {
            at: hi,
            from: current,
            to: to.clone(),
        });
        current = to;
        t = hi;
    }
    out
}

/// The state of `zone` at `t` (seconds since the epoch).
fn observe(zone: Tz, t: i64) -> Option<State> {
    let utc = DateTime::from_timestamp(t, 0)?.naive_utc();
    let offset = zone.offset_from_utc_datetime(&utc);
    Some(State {
        offset: offset.fix().local_minus_utc(),
        dst: offset.dst_offset().num_seconds(),
        name: offset.abbreviation().map(str::to_string),
    })
}

/// The offset and daylight-saving seconds of `zone` at `t`, as [`State::key`].
fn offsets(zone: Tz, t: i64) -> Option<(i32, i64)> {
    let utc = DateTime::from_timestamp(t, 0)?.naive_utc();
    let offset = zone.offset_from_utc_datetime(&utc);
    Some((
        offset.fix().local_minus_utc(),
        offset.dst_offset().num_seconds(),
    ))
}

/// 1 January of `year`, 00:00 UTC, in seconds since the epoch.
fn year_start(year: i32) -> Option<i64> {
    let date = NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

/// The wall-clock time at `t` under `offset` seconds east of UTC.
fn local(t: i64, offset: i32) -> Option<NaiveDateTime> {
    let utc = DateTime::from_timestamp(t, 0)?.naive_utc();
    utc.checked_add_signed(TimeDelta::seconds(i64::from(offset)))
}

/// A local date-time value, `20260329T020000`.
fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// A UTC date-time value, `20261025T010000Z`.
fn utc_stamp(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .map_or_else(String::new, |d| d.format("%Y%m%dT%H%M%SZ").to_string())
}

/// A UTC offset value: `+0100`, `-0330`, `+053728` (seconds only when there are any);
/// zero is `+0000`, as RFC 5545 forbids `-0000`.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(zone: Tz, first: i32, last: i32) -> String {
        vtimezone(zone, first, last, None).join("\n")
    }

    #[test]
    fn gives_european_zones_last_sunday_rules() {
        let madrid = block(chrono_tz::Europe::Madrid, 2026, 2026);
        assert_eq!(
            madrid,
            "BEGIN:VTIMEZONE\nTZID:Europe/Madrid\n\
             BEGIN:DAYLIGHT\nDTSTART:20250330T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n\
             TZNAME:CEST\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\n\
             BEGIN:STANDARD\nDTSTART:20251026T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n\
             TZNAME:CET\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\n\
             END:VTIMEZONE"
        );
        let athens = block(chrono_tz::Europe::Athens, 2026, 2027);
        assert!(athens.contains("DTSTART:20250330T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0300"));
        assert!(athens.contains("DTSTART:20251026T040000\nTZOFFSETFROM:+0300\nTZOFFSETTO:+0200"));
    }

    #[test]
    fn finds_the_nth_sunday_rules_of_north_america() {
        let ny = block(chrono_tz::America::New_York, 2026, 2027);
        assert!(ny.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"), "{ny}");
        assert!(
            ny.contains("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"),
            "{ny}"
        );
    }

    #[test]
    fn finds_first_sunday_on_or_after_rules_of_chile() {
        // Chile changes on the first Sunday on or after the 2nd of April and September,
        // which is not always the first Sunday of the month (1 April 2029 is a Sunday).
        let santiago = block(chrono_tz::America::Santiago, 2026, 2026);
        assert!(
            santiago.contains("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8"),
            "{santiago}"
        );
    }

    #[test]
    fn names_irish_summer_time_daylight_time() {
        // The tz database gives Ireland a negative DST in winter; calendars call the
        // summer offset daylight time.
        let dublin = block(chrono_tz::Europe::Dublin, 2026, 2026);
        assert!(
            dublin.contains(
                "BEGIN:DAYLIGHT\nDTSTART:20250330T010000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0100"
            ),
            "{dublin}"
        );
        assert!(
            dublin.contains(
                "BEGIN:STANDARD\nDTSTART:20251026T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0000"
            ),
            "{dublin}"
        );
    }

    #[test]
    fn a_zone_without_changes_has_one_standard_component() {
        let tokyo = block(chrono_tz::Asia::Tokyo, 2026, 2026);
        assert_eq!(
            tokyo,
            "BEGIN:VTIMEZONE\nTZID:Asia/Tokyo\nBEGIN:STANDARD\nDTSTART:20250101T090000\n\
             TZOFFSETFROM:+0900\nTZOFFSETTO:+0900\nTZNAME:JST\nEND:STANDARD\nEND:VTIMEZONE"
        );
    }

    #[test]
    fn lists_irregular_transitions_one_by_one() {
        // Morocco leaves its usual offset during Ramadan, whose dates follow the moon.
        let casablanca = block(chrono_tz::Africa::Casablanca, 2026, 2027);
        assert!(casablanca.contains("RDATE:"), "{casablanca}");
        assert!(!casablanca.contains("RRULE:"), "{casablanca}");
    }

    #[test]
    fn starts_with_the_offset_in_effect_when_events_precede_every_change() {
        let start = year_start(2025).unwrap_or_default();
        let lines = vtimezone(chrono_tz::Europe::Madrid, 2026, 2026, Some(start));
        assert_eq!(lines[2], "BEGIN:STANDARD");
        assert_eq!(lines[3], "DTSTART:20250101T010000");
        assert_eq!(lines[4], "TZOFFSETFROM:+0100");
        assert_eq!(lines[5], "TZOFFSETTO:+0100");
    }

    #[test]
    fn writes_offsets_with_sign_and_optional_seconds() {
        assert_eq!(utc_offset(3600), "+0100");
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(-(3 * 3600 + 1800)), "-0330");
        assert_eq!(utc_offset(-(3600 + 15 * 60 + 7)), "-011507");
    }
}
