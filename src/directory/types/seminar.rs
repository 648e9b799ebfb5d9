//! Seminars, their sessions and reported outcomes.

use serde::Deserialize;

use crate::localized::Localized;

use super::Source;

/// `content/directory/seminars/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seminar {
    /// Title.
    pub title: Localized,
    /// Series it belongs to.
    #[serde(default)]
    pub series: Option<Localized>,
    /// Summary in plain words.
    #[serde(default)]
    pub summary: Option<Localized>,
    /// Description (Markdown).
    #[serde(default)]
    pub description: Option<Localized>,
    /// Id of the organizing organization.
    pub organizer: String,
    /// Ids of the organizations that deliver it.
    #[serde(default)]
    pub delivered_by: Vec<String>,
    /// Ids of funders.
    #[serde(default)]
    pub funders: Vec<String>,
    /// Topics.
    #[serde(default)]
    pub topics: Vec<Localized>,
    /// Who it is for.
    #[serde(default)]
    pub audience: Option<Audience>,
    /// How to register.
    #[serde(default)]
    pub registration: Option<Registration>,
    /// In person, online or both.
    #[serde(default)]
    pub attendance: Option<Attendance>,
    /// Sessions; empty when dates are unknown.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Reported outcomes, each dated.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Id of the network it belongs to.
    #[serde(default)]
    pub network: Option<String>,
    /// Stamps of its translated texts: for a language, the language they were
    /// translated from and the hash of that language's texts then (README,
    /// "Translations").
    #[serde(default)]
    pub translated_from: crate::content::stamp::EntityStamps,
}

/// Who a seminar is for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    /// Who, in plain words ("professionals working in municipal services").
    pub description: Localized,
    /// Closed: only invited participants.
    #[serde(default)]
    pub closed: bool,
}

/// How people register for a seminar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Registration {
    /// Anyone may register.
    Open,
    /// Through their employer or the organizer only.
    Invitation,
    /// No registration.
    None,
}

/// How a seminar is attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attendance {
    /// At a place.
    InPerson,
    /// Online.
    Online,
    /// Both.
    Mixed,
}

/// One session of a seminar.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Local start, `YYYY-MM-DDTHH:MM`.
    pub start: String,
    /// Local end, `YYYY-MM-DDTHH:MM`.
    pub end: String,
    /// IANA zone of `start` and `end`.
    pub zone: String,
    /// Id of the city where it takes place.
    #[serde(default)]
    pub city: Option<String>,
    /// Id of the location.
    #[serde(default)]
    pub location: Option<String>,
    /// Language it is given in.
    #[serde(default)]
    pub language: Option<String>,
    /// Scheduled or cancelled.
    #[serde(default)]
    pub status: SessionStatus,
}

/// Whether a session takes place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionStatus {
    /// It takes place.
    #[default]
    Scheduled,
    /// It was called off.
    Cancelled,
}

/// A reported result ("14 municipalities registered"), with its date and source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The result, in words, attributed ("as ACCMR reports").
    pub text: Localized,
    /// When it was reported (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub as_of: String,
    /// Who reported it.
    pub source: Source,
}
