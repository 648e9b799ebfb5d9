//! Localized dates, part of the internationalization stage. Input: a calendar date
//! (`chrono::NaiveDate`, a `chrono::Weekday` or a `chrono::NaiveTime`) and a site
//! language tag (`es`, `el`, `en`). Output: the date or time written the way readers of
//! that language expect it.
//!
//! The tables are static copies of the CLDR data for the three languages the site
//! ships. A full CLDR/ICU stack would cost megabytes of data and a heavy dependency for
//! three languages that change slowly; the patterns below are what CLDR gives for
//! `es`, `el` and `en-GB` (day before month: the readers are in Spain and Greece).
//! An unknown language falls back to English: the configuration admits only `es`, `el`
//! and `en`, so that fallback is a safety net, not a feature.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

/// The languages with their own tables; everything else is written as English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Es,
    El,
    En,
}

impl Lang {
    /// Matches on the primary subtag, so that `es-ES` or `el_GR` still find their table.
    fn of(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("es") {
            Lang::Es
        } else if primary.eq_ignore_ascii_case("el") {
            Lang::El
        } else {
            Lang::En
        }
    }
}

/// CLDR `es` stand-alone and format month names: Spanish writes months in lower case.
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// CLDR `el` format (genitive) month names: in a date Greek says "24 of November",
/// so "Νοεμβρίου", never the nominative "Νοέμβριος".
const EL_MONTHS_GENITIVE: [&str; 12] = [
    "Ιανουαρίου",
    "Φεβρουαρίου",
    "Μαρτίου",
    "Απριλίου",
    "Μαΐου",
    "Ιουνίου",
    "Ιουλίου",
    "Αυγούστου",
    "Σεπτεμβρίου",
    "Οκτωβρίου",
    "Νοεμβρίου",
    "Δεκεμβρίου",
];

/// CLDR `en` month names.
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// CLDR `es` weekday names, Monday first (ISO order, as `Weekday::num_days_from_monday`).
const ES_WEEKDAYS: [&str; 7] = [
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// CLDR `el` weekday names, Monday first.
const EL_WEEKDAYS: [&str; 7] = [
    "Δευτέρα",
    "Τρίτη",
    "Τετάρτη",
    "Πέμπτη",
    "Παρασκευή",
    "Σάββατο",
    "Κυριακή",
];

/// CLDR `en` weekday names, Monday first.
const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The month name as it appears inside a date in `lang` (genitive in Greek).
fn month_in_date(lang: Lang, date: NaiveDate) -> &'static str {
    // `month0` is 0..=11 by chrono's contract, so the index is always in bounds.
    let index = date.month0() as usize;
    match lang {
        Lang::Es => ES_MONTHS[index],
        Lang::El => EL_MONTHS_GENITIVE[index],
        Lang::En => EN_MONTHS[index],
    }
}

/// A date written in full the local way (CLDR "long" format): es "24 de noviembre de
/// 2026", el "24 Νοεμβρίου 2026", en "24 November 2026". Days carry no leading zero.
pub fn long_date(lang: &str, date: NaiveDate) -> String {
    let lang = Lang::of(lang);
    let (day, month, year) = (date.day(), month_in_date(lang, date), date.year());
    match lang {
        Lang::Es => format!("{day} de {month} de {year}"),
        Lang::El | Lang::En => format!("{day} {month} {year}"),
    }
}

/// A date with its weekday (CLDR "full" format), for session lists where the day of
/// the week matters more than the date: es "martes, 24 de noviembre de 2026",
/// el "Τρίτη 24 Νοεμβρίου 2026", en "Tuesday, 24 November 2026".
pub fn full_date(lang: &str, date: NaiveDate) -> String {
    let weekday = weekday_name(lang, date.weekday());
    let long = long_date(lang, date);
    match Lang::of(lang) {
        Lang::Es | Lang::En => format!("{weekday}, {long}"),
        Lang::El => format!("{weekday} {long}"),
    }
}

/// A day and month without the year (CLDR "MMMMd"), for dates near enough that the
/// year goes without saying, such as the next session of a service: es "2 de
/// diciembre", el "2 Δεκεμβρίου", en "2 December".
pub fn day_month(lang: &str, date: NaiveDate) -> String {
    let lang = Lang::of(lang);
    let (day, month) = (date.day(), month_in_date(lang, date));
    match lang {
        Lang::Es => format!("{day} de {month}"),
        Lang::El | Lang::En => format!("{day} {month}"),
    }
}

/// A weekday, day and month without the year (CLDR "MMMMEEEEd"): es "martes, 2 de
/// diciembre", el "Τρίτη 2 Δεκεμβρίου", en "Tuesday 2 December" (en-GB puts no comma
/// after the weekday when the year is left out).
pub fn weekday_day_month(lang: &str, date: NaiveDate) -> String {
    let weekday = weekday_name(lang, date.weekday());
    let day_month = day_month(lang, date);
    match Lang::of(lang) {
        Lang::Es => format!("{weekday}, {day_month}"),
        Lang::El | Lang::En => format!("{weekday} {day_month}"),
    }
}

/// A time of day on the 24-hour clock, the hour without a leading zero: "9:00",
/// "13:30". This is CLDR's `es` pattern (`H:mm`); Greek and British English CLDR data
/// prefer "9:00 π.μ." and "09:00", but opening hours in Spain and Greece are posted on
/// the 24-hour clock, and a schedule should read the same in the three languages.
/// Seconds are left out.
pub fn time(lang: &str, time: NaiveTime) -> String {
    // Same form in the three languages; the parameter keeps call sites uniform.
    let _ = lang;
    format!("{}:{:02}", time.hour(), time.minute())
}

/// A range of times, "9:00–13:00": two [`time`]s joined by an en dash without spaces
/// (CLDR's interval format for `H:mm`).
pub fn time_range(lang: &str, start: NaiveTime, end: NaiveTime) -> String {
    format!("{}–{}", time(lang, start), time(lang, end))
}

/// A short numeric date, "24/11/2026", the same in the three languages (day/month/year).
/// Day and month are padded to two digits so that columns of dates line up in tables.
pub fn short_date(lang: &str, date: NaiveDate) -> String {
    // The three site languages agree on this form; the parameter keeps call sites the
    // same as for the other forms, and ready for a language that does not agree.
    let _ = lang;
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// The name of a weekday in `lang`, as it stands alone in a schedule ("lunes",
/// "Δευτέρα", "Monday"). Spanish writes weekdays in lower case.
pub fn weekday_name(lang: &str, weekday: Weekday) -> &'static str {
    let index = weekday.num_days_from_monday() as usize;
    match Lang::of(lang) {
        Lang::Es => ES_WEEKDAYS[index],
        Lang::El => EL_WEEKDAYS[index],
        Lang::En => EN_WEEKDAYS[index],
    }
}

/// Greek month names standing alone (nominative), as in "Απρίλιος 2020".
const EL_MONTHS_NOMINATIVE: [&str; 12] = [
    "Ιανουάριος",
    "Φεβρουάριος",
    "Μάρτιος",
    "Απρίλιος",
    "Μάιος",
    "Ιούνιος",
    "Ιούλιος",
    "Αύγουστος",
    "Σεπτέμβριος",
    "Οκτώβριος",
    "Νοέμβριος",
    "Δεκέμβριος",
];

/// A month of a year (CLDR "yMMMM"): es "abril de 2020", el "Απρίλιος 2020"
/// (nominative: the month stands alone), en "April 2020". `month` is 1–12.
pub fn month_year(lang: &str, year: i32, month: u32) -> String {
    let index = (month.clamp(1, 12) - 1) as usize;
    match Lang::of(lang) {
        Lang::Es => format!("{} de {year}", ES_MONTHS[index]),
        Lang::El => format!("{} {year}", EL_MONTHS_NOMINATIVE[index]),
        Lang::En => format!("{} {year}", EN_MONTHS[index]),
    }
}

/// Greek month names after a preposition (accusative), as in "από τον Απρίλιο".
const EL_MONTHS_ACCUSATIVE: [&str; 12] = [
    "Ιανουάριο",
    "Φεβρουάριο",
    "Μάρτιο",
    "Απρίλιο",
    "Μάιο",
    "Ιούνιο",
    "Ιούλιο",
    "Αύγουστο",
    "Σεπτέμβριο",
    "Οκτώβριο",
    "Νοέμβριο",
    "Δεκέμβριο",
];

/// A year, a month of a year or a date as the object of "since" (`since = …
/// { $date }` in the locale files): Greek needs the article and the accusative ("από
/// τον Απρίλιο του 2020", "από το 2020", "από τις 2 Απριλίου 2020"); Spanish and English
/// write the plain forms ("desde abril de 2020", "since April 2020").
pub fn since_date(lang: &str, year: i32, month: Option<u32>, day: Option<NaiveDate>) -> String {
    let greek = Lang::of(lang) == Lang::El;
    match (day, month) {
        (Some(d), _) if greek => format!("τις {}", long_date(lang, d)),
        (Some(d), _) => long_date(lang, d),
        (None, Some(m)) if greek => {
            format!(
                "τον {} του {year}",
                EL_MONTHS_ACCUSATIVE[(m.clamp(1, 12) - 1) as usize]
            )
        }
        (None, Some(m)) => month_year(lang, year, m),
        (None, None) if greek => format!("το {year}"),
        (None, None) => year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_since_dates_with_greek_articles_and_accusative() {
        assert_eq!(
            since_date("el", 2020, Some(4), None),
            "τον Απρίλιο του 2020"
        );
        assert_eq!(since_date("el", 2020, None, None), "το 2020");
        assert_eq!(since_date("es", 2020, Some(4), None), "abril de 2020");
        assert_eq!(since_date("en", 2020, None, None), "2020");
    }

    #[test]
    fn writes_a_month_of_a_year_with_the_greek_nominative() {
        assert_eq!(month_year("es", 2020, 4), "abril de 2020");
        assert_eq!(month_year("el", 2020, 4), "Απρίλιος 2020");
        assert_eq!(month_year("en", 2020, 4), "April 2020");
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn writes_long_dates_in_each_language() {
        let d = date(2026, 11, 24);
        assert_eq!(long_date("es", d), "24 de noviembre de 2026");
        assert_eq!(long_date("el", d), "24 Νοεμβρίου 2026");
        assert_eq!(long_date("en", d), "24 November 2026");
    }

    #[test]
    fn greek_dates_use_the_genitive_month() {
        assert_eq!(long_date("el", date(2025, 5, 1)), "1 Μαΐου 2025");
        assert_eq!(long_date("el", date(2025, 8, 15)), "15 Αυγούστου 2025");
        assert_eq!(long_date("es", date(2025, 5, 1)), "1 de mayo de 2025");
        assert_eq!(long_date("en", date(2025, 5, 1)), "1 May 2025");
    }

    #[test]
    fn writes_full_dates_with_the_weekday() {
        let d = date(2026, 11, 24);
        assert_eq!(d.weekday(), Weekday::Tue);
        assert_eq!(full_date("es", d), "martes, 24 de noviembre de 2026");
        assert_eq!(full_date("el", d), "Τρίτη 24 Νοεμβρίου 2026");
        assert_eq!(full_date("en", d), "Tuesday, 24 November 2026");
    }

    #[test]
    fn writes_short_dates_day_first_and_padded() {
        assert_eq!(short_date("es", date(2026, 11, 24)), "24/11/2026");
        assert_eq!(short_date("el", date(2026, 11, 24)), "24/11/2026");
        assert_eq!(short_date("en", date(2026, 5, 1)), "01/05/2026");
    }

    #[test]
    fn names_weekdays_in_each_language() {
        assert_eq!(weekday_name("es", Weekday::Mon), "lunes");
        assert_eq!(weekday_name("es", Weekday::Wed), "miércoles");
        assert_eq!(weekday_name("el", Weekday::Mon), "Δευτέρα");
        assert_eq!(weekday_name("el", Weekday::Sun), "Κυριακή");
        assert_eq!(weekday_name("en", Weekday::Sat), "Saturday");
    }

    #[test]
    fn writes_day_and_month_without_the_year() {
        let d = date(2026, 12, 2);
        assert_eq!(day_month("es", d), "2 de diciembre");
        assert_eq!(day_month("el", d), "2 Δεκεμβρίου");
        assert_eq!(day_month("en", d), "2 December");
        assert_eq!(day_month("el", date(2026, 5, 5)), "5 Μαΐου");
    }

    #[test]
    fn writes_weekday_day_and_month() {
        let d = date(2026, 12, 1);
        assert_eq!(d.weekday(), Weekday::Tue);
        assert_eq!(weekday_day_month("es", d), "martes, 1 de diciembre");
        assert_eq!(weekday_day_month("el", d), "Τρίτη 1 Δεκεμβρίου");
        assert_eq!(weekday_day_month("en", d), "Tuesday 1 December");
    }

    #[test]
    fn writes_times_on_the_24_hour_clock() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("valid test time");
        for lang in ["es", "el", "en"] {
            assert_eq!(time(lang, t(9, 0)), "9:00");
            assert_eq!(time(lang, t(0, 5)), "0:05");
            assert_eq!(time_range(lang, t(9, 0), t(13, 30)), "9:00–13:30");
        }
    }

    #[test]
    fn regional_tags_use_their_language_and_unknown_ones_fall_back_to_english() {
        let d = date(2026, 11, 24);
        assert_eq!(long_date("es-ES", d), "24 de noviembre de 2026");
        assert_eq!(long_date("el_GR", d), "24 Νοεμβρίου 2026");
        assert_eq!(long_date("fr", d), "24 November 2026");
        assert_eq!(weekday_name("", Weekday::Fri), "Friday");
    }
}
