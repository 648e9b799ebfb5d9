//! Localized texts: a plain string (the same in every language, e.g. a proper name) or
//! a map `{es: …, el: …, en: …}`. Lookup follows the site's fallback chain and tells
//! which language the text is really in, so templates can mark it with `lang`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::config::Config;
use crate::diag::{Diagnostic, Problem};
use crate::yaml::Source;

/// A text as written in YAML.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Localized {
    /// The same text in every language.
    Plain(String),
    /// One text per language code.
    Map(BTreeMap<String, String>),
}

/// A text resolved for one language: the text and the language it is written in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InLang<'a> {
    /// The text.
    pub text: &'a str,
    /// The language of the text; `None` for a plain string (language-neutral).
    pub lang: Option<&'a str>,
}

impl Localized {
    /// The text for `lang`, following the fallback chain of `config`.
    pub fn get<'a>(&'a self, lang: &str, config: &'a Config) -> Option<InLang<'a>> {
        match self {
            Localized::Plain(text) => Some(InLang { text, lang: None }),
            Localized::Map(map) => config.chain(lang).find_map(|l| {
                map.get_key_value(l).map(|(l, text)| InLang {
                    text,
                    lang: Some(l.as_str()),
                })
            }),
        }
    }

    /// The text for `lang` or the empty string; for places where a text is optional.
    pub fn text<'a>(&'a self, lang: &str, config: &'a Config) -> &'a str {
        self.get(lang, config).map_or("", |t| t.text)
    }

    /// Checks that every language key of a map is a site language.
    pub fn validate(
        &self,
        config: &Config,
        source: Source<'_>,
        path: &[&str],
        out: &mut Vec<Diagnostic>,
    ) {
        let Localized::Map(map) = self else { return };
        for code in map.keys() {
            if !config.languages.contains(code) {
                let mut at = path.to_vec();
                at.push(code);
                out.push(
                    Diagnostic::error(
                        source.locate(&at),
                        Problem::UnknownReference {
                            what: "language".into(),
                            found: code.clone(),
                        },
                    )
                    .expected(format!(
                        "one of the site languages: {}",
                        config.languages.join(", ")
                    ))
                    .did_you_mean(code, config.languages.iter().map(String::as_str)),
                );
            }
        }
    }
}
