//! `puerta report reviews` and `puerta report translations` through the binary
//! (DESIGN.md §7): articles whose legal review is older than a maximum age or than a
//! change of a law they cite, and keys missing a language. Fixture: `laws`.

mod common;

use std::process::{Command, Output};

use common::{fixture, succeeded as stdout, NOW};

fn puerta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn root() -> String {
    fixture("laws").to_str().expect("UTF-8 path").to_string()
}

#[test]
fn reviews_lists_articles_reviewed_before_a_change_of_a_cited_law() {
    let out = puerta(&["report", "reviews", "--root", &root(), "--now", NOW]);
    let text = stdout(&out);
    for lang in ["el", "en", "es"] {
        let file = format!("content/blog/arraigo-antiguo.{lang}.md [{lang}]");
        assert!(text.contains(&file), "{text}");
    }
    assert!(
        !text.contains("reglamento-nuevo"),
        "reviewed after every change:\n{text}"
    );
    assert!(!text.contains("sin-citas"), "cites no law:\n{text}");
    assert!(text.contains("last legal review 908 days ago"), "{text}");
    assert!(text.contains("`es-rd-557-2011` repealed on 2025-05-20 by `es-rd-1155-2024`"));
    assert!(text.contains("`es-lo-4-2000` amended by `es-lo-99-2026` on 2026-03-01"));
    assert!(
        text.contains("3 articles need a legal review (as of 2026-11-26, maximum age 365 days).")
    );
    // The repeal warning goes to standard error, the list to standard output.
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: cites `es-rd-557-2011`"));
}

#[test]
fn reviews_takes_a_maximum_age_and_prints_json() {
    let out = puerta(&[
        "report",
        "reviews",
        "--root",
        &root(),
        "--now",
        NOW,
        "--max-age-days",
        "100",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["as_of"], "2026-11-26");
    assert_eq!(json["max_age_days"], 100);
    let rows = json["articles"].as_array().unwrap();
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 6, "{files:?}");
    let new = rows
        .iter()
        .find(|r| r["file"] == "content/blog/reglamento-nuevo.es.md")
        .unwrap();
    assert_eq!(new["last_review"], "2026-06-01");
    assert_eq!(
        new["reasons"],
        serde_json::json!([{"reason": "too-old", "days": 178}])
    );
    let old = rows
        .iter()
        .find(|r| r["file"] == "content/blog/arraigo-antiguo.es.md")
        .unwrap();
    let repeal = old["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["change"] == "repealed")
        .unwrap();
    assert_eq!(repeal["law"], "es-rd-557-2011");
    assert_eq!(repeal["by"], "es-rd-1155-2024");
    assert_eq!(repeal["date"], "2025-05-20");
}

#[test]
fn translations_lists_keys_missing_a_language() {
    let out = puerta(&["report", "translations", "--root", &root()]);
    let text = stdout(&out);
    for lang in ["el", "en"] {
        let line = format!("  content/blog/sin-citas.{lang}.md: missing article `sin-citas`; translate content/blog/sin-citas.es.md");
        assert!(text.contains(&line), "{text}");
    }
    assert!(!text.contains("reglamento-nuevo"), "{text}");
    assert!(
        text.contains("2 translations to write or update."),
        "{text}"
    );
}

#[test]
fn report_of_a_broken_site_exits_one_with_its_errors() {
    let out = puerta(&[
        "report",
        "reviews",
        "--root",
        fixture("laws-unknown").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("content/blog/cita-rota.es.md:5:11: error: unknown law `es-lo-4-200`"),
        "{err}"
    );
}
