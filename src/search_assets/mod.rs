//! Search files of the built site: the browser runtime and each language's index,
//! cut so that a first query downloads only what it reads.
//!
//! Input: the wasm runtime embedded at compile time (see `build.rs`), the hand-written
//! loader, and the files of each language's tantivy index. Output: [`Output`]s under
//! `search/`:
//!
//! - `search/puerta-<hash>.wasm` and `search/puerta-search-<hash>.js`, named after
//!   their content so that browsers may cache them for good;
//! - per language, `search/<lang>/index.json` (the manifest: format version, files,
//!   chunk names), `search/<lang>/open-<hash>.bin` (the exact byte ranges that
//!   opening the index reads, found by opening it here, in one file) and the chunks,
//!   `search/<lang>/<file hash>-<n>.bin`, pieces of [`CHUNK`] bytes of every index
//!   file (smaller for some, see [`chunk_of`]), fetched when a query reads them. Chunks are named after their file's
//!   content and their number, so that the manifest stays small (one name a file).

mod canonical;
mod trace;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::render::Output;

/// Size of the pieces in which index files are fetched, unless [`chunk_of`] says
/// otherwise. Small enough that a lookup fetches little more than it reads (a postings
/// list, a block of stored documents): on the 1,000-article corpus, 4 KB pieces cut the
/// index bytes of a first query by a quarter against 16 KB ones, for about twice the
/// requests.
pub const CHUNK: usize = 4 * 1024;

/// The size of the pieces of the index file `name`. A term dictionary is read a block
/// of about 1,000 bytes at a time (see `puerta_search`'s index format 3), a stored
/// document a block of about 1 KB (one document, its text cut to an excerpt), and most
/// postings lists are a few hundred bytes: 1 KB pieces for all three, so that a
/// look-up fetches little more than it reads.
pub fn chunk_of(name: &str) -> usize {
    if name.ends_with(".term") || name.ends_with(".store") || name.ends_with(".idx") {
        1024
    } else {
        CHUNK
    }
}

/// The browser runtime, compiled by `build.rs`; empty when it could not be built.
pub static RUNTIME_WASM: &[u8] = include_bytes!(env!("PUERTA_SEARCH_WASM"));

/// The loader and search interface; `__PUERTA_WASM__` becomes the runtime's URL.
const LOADER_JS: &str = include_str!("loader.js");

/// The runtime's two files, with their content-hashed names.
#[derive(Debug, Clone)]
pub struct Runtime {
    /// `search/puerta-<hash>.wasm`, or `None` when the runtime is missing.
    pub wasm_path: Option<String>,
    /// `search/puerta-search-<hash>.js`.
    pub js_path: String,
    js: String,
}

impl Runtime {
    /// Names the embedded runtime and the loader, for a site served from `base`
    /// (`/` or `/sub/`).
    pub fn new(base: &str) -> Runtime {
        let wasm_path = (!RUNTIME_WASM.is_empty())
            .then(|| format!("search/puerta-{}.wasm", hash(RUNTIME_WASM)));
        let wasm_url = wasm_path
            .as_ref()
            .map_or_else(String::new, |p| format!("{base}{p}"));
        let js = LOADER_JS.replace("__PUERTA_WASM__", &wasm_url);
        Runtime {
            js_path: format!("search/puerta-search-{}.js", hash(js.as_bytes())),
            wasm_path,
            js,
        }
    }

    /// The runtime's files.
    pub fn outputs(&self) -> Vec<Output> {
        let mut out = vec![Output {
            path: self.js_path.clone(),
            bytes: self.js.clone().into_bytes(),
        }];
        if let Some(path) = &self.wasm_path {
            out.push(Output {
                path: path.clone(),
                bytes: RUNTIME_WASM.to_vec(),
            });
        }
        out
    }
}

/// The manifest of one language's index, as the loader reads it.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    lang: String,
    chunk: usize,
    files: BTreeMap<String, FileEntry>,
    open: Bundle,
}

/// A file of the index: its size, the hash its chunks are named after and the size
/// of its chunks (when not the manifest's `chunk`).
#[derive(Debug, Serialize, Deserialize)]
struct FileEntry {
    size: usize,
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    chunk: Option<usize>,
}

/// What opening the index reads, in one file: `(file, offset, length)` in order.
#[derive(Debug, Serialize, Deserialize)]
struct Bundle {
    url: String,
    ranges: Vec<(String, usize, usize)>,
}

/// The files of `lang`'s index (name, bytes), cut into chunks, with the manifest and
/// the bundle that opening needs. Fails when tantivy cannot open the index.
pub fn index_outputs(lang: &str, files: &[(String, Vec<u8>)]) -> Result<Vec<Output>, String> {
    let files = &canonical::canonical(files);
    let dir = format!("search/{lang}");
    let mut outputs = Vec::new();
    let mut entries = BTreeMap::new();
    for (name, bytes) in files {
        let id = hash(bytes);
        let chunk = chunk_of(name);
        for (n, piece) in bytes.chunks(chunk).enumerate() {
            outputs.push(Output {
                path: format!("{dir}/{id}-{n}.bin"),
                bytes: piece.to_vec(),
            });
        }
        let size = bytes.len();
        let chunk = (chunk != CHUNK).then_some(chunk);
        entries.insert(name.clone(), FileEntry { size, id, chunk });
    }
    let ranges = trace::open_reads(files)?;
    let mut bundle = Vec::new();
    let mut listed = Vec::new();
    for (name, range) in ranges {
        let bytes = &files.iter().find(|(n, _)| *n == name).map(|(_, b)| b);
        let Some(bytes) = bytes else { continue };
        bundle.extend_from_slice(&bytes[range.clone()]);
        listed.push((name, range.start, range.len()));
    }
    let bundle_name = format!("open-{}.bin", hash(&bundle));
    outputs.push(Output {
        path: format!("{dir}/{bundle_name}"),
        bytes: bundle,
    });
    let manifest = Manifest {
        format: puerta_search::INDEX_FORMAT_VERSION,
        lang: lang.to_string(),
        chunk: CHUNK,
        files: entries,
        open: Bundle {
            url: bundle_name,
            ranges: listed,
        },
    };
    let json = serde_json::to_vec(&manifest).map_err(|e| e.to_string())?;
    outputs.push(Output {
        path: format!("{dir}/index.json"),
        bytes: json,
    });
    Ok(outputs)
}

/// The files of the index of `lang` in a built site (`site/search/<lang>/`), put
/// back together from their chunks: what `puerta search` reads natively.
pub fn read_index(site: &std::path::Path, lang: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let dir = site.join("search").join(lang);
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let manifest: Manifest = serde_json::from_slice(&read("index.json")?)
        .map_err(|e| format!("{}: {e}", dir.join("index.json").display()))?;
    if manifest.format != puerta_search::INDEX_FORMAT_VERSION {
        return Err(format!(
            "{}: index format version {}, this puerta reads format version {}: rebuild the site",
            dir.display(),
            manifest.format,
            puerta_search::INDEX_FORMAT_VERSION
        ));
    }
    let mut files = Vec::new();
    for (name, entry) in manifest.files {
        let mut bytes = Vec::with_capacity(entry.size);
        let chunk = entry.chunk.unwrap_or(manifest.chunk).max(1);
        for n in 0..entry.size.div_ceil(chunk) {
            bytes.extend_from_slice(&read(&format!("{}-{n}.bin", entry.id))?);
        }
        if bytes.len() != entry.size {
            return Err(format!("{}: {name} is incomplete", dir.display()));
        }
        files.push((name, bytes));
    }
    Ok(files)
}

/// First 16 hex digits of the SHA-1 of `bytes`: a name that changes with the content.
pub fn hash(bytes: &[u8]) -> String {
    let digest = sha1_smol::Sha1::from(bytes).digest().to_string();
    digest[..16].to_string()
}

#[cfg(test)]
mod tests;
