//! The output directory as a whole: reproducible bytes under a fixed clock, and the
//! atomic swap that leaves the previous output intact when a build fails
//! (DESIGN.md §3 "write", §7 `--now`, §8).

mod common;

use std::path::Path;

use common::{fixture, options, tree};

/// Names in `dir`, sorted, but for the build cache kept beside the output.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".puerta-cache")
        .collect();
    names.sort();
    names
}

#[test]
fn same_input_and_clock_give_byte_identical_output() {
    for name in ["translations", "fallback", "feeds", "terms", "markdown"] {
        let tmp = tempfile::tempdir().unwrap();
        // Different output paths too: nothing of the output may depend on them.
        let first = tmp.path().join("a/public");
        let second = tmp.path().join("b/elsewhere");
        for out in [&first, &second] {
            puerta::build(&options(&fixture(name), out), &|_, _| {})
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let (a, b) = (tree(&first), tree(&second));
        assert!(a.len() > 10, "{name}: only {} files", a.len());
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{name}: file lists differ"
        );
        for (file, bytes) in &a {
            assert!(&b[file] == bytes, "{name}: {file} differs between builds");
        }
    }
}

#[test]
fn failed_build_leaves_previous_output_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    puerta::build(&options(&fixture("translations"), &out), &|_, _| {}).unwrap();
    let before = tree(&out);
    assert!(before.contains_key("es/blog/arraigo-social/index.html"));

    // A broken link is found while rendering, after the staging directory was
    // created and pages were written into it.
    let failed = puerta::build(&options(&fixture("err_missing_link"), &out), &|_, _| {});
    assert!(
        matches!(failed, Err(puerta::Error::Content { .. })),
        "{failed:?}"
    );
    assert!(tree(&out) == before, "the previous output changed");
    assert_eq!(
        names(tmp.path()),
        ["public"],
        "staging left beside the output"
    );

    // The same for a build that fails before rendering.
    let failed = puerta::build(&options(&fixture("err_many"), &out), &|_, _| {});
    assert!(failed.is_err());
    assert!(tree(&out) == before, "the previous output changed");
    assert_eq!(names(tmp.path()), ["public"]);
}

#[test]
fn successful_build_replaces_the_whole_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    puerta::build(&options(&fixture("translations"), &out), &|_, _| {}).unwrap();
    std::fs::write(out.join("stray.txt"), "left by hand").unwrap();
    puerta::build(&options(&fixture("drafts"), &out), &|_, _| {}).unwrap();
    assert!(out.join("es/blog/publicado/index.html").is_file());
    assert!(
        !out.join("es/blog/arraigo-social").exists(),
        "pages of the old site are gone"
    );
    assert!(!out.join("stray.txt").exists());
    assert_eq!(names(tmp.path()), ["public"], "no staging or old tree left");
}

#[test]
fn check_mode_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let mut opts = options(&fixture("translations"), &out);
    opts.write = false;
    let report = puerta::build(&opts, &|_, _| {}).unwrap();
    assert!(report.files > 10, "the check still renders every page");
    assert!(names(tmp.path()).is_empty(), "{:?}", names(tmp.path()));
}

/// A build killed half-way through writing leaves the previous output byte for byte,
/// and the next build cleans up what the killed one left beside it.
#[test]
fn interrupted_build_leaves_previous_output_intact_and_is_cleaned_up_next_time() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_dir(&common::fixture("translations"), &site);
    // Enough articles that the build is still writing when it is killed.
    for i in 0..400 {
        let body = "Texto de prueba del artículo. ".repeat(30);
        std::fs::write(
            site.join(format!("content/blog/extra-{i:04}.es.md")),
            format!("---\ntitle: \"Artículo {i}\"\ndate: 2026-01-01\n---\n\n{body}\n"),
        )
        .unwrap();
    }
    let out = tmp.path().join("public");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("index.html"), "previous site").unwrap();
    let before = common::tree(&out);

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(["build", "--now", common::NOW, "--root"])
        .arg(&site)
        .arg("--out")
        .arg(&out)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let staging = tmp
        .path()
        .join(format!(".public.puerta-staging-{}", child.id()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !staging.join("es").exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        common::tree(&out),
        before,
        "the previous output is untouched"
    );

    let status = std::process::Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(["build", "--now", common::NOW, "--root"])
        .arg(&site)
        .arg("--out")
        .arg(&out)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(out.join("es/blog/extra-0001/index.html").exists());
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("puerta-staging"))
        .collect();
    assert!(
        left.is_empty(),
        "abandoned staging directories removed: {left:?}"
    );
}
