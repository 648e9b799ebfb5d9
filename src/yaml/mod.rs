//! YAML reading with places: typed parsing that turns serde_yaml errors into
//! [`Diagnostic`]s at `file:line:col`, and a locator that finds where a key or value
//! was written, for problems found after parsing (an unknown term, a bad language).
//!
//! serde_yaml keeps no spans in parsed values, and front matter is a small, mostly flat
//! document, so the locator reads the text itself: a key path is followed through block
//! mappings by indentation and through flow mappings on the same line.

use std::path::Path;

use serde::de::DeserializeOwned;

mod explain;

use crate::diag::{Diagnostic, Span};

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

/// Parses `source` into `T`, turning every serde_yaml error into diagnostics that say
/// in plain words what is wrong, where, and what would be accepted (module `explain`).
pub fn parse<T: DeserializeOwned>(source: Source<'_>) -> Result<T, Vec<Diagnostic>> {
    match serde_yaml::from_str::<T>(source.text) {
        Ok(value) => Ok(value),
        Err(err) => Err(explain::explain(source, &err)),
    }
}

/// The 1-based (line, col) of byte `offset` of `text` as diagnostics count them: lines
/// end at `\n` (a `\r` before it is the end of the line), columns count characters.
fn place_of_offset(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, col)
}

/// libyaml's 1-based (line, col) in `text` as diagnostics count them. libyaml also ends
/// lines at a lone `\r`, NEL, LS and PS, which no other place of puerta (nor the line
/// numbers of a `\n` file in an editor) counts: a `\r` left in a value would otherwise
/// move every later error down a line. A column past its line's end stays at the end.
fn from_libyaml(text: &str, line: usize, col: usize) -> (usize, usize) {
    let (mut l, mut c) = (1, 1);
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let eol = matches!(ch, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if l == line && (c == col || eol) {
            return place_of_offset(text, i);
        }
        if eol {
            if ch == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
                chars.next();
            }
            l += 1;
            c = 1;
        } else {
            c += 1;
        }
    }
    place_of_offset(text, text.len())
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
    fn places_libyaml_marks_on_newline_lines() {
        // A lone `\r` ends a line for libyaml, not for diagnostics.
        let text = "a: \"x\"\r# b\r\nc: [\nd: 1\n";
        assert_eq!(from_libyaml(text, 3, 2), (2, 2));
        assert_eq!(place_of_offset(text, text.find("c:").unwrap() + 1), (2, 2));
        assert_eq!(from_libyaml(text, 1, 3), (1, 3));
        // Past the end of a line or of the text: its end.
        assert_eq!(from_libyaml(text, 4, 99), (3, 5));
        assert_eq!(from_libyaml(text, 9, 1), (4, 1));
        assert_eq!(from_libyaml("\u{2028}é: [", 2, 3), (1, 4));
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
}
