//! `puerta report translations` with source-text hashes, through the binary, and the
//! notice on a page whose translation is outdated. Fixture: `translation-stamps`:
//!
//! - `vigente`: es, and el and en stamped with es's current hash (current);
//! - `cambiada`: en stamped with the hash of an older es text (outdated, although en
//!   was edited after es: the date rule alone would miss it); el current;
//! - `nueva`: no el (missing);
//! - `fechas`: no stamps, es edited after el and en (the date rule);
//! - `acerca` (a page): el and en current;
//! - directory: `asociacion`'s description has no el, its en stamp is current;
//!   `fundacion`'s el stamp is of an older es description, its en stamp current;
//! - locales: `bye` is missing in el, el's `hello` is stamped with another es text.
//!
//! The expected hashes were computed apart from puerta, by a few lines of Python that
//! follow the algorithm as the README documents it (SHA-1 of the normalized text).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{copy_dir, fixture, succeeded as ok, NOW};

fn puerta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn report_json(root: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["report", "translations", "--json", "--root"];
    args.push(root.to_str().expect("UTF-8 path"));
    args.extend(extra);
    serde_json::from_str(&ok(&puerta(&args))).expect("JSON")
}

/// (lang, kind, status, key, field, file, line) of every row.
fn rows(json: &serde_json::Value) -> Vec<String> {
    json["translations"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {} {}:{}",
                r["lang"].as_str().unwrap(),
                r["kind"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["key"].as_str().unwrap(),
                r["field"].as_str().unwrap_or("-"),
                r["file"].as_str().unwrap(),
                r["line"]
            )
        })
        .collect()
}

fn row<'a>(json: &'a serde_json::Value, lang: &str, key: &str) -> &'a serde_json::Value {
    json["translations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["lang"] == lang && r["key"] == key)
        .unwrap_or_else(|| panic!("no row {lang} {key}"))
}

#[test]
fn json_lists_exactly_what_is_missing_or_outdated() {
    let json = report_json(&fixture("translation-stamps"), &[]);
    assert_eq!(
        rows(&json),
        [
            "el article older fechas - content/blog/fechas.el.md:null",
            "el article missing nueva - content/blog/nueva.el.md:null",
            "el directory missing asociacion description content/directory/organizations/asociacion.yaml:4",
            "el directory outdated fundacion - content/directory/organizations/fundacion.yaml:8",
            "el interface missing bye - locales/el/main.ftl:null",
            "el interface outdated hello - locales/el/main.ftl:2",
            "en article outdated cambiada - content/blog/cambiada.en.md:5",
            "en article older fechas - content/blog/fechas.en.md:null",
        ]
    );
    // An outdated translation: the hash it records and the one to record now.
    let changed = row(&json, "en", "cambiada");
    assert_eq!(changed["recorded"], "6095f77221a0");
    assert_eq!(changed["source"]["lang"], "es");
    assert_eq!(changed["source"]["file"], "content/blog/cambiada.es.md");
    assert_eq!(changed["source"]["hash"], "0d1ec046c0f0");
    // A missing one: what to translate, and the hash to record then.
    let missing = row(&json, "el", "nueva");
    assert_eq!(missing["source"]["file"], "content/blog/nueva.es.md");
    assert_eq!(missing["source"]["hash"], "05b8f13b258a");
    // The date rule names both dates.
    let older = row(&json, "en", "fechas");
    assert_eq!(older["edited"], "2026-11-02");
    assert_eq!(older["source"]["edited"], "2026-11-25");
    // A directory entity: the hash of the es texts, sorted by field.
    let entity = row(&json, "el", "fundacion");
    assert_eq!(entity["recorded"], "2f1f91d18d83");
    assert_eq!(entity["source"]["hash"], "f23acde2fe57");
    // An interface string: where the source message is, and its hash.
    let hello = row(&json, "el", "hello");
    assert_eq!(hello["source"]["file"], "locales/es/main.ftl");
    assert_eq!(hello["source"]["line"], 2);
    assert_eq!(hello["source"]["hash"], "c8358c72121d");
    assert_eq!(hello["recorded"], "616c30fda40b");
}

#[test]
fn one_language_at_a_time() {
    let json = report_json(&fixture("translation-stamps"), &["--lang", "en"]);
    let langs: Vec<&str> = json["translations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["en", "en"]);
    let root = fixture("translation-stamps");
    let out = puerta(&[
        "report",
        "translations",
        "--lang",
        "fr",
        "--root",
        root.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language `fr`"));
}

#[test]
fn text_is_grouped_by_language_with_the_hash_to_record() {
    let root = fixture("translation-stamps");
    let text = ok(&puerta(&[
        "report",
        "translations",
        "--root",
        root.to_str().unwrap(),
    ]));
    let el = text.find("[el] 3 missing, 3 to update").expect(&text);
    let en = text.find("[en] 0 missing, 2 to update").expect(&text);
    assert!(el < en, "{text}");
    assert!(!text.contains("[es]"), "{text}");
    for line in [
        "  content/blog/cambiada.en.md:5: article `cambiada` outdated (hash rule: recorded 6095f77221a0, the source changed): compare with content/blog/cambiada.es.md, then record `translated_from: {lang: es, hash: 0d1ec046c0f0}`",
        "  content/blog/nueva.el.md: missing article `nueva`; translate content/blog/nueva.es.md, then record `translated_from: {lang: es, hash: 05b8f13b258a}`",
        "  content/blog/fechas.en.md: article `fechas` may be outdated (date rule, no recorded hash): edited 2026-11-02, content/blog/fechas.es.md edited 2026-11-25",
        "  content/directory/organizations/asociacion.yaml:4: missing directory text `description` of `asociacion`; translate content/directory/organizations/asociacion.yaml:4, then record `translated_from: {el: {from: es, hash: ",
        "  locales/el/main.ftl:2: interface string `hello` outdated (hash rule: recorded 616c30fda40b, the source changed): compare with locales/es/main.ftl:2, then record `# from es: c8358c72121d`",
        "8 translations to write or update.",
    ] {
        assert!(text.contains(line), "{line}\nnot in:\n{text}");
    }
}

#[test]
fn only_the_outdated_page_shows_the_notice() {
    // The fixture's locales are for the report (one key is missing, on purpose): the
    // build uses the built-in ones.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("translation-stamps"), &site);
    std::fs::remove_dir_all(site.join("locales")).unwrap();
    let out_dir = tmp.path().join("out");
    ok(&puerta(&[
        "build",
        "--root",
        site.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--now",
        NOW,
    ]));
    let page = |rel: &str| std::fs::read_to_string(out_dir.join(rel)).expect(rel);
    let outdated = page("en/blog/cambiada/index.html");
    assert!(
        outdated.contains(
            "<p class=\"notice outdated\" role=\"note\">The Spanish text has changed since this page was translated, so this translation may not include the latest changes. <a href=\"/es/blog/cambiada/\" hreflang=\"es\">Read the Spanish text</a></p>"
        ),
        "{outdated}"
    );
    for current in [
        "el/blog/cambiada/index.html",
        "es/blog/cambiada/index.html",
        "en/blog/vigente/index.html",
        "el/blog/vigente/index.html",
        "en/blog/fechas/index.html",
        "en/acerca/index.html",
        "el/blog/nueva/index.html",
    ] {
        assert!(!page(current).contains("notice outdated"), "{current}");
    }
}

#[test]
fn new_with_from_records_the_current_hash() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("translation-stamps"), &site);
    let root = site.to_str().unwrap();
    ok(&puerta(&[
        "new", "article", "nueva", "--lang", "el", "--from", "es", "--root", root,
    ]));
    let written = std::fs::read_to_string(site.join("content/blog/nueva.el.md")).unwrap();
    assert!(
        written.contains("\ntranslated_from: {lang: es, hash: 05b8f13b258a}\n"),
        "{written}"
    );
    // The new draft counts as a translation that is current.
    let json = report_json(&site, &["--drafts", "--lang", "el"]);
    assert!(
        !rows(&json).iter().any(|r| r.contains("nueva")),
        "{:?}",
        rows(&json)
    );
    let out = puerta(&[
        "new", "page", "acerca", "--lang", "en", "--from", "en", "--root", root,
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_report_works_where_a_build_fails_and_exits_one_when_content_does_not_load() {
    // The fixture's el locale lacks `bye`: `check` refuses the site, the report
    // lists it (see above).
    let root = fixture("translation-stamps");
    let check = puerta(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stderr).contains("missing interface string `bye`"));
    let broken = fixture("laws-unknown");
    let out = puerta(&["report", "translations", "--root", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: unknown law `es-lo-4-200`"));
}

#[test]
fn a_stamp_whose_source_is_gone_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("translation-stamps"), &site);
    std::fs::remove_file(site.join("content/blog/vigente.es.md")).unwrap();
    let json = report_json(&site, &[]);
    let vigente: Vec<String> = rows(&json)
        .into_iter()
        .filter(|r| r.contains("vigente"))
        .collect();
    assert_eq!(
        vigente,
        [
            "es article missing vigente - content/blog/vigente.es.md:null",
            "el article no-source vigente - content/blog/vigente.el.md:5",
            "en article no-source vigente - content/blog/vigente.en.md:5",
        ]
    );
    let gone = row(&json, "en", "vigente");
    assert_eq!(gone["recorded"], "ed288e6600bb");
    assert_eq!(gone["source"]["file"], "content/blog/vigente.es.md");
    assert_eq!(gone["source"]["hash"], serde_json::Value::Null);
}
