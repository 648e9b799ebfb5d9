//! The directory's content format (DESIGN.md §4.3): one YAML file per entity under
//! `content/directory/<kind>/<id>.yaml`, the file name being the id. These structs are
//! the contract between the YAML files, validation, schedules and rendering; every
//! struct rejects unknown fields.
//!
//! Conventions: a [`Localized`] text is a plain string (the same in every language)
//! or a map `{es: …, el: …, en: …}`; references are ids (file names) of other
//! entities or term codes of `content/taxonomies/<key>.yaml`; dates are `YYYY-MM-DD`;
//! a partial date (`since`, `as_of`, `joined`) may be `YYYY` or `YYYY-MM` when only that much is known; times
//! are `HH:MM`; durations are ISO 8601 (`PT40M`); zones are IANA names. Unknown facts
//! are left out, never guessed: almost every field is optional.

mod network;
mod place;
mod schedule;
mod seminar;

pub use network::*;
pub use place::*;
pub use schedule::*;
pub use seminar::*;

use serde::Deserialize;

use crate::localized::Localized;

/// An entity whose texts may record what they were translated from.
pub trait Stamped {
    /// Its `translated_from`.
    fn translated_from(&self) -> &crate::content::stamp::EntityStamps;
}

macro_rules! stamped {
    ($($kind:ty),*) => {$(
        impl Stamped for $kind {
            fn translated_from(&self) -> &crate::content::stamp::EntityStamps {
                &self.translated_from
            }
        }
    )*};
}

stamped!(
    Organization,
    Service,
    Location,
    City,
    Seminar,
    Network,
    Partnership,
    Holidays
);

/// `content/directory/organizations/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Name (usually a plain string: a proper name).
    pub name: Localized,
    /// Short form, e.g. "ACCMR".
    #[serde(default)]
    pub short_name: Option<Localized>,
    /// What kind of body it is.
    pub kind: OrganizationKind,
    /// Description (Markdown).
    #[serde(default)]
    pub description: Option<Localized>,
    /// Web site (absolute URL).
    #[serde(default)]
    pub website: Option<String>,
    /// Contact e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone numbers in E.164 (`+34911234567`).
    #[serde(default)]
    pub phones: Vec<String>,
    /// Ids of its locations.
    #[serde(default)]
    pub locations: Vec<String>,
    /// Ids of cities where it is present without a location on file.
    #[serde(default)]
    pub cities: Vec<String>,
    /// Languages spoken, as BCP 47 codes (any language, not only the site's).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Where the facts come from.
    #[serde(default)]
    pub source: Option<Source>,
    /// Stamps of its translated texts: for a language, the language they were
    /// translated from and the hash of that language's texts then (README,
    /// "Translations").
    #[serde(default)]
    pub translated_from: crate::content::stamp::EntityStamps,
}

/// Kinds of organizations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrganizationKind {
    /// Non-governmental organization.
    Ngo,
    /// Public administration (ministry, municipality).
    Government,
    /// UNHCR, IOM…
    Intergovernmental,
    /// A network of organizations or cities.
    Network,
    /// An association of people.
    Association,
}

/// `content/directory/services/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Id of the organization that provides it.
    pub organization: String,
    /// Name.
    pub name: Localized,
    /// What it is, in plain words (one or two sentences).
    pub summary: Localized,
    /// Longer description (Markdown).
    #[serde(default)]
    pub description: Option<Localized>,
    /// Term codes of `taxonomies/service-areas.yaml`.
    #[serde(default)]
    pub areas: Vec<String>,
    /// Who may come.
    #[serde(default)]
    pub eligibility: Option<Eligibility>,
    /// What it costs.
    #[serde(default)]
    pub cost: Option<Cost>,
    /// How people get in: one or more modes.
    #[serde(default)]
    pub access: Vec<AccessMode>,
    /// People attended per session.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// Length of one appointment or interview, ISO 8601 (`PT40M`).
    #[serde(default)]
    pub session_length: Option<String>,
    /// Languages the service is given in (BCP 47).
    #[serde(default)]
    pub languages: Vec<String>,
    /// LGBTI, gender-based violence, shelters: pages get a quick-exit control.
    #[serde(default)]
    pub sensitive: bool,
    /// Where and when.
    #[serde(default)]
    pub at_locations: Vec<ServiceAtLocation>,
    /// What to bring.
    #[serde(default)]
    pub documents: Vec<Localized>,
    /// How another organization refers someone here.
    #[serde(default)]
    pub how_to_refer: Option<Localized>,
    /// Where the service sends people it cannot help.
    #[serde(default)]
    pub referrals: Vec<Referral>,
    /// When and from what the information was checked.
    #[serde(default)]
    pub verification: Option<Verification>,
    /// Stamps of its translated texts: for a language, the language they were
    /// translated from and the hash of that language's texts then (README,
    /// "Translations").
    #[serde(default)]
    pub translated_from: crate::content::stamp::EntityStamps,
}

/// Who may come, and who is referred elsewhere.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Who may come, in plain words.
    pub description: Localized,
    /// Term codes of `taxonomies/eligibility.yaml`.
    #[serde(default)]
    pub criteria: Vec<String>,
    /// Who is referred elsewhere (and what happens to them).
    #[serde(default)]
    pub referred_elsewhere: Option<Localized>,
}

/// What a service costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cost {
    /// Free of charge.
    Free,
    /// A reduced or symbolic fee.
    LowCost,
    /// Paid.
    Paid,
}

/// How people get into a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccessMode {
    /// Come without an appointment.
    WalkIn,
    /// Book first.
    Appointment,
    /// Places given in order of arrival.
    FirstComeFirstServed,
    /// Only when another organization refers you.
    Referral,
}

/// A service at one location, with its opening schedule there.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceAtLocation {
    /// Id of a location.
    pub location: String,
    /// Opening schedule; absent when unknown.
    #[serde(default)]
    pub schedule: Option<Schedule>,
}

/// A referral pathway out of a service.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// Id of the service people are sent to (or leave out and give `organization`).
    #[serde(default)]
    pub service: Option<String>,
    /// Id of the organization people are sent to.
    #[serde(default)]
    pub organization: Option<String>,
    /// Who is sent there and how.
    #[serde(default)]
    pub note: Option<Localized>,
}

/// Where and when information was checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// Date of the last check.
    pub verified_on: String,
    /// Date by which to check again.
    #[serde(default)]
    pub next_review: Option<String>,
    /// What it was checked against.
    #[serde(default)]
    pub source: Option<Source>,
}

/// A source of facts: a publication, with an optional link.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title or publisher, e.g. "Gacetín Madrid".
    pub name: Localized,
    /// Link to it.
    #[serde(default)]
    pub url: Option<String>,
}
