//! Diagnostics: every problem found in a site's sources, with its place.
//!
//! Stages never stop at the first problem: they push [`Diagnostic`]s into a
//! [`Diagnostics`] list and go on, so that one run reports everything. Only the binary
//! formats diagnostics for people; the library hands them over as typed values.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a source file; lines and columns start at 1.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// The file, relative to the site root when it lies inside it.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

impl Span {
    /// A span at `line:col` of `file`.
    pub fn new(file: impl Into<PathBuf>, line: usize, col: usize) -> Span {
        Span {
            file: file.into(),
            line,
            col,
        }
    }

    /// The start of `file`, for problems that belong to a whole file.
    pub fn file(file: impl Into<PathBuf>) -> Span {
        Span::new(file, 1, 1)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.col)
    }
}

/// How bad a problem is: errors fail the build, warnings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Fails the build (exit code 1).
    Error,
    /// Reported; the build goes on.
    Warning,
}

/// What went wrong, by kind, so that tests and tools can match on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The YAML (or front matter) does not parse, or does not fit the expected shape.
    #[error("invalid YAML: {0}")]
    Yaml(String),
    /// A key that the format does not know.
    #[error("unknown field `{field}`")]
    UnknownField {
        /// The key found.
        field: String,
    },
    /// A required key is absent.
    #[error("missing field `{field}`")]
    MissingField {
        /// The key expected.
        field: String,
    },
    /// A value of the right type but not an allowed one.
    #[error("invalid {what} `{found}`")]
    InvalidValue {
        /// What the value is (a language code, a base URL…).
        what: String,
        /// The value found.
        found: String,
    },
    /// A reference to something that does not exist (a term, an article, a language).
    #[error("unknown {what} `{found}`")]
    UnknownReference {
        /// What kind of thing was referenced.
        what: String,
        /// The reference found.
        found: String,
    },
    /// Two things claim the same identity (key, URL, id).
    #[error("duplicate {what} `{found}`")]
    Duplicate {
        /// What is duplicated.
        what: String,
        /// The duplicated value.
        found: String,
    },
    /// A file whose name or place does not follow the layout.
    #[error("misplaced file: {0}")]
    Layout(String),
    /// An interface string missing or broken in a locale file.
    #[error("{0}")]
    Locale(String),
    /// A template that fails to parse or render.
    #[error("template error: {0}")]
    Template(String),
    /// A file that cannot be read.
    #[error("cannot read: {0}")]
    Io(String),
    /// An article cites a law that was repealed after the article's last legal review
    /// (or an article never reviewed cites a repealed law).
    #[error("cites `{law}`, repealed {detail}")]
    RepealedLaw {
        /// Key of the repealed law.
        law: String,
        /// By what and since when, in words.
        detail: String,
    },
    /// A value of another type than the field takes (a text where a list belongs).
    #[error("wrong type for `{field}`: found {found}")]
    WrongType {
        /// The field, as a path (`tags`, `at_locations[0].schedule`).
        field: String,
        /// What was found, in words (`the text `asilo``, `a list`).
        found: String,
    },
    /// A field that is present but empty (`title: ""`).
    #[error("empty `{field}`")]
    Empty {
        /// The key.
        field: String,
    },
    /// A file with nothing in it.
    #[error("empty file")]
    EmptyFile,
    /// Bytes that are not UTF-8 (a file saved as Latin-1 or UTF-16).
    #[error("not UTF-8: byte 0x{byte:02X}")]
    NotUtf8 {
        /// The first byte that is not UTF-8.
        byte: u8,
    },
    /// A source file far larger than any text an editor writes.
    #[error("file too large: {:.1} MB", *.bytes as f64 / 1e6)]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The largest size accepted.
        limit: u64,
    },
}

/// One problem, where it is, what was expected and a suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where; `None` only for problems that belong to no file.
    pub span: Option<Span>,
    /// What went wrong.
    pub problem: Problem,
    /// What would have been accepted.
    pub expected: Option<String>,
    /// A did-you-mean or another hint.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            span: Some(span),
            problem,
            expected: None,
            help: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(span: Span, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, problem)
        }
    }

    /// Adds what was expected.
    pub fn expected(mut self, expected: impl Into<String>) -> Diagnostic {
        self.expected = Some(expected.into());
        self
    }

    /// Adds a hint.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds "did you mean `x`?" when a close candidate exists.
    pub fn did_you_mean<'a>(
        self,
        found: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Diagnostic {
        match did_you_mean(found, candidates) {
            Some(best) => self.help(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    /// Whether this fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if let Some(span) = &self.span {
            write!(f, "{span}: ")?;
        }
        write!(f, "{level}: {}", self.problem)?;
        if let Some(expected) = &self.expected {
            write!(f, "\n  expected: {expected}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The closest candidate to `found`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(found, c), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// The problems of one run, in the order found; sorted by place before display.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Records a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records every problem of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Whether any problem fails the build.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// The problems, sorted by file, line and column so that output is stable.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items
            .sort_by(|a, b| a.span.cmp(&b.span).then(a.severity.cmp(&b.severity)));
        self.items.dedup();
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.into_sorted().into_iter()
    }
}

/// `path` relative to `root` when it lies inside it, for short, stable spans.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_candidates_only() {
        assert_eq!(
            did_you_mean("categroy", ["category", "tags"]),
            Some("category")
        );
        assert_eq!(did_you_mean("zzz", ["category", "tags"]), None);
    }

    #[test]
    fn displays_place_problem_expected_and_help() {
        let d = Diagnostic::error(
            Span::new("puerta.yaml", 3, 12),
            Problem::InvalidValue {
                what: "language code".into(),
                found: "fr".into(),
            },
        )
        .expected("one of es, el, en")
        .help("did you mean `es`?");
        assert_eq!(
            d.to_string(),
            "puerta.yaml:3:12: error: invalid language code `fr`\n  expected: one of es, el, en\n  help: did you mean `es`?"
        );
    }
}
