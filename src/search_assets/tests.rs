//! Cutting an index into the files the browser fetches.

use super::*;
use puerta_search::tantivy;

fn files() -> Vec<(String, Vec<u8>)> {
    use tantivy::schema::{Schema, STORED, TEXT};
    use tantivy::{doc, Directory, Index};
    let mut schema = Schema::builder();
    let title = schema.add_text_field("title", TEXT | STORED);
    let dir = tantivy::directory::RamDirectory::create();
    let index = Index::create(dir.clone(), schema.build(), Default::default()).unwrap();
    let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
    for i in 0..3000 {
        writer
            .add_document(doc!(title => format!("word{i} asylum")))
            .unwrap();
    }
    writer.commit().unwrap();
    let mut out = vec![(
        "meta.json".to_string(),
        dir.atomic_read("meta.json".as_ref()).unwrap(),
    )];
    let segment = &index.searchable_segment_metas().unwrap()[0];
    use tantivy::index::SegmentComponent as C;
    for c in [
        C::Postings,
        C::Positions,
        C::FastFields,
        C::FieldNorms,
        C::Terms,
        C::Store,
    ] {
        let path = segment.relative_path(c);
        if dir.exists(&path).unwrap() {
            let bytes = dir.open_read(&path).unwrap().read_bytes().unwrap();
            out.push((
                path.to_string_lossy().into_owned(),
                bytes.as_slice().to_vec(),
            ));
        }
    }
    out
}

#[test]
fn cuts_every_file_into_chunks_named_after_their_content() {
    let outputs = index_outputs("es", &files()).unwrap();
    let files = canonical::canonical(&files());
    let manifest = outputs
        .iter()
        .find(|o| o.path == "search/es/index.json")
        .unwrap();
    let manifest: serde_json::Value = serde_json::from_slice(&manifest.bytes).unwrap();
    assert_eq!(manifest["format"], puerta_search::INDEX_FORMAT_VERSION);
    assert_eq!(manifest["lang"], "es");
    for (name, bytes) in &files {
        let entry = &manifest["files"][name];
        assert_eq!(entry["size"], bytes.len());
        let id = entry["id"].as_str().unwrap();
        assert_eq!(id, hash(bytes));
        let mut joined = Vec::new();
        let chunk = entry["chunk"].as_u64().map_or(CHUNK, |c| c as usize);
        assert_eq!(chunk, chunk_of(name));
        for n in 0..bytes.len().div_ceil(chunk) {
            let path = format!("search/es/{id}-{n}.bin");
            let chunk = outputs.iter().find(|o| o.path == path).unwrap();
            joined.extend_from_slice(&chunk.bytes);
        }
        assert_eq!(&joined, bytes, "{name}");
    }
}

#[test]
fn bundles_the_ranges_that_opening_reads_and_little_else() {
    let outputs = index_outputs("en", &files()).unwrap();
    let files = canonical::canonical(&files());
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let manifest = outputs
        .iter()
        .find(|o| o.path == "search/en/index.json")
        .unwrap();
    let manifest: serde_json::Value = serde_json::from_slice(&manifest.bytes).unwrap();
    let bundle_path = format!("search/en/{}", manifest["open"]["url"].as_str().unwrap());
    let bundle = &outputs
        .iter()
        .find(|o| o.path == bundle_path)
        .unwrap()
        .bytes;
    let mut at = 0;
    let mut names = Vec::new();
    for range in manifest["open"]["ranges"].as_array().unwrap() {
        let name = range[0].as_str().unwrap();
        let (start, len) = (
            range[1].as_u64().unwrap() as usize,
            range[2].as_u64().unwrap() as usize,
        );
        let file = &files.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(&bundle[at..at + len], &file[start..start + len]);
        at += len;
        names.push(name.to_string());
    }
    assert_eq!(at, bundle.len());
    assert!(names.contains(&"meta.json".to_string()));
    assert!(
        bundle.len() < total / 4,
        "bundle {} of {total}",
        bundle.len()
    );
}

#[test]
fn renames_segments_after_their_content() {
    let (a, b) = (
        canonical::canonical(&files()),
        canonical::canonical(&files()),
    );
    assert_eq!(a, b, "two indexes of the same documents are the same files");
    let meta = String::from_utf8(a[0].1.clone()).unwrap();
    let segment = a[1].0.split('.').next().unwrap();
    assert!(meta.contains(&segment[..8]), "{meta}");
}

#[test]
fn names_the_runtime_after_its_content() {
    let runtime = Runtime::new("/sub/");
    assert!(runtime.js_path.starts_with("search/puerta-search-"));
    let js = String::from_utf8(runtime.outputs()[0].bytes.clone()).unwrap();
    assert!(!js.contains("__PUERTA_WASM__"));
    if let Some(wasm) = &runtime.wasm_path {
        assert!(js.contains(&format!("/sub/{wasm}")));
    }
}

#[test]
fn reads_back_the_files_it_cut() {
    let tmp = tempfile::tempdir().unwrap();
    for output in index_outputs("el", &files()).unwrap() {
        let path = tmp.path().join(&output.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, output.bytes).unwrap();
    }
    let mut read = read_index(tmp.path(), "el").unwrap();
    let mut expected = canonical::canonical(&files());
    read.sort();
    expected.sort();
    assert_eq!(read, expected);
    assert!(read_index(tmp.path(), "es").is_err());
}
