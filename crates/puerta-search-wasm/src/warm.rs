//! Fewer round trips: before a query runs, touch everything it will read, level by
//! level, and collect every chunk that is missing instead of stopping at the first.
//!
//! Input: a searcher, a query and the fields it searches. Output: nothing, or the
//! chunks to fetch. A query read as tantivy runs it stops at its first missing chunk,
//! so a two-word query over three fields would cost a round trip per term dictionary
//! and per postings list. Warming first asks for all term dictionaries and field
//! norms at once, then for all postings at once, then the query runs on what is here;
//! the stored documents of its hits are fetched together (see [`docs`]).

use std::path::Path;
use std::sync::Arc;

use tantivy::directory::CompositeFile;
use tantivy::query::Query;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Directory;
use tantivy::{DocAddress, Index, Searcher, TantivyDocument, Term};

use crate::store::{Need, Store};

/// Reads what `query` will read, over `fields` and the fields of its terms; returns
/// the chunks missing at the first level that misses some.
pub fn query(
    store: &Arc<Store>,
    index: &Index,
    searcher: &Searcher,
    query: &dyn Query,
    fields: &[Field],
) -> Vec<Need> {
    let mut terms: Vec<(Term, bool)> = Vec::new();
    query.query_terms(&mut |term, positions| terms.push((term.clone(), positions)));
    let mut all_fields: Vec<Field> = fields.to_vec();
    all_fields.extend(terms.iter().map(|(t, _)| t.field()));
    all_fields.sort_unstable();
    all_fields.dedup();

    // Level 1: term dictionaries and field norms, whole: tantivy reads each in two
    // steps (its footer, then the rest), which would cost two round trips.
    for segment in searcher.segment_readers() {
        let id = segment.segment_id().uuid_string();
        for extension in ["term", "fieldnorm"] {
            section_reads(index, &format!("{id}.{extension}"), &all_fields);
        }
        for &field in &all_fields {
            let _ = segment.inverted_index(field);
            let _ = segment.get_fieldnorms_reader(field);
        }
    }
    let need = store.take_missing();
    if !need.is_empty() {
        return need;
    }
    // Level 2: the postings (and positions, for phrases) of every term.
    for segment in searcher.segment_readers() {
        for (term, positions) in &terms {
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

/// Reads the sections of `fields` in the composite file `name` (failures recorded).
fn section_reads(index: &Index, name: &str, fields: &[Field]) {
    // Through the index's directory, which strips tantivy's footer as its readers do.
    let Ok(file) = index.directory().open_read(Path::new(name)) else {
        return;
    };
    let Ok(composite) = CompositeFile::open(&file) else {
        return;
    };
    for &field in fields {
        if let Some(section) = composite.open_read(field) {
            let _ = section.read_bytes();
        }
    }
}

/// Reads the stored documents of `hits` all at once: the documents, or every chunk
/// missing for any of them.
pub fn docs(
    store: &Arc<Store>,
    searcher: &Searcher,
    hits: &[DocAddress],
) -> Result<Vec<TantivyDocument>, (Vec<Need>, String)> {
    let mut docs = Vec::with_capacity(hits.len());
    let mut error = None;
    for &address in hits {
        match searcher.doc::<TantivyDocument>(address) {
            Ok(doc) => docs.push(doc),
            Err(e) => error = Some(e.to_string()),
        }
    }
    match error {
        None => Ok(docs),
        Some(e) => Err((store.take_missing(), e)),
    }
}
