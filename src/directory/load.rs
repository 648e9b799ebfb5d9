//! Reading the directory's files: `content/directory/<kind>/<id>.yaml` → typed
//! entities with their text (kept for the places of later diagnostics).
//!
//! Stage: load. Input: the site root. Output: [`Files`], the entities that parsed
//! (sorted by id), the id of every well-placed file (parsed or not), and every problem
//! of layout, naming, YAML syntax, unknown fields and types. Files are parsed in
//! parallel.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::check::Kind;
use super::types::{
    City, Holidays, Location, Network, Organization, Partnership, Seminar, Service,
};
use super::Entity;
use super::{hints, values};
use crate::config::Config;
use crate::diag::{relative, Diagnostic, Problem, Span};
use crate::yaml::{self, Source};

/// One entity as parsed, with the text of its file.
#[derive(Debug)]
pub struct Parsed<T> {
    /// The entity.
    pub entity: Entity<T>,
    /// The YAML text, to place problems found after parsing.
    pub text: String,
}

impl<T> Parsed<T> {
    /// The file as a YAML source.
    pub fn source(&self) -> Source<'_> {
        Source::file(&self.entity.file, &self.text)
    }
}

/// Everything read from `content/directory/`.
#[derive(Debug, Default)]
pub struct Files {
    /// `organizations/`.
    pub organizations: Vec<Parsed<Organization>>,
    /// `services/`.
    pub services: Vec<Parsed<Service>>,
    /// `locations/`.
    pub locations: Vec<Parsed<Location>>,
    /// `seminars/`.
    pub seminars: Vec<Parsed<Seminar>>,
    /// `cities/`.
    pub cities: Vec<Parsed<City>>,
    /// `networks/`.
    pub networks: Vec<Parsed<Network>>,
    /// `partnerships/`.
    pub partnerships: Vec<Parsed<Partnership>>,
    /// `holidays/`.
    pub holidays: Vec<Parsed<Holidays>>,
    /// The id of every `.yaml` file, parsed or not.
    pub ids: Vec<(Kind, String)>,
    /// Problems found while reading.
    pub errors: Vec<Diagnostic>,
}

/// One parsed file of any kind, on its way from the parallel parse to its list.
enum Any {
    Organization(Parsed<Organization>),
    Service(Parsed<Service>),
    Location(Parsed<Location>),
    Seminar(Parsed<Seminar>),
    City(Parsed<City>),
    Network(Parsed<Network>),
    Partnership(Parsed<Partnership>),
    Holidays(Parsed<Holidays>),
}

/// Reads and parses every file under `content/directory/`; nothing when it is absent.
pub fn read(config: &Config) -> Files {
    let mut files = Files::default();
    let dir = config.root.join("content").join("directory");
    if !dir.is_dir() {
        return files;
    }
    let mut found: Vec<(Kind, PathBuf, String)> = Vec::new();
    for path in entries(config, &dir, &mut files.errors) {
        let name = file_name(&path);
        let file = relative(&config.root, &path);
        if !path.is_dir() {
            files.errors.push(
                Diagnostic::error(
                    Span::file(&file),
                    Problem::Layout("a file directly in content/directory/".into()),
                )
                .expected(format!(
                    "content/directory/<kind>/<id>.yaml with <kind> one of {}",
                    kinds()
                )),
            );
            continue;
        }
        let Some(kind) = Kind::from_dir(&name) else {
            files.errors.push(
                Diagnostic::error(
                    Span::file(&file),
                    Problem::Layout(format!("unknown folder `{name}` in content/directory/")),
                )
                .expected(format!("one of {}", kinds()))
                .did_you_mean(&name, Kind::ALL.iter().map(|k| k.dir())),
            );
            continue;
        };
        for path in entries(config, &path, &mut files.errors) {
            if let Some(id) = check_file(config, kind, &path, &mut files.errors) {
                if !values::is_id(&id) {
                    // References written as the id the file should have do not fail
                    // too: renaming the file, as its error says, fixes both.
                    files.ids.push((kind, hints::suggest_id(&id)));
                }
                files.ids.push((kind, id.clone()));
                found.push((kind, path, id));
            }
        }
    }
    let parsed: Vec<Result<Any, Vec<Diagnostic>>> = found
        .par_iter()
        .map(|(kind, path, id)| {
            let file = relative(&config.root, path);
            let text = crate::read::text(path, &file)?;
            parse_any(*kind, file, id, text)
        })
        .collect();
    add(&mut files, parsed);
    files
}

/// [`Files`] from texts already read: `(kind, id, text)`, each as if it were
/// `content/directory/<kind>/<id>.yaml` (the ids are taken as they are).
pub fn from_texts(texts: &[(Kind, String, String)]) -> Files {
    let mut files = Files::default();
    let parsed = texts
        .iter()
        .map(|(kind, id, text)| {
            files.ids.push((*kind, id.clone()));
            let file = Path::new("content/directory")
                .join(kind.dir())
                .join(format!("{id}.yaml"));
            parse_any(*kind, file, id, text.clone())
        })
        .collect();
    add(&mut files, parsed);
    files
}

/// Puts each parsed file in its list (sorted by id) and each problem in the errors.
fn add(files: &mut Files, parsed: Vec<Result<Any, Vec<Diagnostic>>>) {
    for result in parsed {
        match result {
            Ok(Any::Organization(p)) => files.organizations.push(p),
            Ok(Any::Service(p)) => files.services.push(p),
            Ok(Any::Location(p)) => files.locations.push(p),
            Ok(Any::Seminar(p)) => files.seminars.push(p),
            Ok(Any::City(p)) => files.cities.push(p),
            Ok(Any::Network(p)) => files.networks.push(p),
            Ok(Any::Partnership(p)) => files.partnerships.push(p),
            Ok(Any::Holidays(p)) => files.holidays.push(p),
            Err(e) => files.errors.extend(e),
        }
    }
    sort(&mut files.organizations);
    sort(&mut files.services);
    sort(&mut files.locations);
    sort(&mut files.seminars);
    sort(&mut files.cities);
    sort(&mut files.networks);
    sort(&mut files.partnerships);
    sort(&mut files.holidays);
}

/// By id: file names sort `a-b.yaml` before `a.yaml`, ids the other way round.
fn sort<T>(list: &mut [Parsed<T>]) {
    list.sort_by(|a, b| a.entity.id.cmp(&b.entity.id));
}

fn kinds() -> String {
    Kind::ALL.map(Kind::dir).join(", ")
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The entries of `dir`, sorted, without hidden ones (`.gitkeep`, editor files).
fn entries(config: &Config, dir: &Path, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let io = |e: std::io::Error| {
        Diagnostic::error(
            Span::file(relative(&config.root, dir)),
            Problem::Io(e.to_string()),
        )
    };
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) => {
            errors.push(io(e));
            return Vec::new();
        }
    };
    let mut paths = Vec::new();
    for entry in read {
        match entry {
            Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => {
                paths.push(entry.path());
            }
            Ok(_) => {}
            Err(e) => errors.push(io(e)),
        }
    }
    paths.sort();
    paths
}

/// The id of a file of a kind folder, or the problem with its name or place. A file
/// whose id breaks the rules is still parsed (one run, every error) and its id kept,
/// so that references to it do not fail as well.
fn check_file(
    config: &Config,
    kind: Kind,
    path: &Path,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    let file = relative(&config.root, path);
    let name = file_name(path);
    let expected = format!("content/directory/{}/<id>.yaml", kind.dir());
    if path.is_dir() {
        errors.push(
            Diagnostic::error(
                Span::file(&file),
                Problem::Layout(format!("a folder inside content/directory/{}/", kind.dir())),
            )
            .expected(format!("{expected}: one file per entity, no sub-folders")),
        );
        return None;
    }
    let id = match (name.strip_suffix(".yaml"), name.strip_suffix(".yml")) {
        (Some(id), _) => id,
        (None, Some(stem)) => {
            // Read anyway, so that references to it do not fail too.
            errors.push(
                Diagnostic::error(
                    Span::file(&file),
                    Problem::Layout(format!("`{name}` is not a .yaml file")),
                )
                .expected(expected)
                .help(format!("rename it to `{stem}.yaml`")),
            );
            stem
        }
        (None, None) => {
            let mut d = Diagnostic::error(
                Span::file(&file),
                Problem::Layout(format!("`{name}` is not a .yaml file")),
            )
            .expected(expected);
            if name.ends_with(".md") {
                d = d.help(
                    "each entity is one YAML file; long texts go in its `description:` \
                     field, where Markdown is allowed",
                );
            }
            errors.push(d);
            return None;
        }
    };
    if !values::is_id(id) {
        let mut d = Diagnostic::error(
            Span::file(&file),
            Problem::InvalidValue {
                what: format!("{} id", kind.what()),
                found: id.into(),
            },
        )
        .expected(
            "a file name of lowercase ASCII letters, digits and `-` (the id is a URL segment)",
        );
        let fixed = hints::suggest_id(id);
        if values::is_id(&fixed) {
            d = d.help(format!("rename the file to `{fixed}.yaml`"));
        }
        errors.push(d);
    }
    Some(id.to_string())
}

fn parse_any(kind: Kind, file: PathBuf, id: &str, text: String) -> Result<Any, Vec<Diagnostic>> {
    Ok(match kind {
        Kind::Organization => Any::Organization(parse(file, id, text)?),
        Kind::Service => Any::Service(parse(file, id, text)?),
        Kind::Location => Any::Location(parse(file, id, text)?),
        Kind::Seminar => Any::Seminar(parse(file, id, text)?),
        Kind::City => Any::City(parse(file, id, text)?),
        Kind::Network => Any::Network(parse(file, id, text)?),
        Kind::Partnership => Any::Partnership(parse(file, id, text)?),
        Kind::Holidays => Any::Holidays(parse(file, id, text)?),
    })
}

fn parse<T: DeserializeOwned>(
    file: PathBuf,
    id: &str,
    text: String,
) -> Result<Parsed<T>, Vec<Diagnostic>> {
    let data = yaml::parse::<T>(Source::file(&file, &text)).map_err(|mut errors| {
        for d in &mut errors {
            if d.problem == Problem::EmptyFile {
                d.help = Some("delete the file if the entity is gone".into());
            }
        }
        errors
    })?;
    Ok(Parsed {
        entity: Entity {
            id: id.to_string(),
            file,
            data,
        },
        text,
    })
}
