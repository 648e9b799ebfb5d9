//! Writing an index: [`Record`]s of one language → the files of a tantivy index.
//!
//! Stage: index (native builds only: tantivy's writer works on a thread). Input: the
//! records of one language and its protected terms. Output: [`IndexFile`]s, built in
//! memory: `meta.json`, which carries the [`IndexInfo`] (format version, language,
//! protected terms) as its payload, and the files of one segment. Records are indexed
//! in URL order, so that equal scores rank by URL; the segment is named after a hash of
//! its content, so that the same records give the same bytes and names.

use std::path::Path;
use std::sync::Arc;

use tantivy::directory::Directory;
use tantivy::indexer::NoMergePolicy;
use tantivy::schema::TantivyDocument;
use tantivy::{Index, IndexWriter};

use crate::schema::{schema, Fields, EXCERPT_BYTES};
use crate::{Error, Kind, Lang, Protected, INDEX_FORMAT_VERSION};

/// Bytes of memory the writer fills before it starts a new segment (they are merged
/// into one at the end).
const WRITER_MEMORY: usize = 64 << 20;

/// One document to index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Record {
    /// What it is.
    pub kind: Kind,
    /// Link to it, with the site's base path: `/es/blog/asilo/`.
    pub url: String,
    /// Language code of its text.
    pub lang: String,
    /// Title or name.
    pub title: String,
    /// Summary in plain words.
    pub summary: String,
    /// Full text, plain (no markup).
    pub body: String,
    /// Other names it is found by: aliases, names in other languages, taxonomy and city
    /// names.
    pub keywords: Vec<String>,
    /// Category codes.
    pub categories: Vec<String>,
    /// Service area codes.
    pub areas: Vec<String>,
    /// City ids.
    pub cities: Vec<String>,
    /// Numbers it is cited by, as written: a law's `4/2000`.
    pub numbers: Vec<String>,
}

/// What an index says about itself, in the payload of its `meta.json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexInfo {
    /// [`INDEX_FORMAT_VERSION`] of the writer.
    pub puerta_index_format: u32,
    /// Language code of the index.
    pub lang: String,
    /// The protected terms the index was analyzed with (entries, in precedence order):
    /// the reader analyzes queries with the very same.
    pub protected: Vec<String>,
}

/// A file of an index: its name in the index directory and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFile {
    /// File name (no directory part), e.g. `meta.json`.
    pub name: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// Builds the index of `lang` from `records` in memory and gives its files.
pub fn build(
    lang: Lang,
    protected: &Protected,
    mut records: Vec<Record>,
) -> Result<Vec<IndexFile>, Error> {
    let protected = Arc::new(protected.clone());
    // Stored documents in blocks of 1 KB rather than tantivy's 16 KB: the browser
    // fetches a whole block for each hit it shows, and a block of 1 KB holds one
    // document (the excerpt of a text is at most 1.2 KB) or a few small ones. The
    // blocks are not compressed: the web server compresses what it sends, and brotli
    // on plain text does far better than on lz4 blocks.
    let settings = tantivy::IndexSettings {
        docstore_blocksize: 1024,
        docstore_compression: tantivy::store::Compressor::None,
        ..tantivy::IndexSettings::default()
    };
    let index = Index::builder()
        .schema(schema(lang))
        .settings(settings)
        .create_in_ram()?;
    crate::analysis::register(index.tokenizers(), lang, protected.clone());
    let fields = Fields::of(&index.schema()).ok_or_else(|| Error::NotAnIndex("schema".into()))?;
    records.sort_by(|a, b| a.url.cmp(&b.url));

    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, WRITER_MEMORY)?;
    writer.set_merge_policy(Box::new(NoMergePolicy));
    for record in &records {
        writer.add_document(document(&fields, record))?;
    }
    writer.commit()?;
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    let info = IndexInfo {
        puerta_index_format: INDEX_FORMAT_VERSION,
        lang: lang.code().to_string(),
        protected: protected.entries().to_vec(),
    };
    let payload = serde_json::to_string(&info).map_err(|e| Error::NotAnIndex(e.to_string()))?;
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(&payload);
    commit.commit()?;
    writer.wait_merging_threads()?;
    crate::blocks::rewrite(&index)?;
    files(&index)
}

/// The start of `text`, at most [`EXCERPT_BYTES`], cut before a word.
fn excerpt(text: &str) -> &str {
    if text.len() <= EXCERPT_BYTES {
        return text;
    }
    let mut end = EXCERPT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    head.rfind(char::is_whitespace)
        .map_or(head, |space| &head[..space])
}

fn document(fields: &Fields, record: &Record) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, record.kind.as_str());
    doc.add_text(fields.url, &record.url);
    doc.add_text(fields.lang, &record.lang);
    doc.add_text(fields.title, &record.title);
    doc.add_text(fields.summary, &record.summary);
    doc.add_text(fields.body, &record.body);
    doc.add_text(fields.excerpt, excerpt(&record.body));
    for keyword in &record.keywords {
        doc.add_text(fields.keywords, keyword);
    }
    for (field, values) in [
        (fields.category, &record.categories),
        (fields.area, &record.areas),
        (fields.city, &record.cities),
        (fields.number, &record.numbers),
    ] {
        for value in values {
            doc.add_text(field, value);
        }
    }
    doc
}

/// The files of a committed single-segment index, the segment renamed after a hash of
/// its files (tantivy names it with a random id).
fn files(index: &Index) -> Result<Vec<IndexFile>, Error> {
    let dir = index.directory();
    // Raw bytes, footers included (`open_read` would cut them off).
    let read = |path: &Path| -> Result<Vec<u8>, Error> {
        dir.atomic_read(path)
            .map_err(|e| Error::NotAnIndex(e.to_string()))
    };
    let mut out = Vec::new();
    let mut renames = Vec::new();
    let managed = dir.list_managed_files();
    for meta in index.searchable_segment_metas()? {
        let old = meta.id().uuid_string();
        let mut segment_files: Vec<_> = managed
            .iter()
            .filter(|p| p.to_string_lossy().starts_with(&old))
            .cloned()
            .collect();
        segment_files.sort();
        let mut hash = Hash128::default();
        let mut contents = Vec::new();
        for path in segment_files {
            let bytes = read(&path)?;
            let name = path.to_string_lossy().into_owned();
            hash.update(name.trim_start_matches(&old).as_bytes());
            hash.update(&bytes);
            contents.push((name, bytes));
        }
        let new = hash.hex();
        for (name, bytes) in contents {
            out.push(IndexFile {
                name: name.replacen(&old, &new, 1),
                bytes,
            });
        }
        renames.push((old, new));
    }
    let mut meta = String::from_utf8(read(Path::new("meta.json"))?)
        .map_err(|e| Error::NotAnIndex(e.to_string()))?;
    for (old, new) in renames {
        meta = meta.replace(&hyphenated(&old), &hyphenated(&new));
    }
    out.push(IndexFile {
        name: "meta.json".into(),
        bytes: meta.into_bytes(),
    });
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// A 32-digit id as `meta.json` writes it: `8-4-4-4-12`.
fn hyphenated(id: &str) -> String {
    let mut out = String::with_capacity(36);
    for (i, c) in id.chars().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Two FNV-1a 64-bit hashes with different offsets: a 128-bit name, not a security
/// measure.
struct Hash128([u64; 2]);

impl Default for Hash128 {
    fn default() -> Hash128 {
        Hash128([0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142])
    }
}

impl Hash128 {
    fn update(&mut self, bytes: &[u8]) {
        for h in &mut self.0 {
            for b in bytes {
                *h ^= u64::from(*b);
                *h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.0[0], self.0[1])
    }
}
