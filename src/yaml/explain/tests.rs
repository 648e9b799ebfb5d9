//! Unit tests of the explanations: one per kind of mistake, with its place.

use std::path::Path;

use crate::diag::{Problem, Span};
use crate::yaml::{parse, Source};

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Doc {
    title: String,
    date: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    items: Vec<Inner>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum Mode {
    WalkIn,
    Appointment,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Inner {
    location: String,
    mode: Option<Mode>,
}

fn errors(text: &str) -> Vec<crate::diag::Diagnostic> {
    parse::<Doc>(Source::file(Path::new("a.yaml"), text)).unwrap_err()
}

fn one(text: &str) -> crate::diag::Diagnostic {
    let mut all = errors(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

#[test]
fn reports_every_unknown_key_with_suggestion() {
    let text = "title: x\ntitel: y\ndaet: z\n";
    let errs = parse::<Doc>(Source {
        file: Path::new("a.md"),
        text,
        line_offset: 1,
    })
    .unwrap_err();
    assert_eq!(errs.len(), 2);
    assert_eq!(errs[0].span, Some(Span::new("a.md", 3, 1)));
    assert_eq!(errs[1].help.as_deref(), Some("did you mean `date`?"));
}

#[test]
fn reports_nested_unknown_keys_with_suggestion() {
    let e = one("title: x\nitems:\n  - location: a\n    locaton: b\n");
    assert_eq!(
        e.problem,
        Problem::UnknownField {
            field: "locaton".into()
        }
    );
    assert_eq!(e.span, Some(Span::new("a.yaml", 4, 5)));
    assert_eq!(e.help.as_deref(), Some("did you mean `location`?"));
}

#[test]
fn reports_unknown_enum_values_by_their_key() {
    let e = one("title: x\nitems:\n  - location: a\n    mode: walkin\n");
    assert_eq!(
        e.problem,
        Problem::InvalidValue {
            what: "mode".into(),
            found: "walkin".into()
        }
    );
    assert_eq!(e.span.as_ref().map(|s| s.line), Some(4));
    assert_eq!(e.help.as_deref(), Some("did you mean `walk-in`?"));
    assert!(e.expected.as_deref().unwrap_or("").contains("appointment"));
}

#[test]
fn describes_wrong_types_in_words() {
    let e = one("title: x\ntags: refugio\n");
    assert_eq!(
        e.to_string(),
        "a.yaml:2:7: error: wrong type for `tags`: found the text `refugio`\n  \
         expected: a list: `[a, b]`, or one `- item` per line\n  \
         help: did you mean `tags: [refugio]`?"
    );
    let e = one("title: x\ndraft: \"no\"\n");
    assert_eq!(e.help.as_deref(), Some("did you mean `draft: false`?"));
    let e = one("title: [a, b]\n");
    assert!(e.to_string().contains("found a list"), "{e}");
}

#[test]
fn reports_missing_and_duplicate_keys_at_their_place() {
    let e = one("date: x\n");
    assert_eq!(
        e.problem,
        Problem::MissingField {
            field: "title".into()
        }
    );
    let e = one("title: x\ndate: a\ntitle: y\n");
    assert_eq!(e.span, Some(Span::new("a.yaml", 3, 1)));
    assert!(e.expected.unwrap().contains("line 1"));
    assert_eq!(one("# nothing\n").problem, Problem::EmptyFile);
}

#[test]
fn places_an_unclosed_quote_where_it_opens() {
    let e = one("title: \"abc\ndate: x\ntags: \"y\"\n");
    assert_eq!(e.span, Some(Span::new("a.yaml", 1, 8)));
    assert!(e.to_string().contains("never closed"), "{e}");
    let e = one("title: x\ndate: 'abc\n");
    assert_eq!(e.span, Some(Span::new("a.yaml", 2, 7)));
}

#[test]
fn places_an_unclosed_bracket_where_it_opens() {
    let e = one("title: x\ntags: [a, b\ndate: y\n");
    assert_eq!(e.span, Some(Span::new("a.yaml", 2, 7)));
    assert!(e.to_string().contains("`[` opened here"), "{e}");
}

#[test]
fn explains_tabs_colons_and_indentation() {
    let e = one("title: x\ntags:\n\t- a\n");
    assert_eq!(e.problem, Problem::Yaml("a tab in the indentation".into()));
    let e = one("title: Asilo: primeros pasos\n");
    assert_eq!(e.span, Some(Span::new("a.yaml", 1, 13)));
    assert_eq!(
        e.help.as_deref(),
        Some("did you mean `title: \"Asilo: primeros pasos\"`?")
    );
    let e = one("title: x\ntags:\n  - a\n - b\n");
    assert_eq!(e.span, Some(Span::new("a.yaml", 4, 1)));
    assert!(e.expected.unwrap().contains("0 or 2"));
}
