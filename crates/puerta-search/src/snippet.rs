//! Where to look for a snippet: the part of a long text around the first place a
//! matched term occurs.
//!
//! Stage: query. Tantivy's snippet generator analyzes the whole text it is given, and
//! stemming every word of a long article for each of ten hits costs more than the
//! search itself (Greek most). Terms are mostly prefixes of the folded words they come
//! from, so a plain substring search of the folded text finds where to look; the
//! generator then analyzes a window of about 600 bytes, enough for a snippet of 160
//! characters of Greek (two bytes each) around the match. A window of 1,200 bytes kept
//! a Greek query on the example site at 9-15 ms in the browser, most of it stemming.

use std::sync::Arc;

use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

use crate::analysis::{ProtectFilter, StemFilter, FOLD, LOWER, MAX_TOKEN_BYTES};
use crate::letters::fold_chars;
use crate::{Lang, Protected};

/// Leading characters a word must share with a matched term to be stemmed at all.
const HEAD: usize = 3;

/// Texts up to this many bytes are analyzed whole.
const WHOLE: usize = 600;
/// Bytes kept before the first match.
const BEFORE: usize = 150;
/// Bytes kept after it.
const AFTER: usize = 450;
/// Shortest term prefix looked for when a term is not found as it is.
const SHORTEST: usize = 3;

/// `text`, or the part of it around the first occurrence of one of `terms` (folded
/// terms of the index), or its start when none occurs.
pub(crate) fn window<'a>(text: &'a str, terms: &[String]) -> &'a str {
    if text.len() <= WHOLE {
        return text;
    }
    let mut folded = String::with_capacity(text.len());
    // (byte in `folded`, byte in `text`) at the start of each folded character.
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        for f in fold_chars(c) {
            starts.push((folded.len(), at));
            folded.push(f);
        }
    }
    let first = terms
        .iter()
        .filter_map(|t| find(&folded, t))
        .min()
        .map(|f| {
            let i = starts.partition_point(|(fb, _)| *fb < f);
            starts.get(i).map_or(0, |(_, at)| *at)
        });
    let (from, to) = match first {
        Some(at) => (at.saturating_sub(BEFORE), at + AFTER),
        None => (0, BEFORE + AFTER),
    };
    &text[boundary(text, from)..boundary(text, to)]
}

/// The first byte of `folded` where `term`, or failing that its longest prefix of at
/// least [`SHORTEST`] characters and at most two shorter ("citi" of "city"), occurs.
fn find(folded: &str, term: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = term.char_indices().collect();
    let n = chars.len();
    if n == 0 {
        return None;
    }
    if let Some(at) = folded.find(term) {
        return Some(at);
    }
    (n.saturating_sub(2).max(SHORTEST)..n)
        .rev()
        .filter_map(|len| chars.get(len).map(|(end, _)| &term[..*end]))
        .find_map(|prefix| folded.find(prefix))
}

/// The largest character boundary of `text` at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The analyzer that snippets of a query are made with: the index's analyzer of
/// `lang` (the same tokens, folding and protected terms), except that a word is only
/// stemmed when it starts like one of `terms` (their first [`HEAD`] characters); any
/// other word cannot turn into one of them (stemming keeps a word's start), so it is
/// left as it is. Stemming every word of ten excerpts was most of a query's time in the
/// browser: on 1,000 articles, Greek queries took 16-23 ms in node's wasm, 6-10 ms
/// stemming only words that share their first two letters with a term.
pub(crate) fn highlighter(
    lang: Lang,
    protected: &Arc<Protected>,
    terms: &[String],
) -> TextAnalyzer {
    let heads = terms
        .iter()
        .map(|t| t.chars().take(HEAD).collect::<String>())
        .collect();
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LOWER)
        .filter(ProtectFilter::new(protected.clone()))
        .filter(FOLD)
        .filter(StemFilter::new(lang, protected.clone()).only_starting_with(heads))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_whole_and_long_ones_are_cut_around_the_first_match() {
        assert_eq!(window("corto", &["x".into()]), "corto");
        let long = format!(
            "{} Καλή Αθήνα τέλος {}",
            "λόγια ".repeat(400),
            "άλλα ".repeat(400)
        );
        let part = window(&long, &["αθην".into()]);
        assert!(
            part.contains("Αθήνα") && part.len() < 1300,
            "{}",
            part.len()
        );
        let english = format!(
            "{} the city hall {}",
            "word ".repeat(400),
            "more ".repeat(400)
        );
        assert!(window(&english, &["citi".into()]).contains("city hall"));
        let none = window(&english, &["zzz".into()]);
        assert!(english.starts_with(none) && none.len() <= BEFORE + AFTER);
    }

    #[test]
    fn the_highlighter_finds_the_terms_the_analyzer_finds() {
        for (lang, text) in [
            (
                Lang::El,
                "Οι πρόσφυγες στην Αθήνα ζητούν άσυλο και νομική συμβουλευτική, ΠΡΟΣΦΥΓΗ",
            ),
            (
                Lang::Es,
                "Los refugiados piden asilo en Madrid: integración sociolaboral, arraigos",
            ),
            (
                Lang::En,
                "Refugees asked for asylum in Athens, happily working",
            ),
        ] {
            let protected = Arc::new(Protected::with_defaults(lang, &[]));
            let mut full = crate::analysis::analyzer(lang, protected.clone());
            let all = crate::analysis::terms(&mut full, text);
            let mut lazy = highlighter(lang, &protected, &all);
            assert_eq!(crate::analysis::terms(&mut lazy, text), all, "{text}");
            for one in &all {
                let mut lazy = highlighter(lang, &protected, std::slice::from_ref(one));
                let got = crate::analysis::terms(&mut lazy, text);
                for (g, a) in got.iter().zip(&all) {
                    assert_eq!(g == one, a == one, "{text}: {one} ({g} vs {a})");
                }
            }
        }
    }
}
