//! Internationalization stage. Input: the site's language list and the text of every
//! Fluent file (`locales/<lang>/*.ftl`, from the site or the embedded theme; the caller
//! reads them, this module never touches the file system). Output: a [`Localizer`] that
//! formats interface strings with CLDR plural rules and writes dates the local way, or
//! every [`LocaleProblem`] found (syntax errors, duplicate keys, keys missing in a
//! language) with its `file:line:col`.
//!
//! The same `Localizer` serves every rendering thread, so it holds one thread-safe
//! (`concurrent`) Fluent bundle per language, and [`Localizer::register`] puts a `t()`
//! function and a `date` filter on the Tera instance of each language.

pub mod dates;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;
use unic_langid::LanguageIdentifier;

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

/// One language while its files are being read.
struct Loading {
    tag: String,
    bundle: FluentBundle<FluentResource>,
    /// Message id → the file that defines it first.
    messages: BTreeMap<String, PathBuf>,
    /// Term ids, with their `-`, only to catch duplicates.
    terms: BTreeSet<String>,
    /// Every file of the language, in the order given.
    files: Vec<PathBuf>,
    /// Files with syntax errors: missing keys are not reported against them, because
    /// a key in a broken entry would be reported twice, once as each problem.
    broken: Vec<PathBuf>,
}

impl Loading {
    fn new(tag: &str) -> Loading {
        // The config layer validates tags; an unparsable one still gets a bundle (with
        // the root locale's plural rules) so that every problem can be reported.
        let langid: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks (U+2068/U+2069) around placeables protect bidirectional
        // text, but all three site languages are left-to-right, and the marks would
        // end up inside titles, feeds and search snippets.
        bundle.set_use_isolating(false);
        // Gives translators NUMBER(); it fails only if NUMBER already exists, which it
        // cannot on a fresh bundle.
        let _ = bundle.add_builtins();
        Loading {
            tag: tag.to_owned(),
            bundle,
            messages: BTreeMap::new(),
            terms: BTreeSet::new(),
            files: Vec::new(),
            broken: Vec::new(),
        }
    }

    /// Parses one file into this language, pushing its syntax errors and duplicates.
    fn add_file(&mut self, path: PathBuf, text: String, problems: &mut Vec<LocaleProblem>) {
        // Editors do not count a byte-order mark as a column, and Fluent would take it
        // for junk before the first entry.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        let resource = match FluentResource::try_new(text) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    problems.push(syntax_problem(&path, resource.source(), &error));
                }
                self.broken.push(path.clone());
                // The valid entries still count, so that one run finds every problem.
                resource
            }
        };
        let source = resource.source();
        for entry in resource.entries() {
            let (id, is_term) = match entry {
                ast::Entry::Message(message) => (message.id.name, false),
                ast::Entry::Term(term) => (term.id.name, true),
                _ => continue,
            };
            let fresh = if is_term {
                self.terms.insert(format!("-{id}"))
            } else if self.messages.contains_key(id) {
                false
            } else {
                self.messages.insert(id.to_owned(), path.clone());
                true
            };
            if !fresh {
                // The runtime parser keeps no spans, but every identifier is a slice of
                // the source, so its address gives its byte offset.
                let offset = (id.as_ptr() as usize).saturating_sub(source.as_ptr() as usize);
                let (line, col) = line_col(source, offset);
                let key = if is_term {
                    format!("-{id}")
                } else {
                    id.to_owned()
                };
                let kind = LocaleProblemKind::DuplicateKey { key };
                problems.push(LocaleProblem {
                    file: path.clone(),
                    line,
                    col,
                    kind,
                });
            }
        }
        // Overriding errors here repeat the duplicates reported above, with their
        // places; the first definition wins, as it does in the map of messages.
        let _ = self.bundle.add_resource(resource);
        self.files.push(path);
    }
}

/// The problem for one parser error, placed at the error's first byte.
fn syntax_problem(path: &Path, source: &str, error: &ParserError) -> LocaleProblem {
    let (line, col) = line_col(source, error.pos.start);
    LocaleProblem {
        file: path.to_path_buf(),
        line,
        col,
        kind: LocaleProblemKind::Syntax {
            message: error.kind.to_string(),
        },
    }
}

/// 1-based line and column (in characters) of a byte offset; an offset past the end
/// or inside a character is moved back to the nearest character start.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Where a key missing in `lacking` should go: the file of that language with the
/// defining file's name, or, if there is none, the path it would have.
fn counterpart(defining: &Path, defining_lang: &str, lacking: &Loading) -> PathBuf {
    let name = defining.file_name();
    if let Some(existing) = lacking.files.iter().find(|f| f.file_name() == name) {
        return existing.clone();
    }
    let name = name.unwrap_or(OsStr::new("main.ftl"));
    match defining.parent() {
        // `locales/es/main.ftl` → `locales/el/main.ftl`, keeping whatever root the
        // caller used.
        Some(dir) if dir.file_name() == Some(OsStr::new(defining_lang)) => {
            dir.with_file_name(&lacking.tag).join(name)
        }
        _ => Path::new("locales").join(&lacking.tag).join(name),
    }
}

/// Pushes one problem per (language, message) where the message exists in some other
/// language of the site. The first language that defines it (in site order) is named
/// as the reference, so that the editor knows which text to translate.
fn check_missing_keys(loading: &[Loading], problems: &mut Vec<LocaleProblem>) {
    let all_keys: BTreeSet<&str> = loading
        .iter()
        .flat_map(|l| l.messages.keys().map(String::as_str))
        .collect();
    for key in all_keys {
        let Some((defining_lang, defined_in)) = loading
            .iter()
            .find_map(|l| l.messages.get(key).map(|path| (l.tag.as_str(), path)))
        else {
            continue;
        };
        for lacking in loading.iter().filter(|l| !l.messages.contains_key(key)) {
            let file = counterpart(defined_in, defining_lang, lacking);
            if lacking.broken.contains(&file) {
                continue;
            }
            let kind = LocaleProblemKind::MissingKey {
                key: key.to_owned(),
                defined_in: defined_in.clone(),
            };
            problems.push(LocaleProblem {
                file,
                line: 1,
                col: 1,
                kind,
            });
        }
    }
}

/// The id in `candidates` closest to `wanted`, if it is close enough to be a typo:
/// at most one edit per three characters (and at least one).
fn suggest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let limit = (wanted.chars().count() / 3).max(1);
    candidates
        .map(|c| (strsim::damerau_levenshtein(wanted, c), c))
        .filter(|(distance, _)| *distance <= limit)
        // Ties go to the alphabetically first id, so the message never flickers.
        .min()
        .map(|(_, c)| c.to_owned())
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

    /// Registers on `tera` (one Tera instance per language) what templates need to
    /// speak `lang`:
    ///
    /// - a function `t(key="…", …)`: every other named argument becomes a Fluent
    ///   variable (strings as text, numbers as numbers, so `count=3` selects plurals,
    ///   booleans as `"true"`/`"false"` for selectors);
    /// - a filter `date` turning `"2026-11-24"`, or an RFC 3339 date-time whose date
    ///   part is taken as written (no time-zone conversion), into the long local form;
    ///   `date(format="short")` and `date(format="full")` give the other forms of
    ///   [`dates`].
    ///
    /// Errors become `tera::Error`s whose message names the key and a did-you-mean;
    /// Tera wraps them ("Function call 't' failed"), so print the error's source chain.
    /// The output is plain text: Tera's autoescaping still applies to it.
    pub fn register(self: &Arc<Self>, tera: &mut tera::Tera, lang: &str) {
        let localizer = Arc::clone(self);
        let function_lang = lang.to_owned();
        tera.register_function("t", move |args: &HashMap<String, tera::Value>| {
            localizer.tera_t(&function_lang, args)
        });
        let filter_lang = lang.to_owned();
        tera.register_filter(
            "date",
            move |value: &tera::Value, args: &HashMap<String, tera::Value>| {
                date_filter(&filter_lang, value, args)
            },
        );
    }

    /// The body of the Tera `t()` function.
    fn tera_t(&self, lang: &str, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = match args.get("key") {
            Some(tera::Value::String(key)) => key,
            Some(other) => {
                return Err(tera::Error::msg(format!(
                    "t(): `key` must be a string, found `{other}`"
                )))
            }
            None => {
                return Err(tera::Error::msg(
                    "t(): missing `key` argument, e.g. t(key=\"nav-home\")",
                ))
            }
        };
        let mut fluent_args = Vec::with_capacity(args.len());
        for (name, value) in args {
            if name == "key" {
                continue;
            }
            let arg = match value {
                tera::Value::String(text) => Arg::Str(text.clone()),
                tera::Value::Number(number) => match number.as_f64() {
                    Some(number) => Arg::Num(number),
                    None => Arg::Str(number.to_string()),
                },
                tera::Value::Bool(flag) => Arg::Str(flag.to_string()),
                other => {
                    return Err(tera::Error::msg(format!(
                        "t(key=\"{key}\"): argument `{name}` must be a string, number or \
                         boolean, found `{other}`"
                    )))
                }
            };
            fluent_args.push((name.as_str(), arg));
        }
        self.t(lang, key, &fluent_args)
            .map(tera::Value::String)
            .map_err(|e| tera::Error::msg(e.to_string()))
    }
}

/// The body of the Tera `date` filter.
fn date_filter(
    lang: &str,
    value: &tera::Value,
    args: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let tera::Value::String(text) = value else {
        return Err(tera::Error::msg(format!(
            "date filter: expected a date string like \"2026-11-24\", found `{value}`"
        )));
    };
    let date = parse_date_part(text).ok_or_else(|| {
        tera::Error::msg(format!(
            "date filter: `{text}` is not a date (YYYY-MM-DD) or an RFC 3339 date-time"
        ))
    })?;
    let written = match args.get("format").map(|f| f.as_str()) {
        None | Some(Some("long")) => dates::long_date(lang, date),
        Some(Some("short")) => dates::short_date(lang, date),
        Some(Some("full")) => dates::full_date(lang, date),
        Some(_) => {
            return Err(tera::Error::msg(
                "date filter: `format` must be \"long\", \"short\" or \"full\"",
            ))
        }
    };
    Ok(tera::Value::String(written))
}

/// The calendar date at the start of `text`: `2026-11-24`, optionally followed by a
/// time (`T…`, `t…` or ` …`) as in RFC 3339. The date is taken as written, because it
/// is the date the author meant in the author's zone.
fn parse_date_part(text: &str) -> Option<chrono::NaiveDate> {
    let (date, rest) = (text.get(..10)?, &text[10..]);
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
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

    fn site_languages() -> Vec<String> {
        vec!["es".to_owned(), "el".to_owned(), "en".to_owned()]
    }

    fn file(lang: &str, text: &str) -> LocaleFile {
        LocaleFile {
            lang: lang.to_owned(),
            path: PathBuf::from(format!("locales/{lang}/main.ftl")),
            text: text.to_owned(),
        }
    }

    /// The Localizer of the real locale files shipped with the project.
    fn shipped() -> Localizer {
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
    fn reports_a_missing_key_against_the_lacking_file() {
        let files = vec![
            file("es", "a = A\nb = B\n"),
            file("el", "a = Α\n"),
            file("en", "a = A\nb = B\n"),
        ];
        let problems = Localizer::new(&site_languages(), files).unwrap_err();
        assert_eq!(
            problems,
            vec![LocaleProblem {
                file: PathBuf::from("locales/el/main.ftl"),
                line: 1,
                col: 1,
                kind: LocaleProblemKind::MissingKey {
                    key: "b".to_owned(),
                    defined_in: PathBuf::from("locales/es/main.ftl"),
                },
            }]
        );
        assert_eq!(
            problems[0].to_string(),
            "locales/el/main.ftl:1:1: missing key `b` (defined in locales/es/main.ftl)"
        );
    }

    #[test]
    fn reports_missing_keys_of_an_absent_file_at_the_path_it_should_have() {
        let files = vec![
            LocaleFile {
                lang: "es".to_owned(),
                path: PathBuf::from("site/locales/es/extra.ftl"),
                text: "x = X\n".to_owned(),
            },
            file("el", "x = Χ\n"),
        ];
        let problems = Localizer::new(&site_languages(), files).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, PathBuf::from("site/locales/en/extra.ftl"));
    }

    #[test]
    fn reports_a_syntax_error_at_its_line_and_column() {
        // Line 3 lacks its `=`: the parser stops where it expected it, at `Sin`.
        let es = "ok = Bien\n# comentario\nroto Sin igual\nnext = Siguiente\n";
        let files = vec![file("es", es), file("el", "ok = Καλά\nnext = Επόμενο\n")];
        let problems = Localizer::new(&["es".to_owned(), "el".to_owned()], files).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let problem = &problems[0];
        assert_eq!(problem.file, PathBuf::from("locales/es/main.ftl"));
        assert_eq!((problem.line, problem.col), (3, 6));
        assert!(
            matches!(&problem.kind, LocaleProblemKind::Syntax { message } if message.contains('='))
        );
    }

    #[test]
    fn counts_columns_in_characters_not_bytes() {
        // Fluent ids are ASCII, but values are not: the stray `}` is the 19th
        // character of line 2 and its 23rd byte.
        let el = "alpha = Άλφα\nbeta = Βήτα { $x }}\n";
        let problems = Localizer::new(&["el".to_owned()], vec![file("el", el)]).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!((problems[0].line, problems[0].col), (2, 19));
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        let files = vec![file("en", "\u{feff}hello = Hello\n")];
        let l = Localizer::new(&["en".to_owned()], files).unwrap();
        assert_eq!(l.t("en", "hello", &[]).unwrap(), "Hello");
    }

    #[test]
    fn reports_a_duplicate_key_at_its_second_definition() {
        let en = "title = One\nother = X\n  title = ignored\ntitle = Two\n";
        let problems = Localizer::new(&["en".to_owned()], vec![file("en", en)]).unwrap_err();
        let duplicates: Vec<_> = problems
            .iter()
            .filter(|p| matches!(p.kind, LocaleProblemKind::DuplicateKey { .. }))
            .collect();
        assert_eq!(duplicates.len(), 1, "{problems:#?}");
        assert_eq!((duplicates[0].line, duplicates[0].col), (4, 1));
    }

    #[test]
    fn collects_every_problem_in_one_run() {
        let files = vec![
            file("es", "a = A\na = A2\nb = B\n"),
            file("el", "a = Α\nc = {\n"),
            file("en", "a = A\n"),
        ];
        let problems = Localizer::new(&site_languages(), files).unwrap_err();
        let files: Vec<_> = problems.iter().map(|p| p.file.to_str().unwrap()).collect();
        // el: the syntax error, but no missing `b` on top of it; en: missing `b`;
        // es: the duplicate `a`.
        assert_eq!(
            files,
            [
                "locales/el/main.ftl",
                "locales/en/main.ftl",
                "locales/es/main.ftl"
            ]
        );
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

    fn tera_for(lang: &str) -> tera::Tera {
        let mut tera = tera::Tera::default();
        Arc::new(shipped()).register(&mut tera, lang);
        tera
    }

    fn render(tera: &mut tera::Tera, template: &str) -> tera::Result<String> {
        let mut context = tera::Context::new();
        context.insert("n", &3);
        context.insert("published", "2026-05-03T09:30:00+03:00");
        // A `.txt` name turns autoescaping off, so that `/` in dates stays readable
        // here; in `.html` templates Tera escapes it as `&#x2F;`, which is harmless.
        tera.add_raw_template("page.txt", template)?;
        tera.render("page.txt", &context)
    }

    #[test]
    fn tera_function_and_filter_render_through_tera() {
        let mut el = tera_for("el");
        let html = render(
            &mut el,
            r#"{{ t(key="blog-count", count=n) }} | {{ t(key="article-published", date=published | date) }} | {{ "2026-11-24" | date(format="short") }}"#,
        )
        .unwrap();
        assert_eq!(html, "3 άρθρα | Δημοσίευση: 3 Μαΐου 2026 | 24/11/2026");

        let mut es = tera_for("es");
        let html = render(
            &mut es,
            r#"{{ t(key="blog-count", count=1) }}, {{ "2026-11-24" | date }}"#,
        )
        .unwrap();
        assert_eq!(html, "1 artículo, 24 de noviembre de 2026");
    }

    /// The whole chain of a Tera error, which wraps ours a few levels deep.
    fn chain(error: &tera::Error) -> String {
        let mut text = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            text.push_str(" / ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        text
    }

    #[test]
    fn tera_errors_name_the_key_and_a_suggestion() {
        let mut en = tera_for("en");
        let error = render(&mut en, r#"{{ t(key="nav-hom") }}"#).unwrap_err();
        let text = chain(&error);
        assert!(
            text.contains("`nav-hom`") && text.contains("did you mean `nav-home`?"),
            "{text}"
        );

        let error = render(&mut en, r#"{{ "24/11/2026" | date }}"#).unwrap_err();
        assert!(chain(&error).contains("is not a date"), "{}", chain(&error));
    }
}
