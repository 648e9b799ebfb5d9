//! Fuzz target `search_query`: see [`puerta_fuzz::search_query`] for the entry points and invariants.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    puerta_fuzz::search_query(data);
});
