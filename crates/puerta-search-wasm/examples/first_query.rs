//! What a first query downloads, natively: the loader's part played on a built site.
//!
//! Usage: `cargo run --release -p puerta-search-wasm --example first_query -- SITE LANG
//! [--limit N] QUERY…`. For each query, a fresh store gets the manifest and the open
//! bundle of `SITE/search/LANG/`, the engine opens, and the query runs, fetching the
//! chunks it asks for from disk, round after round, as `loader.js` does. Prints one JSON
//! line per query: the pieces fetched (paths under `search/LANG/`, with the index file
//! each belongs to), the round trips, and the median time of the query run again with
//! every piece at hand. `benches/search/first-query.mjs` turns it into brotli bytes per
//! kind of index file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use puerta_search_wasm::engine::{Engine, Failure, MANIFEST};
use puerta_search_wasm::store::Store;
use serde::Deserialize;

#[derive(Deserialize)]
struct Manifest {
    chunk: usize,
    files: BTreeMap<String, Entry>,
    open: Bundle,
}

#[derive(Deserialize)]
struct Entry {
    size: usize,
    id: String,
    chunk: Option<usize>,
}

#[derive(Deserialize)]
struct Bundle {
    url: String,
    ranges: Vec<(String, usize, usize)>,
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut limit = 10usize;
    if let Some(i) = args.iter().position(|a| a == "--limit") {
        limit = args[i + 1].parse().expect("--limit N");
        args.drain(i..i + 2);
    }
    if args.len() < 3 {
        eprintln!("usage: first_query SITE LANG [--limit N] QUERY…");
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[0]).join("search").join(&args[1]);
    let lang = args[1].clone();
    let raw = std::fs::read(dir.join(MANIFEST)).expect("index.json");
    let manifest: Manifest = serde_json::from_slice(&raw).expect("manifest");
    for text in &args[2..] {
        let store = Store::new();
        store.declare(MANIFEST, raw.len(), raw.len());
        store.put(MANIFEST, 0, raw.clone()).expect("manifest");
        for (name, e) in &manifest.files {
            store.declare(name, e.size, e.chunk.unwrap_or(manifest.chunk));
        }
        let bundle = std::fs::read(dir.join(&manifest.open.url)).expect("open bundle");
        let mut at = 0;
        for (name, offset, len) in &manifest.open.ranges {
            store
                .put(name, *offset, bundle[at..at + len].to_vec())
                .expect("bundle range");
            at += len;
        }
        let mut pieces: Vec<(String, String)> = Vec::new();
        let mut rounds = 0;
        let mut fetch = |need: Vec<(String, usize)>, rounds: &mut usize| {
            *rounds += 1;
            for (name, n) in need {
                let e = &manifest.files[&name];
                let piece = format!("{}-{n}.bin", e.id);
                let bytes = std::fs::read(dir.join(&piece)).expect("piece");
                let chunk = e.chunk.unwrap_or(manifest.chunk);
                store.put(&name, n * chunk, bytes).expect("put");
                pieces.push((piece, name));
            }
        };
        let engine = loop {
            match Engine::open(&store, &lang) {
                Ok(engine) => break engine,
                Err(Failure::Need(need)) => fetch(need, &mut rounds),
                Err(Failure::Error(e)) => panic!("{e}"),
            }
        };
        let open_rounds = rounds;
        let request = serde_json::json!({ "text": text, "limit": limit }).to_string();
        let answer = loop {
            match engine.query(&request) {
                Ok(answer) => break answer,
                Err(Failure::Need(need)) => fetch(need, &mut rounds),
                Err(Failure::Error(e)) => panic!("{e}"),
            }
        };
        let answer: serde_json::Value = serde_json::from_str(&answer).expect("answer");
        let mut times: Vec<f64> = (0..15)
            .map(|_| {
                let start = Instant::now();
                engine.query(&request).expect("warm query");
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let hits: Vec<&str> = answer["hits"]
            .as_array()
            .map(|h| h.iter().filter_map(|h| h["url"].as_str()).collect())
            .unwrap_or_default();
        let line = serde_json::json!({
            "lang": lang,
            "query": text,
            "dir": Path::new(&dir).display().to_string(),
            "open": manifest.open.url,
            "openRounds": open_rounds,
            "rounds": rounds - open_rounds,
            "pieces": pieces,
            "total": answer["total"],
            "hits": hits,
            "warmMs": times[times.len() / 2],
        });
        println!("{line}");
    }
}
