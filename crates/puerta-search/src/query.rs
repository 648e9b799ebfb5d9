//! Query building: a query string → words → a tantivy query.
//!
//! Stage: query. Input: the text typed, the index's analyzer and term dictionaries.
//! Output: a [`Built`] query. Semantics (DESIGN.md §6):
//!
//! - every word must match (AND), in any field;
//! - a word matches *exactly* (its analyzed term), *as a prefix* (the last word, unless
//!   the text ends with a space: the reader is still typing it; a term that starts
//!   with the folded word, or a stem that the folded word extends by up to 3 letters)
//!   or *with a typo* (edit distance 1 from 5 letters, 2 from 9, transpositions count
//!   as one edit; against the term, unless shorter than 4 letters, and the folded
//!   word cut to 4 letters or more; the first letter must be
//!   right: "nadrid" does not find "madrid", see [`Lookups`]), only when no field has
//!   the word exactly or as a prefix ([`expand_word`]): a word the index knows as
//!   written finds no typo matches, which could only rank below it;
//! - each way of matching is a class with a constant score ([`EXACT`] > [`PREFIX`] >
//!   [`FUZZY`]) plus BM25 over the matched terms with field boosts (title > keywords >
//!   summary > body, see [`Fields::weighted`]), scaled down for prefix and fuzzy
//!   matches. A word scores its best class, so exact matches rank above prefix ones;
//! - a protected word (see [`crate::Protected`]) only matches exactly: its neighbours
//!   are other words on purpose.
//!
//! Expansions read the term dictionaries (bounded: at most [`MAX_SCAN`] terms per
//! dictionary, keeping the most frequent) and become plain term queries, so they score
//! with BM25 and are highlighted in snippets. The dictionaries are block-based
//! (tantivy's sstable dictionary): every read is bounded to a key range ([`lookups`]),
//! so that a query reads a few 4 KB blocks of a dictionary, not all of it (the browser
//! fetches only what a query reads).

use std::collections::BTreeMap;

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery, FuzzyTermQuery,
    Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::{Searcher, Term};

use crate::affine::AffineQuery;
use crate::analysis::{fold, terms, LOWER};
use crate::schema::Fields;
use crate::{io, Error, Facet, Kind, Protected};

/// Constant score of a word matched exactly.
pub const EXACT: f32 = 100.0;
/// Constant score of a word matched as a prefix.
pub const PREFIX: f32 = 60.0;
/// Constant score of a word matched with a typo.
pub const FUZZY: f32 = 20.0;
/// Scale of the BM25 score of prefix matches.
const PREFIX_BM25: f32 = 0.5;
/// Scale of the BM25 score of typo matches.
const FUZZY_BM25: f32 = 0.25;
/// Prefix expansions kept per word and field.
const MAX_PREFIX_TERMS: usize = 30;
/// Typo expansions kept per word and field.
const MAX_FUZZY_TERMS: usize = 10;
/// Terms read at most from one dictionary for one expansion.
pub const MAX_SCAN: usize = 5000;
/// Words of a query that are looked at; the rest of a pasted paragraph is ignored.
pub const MAX_WORDS: usize = 32;
/// Score added to a document cited by a number the query writes (see [`numbers`]):
/// less than what separates two classes, so that it only reorders documents that
/// match the words equally well.
pub const NUMBER_BONUS: f32 = 30.0;
/// Letters the folded last word may add to a stem and still match it as a prefix.
const STEM_EXTENSION: usize = 3;
/// Letters of the shortest text a typo is measured against (see [`typo_targets`]).
const MIN_TYPO_TARGET: usize = 4;

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word lower-cased and folded, not stemmed.
    pub folded: String,
    /// Its analyzed term (stemmed, or its protected term).
    pub term: String,
    /// Whether it may match as a prefix (the last word while typing).
    pub prefix: bool,
    /// Whether it is a protected form: then it only matches exactly.
    pub protected: bool,
}

/// The edit distance tolerated for a word of `letters` letters: 0 below 5, 1 from 5,
/// 2 from 9.
pub fn typo_distance(letters: usize) -> u8 {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The words of `text`, analyzed with `analyzer` (the index's analyzer, built with
/// `protected`).
pub fn words(text: &str, analyzer: &mut TextAnalyzer, protected: &Protected) -> Vec<Word> {
    let mut splitter = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LOWER)
        .build();
    let typing = text.chars().last().is_some_and(char::is_alphanumeric);
    let mut written = terms(&mut splitter, text);
    // When words are cut off, the last one kept is not being typed.
    let typing = typing && written.len() <= MAX_WORDS;
    written.truncate(MAX_WORDS);
    let count = written.len();
    written
        .into_iter()
        .enumerate()
        .filter_map(|(i, word)| {
            let term = terms(analyzer, &word).into_iter().next()?;
            let folded = fold(&word);
            let protected =
                protected.term_of_written(&word).is_some() || protected.term_of(&folded).is_some();
            Some(Word {
                prefix: typing && i + 1 == count,
                folded,
                term,
                protected,
            })
        })
        .collect()
}

/// How one word matches one field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expansion {
    /// Its term, when the dictionary has it.
    pub exact: Vec<Term>,
    /// Terms it is a prefix of (or a stem it extends).
    pub prefix: Vec<Term>,
    /// Terms within its typo distance.
    pub fuzzy: Vec<Term>,
}

/// A query ready to run, with what to highlight.
pub struct Built {
    /// The tantivy query.
    pub query: Box<dyn Query>,
    /// Matched terms (any field) and their weight in snippets.
    pub highlight: BTreeMap<String, f32>,
    /// Per word, whether the index has anything for it.
    pub found: Vec<bool>,
}

/// The numbers that `text` writes as a law is cited: digits, a slash, digits
/// (`4/2000`, `1155/2024`). Words split them in two, and "organic law 4/2000" matches
/// Organic Law 8/2000 "reforming Organic Law 4/2000" as well as the law itself: a
/// document cited by the very number (a record's `numbers`) gets [`NUMBER_BONUS`].
pub fn numbers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in text.split(|c: char| !(c.is_ascii_digit() || c == '/')) {
        let mut parts = token.split('/');
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        if !a.is_empty() && !b.is_empty() && !out.iter().any(|n| n == token) {
            out.push(token.to_string());
        }
    }
    out
}

/// Builds the query of `words`, with filters on kinds (any of them) and facets (all);
/// documents cited by one of `numbers` (see [`numbers`]) score [`NUMBER_BONUS`] more.
pub fn build(
    searcher: &Searcher,
    fields: &Fields,
    words: &[Word],
    numbers: &[String],
    kinds: &[Kind],
    facets: &[(Facet, String)],
) -> Result<Built, Error> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut highlight = BTreeMap::new();
    let mut found = Vec::with_capacity(words.len());
    for word in words {
        let mut exact = Vec::new();
        let mut prefix = Vec::new();
        let mut fuzzy = Vec::new();
        for (_, weight, e) in expand_word(searcher, fields, word)? {
            for (list, terms, mark) in [
                (&mut exact, e.exact, 1.0),
                (&mut prefix, e.prefix, 0.5),
                (&mut fuzzy, e.fuzzy, 0.3),
            ] {
                for term in terms {
                    if let Some(text) = term.value().as_str() {
                        let w = highlight.entry(text.to_string()).or_insert(0.0f32);
                        *w = w.max(mark);
                    }
                    list.push((term, weight));
                }
            }
        }
        let mut classes: Vec<Box<dyn Query>> = Vec::new();
        for (terms, constant, scale) in [
            (exact, EXACT, 1.0),
            (prefix, PREFIX, PREFIX_BM25),
            (fuzzy, FUZZY, FUZZY_BM25),
        ] {
            if !terms.is_empty() {
                classes.push(class(terms, constant, scale));
            }
        }
        found.push(!classes.is_empty());
        let word_query: Box<dyn Query> = match classes.len() {
            0 => Box::new(EmptyQuery),
            1 => classes.remove(0),
            _ => Box::new(DisjunctionMaxQuery::new(classes)),
        };
        clauses.push((Occur::Must, word_query));
    }
    if !kinds.is_empty() {
        let terms = kinds
            .iter()
            .map(|k| Term::from_field_text(fields.kind, k.as_str()));
        clauses.push((Occur::Must, filter(terms)));
    }
    for (facet, value) in facets {
        let field = match facet {
            Facet::Category => fields.category,
            Facet::Area => fields.area,
            Facet::City => fields.city,
        };
        let term = Term::from_field_text(field, value);
        clauses.push((Occur::Must, filter(std::iter::once(term))));
    }
    if !numbers.is_empty() && !clauses.is_empty() {
        let cited = numbers.iter().map(|n| -> Box<dyn Query> {
            let term = Term::from_field_text(fields.number, n);
            let q = TermQuery::new(term, IndexRecordOption::Basic);
            Box::new(ConstScoreQuery::new(Box::new(q), NUMBER_BONUS))
        });
        clauses.push((
            Occur::Should,
            Box::new(DisjunctionMaxQuery::new(cited.collect())),
        ));
    }
    Ok(Built {
        query: Box::new(BooleanQuery::new(clauses)),
        highlight,
        found,
    })
}

/// A class of matches: a constant plus scaled BM25 of its terms with field boosts.
fn class(terms: Vec<(Term, f32)>, constant: f32, scale: f32) -> Box<dyn Query> {
    let bm25 = BooleanQuery::union(
        terms
            .into_iter()
            .map(|(term, weight)| -> Box<dyn Query> {
                let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
                Box::new(BoostQuery::new(Box::new(q), weight))
            })
            .collect(),
    );
    Box::new(AffineQuery::new(Box::new(bm25), constant, scale))
}

/// Documents with any of `terms`, scoring nothing.
fn filter(terms: impl Iterator<Item = Term>) -> Box<dyn Query> {
    let any = BooleanQuery::union(
        terms
            .map(|t| -> Box<dyn Query> { Box::new(TermQuery::new(t, IndexRecordOption::Basic)) })
            .collect(),
    );
    Box::new(ConstScoreQuery::new(Box::new(any), 0.0))
}

/// A range of dictionary keys: from `from` (included) to `to` (excluded; `None`: to
/// the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRange {
    /// First key of the range.
    pub from: Vec<u8>,
    /// First key after it, if any.
    pub to: Option<Vec<u8>>,
}

impl KeyRange {
    /// The keys that start with `prefix`.
    pub fn prefixed_by(prefix: &[u8]) -> KeyRange {
        KeyRange {
            from: prefix.to_vec(),
            to: successor(prefix),
        }
    }
}

/// A typo search: terms within `distance` edits of `target` whose key is in `range`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypoSearch {
    /// What the terms are measured against.
    pub target: String,
    /// Edits tolerated.
    pub distance: u8,
    /// The terms that start with the first letter of `target`.
    pub range: KeyRange,
}

/// The reads that expanding a word makes in a term dictionary, the same in every
/// field: [`expand`] runs them, and the browser runtime fetches the blocks they touch
/// beforehand, all at once.
///
/// Every read is bounded to a key range, so that it touches a few blocks of a
/// block-based (sstable) dictionary: a prefix reads the terms it starts (at most
/// [`MAX_SCAN`]), and a typo search (run only when the other reads found nothing,
/// see [`needs_typos`]) reads the terms that share its first letter. A
/// typo on the first letter is therefore not tolerated ("nadrid" does not find
/// "madrid"): that is what keeps a typo search from reading the whole dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lookups {
    /// Keys looked up one by one: the word's term, then stems the folded word extends.
    pub keys: Vec<Vec<u8>>,
    /// The terms the word is a prefix of, when it is being typed.
    pub prefix: Option<KeyRange>,
    /// Typo searches.
    pub typos: Vec<TypoSearch>,
}

/// The dictionary reads of `word`; see [`Lookups`].
pub fn lookups(word: &Word) -> Lookups {
    let mut out = Lookups {
        keys: vec![word.term.as_bytes().to_vec()],
        ..Lookups::default()
    };
    if word.protected {
        return out;
    }
    let letters = word.folded.chars().count();
    if word.prefix && letters >= 2 {
        out.prefix = Some(KeyRange::prefixed_by(word.folded.as_bytes()));
        // The folded word may extend a stem: "integrac" → "integr".
        let shortest = letters.saturating_sub(STEM_EXTENSION).max(4);
        for (end, _) in word.folded.char_indices().skip(shortest) {
            out.keys.push(word.folded.as_bytes()[..end].to_vec());
        }
    }
    let distance = typo_distance(letters);
    if distance > 0 {
        for target in typo_targets(word) {
            let first = target.chars().next().map(String::from).unwrap_or_default();
            out.typos.push(TypoSearch {
                range: KeyRange::prefixed_by(first.as_bytes()),
                target,
                distance,
            });
        }
    }
    out
}

/// How `word` matches each field searched, with the field's boost: exact and prefix
/// terms, and typo terms only when no field has any of those (a word found as written
/// is what the reader meant: its neighbours would rank below it anyway, and looking
/// them up reads more of the dictionaries and their postings).
pub fn expand_word(
    searcher: &Searcher,
    fields: &Fields,
    word: &Word,
) -> Result<Vec<(Field, f32, Expansion)>, Error> {
    let mut out = Vec::with_capacity(4);
    for (field, weight) in fields.weighted() {
        out.push((field, weight, expand(searcher, field, word)?));
    }
    if !word.protected && !found(&out) {
        for (field, _, expansion) in &mut out {
            expansion.fuzzy = typos(searcher, *field, word)?;
        }
    }
    Ok(out)
}

/// Whether some field has the word exactly or as a prefix.
fn found(expansions: &[(Field, f32, Expansion)]) -> bool {
    expansions
        .iter()
        .any(|(_, _, e)| !e.exact.is_empty() || !e.prefix.is_empty())
}

/// Whether `word` is looked up with typos: when no field has it exactly or as a
/// prefix (see [`expand_word`]). The browser runtime asks before it fetches the
/// dictionary blocks that typo searches read.
pub fn needs_typos(searcher: &Searcher, fields: &Fields, word: &Word) -> Result<bool, Error> {
    if word.protected || typo_distance(word.folded.chars().count()) == 0 {
        return Ok(false);
    }
    let mut out = Vec::with_capacity(4);
    for (field, weight) in fields.weighted() {
        out.push((field, weight, expand(searcher, field, word)?));
    }
    Ok(!found(&out))
}

/// The terms of `field` that `word` matches exactly or as a prefix (no typos: see
/// [`typos`]).
pub fn expand(searcher: &Searcher, field: Field, word: &Word) -> Result<Expansion, Error> {
    let mut out = Expansion::default();
    let mut exact_found = false;
    let mut prefix: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
    let lookups = lookups(word);
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let dict = inverted.terms();
        let (own, stems) = lookups.keys.split_at(1);
        exact_found |= dict.get(&own[0]).map_err(io)?.is_some();
        if let Some(range) = &lookups.prefix {
            let mut stream = dict.range().ge(&range.from).limit(MAX_SCAN as u64);
            if let Some(to) = &range.to {
                stream = stream.lt(to);
            }
            let mut stream = stream.into_stream().map_err(io)?;
            count_terms(&mut prefix, || {
                let next = stream.advance();
                next.then(|| (stream.key().to_vec(), stream.value().doc_freq))
            });
        }
        for stem in stems {
            if let Some(info) = dict.get(stem).map_err(io)? {
                *prefix.entry(stem.clone()).or_default() += u64::from(info.doc_freq);
            }
        }
    }
    if exact_found {
        out.exact.push(Term::from_field_text(field, &word.term));
    }
    prefix.remove(word.term.as_bytes());
    out.prefix = terms_of(field, most_frequent(prefix, MAX_PREFIX_TERMS));
    Ok(out)
}

/// Adds the document frequency of each term `next` gives (key, frequency) to
/// `counts`, reading at most [`MAX_SCAN`] terms: the one loop of prefix and typo
/// expansion, whose term streams differ in type (their automatons).
fn count_terms(
    counts: &mut BTreeMap<Vec<u8>, u64>,
    mut next: impl FnMut() -> Option<(Vec<u8>, u32)>,
) {
    for _ in 0..MAX_SCAN {
        let Some((key, doc_freq)) = next() else {
            return;
        };
        *counts.entry(key).or_default() += u64::from(doc_freq);
    }
}

/// The terms of `field` within `word`'s typo distance (see [`Lookups::typos`]), the
/// most frequent first, without the word's own term.
pub fn typos(searcher: &Searcher, field: Field, word: &Word) -> Result<Vec<Term>, Error> {
    let mut fuzzy: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
    let lookups = lookups(word);
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let dict = inverted.terms();
        for typo in &lookups.typos {
            let automaton = FuzzyTermQuery::new(
                Term::from_field_text(field, &typo.target),
                typo.distance,
                true,
            )
            .automaton()?;
            let mut stream = dict.search(automaton).ge(&typo.range.from);
            if let Some(to) = &typo.range.to {
                stream = stream.lt(to);
            }
            let mut stream = stream.into_stream().map_err(io)?;
            count_terms(&mut fuzzy, || {
                let next = stream.advance();
                next.then(|| (stream.key().to_vec(), stream.value().doc_freq))
            });
        }
    }
    fuzzy.remove(word.term.as_bytes());
    Ok(terms_of(field, most_frequent(fuzzy, MAX_FUZZY_TERMS)))
}

/// Dictionary keys of `field` as terms (keys that are not UTF-8 are left out).
fn terms_of(field: Field, keys: Vec<Vec<u8>>) -> Vec<Term> {
    keys.iter()
        .filter_map(|k| std::str::from_utf8(k).ok())
        .map(|s| Term::from_field_text(field, s))
        .collect()
}

/// What a typo match is measured against: the word's term, and the folded word cut to
/// each length down to 3 letters shorter; none shorter than [`MIN_TYPO_TARGET`]
/// letters. A stem is a word without its ending, and a typo can change what the
/// stemmer cuts ("madird" is one edit from "madrid", whose stem is "madr"); but the
/// stem of a six-letter word can be three letters long ("έκλισε" → "εκλ"), and one
/// edit from three letters reaches the commonest words ("εκ", in 95 % of Greek
/// articles).
fn typo_targets(word: &Word) -> Vec<String> {
    let mut targets = Vec::new();
    if word.term.chars().count() >= MIN_TYPO_TARGET {
        targets.push(word.term.clone());
    }
    let boundaries: Vec<usize> = word
        .folded
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.folded.len()))
        .collect();
    let letters = boundaries.len() - 1;
    let shortest = letters.saturating_sub(STEM_EXTENSION).max(MIN_TYPO_TARGET);
    for &end in boundaries.iter().skip(shortest) {
        let cut = word.folded[..end].to_string();
        if !targets.contains(&cut) {
            targets.push(cut);
        }
    }
    targets
}

/// The `n` keys with the highest counts, ties by key; in key order.
fn most_frequent(map: BTreeMap<Vec<u8>, u64>, n: usize) -> Vec<Vec<u8>> {
    let mut list: Vec<(Vec<u8>, u64)> = map.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list.truncate(n);
    let mut keys: Vec<Vec<u8>> = list.into_iter().map(|(k, _)| k).collect();
    keys.sort();
    keys
}

/// The smallest byte string greater than every string that starts with `prefix`.
fn successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut upper = prefix.to_vec();
    while let Some(last) = upper.pop() {
        if last < u8::MAX {
            upper.push(last + 1);
            return Some(upper);
        }
    }
    None
}
