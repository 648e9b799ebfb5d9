//! Reading an index: its files, or any tantivy `Directory` → a [`SearchIndex`].
//!
//! Stage: query. Input: the files written by [`crate::build`] (in memory, or behind a
//! `Directory` of the embedder's, such as bytes fetched by the browser). Output: an
//! index ready to search, with its language's analyzer registered with the protected
//! terms it was built with. A reader refuses an index of another
//! [`INDEX_FORMAT_VERSION`] with [`Error::FormatVersion`]. Nothing here starts a thread
//! or touches the file system (`ReloadPolicy::Manual`).

use std::path::Path;
use std::sync::Arc;

use tantivy::directory::{Directory, RamDirectory};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use crate::schema::Fields;
use crate::search::{Request, SearchResults};
use crate::writer::IndexInfo;
use crate::{Error, Lang, Protected, INDEX_FORMAT_VERSION};

/// An open index of one language.
#[derive(Clone)]
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    lang: Lang,
    protected: Arc<Protected>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("lang", &self.lang)
            .field("docs", &self.reader.searcher().num_docs())
            .finish()
    }
}

impl SearchIndex {
    /// Opens an index from its files (name, bytes), held in memory.
    pub fn from_files<N: AsRef<str>>(
        files: impl IntoIterator<Item = (N, Vec<u8>)>,
    ) -> Result<SearchIndex, Error> {
        let dir = RamDirectory::create();
        for (name, bytes) in files {
            dir.atomic_write(Path::new(name.as_ref()), &bytes)
                .map_err(|e| Error::NotAnIndex(format!("{}: {e}", name.as_ref())))?;
        }
        if !Index::exists(&dir).unwrap_or(false) {
            return Err(Error::NotAnIndex("no meta.json".into()));
        }
        SearchIndex::open(Index::open(dir)?)
    }

    /// Checks the format version and language of an opened tantivy index and registers
    /// its analyzer.
    pub fn open(index: Index) -> Result<SearchIndex, Error> {
        let info = info(&index)?;
        let lang = Lang::parse(&info.lang)
            .ok_or_else(|| Error::NotAnIndex(format!("unknown language `{}`", info.lang)))?;
        let fields = Fields::of(&index.schema())
            .ok_or_else(|| Error::NotAnIndex("the schema lacks puerta's fields".into()))?;
        let protected = Arc::new(Protected::from_entries(
            info.protected.iter().map(String::as_str),
        ));
        crate::analysis::register(index.tokenizers(), lang, protected.clone());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            lang,
            protected,
        })
    }

    /// The language of the index.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Its fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The protected terms it was built with.
    pub fn protected(&self) -> &Protected {
        &self.protected
    }

    /// A searcher over the index as opened.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Runs a search; see [`crate::search()`].
    pub fn search(&self, request: &Request) -> Result<SearchResults, Error> {
        crate::search::search_with(
            &self.searcher(),
            &self.fields,
            self.lang,
            &self.protected,
            request,
        )
    }
}

/// Opens what every query reads before it looks up a term: the term dictionaries of
/// every indexed field (their block index, not their blocks) and the field norms of
/// the fields scored. Failed reads are ignored: this is for readers that record what
/// they miss (the browser's) or every read (the builder's trace of what opening
/// reads, fetched as one file).
pub fn open_readers(searcher: &Searcher) {
    let schema = searcher.schema();
    let scored = Fields::of(schema).map(|f| f.weighted());
    for segment in searcher.segment_readers() {
        for (field, entry) in schema.fields() {
            if entry.is_indexed() {
                let _ = segment.inverted_index(field);
            }
        }
        for (field, _) in scored.iter().flatten() {
            let _ = segment.get_fieldnorms_reader(*field);
        }
    }
}

/// The [`IndexInfo`] of an index, checked against [`INDEX_FORMAT_VERSION`].
pub fn info(index: &Index) -> Result<IndexInfo, Error> {
    let metas = index.load_metas()?;
    let payload = metas
        .payload
        .ok_or_else(|| Error::NotAnIndex("meta.json carries no format version".into()))?;
    let value: serde_json::Value = serde_json::from_str(&payload)
        .map_err(|e| Error::NotAnIndex(format!("meta.json payload: {e}")))?;
    let found = value
        .get("puerta_index_format")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| Error::NotAnIndex("meta.json carries no format version".into()))?;
    if found != u64::from(INDEX_FORMAT_VERSION) {
        return Err(Error::FormatVersion {
            found: u32::try_from(found).unwrap_or(u32::MAX),
            expected: INDEX_FORMAT_VERSION,
        });
    }
    serde_json::from_value(value).map_err(|e| Error::NotAnIndex(format!("meta.json payload: {e}")))
}
