//! Search in a real browser (DESIGN.md §9): the example site is built, then
//! `.ci/web/search.mjs` drives Debian's headless Chromium through playwright-core over
//! it: in each language a query typed into the box shows the expected first result,
//! `?q=` shows results on load — the same results, in the same order, as `puerta
//! search` gives natively on the same built index — nothing of search is fetched
//! before the box is used, and with JavaScript off the form is still there. It prints
//! the bytes fetched before the first result.
//!
//! Under `CI=true` a missing node, Chromium, playwright-core or search runtime is a
//! failure; elsewhere the test says why it skips.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Judged queries of `tests/search/` (accents and tonos left out, several words, the
/// last one typed as a prefix, one with more hits than a page), with their expected
/// first result.
const CASES: [(&str, &str, &str); 7] = [
    ("es", "puerta unica", "/es/services/soie/"),
    ("es", "Athina", "/es/cities/athens/"),
    // More hits than the search page shows at first: its "more results" button.
    ("es", "madrid", "/es/cities/madrid/"),
    ("el", "νομικη συμβουλευτικη", "/el/services/kifkif-legal/"),
    (
        "el",
        "κανονισμος αλλοδαπων",
        "/el/blog/arraigo-κανονισμός-αλλοδαπών/",
    ),
    ("en", "legal advice lgbti", "/en/services/kifkif-legal/"),
    ("en", "puerta unica", "/en/services/soie/"),
];

/// The cases for search.mjs, each with what `puerta search` answers natively.
fn native_cases(site: &Path) -> serde_json::Value {
    let mut cases = Vec::new();
    for (lang, query, first) in CASES {
        let index = puerta::index::open(site, lang).expect("the built index opens");
        let mut request = puerta_search::Request::new(query);
        request.limit = 10; // as the search page asks first
        let results = index.search(&request).expect("native search");
        let hits: Vec<&str> = results.hits.iter().map(|h| h.url.as_str()).collect();
        assert_eq!(
            hits.first().copied(),
            Some(first),
            "{lang} {query}: natively"
        );
        // A city found by an alias has no word of the query in its text to highlight.
        let marks = query != "Athina";
        cases.push(serde_json::json!({
            "lang": lang, "query": query, "first": first, "hits": hits, "marks": marks,
        }));
    }
    serde_json::Value::Array(cases)
}

/// What the browser test needs and is missing, in words.
fn missing(web: &Path, chromium: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        missing.push("node".to_string());
    }
    if !chromium.is_file() {
        missing.push(format!("{} (Debian's chromium)", chromium.display()));
    }
    if !web.join("node_modules/playwright-core").is_dir() {
        missing.push(format!(
            "{}/node_modules/playwright-core (run .ci/install-tools)",
            web.display()
        ));
    }
    if puerta::search_assets::RUNTIME_WASM.is_empty() {
        missing.push("the search runtime (build.rs could not build it)".to_string());
    }
    missing
}

#[test]
fn search_works_in_headless_chromium_in_every_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let web = root.join(".ci/web");
    let chromium = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    let missing = missing(&web, &chromium);
    if !missing.is_empty() {
        let why = format!("browser tests need {}", missing.join(", "));
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{why}");
        }
        eprintln!("skipping: {why}");
        return;
    }

    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    puerta::build(&common::options(root, &out), &|_, _| {}).expect("the example site builds");
    let cases = tmp.path().join("cases.json");
    std::fs::write(&cases, native_cases(&out).to_string()).unwrap();
    let measures = tmp.path().join("search-bytes.json");
    let run = Command::new("node")
        .arg(web.join("search.mjs"))
        .arg(&out)
        .arg("--cases")
        .arg(&cases)
        .arg("--json")
        .arg(&measures)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "browser checks failed (above)");
    assert!(measures.is_file(), "search.mjs wrote no measures");
}
