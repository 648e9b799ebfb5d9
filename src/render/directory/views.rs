//! Serializable views of directory entities for templates: texts carry their real
//! language when it is not the page's, links are ready to use, and a redacted location
//! is reduced to what may be published (that it is confidential, and its city).

use serde::Serialize;

use crate::config::Config;
use crate::directory::types::{Location, LocationType, Source};
use crate::directory::{Directory, Entity};
use crate::localized::Localized;
use crate::urls;

/// A text in the page, with its language when it differs from the page's.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    /// The text (HTML for rendered Markdown).
    pub text: String,
    /// Language of the text when it is not the page language.
    pub lang: Option<String>,
}

/// `value` for a page in `lang`, following the fallback chain.
pub fn text(value: &Localized, lang: &str, config: &Config) -> Text {
    match value.get(lang, config) {
        Some(t) => Text {
            text: t.text.to_string(),
            lang: t.lang.filter(|l| *l != lang).map(str::to_string),
        },
        None => Text {
            text: String::new(),
            lang: None,
        },
    }
}

/// An optional text.
pub fn opt_text(value: Option<&Localized>, lang: &str, config: &Config) -> Option<Text> {
    value
        .map(|v| text(v, lang, config))
        .filter(|t| !t.text.is_empty())
}

/// A link with a localized label.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Label.
    pub name: Text,
    /// `href`, base path included.
    pub href: String,
}

/// Link to the page of entity `id` of `kind` (`organizations`, `cities`…).
pub fn entity_link(config: &Config, lang: &str, kind: &str, id: &str, name: &Localized) -> Link {
    Link {
        name: text(name, lang, config),
        href: urls::link(config.base_path(), &urls::entity(lang, kind, id)),
    }
}

/// A source of facts.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// Its name.
    pub name: Text,
    /// Its URL.
    pub url: Option<String>,
}

/// The view of a source.
pub fn source(value: Option<&Source>, lang: &str, config: &Config) -> Option<SourceView> {
    value.map(|s| SourceView {
        name: text(&s.name, lang, config),
        url: s.url.clone(),
    })
}

/// What a page may show of a location.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    /// Location id (never shown for a redacted location).
    pub id: Option<String>,
    /// Name (absent for a redacted location).
    pub name: Option<Text>,
    /// A confidential place: the page says so and shows nothing else but its city.
    pub redacted: bool,
    /// Online or by phone.
    pub is_virtual: bool,
    /// Address lines.
    pub address: Vec<String>,
    /// City.
    pub city: Option<Link>,
    /// How to get there.
    pub transit: Option<Text>,
    /// Accessibility.
    pub accessibility: Option<Text>,
    /// URL of a virtual location.
    pub url: Option<String>,
}

/// The publishable view of `location`.
pub fn place(
    dir: &Directory,
    location: &Entity<Location>,
    lang: &str,
    config: &Config,
) -> PlaceView {
    let l = &location.data;
    let city = l
        .city
        .as_deref()
        .and_then(|id| dir.city(id))
        .map(|c| entity_link(config, lang, "cities", &c.id, &c.data.name));
    if l.location_type == LocationType::Redacted {
        return PlaceView {
            id: None,
            name: None,
            redacted: true,
            is_virtual: false,
            address: Vec::new(),
            city,
            transit: None,
            accessibility: None,
            url: None,
        };
    }
    let address = l
        .address
        .iter()
        .flat_map(|a| {
            let town = match &a.postal_code {
                Some(code) => format!("{code} {}", a.locality),
                None => a.locality.clone(),
            };
            [Some(a.street.clone()), Some(town), a.region.clone()]
                .into_iter()
                .flatten()
        })
        .collect();
    PlaceView {
        id: Some(location.id.clone()),
        name: Some(text(&l.name, lang, config)),
        redacted: false,
        is_virtual: l.location_type == LocationType::Virtual,
        address,
        city,
        transit: opt_text(l.transit.as_ref(), lang, config),
        accessibility: opt_text(l.accessibility.as_ref(), lang, config),
        url: l.url.clone(),
    }
}

/// A partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) written out in `lang`.
pub fn partial_date(lang: &str, value: &str) -> String {
    use crate::directory::values::{parse_partial_date, PartialDate};
    use crate::i18n::dates;
    match parse_partial_date(value) {
        Some(PartialDate::Year(y)) => y.to_string(),
        Some(PartialDate::Month(y, m)) => dates::month_year(lang, y, m),
        Some(PartialDate::Day(d)) => dates::long_date(lang, d),
        None => value.to_string(),
    }
}

/// A partial date as the object of "since" (see [`crate::i18n::dates::since_date`]).
pub fn since(lang: &str, value: &str) -> String {
    use crate::directory::values::{parse_partial_date, PartialDate};
    use crate::i18n::dates::since_date;
    use chrono::Datelike;
    match parse_partial_date(value) {
        Some(PartialDate::Year(y)) => since_date(lang, y, None, None),
        Some(PartialDate::Month(y, m)) => since_date(lang, y, Some(m), None),
        Some(PartialDate::Day(d)) => since_date(lang, d.year(), Some(d.month()), Some(d)),
        None => value.to_string(),
    }
}

/// Minutes of an ISO 8601 duration such as `PT40M` or `PT1H30M` (validated before).
pub fn duration_minutes(iso: &str) -> Option<u32> {
    let rest = iso.strip_prefix("PT")?;
    let (mut minutes, mut number) = (0u32, String::new());
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'H' => minutes += number.parse::<u32>().ok()? * 60,
            'M' => minutes += number.parse::<u32>().ok()?,
            _ => return None,
        }
        if !c.is_ascii_digit() {
            number.clear();
        }
    }
    Some(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_minutes_of_durations() {
        assert_eq!(duration_minutes("PT40M"), Some(40));
        assert_eq!(duration_minutes("PT1H30M"), Some(90));
        assert_eq!(duration_minutes("P1D"), None);
    }
}
