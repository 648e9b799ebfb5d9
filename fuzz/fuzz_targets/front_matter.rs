//! Fuzz target `front_matter`: see [`puerta_fuzz::front_matter`] for the entry points and invariants.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    puerta_fuzz::front_matter(data);
});
