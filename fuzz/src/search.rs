//! Target `search_query`: a query (typed text with filters, or the JSON request the
//! browser runtime receives) → words → tantivy query → results
//! ([`puerta_search::SearchIndex::search`]) on the index of one language, built once in
//! memory from the example site's articles; and the analyzers with a protected-term
//! entry taken from the input, as a site's `search.protected` gives them.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use puerta::content::{self, Section};
use puerta_search::analysis::{analyzer, terms};
use puerta_search::query::{words, MAX_WORDS};
use puerta_search::{build, fold, Facet, Kind, Lang, Protected, Record, Request, SearchIndex};

use super::{repository_root, Outcome};

/// The indexes of es, el and en, in [`Lang::ALL`] order.
fn indexes() -> &'static [SearchIndex] {
    static INDEXES: OnceLock<Vec<SearchIndex>> = OnceLock::new();
    INDEXES.get_or_init(|| Lang::ALL.into_iter().map(index_of).collect())
}

/// The index of `lang`: the example site's articles written in it.
fn index_of(lang: Lang) -> SearchIndex {
    let dir = repository_root().join("content/blog");
    let mut records = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("content/blog exists")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let Some(key) = name.strip_suffix(&format!(".{}.md", lang.code())) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("a readable article");
        let mut soft = Vec::new();
        let doc = content::parse(
            super::example_config(),
            Section::Blog,
            key.to_string(),
            lang.code().to_string(),
            path.clone(),
            &text,
            &mut soft,
        )
        .expect("the example articles load");
        records.push(Record {
            kind: Kind::Article,
            url: format!("/{lang}/blog/{key}/"),
            lang: lang.code().to_string(),
            title: doc.title,
            summary: doc.summary.unwrap_or_default(),
            body: doc.body,
            categories: doc.category.into_iter().map(|(c, _)| c).collect(),
            cities: vec!["madrid".into()],
            ..Record::default()
        });
    }
    records.push(Record {
        kind: Kind::City,
        url: format!("/{lang}/cities/athens/"),
        lang: lang.code().to_string(),
        title: "Αθήνα Athens Atenas".into(),
        cities: vec!["athens".into()],
        ..Record::default()
    });
    let files = build(lang, &Protected::with_defaults(lang, &[]), records).expect("index builds");
    SearchIndex::from_files(files.into_iter().map(|f| (f.name, f.bytes))).expect("index opens")
}

/// Searches with `data`: the first byte chooses the language and whether the rest is a
/// JSON request (as the browser runtime receives) or typed text, the second the kinds
/// (a bit each), the third the limit and a city facet. Invariants: at most `limit`
/// hits, never more than the total, of the kinds asked for, ordered by finite scores;
/// snippets are escaped text with `<mark>` only; at most [`MAX_WORDS`] words; every
/// form of a well-formed protected entry analyzes to its term.
pub fn search_query(data: &[u8]) -> Outcome {
    let [mode, kinds, limit, rest @ ..] = data else {
        return Outcome::Output { diagnostics: 0 };
    };
    let lang = Lang::ALL[usize::from(*mode) % 3];
    let index = &indexes()[usize::from(*mode) % 3];
    let text = String::from_utf8_lossy(rest).into_owned();
    let request = if mode / 3 % 2 == 1 {
        match serde_json::from_str::<Request>(&text) {
            Ok(request) if request.limit <= puerta_search::search::MAX_LIMIT => request,
            _ => return Outcome::Refused { diagnostics: 1 },
        }
    } else {
        Request {
            text: text.clone(),
            kinds: (0..8)
                .filter(|i| kinds >> i & 1 == 1)
                .map(|i| Kind::ALL[i])
                .collect(),
            facets: if *limit >= 128 {
                vec![(Facet::City, "madrid".to_string())]
            } else {
                Vec::new()
            },
            limit: usize::from(*limit % 21),
        }
    };
    let results = index
        .search(&request)
        .expect("a search of a sound index runs");
    assert_eq!(results.query, request.text);
    assert_eq!(results.lang, lang.code());
    assert!(results.hits.len() <= request.limit.min(results.total));
    for hit in &results.hits {
        assert!(hit.score.is_finite(), "{hit:?}");
        assert!(
            request.kinds.is_empty() || request.kinds.iter().any(|k| k.as_str() == hit.kind),
            "{hit:?} is not of the kinds {:?}",
            request.kinds
        );
        let plain = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(
            !plain.contains(['<', '>']),
            "unescaped snippet {:?}",
            hit.snippet
        );
    }
    assert!(
        results.hits.windows(2).all(|w| w[0].score >= w[1].score),
        "unordered hits {:?}",
        results.hits
    );

    let protected = Arc::new(index.protected().clone());
    let mut analyzer = analyzer(lang, protected.clone());
    let found = words(&request.text, &mut analyzer, &protected);
    assert!(found.len() <= MAX_WORDS);
    assert!(found.iter().filter(|w| w.prefix).count() <= 1);
    for word in &found {
        assert!(!word.term.is_empty() && !word.folded.is_empty(), "{word:?}");
        assert_eq!(
            word.folded,
            fold(&word.folded),
            "folding twice changes {word:?}"
        );
    }
    protected_entry(lang, &request.text);
    Outcome::Output {
        diagnostics: results.suggestions.len(),
    }
}

/// When `entry` is a well-formed protected entry, each of its forms short enough to be a
/// word analyzes to the entry's term (its folded first form).
fn protected_entry(lang: Lang, entry: &str) {
    if Protected::check_entry(entry).is_err() {
        return;
    }
    let protected = Protected::from_entries([entry]);
    let forms: Vec<&str> = entry.split_whitespace().collect();
    let term = fold(forms[0]);
    let mut analyzer = analyzer(lang, Arc::new(protected));
    for form in forms.into_iter().filter(|f| f.len() < 40) {
        assert_eq!(
            terms(&mut analyzer, form),
            std::slice::from_ref(&term),
            "the protected form {form:?} of {entry:?}"
        );
    }
}
