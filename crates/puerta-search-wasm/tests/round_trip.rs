//! A host-built round trip of the search reader: an index written natively, handed to
//! the runtime's store chunk by chunk as the loader would, opened and queried.

use std::sync::Arc;

use puerta_search::{Kind, Lang, Protected, Record};
use puerta_search_wasm::engine::{check_format, Engine, Failure, MANIFEST};
use puerta_search_wasm::store::Store;

const CHUNK: usize = 256;

/// The files of a small English index written by puerta-search's builder.
fn index_files() -> Vec<(String, Vec<u8>)> {
    let filler = "law residence permit work family ".repeat(40);
    let records = (0..200)
        .map(|i| {
            let (title, kind) = if i == 137 {
                ("Asylum and international protection", Kind::Article)
            } else {
                ("Residence permits", Kind::Service)
            };
            Record {
                kind,
                url: format!("/en/blog/{i}/"),
                lang: "en".into(),
                title: title.into(),
                summary: String::new(),
                body: format!("{filler} number{i}"),
                keywords: Vec::new(),
                categories: Vec::new(),
                areas: Vec::new(),
                cities: Vec::new(),
                numbers: Vec::new(),
            }
        })
        .collect();
    let protected = Protected::with_defaults(Lang::En, &[]);
    puerta_search::build(Lang::En, &protected, records)
        .unwrap()
        .into_iter()
        .map(|f| (f.name, f.bytes))
        .collect()
}

/// Registers the manifest and declares every file, as the loader does.
fn declared(files: &[(String, Vec<u8>)], format: u32) -> Arc<Store> {
    let store = Store::new();
    let manifest = format!(r#"{{"format":{format},"lang":"en"}}"#).into_bytes();
    store.declare(MANIFEST, manifest.len(), manifest.len());
    store.put(MANIFEST, 0, manifest).unwrap();
    for (name, bytes) in files {
        store.declare(name, bytes.len(), CHUNK);
    }
    store
}

/// Puts the chunks `need` asks for (file name, chunk number) into the store, as the
/// loader's fetches would; gives the file name of each chunk.
fn fetch(store: &Store, files: &[(String, Vec<u8>)], need: Vec<(String, usize)>) -> Vec<String> {
    need.into_iter()
        .map(|(name, i)| {
            let bytes = &files.iter().find(|(n, _)| *n == name).unwrap().1;
            let range = i * CHUNK..((i + 1) * CHUNK).min(bytes.len());
            store
                .put(&name, range.start, bytes[range].to_vec())
                .unwrap();
            name
        })
        .collect()
}

/// Fetches what a failure asks for; counts round trips and chunks.
fn retry<T>(
    store: &Store,
    files: &[(String, Vec<u8>)],
    stats: &mut (usize, usize),
    mut call: impl FnMut() -> Result<T, Failure>,
) -> T {
    loop {
        match call() {
            Ok(value) => return value,
            Err(Failure::Error(e)) => panic!("{e}"),
            Err(Failure::Need(need)) => {
                stats.0 += 1;
                stats.1 += fetch(store, files, need).len();
                assert!(stats.0 < 100, "too many round trips");
            }
        }
    }
}

#[test]
fn opens_and_queries_an_index_fetched_in_chunks() {
    let files = index_files();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let store = declared(&files, puerta_search::INDEX_FORMAT_VERSION);
    let mut stats = (0, 0);
    let engine = retry(&store, &files, &mut stats, || Engine::open(&store, "en"));
    println!("open: {} round trips, {} chunks", stats.0, stats.1);
    let opened = stats.0;
    let json = retry(&store, &files, &mut stats, || {
        engine.query(r#"{"text":"asylum protection"}"#)
    });
    let result: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(result["total"], 1, "{result}");
    assert_eq!(result["hits"][0]["url"], "/en/blog/137/");
    assert_eq!(result["hits"][0]["kind"], "article");
    let fetched = stats.1 * CHUNK;
    println!(
        "{} round trips, {} chunks ({fetched} bytes) of {total}",
        stats.0, stats.1
    );
    assert!(fetched < total, "fetched {fetched} of {total} bytes");
    // Warming fetches a level at a time: dictionaries, postings, stored documents.
    assert!(stats.0 - opened <= 3, "{} round trips", stats.0 - opened);

    // Once fetched, a chunk is never asked for again.
    let again = engine.query(r#"{"text":"asylum"}"#).unwrap();
    assert!(again.contains("/en/blog/137/"));
    let kind = retry(&store, &files, &mut stats, || {
        engine.query(r#"{"text":"permit","kinds":["article"]}"#)
    });
    let kind: serde_json::Value = serde_json::from_str(&kind).unwrap();
    assert_eq!(kind["total"], 1, "{kind}");
}

/// A made-up word for `n`: six letters, the first varying fastest, and a `q` that no
/// stemmer takes off.
fn word(mut n: usize) -> String {
    let mut word: String = (0..6)
        .map(|_| {
            let letter = char::from(b'a' + (n % 26) as u8);
            n /= 26;
            letter
        })
        .collect();
    word.push('q');
    word
}

#[test]
fn a_first_query_reads_a_few_blocks_of_the_term_dictionary() {
    // 20,000 different words: a body dictionary of many 4 KB blocks.
    let records = (0..1000)
        .map(|i| Record {
            kind: Kind::Article,
            url: format!("/en/blog/{i}/"),
            lang: "en".into(),
            title: format!("Article {i}"),
            body: (0..20)
                .map(|j| word(i * 20 + j))
                .collect::<Vec<_>>()
                .join(" "),
            ..Record::default()
        })
        .collect();
    let protected = Protected::with_defaults(Lang::En, &[]);
    let files: Vec<(String, Vec<u8>)> = puerta_search::build(Lang::En, &protected, records)
        .unwrap()
        .into_iter()
        .map(|f| (f.name, f.bytes))
        .collect();
    let store = declared(&files, puerta_search::INDEX_FORMAT_VERSION);
    let mut stats = (0, 0);
    let engine = retry(&store, &files, &mut stats, || Engine::open(&store, "en"));
    let opened = stats;
    // Counts the chunks of the term dictionary file that the query fetches.
    let (term, term_bytes) = files
        .iter()
        .find(|(name, _)| name.ends_with(".term"))
        .map(|(name, bytes)| (name.clone(), bytes.len()))
        .unwrap();
    let target = 12_345;
    let mut fetched = Vec::new();
    let json = loop {
        match engine.query(&format!(r#"{{"text":"{} "}}"#, word(target))) {
            Ok(json) => break json,
            Err(Failure::Error(e)) => panic!("{e}"),
            Err(Failure::Need(need)) => {
                stats.0 += 1;
                fetched.extend(fetch(&store, &files, need));
                assert!(stats.0 < 100, "too many round trips");
            }
        }
    };
    let result: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        result["hits"][0]["url"],
        format!("/en/blog/{}/", target / 20),
        "{result}"
    );
    let term_chunks = fetched.iter().filter(|n| **n == term).count();
    println!(
        "{} round trips; {term_chunks} chunks ({} bytes) of a {term_bytes}-byte term file",
        stats.0 - opened.0,
        term_chunks * CHUNK
    );
    assert!(
        term_chunks * CHUNK * 5 < term_bytes,
        "{term_chunks} chunks of {CHUNK} bytes out of {term_bytes}"
    );
    assert!(
        stats.0 - opened.0 <= 3,
        "{} round trips",
        stats.0 - opened.0
    );
}

#[test]
fn refuses_an_index_of_another_format() {
    let files = index_files();
    let store = declared(&files, puerta_search::INDEX_FORMAT_VERSION + 1);
    let Err(Failure::Error(message)) = Engine::open(&store, "en") else {
        panic!("opened an index of another format");
    };
    assert!(message.contains("format"), "{message}");
    assert!(check_format(puerta_search::INDEX_FORMAT_VERSION).is_ok());
}
