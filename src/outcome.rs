//! What a build gives back: its [`Report`] when it succeeded, its [`Error`] when not.

use std::path::PathBuf;
use std::time::Duration;

use crate::diag::Diagnostic;
use crate::index;

/// What a successful build did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Files produced.
    pub files: usize,
    /// Bytes produced.
    pub bytes: u64,
    /// Articles (keys) and pages (keys).
    pub articles: usize,
    /// Plain pages (keys).
    pub pages: usize,
    /// Warnings; they do not fail the build.
    pub warnings: Vec<Diagnostic>,
    /// Files written because their content changed (all of them in a clean build).
    pub changed: usize,
    /// Files of the previous output deleted because the new site has no such file.
    pub removed: usize,
    /// Whether nothing changed since the last build, whose output was kept as it is.
    pub reused: bool,
    /// Time per stage, in order.
    pub stages: Vec<(&'static str, Duration)>,
    /// The search index of each language, when this build wrote them.
    pub indexes: Vec<index::IndexStats>,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's sources; the previous output is untouched.
    #[error("{} error(s) in the site", .errors.len())]
    Content {
        /// Every error found, sorted by place.
        errors: Vec<Diagnostic>,
        /// Warnings found on the way.
        warnings: Vec<Diagnostic>,
    },
    /// A search index could not be built (an internal error, not a content one).
    #[error(transparent)]
    Index(#[from] index::IndexError),
    /// The output could not be written.
    #[error("cannot write {}: {source}", .path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The system error.
        #[source]
        source: std::io::Error,
    },
}
