//! Template problems as diagnostics: Tera's errors placed at the line and column of
//! the template where the mistake is, and interface-string keys checked before any
//! page is rendered.
//!
//! Stage: render (preparation). Input: the theme's templates, a Tera error or the
//! localizer. Output: [`Diagnostic`]s. Tera places only syntax errors; for an unknown
//! filter, function or variable it names the template being rendered, not the line, so
//! the name is looked up in the templates' text. A `t(key="…")` with a key that does
//! not exist would fail only on the pages that reach it (a table of contents appears
//! on long articles only), so every literal key is checked up front, once.

use std::path::PathBuf;

use crate::diag::{did_you_mean, Diagnostic, Problem, Span};
use crate::i18n::Localizer;
use crate::theme::{Theme, ThemeFile};

/// Tera's filters (without its `builtins` feature) and puerta's own, for did-you-mean.
const FILTERS: &[&str] = &[
    "date",
    "lower",
    "upper",
    "capitalize",
    "title",
    "trim",
    "trim_start",
    "trim_end",
    "trim_start_matches",
    "trim_end_matches",
    "truncate",
    "wordcount",
    "replace",
    "addslashes",
    "striptags",
    "linebreaksbr",
    "spaceless",
    "indent",
    "escape",
    "escape_xml",
    "safe",
    "first",
    "last",
    "nth",
    "join",
    "length",
    "reverse",
    "sort",
    "unique",
    "slice",
    "group_by",
    "filter",
    "map",
    "concat",
    "round",
    "json_encode",
    "as_str",
    "get",
    "default",
    "split",
    "int",
    "float",
    "abs",
];

/// A Tera error at its place in the theme.
pub fn template_error(e: &tera::Error, theme: &Theme) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let message = chain.join(": ");
    // Tera names the template in quotes: "Failed to parse 'term.html'".
    let name = message.split('\'').nth(1).unwrap_or_default();
    let file = theme.templates.iter().find(|f| f.name == name);
    let origin = file.map_or_else(|| PathBuf::from("themes"), |f| f.origin.clone());
    if let Some((_, rest)) = message.split_once(" --> ") {
        return syntax_error(origin, file, rest);
    }
    let last = chain.last().map_or("", String::as_str);
    let quoted = |s: &str| s.split(['\'', '`']).nth(1).unwrap_or_default().to_string();
    let (what, found, pattern) = if last.starts_with("Filter ") {
        let f = quoted(last);
        ("filter", f.clone(), format!("| {f}"))
    } else if last.starts_with("Function ") && last.contains("not found") {
        let f = quoted(last);
        ("function", f.clone(), format!("{f}("))
    } else if last.starts_with("Variable ") {
        let v = quoted(last);
        ("variable", v.clone(), v)
    } else if last.starts_with("Test ") {
        let t = quoted(last);
        ("test", t.clone(), format!("is {t}"))
    } else {
        let summary = chain[1..].join(": ");
        let at = Span::new(origin, 1, 1);
        return Diagnostic::error(at, Problem::Template(format!("{name}: {summary}")));
    };
    let at = find_in_templates(theme, file, &pattern).unwrap_or_else(|| Span::new(origin, 1, 1));
    let d = Diagnostic::error(at, Problem::Template(format!("unknown {what} `{found}`")));
    match what {
        "filter" => d
            .expected("one of Tera's filters or puerta's `date`")
            .did_you_mean(&found, FILTERS.iter().copied()),
        "variable" => d.expected(format!(
            "a variable that the page `{name}` receives, or one set with `{{% set %}}`"
        )),
        "function" => d.expected("`t(key=…)` or one of Tera's functions"),
        _ => d,
    }
}

/// A syntax error: Tera's text after ` --> ` is `line:col`, the line quoted, and
/// `= expected …`.
fn syntax_error(origin: PathBuf, file: Option<&ThemeFile>, rest: &str) -> Diagnostic {
    let (line, col) = rest
        .split_once(':')
        .and_then(|(line, rest)| {
            let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
            Some((line.trim().parse().ok()?, col.parse().ok()?))
        })
        .unwrap_or((1, 1));
    let expected = rest
        .split_once("= expected ")
        .map(|(_, e)| e.lines().next().unwrap_or(e).trim().to_string());
    // The word (or the one character) where the parser stopped.
    let rest: String = file
        .and_then(|f| {
            let text = String::from_utf8_lossy(&f.bytes).into_owned();
            text.lines()
                .nth(line - 1)
                .map(|l| l.chars().skip(col - 1).collect())
        })
        .unwrap_or_default();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let first = rest.chars().next().filter(|c| !c.is_whitespace());
    let found = if word.is_empty() {
        first.map(String::from)
    } else {
        Some(word)
    };
    let problem = match &found {
        Some(token) => format!("unexpected `{token}` in a tag"),
        None => "a tag that does not parse".into(),
    };
    let found = first.filter(|_| found.as_deref().is_some_and(|t| t.len() == 1));
    let mut d = Diagnostic::error(Span::new(origin, line, col), Problem::Template(problem));
    if let Some(expected) = &expected {
        d = d.expected(expected.clone());
        if found == Some('}') && expected.contains("`%}`") {
            d = d.help("close the tag with `%}`");
        } else if found == Some('}') && expected.contains("`}}`") {
            d = d.help("close the expression with `}}`");
        }
    }
    d
}

/// Where `pattern` first appears in a template: the one being rendered first, then the
/// others (it may sit in a template the page extends or includes).
fn find_in_templates(theme: &Theme, first: Option<&ThemeFile>, pattern: &str) -> Option<Span> {
    first
        .into_iter()
        .chain(theme.templates.iter())
        .find_map(|f| {
            let text = String::from_utf8_lossy(&f.bytes);
            let (line, col) = find_code(&text, pattern)?;
            Some(Span::new(&f.origin, line, col))
        })
}

/// 1-based line and column of `pattern` inside a `{{ }}` or `{% %}` block, spaces
/// around `|` ignored.
fn find_code(text: &str, pattern: &str) -> Option<(usize, usize)> {
    let compact = |s: &str| s.replace(' ', "");
    let wanted = compact(pattern);
    for (i, line) in text.lines().enumerate() {
        for (start, _) in line.match_indices(['{']) {
            let block = &line[start..];
            let end = block.find(['}']).map_or(block.len(), |e| e + 1);
            let code = &block[..end];
            if let Some(pos) = compact(code).find(&wanted) {
                // Map the position in the compacted text back to a column.
                let mut seen = 0;
                for (byte, c) in code.char_indices() {
                    if c != ' ' {
                        if seen == pos {
                            let col = line[..start + byte].chars().count() + 1;
                            return Some((i + 1, col));
                        }
                        seen += c.len_utf8();
                    }
                }
            }
        }
    }
    None
}

/// Every `t(key="…")` with a literal key that no locale defines, at its place.
pub fn check_keys(theme: &Theme, localizer: &Localizer, lang: &str) -> Vec<Diagnostic> {
    let keys = localizer.keys(lang);
    let mut out = Vec::new();
    for f in &theme.templates {
        let text = String::from_utf8_lossy(&f.bytes);
        for (i, line) in text.lines().enumerate() {
            for (pos, _) in line.match_indices("t(key=\"") {
                if pos > 0 && line[..pos].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue; // another function whose name ends in `t`
                }
                let start = pos + "t(key=\"".len();
                let Some(len) = line[start..].find('"') else {
                    continue;
                };
                let key = &line[start..start + len];
                let after = line[start + len + 1..].trim_start();
                // `t(key="audience-" ~ entry.audience)` builds the key at render time.
                if !after.starts_with([',', ')']) || keys.iter().any(|k| k == key) {
                    continue;
                }
                let col = line[..start].chars().count() + 1;
                let mut d = Diagnostic::error(
                    Span::new(&f.origin, i + 1, col),
                    Problem::Template(format!("unknown interface string `{key}`")),
                )
                .expected("a key defined in the locale files, locales/<lang>/*.ftl");
                if let Some(best) = did_you_mean(key, keys.iter().map(String::as_str)) {
                    d = d.help(format!("did you mean `{best}`?"));
                }
                out.push(d);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_code_inside_tags_only() {
        let text = "<p>| capitalise</p>\n<h1>{{ entry.title |capitalise }}</h1>\n";
        assert_eq!(find_code(text, "| capitalise"), Some((2, 20)));
        assert_eq!(find_code(text, "| upper"), None);
    }
}
