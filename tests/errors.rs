//! Failed builds: every kind of content error, each from its own fixture, named at
//! `file:line:col` with what was found, what was expected and a did-you-mean
//! (DESIGN.md §8). A failed build writes nothing (checked by `build_errors`).

mod common;

use std::path::Path;

use common::build_errors;
use puerta::diag::{Diagnostic, Problem, Severity, Span};

/// The one error of a fixture that has exactly one.
fn single_error(fixture: &str) -> Diagnostic {
    let errors = build_errors(fixture);
    assert_eq!(errors.len(), 1, "{fixture}: {errors:#?}");
    let error = errors.into_iter().next().unwrap();
    assert_eq!(error.severity, Severity::Error);
    error
}

fn span(d: &Diagnostic) -> &Span {
    d.span.as_ref().expect("a content error has a place")
}

#[test]
fn rejects_broken_yaml_in_front_matter() {
    let e = single_error("err_broken_yaml");
    assert!(matches!(e.problem, Problem::Yaml(_)), "{e}");
    // `summary: a: b` on line 4: the second `:` is at column 11.
    assert_eq!(span(&e), &Span::new("content/blog/roto.es.md", 4, 11));
}

#[test]
fn rejects_wrong_type_in_front_matter() {
    let e = single_error("err_wrong_type");
    assert_eq!(
        e.problem,
        Problem::WrongType {
            field: "tags".into(),
            found: "the number `3`".into()
        }
    );
    assert!(
        e.expected.as_deref().unwrap_or("").contains("a list"),
        "says what was expected: {e}"
    );
    // `tags: 3` on line 4; the value starts at column 7.
    assert_eq!(span(&e), &Span::new("content/blog/tipo.es.md", 4, 7));
}

#[test]
fn rejects_unknown_front_matter_key_with_did_you_mean() {
    let e = single_error("err_unknown_field");
    assert_eq!(
        e.problem,
        Problem::UnknownField {
            field: "titel".into()
        }
    );
    assert_eq!(span(&e), &Span::new("content/blog/campo.es.md", 2, 1));
    assert_eq!(e.help.as_deref(), Some("did you mean `title`?"));
    assert!(e.expected.as_deref().unwrap_or("").contains("title"));
}

#[test]
fn rejects_unknown_category_and_tag_with_did_you_mean() {
    let errors = build_errors("err_unknown_term");
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let file = "content/blog/termino.es.md";
    // `category: asilio` on line 4, value at column 11.
    assert_eq!(
        errors[0].problem,
        Problem::UnknownReference {
            what: "category".into(),
            found: "asilio".into()
        }
    );
    assert_eq!(span(&errors[0]), &Span::new(file, 4, 11));
    assert_eq!(errors[0].help.as_deref(), Some("did you mean `asilo`?"));
    // `tags: [empleo, refugo]` on line 5: `refugo` starts at column 16.
    assert_eq!(
        errors[1].problem,
        Problem::UnknownReference {
            what: "tag".into(),
            found: "refugo".into()
        }
    );
    assert_eq!(span(&errors[1]), &Span::new(file, 5, 16));
    assert_eq!(errors[1].help.as_deref(), Some("did you mean `refugio`?"));
}

#[test]
fn rejects_impossible_date() {
    let e = single_error("err_bad_date");
    assert_eq!(
        e.problem,
        Problem::InvalidValue {
            what: "date".into(),
            found: "2026-02-30".into()
        }
    );
    assert_eq!(span(&e), &Span::new("content/blog/fecha.es.md", 3, 7));
    assert!(e.expected.as_deref().unwrap_or("").contains("YYYY-MM-DD"));
}

#[test]
fn rejects_unknown_language_suffix() {
    let e = single_error("err_language_suffix");
    assert_eq!(
        e.problem,
        Problem::UnknownReference {
            what: "language suffix".into(),
            found: "fr".into()
        }
    );
    assert_eq!(span(&e).file, Path::new("content/blog/x.fr.md"));
    assert_eq!(span(&e).line, 1, "the file name is the problem");
    let expected = e.expected.as_deref().unwrap_or("");
    assert!(
        ["es", "el", "en"].iter().all(|l| expected.contains(l)),
        "names the site languages: {expected}"
    );
}

#[test]
fn rejects_duplicate_slug_in_one_language() {
    let e = single_error("err_duplicate_slug");
    assert_eq!(
        e.problem,
        Problem::Duplicate {
            what: "slug".into(),
            found: "mismo".into()
        }
    );
    assert_eq!(span(&e).file, Path::new("content/blog/segundo.es.md"));
    assert!(
        e.help
            .as_deref()
            .unwrap_or("")
            .contains("content/blog/primero.es.md"),
        "names the other file: {e}"
    );
}

#[test]
fn duplicate_slug_error_points_at_the_slug_line() {
    let e = single_error("err_duplicate_slug");
    // `slug: mismo` is on line 4 of segundo.es.md, its value at column 7.
    assert_eq!(span(&e), &Span::new("content/blog/segundo.es.md", 4, 7));
}

#[test]
fn rejects_link_to_missing_page_at_the_link() {
    // The body is rendered for three languages and the feed: still one error.
    let e = single_error("err_missing_link");
    assert_eq!(
        e.problem,
        Problem::UnknownReference {
            what: "link target".into(),
            found: "@/blog/nope.md".into()
        }
    );
    // Line 7 is `Un enlace roto: [nada](@/blog/nope.md).`; the link starts at col 17.
    assert_eq!(span(&e), &Span::new("content/blog/enlace.es.md", 7, 17));
}

#[test]
fn rejects_unknown_key_in_config_with_did_you_mean() {
    let e = single_error("err_config_unknown_key");
    assert_eq!(
        e.problem,
        Problem::UnknownField {
            field: "timezon".into()
        }
    );
    assert_eq!(span(&e), &Span::new("puerta.yaml", 6, 1));
    assert_eq!(e.help.as_deref(), Some("did you mean `timezone`?"));
}

#[test]
fn rejects_unsupported_language_code_in_config() {
    let e = single_error("err_config_language");
    assert_eq!(
        e.problem,
        Problem::InvalidValue {
            what: "language code".into(),
            found: "fr".into()
        }
    );
    // `languages: [es, el, en, fr]`: `fr` starts at column 25 of line 3.
    assert_eq!(span(&e), &Span::new("puerta.yaml", 3, 25));
}

#[test]
fn rejects_base_url_that_is_not_absolute() {
    let e = single_error("err_config_base_url");
    assert_eq!(
        e.problem,
        Problem::InvalidValue {
            what: "base URL".into(),
            found: "example.org/sitio".into()
        }
    );
    assert_eq!(span(&e), &Span::new("puerta.yaml", 2, 11));
    assert!(e.expected.is_some());
}

#[test]
fn reports_interface_string_missing_in_one_language() {
    let e = single_error("err_missing_locale_key");
    let Problem::Locale(message) = &e.problem else {
        panic!("{e}")
    };
    assert!(message.contains("nav-blog"), "{message}");
    assert_eq!(span(&e).file, Path::new("locales/el/main.ftl"));
    assert!(
        e.help
            .as_deref()
            .unwrap_or("")
            .contains("locales/es/main.ftl"),
        "names where the string is defined: {e}"
    );
}

#[test]
fn template_syntax_error_fails_the_build_without_panicking() {
    let errors = build_errors("err_template_syntax");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let Problem::Template(message) = &errors[0].problem else {
        panic!("{}", errors[0])
    };
    assert_eq!(message, "unexpected `class` in a tag");
    assert!(
        errors[0].expected.as_deref().unwrap_or("").contains("`%}`"),
        "says what the tag needs: {}",
        errors[0]
    );
}

#[test]
fn template_syntax_error_is_placed_in_its_file() {
    // DESIGN.md §8: every error names file:line:col. Tera reports `--> 3:25` in
    // article.html; the diagnostic should carry it.
    let errors = build_errors("err_template_syntax");
    let at = errors[0].span.as_ref().expect("a place");
    assert_eq!(
        at.file,
        Path::new("themes/default/templates/article.html"),
        "{at}"
    );
    assert_eq!(at.line, 3);
}

#[test]
fn unknown_interface_string_in_a_template_is_reported_with_did_you_mean() {
    // Checked once, before rendering, at the place of the key in the template.
    let errors = build_errors("err_template_unknown_string");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    let Problem::Template(message) = &e.problem else {
        panic!("{e}")
    };
    assert_eq!(message, "unknown interface string `nav-hom`");
    assert_eq!(
        span(e),
        &Span::new("themes/default/templates/home.html", 1, 84)
    );
    assert_eq!(e.help.as_deref(), Some("did you mean `nav-home`?"));
}

#[test]
fn reports_every_broken_file_at_once() {
    let errors = build_errors("err_many");
    let found: Vec<(String, &'static str)> = errors
        .iter()
        .map(|e| {
            let kind = match &e.problem {
                Problem::Yaml(_) => "yaml",
                Problem::InvalidValue { what, .. } if what == "date" => "date",
                Problem::UnknownReference { what, .. } if what == "language suffix" => "suffix",
                _ => "other",
            };
            (span(e).file.display().to_string(), kind)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("content/blog/a-yaml.es.md".to_string(), "yaml"),
            ("content/blog/b-fecha.es.md".to_string(), "date"),
            ("content/blog/c-idioma.fr.md".to_string(), "suffix"),
        ]
    );
}

#[test]
fn reports_errors_of_every_stage_at_once() {
    // DESIGN.md §8: one run reports all errors. A bad date (load), an unknown
    // category (model) and a broken link (render) in three different files should
    // all be reported by one run, instead of one per run.
    let errors = build_errors("err_every_stage");
    let files: Vec<String> = errors
        .iter()
        .map(|e| span(e).file.display().to_string())
        .collect();
    assert_eq!(
        files,
        [
            "content/blog/a-fecha.es.md",
            "content/blog/b-categoria.es.md",
            "content/blog/c-enlace.es.md"
        ]
    );
}

#[test]
fn diagnostics_display_place_problem_expected_and_help() {
    let e = single_error("err_unknown_field");
    let shown = e.to_string();
    assert!(
        shown.starts_with("content/blog/campo.es.md:2:1: error: unknown field `titel`"),
        "{shown}"
    );
    assert!(shown.contains("help: did you mean `title`?"), "{shown}");
}
