//! Opening one language's index from a [`Store`] and answering queries on it with
//! `puerta-search`, the very code that `puerta search` runs natively.
//!
//! Input: the store that the loader fills, a language and query requests (JSON, a
//! [`puerta_search::Request`]). Output: DESIGN.md §6's result JSON, or the chunks to
//! fetch first, or an error. The index's manifest (`index.json`, registered like any
//! other file) carries the format version, and so does the index itself: a runtime
//! that reads another version refuses the index.

use std::sync::Arc;

use puerta_search::tantivy::Index;
use puerta_search::{query, Request, SearchIndex};
use serde::Deserialize;

use crate::store::{Need, Store};
use crate::warm;

/// The manifest's name in the store: the loader registers it before `open`.
pub const MANIFEST: &str = "index.json";

/// Why a call did not give a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// These chunks must be fetched, then the call made again.
    Need(Vec<Need>),
    /// Nothing to retry: the message says what is wrong.
    Error(String),
}

impl Failure {
    /// An error of a read: chunks to fetch when reads missed some, else the error.
    fn from_read(store: &Store, error: impl std::fmt::Display) -> Failure {
        let need = store.take_missing();
        if need.is_empty() {
            Failure::Error(error.to_string())
        } else {
            Failure::Need(need)
        }
    }
}

/// Chunks to fetch, if any, as a failure.
fn need(need: Vec<Need>) -> Result<(), Failure> {
    if need.is_empty() {
        Ok(())
    } else {
        Err(Failure::Need(need))
    }
}

/// The part of the manifest the runtime checks.
#[derive(Debug, Deserialize)]
struct Manifest {
    format: u32,
    lang: String,
}

/// One language's index, open.
#[derive(Debug)]
pub struct Engine {
    store: Arc<Store>,
    index: SearchIndex,
}

impl Engine {
    /// Opens the index of `lang` held in `store`, after checking its manifest.
    pub fn open(store: &Arc<Store>, lang: &str) -> Result<Engine, Failure> {
        let manifest = store.read_all(MANIFEST).ok_or_else(|| {
            Failure::Error(format!("{MANIFEST} of the {lang} index was not registered"))
        })?;
        let manifest: Manifest = serde_json::from_slice(&manifest)
            .map_err(|e| Failure::Error(format!("{MANIFEST}: {e}")))?;
        check_format(manifest.format)?;
        if manifest.lang != lang {
            return Err(Failure::Error(format!(
                "the index registered is the {} one, not {lang}",
                manifest.lang
            )));
        }
        let index = Index::open(store.directory()).map_err(|e| Failure::from_read(store, e))?;
        let index = SearchIndex::open(index).map_err(|e| Failure::from_read(store, e))?;
        // What every query reads first; the loader has it from the `open` bundle.
        puerta_search::reader::open_readers(&index.searcher());
        need(store.take_missing())?;
        Ok(Engine {
            store: Arc::clone(store),
            index,
        })
    }

    /// Answers a request (JSON: `{"text", "kinds"?, "facets"?, "limit"?}`) with
    /// DESIGN.md §6's JSON.
    pub fn query(&self, request: &str) -> Result<String, Failure> {
        let request: Request = serde_json::from_str(request)
            .map_err(|e| Failure::Error(format!("bad request: {e}")))?;
        // Once its pieces are here, a query runs once; only a query that misses some
        // is warmed, to ask for all it reads a level at a time.
        if let Ok(results) = self.index.search(&request) {
            if self.store.take_missing().is_empty() {
                return serde_json::to_string(&results).map_err(|e| Failure::Error(e.to_string()));
            }
        }
        self.store.take_missing();
        self.warm(&request)?;
        let results = self
            .index
            .search(&request)
            .map_err(|e| Failure::from_read(&self.store, e))?;
        // A read that missed a chunk may have been swallowed on the way (a snippet
        // left empty): fetch and run again rather than answer with less.
        need(self.store.take_missing())?;
        serde_json::to_string(&results).map_err(|e| Failure::Error(e.to_string()))
    }

    /// Fetches, level by level, what the search of `request` reads.
    fn warm(&self, request: &Request) -> Result<(), Failure> {
        let (index, store) = (&self.index, &self.store);
        let fields = index.fields();
        let searcher = index.searcher();
        let mut analyzer = index
            .index()
            .tokenizer_for_field(fields.title)
            .map_err(|e| Failure::Error(e.to_string()))?;
        let words = query::words(&request.text, &mut analyzer, index.protected());
        if words.is_empty() {
            return Ok(());
        }
        need(warm::dictionaries(
            store,
            index.index(),
            &searcher,
            fields,
            &words,
        ))?;
        let numbers = query::numbers(&request.text);
        let built = query::build(
            &searcher,
            fields,
            &words,
            &numbers,
            &request.kinds,
            &request.facets,
        )
        .map_err(|e| Failure::from_read(store, e))?;
        need(warm::postings(store, &searcher, &*built.query))?;
        need(warm::docs(store, &searcher, &*built.query, request.limit))
    }
}

/// Refuses an index written in another format than the one this runtime reads.
pub fn check_format(found: u32) -> Result<(), Failure> {
    let expected = puerta_search::INDEX_FORMAT_VERSION;
    if found == expected {
        Ok(())
    } else {
        Err(Failure::Error(format!(
            "the search index has format {found} and this search runtime reads format \
             {expected}: rebuild the site with the same puerta version for both"
        )))
    }
}
