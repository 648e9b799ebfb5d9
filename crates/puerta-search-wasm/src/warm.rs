//! Fewer round trips: before a query runs, touch everything it will read, level by
//! level, and collect every chunk that is missing instead of stopping at the first.
//!
//! Input: a searcher, the fields searched, the words of the request and the query
//! built for it. Output: nothing, or the chunks to fetch. A query as tantivy runs it
//! stops at its first missing chunk, so a two-word query over four fields would cost a
//! round trip per term dictionary block, per postings list and per hit. Warming asks
//! for every dictionary block that expanding the words reads at once
//! ([`dictionaries`]), then for all postings at once ([`postings`]), then for the
//! stored documents of all hits at once ([`docs`]). Opening the index fetched the
//! block index of every dictionary and the field norms
//! ([`puerta_search::reader::open_readers`]), so the blocks a lookup reads are known
//! before any of them is here.

use std::ops::Bound;
use std::path::Path;
use std::sync::Arc;

use puerta_search::query::{self, KeyRange, Lookups, Word};
use puerta_search::tantivy;
use puerta_search::Fields;
use tantivy::collector::TopDocs;
use tantivy::directory::{CompositeFile, FileSlice};
use tantivy::query::{FuzzyTermQuery, Query};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Directory, Index, Searcher, TantivyDocument, Term};
use tantivy_sstable::{Dictionary, VoidSSTable};

use crate::store::{Need, Store};

/// Level 1: the blocks of the term dictionaries of the searched fields that expanding
/// `words` reads (see [`query::lookups`]): first the key look-ups and prefix ranges of
/// every word, then, once those are here, the typo searches of the words they did not
/// find ([`query::needs_typos`]).
pub fn dictionaries(
    store: &Arc<Store>,
    index: &Index,
    searcher: &Searcher,
    fields: &Fields,
    words: &[Word],
) -> Vec<Need> {
    let lookups: Vec<Lookups> = words.iter().map(query::lookups).collect();
    let searched: Vec<Field> = fields.weighted().map(|(field, _)| field).to_vec();
    let dicts = open_dictionaries(index, searcher, &searched);
    // First what every word reads: its keys and prefix range.
    for (_, dict) in &dicts {
        for lookups in &lookups {
            touch_keys(dict, lookups);
        }
    }
    let missing = store.take_missing();
    if !missing.is_empty() {
        return missing;
    }
    // Then typo searches, for the words found neither exactly nor as a prefix.
    for (word, lookups) in words.iter().zip(&lookups) {
        if !matches!(query::needs_typos(searcher, fields, word), Ok(true)) {
            continue;
        }
        for (field, dict) in &dicts {
            touch_typos(dict, *field, lookups);
        }
    }
    store.take_missing()
}

/// The term dictionaries of `fields` in every segment, opened over the store.
fn open_dictionaries(
    index: &Index,
    searcher: &Searcher,
    fields: &[Field],
) -> Vec<(Field, Dictionary<VoidSSTable>)> {
    let mut out = Vec::new();
    for segment in searcher.segment_readers() {
        let id = segment.segment_id().uuid_string();
        let Some(terms) = composite(index, &format!("{id}.term")) else {
            continue;
        };
        for &field in fields {
            // tantivy's term dictionary: an sstable, then 4 bytes naming its kind.
            let Some(section) = terms.open_read(field) else {
                continue;
            };
            let (sstable, _kind) = section.split_from_end(4);
            if let Ok(dict) = Dictionary::<VoidSSTable>::open(sstable) {
                out.push((field, dict));
            }
        }
    }
    out
}

/// Reads the blocks of `dict` that the key look-ups and the prefix range of
/// `lookups` read (failures recorded by the store).
fn touch_keys(dict: &Dictionary<VoidSSTable>, lookups: &Lookups) {
    for key in &lookups.keys {
        if let Some(addr) = dict.sstable_index.get_block_with_key(key) {
            let _ = dict.sstable_slice.read_bytes_slice(addr.byte_range);
        }
    }
    if let Some(range) = &lookups.prefix {
        let limit = Some(query::MAX_SCAN as u64);
        let _ = dict.file_slice_for_range(bounds(range), limit).read_bytes();
    }
}

/// Reads the blocks of `dict` that the typo searches of `lookups` read.
fn touch_typos(dict: &Dictionary<VoidSSTable>, field: Field, lookups: &Lookups) {
    let block = |range: std::ops::Range<usize>| {
        let _ = dict.sstable_slice.read_bytes_slice(range);
    };
    for typo in &lookups.typos {
        let term = Term::from_field_text(field, &typo.target);
        let Ok(automaton) = FuzzyTermQuery::new(term, typo.distance, true).automaton() else {
            continue;
        };
        // The blocks the automaton may match, within the range (as the stream reads).
        let Some(first) = dict.sstable_index.get_block_with_key(&typo.range.from) else {
            continue;
        };
        let last = typo.range.to.as_ref().map_or(usize::MAX, |to| {
            dict.sstable_index
                .get_block_with_key(to)
                .map_or(usize::MAX, |addr| addr.byte_range.end)
        });
        for (_, addr) in dict.sstable_index.get_block_for_automaton(&automaton) {
            let range = addr.byte_range;
            if range.start >= first.byte_range.start && range.end <= last {
                block(range);
            }
        }
    }
}

/// A [`KeyRange`] as the bounds sstables take.
fn bounds(range: &KeyRange) -> (Bound<&[u8]>, Bound<&[u8]>) {
    let to = range
        .to
        .as_deref()
        .map_or(Bound::Unbounded, Bound::Excluded);
    (Bound::Included(range.from.as_slice()), to)
}

/// The composite file `name` of the index, opened through the index's directory, which
/// strips tantivy's footer as its readers do.
fn composite(index: &Index, name: &str) -> Option<CompositeFile> {
    let file: FileSlice = index.directory().open_read(Path::new(name)).ok()?;
    CompositeFile::open(&file).ok()
}

/// Level 2: the postings (and positions, for phrases) of every term of `query`.
pub fn postings(store: &Arc<Store>, searcher: &Searcher, query: &dyn Query) -> Vec<Need> {
    let mut terms: Vec<(Term, bool)> = Vec::new();
    query.query_terms(&mut |term, positions| terms.push((term.clone(), positions)));
    for segment in searcher.segment_readers() {
        for (term, positions) in &terms {
            let _ = segment.get_fieldnorms_reader(term.field());
            let Ok(inverted) = segment.inverted_index(term.field()) else {
                continue;
            };
            if let Ok(Some(info)) = inverted.get_term_info(term) {
                let option = if *positions {
                    IndexRecordOption::WithFreqsAndPositions
                } else {
                    IndexRecordOption::WithFreqs
                };
                let _ = inverted.read_postings_from_terminfo(&info, option);
            }
        }
    }
    store.take_missing()
}

/// Level 3: the stored documents of the best `limit` hits of `query`.
pub fn docs(store: &Arc<Store>, searcher: &Searcher, query: &dyn Query, limit: usize) -> Vec<Need> {
    let collector = TopDocs::with_limit(limit.max(1)).order_by_score();
    if let Ok(top) = searcher.search(query, &collector) {
        for (_, address) in top {
            let _ = searcher.doc::<TantivyDocument>(address);
        }
    }
    store.take_missing()
}
