//! The checks shared by every kind of directory entity: formats of values and
//! references to other entities and to taxonomy terms, each turned into a
//! [`Diagnostic`] at its place with what was expected and a did-you-mean.
//!
//! Stage: validate. Input: one entity's [`Source`], the [`Index`] of known ids.
//! Output: diagnostics collected in a [`Checker`]; parsed values for the caller.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use super::hints;
use super::place;
use super::values::{self, PartialDate};
use crate::config::Config;
use crate::diag::{Diagnostic, Problem, Span};
use crate::localized::Localized;
use crate::taxonomy::Taxonomy;
use crate::yaml::Source;

/// The folders of `content/directory/`, one per kind of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `organizations/`.
    Organization,
    /// `services/`.
    Service,
    /// `locations/`.
    Location,
    /// `seminars/`.
    Seminar,
    /// `cities/`.
    City,
    /// `networks/`.
    Network,
    /// `partnerships/`.
    Partnership,
    /// `holidays/`.
    Holidays,
}

impl Kind {
    /// Every kind, in the order of [`Kind::dir`] names used in messages.
    pub const ALL: [Kind; 8] = [
        Kind::Organization,
        Kind::Service,
        Kind::Location,
        Kind::Seminar,
        Kind::City,
        Kind::Network,
        Kind::Partnership,
        Kind::Holidays,
    ];

    /// The folder under `content/directory/`.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Organization => "organizations",
            Kind::Service => "services",
            Kind::Location => "locations",
            Kind::Seminar => "seminars",
            Kind::City => "cities",
            Kind::Network => "networks",
            Kind::Partnership => "partnerships",
            Kind::Holidays => "holidays",
        }
    }

    /// What one entity of the kind is called in messages.
    pub fn what(self) -> &'static str {
        match self {
            Kind::Organization => "organization",
            Kind::Service => "service",
            Kind::Location => "location",
            Kind::Seminar => "seminar",
            Kind::City => "city",
            Kind::Network => "network",
            Kind::Partnership => "partnership",
            Kind::Holidays => "holiday list",
        }
    }

    /// The kind of a folder name.
    pub fn from_dir(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.dir() == name)
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// What validation knows about the whole directory: the id of every file (loaded or
/// not, so that a file that failed does not also make every reference to it fail),
/// the taxonomies, and the facts that cross-entity checks need.
#[derive(Debug, Default)]
pub struct Index<'a> {
    ids: [Vec<String>; 8],
    /// `service-areas`, when it loaded.
    pub areas: Option<&'a Taxonomy>,
    /// `eligibility`, when it loaded.
    pub eligibility: Option<&'a Taxonomy>,
    /// Organization of each service that loaded.
    pub service_org: HashMap<&'a str, &'a str>,
    /// City of each location that loaded.
    pub location_city: HashMap<&'a str, Option<&'a str>>,
    /// Valid dates of each holiday list that loaded.
    pub holidays: HashMap<&'a str, Vec<NaiveDate>>,
}

impl<'a> Index<'a> {
    /// Records that a file with `id` exists under the folder of `kind`.
    pub fn add(&mut self, kind: Kind, id: &str) {
        self.ids[kind.slot()].push(id.to_string());
    }

    /// Sorts the ids for lookups; call once after every `add`.
    pub fn seal(&mut self) {
        for ids in &mut self.ids {
            ids.sort();
            ids.dedup();
        }
    }

    /// Whether an entity of `kind` with `id` exists.
    pub fn has(&self, kind: Kind, id: &str) -> bool {
        self.ids[kind.slot()]
            .binary_search_by(|i| i.as_str().cmp(id))
            .is_ok()
    }

    /// The ids of `kind`, sorted.
    pub fn ids(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.ids[kind.slot()].iter().map(String::as_str)
    }
}

/// Which taxonomy a term belongs to.
#[derive(Debug, Clone, Copy)]
pub enum Terms {
    /// `service-areas`.
    Areas,
    /// `eligibility`.
    Eligibility,
}

/// Collects the problems of one entity.
pub struct Checker<'a> {
    /// Site settings (languages).
    pub config: &'a Config,
    /// Known ids and facts.
    pub index: &'a Index<'a>,
    /// Problems found so far.
    pub out: Vec<Diagnostic>,
}

/// An invalid value at `at`.
pub fn invalid(at: Span, what: &str, found: &str, expected: impl Into<String>) -> Diagnostic {
    Diagnostic::error(
        at,
        Problem::InvalidValue {
            what: what.into(),
            found: found.into(),
        },
    )
    .expected(expected)
}

impl<'a> Checker<'a> {
    /// A checker with no problems yet.
    pub fn new(config: &'a Config, index: &'a Index<'a>) -> Checker<'a> {
        Checker {
            config,
            index,
            out: Vec::new(),
        }
    }

    /// Records a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }

    /// A localized text at `path`: only site languages as keys.
    pub fn text(&mut self, src: Source<'_>, path: &[&str], text: Option<&Localized>) {
        if let Some(text) = text {
            text.validate(self.config, src, path, &mut self.out);
        }
    }

    /// Every localized text of a list at `path`.
    pub fn texts(&mut self, src: Source<'_>, path: &[&str], texts: &[Localized]) {
        for (i, text) in texts.iter().enumerate() {
            let one = place::item(src, path, i);
            match one {
                Some(one) => text.validate(self.config, one, &[], &mut self.out),
                None => text.validate(self.config, src, path, &mut self.out),
            }
        }
    }

    /// A full date.
    pub fn date(&mut self, at: Span, value: &str) -> Option<NaiveDate> {
        let date = values::parse_date(value);
        if date.is_none() {
            let d = invalid(at, "date", value, values::DATE_FORMAT);
            self.push(with_help(d, hints::date_hint(value)));
        }
        date
    }

    /// A date of which only the year or month may be known.
    pub fn partial_date(&mut self, at: Span, value: &str) -> Option<PartialDate> {
        let date = values::parse_partial_date(value);
        if date.is_none() {
            let d = invalid(at, "date", value, values::PARTIAL_DATE_FORMAT);
            self.push(with_help(d, hints::partial_date(value)));
        }
        date
    }

    /// A time of day.
    pub fn time(&mut self, at: Span, value: &str) -> Option<NaiveTime> {
        let time = values::parse_time(value);
        if time.is_none() {
            let d = invalid(at, "time", value, values::TIME_FORMAT);
            self.push(with_help(d, hints::time(value)));
        }
        time
    }

    /// An IANA time zone.
    pub fn zone(&mut self, at: Span, value: &str) -> Option<Tz> {
        let zone = values::parse_zone(value);
        if zone.is_none() {
            let d = Diagnostic::error(
                at,
                Problem::UnknownReference {
                    what: "time zone".into(),
                    found: value.into(),
                },
            )
            .expected("an IANA time zone name such as Europe/Madrid or Europe/Athens");
            self.push(
                match values::zone_in_other_case(value).or_else(|| hints::zone_of_city(value)) {
                    Some(name) => d.help(format!("did you mean `{name}`?")),
                    None => d.did_you_mean(value, values::zone_names()),
                },
            );
        }
        zone
    }

    /// An absolute http(s) URL.
    pub fn url(&mut self, at: Span, value: &str) {
        if !values::is_http_url(value) {
            let mut d = invalid(
                at,
                "URL",
                value,
                "an absolute http or https URL, e.g. https://example.org/",
            );
            if !value.contains("://") && value.contains('.') && !value.starts_with('/') {
                d = d.help(format!("did you mean `https://{value}`?"));
            }
            self.push(d);
        }
    }

    /// An e-mail address.
    pub fn email(&mut self, at: Span, value: &str) {
        if !values::is_email(value) {
            let d = invalid(
                at,
                "e-mail address",
                value,
                "an address with one `@` and a domain with a dot, e.g. info@example.org",
            );
            self.push(match hints::email(value) {
                Some(fixed) => d.help(format!("did you mean `{fixed}`?")),
                None => d,
            });
        }
    }

    /// A phone number in E.164.
    pub fn phone(&mut self, at: Span, value: &str) {
        if values::is_e164(value) {
            return;
        }
        let mut d = invalid(
            at,
            "phone number",
            value,
            "E.164: `+`, the country code and the number, 8 to 15 digits without spaces, e.g. +34911234567",
        );
        if let Some(hint) = hints::phone(value) {
            d = d.help(hint);
        }
        self.push(d);
    }

    /// A BCP 47 language tag.
    pub fn language(&mut self, at: Span, value: &str) {
        if !values::is_language_tag(value) {
            let mut d = invalid(
                at,
                "language code",
                value,
                "a BCP 47 language code: 2 or 3 lowercase letters, optionally a region, e.g. es, ar, es-ES",
            );
            let fixed = fix_language_case(value);
            if fixed != value && values::is_language_tag(&fixed) {
                d = d.help(format!("did you mean `{fixed}`?"));
            }
            self.push(d);
        }
    }

    /// An ISO 3166-1 alpha-2 country code.
    pub fn country(&mut self, at: Span, value: &str) {
        if !values::is_country_code(value) {
            let mut d = invalid(
                at,
                "country code",
                value,
                "an ISO 3166-1 alpha-2 code: two uppercase letters, e.g. ES, GR",
            );
            let upper = value.to_ascii_uppercase();
            if values::is_country_code(&upper) {
                d = d.help(format!("did you mean `{upper}`?"));
            }
            self.push(d);
        }
    }

    /// A reference to an entity of `kind`; `false` when it does not exist.
    pub fn reference(&mut self, at: Span, kind: Kind, id: &str) -> bool {
        if self.index.has(kind, id) {
            return true;
        }
        let known = self.index.ids(kind).count();
        let expected = if known == 0 {
            format!(
                "the id of a file under content/directory/{}/ (there is none yet)",
                kind.dir()
            )
        } else {
            format!(
                "the id of a file under content/directory/{}/ (its name without .yaml)",
                kind.dir()
            )
        };
        self.push(
            Diagnostic::error(
                at,
                Problem::UnknownReference {
                    what: kind.what().into(),
                    found: id.into(),
                },
            )
            .expected(expected)
            .did_you_mean(id, self.index.ids(kind)),
        );
        false
    }

    /// A list of references at `path`: every one must exist, none twice.
    pub fn references(&mut self, src: Source<'_>, path: &[&str], kind: Kind, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            let at = place::list_value(src, path, i, id);
            if ids[..i].contains(id) {
                self.duplicate(at, kind.what(), id);
            } else {
                self.reference(at, kind, id);
            }
        }
    }

    /// A value listed twice.
    pub fn duplicate(&mut self, at: Span, what: &str, found: &str) {
        self.push(
            Diagnostic::error(
                at,
                Problem::Duplicate {
                    what: what.into(),
                    found: found.into(),
                },
            )
            .help("list it once"),
        );
    }

    /// A list of term codes at `path`: every one a term of the taxonomy, none twice.
    pub fn terms(&mut self, src: Source<'_>, path: &[&str], which: Terms, codes: &[String]) {
        let (taxonomy, what) = match which {
            Terms::Areas => (self.index.areas, "service area"),
            Terms::Eligibility => (self.index.eligibility, "eligibility criterion"),
        };
        // A taxonomy that failed to load is reported once, not once per use.
        let Some(taxonomy) = taxonomy else { return };
        for (i, code) in codes.iter().enumerate() {
            let at = place::list_value(src, path, i, code);
            if codes[..i].contains(code) {
                self.duplicate(at, what, code);
            } else if taxonomy.find(code).is_none() {
                self.push(
                    Diagnostic::error(
                        at,
                        Problem::UnknownReference {
                            what: what.into(),
                            found: code.clone(),
                        },
                    )
                    .expected(format!("a term code of {}", taxonomy.file.display()))
                    .did_you_mean(code, taxonomy.codes()),
                );
            }
        }
    }

    /// A `source:` block at `path` (its name and link).
    pub fn source(
        &mut self,
        src: Source<'_>,
        path: &[&str],
        source: Option<&super::types::Source>,
    ) {
        let Some(source) = source else { return };
        let mut at = path.to_vec();
        at.push("name");
        self.text(src, &at, Some(&source.name));
        if let Some(url) = &source.url {
            at.pop();
            at.push("url");
            self.url(src.locate(&at), url);
        }
    }
}

/// `d` with `help` when there is one.
fn with_help(d: Diagnostic, help: Option<String>) -> Diagnostic {
    match help {
        Some(help) => d.help(help),
        None => d,
    }
}

/// `ES` → `es`, `es-es` → `es-ES`: the usual letter-case slips in language codes.
fn fix_language_case(value: &str) -> String {
    let value = value.replace('_', "-");
    let mut parts = value.split('-');
    let mut out = parts.next().unwrap_or_default().to_ascii_lowercase();
    for part in parts {
        out.push('-');
        if part.len() == 2 {
            out.push_str(&part.to_ascii_uppercase());
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_name_their_folders_and_entities() {
        assert_eq!(Kind::City.what(), "city");
        assert_eq!(Kind::Organization.what(), "organization");
        assert_eq!(Kind::Holidays.what(), "holiday list");
        assert_eq!(Kind::from_dir("partnerships"), Some(Kind::Partnership));
        assert_eq!(Kind::from_dir("service"), None);
    }

    #[test]
    fn index_knows_ids_after_sealing() {
        let mut index = Index::default();
        index.add(Kind::City, "madrid");
        index.add(Kind::City, "atenas");
        index.seal();
        assert!(index.has(Kind::City, "madrid"));
        assert!(!index.has(Kind::Location, "madrid"));
        assert_eq!(
            index.ids(Kind::City).collect::<Vec<_>>(),
            ["atenas", "madrid"]
        );
    }

    #[test]
    fn language_case_slips_are_fixed_in_suggestions() {
        assert_eq!(fix_language_case("ES"), "es");
        assert_eq!(fix_language_case("es_es"), "es-ES");
    }
}
