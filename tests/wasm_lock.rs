//! The wasm search runtime is built in a workspace of its own (`wasm/`, with its own
//! `Cargo.lock`): every crate it pins must be pinned at the same version by the main
//! lock file, so that the browser reads indexes with the very tantivy that wrote them.

use std::collections::BTreeSet;
use std::path::Path;

/// (name, version) of every package of a lock file that comes from a registry.
fn registry_packages(lock: &Path) -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(lock).unwrap_or_else(|e| panic!("{}: {e}", lock.display()));
    let mut out = BTreeSet::new();
    for package in text.split("[[package]]").skip(1) {
        let field = |key: &str| {
            package.lines().find_map(|line| {
                let value = line.strip_prefix(key)?.trim().strip_prefix('=')?.trim();
                Some(value.trim_matches('"').to_string())
            })
        };
        let (Some(name), Some(version)) = (field("name "), field("version ")) else {
            panic!("{}: a package without name or version", lock.display());
        };
        if field("source ").is_some_and(|s| s.starts_with("registry+")) {
            out.insert((name, version));
        }
    }
    out
}

#[test]
fn the_wasm_runtime_pins_the_versions_of_the_main_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let main = registry_packages(&root.join("Cargo.lock"));
    let wasm = registry_packages(&root.join("wasm/Cargo.lock"));
    // The stand-in for `regex` (wasm/regex) is built on regex-lite, which only the
    // runtime uses.
    let only_wasm = ["regex-lite"];
    let drifted: Vec<String> = wasm
        .iter()
        .filter(|(name, _)| !only_wasm.contains(&name.as_str()))
        .filter(|p| !main.contains(*p))
        .map(|(name, version)| format!("{name} {version}"))
        .collect();
    assert!(
        drifted.is_empty(),
        "wasm/Cargo.lock pins versions that Cargo.lock does not: {drifted:?}; \
         copy Cargo.lock to wasm/Cargo.lock and run \
         `cargo metadata --manifest-path wasm/Cargo.toml --format-version 1 > /dev/null`"
    );
    assert!(
        wasm.iter().any(|(name, _)| name == "tantivy"),
        "wasm/Cargo.lock has no tantivy: is it the runtime's lock file?"
    );
}
