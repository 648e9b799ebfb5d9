//! Opening one language's index from a [`Store`] and answering queries on it.
//!
//! Input: the store that the loader fills, a language and query requests (JSON).
//! Output: DESIGN.md §6's result JSON, or the chunks to fetch first, or an error.
//! The index's manifest (`index.json`, registered like any other file) carries the
//! format version; a runtime that reads another version refuses the index.

use std::sync::Arc;

use serde::Deserialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, FieldType, IndexRecordOption, OwnedValue, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, Term};

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
    /// A tantivy error: chunks to fetch when reads missed some, else the error.
    fn from_read(store: &Store, error: impl std::fmt::Display) -> Failure {
        let need = store.take_missing();
        if need.is_empty() {
            Failure::Error(error.to_string())
        } else {
            Failure::Need(need)
        }
    }
}

/// The part of the manifest the runtime checks.
#[derive(Debug, Deserialize)]
struct Manifest {
    format: u32,
    lang: String,
}

/// A query, as the loader sends it.
#[derive(Debug, Deserialize)]
pub struct Request {
    /// What the reader typed.
    pub q: String,
    /// Only this kind of document (article, service, …).
    #[serde(default)]
    pub kind: Option<String>,
    /// How many hits to return.
    #[serde(default = "default_limit")]
    pub limit: usize,
}

fn default_limit() -> usize {
    10
}

/// One language's index, open.
pub struct Engine {
    store: Arc<Store>,
    lang: String,
    index: Index,
    reader: IndexReader,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("lang", &self.lang).finish()
    }
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
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Failure::from_read(store, e))?;
        Ok(Engine {
            store: Arc::clone(store),
            lang: lang.to_string(),
            index,
            reader,
        })
    }

    /// Answers a request (JSON, see [`Request`]) with DESIGN.md §6's JSON.
    pub fn query(&self, request: &str) -> Result<String, Failure> {
        let request: Request = serde_json::from_str(request)
            .map_err(|e| Failure::Error(format!("bad request: {e}")))?;
        let searcher = self.reader.searcher();
        let result = self.search(&searcher, &request);
        // A read that missed a chunk may have been swallowed on the way (a snippet
        // left empty): fetch and run again rather than answer with less.
        let need = self.store.take_missing();
        if !need.is_empty() {
            return Err(Failure::Need(need));
        }
        result
    }

    /// Stand-in for `puerta_search::search` until it lands: every word of the query
    /// must match, in any text field; snippets from `body`.
    fn search(&self, searcher: &Searcher, request: &Request) -> Result<String, Failure> {
        let schema = self.index.schema();
        let text_fields: Vec<Field> = schema
            .fields()
            .filter(|(_, entry)| match entry.field_type() {
                FieldType::Str(o) => o
                    .get_indexing_options()
                    .is_some_and(|i| i.tokenizer() != "raw"),
                _ => false,
            })
            .map(|(field, _)| field)
            .collect();
        let query = self.stand_in_query(&text_fields, request)?;
        let need = warm::query(&self.store, &self.index, searcher, &*query, &text_fields);
        if !need.is_empty() {
            return Err(Failure::Need(need));
        }
        let limit = request.limit.clamp(1, 100);
        let (total, top) = searcher
            .search(
                &query,
                &(Count, TopDocs::with_limit(limit).order_by_score()),
            )
            .map_err(|e| Failure::from_read(&self.store, e))?;
        let snippets = match schema.get_field("body") {
            Ok(body) => Some(
                SnippetGenerator::create(searcher, &*query, body)
                    .map_err(|e| Failure::from_read(&self.store, e))?,
            ),
            Err(_) => None,
        };
        let addresses: Vec<_> = top.iter().map(|(_, a)| *a).collect();
        let docs = warm::docs(&self.store, searcher, &addresses).map_err(|(need, e)| {
            if need.is_empty() {
                Failure::Error(e)
            } else {
                Failure::Need(need)
            }
        })?;
        let mut hits = Vec::with_capacity(top.len());
        for ((score, _), doc) in top.into_iter().zip(docs) {
            let text_of = |name: &str| {
                schema
                    .get_field(name)
                    .ok()
                    .and_then(|f| doc.get_first(f))
                    .and_then(|v| match OwnedValue::from(v.as_value()) {
                        OwnedValue::Str(s) => Some(s),
                        _ => None,
                    })
                    .unwrap_or_default()
            };
            let snippet = snippets
                .as_ref()
                .map(|g| g.snippet_from_doc(&doc).to_html())
                .unwrap_or_default();
            hits.push(serde_json::json!({
                "url": text_of("url"),
                "title": text_of("title"),
                "kind": text_of("kind"),
                "lang": self.lang,
                "score": score,
                "snippet": snippet,
            }));
        }
        let out = serde_json::json!({
            "query": request.q,
            "lang": self.lang,
            "total": total,
            "hits": hits,
        });
        Ok(out.to_string())
    }
}

impl Engine {
    /// Every word in some text field (analyzed as that field is), and the kind asked for.
    fn stand_in_query(
        &self,
        fields: &[Field],
        request: &Request,
    ) -> Result<Box<dyn Query>, Failure> {
        let mut words: Vec<Box<dyn Query>> = Vec::new();
        for word in request.q.split_whitespace() {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for &field in fields {
                let mut analyzer = self
                    .index
                    .tokenizer_for_field(field)
                    .map_err(|e| Failure::Error(e.to_string()))?;
                let mut stream = analyzer.token_stream(word);
                while let Some(token) = stream.next() {
                    let term = Term::from_field_text(field, &token.text);
                    let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
                    alternatives.push((Occur::Should, Box::new(query)));
                }
            }
            words.push(Box::new(BooleanQuery::new(alternatives)));
        }
        let schema = self.index.schema();
        if let (Some(kind), Ok(field)) = (&request.kind, schema.get_field("kind")) {
            let term = Term::from_field_text(field, kind);
            words.push(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
        }
        Ok(Box::new(BooleanQuery::intersection(words)))
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
