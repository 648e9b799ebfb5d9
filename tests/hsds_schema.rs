//! The HSDS 3.0 export's files (`puerta::export::hsds`): every file, of the fixture site
//! and of the example site as `puerta build` writes it, validates against the official
//! HSDS 3.0 schemas and declares no property HSDS does not have (the checks are shown to
//! catch errors), and every language has its API endpoints under `data/hsds/`.

mod common;

use std::path::Path;

use common::hsds::{
    export, file, parse, paths, record, schema_node, schema_url, site, undeclared, validate,
};
use puerta::export::hsds;
use puerta::render::Output;

#[test]
fn every_file_validates_against_the_official_hsds_3_0_schemas() {
    let (config, directory) = site();
    let outputs = export(&config, &directory);
    let (problems, validators, openapi) = validate(&outputs);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    // The checks really check: a malformed UUID, a missing required field, a misspelt
    // property are caught.
    let rel = "services/x.json";
    let service = &validators[&schema_url(rel)];
    let mut doc = record(&outputs, &config, "es", "service", "asesoria-juridica");
    assert!(service.is_valid(&doc));
    doc["service_at_locations"][0]["schedules"][0]["id"] = "not-a-uuid".into();
    assert!(!service.is_valid(&doc));
    doc["service_at_locations"][0]["schedules"][0]["opens"] = "09:00".into();
    let mut extra = Vec::new();
    undeclared(&doc, &schema_node(rel, &openapi), "", &mut extra);
    assert_eq!(extra, ["/service_at_locations/0/schedules/0/opens"]);
    doc.as_object_mut().unwrap().remove("status");
    assert!(service.iter_errors(&doc).count() >= 2);
    for rel in [
        "organizations/x.json",
        "services/x.json",
        "service_at_locations/x.json",
    ] {
        assert!(
            !validators[&schema_url(rel)].is_valid(&serde_json::json!({})),
            "{rel}"
        );
    }
    // The list schemas reach into `contents` through openapi.json's `$ref`s.
    let mut page = parse(file(&outputs, "data/hsds/es/services.json"));
    page["contents"][0]["id"] = "not-a-uuid".into();
    page["total_items"] = "2".into();
    assert_eq!(
        validators[&schema_url("services.json")]
            .iter_errors(&page)
            .count(),
        2
    );
}

#[test]
fn writes_the_api_endpoints_of_every_language_under_data_hsds() {
    let (config, directory) = site();
    let outputs = export(&config, &directory);
    for lang in ["es", "el", "en"] {
        let of_lang: Vec<&str> = paths(&outputs)
            .into_iter()
            .filter(|p| p.starts_with(&format!("data/hsds/{lang}/")))
            .collect();
        let id = |kind: &str, key: &str| hsds::id(&config, kind, key);
        let base = format!("data/hsds/{lang}");
        let sal = id("service_at_location", "asesoria-juridica/oficina-centro");
        let remote = id("service_at_location", "asesoria-juridica/linea-telefonica");
        let mut expected = vec![
            format!("{base}/index.json"),
            format!("{base}/organizations.json"),
            format!(
                "{base}/organizations/{}.json",
                id("organization", "asociacion-ejemplo")
            ),
            format!(
                "{base}/organizations/{}.json",
                id("organization", "fundacion-ejemplo")
            ),
            format!("{base}/services.json"),
            format!("{base}/services/{}.json", id("service", "acogida-temporal")),
            format!(
                "{base}/services/{}.json",
                id("service", "asesoria-juridica")
            ),
            format!("{base}/service_at_locations.json"),
            format!("{base}/service_at_locations/{sal}.json"),
            format!("{base}/service_at_locations/{remote}.json"),
        ];
        let mut got: Vec<String> = of_lang.iter().map(|p| p.to_string()).collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected);
        let index = parse(file(&outputs, &format!("{base}/index.json")));
        assert_eq!(index["version"], "3.0");
        let services = parse(file(&outputs, &format!("{base}/services.json")));
        assert_eq!(services["total_items"], 2);
        assert_eq!(services["contents"].as_array().unwrap().len(), 2);
        assert!(
            services["contents"][0]
                .get("service_at_locations")
                .is_none(),
            "list items carry one-to-one fields only"
        );
    }
    assert!(outputs.iter().all(|o| o.bytes.ends_with(b"}\n")));
}

#[test]
fn the_example_site_export_validates_against_the_official_schemas() {
    // The real pipeline: `puerta build` of the repository's own example site.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    puerta::build(&common::options(root, &out), &|_, _| {}).expect("the example site builds");
    let outputs: Vec<Output> = walkdir::WalkDir::new(out.join("data/hsds"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| Output {
            path: e
                .path()
                .strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
            bytes: std::fs::read(e.path()).unwrap(),
        })
        .collect();
    for lang in ["es", "el", "en"] {
        assert!(
            outputs
                .iter()
                .any(|o| o.path == format!("data/hsds/{lang}/services.json")),
            "{lang} export written by the build"
        );
    }
    let soie = outputs
        .iter()
        .filter(|o| o.path.starts_with("data/hsds/en/services/"))
        .any(|o| String::from_utf8_lossy(&o.bytes).contains("SOIE"));
    assert!(soie, "the SOIE is exported");
    let (problems, _, _) = validate(&outputs);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
