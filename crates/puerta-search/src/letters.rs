//! Letters: lower-casing and folding, one character and one token at a time.
//!
//! Stage: index and query (the first filters of every analyzer, the snippet window).
//! Input: text. Output: the same text lower-cased ([`LOWER`]) or folded ([`fold`],
//! [`FOLD`]). `char::to_lowercase` searches a table of the whole of Unicode for every
//! character, and Greek text is lower-cased several times per query (terms, snippets);
//! [`lower_one`] answers the letters of Spanish, Greek and English text directly and
//! leaves the rest to the standard library, with the very same results.

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// `c` lower-cased, when it is one character that needs no table: ASCII, Latin-1
/// and the Greek alphabet without accented capitals (`None`: ask `char::to_lowercase`).
#[inline]
pub(crate) fn lower_one(c: char) -> Option<char> {
    let code = c as u32;
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        '\0'..='\u{7f}' | 'ß'..='ÿ' | 'ά'..='ώ' => Some(c),
        'À'..='Þ' if c != '×' => char::from_u32(code + 32),
        'Α'..='Ϋ' if code != 0x3a2 => char::from_u32(code + 32),
        _ => None,
    }
}

/// Pushes `c` lower-cased onto `out`.
#[inline]
fn push_lower(c: char, out: &mut String) {
    match lower_one(c) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// Lower-cases `text` and folds the marks that readers leave out when they type:
/// Latin accents, Greek tonos and dialytika, Greek final sigma (ς → σ) and combining
/// marks. `ñ` stays: Spanish spells different words with `n` and `ñ` ("año", "ano");
/// typo tolerance still finds "espana" → "españa".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// The folded form of one character (none for a combining mark, two for some capitals).
pub(crate) fn fold_chars(c: char) -> impl Iterator<Item = char> {
    let (one, many) = match lower_one(c) {
        Some(l) => (Some(l), None),
        None => (None, Some(c.to_lowercase())),
    };
    one.into_iter()
        .chain(many.into_iter().flatten())
        .filter_map(fold_char)
}

fn fold_into(text: &str, out: &mut String) {
    out.clear();
    out.extend(text.chars().flat_map(fold_chars));
}

/// Whether folding changes `c` (or an upper-case letter).
pub(crate) fn changes(c: char) -> bool {
    let upper = match lower_one(c) {
        Some(l) => l != c,
        None => c.is_uppercase(),
    };
    upper || fold_char(c) != Some(c)
}

/// The folded form of one lower-case character; `None` for a combining mark.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Combining diacritics (text in decomposed form).
        '\u{300}'..='\u{36f}' => return None,
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        other => other,
    })
}

/// Token filter that rewrites every token's text with a function given the text and a
/// spare buffer (to write a new text into and swap, or to change it in place).
#[derive(Clone, Copy)]
pub struct Rewrite(fn(&mut String, &mut String));

/// Lower-cases tokens, as tantivy's `LowerCaser` does, answering ASCII, Latin-1 and Greek
/// letters without a table search.
pub const LOWER: Rewrite = Rewrite(|text, spare| {
    if text.is_ascii() {
        text.make_ascii_lowercase();
    } else if text.chars().any(|c| lower_one(c) != Some(c)) {
        spare.clear();
        for c in text.chars() {
            push_lower(c, spare);
        }
        mem::swap(text, spare);
    }
});

/// Applies [`fold`] to tokens.
pub const FOLD: Rewrite = Rewrite(|text, spare| {
    if text.is_ascii() {
        text.make_ascii_lowercase();
    } else if text.chars().any(changes) {
        fold_into(text, spare);
        mem::swap(text, spare);
    }
});

impl TokenFilter for Rewrite {
    type Tokenizer<T: Tokenizer> = RewriteTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> RewriteTokenizer<T> {
        RewriteTokenizer {
            inner: tokenizer,
            rewrite: self,
        }
    }
}

/// The tokenizer a [`Rewrite`] makes.
#[derive(Clone)]
pub struct RewriteTokenizer<T> {
    inner: T,
    rewrite: Rewrite,
}

impl<T: Tokenizer> Tokenizer for RewriteTokenizer<T> {
    type TokenStream<'a> = RewriteStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RewriteStream {
            tail: self.inner.token_stream(text),
            rewrite: self.rewrite,
            spare: String::new(),
        }
    }
}

/// The token stream of [`RewriteTokenizer`].
pub struct RewriteStream<S> {
    tail: S,
    rewrite: Rewrite,
    spare: String,
}

impl<S: TokenStream> TokenStream for RewriteStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        (self.rewrite.0)(&mut self.tail.token_mut().text, &mut self.spare);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};

    #[test]
    fn the_fast_path_lower_cases_like_the_standard_library() {
        let mut fast = 0;
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if let Some(l) = lower_one(c) {
                fast += 1;
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
            let mut a = String::new();
            push_lower(c, &mut a);
            assert_eq!(a, c.to_lowercase().collect::<String>(), "{c:?}");
            assert_eq!(
                changes(c),
                c.is_uppercase() || fold_char(c) != Some(c),
                "{c:?}"
            );
        }
        // ASCII 128, Latin-1 letters 63, Greek 61.
        assert_eq!(fast, 252, "{fast}");
    }

    #[test]
    fn lower_gives_the_tokens_of_tantivys_lower_caser() {
        let text = "ΑΘΗΝΑ Αθήνα ΆΣΥΛΟ ΪΣΟΣ Éxito ÑANDÚ İstanbul ǅemal ﬃ Straße ΣΟΦΟΣ";
        let tokens = |mut analyzer: TextAnalyzer| crate::analysis::terms(&mut analyzer, text);
        let ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LOWER)
            .build();
        let theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        assert_eq!(tokens(ours), tokens(theirs));
    }

    #[test]
    fn folds_marks_case_and_final_sigma() {
        assert_eq!(fold("ΆΣΥΛΟΣ Ελλάς ΐ Éxito año"), "ασυλοσ ελλασ ι exito año");
        assert_eq!(fold_chars('Ά').collect::<String>(), "α");
        assert_eq!(fold_chars('\u{301}').count(), 0);
    }
}
