//! A query that scores `constant + scale × inner score`, in one pass over the inner
//! query's documents.
//!
//! Stage: query. A class of matches (see [`crate::query`]) scores a constant plus its
//! scaled BM25. Written with tantivy's own queries, that is the union of a
//! `ConstScoreQuery` and a `BoostQuery` of the same BM25 union: every term's
//! dictionary entry is read and its postings walked twice. This wrapper reads them
//! once.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// Documents of `inner`, scoring `constant + scale × inner`.
pub struct AffineQuery {
    inner: Box<dyn Query>,
    constant: Score,
    scale: Score,
}

impl AffineQuery {
    /// The documents of `inner`, each scoring `constant + scale ×` its score there.
    pub fn new(inner: Box<dyn Query>, constant: Score, scale: Score) -> AffineQuery {
        AffineQuery {
            inner,
            constant,
            scale,
        }
    }
}

impl Clone for AffineQuery {
    fn clone(&self) -> AffineQuery {
        AffineQuery {
            inner: self.inner.box_clone(),
            ..*self
        }
    }
}

impl fmt::Debug for AffineQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "Affine({} + {} × {:?})",
            self.constant, self.scale, self.inner
        )
    }
}

impl Query for AffineQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.inner.weight(scoring)?;
        if !scoring.is_scoring_enabled() {
            return Ok(inner);
        }
        Ok(Box::new(AffineWeight {
            inner,
            constant: self.constant,
            scale: self.scale,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct AffineWeight {
    inner: Box<dyn Weight>,
    constant: Score,
    scale: Score,
}

impl Weight for AffineWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, boost * self.scale)?;
        Ok(Box::new(AffineScorer {
            inner,
            add: boost * self.constant,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let score = self.constant + self.scale * inner.value();
        let mut explanation =
            Explanation::new_with_string(format!("{} + {} × …", self.constant, self.scale), score);
        explanation.add_detail(inner);
        Ok(explanation)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

struct AffineScorer {
    inner: Box<dyn Scorer>,
    add: Score,
}

impl DocSet for AffineScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for AffineScorer {
    fn score(&mut self) -> Score {
        self.add + self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index};

    #[test]
    fn it_scores_like_a_constant_plus_a_scaled_query() {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for text in ["asilo asilo", "asilo y refugio", "refugio", "asilo"] {
            writer.add_document(doc!(body => text)).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(body, "asilo"),
                IndexRecordOption::WithFreqs,
            ))
        };
        let top = TopDocs::with_limit(10).order_by_score();
        let twice = BooleanQuery::union(vec![
            Box::new(ConstScoreQuery::new(term(), 60.0)),
            Box::new(BoostQuery::new(term(), 0.5)),
        ]);
        let once = AffineQuery::new(term(), 60.0, 0.5);
        let expected = searcher.search(&twice, &top).unwrap();
        let got = searcher.search(&once, &top).unwrap();
        assert_eq!(got.len(), 3);
        for ((a, x), (b, y)) in got.iter().zip(&expected) {
            assert_eq!(x, y);
            assert!((a - b).abs() < 1e-4, "{a} vs {b}");
        }
        assert!(got[0].0 > 60.0 && got[0].0 < 61.0, "{}", got[0].0);
    }
}
