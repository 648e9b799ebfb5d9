//! Search schema, text analysis, index writing and reading, and query building shared by
//! the `puerta` builder (native) and the browser runtime (`puerta-search-wasm`).
//!
//! Stage: index / query. Input: [`Record`]s to index, or a query string. Output: the
//! files of an index ([`build`]), or [`SearchResults`] ([`SearchIndex::search`]).
//!
//! - [`analysis`]: the analyzers `puerta_es`, `puerta_el`, `puerta_en` (fold before
//!   stemming, [`Protected`] terms kept unstemmed);
//! - [`schema`](mod@schema): the fields of every index;
//! - [`writer`]: builds an index in memory and gives its files (native builds only: the
//!   writer uses a thread);
//! - [`reader`]: opens an index from its files or any tantivy `Directory`, checking
//!   [`INDEX_FORMAT_VERSION`];
//! - [`query`] and [`search`](mod@search): every word must match, the last one also as
//!   a prefix, typos tolerated below exact matches, BM25 with field boosts, filters,
//!   snippets and suggestions.
//!
//! Nothing on the query side uses threads, the file system or memory maps, so that the
//! same code runs in `wasm32-unknown-unknown`.

#![warn(missing_docs)]

mod affine;
pub mod analysis;
mod blocks;
mod letters;
pub mod protected;
pub mod query;
pub mod reader;
pub mod schema;
pub mod search;
mod snippet;
mod suggest;
pub mod writer;

use std::fmt;
use std::str::FromStr;

pub use analysis::fold;
pub use protected::Protected;
pub use reader::SearchIndex;
pub use schema::{schema, Fields};
pub use search::{search, Hit, Request, SearchResults};
pub use writer::{build, IndexFile, Record};

/// The tantivy this crate is built on, for embedders that implement a `Directory` or
/// read an index further (the same version on both sides).
pub use tantivy;

/// Version of the index format; a reader refuses any other.
///
/// 2: sstable term dictionaries (tantivy's `quickwit` feature), stored documents not
/// compressed. 3: dictionary blocks of 1,000 bytes, the body indexed but not stored
/// (an `excerpt` field stores its start), stored documents in 1 KB blocks.
pub const INDEX_FORMAT_VERSION: u32 = 3;

/// Why indexing or searching failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The index was written in another format version.
    #[error(
        "the search index has format version {found}, this program reads version {expected}: \
         rebuild the site with the same version of puerta"
    )]
    FormatVersion {
        /// The version the index carries.
        found: u32,
        /// [`INDEX_FORMAT_VERSION`].
        expected: u32,
    },
    /// The files are not a puerta search index.
    #[error("not a puerta search index: {0}")]
    NotAnIndex(String),
    /// An error of tantivy (corrupt files, a failed read).
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// A failed read of index bytes as an [`Error`].
pub(crate) fn io(e: std::io::Error) -> Error {
    Error::Tantivy(e.into())
}

/// A language with an index and an analyzer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Spanish.
    Es,
    /// Greek.
    El,
    /// English.
    En,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 3] = [Lang::Es, Lang::El, Lang::En];

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::El => "el",
            Lang::En => "en",
        }
    }

    /// The language of a code; `None` for a language without an analyzer.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The name its analyzer is registered under: `puerta_es`, `puerta_el`, `puerta_en`.
    pub fn analyzer_name(self) -> &'static str {
        match self {
            Lang::Es => "puerta_es",
            Lang::El => "puerta_el",
            Lang::En => "puerta_en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The kinds of documents an index holds, as written in results and `--kind` filters.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A blog article.
    #[default]
    Article,
    /// A plain page (about, help).
    Page,
    /// A directory service.
    Service,
    /// An organization.
    Organization,
    /// A seminar.
    Seminar,
    /// A city.
    City,
    /// A network of cities.
    Network,
    /// A law.
    Law,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 8] = [
        Kind::Article,
        Kind::Page,
        Kind::Service,
        Kind::Organization,
        Kind::Seminar,
        Kind::City,
        Kind::Network,
        Kind::Law,
    ];

    /// The name used in JSON output and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Page => "page",
            Kind::Service => "service",
            Kind::Organization => "organization",
            Kind::Seminar => "seminar",
            Kind::City => "city",
            Kind::Network => "network",
            Kind::Law => "law",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown kind `{s}`: expected one of {}", names.join(", "))
            })
    }
}

/// A dimension results can be filtered by, besides their kind.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    /// Category code of an article.
    Category,
    /// Service area code.
    Area,
    /// City id.
    City,
}

impl Facet {
    /// Every facet.
    pub const ALL: [Facet; 3] = [Facet::Category, Facet::Area, Facet::City];

    /// The name of the facet (and of its field).
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Category => "category",
            Facet::Area => "area",
            Facet::City => "city",
        }
    }
}

impl FromStr for Facet {
    type Err = String;

    fn from_str(s: &str) -> Result<Facet, String> {
        Facet::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown facet `{s}`: expected category, area or city"))
    }
}
