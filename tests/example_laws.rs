//! The example site's legal knowledge base, as a lawyer meets it (issue 6, "done
//! when"): the old RD 557/2011 article says at once, in every language, that the law
//! was repealed, by what and since when, and leads to the new regulation and to the
//! other articles that cite the old one; the review report lists it.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Html, NOW};

#[test]
fn old_article_warns_of_the_repeal_and_leads_to_the_new_regulation_in_every_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let report =
        puerta::build(&common::options(root, &out), &|_, _| {}).expect("the example site builds");
    let warned: Vec<String> = report
        .warnings
        .iter()
        .filter(|d| matches!(d.problem, puerta::diag::Problem::RepealedLaw { .. }))
        .map(|d| d.span.as_ref().unwrap().file.display().to_string())
        .collect();
    assert_eq!(
        warned,
        ["el", "en", "es"].map(|l| format!("content/blog/arraigo-rd-557-2011.{l}.md"))
    );
    let read = |rel: &str| Html::parse(&std::fs::read_to_string(out.join(rel)).unwrap());
    for (lang, slug, date) in [
        ("es", "arraigo-reglamento-extranjeria", "20 de mayo de 2025"),
        ("el", "arraigo-κανονισμός-αλλοδαπών", "20 Μαΐου 2025"),
        ("en", "arraigo-immigration-regulation", "20 May 2025"),
    ] {
        let page = read(&format!("{lang}/blog/{slug}/index.html"));
        let banner = page
            .find("aside", |a| a.has_class("banner") && a.has_class("warning"))
            .unwrap_or_else(|| panic!("{lang}: a repeal warning"));
        let text = page.text(banner);
        assert!(
            text.contains("RD 557/2011") && text.contains("RD 1155/2024"),
            "{text}"
        );
        assert!(text.contains(date), "{lang}: {text}");
        let links: Vec<&str> = page
            .within(banner, "a")
            .filter_map(|a| a.attr("href"))
            .collect();
        assert!(links.contains(&format!("/{lang}/laws/es-rd-1155-2024/").as_str()));
        assert!(links.contains(&format!("/{lang}/laws/es-rd-557-2011/#citing").as_str()));
        // The old law's page lists both articles that cite it, in this language.
        let law = read(&format!("{lang}/laws/es-rd-557-2011/index.html"));
        assert_eq!(law.all("h3").count(), 2, "{lang}");
    }
    let list = Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(["report", "reviews", "--now", NOW, "--root"])
        .arg(root)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&list.stdout);
    for lang in ["es", "el", "en"] {
        assert!(
            text.contains(&format!("content/blog/arraigo-rd-557-2011.{lang}.md")),
            "{text}"
        );
    }
    assert!(
        !text.contains("reglamento-extranjeria-rd-1155-2024"),
        "{text}"
    );
}
