//! Directory errors of form (DESIGN.md §4.3, §8): misplaced files and folders, ids that
//! are not URL segments, unknown fields and wrong types at any depth, each named at
//! `file:line:col` with a did-you-mean; and every error of a broken site reported in
//! one run. A failed build writes nothing (checked by `build_errors`).

mod common;

use common::build_errors;
use common::directory::{assert_errors, invalid};
use puerta::diag::Problem;

const DYM_SERVICES: Option<&str> = Some("did you mean `services`?");

#[test]
fn rejects_misplaced_files_and_ids_that_are_not_url_segments() {
    let layout = |msg: &str| Problem::Layout(msg.into());
    let errors = assert_errors(
        "directory-layout",
        vec![
            (
                "cities/madrid",
                1,
                1,
                layout("a folder inside content/directory/cities/"),
                None,
            ),
            (
                "notas.md",
                1,
                1,
                layout("a file directly in content/directory/"),
                None,
            ),
            (
                "organizations/Fundacion_Prueba.yaml",
                1,
                1,
                invalid("organization id", "Fundacion_Prueba"),
                Some("rename the file to `fundacion-prueba.yaml`"),
            ),
            (
                "services/LEEME.txt",
                1,
                1,
                layout("`LEEME.txt` is not a .yaml file"),
                None,
            ),
            (
                "services/orientacion.yml",
                1,
                1,
                layout("`orientacion.yml` is not a .yaml file"),
                Some("rename it to `orientacion.yaml`"),
            ),
            (
                "servicios",
                1,
                1,
                layout("unknown folder `servicios` in content/directory/"),
                DYM_SERVICES,
            ),
        ],
    );
    let expected = errors[5].expected.as_deref().unwrap_or_default();
    assert!(expected.contains("organizations") && expected.contains("holidays"));
}

#[test]
fn rejects_unknown_fields_and_wrong_types_at_any_depth() {
    let field = |f: &str| Problem::UnknownField { field: f.into() };
    let errors = assert_errors(
        "directory-unknown-fields",
        vec![
            (
                "cities/madrid.yaml",
                3,
                10,
                Problem::WrongType {
                    field: "aliases".into(),
                    found: "the text `Madriz`".into(),
                },
                Some("did you mean `aliases: [Madriz]`?"),
            ),
            (
                "locations/oficina.yaml",
                2,
                16,
                invalid("location type", "redactd"),
                Some("did you mean `redacted`?"),
            ),
            (
                "organizations/asociacion-ejemplo.yaml",
                3,
                1,
                field("descripton"),
                Some("did you mean `description`?"),
            ),
            (
                "organizations/asociacion-ejemplo.yaml",
                4,
                1,
                field("webiste"),
                Some("did you mean `website`?"),
            ),
            (
                "services/orientacion.yaml",
                6,
                5,
                field("shedule"),
                Some("did you mean `schedule`?"),
            ),
        ],
    );
    assert_eq!(
        errors[4].expected.as_deref(),
        Some("one of location, schedule")
    );
}

#[test]
fn reports_every_directory_error_in_one_run() {
    // Seven broken directory files and a broken article: one run reports them all,
    // and a file that failed to parse does not make references to it fail too.
    let errors = build_errors("directory-all-errors");
    let found: Vec<(String, usize, &str)> = errors
        .iter()
        .map(|e| {
            let span = e.span.as_ref().expect("a place");
            let kind = match &e.problem {
                Problem::Layout(_) => "layout",
                Problem::Yaml(_) => "yaml",
                Problem::UnknownField { .. } => "field",
                Problem::UnknownReference { what, .. } => match what.as_str() {
                    "language" => "language",
                    _ => "reference",
                },
                Problem::InvalidValue { what, .. } => match what.as_str() {
                    "date" => "date",
                    "closing time" => "time",
                    "field for a redacted location" => "redacted",
                    _ => "value",
                },
                _ => "other",
            };
            (span.file.display().to_string(), span.line, kind)
        })
        .collect();
    let dir = |f: &str| format!("content/directory/{f}");
    assert_eq!(
        found,
        [
            ("content/blog/aviso.es.md".to_string(), 3, "date"),
            (dir("ciudades"), 1, "layout"),
            (dir("locations/casa-acogida.yaml"), 4, "redacted"),
            (dir("organizations/asociacion-ejemplo.yaml"), 4, "field"),
            // The unclosed quote is placed where it opens, not where the file ends.
            (dir("organizations/fundacion-prueba.yaml"), 1, "yaml"),
            (dir("services/acogida-temporal.yaml"), 2, "language"),
            (dir("services/acogida-temporal.yaml"), 5, "reference"),
            (dir("services/acogida-temporal.yaml"), 11, "time"),
            (dir("services/acogida-temporal.yaml"), 13, "date"),
        ]
    );
}
