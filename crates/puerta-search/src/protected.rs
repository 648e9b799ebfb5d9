//! Protected terms: legal terms that stemming would merge with another word, kept apart
//! by indexing them unstemmed.
//!
//! Stage: index and query (part of the analyzers). Input: lists of terms, one per line or
//! entry, each written as its forms separated by spaces, the first form naming the term:
//! `πρόσφυγας πρόσφυγα πρόσφυγες προσφύγων`. Output: a map from every folded form to its
//! term (the folded first form), which the analyzer puts in the index instead of a stem.
//!
//! The defaults live in `data/protected/<lang>.txt` (documented there, `#` starts a
//! comment); a site adds its own in `puerta.yaml` (`search: {protected: {el: […]}}`).
//! Accents tell some forms apart (πρόσφυγες "refugees", προσφυγές "appeals"): a word
//! written with them is looked up as written first, then folded; forms that fold to the
//! same text belong to the term listed first. The site's own terms come before the
//! defaults.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::analysis::fold;
use crate::Lang;

/// The default protected terms of Spanish (see the file for why each is there).
pub const DEFAULT_ES: &str = include_str!("../data/protected/es.txt");
/// The default protected terms of Greek.
pub const DEFAULT_EL: &str = include_str!("../data/protected/el.txt");
/// The default protected terms of English.
pub const DEFAULT_EN: &str = include_str!("../data/protected/en.txt");

/// The protected terms of one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Protected {
    /// The terms as written, in order of precedence; what an index records.
    entries: Vec<String>,
    /// Lower-case form with its accents (final sigma as σ) → its term.
    exact: FxHashMap<String, String>,
    /// Folded form → its term; a term is always its own.
    folded: FxHashMap<String, String>,
}

impl Protected {
    /// No protected term.
    pub fn none() -> Protected {
        Protected::default()
    }

    /// The defaults of `lang`, after the site's own `extra` entries.
    pub fn with_defaults(lang: Lang, extra: &[String]) -> Protected {
        let mut entries: Vec<&str> = extra.iter().map(String::as_str).collect();
        for entry in default_entries(lang) {
            entries.push(entry);
        }
        Protected::from_entries(entries)
    }

    /// Terms from entries (forms separated by spaces); blank entries are skipped. A
    /// form taken by an earlier entry stays with it, except that a term (a folded first
    /// form) is always its own: an entry whose term an earlier one already has is
    /// skipped.
    pub fn from_entries<'a>(entries: impl IntoIterator<Item = &'a str>) -> Protected {
        let mut protected = Protected::default();
        let mut groups: Vec<Vec<&str>> = Vec::new();
        for entry in entries {
            let forms: Vec<&str> = entry.split_whitespace().collect();
            let Some(first) = forms.first() else { continue };
            let term = fold(first);
            if protected.folded.get(&term) == Some(&term) {
                continue;
            }
            protected.folded.insert(term.clone(), term);
            protected.entries.push(forms.join(" "));
            groups.push(forms);
        }
        for forms in groups {
            let term = fold(forms[0]);
            for form in forms {
                protected
                    .exact
                    .entry(exact_key(form))
                    .or_insert_with(|| term.clone());
                protected
                    .folded
                    .entry(fold(form))
                    .or_insert_with(|| term.clone());
            }
        }
        protected
    }

    /// The term of a lower-case word as written (accents kept), if it is a protected
    /// form: accents tell πρόσφυγες "refugees" from προσφυγές "appeals".
    pub fn term_of_written(&self, lower: &str) -> Option<&str> {
        let key = if lower.contains('ς') {
            Cow::Owned(lower.replace('ς', "σ"))
        } else {
            Cow::Borrowed(lower)
        };
        self.exact.get(key.as_ref()).map(String::as_str)
    }

    /// The term of a folded word, if the word is a protected form (a form that folds
    /// like forms of two terms belongs to the earlier one).
    pub fn term_of(&self, folded: &str) -> Option<&str> {
        self.folded.get(folded).map(String::as_str)
    }

    /// Whether `term` (an indexed term) is a protected term.
    pub fn is_term(&self, term: &str) -> bool {
        self.folded.get(term).is_some_and(|t| t == term)
    }

    /// The entries, as written (normalized spaces), in order of precedence.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Whether `entry` is a well-formed entry: forms made of letters and digits only
    /// (what the tokenizer keeps as one word), at least one.
    pub fn check_entry(entry: &str) -> Result<(), String> {
        let mut forms = entry.split_whitespace().peekable();
        if forms.peek().is_none() {
            return Err("an empty entry".into());
        }
        for form in forms {
            if let Some(c) = form.chars().find(|c| !c.is_alphanumeric()) {
                return Err(format!("`{form}` contains `{c}`, which splits words"));
            }
        }
        Ok(())
    }
}

/// The default entries of `lang`, comments and blank lines left out.
pub fn default_entries(lang: Lang) -> impl Iterator<Item = &'static str> {
    let text = match lang {
        Lang::Es => DEFAULT_ES,
        Lang::El => DEFAULT_EL,
        Lang::En => DEFAULT_EN,
    };
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// A lower-case form with its accents, final sigma written σ (capitals lower-case to σ).
fn exact_key(form: &str) -> String {
    form.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect()
}
