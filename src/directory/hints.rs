//! Hints for values that do not follow their format: the value the editor most likely
//! meant, when the mistake is a recognizable one (a date written day first, a month
//! by its name, a time as `13h`, a zone as a city, a phone with spaces, an e-mail
//! with `(at)`, a file name with capitals and accents).
//!
//! Stage: validate (also used for front matter and configuration). Input: the value
//! as written. Output: a suggestion in words, or `None` when a guess would risk being
//! wrong; the caller adds it to its diagnostic as help.

use super::values::{is_e164, is_email, parse_date, parse_partial_date, parse_time, zone_names};

/// A hint for a date that is not `YYYY-MM-DD`: the same date in that form when the
/// mistake is recognizable (day first, month and day swapped, digits missing), or why
/// a well-formed date does not exist.
pub fn date_hint(s: &str) -> Option<String> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str| {
        p.parse::<u32>()
            .ok()
            .filter(|_| p.bytes().all(|b| b.is_ascii_digit()))
    };
    let (a, b, c) = (num(a)?, num(b)?, num(c)?);
    let format = |y: u32, m: u32, d: u32| format!("{y:04}-{m:02}-{d:02}");
    let valid = |y: u32, m: u32, d: u32| parse_date(&format(y, m, d)).map(|_| format(y, m, d));
    if s.starts_with(|c: char| c.is_ascii_digit()) && parts[0].len() == 4 {
        if let Some(fixed) = valid(a, b, c).filter(|f| f != s) {
            return Some(format!(
                "did you mean `{fixed}`? write two digits for the month and the day"
            ));
        }
        if b > 12 && c <= 12 {
            if let Some(fixed) = valid(a, c, b) {
                return Some(format!(
                    "did you mean `{fixed}`? the month comes before the day"
                ));
            }
        }
        if (1..=12).contains(&b) && c > 28 {
            let days = (28..=31).rev().find(|d| valid(a, b, *d).is_some())?;
            return Some(format!("{a:04}-{b:02} has {days} days"));
        }
        return None;
    }
    if parts[2].len() == 4 {
        // Day first, as people write dates in Spain and Greece.
        let fixed = valid(c, b, a)?;
        return Some(format!("did you mean `{fixed}`? the year comes first"));
    }
    None
}

/// A hint for a partial date whose month has one digit (`2020-4`) or is a name in
/// Spanish, Greek or English (`octubre 2026`, `Οκτώβριος 2026`, `Oct 2026`).
pub fn month_hint(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some((year, month)) = s.split_once('-') {
        let fixed = format!("{year}-0{month}");
        if month.len() == 1 && parse_partial_date(&fixed).is_some() {
            return Some(format!(
                "did you mean `{fixed}`? write two digits for the month"
            ));
        }
    }
    const MONTHS: [&[&str]; 12] = [
        &["ene", "jan", "ιαν"],
        &["feb", "φεβ"],
        &["mar", "μαρ"],
        &["abr", "apr", "απρ"],
        &["may", "μαι"],
        &["jun", "ιουν"],
        &["jul", "ιουλ"],
        &["ago", "aug", "αυγ"],
        &["sep", "set", "σεπ"],
        &["oct", "οκτ"],
        &["nov", "νοε"],
        &["dic", "dec", "δεκ"],
    ];
    // Lower-cased without accents, tonos or dialytika, as search folds what readers type.
    let plain = puerta_search::fold(s);
    let words: Vec<&str> = plain.split(|c: char| !c.is_alphanumeric()).collect();
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?;
    let month = words.iter().find_map(|w| {
        MONTHS
            .iter()
            .position(|names| names.iter().any(|n| w.starts_with(n)))
    })?;
    Some(format!("did you mean `{year}-{:02}`?", month + 1))
}

/// The zone named after a city, for a zone written as the city alone (`Madrid`).
pub fn zone_of_city(s: &str) -> Option<&'static str> {
    let city = s.trim().replace(' ', "_");
    zone_names().find(|name| {
        name.rsplit('/')
            .next()
            .is_some_and(|last| last.eq_ignore_ascii_case(&city))
            && name.contains('/')
    })
}

/// `HH:MM` for a time written another common way (`13h`, `13.30`, `9h30`), if valid.
pub fn time_hint(s: &str) -> Option<String> {
    let digits: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let (hour, minute) = match digits.as_slice() {
        [h] if h.len() <= 2 => (h.parse::<u32>().ok()?, 0),
        [h, m] if h.len() <= 2 && m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
        _ => return None,
    };
    let fixed = format!("{hour:02}:{minute:02}");
    parse_time(&fixed).map(|_| fixed)
}

/// A hint for a partial date (`since`, `as_of`): a month name or a one-digit month
/// rewritten, a full date fixed, or how to write what is known.
pub fn partial_date(value: &str) -> Option<String> {
    month_hint(value).or_else(|| date_hint(value)).or_else(|| {
        let year = value
            .split(|c: char| !c.is_ascii_digit())
            .find(|part| part.len() == 4)?;
        Some(format!(
            "when only the year is known, write `{year}`; the year and month, `{year}-MM`"
        ))
    })
}

/// A hint for a time that is not `HH:MM`.
pub fn time(value: &str) -> Option<String> {
    if value.len() == 4 && parse_time(&format!("0{value}")).is_some() {
        return Some(format!("write two digits for the hour: `0{value}`"));
    }
    time_hint(value).map(|fixed| format!("did you mean `{fixed}`?"))
}

/// A hint for a phone number that is not E.164. A national number gets no guessed
/// country code: a wrong one would send people to another number.
pub fn phone(value: &str) -> Option<String> {
    let packed: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let international = packed.strip_prefix("00").map(|rest| format!("+{rest}"));
    if packed != value && is_e164(&packed) {
        Some(format!("did you mean `{packed}`?"))
    } else if let Some(plus) = international.filter(|p| is_e164(p)) {
        Some(format!(
            "write `+` for the international prefix `00`: did you mean `{plus}`?"
        ))
    } else if (packed.starts_with("34") || packed.starts_with("30"))
        && is_e164(&format!("+{packed}"))
    {
        Some(format!(
            "start with `+` and the country code: did you mean `+{packed}`?"
        ))
    } else if !packed.starts_with('+') {
        Some("start with `+` and the country code: +34 for Spain, +30 for Greece".into())
    } else {
        None
    }
}

/// An e-mail address with its `@` written out (`info(at)example.org`).
pub fn email(value: &str) -> Option<String> {
    let fixed = ["(at)", "[at]", " at ", "(arroba)", " arroba "]
        .iter()
        .fold(value.to_string(), |v, at| v.replace(at, "@"));
    (fixed != value && is_email(&fixed)).then_some(fixed)
}

/// An id made of `s`: lowercase ASCII, accents dropped, spaces and `_` as `-`
/// (`Puerta_Única` → `puerta-unica`).
pub fn suggest_id(id: &str) -> String {
    id.chars()
        .filter_map(|c| {
            let c = c.to_lowercase().next().unwrap_or(c);
            Some(match c {
                'á' | 'à' | 'ä' | 'â' => 'a',
                'é' | 'è' | 'ë' | 'ê' => 'e',
                'í' | 'ì' | 'ï' | 'î' => 'i',
                'ó' | 'ò' | 'ö' | 'ô' => 'o',
                'ú' | 'ù' | 'ü' | 'û' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                '_' | ' ' | '.' => '-',
                c if c.is_ascii_alphanumeric() || c == '-' => c,
                _ => return None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_hints_recognize_common_mistakes() {
        let hint = |s: &str| date_hint(s).unwrap_or_default();
        assert!(hint("20/11/2026").contains("`2026-11-20`"));
        assert!(hint("2026-25-12").contains("`2026-12-25`"));
        assert!(hint("2026-1-5").contains("`2026-01-05`"));
        assert_eq!(hint("2026-11-31"), "2026-11 has 30 days");
        assert_eq!(hint("2026-02-30"), "2026-02 has 28 days");
        assert_eq!(date_hint("mayo 2019"), None);
        assert!(month_hint("2020-4").unwrap().contains("`2020-04`"));
        assert_eq!(
            month_hint("octubre 2026").unwrap(),
            "did you mean `2026-10`?"
        );
        assert_eq!(month_hint("Μάιος 2020").unwrap(), "did you mean `2020-05`?");
        assert_eq!(month_hint("Jul. 2019").unwrap(), "did you mean `2019-07`?");
        assert_eq!(date_hint("2026-13-40"), None);
    }

    #[test]
    fn hints_for_zones_and_times() {
        assert_eq!(zone_of_city("Madrid"), Some("Europe/Madrid"));
        assert_eq!(zone_of_city("athens"), Some("Europe/Athens"));
        assert_eq!(time_hint("13h"), Some("13:00".into()));
        assert_eq!(time_hint("9h30"), Some("09:30".into()));
        assert_eq!(time_hint("13.30"), Some("13:30".into()));
        assert_eq!(time_hint("25h"), None);
    }

    #[test]
    fn suggests_ids_without_capitals_accents_or_underscores() {
        assert_eq!(suggest_id("Puerta_Única"), "puerta-unica");
        assert_eq!(suggest_id("kifkif madrid"), "kifkif-madrid");
    }

    #[test]
    fn phones_and_emails() {
        assert_eq!(
            phone("+34 910 00 00 01").unwrap(),
            "did you mean `+34910000001`?"
        );
        assert!(phone("0034910000001").unwrap().contains("`+34910000001`"));
        assert!(!phone("910 00 00 01").unwrap().contains("did you mean"));
        assert_eq!(
            email("info(at)example.org").as_deref(),
            Some("info@example.org")
        );
    }
}
