//! Loading stage of [`Localizer::new`](super::Localizer::new). Input: the text of each
//! `.ftl` file, already assigned to one of the site's languages. Output: one Fluent
//! bundle per language with its message ids, plus every [`LocaleProblem`] found on the
//! way: syntax errors and duplicate keys at their `file:line:col`, and keys defined in
//! one language but missing in another at line 1 of the file that should hold them.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;
use unic_langid::LanguageIdentifier;

use super::{LocaleProblem, LocaleProblemKind};

/// One language while its files are being read.
pub(super) struct Loading {
    pub(super) tag: String,
    pub(super) bundle: FluentBundle<FluentResource>,
    /// Message id → the file that defines it first.
    pub(super) messages: BTreeMap<String, PathBuf>,
    /// Term ids, with their `-`, only to catch duplicates.
    terms: BTreeSet<String>,
    /// Every file of the language, in the order given.
    files: Vec<PathBuf>,
    /// Files with syntax errors: missing keys are not reported against them, because
    /// a key in a broken entry would be reported twice, once as each problem.
    broken: Vec<PathBuf>,
}

impl Loading {
    pub(super) fn new(tag: &str) -> Loading {
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
    pub(super) fn add_file(
        &mut self,
        path: PathBuf,
        text: String,
        problems: &mut Vec<LocaleProblem>,
    ) {
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
pub(super) fn check_missing_keys(loading: &[Loading], problems: &mut Vec<LocaleProblem>) {
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::i18n::tests::{file, site_languages};
    use crate::i18n::{LocaleFile, LocaleProblem, LocaleProblemKind, Localizer};

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
}
