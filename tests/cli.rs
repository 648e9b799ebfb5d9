//! The `puerta` binary: exit codes (0 success, 1 content errors, 2 usage or internal
//! errors), messages at `file:line:col`, and the `build`, `check` and `new` commands
//! (DESIGN.md §7–§8).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{copy_dir, fixture, tree, Html, NOW};

fn puerta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn root_arg(path: &Path) -> String {
    path.to_str().expect("UTF-8 temp path").to_string()
}

/// Asserts a clean failure: the given exit code and no panic message.
fn assert_exit(out: &Output, code: i32) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr:\n{err}");
    assert!(!err.contains("panicked"), "a panic:\n{err}");
}

#[test]
fn help_lists_every_command() {
    let out = puerta(&["--help"]);
    assert_exit(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    for command in ["build", "serve", "check", "new"] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(&format!("{command} "))),
            "--help does not list `{command}`:\n{text}"
        );
    }
}

#[test]
fn build_writes_the_site_with_the_given_base_url_and_exits_zero() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("site");
    let out = puerta(&[
        "build",
        "--root",
        &root_arg(&fixture("translations")),
        "--out",
        &root_arg(&out_dir),
        "--now",
        NOW,
        "--base-url",
        "https://mirror.example.net/puerta",
    ]);
    assert_exit(&out, 0);
    let page = Html::parse(
        &std::fs::read_to_string(out_dir.join("es/blog/arraigo-social/index.html")).unwrap(),
    );
    // The base URL gets its trailing slash; links carry its path.
    assert_eq!(
        page.canonical(),
        Some("https://mirror.example.net/puerta/es/blog/arraigo-social/")
    );
    let home = page.find("a", |a| a.has_class("brand")).unwrap();
    assert_eq!(home.attr("href"), Some("/puerta/es/"));
    let robots = std::fs::read_to_string(out_dir.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://mirror.example.net/puerta/sitemap.xml"));
}

#[test]
fn invalid_clock_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = puerta(&[
        "build",
        "--root",
        &root_arg(&fixture("translations")),
        "--out",
        &root_arg(&tmp.path().join("site")),
        "--now",
        "yesterday",
    ]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("RFC 3339"), "{}", stderr(&out));
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn invalid_base_url_flag_is_reported_and_exits_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = puerta(&[
        "build",
        "--root",
        &root_arg(&fixture("translations")),
        "--out",
        &root_arg(&tmp.path().join("site")),
        "--base-url",
        "not a url",
    ]);
    assert_exit(&out, 1);
    assert!(stderr(&out).contains("base URL"), "{}", stderr(&out));
}

#[test]
fn content_errors_exit_with_code_one_and_name_their_place() {
    let cases = [
        ("err_broken_yaml", "content/blog/roto.es.md:4:11: error"),
        ("err_wrong_type", "content/blog/tipo.es.md:4:7: error"),
        ("err_unknown_field", "did you mean `title`?"),
        ("err_unknown_term", "content/blog/termino.es.md:5:16: error"),
        (
            "err_bad_date",
            "content/blog/fecha.es.md:3:7: error: invalid date",
        ),
        ("err_language_suffix", "content/blog/x.fr.md:1:1: error"),
        ("err_duplicate_slug", "content/blog/segundo.es.md"),
        ("err_missing_link", "content/blog/enlace.es.md:7:17: error"),
        ("err_config_unknown_key", "puerta.yaml:6:1: error"),
        ("err_config_language", "puerta.yaml:3:25: error"),
        ("err_config_base_url", "puerta.yaml:2:11: error"),
        ("err_template_syntax", "article.html"),
        ("err_template_unknown_string", "nav-hom"),
    ];
    for (name, wanted) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let out_dir = tmp.path().join("public");
        let out = puerta(&[
            "build",
            "--root",
            &root_arg(&fixture(name)),
            "--out",
            &root_arg(&out_dir),
            "--now",
            NOW,
        ]);
        assert_exit(&out, 1);
        let err = stderr(&out);
        assert!(err.contains(wanted), "{name}: `{wanted}` not in\n{err}");
        assert!(!out_dir.exists(), "{name}: a failed build wrote output");
    }
}

#[test]
fn every_error_is_printed_with_a_count() {
    let out = puerta(&["check", "--root", &root_arg(&fixture("err_many"))]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    for file in [
        "content/blog/a-yaml.es.md:",
        "content/blog/b-fecha.es.md:",
        "content/blog/c-idioma.fr.md:",
    ] {
        assert!(err.contains(file), "{file} missing in\n{err}");
    }
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn check_exits_zero_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("translations"), &site);
    let before = tree(tmp.path());
    let out = puerta(&["check", "--root", &root_arg(&site)]);
    assert_exit(&out, 0);
    assert_eq!(tree(tmp.path()), before, "check changed the file system");
    assert!(!site.join("public").exists());
}

#[test]
fn check_reports_interface_string_missing_in_its_locale_file() {
    let out = puerta(&[
        "check",
        "--root",
        &root_arg(&fixture("err_missing_locale_key")),
    ]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("locales/el/main.ftl"), "{err}");
    assert!(err.contains("nav-blog"), "{err}");
    assert!(
        !err.contains("locales/es/main.ftl:"),
        "only Greek lacks it:\n{err}"
    );
}

#[test]
fn new_article_creates_a_valid_draft_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("translations"), &site);
    let root = root_arg(&site);
    let args = [
        "new",
        "article",
        "residencia",
        "--lang",
        "es",
        "--title",
        "Residencia temporal",
        "--date",
        "2026-11-24",
        "--root",
        &root,
    ];
    let out = puerta(&args);
    assert_exit(&out, 0);
    let file = site.join("content/blog/residencia.es.md");
    let text = std::fs::read_to_string(&file).expect("the article was created");
    assert!(text.starts_with("---\n"), "{text}");
    assert!(text.contains("title: \"Residencia temporal\""), "{text}");
    assert!(text.contains("date: 2026-11-24"), "{text}");
    assert!(
        text.contains("draft: true"),
        "a new article starts as a draft"
    );
    // What `new` writes is valid content: the site still checks with drafts in.
    assert_exit(&puerta(&["check", "--drafts", "--root", &root]), 0);

    std::fs::write(&file, "edited by hand\n").unwrap();
    let again = puerta(&args);
    assert_exit(&again, 2);
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "edited by hand\n");
}

#[test]
fn new_rejects_a_language_the_site_does_not_have() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("translations"), &site);
    let before = tree(&site);
    let out = puerta(&[
        "new",
        "article",
        "x",
        "--lang",
        "fr",
        "--root",
        &root_arg(&site),
    ]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("fr"), "{}", stderr(&out));
    assert_eq!(tree(&site), before, "nothing was created");
}

/// `puerta new <kind>` writes, for every directory kind, a file that validates as
/// written, and refuses to overwrite it.
#[test]
fn new_scaffolds_every_directory_kind_with_valid_files() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/directory-redacted")
            .as_path(),
        &site,
    );
    let kinds = [
        "organization",
        "service",
        "location",
        "seminar",
        "city",
        "network",
        "partnership",
        "holidays",
    ];
    for kind in kinds {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_puerta"))
            .args(["new", kind, &format!("nuevo-{kind}"), "--root"])
            .arg(&site)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(0), "new {kind}");
    }
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(["new", "service", "nuevo-service", "--root"])
        .arg(&site)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(
        again.code(),
        Some(2),
        "an existing file is never overwritten"
    );
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(["check", "--root"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let service =
        std::fs::read_to_string(site.join("content/directory/services/nuevo-service.yaml"))
            .unwrap();
    let org = service
        .lines()
        .find_map(|l| l.strip_prefix("organization: "))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("an organization line");
    assert!(
        site.join(format!("content/directory/organizations/{org}.yaml"))
            .exists(),
        "references filled with existing ids: {org}"
    );
    assert!(
        service.contains("# session_length: PT40M"),
        "optional fields commented with an example"
    );
}
