//! `regex` as regex-lite: the same API for the patterns tantivy builds (a facet's
//! slashes), without the Unicode tables (see wasm/Cargo.toml).

pub use regex_lite::*;
