//! The Open Referral HSDS 3.0 export (`puerta::export::hsds`), on the fixture site
//! `tests/fixtures/directory_hsds`: every file validates against the official HSDS 3.0
//! schemas vendored in `tests/hsds-schema/` (offline: every `$ref` resolves to a
//! vendored file), ids are deterministic UUIDs, schedules keep their weekly rule and
//! exceptions, texts follow the language fallbacks, and a redacted location never
//! appears in any byte.
//!
//! The directory loader is not part of this change, so the test reads the fixture's
//! YAML files straight into the content types and builds the schedules itself.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Weekday};
use jsonschema::{Draft, Registry, Validator};
use puerta::config::Config;
use puerta::directory::types::{self, Geo, GeoPrecision};
use puerta::directory::{Directory, Entity, ServiceOpening};
use puerta::export::hsds;
use puerta::localized::Localized;
use puerta::render::Output;
use puerta::schedule::{Opening, Rule};
use puerta::taxonomy::Taxonomy;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Where the vendored files live upstream; `$ref`s in them use these URLs.
const UPSTREAM: &str = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

/// The vendored files, by their path under `schema/` upstream.
const VENDORED: &[&str] = &[
    "openapi.json",
    "compiled/organization.json",
    "compiled/organization_list.json",
    "compiled/service.json",
    "compiled/service_list.json",
    "compiled/service_at_location.json",
    "compiled/service_at_location_list.json",
];

/// Properties puerta adds to HSDS objects (HSDS allows them), documented in the export.
const EXTENSIONS: &[&str] = &["tzid"];

const REDACTED_ID: &str = "casa-refugio";
const REDACTED_NAME: &str = "Casa Refugio Azahar";

fn site() -> (Config, Directory) {
    let root = common::fixture("directory_hsds");
    let config = Config::load(&root).expect("fixture configuration");
    let directory = directory(&config);
    (config, directory)
}

fn entities<T: DeserializeOwned>(root: &Path, kind: &str) -> Vec<Entity<T>> {
    let dir = root.join("content/directory").join(kind);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            Entity {
                id: path.file_stem().unwrap().to_string_lossy().into_owned(),
                file: path.strip_prefix(root).unwrap().to_path_buf(),
                data: serde_yaml::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            }
        })
        .collect()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

/// What validation will build from a schedule as written.
fn opening(s: &types::Schedule) -> Opening {
    Opening {
        zone: s.zone.parse().unwrap(),
        rules: s
            .weekly
            .iter()
            .map(|r| Rule {
                days: r
                    .days
                    .iter()
                    .map(|d| d.parse::<Weekday>().unwrap())
                    .collect(),
                opens: time(&r.opens),
                closes: time(&r.closes),
            })
            .collect(),
        valid_from: s.valid_from.as_deref().map(date),
        valid_until: s.valid_until.as_deref().map(date),
        closed: s.closed.iter().map(|d| date(d)).collect(),
        changed: s
            .changed
            .iter()
            .map(|c| (date(&c.date), (time(&c.opens), time(&c.closes))))
            .collect(),
    }
}

fn directory(config: &Config) -> Directory {
    let root = &config.root;
    let services: Vec<Entity<types::Service>> = entities(root, "services");
    let mut openings = Vec::new();
    for (i, service) in services.iter().enumerate() {
        for at in &service.data.at_locations {
            if let Some(schedule) = &at.schedule {
                openings.push(ServiceOpening {
                    service: i,
                    location: at.location.clone(),
                    opening: opening(schedule),
                });
            }
        }
    }
    Directory {
        organizations: entities(root, "organizations"),
        services,
        locations: entities(root, "locations"),
        seminars: Vec::new(),
        cities: entities(root, "cities"),
        networks: Vec::new(),
        partnerships: Vec::new(),
        holidays: Vec::new(),
        openings,
        areas: Taxonomy::load(config, "service-areas").unwrap(),
        eligibility: Taxonomy::load(config, "eligibility").unwrap(),
    }
}

fn export(config: &Config, directory: &Directory) -> Vec<Output> {
    let mut all = Vec::new();
    for lang in &config.languages {
        all.extend(hsds::hsds(directory, config, lang));
    }
    all
}

fn parse(output: &Output) -> Value {
    serde_json::from_slice(&output.bytes)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", output.path))
}

fn file<'a>(outputs: &'a [Output], path: &str) -> &'a Output {
    outputs
        .iter()
        .find(|o| o.path == path)
        .unwrap_or_else(|| panic!("no {path} among {:?}", paths(outputs)))
}

fn paths(outputs: &[Output]) -> Vec<&str> {
    outputs.iter().map(|o| o.path.as_str()).collect()
}

/// The file of one entity: `data/hsds/<lang>/<endpoint>/<uuid>.json`.
fn record(outputs: &[Output], config: &Config, lang: &str, kind: &str, id: &str) -> Value {
    let uuid = hsds::id(config, kind, id);
    parse(file(
        outputs,
        &format!("data/hsds/{lang}/{kind}s/{uuid}.json"),
    ))
}

fn vendored(path: &str) -> Value {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hsds-schema")
        .join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The JSON pointer, in `openapi.json`, of the schema of an endpoint's answer.
fn response(endpoint: &str) -> String {
    let escaped = endpoint.replace('~', "~0").replace('/', "~1");
    format!("/paths/{escaped}/get/responses/200/content/application~1json/schema")
}

/// Which schema an exported file must satisfy, as a `$ref` URL: the answer of the HSDS
/// API endpoint the file stands for, as `openapi.json` defines it.
fn schema_url(rel: &str) -> String {
    let endpoint = match rel.split_once('/') {
        None => match rel {
            "index.json" => "/".to_string(),
            list => format!("/{}", list.trim_end_matches(".json")),
        },
        // openapi.json answers `/service_at_locations/{id}` with compiled/service.json, a
        // slip upstream (a service at location has no required `name`): use the compiled
        // service_at_location schema that the same release ships for it.
        Some(("service_at_locations", _)) => {
            return format!("{UPSTREAM}compiled/service_at_location.json");
        }
        Some((kind, _)) => format!("/{kind}/{{id}}"),
    };
    let pointer = response(&endpoint).replace('{', "%7B").replace('}', "%7D");
    format!("{UPSTREAM}openapi.json#{pointer}")
}

/// The schema an exported file is checked against for undeclared properties.
fn schema_node(rel: &str, openapi: &Value) -> Value {
    match rel.split_once('/') {
        None if rel == "index.json" => openapi.pointer(&response("/")).unwrap().clone(),
        None => {
            let page = openapi.pointer("/components/schemas/Page").unwrap();
            let mut node = page.clone();
            let item = vendored(&format!(
                "compiled/{}_list.json",
                rel.trim_end_matches("s.json")
            ));
            node["properties"]["contents"] = serde_json::json!({"type": "array", "items": item});
            node
        }
        Some((kind, _)) => vendored(&format!("compiled/{}.json", kind.trim_end_matches('s'))),
    }
}

/// Keys of `doc` that its schema does not declare (extensions aside), with their path.
fn undeclared(doc: &Value, schema: &Value, at: &str, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => {
            let Some(props) = schema.get("properties").and_then(Value::as_object) else {
                return;
            };
            for (key, value) in map {
                match props.get(key) {
                    Some(sub) => undeclared(value, sub, &format!("{at}/{key}"), out),
                    None if EXTENSIONS.contains(&key.as_str()) => {}
                    None => out.push(format!("{at}/{key}")),
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    undeclared(item, sub, &format!("{at}/{i}"), out);
                }
            }
        }
        _ => {}
    }
}

fn every_string(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| every_string(v, out)),
        Value::Object(map) => map.values().for_each(|v| every_string(v, out)),
        _ => {}
    }
}

/// Validates every HSDS file of `outputs` against the vendored schemas and HSDS's
/// declared properties; returns the problems and the validators used.
fn validate(outputs: &[Output]) -> (Vec<String>, BTreeMap<String, Validator>, Value) {
    let registry = Registry::new()
        .draft(Draft::Draft202012)
        .extend(
            VENDORED
                .iter()
                .map(|p| (format!("{UPSTREAM}{p}"), vendored(p))),
        )
        .and_then(|r| r.prepare())
        .expect("the vendored schemas form a registry");
    let openapi = vendored("openapi.json");
    let mut validators: BTreeMap<String, Validator> = BTreeMap::new();
    let mut problems = Vec::new();
    for output in outputs {
        let rel = output.path.splitn(4, '/').nth(3).unwrap();
        let url = schema_url(rel);
        if !validators.contains_key(&url) {
            let validator = jsonschema::options()
                .with_draft(Draft::Draft202012)
                .with_registry(&registry)
                .offline()
                .should_validate_formats(true)
                .build(&serde_json::json!({ "$ref": url }))
                .unwrap_or_else(|e| panic!("schema {url}: {e}"));
            validators.insert(url.clone(), validator);
        }
        let doc = parse(output);
        for error in validators[&url].iter_errors(&doc) {
            problems.push(format!(
                "{} at {}: {error} (schema {})",
                output.path,
                error.instance_path(),
                error.schema_path()
            ));
        }
        let mut extra = Vec::new();
        undeclared(&doc, &schema_node(rel, &openapi), "", &mut extra);
        for key in extra {
            problems.push(format!("{}: {key} is not an HSDS property", output.path));
        }
    }
    (problems, validators, openapi)
}

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
fn a_redacted_location_never_appears_even_if_it_wrongly_carries_an_address() {
    let (config, mut directory) = site();
    // Validation rejects this; the export must not depend on it.
    let shelter = directory
        .locations
        .iter_mut()
        .find(|l| l.id == REDACTED_ID)
        .unwrap();
    shelter.data.address = Some(types::Address {
        street: "Calle Secreta 99".into(),
        postal_code: Some("28999".into()),
        locality: "Madrid".into(),
        region: None,
        country: "ES".into(),
    });
    shelter.data.geo = Some(Geo {
        lat: 40.123456,
        lon: -3.654321,
        precision: GeoPrecision::Exact,
    });
    shelter.data.transit = Some(Localized::Plain("Autobús 27, parada Azahar".into()));
    let outputs = export(&config, &directory);
    let forbidden = [
        REDACTED_ID.to_string(),
        REDACTED_NAME.to_string(),
        "Azahar".into(),
        "Calle Secreta".into(),
        "28999".into(),
        "40.123456".into(),
        "-3.654321".into(),
        "3.654321".into(),
        hsds::id(&config, "location", REDACTED_ID),
        hsds::id(&config, "address", REDACTED_ID),
        hsds::id(
            &config,
            "service_at_location",
            "acogida-temporal/casa-refugio",
        ),
    ];
    for output in &outputs {
        let text = String::from_utf8_lossy(&output.bytes);
        for needle in &forbidden {
            assert!(
                !text.contains(needle.as_str()) && !output.path.contains(needle.as_str()),
                "{} reveals the redacted location: {needle}",
                output.path
            );
        }
    }
    // The shelter's service is still listed, without the place or its hours.
    for lang in ["es", "el", "en"] {
        let service = record(&outputs, &config, lang, "service", "acogida-temporal");
        assert!(service.get("service_at_locations").is_none());
        assert!(!service.to_string().contains("schedules"));
        let org = record(&outputs, &config, lang, "organization", "fundacion-ejemplo");
        assert!(org.get("locations").is_none());
        assert_eq!(org["description"], "", "required by HSDS, unknown here");
    }
}

#[test]
fn ids_are_uuids_v5_shared_by_every_language_and_every_build() {
    let (config, directory) = site();
    let first = export(&config, &directory);
    let second = export(&config, &directory);
    assert_eq!(first, second, "same input, same bytes");
    let soie = hsds::id(&config, "service", "asesoria-juridica");
    assert_eq!(soie.len(), 36);
    assert_eq!(&soie[14..15], "5", "version 5 (name-based, SHA-1)");
    assert!(
        matches!(&soie[19..20], "8" | "9" | "a" | "b"),
        "RFC 4122 variant"
    );
    for lang in ["es", "el", "en"] {
        let service = record(&first, &config, lang, "service", "asesoria-juridica");
        assert_eq!(service["id"], soie.as_str());
    }
    // Every UUID of a language's files names one object (or references it).
    let mut declared = BTreeSet::new();
    for output in first.iter().filter(|o| o.path.starts_with("data/hsds/es/")) {
        collect_ids(&parse(output), &mut declared);
    }
    for output in first.iter().filter(|o| o.path.starts_with("data/hsds/es/")) {
        let mut strings = Vec::new();
        every_string(&parse(output), &mut strings);
        for s in strings.iter().filter(|s| uuid_like(s)) {
            assert!(declared.contains(s), "{}: {s} names nothing", output.path);
        }
    }
    let other_site = Config {
        base_url: "https://other.example/".into(),
        ..config.clone()
    };
    assert_ne!(hsds::id(&other_site, "service", "asesoria-juridica"), soie);
}

fn collect_ids(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                out.insert(id.clone());
            }
            map.values().for_each(|v| collect_ids(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_ids(v, out)),
        _ => {}
    }
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[test]
fn schedules_keep_the_weekly_rule_its_zone_and_its_exceptions() {
    let (config, directory) = site();
    let outputs = export(&config, &directory);
    let sal = record(
        &outputs,
        &config,
        "en",
        "service_at_location",
        "asesoria-juridica/oficina-centro",
    );
    let schedules = sal["schedules"].as_array().unwrap();
    let view: Vec<String> = schedules
        .iter()
        .map(|s| {
            format!(
                "{} {} {}-{} {}..{} {}",
                s["freq"].as_str().unwrap(),
                s["byday"].as_str().unwrap(),
                s["opens_at"].as_str().unwrap(),
                s["closes_at"].as_str().unwrap(),
                s["valid_from"].as_str().unwrap_or(""),
                s["valid_to"].as_str().unwrap_or(""),
                s["tzid"].as_str().unwrap(),
            )
        })
        .collect();
    // Closed on Tuesday 8 December, other hours on Tuesday 15 December: the regular rule
    // stops before the first and resumes after the second (no Tuesday lies between).
    assert_eq!(
        view,
        [
            "WEEKLY TU 09:00-13:00 2026-01-01..2026-12-07 Europe/Madrid",
            "WEEKLY TU 09:00-13:00 2026-12-16.. Europe/Madrid",
            "WEEKLY TU 10:00-12:00 2026-12-15..2026-12-15 Europe/Madrid",
        ]
    );
    assert!(
        schedules.iter().all(|s| s.get("timezone").is_none()),
        "Madrid has daylight saving time: no fixed UTC offset"
    );
    assert_eq!(schedules[2]["until"], "2026-12-15");
    let location = &sal["location"];
    assert_eq!(location["location_type"], "physical");
    assert_eq!(location["latitude"], 40.4168);
    let address = &location["addresses"][0];
    assert_eq!(address["address_1"], "Calle de Prueba 1");
    assert_eq!(address["state_province"], "Community of Madrid");
    assert_eq!(address["postal_code"], "", "unknown, not invented");
    let remote = record(
        &outputs,
        &config,
        "en",
        "service_at_location",
        "asesoria-juridica/linea-telefonica",
    );
    assert_eq!(remote["location"]["location_type"], "virtual");
    assert_eq!(
        remote["location"]["url"],
        "https://asociacion.example.org/cita"
    );
    assert!(remote.get("schedules").is_none());
}

#[test]
fn texts_are_in_the_requested_language_or_its_fallback() {
    let (config, directory) = site();
    let outputs = export(&config, &directory);
    let es = record(&outputs, &config, "es", "service", "asesoria-juridica");
    let el = record(&outputs, &config, "el", "service", "asesoria-juridica");
    assert_eq!(es["name"], "Asesoría jurídica");
    assert_eq!(el["name"], "Νομική συμβουλευτική");
    // No Greek summary: the fallback of el is en.
    assert_eq!(
        el["description"],
        "Free guidance on residence permits.\n\nPeople are seen in order of arrival."
    );
    assert_eq!(
        el["eligibility_description"],
        "Ενήλικοι αλλοδαποί.\n\nMinors are referred to another service."
    );
    assert_eq!(
        el["url"],
        "https://example.org/el/services/asesoria-juridica/"
    );
    assert_eq!(el["required_documents"][0]["document"], "Διαβατήριο");
    assert_eq!(el["cost_options"][0]["amount"], 0);
    assert_eq!(el["assured_date"], "2026-11-02");
    let codes: Vec<(&str, Option<&str>)> = el["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["code"].as_str().unwrap(), l["note"].as_str()))
        .collect();
    assert_eq!(codes, [("es", None), ("en", None), ("zh", Some("zh-Hant"))]);
    let terms: Vec<(&str, &str, Option<&str>)> = el["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let t = &a["taxonomy_term"];
            (
                t["code"].as_str().unwrap(),
                t["name"].as_str().unwrap(),
                t["language"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        terms,
        [
            ("legal", "Νομική συμβουλευτική", Some("el")),
            ("adults", "Ενήλικες", Some("el")),
        ]
    );
    let shelter = record(&outputs, &config, "el", "service", "acogida-temporal");
    assert_eq!(shelter["attributes"][0]["taxonomy_term"]["name"], "Housing");
    assert_eq!(shelter["attributes"][0]["taxonomy_term"]["language"], "en");
    assert_eq!(shelter["organization"]["name"], "Fundación Ejemplo");
}

#[test]
fn coordinates_are_published_only_when_exact_or_approximate() {
    let (config, mut directory) = site();
    let sal = |outputs: &[Output]| {
        record(
            outputs,
            &config,
            "es",
            "service_at_location",
            "asesoria-juridica/oficina-centro",
        )
    };
    for (precision, published) in [
        (GeoPrecision::Exact, true),
        (GeoPrecision::Approx, true),
        (GeoPrecision::Hidden, false),
    ] {
        let geo = directory
            .locations
            .iter_mut()
            .find(|l| l.id == "oficina-centro")
            .and_then(|l| l.data.geo.as_mut())
            .unwrap();
        geo.precision = precision;
        let location = sal(&hsds::hsds(&directory, &config, "es"))["location"].clone();
        assert_eq!(
            location.get("latitude").is_some(),
            published,
            "{precision:?}"
        );
        assert_eq!(
            location.get("longitude").is_some(),
            published,
            "{precision:?}"
        );
    }
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
