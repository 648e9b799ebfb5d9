//! Query semantics on small indexes built in memory: every word must match, the last
//! one also as a prefix, typos tolerated by length and ranked below exact matches,
//! filters, snippets, suggestions, the protected Greek pair, and the round trip of the
//! files through the format-version check.

use puerta_search::{build, Error, Facet, Kind, Lang, Protected, Record, Request, SearchIndex};

fn record(kind: Kind, url: &str, title: &str, body: &str) -> Record {
    Record {
        kind,
        url: url.into(),
        lang: "es".into(),
        title: title.into(),
        body: body.into(),
        ..Record::default()
    }
}

fn index(lang: Lang, records: Vec<Record>) -> SearchIndex {
    let files = build(lang, &Protected::with_defaults(lang, &[]), records).expect("index builds");
    SearchIndex::from_files(files.into_iter().map(|f| (f.name, f.bytes))).expect("index opens")
}

fn urls(index: &SearchIndex, text: &str) -> Vec<String> {
    let results = index.search(&Request::new(text)).expect("search runs");
    results.hits.into_iter().map(|h| h.url).collect()
}

fn spanish() -> SearchIndex {
    index(
        Lang::Es,
        vec![
            record(
                Kind::Article,
                "/es/blog/asilo/",
                "Asilo en España",
                "La protección internacional y el derecho de asilo.",
            ),
            record(
                Kind::Article,
                "/es/blog/arraigo/",
                "Arraigo sociolaboral",
                "El arraigo da una autorización de residencia y trabajo.",
            ),
            record(
                Kind::Service,
                "/es/services/soie/",
                "SOIE Puerta Única",
                "Orientación para personas extranjeras en Madrid: asilo, arraigo, empleo.",
            ),
            record(
                Kind::City,
                "/es/cities/madrid/",
                "Madrid",
                "Ciudad de la red.",
            ),
            record(
                Kind::Article,
                "/es/blog/integracion/",
                "Integración de personas migrantes",
                "Itinerarios de integración sociolaboral.",
            ),
            record(
                Kind::Article,
                "/es/blog/permisos/",
                "Permisos de trabajo",
                "Cómo pedir un permiso de trabajo.",
            ),
            record(
                Kind::Article,
                "/es/blog/permiso-unico/",
                "Permiso",
                "Un permiso.",
            ),
            record(
                Kind::Article,
                "/es/blog/residencia/",
                "Residencia",
                "Tarjeta de residencia de larga duración.",
            ),
        ],
    )
}

#[test]
fn every_word_must_match() {
    let index = spanish();
    assert_eq!(urls(&index, "arraigo madrid "), ["/es/services/soie/"]);
    assert_eq!(
        urls(&index, "asilo arraigo empleo "),
        ["/es/services/soie/"]
    );
    assert!(urls(&index, "asilo valladolid ").is_empty());
}

#[test]
fn accents_and_case_do_not_matter() {
    let index = spanish();
    assert_eq!(urls(&index, "ASÍLO espana")[0], "/es/blog/asilo/");
    assert_eq!(urls(&index, "integracion")[0], "/es/blog/integracion/");
}

#[test]
fn last_word_matches_as_a_prefix_while_typing() {
    let index = spanish();
    // "soci" is not a word of the index; "sociolaboral" starts with it (and a word of
    // 4 letters has no typo tolerance to blur the test).
    assert_eq!(urls(&index, "arraigo soci"), ["/es/blog/arraigo/"]);
    assert!(
        urls(&index, "arraigo soci ").is_empty(),
        "a space ends the word"
    );
    assert!(
        urls(&index, "soci arraigo").is_empty(),
        "only the last word"
    );
    // A partial word longer than the stem it is on its way to: "integrac" → integr.
    assert_eq!(urls(&index, "integrac")[0], "/es/blog/integracion/");
    assert_eq!(urls(&index, "Ma")[0], "/es/cities/madrid/");
}

#[test]
fn typos_are_tolerated_by_word_length() {
    let index = spanish();
    // 5 to 8 letters: one edit (a transposition counts as one).
    assert_eq!(urls(&index, "arriago ")[0], "/es/blog/arraigo/");
    assert_eq!(urls(&index, "madird ")[0], "/es/cities/madrid/");
    assert!(urls(&index, "mdird ").is_empty(), "two edits at 5 letters");
    // Below 5 letters: none.
    assert!(urls(&index, "asli ").is_empty());
    // From 9 letters: two edits.
    assert_eq!(urls(&index, "resdiencai ")[0], "/es/blog/residencia/");
    assert!(urls(&index, "rsdiencai ").is_empty(), "three edits");
}

#[test]
fn a_typo_on_the_first_letter_is_not_tolerated() {
    // Typo searches read only the terms that share the word's first letter, so that a
    // query reads a few blocks of a term dictionary: "nadrid" is one edit from
    // "madrid", and finds nothing; the same edit further in is forgiven.
    let index = spanish();
    assert!(urls(&index, "nadrid ").is_empty(), "first letter wrong");
    assert_eq!(urls(&index, "madrod ")[0], "/es/cities/madrid/");
    let words = [puerta_search::query::Word {
        folded: "nadrid".into(),
        term: "nadr".into(),
        prefix: true,
        protected: false,
    }];
    let lookups = puerta_search::query::lookups(&words[0]);
    assert!(!lookups.typos.is_empty());
    for typo in &lookups.typos {
        assert_eq!(typo.range.from, b"n");
        assert_eq!(typo.range.to.as_deref(), Some(&b"o"[..]));
    }
    let prefix = lookups.prefix.expect("the last word is a prefix");
    assert_eq!(prefix.from, b"nadrid");
    assert_eq!(prefix.to.as_deref(), Some(&b"nadrie"[..]));
}

#[test]
fn exact_matches_rank_above_typo_matches() {
    // "boarder" is one edit from "border": the typo match has the word in its title and
    // three times in its body, the exact match once in its body. A word the index has
    // as written is not looked up with typos at all: only the exact match comes.
    let index = index(
        Lang::En,
        vec![
            record(
                Kind::Article,
                "/en/a/",
                "Boarder",
                "A boarder, a boarder and a boarder.",
            ),
            record(
                Kind::Article,
                "/en/b/",
                "Crossing",
                "People cross the border on foot.",
            ),
        ],
    );
    let hits = index.search(&Request::new("border ")).unwrap().hits;
    let got: Vec<&str> = hits.iter().map(|h| h.url.as_str()).collect();
    assert_eq!(got, ["/en/b/"], "the exact match only");
    assert!(hits[0].score >= puerta_search::query::EXACT);
    // A word the index does not have finds its neighbours, below the exact class.
    let hits = index.search(&Request::new("bordre ")).unwrap().hits;
    let got: Vec<&str> = hits.iter().map(|h| h.url.as_str()).collect();
    assert_eq!(got, ["/en/b/"], "one edit from border, two from boarder");
    assert!(hits[0].score < puerta_search::query::PREFIX);
}

#[test]
fn a_word_found_as_written_ranks_first_among_many_typo_neighbours() {
    // The 10,000-article corpus put three titles with words one or two edits from
    // "lightning" above the one article that has the word itself, once, in its body.
    let mut records: Vec<Record> = ["lighting", "lightening", "frightening"]
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let body = format!("The {word} of the {word} and more {word}.");
            record(Kind::Article, &format!("/en/{i}/"), word, &body)
        })
        .collect();
    records.push(record(
        Kind::Article,
        "/en/storm/",
        "A storm in the valley",
        "Thunder came first, then lightning over the hills.",
    ));
    let index = index(Lang::En, records);
    for text in ["lightning", "lightning "] {
        let hits = index.search(&Request::new(text)).unwrap().hits;
        assert_eq!(hits[0].url, "/en/storm/", "{text:?}: {hits:?}");
        assert!(hits[0].score >= puerta_search::query::EXACT);
        assert!(
            hits[1..]
                .iter()
                .all(|h| h.score < puerta_search::query::EXACT),
            "{text:?}: {hits:?}"
        );
    }
}

#[test]
fn a_law_cited_by_the_number_written_ranks_above_laws_that_mention_it() {
    // The example site put Organic Law 8/2000 "reforming Organic Law 4/2000" (every
    // word twice in its title) above Organic Law 4/2000 for "organic law 4/2000".
    let law = |url: &str, title: &str, number: &str| Record {
        kind: Kind::Law,
        url: url.into(),
        lang: "en".into(),
        title: title.into(),
        keywords: vec![number.into(), format!("LO {number}")],
        numbers: vec![number.into()],
        ..Record::default()
    };
    let index = index(
        Lang::En,
        vec![
            law(
                "/en/laws/es-lo-8-2000/",
                "Organic Law 8/2000 of 22 December reforming Organic Law 4/2000",
                "8/2000",
            ),
            law(
                "/en/laws/es-lo-4-2000/",
                "Organic Law 4/2000 of 11 January on the rights and freedoms of foreign \
                 nationals in Spain and their social integration",
                "4/2000",
            ),
        ],
    );
    for text in ["organic law 4/2000", "organic law 4/2000 ", "LO 4/2000"] {
        let hits = index.search(&Request::new(text)).unwrap().hits;
        let got: Vec<&str> = hits.iter().map(|h| h.url.as_str()).collect();
        assert_eq!(
            got,
            ["/en/laws/es-lo-4-2000/", "/en/laws/es-lo-8-2000/"],
            "{text:?}"
        );
    }
    assert_eq!(
        urls(&index, "organic law 8/2000")[0],
        "/en/laws/es-lo-8-2000/"
    );
    assert_eq!(
        puerta_search::query::numbers("ν. 4939/2022, 4/2000 and 4/2000 / x/1"),
        ["4939/2022", "4/2000"]
    );
}

#[test]
fn title_ranks_above_summary_and_body() {
    let mut in_summary = record(Kind::Article, "/es/a/", "Otro tema", "Nada.");
    in_summary.summary = "Sobre el asilo.".into();
    let in_body = record(Kind::Article, "/es/b/", "Tercer tema", "Sobre el asilo.");
    let in_title = record(Kind::Article, "/es/c/", "Asilo", "Nada.");
    let index = index(Lang::Es, vec![in_body, in_summary, in_title]);
    assert_eq!(urls(&index, "asilo "), ["/es/c/", "/es/a/", "/es/b/"]);
}

#[test]
fn filters_by_kind_and_facet() {
    let mut a = record(Kind::Service, "/es/services/a/", "Asesoría", "Asilo.");
    a.areas = vec!["legal".into()];
    a.cities = vec!["madrid".into()];
    let mut b = record(Kind::Service, "/es/services/b/", "Atención", "Asilo.");
    b.areas = vec!["psychosocial".into()];
    b.cities = vec!["madrid".into()];
    let c = record(Kind::Article, "/es/blog/c/", "Artículo", "Asilo.");
    let index = index(Lang::Es, vec![a, b, c]);
    let search = |kinds: Vec<Kind>, facets: Vec<(Facet, &str)>| {
        let request = Request {
            text: "asilo".into(),
            kinds,
            facets: facets
                .into_iter()
                .map(|(f, v)| (f, v.to_string()))
                .collect(),
            limit: 10,
        };
        let results = index.search(&request).unwrap();
        results.hits.into_iter().map(|h| h.url).collect::<Vec<_>>()
    };
    assert_eq!(search(vec![], vec![]).len(), 3);
    assert_eq!(search(vec![Kind::Article], vec![]), ["/es/blog/c/"]);
    assert_eq!(search(vec![Kind::Service], vec![]).len(), 2);
    assert_eq!(
        search(vec![Kind::Service], vec![(Facet::Area, "legal")]),
        ["/es/services/a/"]
    );
    assert_eq!(search(vec![], vec![(Facet::City, "madrid")]).len(), 2);
    assert!(search(vec![Kind::City], vec![]).is_empty());
}

#[test]
fn equal_scores_rank_by_url_and_total_counts_all() {
    let records = (0..30)
        .rev()
        .map(|i| record(Kind::Page, &format!("/es/p{i:02}/"), "Asilo", "Asilo."))
        .collect();
    let index = index(Lang::Es, records);
    let request = Request {
        limit: 5,
        ..Request::new("asilo")
    };
    let results = index.search(&request).unwrap();
    assert_eq!(results.total, 30);
    let got: Vec<_> = results.hits.iter().map(|h| h.url.as_str()).collect();
    assert_eq!(
        got,
        ["/es/p00/", "/es/p01/", "/es/p02/", "/es/p03/", "/es/p04/"]
    );
}

#[test]
fn snippets_mark_matched_words_and_escape_the_rest() {
    let index = index(
        Lang::Es,
        vec![record(
            Kind::Article,
            "/es/a/",
            "Asilo",
            "Requisitos <b>del</b> derecho de asilo & refugio en España.",
        )],
    );
    let hit = &index.search(&Request::new("asilo")).unwrap().hits[0];
    assert!(
        hit.snippet.contains("<mark>asilo</mark>"),
        "{}",
        hit.snippet
    );
    assert!(hit.snippet.contains("&lt;b&gt;"), "{}", hit.snippet);
    assert!(!hit.snippet.contains("<b>"));
    let json = serde_json::to_value(index.search(&Request::new("asilo")).unwrap()).unwrap();
    for key in ["query", "lang", "total", "hits"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert!(
        json.get("suggestions").is_none(),
        "only when nothing matches"
    );
    for key in ["url", "title", "kind", "lang", "score", "snippet"] {
        assert!(json["hits"][0].get(key).is_some(), "{key}");
    }
}

#[test]
fn no_results_come_with_a_suggestion() {
    let index = spanish();
    let results = index.search(&Request::new("asli madrid")).unwrap();
    assert_eq!(results.total, 0);
    assert_eq!(results.suggestions, ["asilo madrid"]);
    let results = index.search(&Request::new("arraigo tokio")).unwrap();
    assert_eq!(results.suggestions, ["arraigo"]);
    let results = index.search(&Request::new("zzzz")).unwrap();
    assert!(results.suggestions.is_empty());
    assert!(index
        .search(&Request::new("  ¿? "))
        .unwrap()
        .hits
        .is_empty());
}

#[test]
fn refugee_and_appeal_never_find_each_other() {
    let index = index(
        Lang::El,
        vec![
            record(
                Kind::Article,
                "/el/a/",
                "Οι πρόσφυγες στην Αθήνα",
                "Ο πρόσφυγας έχει δικαιώματα.",
            ),
            record(
                Kind::Article,
                "/el/b/",
                "Η προσφυγή στο δικαστήριο",
                "Μια προσφυγή κατά της απόφασης.",
            ),
        ],
    );
    for q in ["πρόσφυγας", "ΠΡΟΣΦΥΓΕΣ", "προσφυγας ", "πρόσφυγες "]
    {
        assert_eq!(urls(&index, q), ["/el/a/"], "{q}");
    }
    for q in ["προσφυγή", "ΠΡΟΣΦΥΓΗ", "προσφυγη ", "προσφυγές "] {
        assert_eq!(urls(&index, q), ["/el/b/"], "{q}");
    }
    assert_eq!(urls(&index, "αθηνα")[0], "/el/a/");
}

#[test]
fn a_typo_is_not_measured_against_a_stem_of_three_letters() {
    // "έκλισε" (for "έκλεισε", closed) stems to "εκλ": one edit from it is "εκ"
    // ("from"), which nearly every Greek text has. The stem is too short to forgive a
    // typo; the folded word cut to 4 letters ("εκλι") still finds "εκλει".
    let index = index(
        Lang::El,
        vec![
            record(
                Kind::Article,
                "/el/closed/",
                "Το γραφείο",
                "Το γραφείο έκλεισε νωρίς.",
            ),
            record(
                Kind::Article,
                "/el/from/",
                "Νέα",
                "Ήρθε εκ νέου από την Αθήνα.",
            ),
        ],
    );
    assert_eq!(urls(&index, "έκλισε "), ["/el/closed/"]);
    let words = [puerta_search::query::Word {
        folded: "εκλισε".into(),
        term: "εκλ".into(),
        prefix: false,
        protected: false,
    }];
    let targets: Vec<String> = puerta_search::query::lookups(&words[0])
        .typos
        .into_iter()
        .map(|t| t.target)
        .collect();
    assert_eq!(targets, ["εκλι", "εκλισ", "εκλισε"]);
}

#[test]
fn refuses_an_index_of_another_format_version() {
    let files = build(
        Lang::En,
        &Protected::none(),
        vec![record(Kind::Page, "/en/", "Home", "")],
    )
    .unwrap();
    let edited = files.into_iter().map(|f| {
        if f.name == "meta.json" {
            let text = String::from_utf8(f.bytes).unwrap();
            let format = format!(
                "puerta_index_format\\\":{}",
                puerta_search::INDEX_FORMAT_VERSION
            );
            assert!(text.contains(&format), "{text}");
            (
                f.name,
                text.replace(&format, "puerta_index_format\\\":999")
                    .into_bytes(),
            )
        } else {
            (f.name, f.bytes)
        }
    });
    match SearchIndex::from_files(edited) {
        Err(e @ Error::FormatVersion { found: 999, .. }) => {
            assert!(e.to_string().contains("rebuild"), "{e}")
        }
        other => panic!("expected a format error, got {other:?}"),
    }
    assert!(matches!(
        SearchIndex::from_files(Vec::<(String, Vec<u8>)>::new()),
        Err(Error::NotAnIndex(_))
    ));
}

#[test]
fn same_records_give_the_same_bytes() {
    let records = || {
        vec![
            record(Kind::Page, "/en/a/", "Asylum", "Text"),
            record(Kind::Page, "/en/b/", "Work", "Text"),
        ]
    };
    let a = build(Lang::En, &Protected::none(), records()).unwrap();
    let b = build(Lang::En, &Protected::none(), records()).unwrap();
    let names = |files: &[puerta_search::IndexFile]| {
        files.iter().map(|f| f.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));
    assert!(a == b, "same bytes");
}
