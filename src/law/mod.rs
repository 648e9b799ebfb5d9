//! Laws: `content/laws/<key>.yaml` → [`Laws`], the registry that articles cite.
//!
//! Stage: load and validate (beside `content` and `directory`). Input: the site root
//! and configuration. Output: every law with its references to other laws resolved to
//! indexes, and every problem found (`file:line:col`, did-you-mean), including
//! contradictions between `repeals` and `repealed_by`. A law's changes over time
//! ([`Laws::changes`]) feed the law pages, the feed of law changes, repeal warnings
//! and the review report. [`cite`] reads and writes citations (`[@key, 31.3]`).

pub mod cite;
mod load;
pub mod review;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::localized::Localized;

pub use load::{load, unknown_law};

/// Whose law it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Jurisdiction {
    /// Spain.
    Es,
    /// Greece.
    Gr,
    /// The European Union.
    Eu,
}

impl Jurisdiction {
    /// The code used in YAML, locale keys (`jurisdiction-<code>`) and templates.
    pub fn as_str(self) -> &'static str {
        match self {
            Jurisdiction::Es => "es",
            Jurisdiction::Gr => "gr",
            Jurisdiction::Eu => "eu",
        }
    }

    /// The code schema.org's `legislationJurisdiction` expects (ISO 3166 or "EU").
    pub fn iso(self) -> &'static str {
        match self {
            Jurisdiction::Es => "ES",
            Jurisdiction::Gr => "GR",
            Jurisdiction::Eu => "EU",
        }
    }

    /// Every jurisdiction, in the order law lists group them.
    pub const ALL: [Jurisdiction; 3] = [Jurisdiction::Es, Jurisdiction::Gr, Jurisdiction::Eu];
}

/// The kind of instrument; it decides how the interface names it (and, in Spanish and
/// Greek, the grammatical gender of the words around it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Ley orgánica (Spain).
    OrganicLaw,
    /// A law passed by a parliament (ley, νόμος).
    Law,
    /// Real decreto (Spain).
    RoyalDecree,
    /// Real decreto-ley (Spain).
    RoyalDecreeLaw,
    /// Προεδρικό διάταγμα (Greece).
    PresidentialDecree,
    /// A regulation of the European Union.
    EuRegulation,
    /// A directive of the European Union.
    EuDirective,
}

impl Kind {
    /// The code used in YAML and as the selector of locale messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::OrganicLaw => "organic-law",
            Kind::Law => "law",
            Kind::RoyalDecree => "royal-decree",
            Kind::RoyalDecreeLaw => "royal-decree-law",
            Kind::PresidentialDecree => "presidential-decree",
            Kind::EuRegulation => "eu-regulation",
            Kind::EuDirective => "eu-directive",
        }
    }
}

/// Whether a law applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// In force.
    InForce,
    /// Repealed: no longer in force.
    Repealed,
    /// Partly repealed or partly not yet applicable.
    PartiallyInForce,
    /// Published, not yet in force.
    Pending,
}

impl Status {
    /// The code used in YAML, CSS classes and locale selectors.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InForce => "in-force",
            Status::Repealed => "repealed",
            Status::PartiallyInForce => "partially-in-force",
            Status::Pending => "pending",
        }
    }

    /// The schema.org `LegalForceStatus` member.
    pub fn legal_force(self) -> &'static str {
        match self {
            Status::InForce => "https://schema.org/InForce",
            Status::PartiallyInForce => "https://schema.org/PartiallyInForce",
            Status::Repealed | Status::Pending => "https://schema.org/NotInForce",
        }
    }
}

/// One law of the registry, validated; references are indexes into [`Laws::laws`].
#[derive(Debug, Clone)]
pub struct Law {
    /// The file name without `.yaml`; what articles cite.
    pub key: String,
    /// File relative to the site root, for diagnostics.
    pub file: PathBuf,
    /// Whose law it is.
    pub jurisdiction: Jurisdiction,
    /// What kind of instrument.
    pub kind: Kind,
    /// Its number as written ("4/2000").
    pub number: String,
    /// Date of the law (signature or adoption), when known.
    pub date: Option<NaiveDate>,
    /// Date of publication in the official journal, when known.
    pub published: Option<NaiveDate>,
    /// Full title per language.
    pub title: Localized,
    /// Short title per language ("LO 4/2000", "ν. 4939/2022").
    pub short_title: Localized,
    /// European Legislation Identifier, when verified.
    pub eli: Option<String>,
    /// URL of the consolidated text, whose articles have anchors `#aN`.
    pub consolidated: Option<String>,
    /// The journal issue as cited ("BOE núm. 10, 12-01-2000", "ΦΕΚ Α' 111/10.06.2022").
    pub journal: Option<String>,
    /// Identifier in the official journal ("BOE-A-2000-544").
    pub journal_id: Option<String>,
    /// First day it applies, when known.
    pub in_force_from: Option<NaiveDate>,
    /// Whether it applies.
    pub status: Status,
    /// Laws it repealed.
    pub repeals: Vec<usize>,
    /// Laws it amended.
    pub amends: Vec<usize>,
    /// Laws that amended it (derived from their `amends`).
    pub amended_by: Vec<usize>,
    /// The law that repealed it.
    pub repealed_by: Option<usize>,
    /// The day the repeal took effect.
    pub repealed_on: Option<NaiveDate>,
}

/// What happened to a law on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Published in the official journal.
    Published,
    /// Entered into force.
    InForce,
    /// Amended by another law (its index), on that law's entry into force.
    Amended(usize),
    /// Repealed (by the law of that index, if known).
    Repealed(Option<usize>),
}

impl ChangeKind {
    /// A stable name for ids, CSS and locale selectors.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Published => "published",
            ChangeKind::InForce => "in-force",
            ChangeKind::Amended(_) => "amended",
            ChangeKind::Repealed(_) => "repealed",
        }
    }
}

/// A dated change of a law.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// Index of the law that changed.
    pub law: usize,
    /// What happened.
    pub kind: ChangeKind,
    /// When.
    pub date: NaiveDate,
}

/// Every law of the site, sorted by key.
#[derive(Debug, Clone, Default)]
pub struct Laws {
    /// The laws that loaded, sorted by key.
    pub laws: Vec<Law>,
    /// Keys of law files that failed to load: citing them is not reported again.
    pub broken: BTreeSet<String>,
}

impl Laws {
    /// Index of the law with `key`.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.laws.binary_search_by(|l| l.key.as_str().cmp(key)).ok()
    }

    /// Whether the site has no law.
    pub fn is_empty(&self) -> bool {
        self.laws.is_empty()
    }

    /// Every key, for did-you-mean.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.laws.iter().map(|l| l.key.as_str())
    }

    /// The dated changes of law `i`, oldest first: publication, entry into force,
    /// amendments by other laws (when they entered into force) and repeal.
    pub fn changes(&self, i: usize) -> Vec<Change> {
        let law = &self.laws[i];
        let mut out = Vec::new();
        let mut push = |kind, date: Option<NaiveDate>| {
            if let Some(date) = date {
                out.push(Change { law: i, kind, date });
            }
        };
        push(ChangeKind::Published, law.published);
        push(ChangeKind::InForce, law.in_force_from);
        for &by in &law.amended_by {
            push(ChangeKind::Amended(by), self.laws[by].in_force_from);
        }
        push(ChangeKind::Repealed(law.repealed_by), law.repealed_on);
        out.sort_by_key(|c| (c.date, c.kind));
        out
    }

    /// Changes that matter to an article reviewed on a date: entry into force,
    /// amendments and repeal (a publication alone changes nothing that applies).
    pub fn legal_changes(&self, i: usize) -> impl Iterator<Item = Change> {
        self.changes(i)
            .into_iter()
            .filter(|c| c.kind != ChangeKind::Published)
    }
}
