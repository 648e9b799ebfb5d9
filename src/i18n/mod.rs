//! Internationalization stage. Input: the site's language list and the text of every
//! Fluent file (`locales/<lang>/*.ftl`, from the site or the embedded theme; the caller
//! reads them, this module never touches the file system). Output: a [`Localizer`] that
//! formats interface strings with CLDR plural rules and writes dates the local way, or
//! every [`LocaleProblem`] found (syntax errors, duplicate keys, keys missing in a
//! language) with its `file:line:col`.
//!
//! The same `Localizer` serves every rendering thread, so it holds one thread-safe
//! (`concurrent`) Fluent bundle per language, and [`Localizer::register`] puts a `t()`
//! function and a `date` filter on the Tera instance of each language. Reading and
//! checking the `.ftl` files lives in `load`, the Tera glue in `tera`.

pub mod dates;
mod load;
mod tera;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::diag;
use load::{check_missing_keys, Loading};

/// A problem found in the locale files, with its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{col}: {kind}", file.display())]
pub struct LocaleProblem {
    /// The file, as the caller named it in [`LocaleFile::path`] (e.g.
    /// `locales/el/main.ftl`), or the file that should exist for a missing key.
    pub file: PathBuf,
    /// 1-based line; 1 for a missing key, which belongs to the whole file.
    pub line: usize,
    /// 1-based column, in characters (not bytes: Greek letters take two bytes).
    pub col: usize,
    /// What is wrong.
    pub kind: LocaleProblemKind,
}

/// What is wrong in a locale file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocaleProblemKind {
    /// The Fluent parser rejected an entry; the rest of the file was still read.
    #[error("Fluent syntax error: {message}")]
    Syntax {
        /// The parser's description of what it expected.
        message: String,
    },
    /// A message defined for another language is absent in this one.
    #[error("missing key `{key}` (defined in {})", defined_in.display())]
    MissingKey {
        /// The message id.
        key: String,
        /// The file of the first language (in site order) that defines it.
        defined_in: PathBuf,
    },
    /// A message or term defined a second time in the same language.
    #[error("key `{key}` is defined more than once in this language")]
    DuplicateKey {
        /// The message id, or the term id with its leading `-`.
        key: String,
    },
}

/// One `.ftl` file's text, as read by the caller (who walks the file system or the
/// embedded theme).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleFile {
    /// The language tag this file belongs to, e.g. `el`.
    pub lang: String,
    /// Where the file lives, used only to name it in problems.
    pub path: PathBuf,
    /// The whole text of the file.
    pub text: String,
}

/// A value passed to a message as a Fluent variable (`{ $name }`).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, inserted as is.
    Str(String),
    /// A number: inserted as digits, and used by `{ $count -> [one] … }` selectors to
    /// pick the CLDR plural category of the language.
    Num(f64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Str(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Str(value)
    }
}

impl From<f64> for Arg {
    fn from(value: f64) -> Arg {
        Arg::Num(value)
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Arg {
        // Counts on a web site stay far below 2^53, where f64 would round.
        Arg::Num(value as f64)
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Arg {
        Arg::Num(value as f64)
    }
}

impl From<u32> for Arg {
    fn from(value: u32) -> Arg {
        Arg::Num(f64::from(value))
    }
}

/// Why a message could not be formatted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslateError {
    /// No locale was loaded for this language (it is not in the site's list).
    #[error("no interface strings for language `{lang}`")]
    UnknownLanguage {
        /// The language asked for.
        lang: String,
    },
    /// The language has no message (or attribute) with this id.
    #[error(
        "unknown interface string `{key}` in `{lang}`{}",
        did_you_mean(suggestion)
    )]
    UnknownKey {
        /// The language asked for.
        lang: String,
        /// The id asked for.
        key: String,
        /// The closest existing id, if one is close enough to be a likely typo.
        suggestion: Option<String>,
    },
    /// The message exists but could not be formatted, e.g. a variable was not passed.
    #[error("interface string `{key}` in `{lang}` could not be formatted: {message}")]
    Format {
        /// The language asked for.
        lang: String,
        /// The id asked for.
        key: String,
        /// Fluent's description of every error, joined with `; `.
        message: String,
    },
}

/// The `; did you mean …?` tail of an error message, empty without a suggestion.
fn did_you_mean(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!("; did you mean `{s}`?"),
        None => String::new(),
    }
}

/// The id in `candidates` closest to `wanted`, if it is close enough to be a likely
/// typo; the shared rule of [`diag::did_you_mean`], so that every did-you-mean of a
/// build agrees.
fn suggest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    diag::did_you_mean(wanted, candidates).map(str::to_owned)
}

/// Interface strings and dates for every language of the site.
///
/// Built once per build by [`Localizer::new`]; shared by reference (or `Arc`) across
/// rendering threads, which is why it uses Fluent's `concurrent` bundles.
pub struct Localizer {
    /// Keyed by language tag; a `BTreeMap` so that `Debug` output is stable.
    languages: BTreeMap<String, Language>,
}

/// The loaded strings of one language.
struct Language {
    bundle: FluentBundle<FluentResource>,
    /// Message ids (not terms: those are private to the language), sorted.
    keys: Vec<String>,
}

impl fmt::Debug for Localizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The bundles have no Debug; the key counts are what one wants to see anyway.
        let mut map = f.debug_map();
        for (lang, language) in &self.languages {
            map.entry(lang, &format_args!("{} keys", language.keys.len()));
        }
        map.finish()
    }
}

impl Localizer {
    /// Parses every file; `languages` is the site's language list (e.g. `["es", "el",
    /// "en"]`). Files of languages not in the list are ignored: a theme may ship more
    /// languages than a site uses.
    ///
    /// Collects all problems before giving up: syntax errors (placed at the parser's
    /// error offset), duplicate keys (at the second definition), and every message
    /// present in some language but missing in another, reported at line 1 of the
    /// lacking language's file with the same name as the defining file (or of
    /// `locales/<lang>/<that name>` if the language has no such file). Problems come
    /// sorted by file, line and column.
    pub fn new(
        languages: &[String],
        files: Vec<LocaleFile>,
    ) -> Result<Localizer, Vec<LocaleProblem>> {
        let mut problems = Vec::new();
        let mut loading: Vec<Loading> = Vec::new();
        for tag in languages {
            if !loading.iter().any(|l| l.tag == *tag) {
                loading.push(Loading::new(tag));
            }
        }
        for file in files {
            if let Some(language) = loading.iter_mut().find(|l| l.tag == file.lang) {
                language.add_file(file.path, file.text, &mut problems);
            }
        }
        check_missing_keys(&loading, &mut problems);
        if !problems.is_empty() {
            // Stable: problems at one place keep the order they were found in, and
            // missing keys were found in key order.
            problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
            return Err(problems);
        }
        let languages = loading
            .into_iter()
            .map(|l| {
                let keys = l.messages.into_keys().collect();
                (
                    l.tag,
                    Language {
                        bundle: l.bundle,
                        keys,
                    },
                )
            })
            .collect();
        Ok(Localizer { languages })
    }

    /// Formats message `key` (or `key.attribute`) in `lang` with `args`. Numbers select
    /// CLDR plural categories (`one`/`other` in es, el and en). Unicode isolation marks
    /// are off, so the result can go straight into HTML, feeds or search text.
    ///
    /// An unknown key gives [`TranslateError::UnknownKey`] with a did-you-mean over
    /// the language's keys; a message that cannot be fully formatted (a variable not
    /// passed, a reference to a missing message) gives [`TranslateError::Format`]
    /// rather than a half-filled string.
    pub fn t(&self, lang: &str, key: &str, args: &[(&str, Arg)]) -> Result<String, TranslateError> {
        let language = self
            .languages
            .get(lang)
            .ok_or_else(|| TranslateError::UnknownLanguage {
                lang: lang.to_owned(),
            })?;
        let unknown = |suggestion| TranslateError::UnknownKey {
            lang: lang.to_owned(),
            key: key.to_owned(),
            suggestion,
        };
        let (id, attribute) = match key.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (key, None),
        };
        let Some(message) = language.bundle.get_message(id) else {
            return Err(unknown(suggest(
                key,
                language.keys.iter().map(String::as_str),
            )));
        };
        let pattern = match attribute {
            None => message.value().ok_or_else(|| TranslateError::Format {
                lang: lang.to_owned(),
                key: key.to_owned(),
                message: "the message has attributes but no value".to_owned(),
            })?,
            Some(name) => match message.get_attribute(name) {
                Some(attribute) => attribute.value(),
                None => {
                    let names: Vec<String> = message
                        .attributes()
                        .map(|a| format!("{id}.{}", a.id()))
                        .collect();
                    return Err(unknown(suggest(key, names.iter().map(String::as_str))));
                }
            },
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Str(text) => fluent_args.set(*name, text.as_str()),
                Arg::Num(number) => fluent_args.set(*name, *number),
            }
        }
        let mut errors = Vec::new();
        let text = language
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            let message = errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            return Err(TranslateError::Format {
                lang: lang.to_owned(),
                key: key.to_owned(),
                message,
            });
        }
        Ok(text.into_owned())
    }

    /// All message ids of a language, sorted; empty for a language not loaded.
    pub fn keys(&self, lang: &str) -> Vec<String> {
        self.languages
            .get(lang)
            .map(|l| l.keys.clone())
            .unwrap_or_default()
    }

    /// The languages loaded, sorted by tag.
    pub fn languages(&self) -> Vec<String> {
        self.languages.keys().cloned().collect()
    }

    /// A date written in full the local way: es "24 de noviembre de 2026", el "24
    /// Νοεμβρίου 2026" (genitive month), en "24 November 2026". See [`dates`] for the
    /// other forms.
    pub fn long_date(&self, lang: &str, date: chrono::NaiveDate) -> String {
        dates::long_date(lang, date)
    }
}

/// Rendering runs on rayon threads: the Localizer must stay shareable.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Localizer>();
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    // The helpers below are shared with the tests of `load` and `tera`.

    pub(super) fn site_languages() -> Vec<String> {
        vec!["es".to_owned(), "el".to_owned(), "en".to_owned()]
    }

    pub(super) fn file(lang: &str, text: &str) -> LocaleFile {
        LocaleFile {
            lang: lang.to_owned(),
            path: PathBuf::from(format!("locales/{lang}/main.ftl")),
            text: text.to_owned(),
        }
    }

    /// The Localizer of the real locale files shipped with the project.
    pub(super) fn shipped() -> Localizer {
        let files = vec![
            file("es", include_str!("../../locales/es/main.ftl")),
            file("el", include_str!("../../locales/el/main.ftl")),
            file("en", include_str!("../../locales/en/main.ftl")),
        ];
        match Localizer::new(&site_languages(), files) {
            Ok(localizer) => localizer,
            Err(problems) => panic!("shipped locales have problems: {problems:#?}"),
        }
    }

    fn count(n: f64) -> [(&'static str, Arg); 1] {
        [("count", Arg::Num(n))]
    }

    #[test]
    fn shipped_locales_load_with_the_same_keys_in_every_language() {
        let l = shipped();
        let es = l.keys("es");
        assert!(es.contains(&"blog-count".to_owned()));
        assert!(es.contains(&"quick-exit".to_owned()));
        assert_eq!(es, l.keys("el"));
        assert_eq!(es, l.keys("en"));
        assert!(l.keys("fr").is_empty());
    }

    #[test]
    fn selects_plurals_in_all_three_languages() {
        let l = shipped();
        let t = |lang, n| l.t(lang, "blog-count", &count(n)).unwrap();
        assert_eq!(t("es", 1.0), "1 artículo");
        assert_eq!(t("es", 3.0), "3 artículos");
        assert_eq!(t("el", 1.0), "1 άρθρο");
        assert_eq!(t("el", 3.0), "3 άρθρα");
        assert_eq!(t("en", 1.0), "1 article");
        assert_eq!(t("en", 3.0), "3 articles");
        assert_eq!(l.t("el", "term-count", &count(0.0)).unwrap(), "0 άρθρα");
    }

    #[test]
    fn fills_placeables_without_isolation_marks() {
        let l = shipped();
        let args = [("current", Arg::from(2_u32)), ("total", Arg::from(5_u32))];
        assert_eq!(
            l.t("es", "pagination-page", &args).unwrap(),
            "Página 2 de 5"
        );
        let name = [("name", Arg::from("Arraigo"))];
        let title = l.t("es", "term-title-category", &name).unwrap();
        assert_eq!(title, "Categoría: Arraigo");
        assert!(!title.contains(['\u{2068}', '\u{2069}']));
        let language = [(
            "language",
            Arg::from(l.t("en", "language-name-es", &[]).unwrap()),
        )];
        assert_eq!(
            l.t("en", "fallback-notice", &language).unwrap(),
            "This content is not yet available in English; it is shown in Spanish."
        );
    }

    #[test]
    fn writes_long_dates_in_all_three_languages() {
        let l = shipped();
        let november = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let may = NaiveDate::from_ymd_opt(2026, 5, 3).unwrap();
        assert_eq!(l.long_date("es", november), "24 de noviembre de 2026");
        assert_eq!(l.long_date("el", november), "24 Νοεμβρίου 2026");
        assert_eq!(l.long_date("en", november), "24 November 2026");
        assert_eq!(l.long_date("el", may), "3 Μαΐου 2026");
    }

    #[test]
    fn suggests_the_closest_key_for_a_typo() {
        let l = shipped();
        let error = l.t("es", "blog-cuont", &count(2.0)).unwrap_err();
        assert_eq!(
            error,
            TranslateError::UnknownKey {
                lang: "es".to_owned(),
                key: "blog-cuont".to_owned(),
                suggestion: Some("blog-count".to_owned()),
            }
        );
        assert!(error.to_string().contains("did you mean `blog-count`?"));
        let far = l.t("es", "completely-different", &[]).unwrap_err();
        assert!(matches!(
            far,
            TranslateError::UnknownKey {
                suggestion: None,
                ..
            }
        ));
    }

    #[test]
    fn a_missing_variable_is_an_error_not_a_half_string() {
        let l = shipped();
        let error = l.t("en", "blog-count", &[]).unwrap_err();
        assert!(matches!(error, TranslateError::Format { .. }), "{error:?}");
        let unknown = l.t("fr", "nav-home", &[]).unwrap_err();
        assert!(matches!(unknown, TranslateError::UnknownLanguage { .. }));
    }

    #[test]
    fn reads_attributes_with_a_dot() {
        let files = vec![file("en", "link = Home\n    .title = Go home\n")];
        let l = Localizer::new(&["en".to_owned()], files).unwrap();
        assert_eq!(l.t("en", "link.title", &[]).unwrap(), "Go home");
        let error = l.t("en", "link.titel", &[]).unwrap_err();
        assert!(
            error.to_string().contains("did you mean `link.title`?"),
            "{error}"
        );
    }
}
