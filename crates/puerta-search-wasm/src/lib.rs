//! The browser search runtime: compiled for `wasm32-unknown-unknown`, it will open the
//! tantivy index of the page's language from fetched bytes (search issue).
//!
//! This skeleton exports the index format version so that the loader can already
//! check it, and nothing else: it has no imports, so a hand-written JS shim loads it.

/// The index format this runtime reads; see [`puerta_search::INDEX_FORMAT_VERSION`].
#[no_mangle]
pub extern "C" fn puerta_index_format_version() -> u32 {
    puerta_search::INDEX_FORMAT_VERSION
}
