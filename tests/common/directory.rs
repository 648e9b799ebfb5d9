//! Helpers for the directory's load and validation stage (DESIGN.md §4.3, §8): load a
//! fixture's directory, list entity ids, build the expected problems, and compare the
//! errors of a failed build with the expected ones, each at `file:line:col` under
//! `content/directory/` with its did-you-mean.

use std::path::PathBuf;

use chrono::NaiveDate;
use puerta::config::Config;
use puerta::diag::{Diagnostic, Problem, Span};
use puerta::directory::{Directory, Entity};

use super::build_errors;

/// The directory of fixture `name` as loaded, with its errors.
pub fn load(name: &str) -> (Directory, Vec<Diagnostic>) {
    let config = Config::load(&super::fixture(name)).expect("fixture config");
    Directory::load(&config)
}

/// The ids of a list of entities.
pub fn ids<T>(list: Vec<&Entity<T>>) -> Vec<&str> {
    list.into_iter().map(|e| e.id.as_str()).collect()
}

/// A date written `YYYY-MM-DD`.
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// An unknown reference to a `what`.
pub fn unknown(what: &str, found: &str) -> Problem {
    Problem::UnknownReference {
        what: what.into(),
        found: found.into(),
    }
}

/// An invalid `what`.
pub fn invalid(what: &str, found: &str) -> Problem {
    Problem::InvalidValue {
        what: what.into(),
        found: found.into(),
    }
}

/// A `what` listed twice.
pub fn duplicate(what: &str, found: &str) -> Problem {
    Problem::Duplicate {
        what: what.into(),
        found: found.into(),
    }
}

/// One expected error: file under `content/directory/`, line, column, problem, help.
pub type Want<'a> = (&'a str, usize, usize, Problem, Option<&'a str>);

/// The errors of a failed build of `fixture` are exactly `want`, in order of place.
pub fn assert_errors(fixture: &str, want: Vec<Want<'_>>) -> Vec<Diagnostic> {
    let errors = build_errors(fixture);
    let got: Vec<(Span, Problem, Option<String>)> = errors
        .iter()
        .map(|e| {
            let span = e.span.clone().expect("a content error has a place");
            (span, e.problem.clone(), e.help.clone())
        })
        .collect();
    let want: Vec<(Span, Problem, Option<String>)> = want
        .into_iter()
        .map(|(file, line, col, problem, help)| {
            let file = PathBuf::from("content/directory").join(file);
            (
                Span::new(file, line, col),
                problem,
                help.map(str::to_string),
            )
        })
        .collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "{fixture}: error {i} differs:\n{}", errors[i]);
    }
    assert_eq!(
        got.len(),
        want.len(),
        "{fixture}: every error:\n{}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    errors
}
