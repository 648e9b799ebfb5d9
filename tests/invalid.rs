//! The invalid-input corpus (`tests/invalid/<case>/`): small sites with one mistake an
//! editor can make each, and beside each the exact diagnostics `puerta check` must
//! print (`expected.txt`, without the timing lines and the summary line). Every case
//! runs the real binary and must exit with 1, never panic, name `file:line:col` on
//! every diagnostic, and print exactly what is expected. A few also run `build`, which
//! must print the same and write nothing. `ten-mistakes` has ten independent mistakes
//! in ten files: one run reports all ten, sorted by file and line.
//!
//! Cases with a `generate.txt` (`<path> <bytes>` per line) are too large to commit:
//! they are copied to a temporary directory and the file at `<path>` is padded to
//! `<bytes>` before the run. Cases with a `theme-edit.txt` (a path under the theme, a
//! line of it, the broken line to put in its place) get a copy of the real
//! `themes/default/` with that one edit, so they never drift from the theme. The sites under `tests/accepted/` are quirks that are not
//! mistakes (CRLF line ends, byte-order marks) and must build.
//!
//! After a deliberate change of wording, `PUERTA_BLESS=1 cargo test --test invalid`
//! rewrites every `expected.txt` with what is printed; review the diff before
//! committing it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Cases that also run `build --out <tmp>`: one per stage that can fail.
const ALSO_BUILD: &[&str] = &[
    "config-unknown-language",
    "fm-yaml-unclosed-quote",
    "dir-redacted-address",
    "article-link-typo",
    "template-syntax-error",
    "locale-missing-key",
    "ten-mistakes",
];

fn corpus(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

fn name(case: &Path) -> String {
    case.file_name().unwrap().to_string_lossy().into_owned()
}

fn puerta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(args)
        .output()
        .expect("the puerta binary runs")
}

/// A line `puerta` prints after each stage: `  load        1.5 ms`.
fn is_timing(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    line.starts_with("  ")
        && matches!(words.as_slice(), [stage, ms, "ms"]
            if stage.chars().all(|c| c.is_ascii_lowercase()) && ms.parse::<f64>().is_ok())
}

/// The diagnostics of a failed run: stderr without timing lines, the `Building …`
/// line of `build`, and the summary; also the number of errors the summary gives.
fn diagnostics(stderr: &str) -> (String, usize) {
    let mut lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !is_timing(l) && !l.starts_with("Building "))
        .collect();
    let summary = lines.pop().unwrap_or_default();
    let count = summary
        .strip_suffix("; nothing was written.")
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no summary line at the end of:\n{stderr}"));
    assert_eq!(lines.pop(), Some(""), "a blank line before the summary");
    (lines.join("\n"), count)
}

/// `file:line:col` of a diagnostic's first line.
fn place(line: &str) -> Option<(String, usize, usize)> {
    let (head, _) = line
        .split_once(": error: ")
        .or_else(|| line.split_once(": warning: "))?;
    let mut parts = head.rsplitn(3, ':');
    let col = parts.next()?.parse().ok()?;
    let row = parts.next()?.parse().ok()?;
    let file = parts.next().filter(|f| !f.is_empty())?;
    (row > 0 && col > 0).then(|| (file.to_string(), row, col))
}

/// Whether a case is put together in a temporary directory before it runs.
fn generated(case: &Path) -> bool {
    case.join("generate.txt").is_file() || case.join("theme-edit.txt").is_file()
}

/// Copies `from` into `to`, padding the files that `generate.txt` names and breaking
/// the theme as `theme-edit.txt` says.
fn materialize(from: &Path, to: &Path) {
    copy_dir(from, to);
    if let Ok(edit) = std::fs::read_to_string(from.join("theme-edit.txt")) {
        edit_theme(&edit, to);
    }
    let Ok(spec) = std::fs::read_to_string(from.join("generate.txt")) else {
        return;
    };
    for line in spec.lines().filter(|l| !l.trim().is_empty()) {
        let (path, size) = line.split_once(' ').expect("`<path> <bytes>`");
        let size: usize = size.trim().parse().expect("a size in bytes");
        let file = to.join(path);
        let mut bytes = std::fs::read(&file).expect("the file to pad exists");
        let filler: &[u8] = if path.ends_with(".yaml") {
            b"# relleno\n"
        } else {
            b"Relleno.\n"
        };
        while bytes.len() < size {
            bytes.extend_from_slice(filler);
        }
        bytes.truncate(size);
        std::fs::write(&file, bytes).expect("write the padded file");
    }
}

/// Copies the real default theme into the site `to` and replaces, in the file that the
/// first line of `edit` names, the one occurrence of its second line by its third.
fn edit_theme(edit: &str, to: &Path) {
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    let copy = to.join("themes/default");
    copy_dir(&theme, &copy);
    let [path, old, new] = edit.lines().collect::<Vec<_>>()[..] else {
        panic!("theme-edit.txt: three lines (path, text, replacement)\n{edit}");
    };
    let file = copy.join(path);
    let text = std::fs::read_to_string(&file).expect("the edited template exists");
    assert_eq!(
        text.matches(old).count(),
        1,
        "theme-edit.txt: `{old}` must occur once in themes/default/{path}"
    );
    std::fs::write(&file, text.replace(old, new)).expect("write the edited template");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy");
    for entry in std::fs::read_dir(from).expect("read case").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Runs one case and returns its problems, empty when it behaves.
fn run_case(case: &Path) -> Vec<String> {
    let name = name(case);
    let expected = std::fs::read_to_string(case.join("expected.txt"))
        .unwrap_or_else(|_| panic!("{name}: no expected.txt"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = if generated(case) {
        let root = tmp.path().join("site");
        materialize(case, &root);
        root
    } else {
        case.to_path_buf()
    };
    let root_arg = root.to_string_lossy().into_owned();
    let out_dir = tmp.path().join("public");
    let out_arg = out_dir.to_string_lossy().into_owned();
    let mut runs = vec![("check", puerta(&["check", "--root", &root_arg]))];
    if ALSO_BUILD.contains(&name.as_str()) {
        let build = puerta(&["build", "--root", &root_arg, "--out", &out_arg]);
        runs.push(("build", build));
    }
    let mut problems = Vec::new();
    for (command, output) in runs {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let mut fail = |why: String| problems.push(format!("{name} ({command}): {why}"));
        if stderr.contains("panicked") {
            fail(format!("panicked:\n{stderr}"));
            continue;
        }
        if output.status.code() != Some(1) {
            fail(format!(
                "exit code {:?}, not 1:\n{stderr}",
                output.status.code()
            ));
            continue;
        }
        let (printed, count) = diagnostics(&stderr);
        if std::env::var_os("PUERTA_BLESS").is_some() {
            if command == "check" {
                std::fs::write(case.join("expected.txt"), format!("{printed}\n"))
                    .expect("write expected.txt");
            }
        } else if printed.trim_end() != expected.trim_end() {
            fail(format!(
                "diagnostics differ\n--- expected\n{expected}\n--- printed\n{printed}\n"
            ));
        }
        let firsts: Vec<&str> = printed.lines().filter(|l| !l.starts_with("  ")).collect();
        for line in &firsts {
            if place(line).is_none() {
                fail(format!("no file:line:col at the start of `{line}`"));
            }
        }
        if firsts.len() != count {
            fail(format!(
                "{} diagnostics, but the summary says {count}",
                firsts.len()
            ));
        }
        if out_dir.exists() {
            fail("a failed build wrote output".into());
        }
    }
    problems
}

#[test]
fn every_mistake_gets_its_exact_message_and_exit_code_1() {
    let cases = corpus("invalid");
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let chunks: Vec<&[PathBuf]> = cases.chunks(cases.len().div_ceil(workers)).collect();
    let problems: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(move || chunk.iter().flat_map(|c| run_case(c)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_case_has_one_mistake_but_ten_mistakes_has_ten() {
    for case in corpus("invalid") {
        let expected = std::fs::read_to_string(case.join("expected.txt")).expect("expected.txt");
        let places: Vec<_> = expected
            .lines()
            .filter(|l| !l.starts_with("  "))
            .map(|l| place(l).unwrap_or_else(|| panic!("{}: no place in `{l}`", name(&case))))
            .collect();
        let wanted = if name(&case) == "ten-mistakes" { 10 } else { 1 };
        assert_eq!(places.len(), wanted, "{}:\n{expected}", name(&case));
    }
}

#[test]
fn ten_independent_mistakes_are_reported_in_one_run_sorted_by_file_and_line() {
    let case = corpus("invalid")
        .into_iter()
        .find(|c| name(c) == "ten-mistakes")
        .expect("the ten-mistakes case");
    let root = case.to_string_lossy().into_owned();
    let output = puerta(&["check", "--root", &root]);
    assert_eq!(output.status.code(), Some(1));
    let (printed, count) = diagnostics(&String::from_utf8_lossy(&output.stderr));
    assert_eq!(count, 10, "{printed}");
    let places: Vec<(String, usize, usize)> = printed
        .lines()
        .filter(|l| !l.starts_with("  "))
        .map(|l| place(l).expect("placed"))
        .collect();
    let files: std::collections::BTreeSet<&String> = places.iter().map(|(f, _, _)| f).collect();
    assert_eq!(files.len(), 10, "ten different files: {places:?}");
    let mut sorted = places.clone();
    sorted.sort_by(|a, b| {
        Path::new(&a.0)
            .cmp(Path::new(&b.0))
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    assert_eq!(places, sorted);
}

#[test]
fn quirks_that_are_not_mistakes_build() {
    let cases = corpus("accepted");
    assert!(!cases.is_empty());
    for case in cases {
        let root = case.to_string_lossy().into_owned();
        let output = puerta(&["check", "--root", &root]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{}:\n{stderr}", name(&case));
    }
}
