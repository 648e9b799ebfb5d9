//! Fewer round trips: before a query runs, touch everything it will read, level by
//! level, and collect every chunk that is missing instead of stopping at the first.
//!
//! Input: a searcher, the fields searched and the query built for the request.
//! Output: nothing, or the chunks to fetch. A query as tantivy runs it stops at its
//! first missing chunk, so a two-word query over four fields would cost a round trip
//! per term dictionary, per postings list and per hit. Warming asks for all term
//! dictionaries and field norms at once ([`sections`]), then for all postings at once
//! ([`postings`]), then for the stored documents of all hits at once ([`docs`]).

use std::path::Path;
use std::sync::Arc;

use puerta_search::tantivy;
use tantivy::collector::TopDocs;
use tantivy::directory::CompositeFile;
use tantivy::query::Query;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Directory, Index, Searcher, TantivyDocument, Term};

use crate::store::{Need, Store};

/// Level 1: the term dictionaries and field norms of `fields`, whole (tantivy reads
/// each in two steps, its footer then the rest, which would cost two round trips).
pub fn sections(
    store: &Arc<Store>,
    index: &Index,
    searcher: &Searcher,
    fields: &[Field],
) -> Vec<Need> {
    for segment in searcher.segment_readers() {
        let id = segment.segment_id().uuid_string();
        for extension in ["term", "fieldnorm"] {
            section_reads(index, &format!("{id}.{extension}"), fields);
        }
        for &field in fields {
            let _ = segment.inverted_index(field);
            let _ = segment.get_fieldnorms_reader(field);
        }
    }
    store.take_missing()
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
