//! Fuzz target `directory_yaml`: see [`puerta_fuzz::directory_yaml`] for the entry points and invariants.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    puerta_fuzz::directory_yaml(data);
});
