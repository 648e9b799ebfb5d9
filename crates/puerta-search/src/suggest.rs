//! Suggestions when nothing matches: a corrected query that does.
//!
//! Stage: query. Input: the words of a query that matched nothing. Output: at most one
//! corrected query, written with words of the indexed texts. A word the index knows
//! (exactly, as a prefix or with a typo) stays as typed; another is replaced by the
//! most frequent term within a wider edit distance (1 from 3 letters, 2 from 5) of it
//! that starts with the same letter (readers rarely get the first one wrong), spelled
//! as a document writes it; a word with no such term is dropped. The
//! suggestion is offered only if it differs from the query and matches something.

use tantivy::collector::TopDocs;
use tantivy::query::{FuzzyTermQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument, Term};

use crate::query::{Word, MAX_SCAN};
use crate::schema::Fields;
use crate::search::{Request, SearchResults};
use crate::{io, Error};

/// Corrected queries for `words`, which matched nothing together.
pub(crate) fn suggestions(
    searcher: &Searcher,
    fields: &Fields,
    words: &[Word],
    request: &Request,
    analyzer: &mut TextAnalyzer,
) -> Result<Vec<String>, Error> {
    let mut corrected: Vec<Word> = Vec::new();
    let mut spelled: Vec<String> = Vec::new();
    for word in words {
        let alone = Request {
            text: String::new(),
            limit: 0,
            ..request.clone()
        };
        let mut probe = empty_results();
        crate::search::run(
            searcher,
            fields,
            std::slice::from_ref(word),
            &alone,
            &mut probe,
            None,
        )?;
        if probe.total > 0 {
            corrected.push(word.clone());
            spelled.push(word.folded.clone());
            continue;
        }
        if let Some((term, surface)) = correction(searcher, fields, word, analyzer)? {
            corrected.push(Word {
                folded: crate::fold(&surface),
                term,
                prefix: false,
                protected: false,
            });
            spelled.push(surface);
        }
    }
    if corrected.is_empty() || corrected.as_slice() == words {
        return Ok(Vec::new());
    }
    let mut check = empty_results();
    let count_only = Request {
        limit: 0,
        ..request.clone()
    };
    crate::search::run(searcher, fields, &corrected, &count_only, &mut check, None)?;
    if check.total == 0 {
        return Ok(Vec::new());
    }
    Ok(vec![spelled.join(" ")])
}

fn empty_results() -> SearchResults {
    SearchResults {
        query: String::new(),
        lang: String::new(),
        total: 0,
        hits: Vec::new(),
        suggestions: Vec::new(),
    }
}

/// The most frequent indexed term near `word`, with a word of a document that gives it.
fn correction(
    searcher: &Searcher,
    fields: &Fields,
    word: &Word,
    analyzer: &mut TextAnalyzer,
) -> Result<Option<(String, String)>, Error> {
    let letters = word.folded.chars().count();
    let distance = match letters {
        0..=2 => return Ok(None),
        3..=4 => 1,
        _ => 2,
    };
    let first = word.folded.chars().next();
    let mut best: Option<(u64, String, tantivy::schema::Field)> = None;
    for (field, _) in fields.weighted() {
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            for target in [&word.term, &word.folded] {
                let automaton =
                    FuzzyTermQuery::new(Term::from_field_text(field, target), distance, true)
                        .automaton()?;
                let mut stream = inverted
                    .terms()
                    .search(automaton)
                    .into_stream()
                    .map_err(io)?;
                let mut scanned = 0;
                while scanned < MAX_SCAN && stream.advance() {
                    scanned += 1;
                    let Ok(key) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if key.chars().next() != first {
                        continue;
                    }
                    let freq = u64::from(stream.value().doc_freq);
                    let better = best
                        .as_ref()
                        .is_none_or(|(f, k, _)| freq > *f || (freq == *f && key < k.as_str()));
                    if better {
                        best = Some((freq, key.to_string(), field));
                    }
                }
            }
        }
    }
    let Some((_, term, field)) = best else {
        return Ok(None);
    };
    let surface = surface_form(searcher, fields, field, &term, analyzer)?;
    Ok(Some((term.clone(), surface.unwrap_or(term))))
}

/// A word of a stored text of a document containing `term` that analyzes to `term`,
/// lower-cased: how readers would write it.
fn surface_form(
    searcher: &Searcher,
    fields: &Fields,
    field: tantivy::schema::Field,
    term: &str,
    analyzer: &mut TextAnalyzer,
) -> Result<Option<String>, Error> {
    let query = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::Basic);
    let top = searcher.search(&query, &TopDocs::with_limit(3).order_by_score())?;
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        for stored in [fields.title, fields.summary, fields.excerpt] {
            for value in doc.get_all(stored) {
                let Some(text) = value.as_str() else { continue };
                let mut stream = analyzer.token_stream(text);
                while let Some(token) = stream.next() {
                    if token.text == term {
                        let word = &text[token.offset_from..token.offset_to];
                        return Ok(Some(word.to_lowercase()));
                    }
                }
            }
        }
    }
    Ok(None)
}
