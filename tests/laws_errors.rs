//! Errors of the legal knowledge base (DESIGN.md §8): an unknown law or service cited
//! by an article, a malformed inline citation, and law files that contradict
//! themselves or each other, each at `file:line:col` with what was expected and a
//! did-you-mean, all in one run.

mod common;

use common::build_errors;
use puerta::diag::{Diagnostic, Problem};

/// (place, problem, help) of each error, for comparisons.
fn summary(errors: &[Diagnostic]) -> Vec<(String, Problem, Option<String>)> {
    errors
        .iter()
        .map(|d| {
            (
                d.span.as_ref().map(ToString::to_string).unwrap_or_default(),
                d.problem.clone(),
                d.help.clone(),
            )
        })
        .collect()
}

fn unknown(what: &str, found: &str) -> Problem {
    Problem::UnknownReference {
        what: what.into(),
        found: found.into(),
    }
}

fn invalid(what: &str, found: &str) -> Problem {
    Problem::InvalidValue {
        what: what.into(),
        found: found.into(),
    }
}

#[test]
fn unknown_laws_services_and_malformed_citations_are_errors_at_their_place() {
    let errors = build_errors("laws-unknown");
    let file = "content/blog/cita-rota.es.md";
    let did = |s: &str| Some(format!("did you mean `{s}`?"));
    assert_eq!(
        summary(&errors),
        [
            (
                format!("{file}:5:11"),
                unknown("law", "es-lo-4-200"),
                did("es-lo-4-2000")
            ),
            (
                format!("{file}:6:12"),
                unknown("service", "orientacion"),
                None
            ),
            (
                format!("{file}:11:6"),
                unknown("law", "es-rd-1155-2042"),
                None
            ),
            (
                format!("{file}:11:30"),
                invalid("citation", "[@Mal, 3]"),
                Some(
                    "a law key has lowercase letters, digits and `-` only; `M` is not one of them"
                        .into()
                )
            ),
        ]
    );
    assert!(errors[0]
        .expected
        .as_deref()
        .unwrap()
        .contains("content/laws/<key>.yaml"));
    assert!(errors[3]
        .expected
        .as_deref()
        .unwrap()
        .contains("[@es-lo-4-2000, 31.3]"));
}

#[test]
fn law_files_are_validated_and_cross_checked_in_one_run() {
    let errors = build_errors("laws-invalid");
    let at = |f: &str, l: usize, c: usize| format!("content/laws/{f}.yaml:{l}:{c}");
    let got = summary(&errors);
    let want = [
        (
            "content/laws/Mal_Nombre.yaml:1:1".to_string(),
            invalid("law key", "Mal_Nombre"),
            None,
        ),
        (
            "content/laws/NOTAS.txt:1:1".to_string(),
            Problem::Layout("not a law file".into()),
            None,
        ),
        (
            at("es-lo-4-2000", 4, 7),
            invalid("date", "2000-02-30"),
            Some("2000-02 has 29 days".into()),
        ),
        (
            at("es-lo-4-2000", 7, 6),
            invalid("URL", "boe.es/eli/es/lo/2000/01/11/4"),
            None,
        ),
        (
            at("es-lo-4-2000", 8, 9),
            invalid("status", "in-force"),
            None,
        ),
        (
            at("es-lo-4-2000", 9, 14),
            invalid("repeal", "es-rd-1155-2024"),
            None,
        ),
        (
            at("es-rd-1155-2024", 7, 11),
            invalid("repeal", "es-rd-557-2011"),
            None,
        ),
        (
            at("es-rd-1155-2024", 7, 27),
            unknown("law", "es-rd-557-2010"),
            Some("did you mean `es-rd-557-2011`?".into()),
        ),
        (
            at("es-rd-557-2011", 6, 9),
            Problem::MissingField {
                field: "repealed_on".into(),
            },
            None,
        ),
        (
            at("gr-n-4939-2022", 2, 7),
            invalid("kind", "lw"),
            Some("did you mean `law`?".into()),
        ),
        (
            at("gr-n-5038-2023", 4, 1),
            Problem::UnknownField {
                field: "titel".into(),
            },
            Some("did you mean `title`?".into()),
        ),
    ];
    assert_eq!(got, want);
    // Each side of a contradiction names the other file.
    assert!(errors[5]
        .expected
        .as_deref()
        .unwrap()
        .contains("content/laws/es-rd-1155-2024.yaml"));
    assert!(errors[6]
        .expected
        .as_deref()
        .unwrap()
        .contains("content/laws/es-rd-557-2011.yaml"));
}
