//! Target `front_matter`: the bytes of an article file → text (UTF-8 check, byte-order
//! mark) → front matter split and parsed ([`puerta::content::parse`]), as the load stage
//! reads `content/blog/<key>.<lang>.md`.

use std::path::Path;

use puerta::content::{self, Section};

use super::{assert_placed, Outcome};

/// The file the input stands for, as diagnostics name it.
const FILE: &str = "content/blog/fuzz.es.md";

/// Reads `data` as the article `content/blog/fuzz.es.md`. Invariants: bytes that are
/// not UTF-8 give one error at the first bad byte; every problem is placed in the
/// file; a loaded document's body is the end of the text and starts at its line.
pub fn front_matter(data: &[u8]) -> Outcome {
    let file = Path::new(FILE);
    let text = match puerta::read::utf8(data.to_vec(), file) {
        Ok(text) => text,
        Err(errors) => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            let valid = match std::str::from_utf8(data) {
                Ok(_) => panic!("UTF-8 refused: {errors:?}"),
                Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or_default(),
            };
            // Exactly at the first bad byte, in characters.
            let line = valid.matches('\n').count() + 1;
            let col = valid
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                + 1;
            let span = errors[0].span.as_ref().expect("a place");
            assert_eq!((span.line, span.col), (line, col), "{}", errors[0]);
            assert_eq!(span.file, file);
            return Outcome::Refused {
                diagnostics: errors.len(),
            };
        }
    };
    let mut soft = Vec::new();
    let result = content::parse(
        super::example_config(),
        Section::Blog,
        "fuzz".into(),
        "es".into(),
        file.to_path_buf(),
        &text,
        &mut soft,
    );
    // The places count lines of the file as written, byte-order mark left out.
    for d in soft
        .iter()
        .chain(result.as_ref().err().into_iter().flatten())
    {
        assert_placed(d, file, &text, 1);
    }
    match result {
        Ok(doc) => {
            assert!(
                text.ends_with(&doc.body),
                "the body is not the end of the file"
            );
            let before = &text[..text.len() - doc.body.len()];
            assert_eq!(
                doc.body_line,
                before.matches('\n').count() + 1,
                "the body does not start at its line"
            );
            assert!(!doc.title.trim().is_empty(), "a document without a title");
            assert!(doc.date.is_some(), "an article without a date");
            Outcome::Output {
                diagnostics: soft.len(),
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without a reason");
            Outcome::Refused {
                diagnostics: errors.len() + soft.len(),
            }
        }
    }
}
