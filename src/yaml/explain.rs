//! Explanations of YAML errors: one serde_yaml error → diagnostics that an editor who
//! has never read the YAML specification can act on.
//!
//! serde_yaml reports libyaml's parser messages ("did not find expected key") and
//! serde's ("invalid type: string \"x\", expected a sequence"), with one place. This
//! module reads the text around that place to say what the mistake probably is (an
//! unclosed quote or bracket, a tab, a `: ` inside an unquoted value, an indentation
//! that matches nothing above), moves the place to where the mistake starts (the
//! opening quote, not the line where the parser gave up), and names what is accepted.

use super::{indentation, Source};
use crate::diag::{Diagnostic, Problem, Span};

/// The diagnostics for `err`, raised while parsing `source`.
pub(super) fn explain(source: Source<'_>, err: &serde_yaml::Error) -> Vec<Diagnostic> {
    let message = err.to_string();
    // libyaml's lines are not those of diagnostics (see `from_libyaml`); its byte
    // offset is exact.
    let (line, col) = err
        .location()
        .map_or((1, 1), |l| super::place_of_offset(source.text, l.index()));
    let (head, tail) = match message.split_once(" at line ") {
        Some((head, tail)) => (head, Some(tail)),
        None => (message.as_str(), None),
    };
    // serde prefixes errors below the top level with their path: `tags: invalid type…`.
    let (path, body) = match head.split_once(": ") {
        Some((path, body)) if !path.contains(' ') => (Some(path), body),
        _ => (None, head),
    };
    let at = source.span(line, col);
    if let Some(rest) = body.strip_prefix("unknown field `") {
        let known = backticked(rest.split_once("expected ").map_or("", |(_, e)| e));
        let field = rest.split('`').next().unwrap_or_default();
        if path.is_none() {
            let all = unknown_top_level_keys(source, &known);
            if !all.is_empty() {
                return all;
            }
        }
        return vec![unknown_field(at, field, &known)];
    }
    if let Some(rest) = body.strip_prefix("unknown variant `") {
        let found = rest.split('`').next().unwrap_or_default();
        let known = backticked(rest.split_once("expected ").map_or("", |(_, e)| e));
        let key = path.map_or("value", last_key);
        return vec![Diagnostic::error(
            at,
            Problem::InvalidValue {
                what: key.replace('_', " "),
                found: found.into(),
            },
        )
        .expected(format!("one of {}", known.join(", ")))
        .did_you_mean(found, known.iter().map(String::as_str))];
    }
    if let Some(field) = body.strip_prefix("missing field `") {
        let field = field.trim_end_matches('`');
        if is_blank(source.text) && source.line_offset == 0 {
            return vec![
                Diagnostic::error(Span::file(source.file), Problem::EmptyFile).expected(format!(
                    "YAML fields, starting with the required `{field}:`"
                )),
            ];
        }
        let place = path.map_or(String::new(), |p| format!(" in `{p}`"));
        return vec![Diagnostic::error(
            at,
            Problem::MissingField {
                field: field.into(),
            },
        )
        .expected(format!("a `{field}:` line{place}: the field is required"))];
    }
    if let Some(field) = body.strip_prefix("duplicate field `") {
        return vec![duplicate_key(source, field.trim_end_matches('`'), at)];
    }
    let type_error = body
        .strip_prefix("invalid type: ")
        .or_else(|| body.strip_prefix("invalid value: "));
    if let (Some(path), Some(rest)) = (path, type_error) {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return vec![wrong_type(at, path, found, expected)];
        }
    }
    if let (Some(path), true) = (path, body.starts_with("data did not match any variant")) {
        return vec![Diagnostic::error(
            at,
            Problem::WrongType {
                field: path.into(),
                found: "neither a text nor one text per language".into(),
            },
        )
        .expected("a text, or one text per language: `{es: \"…\", el: \"…\", en: \"…\"}`")];
    }
    let context = tail.and_then(|t| t.split_once(", while ")).map(|(_, c)| c);
    vec![syntax(source, body, (line, col), context)]
}

/// A libyaml syntax error, explained from the text around it.
fn syntax(
    source: Source<'_>,
    problem: &str,
    (line, col): (usize, usize),
    context: Option<&str>,
) -> Diagnostic {
    let lines: Vec<&str> = source.text.lines().collect();
    let text = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
    let mark = context.and_then(|c| {
        let (_, at) = c.split_once(" at line ")?;
        let (l, c) = at.split_once(" column ")?;
        Some(super::from_libyaml(
            source.text,
            l.trim().parse::<usize>().ok()?,
            c.trim().parse::<usize>().ok()?,
        ))
    });
    let context = context.unwrap_or_default();
    let yaml = |at: Span, what: &str| Diagnostic::error(at, Problem::Yaml(what.into()));
    // An unclosed quote makes the parser read on into the next lines and stop far
    // below; the quote is where the mistake is.
    if let Some((l, c, quote)) = context
        .contains("quoted scalar")
        .then_some(mark)
        .flatten()
        .map(|(l, c)| (l, c, char_at(&lines, l, c)))
        .or_else(|| unclosed_quote(&lines[..line.saturating_sub(1).min(lines.len())]))
    {
        return yaml(
            source.span(l, c),
            &format!("the quote `{quote}` opened here is never closed"),
        )
        .expected(format!(
            "a closing `{quote}` at the end of the value, on the same line"
        ));
    }
    if let Some((l, c)) = mark.filter(|(l, _)| *l < line) {
        let (open, close, what) = if context.contains("flow mapping") {
            ('{', '}', "mapping")
        } else {
            ('[', ']', "list")
        };
        if context.contains("flow") {
            return yaml(
                source.span(l, c),
                &format!("the `{open}` opened here is never closed"),
            )
            .expected(format!(
                "a `{close}` at the end of the {what}, before the next line's key"
            ));
        }
    }
    let at = source.span(line, col);
    if problem.starts_with("found character that cannot start any token") {
        return match char_at(&lines, line, col) {
            '\t' => yaml(at, "a tab in the indentation")
                .expected("spaces: YAML does not allow tabs for indentation"),
            c @ ('@' | '`' | '%') => yaml(at, &format!("a value cannot start with `{c}`"))
                .expected(format!("quotes around the value: \"{c}…\"")),
            _ => yaml(at, problem),
        };
    }
    let key_before = text[..byte_of(text, col)].contains(": ");
    if problem.starts_with("mapping values are not allowed") && key_before {
        let (key, value) = text.split_once(": ").unwrap_or((text, ""));
        let value = value.trim().replace('\\', "\\\\").replace('"', "\\\"");
        return yaml(at, "`: ` inside a value that is not quoted")
            .expected("quotes around a value that contains `: `")
            .help(format!("did you mean `{}: \"{value}\"`?", key.trim()));
    }
    let above: Vec<usize> = lines[..line.saturating_sub(1).min(lines.len())]
        .iter()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| indentation(l))
        .collect();
    let indent = indentation(text);
    if problem.starts_with("mapping values are not allowed") && !key_before {
        return yaml(
            at,
            "a key indented under a key that already has a value on its line",
        )
        .expected("another key at the same indentation as the key above it");
    }
    let misaligned = !above.contains(&indent) || text.starts_with('\t');
    if problem.starts_with("did not find expected") && misaligned && !text.trim().is_empty() {
        let mut known: Vec<usize> = above;
        known.sort_unstable();
        known.dedup();
        let known: Vec<String> = known.iter().map(usize::to_string).collect();
        return yaml(
            source.span(line, 1),
            &format!(
                "an indentation of {indent} space{} that matches no line above",
                if indent == 1 { "" } else { "s" }
            ),
        )
        .expected(format!(
            "as many spaces as the other items of the same list or mapping ({} here)",
            known.join(" or ")
        ));
    }
    yaml(at, problem).help(
        "check the indentation of this line and of the line above, and that every quote \
         and bracket above is closed",
    )
}

/// The first line with a quoted value that does not close on it: (line, col, quote).
fn unclosed_quote(lines: &[&str]) -> Option<(usize, usize, char)> {
    lines.iter().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start().trim_start_matches("- ");
        let value = match trimmed.split_once(": ") {
            Some((key, value)) if !key.starts_with(['"', '\'']) => value,
            _ if line.trim_start().starts_with("- ") => trimmed,
            _ => return None,
        };
        let value = value.trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let mut chars = value[1..].chars().peekable();
        let mut closed = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' if quote == '"' => {
                    chars.next();
                }
                '\'' if quote == '\'' && chars.peek() == Some(&'\'') => {
                    chars.next();
                }
                c if c == quote => {
                    closed = true;
                    break;
                }
                _ => {}
            }
        }
        let start = line.len() - value.len();
        (!closed).then(|| (i + 1, line[..start].chars().count() + 1, quote))
    })
}

/// An unknown key, with what is accepted and the closest one.
fn unknown_field(at: Span, field: &str, known: &[String]) -> Diagnostic {
    Diagnostic::error(
        at,
        Problem::UnknownField {
            field: field.to_string(),
        },
    )
    .expected(format!("one of {}", known.join(", ")))
    .did_you_mean(field, known.iter().map(String::as_str))
}

/// Every unknown key at the top level (serde stops at the first).
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
        out.push(unknown_field(source.span(i + 1, 1), key, known));
    }
    out
}

/// A key written twice in one mapping, placed at its second occurrence.
fn duplicate_key(source: Source<'_>, field: &str, fallback: Span) -> Diagnostic {
    let key = format!("{field}:");
    let mut first: Option<(usize, usize)> = None;
    let mut second = None;
    for (i, line) in source.text.lines().enumerate() {
        let trimmed = line.trim_start().trim_start_matches("- ");
        if !trimmed.starts_with(&key) {
            continue;
        }
        let col = line.len() - trimmed.len() + 1;
        match first {
            None => first = Some((i + 1, col)),
            Some((_, c)) if c == col => {
                second = Some((i + 1, col));
                break;
            }
            Some(_) => {}
        }
    }
    let d = |at: Span| {
        Diagnostic::error(
            at,
            Problem::Duplicate {
                what: "key".into(),
                found: field.into(),
            },
        )
    };
    match (first, second) {
        (Some((line, _)), Some((l, c))) => d(source.span(l, c))
            .expected(format!(
                "each key once in a mapping; `{field}` is already on line {}",
                line + source.line_offset
            ))
            .help("keep one of the two lines"),
        _ => d(fallback).expected("each key once in a mapping"),
    }
}

/// A value of the wrong type, described in words with an example of the right one.
fn wrong_type(at: Span, path: &str, found: &str, expected: &str) -> Diagnostic {
    let key = last_key(path);
    let text = found
        .strip_prefix("string \"")
        .and_then(|s| s.strip_suffix('"'));
    let found_words = match (text, found.split_once(' ')) {
        (Some(text), _) => format!("the text `{text}`"),
        (None, Some(("integer" | "floating", _))) => {
            format!("the number {}", found.rsplit(' ').next().unwrap_or(found))
        }
        (None, Some(("boolean", value))) => value.to_string(),
        _ => match found {
            "sequence" => "a list".into(),
            "map" => "a mapping".into(),
            "unit value" => "no value".into(),
            other => other.to_string(),
        },
    };
    let (want, help) = match expected {
        "a sequence" => (
            "a list: `[a, b]`, or one `- item` per line".to_string(),
            text.map(|t| format!("did you mean `{key}: [{t}]`?")),
        ),
        "a boolean" => (
            "`true` or `false`, without quotes".to_string(),
            text.and_then(|t| match t.to_lowercase().as_str() {
                "yes" | "true" | "sí" | "si" | "y" | "on" | "1" => Some("true"),
                "no" | "false" | "n" | "off" | "0" => Some("false"),
                _ => None,
            })
            .map(|b| format!("did you mean `{key}: {b}`?")),
        ),
        "a string" => (
            "a text; quote it if it starts with `[`, `{`, `*`, `&`, `!` or `|`".to_string(),
            None,
        ),
        "u8" | "u16" | "u32" | "u64" | "usize" => (
            format!("a whole number of 0 or more, e.g. `{key}: 8`"),
            None,
        ),
        "i8" | "i16" | "i32" | "i64" | "isize" => ("a whole number".to_string(), None),
        "f32" | "f64" => ("a number, e.g. 40.4168".to_string(), None),
        e if e.starts_with("struct ") || e == "a map" => (
            format!("a mapping: `key: value` lines indented under `{key}:`"),
            None,
        ),
        other => (other.to_string(), None),
    };
    let d = Diagnostic::error(
        at,
        Problem::WrongType {
            field: path.to_string(),
            found: found_words,
        },
    )
    .expected(want);
    match help {
        Some(help) => d.help(help),
        None => d,
    }
}

/// `at_locations[0].schedule` → `schedule`; `access[0]` → `access`.
fn last_key(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// The names between backticks in serde's "expected one of `a`, `b`".
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn is_blank(text: &str) -> bool {
    text.lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#') || l.trim() == "---")
}

fn char_at(lines: &[&str], line: usize, col: usize) -> char {
    lines
        .get(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(col.saturating_sub(1)))
        .unwrap_or(' ')
}

fn byte_of(line: &str, col: usize) -> usize {
    line.char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests;
