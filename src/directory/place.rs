//! Places inside lists of a YAML document, for diagnostics.
//!
//! Stage: validate. Input: a [`Source`] and a path to a list. Output: the text of one
//! item of a block list as a [`Source`] of its own, so that `locate` finds the key of
//! *that* item (the `city` of the third session, not of the first), and places of
//! values inside lists. Flow lists (`[a, b]`) fall back to a search for the value.

use crate::diag::Span;
use crate::yaml::{self, Source};

/// The text of item `index` of the block list at `path`, as its own [`Source`] (line
/// numbers stay those of the file); `None` for a flow list or a missing key.
pub fn item<'a>(src: Source<'a>, path: &[&str], index: usize) -> Option<Source<'a>> {
    let last = path.last()?;
    let (line, col) = yaml::locate(src.text, path);
    let lines = line_starts(src.text);
    let key_line = lines.get(line - 1)?.1;
    if !key_line.contains(&format!("{last}:")) {
        return None;
    }
    let after: String = key_line.chars().skip(col - 1).collect();
    let after = after.trim();
    if !after.is_empty() && !after.starts_with('#') {
        return None; // a flow list or a scalar on the key's line
    }
    let key_indent = indentation(key_line);
    let mut items = Vec::new();
    let mut item_indent = None;
    let mut end = src.text.len();
    for &(start, text) in lines.iter().skip(line) {
        let trimmed = text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = indentation(text);
        let dash = trimmed.starts_with("- ") || trimmed == "-";
        match item_indent {
            None if dash && indent >= key_indent => {
                item_indent = Some(indent);
                items.push(start);
            }
            None => return None,
            Some(i) if indent < i || (indent == i && !dash) => {
                end = start;
                break;
            }
            Some(i) if indent == i => items.push(start),
            Some(_) => {}
        }
    }
    let start = *items.get(index)?;
    let stop = items.get(index + 1).copied().unwrap_or(end);
    let first_line = src.text[..start].matches('\n').count();
    Some(Source {
        file: src.file,
        text: &src.text[start..stop],
        line_offset: src.line_offset + first_line,
    })
}

/// Item `index` of the list at `path`, or the whole document when it cannot be told
/// apart (then `locate` finds the first match, which is still the right key).
pub fn item_or<'a>(src: Source<'a>, path: &[&str], index: usize) -> Source<'a> {
    item(src, path, index).unwrap_or(src)
}

/// Where `value`, item `index` of the list at `path`, is written.
pub fn list_value(src: Source<'_>, path: &[&str], index: usize, value: &str) -> Span {
    match item(src, path, index) {
        Some(one) if !value.is_empty() => one.locate_value(&[], value),
        Some(one) => one.span(1, 1),
        None => flow_item(src, path, index).unwrap_or_else(|| src.locate_value(path, value)),
    }
}

/// Where item `index` of a flow list written on one line (`[a, "b", c]`) starts,
/// inside its quotes if quoted.
fn flow_item(src: Source<'_>, path: &[&str], index: usize) -> Option<Span> {
    let (line, col) = yaml::locate(src.text, path);
    let text = src.text.lines().nth(line - 1)?;
    let start = text.char_indices().nth(col - 1)?.0;
    let list = text[start..].strip_prefix('[')?;
    let mut starts = vec![0];
    let mut quote = None;
    for (i, ch) in list.char_indices() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(ch),
            (None, ',') => starts.push(i + 1),
            (None, ']') => {
                let at = *starts.get(index)?;
                let item = &list[at..];
                let lead = item.len() - item.trim_start_matches([' ', '"', '\'']).len();
                let byte = start + 1 + at + lead;
                return Some(src.span(line, text[..byte].chars().count() + 1));
            }
            (None, '[' | '{') => return None, // nested: leave it to the text search
            _ => {}
        }
    }
    None
}

/// Where item `index` of the list at `path` starts: its first character after `- `.
pub fn item_span(src: Source<'_>, path: &[&str], index: usize) -> Span {
    match item(src, path, index) {
        Some(one) => {
            let first = one.text.lines().next().unwrap_or_default();
            let rest = first.trim_start_matches([' ', '-']);
            one.span(1, first[..first.len() - rest.len()].chars().count() + 1)
        }
        None => src.locate(path),
    }
}

/// (byte offset, line text without its newline) of every line.
fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        out.push((offset, line.trim_end_matches(['\n', '\r'])));
        offset += line.len();
    }
    out
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const DOC: &str = "\
name: x
at_locations:
  - location: a
    schedule:
      zone: Europe/Madrid
      weekly:
        - days: [tue]
          opens: \"09:00\"
        - days: [wed]
          opens: \"10:00\"
  - location: b
    schedule:
      zone: Europe/Madird
phones: [\"+34911\", \"+34911\"]
languages:
- es
- el
";

    fn src() -> Source<'static> {
        Source::file(Path::new("s.yaml"), DOC)
    }

    #[test]
    fn finds_the_key_of_the_right_item() {
        let second = item(src(), &["at_locations"], 1).unwrap();
        assert_eq!(
            second.locate(&["schedule", "zone"]),
            Span::new("s.yaml", 13, 13)
        );
        assert_eq!(second.locate(&["location"]), Span::new("s.yaml", 11, 15));
        let first = item(src(), &["at_locations"], 0).unwrap();
        let rule = item(first, &["schedule", "weekly"], 1).unwrap();
        assert_eq!(rule.locate(&["opens"]), Span::new("s.yaml", 10, 18));
        assert!(item(src(), &["at_locations"], 2).is_none());
        assert_eq!(
            item_span(src(), &["at_locations"], 1),
            Span::new("s.yaml", 11, 5)
        );
    }

    #[test]
    fn finds_values_in_block_lists_at_the_key_indent() {
        assert_eq!(
            list_value(src(), &["languages"], 1, "el"),
            Span::new("s.yaml", 17, 3)
        );
    }

    #[test]
    fn flow_lists_are_split_at_their_commas() {
        assert!(item(src(), &["phones"], 1).is_none());
        assert_eq!(
            list_value(src(), &["phones"], 0, "+34911"),
            Span::new("s.yaml", 14, 11)
        );
        assert_eq!(
            list_value(src(), &["phones"], 1, "+34911"),
            Span::new("s.yaml", 14, 21)
        );
        assert_eq!(list_value(src(), &["phones"], 2, "+34911").col, 11);
        assert!(item(src(), &["missing"], 0).is_none());
    }

    #[test]
    fn keeps_the_line_offset_of_front_matter() {
        let s = Source {
            line_offset: 1,
            ..src()
        };
        let second = item(s, &["at_locations"], 1).unwrap();
        assert_eq!(second.locate(&["location"]).line, 12);
    }
}
