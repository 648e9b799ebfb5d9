//! The search runtime's wasm module: its exports are the `#[no_mangle]` functions of
//! `puerta-search-wasm`, linked in whole.

pub use puerta_search_wasm::*;
