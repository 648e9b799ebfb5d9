//! Searching: a [`Request`] → [`SearchResults`], the JSON of DESIGN.md §6.
//!
//! Stage: query. Input: a searcher of one language's index and a request (text, kinds,
//! facets, limit). Output: the total number of matches and the best hits, ordered by
//! score then URL, each with a snippet of its text where the matched words are marked
//! with `<mark>` (HTML-escaped otherwise); when nothing matches, suggestions of a
//! corrected query that does match.

use tantivy::collector::{Count, TopDocs};
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument};

use std::sync::Arc;

use crate::query::{self, Word};
use crate::schema::Fields;
use crate::snippet::{highlighter, window};
use crate::{Error, Facet, Kind, Lang, Protected};

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 160;
/// Most hits a request may ask for.
pub const MAX_LIMIT: usize = 1000;

/// What to search for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Request {
    /// The text typed (also read from `q`, as in `?q=`).
    #[serde(alias = "q")]
    pub text: String,
    /// Only these kinds (none: every kind).
    pub kinds: Vec<Kind>,
    /// Only documents with every one of these facet values.
    pub facets: Vec<(Facet, String)>,
    /// Hits to return (1 to [`MAX_LIMIT`]; 0 counts only).
    pub limit: usize,
}

impl Default for Request {
    fn default() -> Request {
        Request {
            text: String::new(),
            kinds: Vec::new(),
            facets: Vec::new(),
            limit: 10,
        }
    }
}

impl Request {
    /// A request for `text`, every kind, the first 10 hits.
    pub fn new(text: impl Into<String>) -> Request {
        Request {
            text: text.into(),
            ..Request::default()
        }
    }
}

/// The answer to a request (DESIGN.md §6).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchResults {
    /// The text searched.
    pub query: String,
    /// Language code of the index.
    pub lang: String,
    /// Documents matching.
    pub total: usize,
    /// The best of them, by score then URL.
    pub hits: Vec<Hit>,
    /// When nothing matches: corrected queries that match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

/// One result.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    /// Link, with the site's base path.
    pub url: String,
    /// Title or name.
    pub title: String,
    /// Kind of document.
    pub kind: String,
    /// Language code of its text.
    pub lang: String,
    /// Relevance (higher is better).
    pub score: f32,
    /// HTML: an escaped excerpt with the matched words in `<mark>`.
    pub snippet: String,
}

/// Runs `request` on the index of `lang` (see [`crate::query`] for the semantics).
pub fn search(
    searcher: &Searcher,
    fields: &Fields,
    lang: Lang,
    request: &Request,
) -> Result<SearchResults, Error> {
    let protected = Arc::new(protected_of(searcher)?);
    search_with(searcher, fields, lang, &protected, request)
}

/// [`search()`] with the protected terms of the index already read.
pub(crate) fn search_with(
    searcher: &Searcher,
    fields: &Fields,
    lang: Lang,
    protected: &Arc<Protected>,
    request: &Request,
) -> Result<SearchResults, Error> {
    let mut analyzer = searcher.index().tokenizer_for_field(fields.title)?;
    let words = query::words(&request.text, &mut analyzer, protected);
    let mut results = SearchResults {
        query: request.text.clone(),
        lang: lang.code().to_string(),
        total: 0,
        hits: Vec::new(),
        suggestions: Vec::new(),
    };
    if words.is_empty() {
        return Ok(results);
    }
    let snippets = Some((lang, protected));
    run(searcher, fields, &words, request, &mut results, snippets)?;
    if results.total == 0 {
        results.suggestions =
            crate::suggest::suggestions(searcher, fields, &words, request, &mut analyzer)?;
    }
    Ok(results)
}

/// Counts and collects the hits of `words` into `results`; their snippets are
/// analyzed with [`crate::snippet::highlighter`] of the language and protected terms
/// given (without them, with the index's analyzer).
pub(crate) fn run(
    searcher: &Searcher,
    fields: &Fields,
    words: &[Word],
    request: &Request,
    results: &mut SearchResults,
    snippets: Option<(Lang, &Arc<Protected>)>,
) -> Result<(), Error> {
    let numbers = query::numbers(&request.text);
    let built = query::build(
        searcher,
        fields,
        words,
        &numbers,
        &request.kinds,
        &request.facets,
    )?;
    let limit = request.limit.min(MAX_LIMIT);
    if limit == 0 {
        results.total = searcher.search(&built.query, &Count)?;
        return Ok(());
    }
    let collector = (TopDocs::with_limit(limit).order_by_score(), Count);
    let (top, total) = searcher.search(&built.query, &collector)?;
    results.total = total;
    let terms: Vec<String> = built.highlight.keys().cloned().collect();
    let analyzer = match snippets {
        Some((lang, protected)) => highlighter(lang, protected, &terms),
        None => searcher.index().tokenizer_for_field(fields.body)?,
    };
    let mut snippets = SnippetGenerator::new(built.highlight, analyzer, fields.body, SNIPPET_CHARS);
    snippets.set_max_num_chars(SNIPPET_CHARS);
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let body = text(fields.excerpt);
        let summary = text(fields.summary);
        results.hits.push(Hit {
            url: text(fields.url),
            title: text(fields.title),
            kind: text(fields.kind),
            lang: text(fields.lang),
            score,
            snippet: snippet(
                &snippets,
                &[window(&body, &terms), window(&summary, &terms)],
            ),
        });
    }
    results
        .hits
        .sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.url.cmp(&b.url)));
    Ok(())
}

/// The first text with a highlighted word, as HTML; else the start of the last non-empty text.
fn snippet(generator: &SnippetGenerator, texts: &[&str]) -> String {
    for text in texts {
        let mut snippet = generator.snippet(text);
        if !snippet.highlighted().is_empty() {
            snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
            return collapse_spaces(&snippet.to_html());
        }
    }
    let text = texts
        .iter()
        .rev()
        .find(|t| !t.trim().is_empty())
        .copied()
        .unwrap_or_default();
    escape(&excerpt(text, SNIPPET_CHARS))
}

/// `text` with every run of white space (line breaks between paragraphs) as one space.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The start of `text`, at most `max` characters, cut at a space, with "…" if cut.
fn excerpt(text: &str, max: usize) -> String {
    let text = collapse_spaces(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The protected terms of the searcher's index, from its `meta.json`.
fn protected_of(searcher: &Searcher) -> Result<Protected, Error> {
    let info = crate::reader::info(searcher.index())?;
    Ok(Protected::from_entries(
        info.protected.iter().map(String::as_str),
    ))
}
