//! Judged queries: the relevance of search on the example site of this repository.
//!
//! `tests/search/<lang>.tsv` lists, per language, queries as readers type them (accents
//! missing, Greek without tonos or in capitals, final sigma, one-letter typos, city
//! names in another script, legal terms, prefixes while typing) with the result that
//! should come first. The test builds the example site, runs every query on the built
//! index of its language, prints each query's rank and the mean reciprocal rank (MRR)
//! per language, and requires every expected result in the top 3 and an MRR of at least
//! 0.8 per language.

#[path = "../common/mod.rs"]
mod common;

use std::path::Path;

use puerta_search::{Request, SearchIndex};

/// Results looked at for the reciprocal rank.
const DEPTH: usize = 10;
/// Rank every expected result must reach.
const TOP: usize = 3;
/// Lowest acceptable mean reciprocal rank per language.
const MRR_FLOOR: f64 = 0.8;

/// One judged query.
struct Judged {
    line: usize,
    query: String,
    expected: String,
    what: String,
}

fn judged(lang: &str) -> Vec<Judged> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/search")
        .join(format!("{lang}.tsv"));
    let text = std::fs::read_to_string(&file).expect("the judged queries are readable");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert!(
                fields.len() == 3,
                "{}:{}: expected 3 tab-separated fields",
                file.display(),
                i + 1
            );
            Judged {
                line: i + 1,
                query: fields[0].to_string(),
                expected: fields[1].to_string(),
                what: fields[2].to_string(),
            }
        })
        .collect()
}

/// The 1-based rank of `expected` among the first results of `query`.
fn rank(index: &SearchIndex, query: &str, expected: &str) -> (Option<usize>, Vec<String>) {
    let request = Request {
        limit: DEPTH,
        ..Request::new(query)
    };
    let results = index.search(&request).expect("the search runs");
    let urls: Vec<String> = results.hits.into_iter().map(|h| h.url).collect();
    (urls.iter().position(|u| u == expected).map(|p| p + 1), urls)
}

#[test]
fn judged_queries_rank_the_expected_result_first() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    puerta::build(&common::options(root, &out), &|_, _| {}).expect("the example site builds");
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for lang in ["es", "el", "en"] {
        let index = puerta::index::open(&out, lang).expect("the index opens");
        let queries = judged(lang);
        assert!(queries.len() >= 30, "{lang}: at least 30 judged queries");
        let mut sum = 0.0;
        for q in &queries {
            let (rank, urls) = rank(&index, &q.query, &q.expected);
            sum += rank.map_or(0.0, |r| 1.0 / r as f64);
            let shown = rank.map_or("-".to_string(), |r| r.to_string());
            println!("{lang} {shown:>2}  {:<40} {}", q.query, q.what);
            if rank.is_none_or(|r| r > TOP) {
                failures.push(format!(
                    "tests/search/{lang}.tsv:{}: `{}` ({}) ranks {shown}, expected {} in the top {TOP}; got {urls:?}",
                    q.line, q.query, q.what, q.expected
                ));
            }
        }
        let mrr = sum / queries.len() as f64;
        summary.push((lang, queries.len(), mrr));
    }
    println!();
    for (lang, n, mrr) in &summary {
        println!("mean reciprocal rank, {lang}: {mrr:.3} over {n} queries");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for (lang, _, mrr) in summary {
        assert!(mrr >= MRR_FLOOR, "{lang}: MRR {mrr:.3} below {MRR_FLOOR}");
    }
}
