//! Opening a built index from the output directory, for `puerta search` and tests.
//!
//! Input: a built site directory and a language. Output: the [`SearchIndex`] of
//! `search/<lang>/`, read into memory (the same reader as the browser's, over the same
//! files), or why it cannot be opened.

use std::path::{Path, PathBuf};

use puerta_search::{Lang, SearchIndex};

use super::SEARCH_DIR;

/// Why a built index cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The language has no analyzer.
    #[error("no search index for language `{0}`: expected one of es, el, en")]
    Language(String),
    /// The folder is missing or unreadable.
    #[error("cannot read the search index in {}: {source}; build the site first (puerta build)", .dir.display())]
    Io {
        /// The index folder.
        dir: PathBuf,
        /// The system error.
        #[source]
        source: std::io::Error,
    },
    /// The files are not a readable index of this version.
    #[error("{}: {source}", .dir.display())]
    Index {
        /// The index folder.
        dir: PathBuf,
        /// What the reader said.
        #[source]
        source: puerta_search::Error,
    },
}

/// Opens the index of `lang` in the built site at `site_dir` (`<site_dir>/search/<lang>/`).
pub fn open(site_dir: &Path, lang: &str) -> Result<SearchIndex, OpenError> {
    if Lang::parse(lang).is_none() {
        return Err(OpenError::Language(lang.to_string()));
    }
    let dir = site_dir.join(SEARCH_DIR).join(lang);
    let io = |source| OpenError::Io {
        dir: dir.clone(),
        source,
    };
    if !dir.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no such folder",
        )));
    }
    // The files, put back together from the pieces the browser fetches.
    let files = crate::search_assets::read_index(site_dir, lang)
        .map_err(|e| io(std::io::Error::other(e)))?;
    SearchIndex::from_files(files).map_err(|source| OpenError::Index {
        dir: dir.clone(),
        source,
    })
}
