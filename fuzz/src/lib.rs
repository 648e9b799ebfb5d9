//! The fuzz harness of puerta: one function per fuzz target, each feeding arbitrary
//! bytes through the entry points that read editors' files (front matter, directory
//! YAML, Markdown) or readers' queries (search), and checking invariants beyond "no
//! panic": every diagnostic is placed inside the text it is about, rendered HTML never
//! gains a `<script` that the text did not have, search results stay within their
//! request.
//!
//! The same functions run under libFuzzer (`fuzz_targets/`) and in the stable test
//! `tests/fuzz_regressions.rs`, which includes this file with `#[path]` and feeds them
//! every input kept in `tests/fuzz-regressions/<target>/`. They only depend on `puerta`
//! and `puerta-search`, never on libFuzzer.

use std::path::Path;

use puerta::diag::Diagnostic;

mod content;
mod directory;
mod markdown;
mod search;

pub use content::front_matter;
pub use directory::directory_yaml;
pub use markdown::markdown;
pub use search::search_query;

/// What one input gave, for the regression test to tell a sensible result (an output,
/// or errors with places) from nothing at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The input was accepted and gave an output (a document, HTML, results), with this
    /// many problems that did not stop it.
    Output {
        /// Problems reported beside the output.
        diagnostics: usize,
    },
    /// The input was refused with this many errors, each placed in the input.
    Refused {
        /// Errors reported (at least one).
        diagnostics: usize,
    },
}

/// The root of the repository: the example site, whose configuration, taxonomies and
/// content the harness reuses. The harness is built from `fuzz/` (the fuzz targets) or
/// from the root (the regression test).
pub fn repository_root() -> &'static Path {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    match manifest.parent() {
        Some(parent) if !manifest.join("puerta.yaml").is_file() => parent,
        _ => manifest,
    }
}

/// The site configuration of the example site, read once.
fn example_config() -> &'static puerta::config::Config {
    static CONFIG: std::sync::OnceLock<puerta::config::Config> = std::sync::OnceLock::new();
    CONFIG.get_or_init(|| {
        let root = repository_root()
            .canonicalize()
            .expect("the repository exists");
        // A fuzz input cannot make this fail: it is the repository's own file.
        puerta::config::Config::load(&root).expect("the example site's puerta.yaml is valid")
    })
}

/// Asserts that `d` is placed in `file` at a line and column of `text`, whose first
/// line is line `first_line` of the file; a column may point just past the end of its
/// line (where something is missing; after a last `\n`, the empty line is the end of
/// the file).
pub fn assert_placed(d: &Diagnostic, file: &Path, text: &str, first_line: usize) {
    let span = d.span.as_ref().unwrap_or_else(|| panic!("no place: {d}"));
    assert_eq!(span.file, file, "placed in another file: {d}");
    assert!(span.col >= 1, "column 0: {d}");
    assert!(span.line >= first_line, "placed before the text: {d}");
    let lines = lines(text);
    let Some(line) = lines.get(span.line - first_line) else {
        panic!(
            "line {} past the end of the text ({} lines from line {first_line}): {d}",
            span.line,
            lines.len()
        );
    };
    let width = line.chars().count();
    assert!(
        span.col <= width + 1,
        "column {} past the end of line {} ({width} characters): {d}",
        span.col,
        span.line
    );
}

/// The lines of `text` as editors count them: split at `\n`, a `\r` before it dropped.
fn lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// How many times `<script` occurs in `html`, whatever its case.
pub fn scripts(html: &str) -> usize {
    html.to_ascii_lowercase().matches("<script").count()
}
