//! Schedules in words, per language, for pages that work without JavaScript.
//!
//! Input: an [`Occurrence`] or an [`Opening`] and a site language tag. Output: text
//! ("martes, 2 de diciembre, 9:00–13:00") or small structures that templates lay out
//! ([`RuleText`]). Dates and times come from [`crate::i18n::dates`], so that every page
//! writes them the same way.

use chrono::Weekday;
use serde::Serialize;

use super::{Occurrence, Opening};
use crate::i18n::dates;

/// The next session in words: es "martes, 2 de diciembre, 9:00–13:00", el "Τρίτη 2
/// Δεκεμβρίου, 9:00–13:00", en "Tuesday 2 December, 9:00–13:00". The times are the
/// local ones of the schedule's zone.
pub fn format_next(lang: &str, occurrence: &Occurrence) -> String {
    let day = dates::weekday_day_month(lang, occurrence.date);
    let hours = dates::time_range(lang, occurrence.start.time(), occurrence.end.time());
    format!("{day}, {hours}")
}

/// One weekly rule in words, for a table of opening hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleText {
    /// Weekday names, Monday first, as they stand alone in a schedule ("martes").
    pub days: Vec<&'static str>,
    /// The days as one phrase: runs of three or more days become a range ("lunes a
    /// viernes", "Δευτέρα έως Παρασκευή", "Monday to Friday"), the rest a list
    /// ("lunes y miércoles").
    pub days_text: String,
    /// The hours, "9:00–13:00".
    pub hours: String,
    /// Both: "martes 9:00–13:00", "Monday to Friday 9:00–14:00".
    pub text: String,
}

/// The weekly rules of `opening` in words, in the order written. Spanish weekday names
/// stay in lower case, as CLDR writes them: a template that starts a sentence or a
/// table cell with one capitalizes it. Closed dates, changed hours and the validity
/// range are left to the caller, who has them in `opening`.
pub fn format_rules(lang: &str, opening: &Opening) -> Vec<RuleText> {
    opening
        .rules
        .iter()
        .filter(|rule| !rule.days.is_empty())
        .map(|rule| {
            let mut days = rule.days.clone();
            days.sort_by_key(Weekday::num_days_from_monday);
            days.dedup();
            let days_text = days_phrase(lang, &days);
            let hours = dates::time_range(lang, rule.opens, rule.closes);
            RuleText {
                days: days.iter().map(|d| dates::weekday_name(lang, *d)).collect(),
                text: format!("{days_text} {hours}"),
                days_text,
                hours,
            }
        })
        .collect()
}

/// `days` (sorted, Monday first, no repeats) as a phrase of ranges and a list.
fn days_phrase(lang: &str, days: &[Weekday]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len()
            && days[j + 1].num_days_from_monday() == days[j].num_days_from_monday() + 1
        {
            j += 1;
        }
        let (first, last) = (days[i], days[j]);
        if j - i >= 2 {
            parts.push(range_phrase(lang, first, last));
            i = j + 1;
        } else {
            parts.push(dates::weekday_name(lang, first).to_string());
            i += 1;
        }
    }
    join_list(lang, &parts)
}

/// "lunes a viernes", "Δευτέρα έως Παρασκευή", "Monday to Friday".
fn range_phrase(lang: &str, first: Weekday, last: Weekday) -> String {
    let (a, b) = (
        dates::weekday_name(lang, first),
        dates::weekday_name(lang, last),
    );
    match primary(lang) {
        "es" => format!("{a} a {b}"),
        "el" => format!("{a} έως {b}"),
        _ => format!("{a} to {b}"),
    }
}

/// A list with the language's last conjunction: "a, b y c", "a, b και c", "a, b and c"
/// (no serial comma: British usage). Weekday names never start with an i-sound, so the
/// Spanish "y" never turns into "e".
fn join_list(lang: &str, parts: &[String]) -> String {
    let and = match primary(lang) {
        "es" => " y ",
        "el" => " και ",
        _ => " and ",
    };
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// The primary language subtag in lower case (`es-ES` → `es`), as the dates module
/// reads it; anything else is written as English.
fn primary(lang: &str) -> &'static str {
    let p = lang.split(['-', '_']).next().unwrap_or("");
    if p.eq_ignore_ascii_case("es") {
        "es"
    } else if p.eq_ignore_ascii_case("el") {
        "el"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use chrono::{NaiveDate, NaiveTime, TimeZone};

    use super::*;
    use crate::schedule::Rule;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("test time")
    }

    fn opening(rules: Vec<Rule>) -> Opening {
        Opening {
            zone: chrono_tz::Europe::Madrid,
            rules,
            valid_from: None,
            valid_until: None,
            closed: BTreeSet::new(),
            changed: BTreeMap::new(),
        }
    }

    fn rule(days: &[Weekday], opens: NaiveTime, closes: NaiveTime) -> Rule {
        Rule {
            days: days.to_vec(),
            opens,
            closes,
        }
    }

    #[test]
    fn writes_the_next_session_in_each_language() {
        let zone = chrono_tz::Europe::Madrid;
        let at = |h| {
            zone.with_ymd_and_hms(2026, 12, 1, h, 0, 0)
                .single()
                .expect("time")
        };
        let o = Occurrence {
            date: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            start: at(9),
            end: at(13),
        };
        assert_eq!(format_next("es", &o), "martes, 1 de diciembre, 9:00–13:00");
        assert_eq!(format_next("el", &o), "Τρίτη 1 Δεκεμβρίου, 9:00–13:00");
        assert_eq!(format_next("en", &o), "Tuesday 1 December, 9:00–13:00");
    }

    #[test]
    fn writes_a_weekly_rule_in_each_language() {
        let o = opening(vec![rule(&[Weekday::Tue], time(9, 0), time(13, 0))]);
        let es = format_rules("es", &o);
        assert_eq!(es[0].days, ["martes"]);
        assert_eq!(es[0].hours, "9:00–13:00");
        assert_eq!(es[0].text, "martes 9:00–13:00");
        assert_eq!(format_rules("el", &o)[0].text, "Τρίτη 9:00–13:00");
        assert_eq!(format_rules("en", &o)[0].text, "Tuesday 9:00–13:00");
    }

    #[test]
    fn makes_ranges_of_three_or_more_days_and_lists_of_the_rest() {
        use Weekday::*;
        let o = opening(vec![
            rule(&[Fri, Mon, Wed, Tue, Thu], time(9, 0), time(14, 0)),
            rule(&[Mon, Wed], time(16, 0), time(18, 30)),
            rule(&[Mon, Tue, Thu, Fri, Sat], time(8, 0), time(9, 0)),
            rule(&[Sat, Sun], time(10, 0), time(12, 0)),
        ]);
        let texts = |lang| {
            format_rules(lang, &o)
                .into_iter()
                .map(|r| r.days_text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts("es"),
            [
                "lunes a viernes",
                "lunes y miércoles",
                "lunes, martes y jueves a sábado",
                "sábado y domingo",
            ]
        );
        assert_eq!(
            texts("el"),
            [
                "Δευτέρα έως Παρασκευή",
                "Δευτέρα και Τετάρτη",
                "Δευτέρα, Τρίτη και Πέμπτη έως Σάββατο",
                "Σάββατο και Κυριακή",
            ]
        );
        assert_eq!(
            texts("en"),
            [
                "Monday to Friday",
                "Monday and Wednesday",
                "Monday, Tuesday and Thursday to Saturday",
                "Saturday and Sunday",
            ]
        );
    }

    #[test]
    fn leaves_out_rules_without_days() {
        let o = opening(vec![rule(&[], time(9, 0), time(13, 0))]);
        assert!(format_rules("en", &o).is_empty());
    }
}
