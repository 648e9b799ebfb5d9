//! The index schema: one index per language, the same fields in each.
//!
//! Stage: index and query. Text fields are analyzed with the language's analyzer and
//! index term frequencies but no positions: queries never match phrases, and snippets
//! re-analyze the stored text, so positions (more than half of an index with them) would
//! be bytes for nothing.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING,
};

use crate::Lang;

/// The fields of an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    /// Title or name (analyzed, stored): boosted most.
    pub title: Field,
    /// Summary in plain words (analyzed, stored): snippet of last resort.
    pub summary: Field,
    /// Full text (analyzed, not stored: see `excerpt`).
    pub body: Field,
    /// Other names (aliases, transliterations, names in the other languages, taxonomy
    /// names, city names): analyzed, not stored.
    pub keywords: Field,
    /// [`crate::Kind`] as written in filters (raw, stored).
    pub kind: Field,
    /// Link to the result, with the site's base path (stored only).
    pub url: Field,
    /// Language code of the text (raw, stored).
    pub lang: Field,
    /// Category code of an article (raw): a facet.
    pub category: Field,
    /// Service area codes (raw): a facet.
    pub area: Field,
    /// City ids (raw): a facet.
    pub city: Field,
    /// Numbers a document is cited by, as written (a law's `4/2000`; raw): see
    /// [`crate::query::numbers`].
    pub number: Field,
    /// The start of the full text, at most [`EXCERPT_BYTES`] (stored only): the source
    /// of snippets. Storing the whole text would make each hit shown cost the fetch of
    /// all of it.
    pub excerpt: Field,
}

/// Most bytes of a text stored as its excerpt (cut at a word).
pub const EXCERPT_BYTES: usize = 1200;

/// The field names, in schema order.
pub const FIELD_NAMES: [&str; 12] = [
    "title", "summary", "body", "keywords", "kind", "url", "lang", "category", "area", "city",
    "number", "excerpt",
];

/// The schema of the index of `lang`.
pub fn schema(lang: Lang) -> Schema {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(lang.analyzer_name())
        .set_index_option(IndexRecordOption::WithFreqs);
    let text = TextOptions::default().set_indexing_options(indexing);
    let stored_text = text.clone().set_stored();
    let mut builder = Schema::builder();
    builder.add_text_field("title", stored_text.clone());
    builder.add_text_field("summary", stored_text.clone());
    builder.add_text_field("body", text.clone());
    builder.add_text_field("keywords", text);
    builder.add_text_field("kind", STRING | STORED);
    builder.add_text_field("url", STORED);
    builder.add_text_field("lang", STRING | STORED);
    builder.add_text_field("category", STRING);
    builder.add_text_field("area", STRING);
    builder.add_text_field("city", STRING);
    builder.add_text_field("number", STRING);
    builder.add_text_field("excerpt", STORED);
    builder.build()
}

impl Fields {
    /// The fields of `schema`; `None` when one is missing (not a puerta index).
    pub fn of(schema: &Schema) -> Option<Fields> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            title: f("title")?,
            summary: f("summary")?,
            body: f("body")?,
            keywords: f("keywords")?,
            kind: f("kind")?,
            url: f("url")?,
            lang: f("lang")?,
            category: f("category")?,
            area: f("area")?,
            city: f("city")?,
            number: f("number")?,
            excerpt: f("excerpt")?,
        })
    }

    /// The analyzed fields with their boosts: title > keywords > summary > body.
    pub fn weighted(&self) -> [(Field, f32); 4] {
        [
            (self.title, 3.0),
            (self.keywords, 2.5),
            (self.summary, 1.5),
            (self.body, 1.0),
        ]
    }
}
