//! Text analysis, the same natively and in the browser: the analyzers `puerta_es`,
//! `puerta_el` and `puerta_en`.
//!
//! Stage: index and query. Input: text of a document or of a query. Output: terms.
//! Each analyzer is: [`SimpleTokenizer`] (splits on what is not a letter or digit) →
//! [`RemoveLongFilter`] → [`LOWER`] → [`ProtectFilter`] (a protected form written
//! with its accents becomes its term) → [`FOLD`] (accents, Greek tonos and
//! dialytika, final sigma) → [`StemFilter`], which turns the other [`Protected`] forms
//! into their terms, unstemmed, and stems every other word with the Snowball stemmer of
//! the language. Folding comes before stemming so that what readers type without accents
//! meets what editors wrote with them; protected forms are looked up before folding too,
//! because accents are all that tells πρόσφυγες "refugees" from προσφυγές "appeals".

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use tantivy::tokenizer::{
    RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
    TokenizerManager,
};

use crate::letters::changes;
pub use crate::letters::{fold, Rewrite, FOLD, LOWER};
use crate::protected::Protected;
use crate::Lang;

/// Tokens longer than this many bytes are dropped (they are not words).
pub(crate) const MAX_TOKEN_BYTES: usize = 40;

/// Token filter that replaces a protected form written with its accents by its term
/// (tokens must be lower-case).
#[derive(Clone)]
pub struct ProtectFilter {
    protected: Arc<Protected>,
}

impl ProtectFilter {
    /// The filter of `protected`.
    pub fn new(protected: Arc<Protected>) -> ProtectFilter {
        ProtectFilter { protected }
    }
}

impl TokenFilter for ProtectFilter {
    type Tokenizer<T: Tokenizer> = ProtectTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ProtectTokenizer<T> {
        ProtectTokenizer {
            inner: tokenizer,
            protected: self.protected,
        }
    }
}

/// The tokenizer [`ProtectFilter`] makes.
#[derive(Clone)]
pub struct ProtectTokenizer<T> {
    inner: T,
    protected: Arc<Protected>,
}

impl<T: Tokenizer> Tokenizer for ProtectTokenizer<T> {
    type TokenStream<'a> = ProtectStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ProtectStream {
            tail: self.inner.token_stream(text),
            protected: &self.protected,
        }
    }
}

/// The token stream of [`ProtectTokenizer`].
pub struct ProtectStream<'a, S> {
    tail: S,
    protected: &'a Protected,
}

impl<S: TokenStream> TokenStream for ProtectStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        // Only a word with marks can differ from its folded form, which the stemming
        // filter looks up.
        if token.text.is_ascii() || !token.text.chars().any(|c| c != 'ς' && changes(c)) {
            return true;
        }
        if let Some(term) = self.protected.term_of_written(&token.text) {
            token.text = term.to_string();
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Token filter that replaces a protected form by its term and stems every other token
/// (tokens must be folded already).
#[derive(Clone)]
pub struct StemFilter {
    lang: Lang,
    protected: Arc<Protected>,
    /// When set, only words starting with one of these are stemmed (snippets stem
    /// only what may match a query term; the others cannot be highlighted anyway).
    heads: Option<Arc<Vec<String>>>,
}

impl StemFilter {
    /// The filter of `lang`, keeping the terms of `protected` unstemmed.
    pub fn new(lang: Lang, protected: Arc<Protected>) -> StemFilter {
        StemFilter {
            lang,
            protected,
            heads: None,
        }
    }

    /// The same filter, stemming only the words that start with one of `heads` and
    /// leaving the others as they are.
    pub fn only_starting_with(mut self, heads: Vec<String>) -> StemFilter {
        self.heads = Some(Arc::new(heads));
        self
    }
}

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = StemTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemTokenizer<T> {
        StemTokenizer {
            inner: tokenizer,
            filter: self,
            stems: Stems::default(),
        }
    }
}

/// The tokenizer [`StemFilter`] makes. It remembers the stem of every word it has
/// seen: a language's vocabulary is tiny next to the words of a site (at 1,000 articles
/// per language, 600,000 words per language but a few thousand distinct ones), and the
/// Snowball stemmers were the largest single cost of indexing.
#[derive(Clone)]
pub struct StemTokenizer<T> {
    inner: T,
    filter: StemFilter,
    stems: Stems,
}

impl<T: Tokenizer> Tokenizer for StemTokenizer<T> {
    type TokenStream<'a> = StemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemStream {
            tail: self.inner.token_stream(text),
            filter: &self.filter,
            stems: &mut self.stems,
        }
    }
}

/// Words → what [`StemFilter`] makes of them (`None`: the word stays as it is).
#[derive(Clone, Default)]
struct Stems {
    stemmer: Option<Arc<frostem::Stemmer>>,
    known: FxHashMap<String, Option<String>>,
}

/// Words remembered at most: past this the memo starts again (a site's vocabulary
/// stays far below; this only bounds memory on adversarial text).
const MAX_STEMS: usize = 200_000;

impl Stems {
    /// Stems `word` (folded, not protected) under the stemmer of `lang` and remembers
    /// the result.
    fn learn(&mut self, lang: Lang, word: &str) -> Option<&str> {
        if self.known.len() >= MAX_STEMS {
            self.known.clear();
        }
        let stemmer = self.stemmer.get_or_insert_with(|| Arc::new(stemmer(lang)));
        let stemmed = match stemmer.stem(word) {
            Cow::Owned(stem) => Some(stem),
            Cow::Borrowed(stem) if stem.len() != word.len() => Some(stem.to_string()),
            Cow::Borrowed(_) => None,
        };
        // A word that the stemmer erases whole (Greek `ικα`, all suffix) stays as it
        // is: an empty term would match every other erased word, and expand as a
        // prefix of everything.
        let stemmed = stemmed.filter(|stem| !stem.is_empty());
        self.known
            .entry(word.to_string())
            .or_insert(stemmed)
            .as_deref()
    }
}

/// The token stream of [`StemTokenizer`].
pub struct StemStream<'a, S> {
    tail: S,
    filter: &'a StemFilter,
    stems: &'a mut Stems,
}

impl<S: TokenStream> TokenStream for StemStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(term) = self.filter.protected.term_of(&token.text) {
            if term != token.text {
                token.text = term.to_string();
            }
            return true;
        }
        if let Some(heads) = &self.filter.heads {
            if !heads.iter().any(|h| token.text.starts_with(h.as_str())) {
                return true;
            }
        }
        let stem = match self.stems.known.get(token.text.as_str()) {
            Some(known) => known.as_deref(),
            None => self.stems.learn(self.filter.lang, &token.text),
        };
        if let Some(stem) = stem {
            token.text.clear();
            token.text.push_str(stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

fn stemmer(lang: Lang) -> frostem::Stemmer {
    frostem::Stemmer::new(match lang {
        Lang::Es => frostem::Algorithm::Spanish,
        Lang::El => frostem::Algorithm::Greek,
        Lang::En => frostem::Algorithm::English,
    })
}

/// The analyzer of `lang` with its protected terms.
pub fn analyzer(lang: Lang, protected: Arc<Protected>) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LOWER)
        .filter(ProtectFilter::new(protected.clone()))
        .filter(FOLD)
        .filter(StemFilter::new(lang, protected))
        .build()
}

/// Registers the analyzer of `lang` under its name ([`Lang::analyzer_name`]).
pub fn register(manager: &TokenizerManager, lang: Lang, protected: Arc<Protected>) {
    manager.register(lang.analyzer_name(), analyzer(lang, protected));
}

/// The terms of `text` under `analyzer`, in order.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lang: Lang, text: &str) -> Vec<String> {
        let protected = Arc::new(Protected::with_defaults(lang, &[]));
        terms(&mut analyzer(lang, protected), text)
    }

    fn unprotected(lang: Lang, text: &str) -> Vec<String> {
        terms(&mut analyzer(lang, Arc::new(Protected::none())), text)
    }

    #[test]
    fn keeps_words_that_the_stemmer_erases() {
        // Found by the `search_query` fuzz target: the Greek stemmer strips `ικα` whole.
        assert_eq!(unprotected(Lang::El, "ικα ΙΚΑ"), ["ικα", "ικα"]);
        for lang in Lang::ALL {
            assert!(unprotected(lang, "ικα α e ο s")
                .iter()
                .all(|t| !t.is_empty()));
        }
    }

    #[test]
    fn folds_greek_tonos_dialytika_and_final_sigma() {
        assert_eq!(fold("Πρόσφυγας"), "προσφυγασ");
        assert_eq!(fold("Αθήνα"), "αθηνα");
        assert_eq!(fold("ΐ ϋ Ϊ"), "ι υ ι");
        assert_eq!(fold("e\u{301}xito"), "exito", "combining accents");
    }

    #[test]
    fn folds_spanish_accents_but_keeps_enye() {
        assert_eq!(fold("Extranjería ÑANDÚ"), "extranjeria ñandu");
    }

    #[test]
    fn folds_before_stemming_so_accents_do_not_matter() {
        assert_eq!(run(Lang::Es, "asilo"), run(Lang::Es, "Asílo"));
        assert_eq!(run(Lang::Es, "integración"), run(Lang::Es, "INTEGRACION"));
        assert_eq!(run(Lang::Es, "extranjería"), ["extranjeri"]);
        assert_eq!(run(Lang::El, "Αθήνα"), run(Lang::El, "ΑΘΗΝΑ"));
        assert_eq!(run(Lang::El, "Αθήνα"), run(Lang::El, "αθηνα"));
        assert_eq!(run(Lang::El, "μετανάστες"), run(Lang::El, "μεταναστες"));
    }

    #[test]
    fn final_sigma_and_medial_sigma_are_one_letter() {
        // Typed in capitals or with σ at the end, a word is the same word.
        assert_eq!(run(Lang::El, "νόμος"), run(Lang::El, "ΝΟΜΟΣ"));
        assert_eq!(run(Lang::El, "διεθνής"), run(Lang::El, "διεθνησ"));
        assert_eq!(run(Lang::El, "Αθήνας"), run(Lang::El, "αθηνασ"));
    }

    #[test]
    fn refugee_and_appeal_stay_apart_in_greek() {
        // Without protection, the stemmer merges them.
        assert_eq!(
            unprotected(Lang::El, "πρόσφυγας"),
            unprotected(Lang::El, "προσφυγή")
        );
        let refugee = run(Lang::El, "πρόσφυγας");
        let appeal = run(Lang::El, "προσφυγή");
        assert_ne!(refugee, appeal);
        assert_eq!(refugee, ["προσφυγασ"]);
        assert_eq!(appeal, ["προσφυγη"]);
        // Every form of a term is that term, with or without accents, in capitals.
        for form in ["πρόσφυγες", "ΠΡΟΣΦΥΓΑ", "προσφυγας", "προσφύγων"]
        {
            assert_eq!(run(Lang::El, form), refugee, "{form}");
        }
        for form in ["προσφυγές", "ΠΡΟΣΦΥΓΗΣ", "προσφυγη"] {
            assert_eq!(run(Lang::El, form), appeal, "{form}");
        }
    }

    #[test]
    fn protected_terms_of_each_language_stay_unstemmed() {
        assert_ne!(run(Lang::Es, "refugiados"), run(Lang::Es, "refugio"));
        assert_eq!(run(Lang::Es, "refugiadas"), ["refugiado"]);
        assert_eq!(run(Lang::Es, "ciudad"), run(Lang::Es, "ciudades"));
        assert_ne!(run(Lang::Es, "nacionalidad"), run(Lang::Es, "nacional"));
        assert_ne!(run(Lang::En, "nationality"), run(Lang::En, "national"));
        assert_ne!(run(Lang::El, "άσυλο"), run(Lang::El, "ασυλία"));
        assert_ne!(run(Lang::El, "νόμος"), run(Lang::El, "νομή"));
    }

    #[test]
    fn site_terms_come_first_and_extend_the_defaults() {
        let extra = vec!["Arraigo arraigos".to_string()];
        let protected = Arc::new(Protected::with_defaults(Lang::Es, &extra));
        let mut a = analyzer(Lang::Es, protected);
        assert_eq!(terms(&mut a, "ARRAIGOS"), ["arraigo"]);
        assert_eq!(terms(&mut a, "refugiados"), ["refugiado"], "defaults kept");
    }

    #[test]
    fn checks_entries() {
        assert!(Protected::check_entry("πρόσφυγας πρόσφυγα").is_ok());
        assert!(Protected::check_entry("  ").is_err());
        assert!(Protected::check_entry("co-delivery").is_err());
    }

    #[test]
    fn splits_words_and_drops_long_tokens() {
        let long = "a".repeat(60);
        assert_eq!(
            run(Lang::En, &format!("RD 1155/2024 {long} work-permits")),
            ["rd", "1155", "2024", "work", "permit"]
        );
    }
}
