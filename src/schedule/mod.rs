//! Opening schedules: weekly rules in an IANA zone, validity ranges, closed dates,
//! holidays and changed hours, expanded into sessions relative to the build clock.
//!
//! Stage: model (validation builds an [`Opening`] from the YAML
//! [`crate::directory::types::Schedule`]) and render (expansion into next sessions,
//! iCalendar). Times are local wall-clock times in the schedule's zone, so "Tuesday
//! 9:00" stays 9:00 across a daylight-saving change.
//!
//! Expansion into [`Occurrence`]s lives in `expand`, schedules in words per language in
//! `format`, `.ics` files in [`ics`] (with their `VTIMEZONE`s from `vtimezone`).

mod expand;
mod format;
pub mod ics;
mod vtimezone;

pub use expand::{resolve_local, Occurrence, HORIZON_DAYS};
pub use format::{format_next, format_rules, RuleText};

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;

/// One weekly rule: on these days, from `opens` to `closes` (local time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Days of the week, in the order written.
    pub days: Vec<Weekday>,
    /// Opening time.
    pub opens: NaiveTime,
    /// Closing time, after `opens`.
    pub closes: NaiveTime,
}

/// A validated schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// Zone of every time of the schedule.
    pub zone: Tz,
    /// Weekly rules.
    pub rules: Vec<Rule>,
    /// First day the rules apply.
    pub valid_from: Option<NaiveDate>,
    /// Last day the rules apply.
    pub valid_until: Option<NaiveDate>,
    /// Closed dates, holidays of the listed holiday files included.
    pub closed: BTreeSet<NaiveDate>,
    /// Dates with other hours than the rules give: (opens, closes).
    pub changed: BTreeMap<NaiveDate, (NaiveTime, NaiveTime)>,
}
