//! Fuzz target `markdown`: see [`puerta_fuzz::markdown`] for the entry points and invariants.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    puerta_fuzz::markdown(data);
});
