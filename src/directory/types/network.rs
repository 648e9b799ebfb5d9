//! Networks of cities and partnerships between organizations.

use serde::Deserialize;

use crate::localized::Localized;

use super::Source;

/// `content/directory/networks/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    /// Name.
    pub name: Localized,
    /// Description (Markdown).
    #[serde(default)]
    pub description: Option<Localized>,
    /// Id of the coordinating organization.
    #[serde(default)]
    pub coordinator: Option<String>,
    /// Supporting organizations and since when.
    #[serde(default)]
    pub supporters: Vec<Supporter>,
    /// Member cities and since when.
    #[serde(default)]
    pub members: Vec<Member>,
    /// Member organizations.
    #[serde(default)]
    pub member_organizations: Vec<String>,
    /// Where the facts come from.
    #[serde(default)]
    pub source: Option<Source>,
    /// Stamps of its translated texts: for a language, the language they were
    /// translated from and the hash of that language's texts then (README,
    /// "Translations").
    #[serde(default)]
    pub translated_from: crate::content::stamp::EntityStamps,
}

/// An organization supporting a network.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supporter {
    /// Id of the organization.
    pub organization: String,
    /// Since when (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[serde(default)]
    pub since: Option<String>,
}

/// A city in a network.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Id of the city.
    pub city: String,
    /// Since when.
    #[serde(default)]
    pub joined: Option<String>,
}

/// `content/directory/partnerships/<id>.yaml`: an agreement between organizations,
/// shown on each party's page as referral pathways.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// Ids of the organizations, at least two.
    pub parties: Vec<String>,
    /// What the partnership covers.
    pub kinds: Vec<PartnershipKind>,
    /// Summary of the agreement.
    #[serde(default)]
    pub summary: Option<Localized>,
    /// What each party offers the other.
    #[serde(default)]
    pub offers: Vec<Offer>,
    /// Since when, only if known.
    #[serde(default)]
    pub since: Option<String>,
    /// Where the facts come from.
    #[serde(default)]
    pub source: Option<Source>,
    /// Stamps of its translated texts: for a language, the language they were
    /// translated from and the hash of that language's texts then (README,
    /// "Translations").
    #[serde(default)]
    pub translated_from: crate::content::stamp::EntityStamps,
}

/// What a partnership covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnershipKind {
    /// People are referred between the parties.
    Referral,
    /// Services delivered together.
    CoDelivery,
    /// Training of each other's staff or volunteers.
    Training,
    /// Housing resources.
    Housing,
}

/// One party's offer to another.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// Id of the organization offering.
    pub from: String,
    /// Id of the organization whose people benefit.
    pub to: String,
    /// What is offered, in words.
    pub what: Localized,
    /// Ids of the services offered, when they are on file.
    #[serde(default)]
    pub services: Vec<String>,
    /// How to refer someone.
    #[serde(default)]
    pub how_to_refer: Option<Localized>,
}
