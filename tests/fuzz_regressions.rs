//! Inputs that fuzzing found (and the seeds most likely to break a reader: deep
//! nesting, huge numbers, unterminated front matter), fed through the very harness of
//! the fuzz targets (`fuzz/src/`, included here): each must give an output or errors
//! placed in the input, never a panic. One folder per target under
//! `tests/fuzz-regressions/`; a new crashing input goes there under a name that says
//! what it broke.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use std::path::{Path, PathBuf};

use harness::Outcome;

/// The inputs kept for `target`, sorted; the folder must exist and hold some.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no input in {}", dir.display());
    files
}

/// Runs every input of `target` through `run`; returns the outcomes by file name.
fn replay(target: &str, run: fn(&[u8]) -> Outcome) -> Vec<(String, Outcome)> {
    inputs(target)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable input");
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let outcome = run(&bytes);
            if let Outcome::Refused { diagnostics } = outcome {
                assert!(diagnostics > 0, "{name}: refused without an error");
            }
            (name.into_owned(), outcome)
        })
        .collect()
}

/// The outcome of the input named `name`.
fn outcome_of(outcomes: &[(String, Outcome)], name: &str) -> Outcome {
    outcomes
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no input named {name}"))
        .1
}

#[test]
fn every_target_has_a_folder_and_no_folder_lacks_a_target() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions exists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["directory_yaml", "front_matter", "markdown", "search_query"]
    );
}

#[test]
fn front_matter_inputs_load_or_fail_with_places() {
    let outcomes = replay("front_matter", harness::front_matter);
    for name in [
        "seed-unterminated",
        "seed-deep-nesting",
        "seed-huge-numbers",
        "seed-latin1",
        "seed-utf16",
    ] {
        assert!(
            matches!(outcome_of(&outcomes, name), Outcome::Refused { .. }),
            "{name}"
        );
    }
}

#[test]
fn directory_inputs_load_or_fail_with_places() {
    let outcomes = replay("directory_yaml", harness::directory_yaml);
    for name in ["seed-deep-nesting", "seed-service-huge-values"] {
        assert!(
            matches!(outcome_of(&outcomes, name), Outcome::Refused { .. }),
            "{name}"
        );
    }
    // A file that parses is kept even with errors (one run reports them all).
    assert!(matches!(
        outcome_of(&outcomes, "seed-location-redacted-address"),
        Outcome::Output { diagnostics } if diagnostics > 0
    ));
    assert_eq!(
        outcome_of(&outcomes, "seed-service-dst-gap"),
        Outcome::Output { diagnostics: 0 }
    );
}

#[test]
fn markdown_inputs_render_with_placed_problems() {
    let outcomes = replay("markdown", harness::markdown);
    assert!(outcomes
        .iter()
        .all(|(_, o)| matches!(o, Outcome::Output { .. })));
    // `[@Bad]`, `[@x, <script>]`, and the links to `@/x` and a missing page.
    assert_eq!(
        outcome_of(&outcomes, "seed-citations-and-links"),
        Outcome::Output { diagnostics: 3 }
    );
}

#[test]
fn search_inputs_give_results_within_their_request() {
    let outcomes = replay("search_query", harness::search_query);
    assert!(outcomes
        .iter()
        .all(|(_, o)| matches!(o, Outcome::Output { .. })));
}
