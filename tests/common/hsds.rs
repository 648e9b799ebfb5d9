//! Helpers for the Open Referral HSDS 3.0 export (`puerta::export::hsds`): the fixture
//! site `tests/fixtures/directory_hsds` and its export, the files of that export, and
//! their validation against the official HSDS 3.0 schemas vendored in
//! `tests/hsds-schema/` (offline: every `$ref` resolves to a vendored file), together
//! with a check that no object carries a property HSDS does not declare.
//!
//! The directory loader was not part of the export's change, so [`site`] reads the
//! fixture's YAML files straight into the content types and builds the schedules
//! itself.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Weekday};
use jsonschema::{Draft, Registry, Validator};
use puerta::config::Config;
use puerta::directory::types;
use puerta::directory::{Directory, Entity, ServiceOpening};
use puerta::export::hsds;
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

/// The configuration and the directory of the fixture site `directory_hsds`.
pub fn site() -> (Config, Directory) {
    let root = super::fixture("directory_hsds");
    let config = Config::load(&root).expect("fixture configuration");
    let directory = directory(&config);
    (config, directory)
}

/// The entities of one kind of the fixture, read straight from their YAML files.
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

/// The fixture's directory as validation would build it.
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

/// The HSDS export of every language of the site.
pub fn export(config: &Config, directory: &Directory) -> Vec<Output> {
    let mut all = Vec::new();
    for lang in &config.languages {
        all.extend(hsds::hsds(directory, config, lang));
    }
    all
}

/// An exported file, parsed.
pub fn parse(output: &Output) -> Value {
    serde_json::from_slice(&output.bytes)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", output.path))
}

/// The exported file at `path`.
pub fn file<'a>(outputs: &'a [Output], path: &str) -> &'a Output {
    outputs
        .iter()
        .find(|o| o.path == path)
        .unwrap_or_else(|| panic!("no {path} among {:?}", paths(outputs)))
}

/// The paths of the exported files.
pub fn paths(outputs: &[Output]) -> Vec<&str> {
    outputs.iter().map(|o| o.path.as_str()).collect()
}

/// The file of one entity: `data/hsds/<lang>/<endpoint>/<uuid>.json`.
pub fn record(outputs: &[Output], config: &Config, lang: &str, kind: &str, id: &str) -> Value {
    let uuid = hsds::id(config, kind, id);
    parse(file(
        outputs,
        &format!("data/hsds/{lang}/{kind}s/{uuid}.json"),
    ))
}

/// A vendored schema file, by its path under `schema/` upstream.
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
pub fn schema_url(rel: &str) -> String {
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
pub fn schema_node(rel: &str, openapi: &Value) -> Value {
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
pub fn undeclared(doc: &Value, schema: &Value, at: &str, out: &mut Vec<String>) {
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

/// Validates every HSDS file of `outputs` against the vendored schemas and HSDS's
/// declared properties; returns the problems and the validators used.
pub fn validate(outputs: &[Output]) -> (Vec<String>, BTreeMap<String, Validator>, Value) {
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
