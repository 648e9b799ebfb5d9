//! Search end to end: a fixture site is built, and `puerta search` (the binary) answers
//! from the files written, with the JSON of DESIGN.md §6. Also: real translations only
//! (a fallback page is not indexed again), links carry the base path, the site's own
//! protected terms from `puerta.yaml`, filters, a redacted location that search can
//! never find, and clear errors for a missing or mismatched index.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn puerta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(args)
        .output()
        .expect("the puerta binary runs")
}

/// `puerta search --json` on the built site at `out`.
fn search(out: &Path, lang: &str, extra: &[&str], query: &str) -> Value {
    let index = out.to_string_lossy().into_owned();
    let mut args = vec!["search", "--index", &index, "--lang", lang, "--json"];
    args.extend_from_slice(extra);
    args.push(query);
    let output = puerta(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "puerta search failed:\n{stderr}");
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

fn urls(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .expect("hits is an array")
        .iter()
        .map(|h| h["url"].as_str().expect("url is a string").to_string())
        .collect()
}

#[test]
fn search_command_prints_the_json_of_the_design() {
    let built = common::build("search-basic");
    let results = search(&built.out, "es", &[], "arraigo");
    assert_eq!(results["query"], "arraigo");
    assert_eq!(results["lang"], "es");
    assert_eq!(results["total"], 2);
    let hit = &results["hits"][0];
    assert_eq!(
        hit["url"], "/sub/es/blog/arraigo/",
        "links carry the base path"
    );
    assert_eq!(hit["title"], "El arraigo social, paso a paso");
    assert_eq!(hit["kind"], "article");
    assert_eq!(hit["lang"], "es");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert!(hit["snippet"]
        .as_str()
        .unwrap()
        .contains("<mark>arraigo</mark>"));
    let keys: Vec<&str> = results
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["hits", "lang", "query", "total"]);
}

#[test]
fn every_language_has_its_index_and_only_real_translations() {
    let built = common::build("search-basic");
    for lang in ["es", "el", "en"] {
        assert!(built.exists(&format!("search/{lang}/index.json")), "{lang}");
    }
    let es = search(&built.out, "es", &[], "convocatoria");
    assert_eq!(urls(&es), ["/sub/es/blog/solo-espanol/"]);
    // English and Greek show that article as a fallback page: not in their indexes.
    assert_eq!(search(&built.out, "en", &[], "convocatoria")["total"], 0);
    assert_eq!(search(&built.out, "el", &[], "convocatoria")["total"], 0);
    // Directory entities are in every language, in its words.
    assert_eq!(
        urls(&search(&built.out, "en", &[], "legal advice"))[0],
        "/sub/en/services/juridico/"
    );
    assert_eq!(
        urls(&search(&built.out, "el", &[], "νομικη"))[0],
        "/sub/el/services/juridico/"
    );
    // The build reports each index as written: its files and bytes are those on disk.
    let langs: Vec<&str> = built
        .report
        .indexes
        .iter()
        .map(|i| i.lang.as_str())
        .collect();
    assert_eq!(langs, ["es", "el", "en"]);
    for index in &built.report.indexes {
        let prefix = format!("search/{}/", index.lang);
        let on_disk: Vec<(String, Vec<u8>)> = common::tree(&built.out)
            .into_iter()
            .filter(|(path, _)| path.starts_with(&prefix))
            .collect();
        assert_eq!(index.files, on_disk.len(), "{}", index.lang);
        let bytes: usize = on_disk.iter().map(|(_, b)| b.len()).sum();
        assert_eq!(index.bytes, bytes, "{}", index.lang);
        assert!(index.documents > 0, "{}", index.lang);
    }
    let es = &built.report.indexes[0];
    let en = &built.report.indexes[2];
    assert_eq!(
        es.documents,
        en.documents + 2,
        "the Spanish-only article and page are in the Spanish index only"
    );
}

#[test]
fn greek_refugee_and_appeal_stay_apart_end_to_end() {
    let built = common::build("search-basic");
    assert_eq!(
        urls(&search(&built.out, "el", &[], "πρόσφυγες")),
        ["/sub/el/blog/prosfyges/"]
    );
    assert_eq!(
        urls(&search(&built.out, "el", &[], "ΠΡΟΣΦΥΓΑΣ")),
        ["/sub/el/blog/prosfyges/"]
    );
    assert_eq!(
        urls(&search(&built.out, "el", &[], "προσφυγή")),
        ["/sub/el/blog/prosfygi/"]
    );
    assert_eq!(
        urls(&search(&built.out, "el", &[], "προσφυγές")),
        ["/sub/el/blog/prosfygi/"]
    );
}

#[test]
fn site_protected_terms_extend_the_defaults() {
    let built = common::build("search-basic");
    let files = puerta::search_assets::read_index(&built.out, "es").unwrap();
    let meta = files.iter().find(|(name, _)| name == "meta.json").unwrap();
    let meta = String::from_utf8_lossy(&meta.1);
    assert!(
        meta.contains("arraigo arraigos"),
        "the index records the site's terms"
    );
    // "arraigada" stems like "arraigo" would, but "arraigo" is protected: the service,
    // which only says "arraigo", is not an exact match (below the exact class).
    let results = search(&built.out, "es", &[], "arraigada");
    let hits = results["hits"].as_array().unwrap();
    assert_eq!(hits[0]["url"], "/sub/es/blog/arraigo/");
    for hit in hits
        .iter()
        .filter(|h| h["url"] == "/sub/es/services/juridico/")
    {
        assert!(hit["score"].as_f64().unwrap() < 100.0, "{hit}");
    }
}

#[test]
fn kind_and_facet_filters_and_cities_in_another_script() {
    let built = common::build("search-basic");
    let athens = "/sub/es/cities/athens/";
    assert_eq!(urls(&search(&built.out, "es", &[], "Athina"))[0], athens);
    assert_eq!(urls(&search(&built.out, "es", &[], "Αθήνα"))[0], athens);
    assert_eq!(
        urls(&search(&built.out, "en", &[], "Αθηνα"))[0],
        "/sub/en/cities/athens/"
    );
    let madrid = search(&built.out, "es", &["--kind", "service"], "madrid");
    assert_eq!(urls(&madrid), ["/sub/es/services/juridico/"]);
    let by_city = search(
        &built.out,
        "es",
        &["--facet", "city=madrid", "--kind", "organization"],
        "asociacion",
    );
    assert_eq!(urls(&by_city), ["/sub/es/organizations/ayuda/"]);
    let residence = search(&built.out, "en", &[], "residence");
    assert_eq!(residence["total"], 2, "the article and the service");
    let category = search(
        &built.out,
        "en",
        &["--facet", "category=residence"],
        "residence",
    );
    assert_eq!(urls(&category), ["/sub/en/blog/arraigo/"]);
}

#[test]
fn nothing_found_comes_with_a_suggestion_and_human_output() {
    let built = common::build("search-basic");
    let results = search(&built.out, "es", &[], "arrgaio madrid");
    assert_eq!(results["total"], 0);
    assert_eq!(results["suggestions"][0], "arraigo madrid");
    let index = built.out.to_string_lossy().into_owned();
    let out = puerta(&["search", "--index", &index, "--lang", "es", "asilo"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("1 result for \"asilo\" (es)"), "{text}");
    assert!(text.contains("/sub/es/services/juridico/"), "{text}");
}

#[test]
fn redacted_location_cannot_be_found() {
    let built = common::build("directory-redacted");
    for secret in [
        "Nogalera",
        "Escondida",
        "Magdalena",
        "Tirso de Molina",
        "casa-refugio",
    ] {
        for lang in ["es", "el", "en"] {
            let results = search(&built.out, lang, &[], secret);
            assert_eq!(results["total"], 0, "{lang}: {secret} found: {results}");
            assert!(!results["hits"].to_string().contains(secret));
            assert!(!results["suggestions"].to_string().contains(secret));
        }
    }
    // Its city stays public: the service is found in Madrid.
    let results = search(&built.out, "es", &["--facet", "city=madrid"], "acogida");
    assert_eq!(urls(&results), ["/es/services/acogida/"]);
    // No stored text of any document names it.
    use puerta_search::tantivy::schema::document::Document;
    let index = puerta::index::open(&built.out, "es").expect("the index opens");
    let searcher = index.searcher();
    for segment in searcher.segment_readers() {
        let store = segment.get_store_reader(1).expect("store");
        for doc in store.iter::<puerta_search::tantivy::TantivyDocument>(None) {
            let json = doc.expect("doc").to_json(searcher.schema());
            assert!(
                !json.contains("Nogalera") && !json.contains("Magdalena"),
                "{json}"
            );
        }
    }
}

#[test]
fn missing_or_mismatched_index_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_string_lossy().into_owned();
    let out = puerta(&["search", "--index", &dir, "--lang", "es", "asilo"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("build the site first"), "{err}");

    let built = common::build("search-basic");
    // The manifest of the pieces the browser fetches names the format; so does the
    // index's own meta.json, which the reader checks too.
    let manifest = built.out.join("search/es/index.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let format = format!("\"format\":{}", puerta_search::INDEX_FORMAT_VERSION);
    std::fs::write(&manifest, text.replace(&format, "\"format\":99")).unwrap();
    let index = built.out.to_string_lossy().into_owned();
    let out = puerta(&["search", "--index", &index, "--lang", "es", "asilo"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("format version 99") && err.contains("rebuild"),
        "{err}"
    );
    assert!(!err.contains("panicked"));

    let out = puerta(&["search", "--index", &index, "--lang", "fr", "asile"]);
    assert_eq!(out.status.code(), Some(2));
    let out = puerta(&[
        "search", "--index", &index, "--lang", "es", "--kind", "shelter", "x",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown kind is a usage error"
    );
}
