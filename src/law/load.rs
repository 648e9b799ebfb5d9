//! Reading and validating `content/laws/<key>.yaml`.
//!
//! Two passes: every file is parsed on its own (shape, unknown fields, dates, URLs,
//! languages), then references between laws are resolved and cross-checked: a law
//! `repealed_by` another must be listed in that law's `repeals`, and the other way
//! round, so that the two files never tell different stories.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Jurisdiction, Kind, Law, Laws, Status};
use crate::config::Config;
use crate::content::parse_date_str;
use crate::diag::{relative, Diagnostic, Problem, Span};
use crate::localized::Localized;
use crate::yaml::{self, Source};

/// A law file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLaw {
    jurisdiction: Jurisdiction,
    kind: Kind,
    number: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    published: Option<String>,
    title: Localized,
    short_title: Localized,
    #[serde(default)]
    eli: Option<String>,
    #[serde(default)]
    consolidated: Option<String>,
    #[serde(default)]
    journal: Option<String>,
    #[serde(default)]
    journal_id: Option<String>,
    #[serde(default)]
    in_force_from: Option<String>,
    status: Status,
    #[serde(default)]
    repeals: Vec<String>,
    #[serde(default)]
    amends: Vec<String>,
    #[serde(default)]
    repealed_by: Option<String>,
    #[serde(default)]
    repealed_on: Option<String>,
}

/// A parsed file, kept with its text for the places of later problems.
struct Parsed {
    key: String,
    file: PathBuf,
    text: String,
    raw: RawLaw,
}

impl Parsed {
    fn source(&self) -> Source<'_> {
        Source::file(&self.file, &self.text)
    }
}

/// Reads every law of the site. Gives back what loaded, even with problems, and every
/// problem found; a site without `content/laws/` has no law. Warnings (a title missing
/// in a language) come with the errors: callers tell them apart by severity.
pub fn load(config: &Config) -> (Laws, Vec<Diagnostic>) {
    let dir = config.root.join("content").join("laws");
    let mut laws = Laws::default();
    let mut errors = Vec::new();
    if !dir.is_dir() {
        return (laws, errors);
    }
    let mut parsed = Vec::new();
    for path in files(&dir, &config.root, &mut errors) {
        let file = relative(&config.root, &path);
        let Some(key) = key_of(&path, &file, &mut errors) else {
            continue;
        };
        let text = match crate::read::text(&path, &file) {
            Ok(t) => t,
            Err(e) => {
                errors.extend(e);
                laws.broken.insert(key);
                continue;
            }
        };
        match yaml::parse::<RawLaw>(Source::file(&file, &text)) {
            Ok(raw) => parsed.push(Parsed {
                key,
                file,
                text,
                raw,
            }),
            Err(e) => {
                errors.extend(e);
                laws.broken.insert(key);
            }
        }
    }
    parsed.sort_by(|a, b| a.key.cmp(&b.key));
    let keys: Vec<&str> = parsed.iter().map(|p| p.key.as_str()).collect();
    let mut list: Vec<Law> = parsed
        .iter()
        .map(|p| check_one(config, p, &keys, &laws, &mut errors))
        .collect();
    cross_check(&parsed, &list, &mut errors);
    for i in 0..list.len() {
        for a in list[i].amends.clone() {
            list[a].amended_by.push(i);
        }
    }
    laws.laws = list;
    (laws, errors)
}

/// The `.yaml` files of `dir`, sorted; anything else is a layout error.
fn files(dir: &Path, root: &Path, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().min_depth(1) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(Diagnostic::error(
                    Span::file(relative(root, dir)),
                    Problem::Io(e.to_string()),
                ));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || entry.file_type().is_dir() {
            continue;
        }
        if entry.depth() > 1 || !name.ends_with(".yaml") {
            errors.push(
                Diagnostic::error(
                    Span::file(relative(root, entry.path())),
                    Problem::Layout("not a law file".into()),
                )
                .expected("content/laws/<key>.yaml, one law per file"),
            );
            continue;
        }
        out.push(entry.into_path());
    }
    out
}

/// The key of a law file: its name, a URL segment.
fn key_of(path: &Path, file: &Path, errors: &mut Vec<Diagnostic>) -> Option<String> {
    let key = path.file_stem()?.to_string_lossy().into_owned();
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        return Some(key);
    }
    errors.push(
        Diagnostic::error(
            Span::file(file),
            Problem::InvalidValue {
                what: "law key".into(),
                found: key,
            },
        )
        .expected("lowercase ASCII letters, digits and `-`, e.g. es-lo-4-2000"),
    );
    None
}

fn check_one(
    config: &Config,
    p: &Parsed,
    keys: &[&str],
    laws: &Laws,
    errors: &mut Vec<Diagnostic>,
) -> Law {
    let src = p.source();
    let raw = &p.raw;
    let date = |field: &str, value: &Option<String>, errors: &mut Vec<Diagnostic>| {
        let value = value.as_deref()?;
        let parsed = parse_date_str(value);
        if parsed.is_none() {
            let d = invalid(src.locate(&[field]), "date", value)
                .expected("a date as YYYY-MM-DD, e.g. 2026-11-24");
            errors.push(match crate::directory::hints::date_hint(value) {
                Some(hint) => d.help(hint),
                None => d,
            });
        }
        parsed
    };
    let law_date = date("date", &raw.date, errors);
    let published = date("published", &raw.published, errors);
    let in_force_from = date("in_force_from", &raw.in_force_from, errors);
    let repealed_on = date("repealed_on", &raw.repealed_on, errors);
    for (field, value) in [("eli", &raw.eli), ("consolidated", &raw.consolidated)] {
        if let Some(v) = value {
            if !is_web_url(v) {
                errors.push(invalid(src.locate(&[field]), "URL", v).expected(
                    "an absolute http(s) URL, e.g. https://www.boe.es/eli/es/lo/2000/01/11/4",
                ));
            }
        }
    }
    if raw.number.trim().is_empty() {
        errors.push(Diagnostic::error(
            src.locate(&["number"]),
            Problem::MissingField {
                field: "number".into(),
            },
        ));
    }
    for field in ["title", "short_title"] {
        let value = if field == "title" {
            &raw.title
        } else {
            &raw.short_title
        };
        value.validate(config, src, &[field], errors);
        missing_languages(config, value, src, field, errors);
    }
    let resolve = |field: &str, key: &str, errors: &mut Vec<Diagnostic>| -> Option<usize> {
        let at = src.locate_value(&[field], key);
        if key == p.key {
            errors.push(invalid(at, "reference", key).expected("another law's key"));
            return None;
        }
        match keys.binary_search(&key) {
            Ok(i) => Some(i),
            Err(_) if laws.broken.contains(key) => None,
            Err(_) => {
                // A law does not repeal itself: its own key is no suggestion.
                let others = keys.iter().copied().filter(|k| *k != p.key);
                errors.push(unknown_law(at, key, others));
                None
            }
        }
    };
    let repeals = raw
        .repeals
        .iter()
        .filter_map(|k| resolve("repeals", k, errors))
        .collect();
    let amends = raw
        .amends
        .iter()
        .filter_map(|k| resolve("amends", k, errors))
        .collect();
    let repealed_by = raw
        .repealed_by
        .as_deref()
        .and_then(|k| resolve("repealed_by", k, errors));
    match raw.status {
        Status::Repealed if raw.repealed_on.is_none() => errors.push(
            Diagnostic::error(
                src.locate(&["status"]),
                Problem::MissingField {
                    field: "repealed_on".into(),
                },
            )
            .expected("the date the repeal took effect, e.g. `repealed_on: 2025-05-20`"),
        ),
        Status::Repealed => {}
        other => {
            for field in ["repealed_by", "repealed_on"] {
                let set = if field == "repealed_by" {
                    raw.repealed_by.is_some()
                } else {
                    raw.repealed_on.is_some()
                };
                if set {
                    errors.push(
                        invalid(src.locate(&["status"]), "status", other.as_str())
                            .expected(format!("`status: repealed`, since `{field}` is set")),
                    );
                }
            }
        }
    }
    if let (Some(on), Some(d)) = (repealed_on, law_date.or(published)) {
        if on < d {
            errors.push(
                invalid(src.locate(&["repealed_on"]), "date", &on.to_string())
                    .expected(format!("a date after the law itself ({d})")),
            );
        }
    }
    Law {
        key: p.key.clone(),
        file: p.file.clone(),
        jurisdiction: raw.jurisdiction,
        kind: raw.kind,
        number: raw.number.trim().to_string(),
        date: law_date,
        published,
        title: raw.title.clone(),
        short_title: raw.short_title.clone(),
        eli: raw.eli.clone(),
        consolidated: raw.consolidated.clone(),
        journal: raw.journal.clone(),
        journal_id: raw.journal_id.clone(),
        in_force_from,
        status: raw.status,
        repeals,
        amends,
        amended_by: Vec::new(),
        repealed_by,
        repealed_on,
    }
}

/// `repealed_by` and `repeals` must agree: each side names the other. A law that is
/// still pending may already list what it will repeal.
fn cross_check(parsed: &[Parsed], laws: &[Law], errors: &mut Vec<Diagnostic>) {
    for (i, law) in laws.iter().enumerate() {
        if let Some(by) = law.repealed_by {
            if !laws[by].repeals.contains(&i) {
                errors.push(
                    Diagnostic::error(
                        parsed[i].source().locate(&["repealed_by"]),
                        Problem::InvalidValue {
                            what: "repeal".into(),
                            found: laws[by].key.clone(),
                        },
                    )
                    .expected(format!(
                        "`{}` listed in `repeals` of {}",
                        law.key,
                        laws[by].file.display()
                    )),
                );
            }
        }
        for &old in &law.repeals {
            if laws[old].repealed_by == Some(i) || law.status == Status::Pending {
                continue;
            }
            errors.push(
                Diagnostic::error(
                    parsed[i]
                        .source()
                        .locate_value(&["repeals"], &laws[old].key),
                    Problem::InvalidValue {
                        what: "repeal".into(),
                        found: laws[old].key.clone(),
                    },
                )
                .expected(format!(
                    "`repealed_by: {}` and `status: repealed` in {}",
                    law.key,
                    laws[old].file.display()
                )),
            );
        }
    }
}

/// A title given as a map should have every site language; a missing one is shown in
/// a fallback language, which is worth a warning, not a failed build.
fn missing_languages(
    config: &Config,
    value: &Localized,
    src: Source<'_>,
    field: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Localized::Map(map) = value else { return };
    for lang in &config.languages {
        if !map.contains_key(lang) {
            out.push(
                Diagnostic::warning(
                    src.locate(&[field]),
                    Problem::MissingField {
                        field: format!("{field}.{lang}"),
                    },
                )
                .help("it is shown in a fallback language"),
            );
        }
    }
}

fn is_web_url(s: &str) -> bool {
    url::Url::parse(s).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
}

fn invalid(at: Span, what: &str, found: &str) -> Diagnostic {
    Diagnostic::error(
        at,
        Problem::InvalidValue {
            what: what.into(),
            found: found.into(),
        },
    )
}

/// An unknown law key at `at`, with what would have been accepted and a did-you-mean.
pub fn unknown_law<'a>(
    at: Span,
    key: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Diagnostic {
    Diagnostic::error(
        at,
        Problem::UnknownReference {
            what: "law".into(),
            found: key.into(),
        },
    )
    .expected("the key of a law, the name of a file content/laws/<key>.yaml")
    .did_you_mean(key, known)
}
