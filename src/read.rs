//! Reading source files: Markdown, YAML and Fluent files become text, or a
//! [`Diagnostic`] that says what is wrong with the file itself.
//!
//! Stage: load (used by every loader). Input: a path on disk, or bytes already read.
//! Output: the text, or one problem: a file too large to be a source (a pasted image,
//! a generated dump), bytes that are not UTF-8 (placed at the line and column of the
//! first bad byte, with the character it would be in Latin-1), or an I/O error. A
//! byte-order mark is dropped.

use std::path::Path;

use crate::diag::{Diagnostic, Problem, Span};

/// The largest Markdown, YAML or Fluent file accepted: a long article is about 100 kB.
pub const MAX_SOURCE_BYTES: u64 = 5_000_000;

/// The text of the file at `path`, shown as `shown` in diagnostics; its one problem
/// otherwise (a list, as every loader gives).
pub fn text(path: &Path, shown: &Path) -> Result<String, Vec<Diagnostic>> {
    let io = |e: std::io::Error| {
        vec![Diagnostic::error(
            Span::file(shown),
            Problem::Io(io_message(&e)),
        )]
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_SOURCE_BYTES {
        return Err(vec![too_large(shown, size)]);
    }
    utf8(std::fs::read(path).map_err(io)?, shown)
}

/// `bytes` as text without a byte-order mark (editors on Windows write one, and no
/// editor counts it as a column), or the place of the first byte that is not UTF-8.
pub fn utf8(bytes: Vec<u8>, shown: &Path) -> Result<String, Vec<Diagnostic>> {
    let error = match String::from_utf8(bytes) {
        Ok(text) if text.starts_with('\u{feff}') => {
            return Ok(text['\u{feff}'.len_utf8()..].to_string())
        }
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let bytes = error.as_bytes();
    let valid = error.utf8_error().valid_up_to();
    // Everything before `valid` is UTF-8, so lines and columns count characters.
    let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    let byte = bytes.get(valid).copied().unwrap_or_default();
    let mut d = Diagnostic::error(Span::new(shown, line, col), Problem::NotUtf8 { byte })
        .expected("text saved as UTF-8");
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        d = d.help("the file is saved as UTF-16 (\"Unicode\"): save it again as UTF-8");
    } else if byte >= 0xA0 {
        // Latin-1 and Windows-1252 agree from 0xA0 on; their characters are Unicode's.
        let latin1 = char::from(byte);
        d = d.help(format!(
            "0x{byte:02X} is `{latin1}` in Latin-1 (Windows-1252): the file was saved in \
             another encoding; save it again as UTF-8"
        ));
    } else {
        d = d.help("save the file again as UTF-8 in your editor");
    }
    Err(vec![d])
}

fn too_large(shown: &Path, size: u64) -> Diagnostic {
    Diagnostic::error(
        Span::file(shown),
        Problem::TooLarge {
            bytes: size,
            limit: MAX_SOURCE_BYTES,
        },
    )
    .expected(format!(
        "a source file of at most {} MB",
        MAX_SOURCE_BYTES / 1_000_000
    ))
    .help("split it into several files; never paste images or documents into text files")
}

/// An I/O error without the `(os error N)` tail, which means nothing to editors.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file does not exist".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "a folder, not a file".into(),
        _ => {
            let text = e.to_string();
            match text.split_once(" (os error") {
                Some((head, _)) => head.to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_the_first_bad_byte_in_characters() {
        let bytes = b"title: x\nEspa\xf1a\n".to_vec();
        let d = utf8(bytes, Path::new("a.md")).unwrap_err().remove(0);
        assert_eq!(d.span, Some(Span::new("a.md", 2, 5)));
        assert_eq!(d.problem, Problem::NotUtf8 { byte: 0xF1 });
        assert!(d.help.unwrap().contains("`ñ`"));
        let greek = "αβ\n".bytes().chain([b'x', 0xFF]).collect();
        let d = utf8(greek, Path::new("b.md")).unwrap_err().remove(0);
        assert_eq!(d.span, Some(Span::new("b.md", 2, 2)));
    }

    #[test]
    fn drops_a_byte_order_mark() {
        let text = utf8("\u{feff}title: x\n".into(), Path::new("a.yaml")).unwrap();
        assert_eq!(text, "title: x\n");
    }

    #[test]
    fn recognizes_utf16() {
        let d = utf8(vec![0xFF, 0xFE, b'a', 0], Path::new("c.yaml"))
            .unwrap_err()
            .remove(0);
        assert!(d.help.unwrap().contains("UTF-16"));
    }
}
