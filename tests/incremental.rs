//! Incremental builds: a second build writes only the files whose content changed,
//! deletes those that vanished, and gives exactly the output of a clean build of the
//! same sources; a build with nothing changed keeps the output as it is. Each edit of
//! the staleness test (a template, an interface string, a term name, the slug of a
//! linked article) must change exactly the pages that show it (DESIGN.md §3 "write").

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::{copy_dir, fixture, options, tree};
use puerta::cache::manifest::{scan, Stamp};

/// The fixture with its own copy of the built-in theme and interface strings, so
/// that the test can edit them.
fn site(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    copy_dir(&fixture("incremental"), &site);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("themes/default"), &site.join("themes/default"));
    copy_dir(&repo.join("locales"), &site.join("locales"));
    site
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// What a rebuild changed in the output.
struct Step {
    /// Files whose bytes changed, or that are new.
    changed: BTreeSet<String>,
    /// Files gone.
    vanished: BTreeSet<String>,
    /// The output after the step.
    after: BTreeMap<String, Vec<u8>>,
    report: puerta::Report,
}

/// Rebuilds `site` into `out` and checks the two promises of an incremental build:
/// the output equals a clean build of the same sources, and the files rewritten (new
/// size or time) are exactly those whose content changed (when `out` holds the
/// previous build of this site; over a foreign directory, every file is written).
fn rebuild(site: &Path, out: &Path, clean: &Path) -> Step {
    rebuild_over(site, out, clean, true)
}

fn rebuild_over(site: &Path, out: &Path, clean: &Path, own: bool) -> Step {
    let (before, stamps) = (tree(out), scan(out));
    let report = puerta::build(&options(site, out), &|_, _| {}).unwrap();
    let (after, new_stamps) = (tree(out), scan(out));
    let _ = std::fs::remove_dir_all(clean);
    puerta::build(&options(site, clean), &|_, _| {}).unwrap();
    let fresh = tree(clean);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "the same files as a clean build"
    );
    for (path, bytes) in &fresh {
        assert!(&after[path] == bytes, "{path} differs from a clean build");
    }
    let changed: BTreeSet<String> = after
        .iter()
        .filter(|(p, b)| before.get(*p) != Some(*b))
        .map(|(p, _)| p.clone())
        .collect();
    let rewritten: BTreeSet<String> = new_stamps
        .iter()
        .filter(|(p, s)| stamps.get(*p) != Some::<&Stamp>(s))
        .map(|(p, _)| p.clone())
        .collect();
    if own {
        assert_eq!(rewritten, changed, "only changed files are written");
        assert_eq!(report.changed, changed.len());
    } else {
        assert_eq!(rewritten.len(), after.len(), "every file is written");
    }
    let vanished = before
        .keys()
        .filter(|p| !after.contains_key(*p))
        .cloned()
        .collect();
    Step {
        changed,
        vanished,
        after,
        report,
    }
}

/// The files of the output that contain `marker`.
/// The languages whose search index the build kept from the previous one.
fn reused_indexes(report: &puerta::Report) -> Vec<&str> {
    let reused = report.indexes.iter().filter(|i| i.reused);
    reused.map(|i| i.lang.as_str()).collect()
}

fn containing(after: &BTreeMap<String, Vec<u8>>, marker: &str) -> BTreeSet<String> {
    after
        .iter()
        .filter(|(_, b)| String::from_utf8_lossy(b).contains(marker))
        .map(|(p, _)| p.clone())
        .collect()
}

#[test]
fn each_edit_changes_exactly_the_pages_that_show_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let (out, clean) = (tmp.path().join("public"), tmp.path().join("clean"));
    let first = puerta::build(&options(&site, &out), &|_, _| {}).unwrap();
    assert_eq!(
        first.changed, first.files,
        "a clean build writes every file"
    );

    // Nothing changed: the output is kept as it is, not even rendered again.
    let step = rebuild(&site, &out, &clean);
    assert!(
        step.report.reused,
        "nothing changed: the previous output is reused"
    );
    assert!(step.changed.is_empty() && step.vanished.is_empty());
    assert_eq!(step.report.files, first.files);

    // A template: the article pages, and nothing else.
    edit(
        &site.join("themes/default/templates/article.html"),
        "<p class=\"legal-notice\"",
        "<p class=\"legal-notice\" data-mark=\"INC-TEMPLATE\"",
    );
    let step = rebuild(&site, &out, &clean);
    assert!(!step.report.reused);
    assert!(step.changed.contains("es/blog/origen/index.html"));
    assert!(!step.changed.contains("es/index.html"));
    assert_eq!(step.changed, containing(&step.after, "INC-TEMPLATE"));
    assert_eq!(
        reused_indexes(&step.report),
        ["es", "el", "en"],
        "templates do not change what is searched"
    );

    // An English interface string shown on article pages: English pages only.
    edit(
        &site.join("locales/en/main.ftl"),
        "not legal advice.",
        "not legal advice (INC-LOCALE).",
    );
    let step = rebuild(&site, &out, &clean);
    assert!(step.changed.contains("en/blog/origen/index.html"));
    assert_eq!(step.changed, containing(&step.after, "INC-LOCALE"));
    assert!(
        step.changed.iter().all(|p| p.starts_with("en/")),
        "{:?}",
        step.changed
    );

    // The Spanish name of a category: its pages and the articles filed under it.
    edit(
        &site.join("content/taxonomies/categories.yaml"),
        "es: \"Asilo\"",
        "es: \"Asilo y refugio\"",
    );
    let step = rebuild(&site, &out, &clean);
    for page in [
        "es/blog/origen/index.html",
        "es/blog/category/asilo/index.html",
    ] {
        assert!(step.changed.contains(page), "{page} shows the new name");
    }
    for page in ["es/blog/aparte/index.html", "en/blog/origen/index.html"] {
        assert!(!step.changed.contains(page), "{page} does not show it");
    }
    // Outside Spanish pages and the Spanish index, only pages naming the term in
    // Spanish (the language switcher of its own term pages) may change.
    let named = containing(&step.after, "Asilo y refugio");
    for page in &step.changed {
        assert!(
            page.starts_with("es/") || page.starts_with("search/es/") || named.contains(page),
            "{page} changed without showing the new name"
        );
    }
    assert!(step.vanished.iter().all(|p| p.starts_with("search/es/")));
    assert_eq!(
        reused_indexes(&step.report),
        ["el", "en"],
        "the Spanish index holds the category's Spanish name"
    );

    // A new slug for a linked article: its old page goes, the article linking to it
    // points to the new address, the English pages keep theirs.
    edit(
        &site.join("content/blog/destino.es.md"),
        "slug: destino-es",
        "slug: destino-nuevo",
    );
    let step = rebuild(&site, &out, &clean);
    assert!(step.vanished.contains("es/blog/destino-es/index.html"));
    assert!(step.changed.contains("es/blog/destino-nuevo/index.html"));
    assert!(step.changed.contains("es/blog/origen/index.html"));
    let origin = String::from_utf8_lossy(&step.after["es/blog/origen/index.html"]).into_owned();
    assert!(
        origin.contains("/es/blog/destino-nuevo/"),
        "the link follows"
    );
    assert!(!step.changed.contains("en/blog/origen/index.html"));
    assert_eq!(reused_indexes(&step.report), ["el", "en"]);
}

#[test]
fn an_index_file_changed_by_hand_is_built_again() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let (out, clean) = (tmp.path().join("public"), tmp.path().join("clean"));
    puerta::build(&options(&site, &out), &|_, _| {}).unwrap();
    // An edit that changes what the English index holds, so that the build is not
    // skipped as a whole, and a Spanish index piece damaged by hand.
    edit(
        &site.join("content/taxonomies/categories.yaml"),
        "en: \"Asylum\"",
        "en: \"Asylum and refuge\"",
    );
    let piece = tree(&out)
        .into_keys()
        .find(|p| p.starts_with("search/es/") && p.ends_with(".bin"))
        .expect("the Spanish index has pieces");
    std::fs::write(out.join(&piece), "damaged").unwrap();
    let step = rebuild(&site, &out, &clean);
    assert_eq!(reused_indexes(&step.report), ["el"]);
    assert!(
        step.changed.contains(&piece),
        "the damaged piece is restored"
    );
}

#[test]
fn files_changed_by_hand_are_restored_and_strays_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let (out, clean) = (tmp.path().join("public"), tmp.path().join("clean"));
    puerta::build(&options(&site, &out), &|_, _| {}).unwrap();
    std::fs::write(out.join("es/index.html"), "edited by hand").unwrap();
    std::fs::write(out.join("stray.txt"), "left by hand").unwrap();
    std::fs::remove_file(out.join("en/index.html")).unwrap();
    let step = rebuild(&site, &out, &clean);
    assert!(
        !step.report.reused,
        "an output changed by hand is not reused"
    );
    assert_eq!(
        step.changed,
        BTreeSet::from(["en/index.html".to_string(), "es/index.html".to_string()])
    );
    assert_eq!(step.report.removed, 1);
    assert!(!out.join("stray.txt").exists());
}

#[test]
fn a_foreign_output_directory_is_replaced_like_a_clean_build() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let (out, clean) = (tmp.path().join("public"), tmp.path().join("clean"));
    // Another site's output, without a manifest of this one.
    puerta::build(&options(&fixture("translations"), &out), &|_, _| {}).unwrap();
    std::fs::remove_dir_all(tmp.path().join(".puerta-cache")).unwrap();
    let step = rebuild_over(&site, &out, &clean, false);
    assert!(step.vanished.contains("es/blog/arraigo-social/index.html"));
    assert!(!step.report.reused);
}
