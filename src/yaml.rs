//! YAML reading with places: typed parsing that turns serde_yaml errors into
//! [`Diagnostic`]s at `file:line:col`, and a locator that finds where a key or value
//! was written, for problems found after parsing (an unknown term, a bad language).
//!
//! serde_yaml keeps no spans in parsed values, and front matter is a small, mostly flat
//! document, so the locator reads the text itself: a key path is followed through block
//! mappings by indentation and through flow mappings on the same line.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Problem, Span};

/// Text of a YAML document and where it sits in its file.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file, as shown in diagnostics.
    pub file: &'a Path,
    /// The YAML text.
    pub text: &'a str,
    /// Lines of the file before the text (front matter starts after `---`).
    pub line_offset: usize,
}

impl<'a> Source<'a> {
    /// A whole YAML file.
    pub fn file(file: &'a Path, text: &'a str) -> Source<'a> {
        Source {
            file,
            text,
            line_offset: 0,
        }
    }

    /// A span at a 1-based line and column of the text.
    pub fn span(&self, line: usize, col: usize) -> Span {
        Span::new(self.file, line + self.line_offset, col)
    }

    /// Where the value of `path` starts (or the key, or the document start).
    pub fn locate(&self, path: &[&str]) -> Span {
        let (line, col) = locate(self.text, path);
        self.span(line, col)
    }

    /// Where `value` is written inside the value of `path`, e.g. one tag of a list.
    pub fn locate_value(&self, path: &[&str], value: &str) -> Span {
        let (line, col) = locate(self.text, path);
        let lines: Vec<&str> = self.text.lines().collect();
        let indent = lines.get(line - 1).map_or(0, |l| indentation(l));
        for (i, text) in lines.iter().enumerate().skip(line - 1) {
            if i > line - 1 && indentation(text) <= indent && !text.trim_start().starts_with('-') {
                break;
            }
            let from = if i == line - 1 {
                byte_of_col(text, col)
            } else {
                0
            };
            if let Some(pos) = find_word(&text[from..], value) {
                return self.span(i + 1, text[..from + pos].chars().count() + 1);
            }
        }
        self.span(line, col)
    }
}

/// Parses `source` into `T`, turning every serde_yaml error into a diagnostic.
///
/// When the first error is an unknown key, every unknown top-level key of the
/// document is reported (serde stops at the first), each with a did-you-mean.
pub fn parse<T: DeserializeOwned>(source: Source<'_>) -> Result<T, Vec<Diagnostic>> {
    let err = match serde_yaml::from_str::<T>(source.text) {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    let message = err.to_string();
    if let Some(known) = unknown_field_candidates(&message) {
        let all = unknown_top_level_keys(source, &known);
        if !all.is_empty() {
            return Err(all);
        }
    }
    let (line, col) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
    let text = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    let at = source.span(line, col);
    if let Some(d) = nested_unknown_name(at.clone(), &text) {
        return Err(vec![d]);
    }
    Err(vec![Diagnostic::error(at, Problem::Yaml(text))])
}

/// An unknown key below the top level (`at_locations[0]: unknown field `x`, …`) or an
/// unknown enum value (`kind: unknown variant `x`, …`), with what serde accepts and a
/// did-you-mean; `None` for other errors.
fn nested_unknown_name(at: Span, text: &str) -> Option<Diagnostic> {
    let (path, body) = text.split_once(": ")?;
    if path.contains(' ') {
        return None;
    }
    let name = |rest: &str| rest.split('`').next().unwrap_or_default().to_string();
    let known: Vec<&str> = body
        .split_once("expected ")
        .map(|(_, e)| e.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    let expected = format!("one of {}", known.join(", "));
    if let Some(rest) = body.strip_prefix("unknown field `") {
        let field = name(rest);
        return Some(
            Diagnostic::error(
                at,
                Problem::UnknownField {
                    field: field.clone(),
                },
            )
            .expected(expected)
            .did_you_mean(&field, known),
        );
    }
    let rest = body.strip_prefix("unknown variant `")?;
    let found = name(rest);
    Some(
        Diagnostic::error(
            at,
            Problem::InvalidValue {
                what: format!("value of {path}"),
                found: found.clone(),
            },
        )
        .expected(expected)
        .did_you_mean(&found, known),
    )
}

/// The field names that serde listed as accepted in an "unknown field" message.
fn unknown_field_candidates(message: &str) -> Option<Vec<String>> {
    let rest = message.strip_prefix("unknown field `")?;
    let expected = rest.split_once("expected ")?.1;
    let expected = expected.split(" at line ").next().unwrap_or(expected);
    Some(
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect(),
    )
}

fn unknown_top_level_keys(source: Source<'_>, known: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in source.text.lines().enumerate() {
        if indentation(line) != 0 || line.starts_with('#') || line.starts_with('-') {
            continue;
        }
        let Some((key, _)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
        if key.is_empty() || known.iter().any(|k| k == key) {
            continue;
        }
        out.push(
            Diagnostic::error(
                source.span(i + 1, 1),
                Problem::UnknownField {
                    field: key.to_string(),
                },
            )
            .expected(format!("one of {}", known.join(", ")))
            .did_you_mean(key, known.iter().map(String::as_str)),
        );
    }
    out
}

/// 1-based (line, col) of the value of `path` in `text`, following block mappings by
/// indentation and flow mappings (`{a: 1, b: 2}`) on one line. Falls back to the
/// deepest key found, then to 1:1.
pub fn locate(text: &str, path: &[&str]) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = (1, 1);
    let mut start = 0;
    let mut parent_indent: Option<usize> = None;
    for key in path {
        let mut hit = None;
        for (i, line) in lines.iter().enumerate().skip(start) {
            let indent = indentation(line);
            if let Some(p) = parent_indent {
                if i > start && indent <= p && !line.trim().is_empty() {
                    break;
                }
            }
            if let Some(col) = key_value_col(line, key, i == start && parent_indent.is_some()) {
                hit = Some((i, col, indent));
                break;
            }
        }
        let Some((i, col, indent)) = hit else { break };
        found = (i + 1, col);
        start = i;
        parent_indent = Some(indent);
    }
    found
}

/// Column (1-based) of the value of `key` on `line`: as a block key at the line's start,
/// or inside a flow mapping when `in_flow` allows it.
fn key_value_col(line: &str, key: &str, in_flow: bool) -> Option<usize> {
    let trimmed = line.trim_start().trim_start_matches("- ");
    let lead = line.len() - trimmed.len();
    let candidates = [format!("{key}:"), format!("\"{key}\":")];
    for pat in &candidates {
        if trimmed.starts_with(pat.as_str()) {
            return Some(value_col(line, lead + pat.len()));
        }
    }
    if in_flow || line.contains('{') {
        for sep in ["{", ", ", ","] {
            let pat = format!("{sep}{key}:");
            if let Some(pos) = line.find(&pat) {
                return Some(value_col(line, pos + pat.len()));
            }
        }
    }
    None
}

fn value_col(line: &str, byte: usize) -> usize {
    let rest = &line[byte..];
    let skip = rest.len() - rest.trim_start().len();
    line[..byte + skip].chars().count() + 1
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn byte_of_col(line: &str, col: usize) -> usize {
    line.char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(b, _)| b)
}

/// Byte position of `word` in `text` as a whole token (not inside a longer word).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word).map(|(pos, _)| pos).find(|&pos| {
        let before = text[..pos].chars().next_back().is_none_or(|c| !is_word(c));
        let after = text[pos + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_word(c));
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "title: {es: \"Hola\", el: \"Γεια\"}\nlanguages: [es, fr]\nfallback:\n  el: [en, es]\n  en: [xx]\ntags:\n  - alpha\n  - beta\n";

    #[test]
    fn locates_block_flow_and_nested_keys() {
        assert_eq!(locate(DOC, &["languages"]), (2, 12));
        assert_eq!(locate(DOC, &["title", "el"]), (1, 25));
        assert_eq!(locate(DOC, &["fallback", "en"]), (5, 7));
        assert_eq!(locate(DOC, &["missing"]), (1, 1));
    }

    #[test]
    fn locates_values_inside_lists() {
        let src = Source::file(Path::new("x.yaml"), DOC);
        assert_eq!(src.locate_value(&["languages"], "fr").line, 2);
        assert_eq!(src.locate_value(&["languages"], "fr").col, 17);
        assert_eq!(
            src.locate_value(&["tags"], "beta"),
            Span::new("x.yaml", 8, 5)
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        date: Option<String>,
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

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
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

    #[test]
    fn reports_nested_unknown_keys_with_suggestion() {
        let text = "items:\n  - location: a\n    locaton: b\n";
        let errs = parse::<Outer>(Source::file(Path::new("a.yaml"), text)).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(
            errs[0].problem,
            Problem::UnknownField {
                field: "locaton".into()
            }
        );
        assert_eq!(errs[0].span, Some(Span::new("a.yaml", 3, 5)));
        assert_eq!(errs[0].help.as_deref(), Some("did you mean `location`?"));
    }

    #[test]
    fn reports_unknown_enum_values_with_suggestion() {
        let text = "items:\n  - location: a\n    mode: walkin\n";
        let errs = parse::<Outer>(Source::file(Path::new("a.yaml"), text)).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            matches!(&errs[0].problem, Problem::InvalidValue { found, .. } if found == "walkin"),
            "{errs:?}"
        );
        assert_eq!(errs[0].span.as_ref().map(|s| s.line), Some(3));
        assert_eq!(errs[0].help.as_deref(), Some("did you mean `walk-in`?"));
        assert!(errs[0]
            .expected
            .as_deref()
            .unwrap_or("")
            .contains("appointment"));
    }

    #[test]
    fn reports_type_errors_with_place() {
        let errs = parse::<Doc>(Source::file(Path::new("a.yaml"), "title: [1, 2]\n")).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].span.as_ref().map(|s| s.line), Some(1));
        assert!(matches!(errs[0].problem, Problem::Yaml(_)));
    }
}
