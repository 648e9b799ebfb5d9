//! Value formats of the directory: dates, partial dates, times, ISO 8601 durations,
//! IANA zones, weekdays, phone numbers, e-mails, URLs, language and country codes.
//!
//! Stage: load and validate (also usable by rendering and exports, which read the
//! same strings). Input: one value as written in YAML. Output: the parsed value, or
//! `None` when it does not follow its format; the caller says where and what was
//! expected. Every parser is strict: a value that only looks right is rejected, so that
//! what passes validation renders the same way everywhere.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use chrono_tz::Tz;

/// What a date must look like, for diagnostics.
pub const DATE_FORMAT: &str = "a date as YYYY-MM-DD, e.g. 2026-11-24";
/// What a partial date must look like, for diagnostics.
pub const PARTIAL_DATE_FORMAT: &str = "YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020 or 2020-04";
/// What a time must look like, for diagnostics.
pub const TIME_FORMAT: &str = "a local time as HH:MM from 00:00 to 23:59, e.g. 09:00";
/// What a local date-time must look like, for diagnostics.
pub const DATETIME_FORMAT: &str =
    "a local date and time as YYYY-MM-DDTHH:MM, e.g. 2026-12-01T09:30";
/// What a duration must look like, for diagnostics.
pub const DURATION_FORMAT: &str = "an ISO 8601 duration such as PT40M (40 minutes), PT1H30M or P2D";
/// The weekday names of schedules, Monday first.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A date of which only the year, or the year and month, may be known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartialDate {
    /// `YYYY`.
    Year(i32),
    /// `YYYY-MM`; the month is 1–12.
    Month(i32, u32),
    /// `YYYY-MM-DD`.
    Day(NaiveDate),
}

/// An ISO 8601 duration, component by component (`P1DT2H` keeps its day).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IsoDuration {
    /// `nY`.
    pub years: u32,
    /// `nM` before `T`.
    pub months: u32,
    /// `nW`.
    pub weeks: u32,
    /// `nD`.
    pub days: u32,
    /// `nH`.
    pub hours: u32,
    /// `nM` after `T`.
    pub minutes: u32,
    /// `nS`.
    pub seconds: u32,
}

impl IsoDuration {
    /// The length in seconds, when it has no years or months (whose length varies).
    pub fn seconds(&self) -> Option<u64> {
        if self.years > 0 || self.months > 0 {
            return None;
        }
        let days = u64::from(self.weeks) * 7 + u64::from(self.days);
        Some(
            ((days * 24 + u64::from(self.hours)) * 60 + u64::from(self.minutes)) * 60
                + u64::from(self.seconds),
        )
    }

    /// Whether every component is zero.
    pub fn is_zero(&self) -> bool {
        *self == IsoDuration::default()
    }
}

/// Whether `s` has the shape of `pattern`, where `9` stands for an ASCII digit and any
/// other character for itself.
fn shaped(s: &str, pattern: &str) -> bool {
    s.len() == pattern.len()
        && s.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'9' => c.is_ascii_digit(),
            p => c == p,
        })
}

/// A date written exactly as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if !shaped(s, "9999-99-99") {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_partial_date(s: &str) -> Option<PartialDate> {
    if shaped(s, "9999") {
        return s.parse().ok().map(PartialDate::Year);
    }
    if shaped(s, "9999-99") {
        let year = s[..4].parse().ok()?;
        let month = s[5..].parse().ok().filter(|m| (1..=12).contains(m))?;
        return Some(PartialDate::Month(year, month));
    }
    parse_date(s).map(PartialDate::Day)
}

/// A time written exactly as `HH:MM`, from 00:00 to 23:59.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    if !shaped(s, "99:99") {
        return None;
    }
    NaiveTime::from_hms_opt(s[..2].parse().ok()?, s[3..].parse().ok()?, 0)
}

/// A local date and time written exactly as `YYYY-MM-DDTHH:MM`.
pub fn parse_local_datetime(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.split_once('T')?;
    Some(parse_date(date)?.and_time(parse_time(time)?))
}

/// An ISO 8601 duration: `P[nY][nM][nW][nD][T[nH][nM][nS]]` with whole numbers, at
/// least one component, components in that order, and at least one after a `T`.
pub fn parse_duration(s: &str) -> Option<IsoDuration> {
    let rest = s.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, Some(t)),
        Some(_) => return None,
        None => (rest, None),
    };
    let mut d = IsoDuration::default();
    let mut any = false;
    {
        let mut slots: [(u8, &mut u32); 4] = [
            (b'Y', &mut d.years),
            (b'M', &mut d.months),
            (b'W', &mut d.weeks),
            (b'D', &mut d.days),
        ];
        any |= components(date, &mut slots)?;
    }
    if let Some(time) = time {
        let mut slots: [(u8, &mut u32); 3] = [
            (b'H', &mut d.hours),
            (b'M', &mut d.minutes),
            (b'S', &mut d.seconds),
        ];
        any |= components(time, &mut slots)?;
    }
    any.then_some(d)
}

/// Reads `nX` components in the order of `slots`; `Some(false)` for an empty part.
fn components(mut part: &str, slots: &mut [(u8, &mut u32)]) -> Option<bool> {
    let mut next = 0;
    let mut any = false;
    while !part.is_empty() {
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let designator = *part.as_bytes().get(digits)?;
        let n: u32 = part[..digits].parse().ok()?;
        let offset = slots[next..].iter().position(|(d, _)| *d == designator)?;
        next += offset;
        *slots[next].1 = n;
        next += 1;
        any = true;
        part = &part[digits + 1..];
    }
    Some(any)
}

/// An IANA time zone such as `Europe/Madrid`.
pub fn parse_zone(s: &str) -> Option<Tz> {
    s.parse().ok()
}

/// The zone names chrono-tz knows, for did-you-mean.
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
}

/// The correct spelling of a zone written in other letter case (`europe/madrid`).
pub fn zone_in_other_case(s: &str) -> Option<&'static str> {
    zone_names().find(|name| name.eq_ignore_ascii_case(s))
}

/// A weekday of a schedule: `mon`, `tue`, `wed`, `thu`, `fri`, `sat` or `sun`.
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    WEEKDAYS.iter().position(|d| *d == s).map(|i| DAYS[i])
}

/// A phone number in E.164: `+`, then 8 to 15 digits, the first not 0.
pub fn is_e164(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// An e-mail address: one `@`, a non-empty local part, a dot inside the domain, no
/// spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// An absolute `http` or `https` URL with a host.
pub fn is_http_url(s: &str) -> bool {
    url::Url::parse(s)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
}

/// A BCP 47 language tag of the simple kind the directory uses: a 2–3 letter
/// lowercase language, optionally a script (`-Latn`) and a region (`-ES`, `-419`).
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or_default();
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut rest: Vec<&str> = parts.collect();
    if let Some(script) = rest.first() {
        let b = script.as_bytes();
        if b.len() == 4 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase) {
            rest.remove(0);
        }
    }
    match rest.as_slice() {
        [] => true,
        [region] => {
            (region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase()))
                || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit()))
        }
        _ => false,
    }
}

/// An ISO 3166-1 alpha-2 country code: two uppercase ASCII letters.
pub fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// An entity id (a file name and a URL segment): lowercase ASCII letters, digits and
/// `-`, not empty.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert_eq!(
            parse_date("2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        for bad in [
            "2026-02-30",
            "2026-2-3",
            "26-02-03",
            "2026/02/03",
            " 2026-02-03",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn partial_dates_accept_year_month_and_day() {
        assert_eq!(parse_partial_date("2020"), Some(PartialDate::Year(2020)));
        assert_eq!(
            parse_partial_date("2020-04"),
            Some(PartialDate::Month(2020, 4))
        );
        assert!(matches!(
            parse_partial_date("2020-04-01"),
            Some(PartialDate::Day(_))
        ));
        for bad in ["2020-13", "20", "2020-4", "April 2020", "2020-04-31"] {
            assert_eq!(parse_partial_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_are_hh_mm_within_a_day() {
        assert_eq!(parse_time("09:00"), NaiveTime::from_hms_opt(9, 0, 0));
        assert_eq!(parse_time("23:59"), NaiveTime::from_hms_opt(23, 59, 0));
        for bad in ["9:00", "24:00", "12:60", "0900", "09:00:00"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn local_datetimes_need_the_t() {
        assert!(parse_local_datetime("2026-12-01T09:30").is_some());
        assert!(parse_local_datetime("2026-12-01 09:30").is_none());
        assert!(parse_local_datetime("2026-12-01T09:30:00").is_none());
    }

    #[test]
    fn durations_follow_iso_8601() {
        let minutes = |s: &str| parse_duration(s).and_then(|d| d.seconds()).map(|s| s / 60);
        assert_eq!(minutes("PT40M"), Some(40));
        assert_eq!(minutes("PT1H30M"), Some(90));
        assert_eq!(minutes("PT2H"), Some(120));
        assert_eq!(minutes("P1D"), Some(1440));
        assert_eq!(minutes("P1W"), Some(7 * 1440));
        assert_eq!(minutes("P1DT1H"), Some(1500));
        assert_eq!(parse_duration("P1M").and_then(|d| d.seconds()), None);
        assert_eq!(parse_duration("P1M").map(|d| d.months), Some(1));
        for bad in [
            "40M",
            "PT",
            "P",
            "PT40",
            "PTM",
            "P40M30H",
            "PT30M1H",
            "PT1H1H",
            "PT-5M",
            "PT1.5H",
            "pt40m",
            "40 minutes",
            "P1DT",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn zones_are_iana_names() {
        assert_eq!(parse_zone("Europe/Madrid"), Some(chrono_tz::Europe::Madrid));
        assert_eq!(parse_zone("Europe/Madird"), None);
        assert_eq!(zone_in_other_case("europe/athens"), Some("Europe/Athens"));
    }

    #[test]
    fn weekdays_are_three_letters() {
        assert_eq!(parse_weekday("tue"), Some(Weekday::Tue));
        assert_eq!(parse_weekday("sun"), Some(Weekday::Sun));
        assert_eq!(parse_weekday("Tue"), None);
        assert_eq!(parse_weekday("tuesday"), None);
    }

    #[test]
    fn phones_are_e164() {
        assert!(is_e164("+34911234567"));
        assert!(is_e164("+302101234567"));
        for bad in [
            "34911234567",
            "+34 911 234 567",
            "+0911234567",
            "+1234567",
            "+1234567890123456",
        ] {
            assert!(!is_e164(bad), "{bad}");
        }
    }

    #[test]
    fn emails_need_one_at_and_a_dotted_domain() {
        assert!(is_email("info@example.org"));
        for bad in [
            "info.example.org",
            "a@b@c.org",
            "@example.org",
            "a@example",
            "a b@x.org",
            "a@.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn urls_are_absolute_http() {
        assert!(is_http_url("https://example.org/a?b=c"));
        assert!(is_http_url("http://example.org"));
        for bad in [
            "example.org",
            "/about/",
            "ftp://example.org",
            "mailto:a@b.org",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn language_tags_are_simple_bcp47() {
        for good in [
            "es",
            "el",
            "ar",
            "fil",
            "es-ES",
            "es-419",
            "zh-Hant",
            "sr-Latn-RS",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["ES", "e", "espa", "es_ES", "es-es", "es-", "es-ES-x"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn countries_and_ids() {
        assert!(is_country_code("ES"));
        assert!(!is_country_code("es"));
        assert!(!is_country_code("ESP"));
        assert!(is_id("soie-puerta-unica-2"));
        assert!(!is_id("Soie"));
        assert!(!is_id("puerta_unica"));
        assert!(!is_id("única"));
        assert!(!is_id(""));
    }
}
