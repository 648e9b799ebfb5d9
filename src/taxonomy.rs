//! Taxonomies: `content/taxonomies/<key>.yaml` → [`Taxonomy`].
//!
//! A taxonomy is a list of terms with a code and a localized name. Articles reference
//! codes, never names, so one category is the same thing in every language and its
//! pages link across languages.

use std::path::PathBuf;

use serde::Deserialize;

use crate::config::Config;
use crate::diag::{Diagnostic, Problem};
use crate::localized::Localized;
use crate::yaml::{self, Source};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    key: String,
    name: Localized,
    #[serde(default)]
    terms: Vec<RawTerm>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    code: String,
    name: Localized,
    #[serde(default)]
    description: Option<Localized>,
}

/// One term.
#[derive(Debug, Clone)]
pub struct Term {
    /// Stable code used in front matter and URLs.
    pub code: String,
    /// Name per language.
    pub name: Localized,
    /// Optional description per language.
    pub description: Option<Localized>,
}

/// A list of terms with a localized name.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// File key (`categories`, `tags`).
    pub key: String,
    /// Name per language.
    pub name: Localized,
    /// Terms in file order.
    pub terms: Vec<Term>,
    /// File, for diagnostics.
    pub file: PathBuf,
    /// Problems that do not fail the build (a term name missing in a language).
    pub warnings: Vec<Diagnostic>,
}

impl Taxonomy {
    /// An empty taxonomy, for sites without the file.
    pub fn empty(key: &str) -> Taxonomy {
        Taxonomy {
            key: key.into(),
            name: Localized::Plain(key.into()),
            terms: Vec::new(),
            file: PathBuf::from(format!("content/taxonomies/{key}.yaml")),
            warnings: Vec::new(),
        }
    }

    /// Loads `content/taxonomies/<key>.yaml`, or an empty taxonomy if absent.
    pub fn load(config: &Config, key: &str) -> Result<Taxonomy, Vec<Diagnostic>> {
        let file = PathBuf::from(format!("content/taxonomies/{key}.yaml"));
        let path = config.root.join(&file);
        if !path.exists() {
            return Ok(Taxonomy::empty(key));
        }
        let text = crate::read::text(&path, &file)?;
        let source = Source::file(&file, &text);
        let raw: RawTaxonomy = yaml::parse(source)?;
        let mut errors = Vec::new();
        if raw.key != key {
            errors.push(
                Diagnostic::error(
                    source.locate(&["key"]),
                    Problem::InvalidValue {
                        what: "taxonomy key".into(),
                        found: raw.key.clone(),
                    },
                )
                .expected(format!("`{key}`, the file name")),
            );
        }
        raw.name.validate(config, source, &["name"], &mut errors);
        let mut terms: Vec<Term> = Vec::with_capacity(raw.terms.len());
        let mut lines: Vec<usize> = Vec::with_capacity(raw.terms.len());
        for (i, term) in raw.terms.into_iter().enumerate() {
            let item = crate::directory::place::item(source, &["terms"], i);
            let at = match item {
                Some(item) => item.locate(&["code"]),
                None => source.locate_value(&["terms"], &term.code),
            };
            if let Some(first) = terms.iter().position(|t| t.code == term.code) {
                errors.push(
                    Diagnostic::error(
                        at,
                        Problem::Duplicate {
                            what: "term code".into(),
                            found: term.code.clone(),
                        },
                    )
                    .expected(format!(
                        "each code once; `{}` is already the code of the term on line {}",
                        term.code, lines[first]
                    )),
                );
                continue;
            }
            lines.push(at.line);
            if term.code.is_empty()
                || !term
                    .code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                errors.push(
                    Diagnostic::error(
                        at.clone(),
                        Problem::InvalidValue {
                            what: "term code".into(),
                            found: term.code.clone(),
                        },
                    )
                    .expected("ASCII lowercase letters, digits and `-` (it is a URL segment)")
                    .help(format!(
                        "did you mean `{}`?",
                        crate::directory::hints::suggest_id(&term.code)
                    )),
                );
            }
            if let Localized::Map(map) = &term.name {
                for lang in &config.languages {
                    if !map.contains_key(lang) {
                        errors.push(
                            Diagnostic::warning(
                                at.clone(),
                                Problem::MissingField {
                                    field: format!("name.{lang}"),
                                },
                            )
                            .help("the name is shown in a fallback language"),
                        );
                    }
                }
            }
            match item {
                Some(item) => term.name.validate(config, item, &["name"], &mut errors),
                None => term.name.validate(config, source, &["terms"], &mut errors),
            }
            terms.push(Term {
                code: term.code,
                name: term.name,
                description: term.description,
            });
        }
        if errors.iter().any(Diagnostic::is_error) {
            return Err(errors);
        }
        Ok(Taxonomy {
            key: key.into(),
            name: raw.name,
            terms,
            file,
            warnings: errors,
        })
    }

    /// Index of the term with `code`.
    pub fn find(&self, code: &str) -> Option<usize> {
        self.terms.iter().position(|t| t.code == code)
    }

    /// Term codes, for did-you-mean.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.code.as_str())
    }
}
