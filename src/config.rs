//! Configuration stage: `puerta.yaml` → [`Config`].
//!
//! Input: the text of `puerta.yaml`. Output: validated settings (languages, base URL,
//! fallbacks, paging), or every problem found, each at `file:line:col`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, Problem};
use crate::localized::Localized;
use crate::yaml::{self, Source};

/// The languages puerta has interface strings, plural rules and date formats for,
/// each with its name in itself (for the language chooser).
pub const SUPPORTED_LANGUAGES: &[(&str, &str)] =
    &[("es", "Español"), ("el", "Ελληνικά"), ("en", "English")];

/// The name of `code` in its own language, e.g. "Ελληνικά" for `el`.
pub fn autonym(code: &str) -> &'static str {
    SUPPORTED_LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, name)| name)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Localized,
    #[serde(default)]
    description: Option<Localized>,
    base_url: String,
    languages: Vec<String>,
    default_language: Option<String>,
    #[serde(default)]
    fallback: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    blog: RawBlog,
    #[serde(default)]
    report_mistakes: Option<String>,
    #[serde(default)]
    search: RawSearch,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSearch {
    #[serde(default)]
    protected: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlog {
    per_page: Option<usize>,
    feed_limit: Option<usize>,
}

/// Validated site settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site directory (holds `puerta.yaml`).
    pub root: PathBuf,
    /// Site title per language.
    pub title: Localized,
    /// One-line description per language, for the home page and meta tags.
    pub description: Option<Localized>,
    /// Absolute base URL, always ending in `/`.
    pub base_url: String,
    /// Site languages, in switcher order.
    pub languages: Vec<String>,
    /// The language of `x-default` and of the root 404 page.
    pub default_language: String,
    /// For each language, the languages to show when an item is missing in it.
    pub fallback: BTreeMap<String, Vec<String>>,
    /// Theme name: `themes/<name>/` in the site, or the built-in `default`.
    pub theme: String,
    /// Zone for dates written without one.
    pub timezone: chrono_tz::Tz,
    /// Articles per blog list page.
    pub per_page: usize,
    /// Entries per Atom feed.
    pub feed_limit: usize,
    /// Where readers report a mistake on a directory page: `mailto:…` or a URL.
    pub report_mistakes: Option<String>,
    /// Search settings.
    pub search: SearchConfig,
}

/// `search:` of `puerta.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchConfig {
    /// Per language, protected terms added to puerta's defaults
    /// (`search: {protected: {el: ["πρόσφυγας πρόσφυγα πρόσφυγες"]}}`): each entry is
    /// one term, its forms separated by spaces, the first naming it. Such words are
    /// indexed unstemmed, so that stemming does not merge them with words of another
    /// meaning (see `puerta_search::protected`).
    pub protected: BTreeMap<String, Vec<String>>,
}

impl Config {
    /// Reads and validates `<root>/puerta.yaml`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let file = PathBuf::from("puerta.yaml");
        let path = root.join(&file);
        if !path.exists() {
            let misnamed = [
                "puerta.yml",
                "Puerta.yaml",
                "puerta.yaml.txt",
                "puerta.YAML",
            ]
            .into_iter()
            .find(|name| root.join(name).is_file());
            let help = match misnamed {
                Some(name) => format!("rename `{name}` to `puerta.yaml`"),
                None => "run puerta in a site directory, or pass --root <site dir>".into(),
            };
            return Err(vec![Diagnostic::error(
                crate::diag::Span::file(&file),
                Problem::Io("the file does not exist".into()),
            )
            .expected("the site's settings in puerta.yaml at the root of the site")
            .help(help)]);
        }
        let text = crate::read::text(&path, &file)?;
        Config::parse(root, &file, &text)
    }

    /// Validates the text of a configuration file.
    pub fn parse(root: &Path, file: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
        let source = Source::file(file, text);
        let raw: RawConfig = yaml::parse(source)?;
        let mut errors = Vec::new();
        let mut languages = validate_languages(&raw.languages, source, &mut errors);
        if !errors.is_empty() {
            // The list is wrong, so the build stops here; the other settings are still
            // checked, but against every supported language: checked against the wrong
            // list, each mention of the language meant (`el` for `gr`) would repeat the
            // one mistake.
            for (code, _) in SUPPORTED_LANGUAGES {
                if !languages.iter().any(|l| l == code) {
                    languages.push(code.to_string());
                }
            }
        }
        let default_language = match raw.default_language {
            Some(code) if !languages.contains(&code) => {
                errors.push(unknown_language(
                    &code,
                    &languages,
                    source.locate(&["default_language"]),
                ));
                languages.first().cloned().unwrap_or_default()
            }
            Some(code) => code,
            None => languages.first().cloned().unwrap_or_default(),
        };
        let base_url = validate_base_url(&raw.base_url, source, &mut errors);
        let fallback = validate_fallback(raw.fallback, &languages, source, &mut errors);
        let timezone = match raw
            .timezone
            .as_deref()
            .unwrap_or("UTC")
            .parse::<chrono_tz::Tz>()
        {
            Ok(tz) => tz,
            Err(_) => {
                let found = raw.timezone.clone().unwrap_or_default();
                let d = Diagnostic::error(
                    source.locate(&["timezone"]),
                    Problem::InvalidValue {
                        what: "time zone".into(),
                        found: found.clone(),
                    },
                )
                .expected("an IANA time zone such as Europe/Madrid or Europe/Athens");
                let values_hint = crate::directory::values::zone_in_other_case(&found)
                    .or_else(|| crate::directory::hints::zone_of_city(&found));
                errors.push(match values_hint {
                    Some(name) => d.help(format!("did you mean `{name}`?")),
                    None => d.did_you_mean(&found, crate::directory::values::zone_names()),
                });
                chrono_tz::UTC
            }
        };
        let search = validate_search(raw.search, &languages, source, &mut errors);
        let per_page = raw.blog.per_page.unwrap_or(10);
        if per_page == 0 {
            errors.push(
                Diagnostic::error(
                    source.locate(&["blog", "per_page"]),
                    Problem::InvalidValue {
                        what: "page size".into(),
                        found: "0".into(),
                    },
                )
                .expected("a positive number"),
            );
        }
        let mut config = Config {
            root: root.to_path_buf(),
            title: raw.title,
            description: raw.description,
            base_url,
            languages,
            default_language,
            fallback,
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            timezone,
            per_page: per_page.max(1),
            feed_limit: raw.blog.feed_limit.unwrap_or(20),
            report_mistakes: raw.report_mistakes.clone(),
            search,
        };
        if let Some(d) = check_theme(root, &config.theme, source) {
            errors.push(d);
        }
        if let Some(target) = &config.report_mistakes {
            let mail = target.starts_with("mailto:") && target.contains('@');
            let web = url::Url::parse(target).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            if !mail && !web {
                errors.push(
                    Diagnostic::error(
                        source.locate(&["report_mistakes"]),
                        Problem::InvalidValue {
                            what: "report address".into(),
                            found: target.clone(),
                        },
                    )
                    .expected("`mailto:address@example.org` or an http(s) URL"),
                );
            }
        }
        config
            .title
            .validate(&config, source, &["title"], &mut errors);
        if let Some(d) = &config.description {
            d.validate(&config, source, &["description"], &mut errors);
        }
        if errors.is_empty() {
            config.base_url.shrink_to_fit();
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// Replaces the base URL (from `--base-url`), with the same validation.
    pub fn override_base_url(&mut self, raw: &str) -> Result<(), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let source = Source::file(Path::new("--base-url"), "");
        self.base_url = validate_base_url(raw, source, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// `lang` followed by its fallback languages, then every other site language.
    pub fn chain<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let fallbacks = self
            .fallback
            .get(lang)
            .into_iter()
            .flatten()
            .map(String::as_str);
        let rest = self.languages.iter().map(String::as_str);
        let mut seen: Vec<&str> = Vec::with_capacity(self.languages.len());
        std::iter::once(lang)
            .chain(fallbacks)
            .chain(rest)
            .filter(move |l| {
                let new = !seen.contains(l);
                seen.push(l);
                new
            })
    }

    /// The absolute URL of a site path such as `/es/blog/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }

    /// The path part of the base URL (`/` or `/sub/`), prefixed to every site link.
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.split_once("://").map_or("", |(_, rest)| rest);
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    }
}

fn unknown_language(code: &str, known: &[String], at: crate::diag::Span) -> Diagnostic {
    let d = Diagnostic::error(
        at,
        Problem::UnknownReference {
            what: "language".into(),
            found: code.into(),
        },
    )
    .expected(format!("one of the site languages: {}", known.join(", ")));
    match language_hint(code) {
        Some(hint) if known.iter().any(|k| hint.contains(&format!("`{k}`"))) => d.help(hint),
        _ => d.did_you_mean(code, known.iter().map(String::as_str)),
    }
}

/// The usual wrong codes for the site languages: country codes (`gr`), three-letter
/// codes (`spa`), names (`english`).
pub fn language_hint(code: &str) -> Option<String> {
    let right = match code.to_lowercase().as_str() {
        "gr" => {
            return Some(
                "`gr` is the country code of Greece; the language code of Greek is `el`".into(),
            )
        }
        "sp" | "spa" | "esp" | "spanish" | "español" | "espanol" | "castellano" => "es",
        "gre" | "ell" | "greek" | "ελληνικά" | "ελληνικα" => "el",
        "eng" | "english" | "uk" | "gb" | "us" => "en",
        lower if lower != code => return Some(format!("did you mean `{lower}`?")),
        _ => return None,
    };
    Some(format!("did you mean `{right}`?"))
}

/// A theme that is neither a folder of the site's `themes/` nor the built-in one.
fn check_theme(root: &Path, theme: &str, source: Source<'_>) -> Option<Diagnostic> {
    if theme == "default" || root.join("themes").join(theme).is_dir() {
        return None;
    }
    let mut known = vec!["default".to_string()];
    if let Ok(read) = std::fs::read_dir(root.join("themes")) {
        known.extend(
            read.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned()),
        );
    }
    Some(
        Diagnostic::error(
            source.locate(&["theme"]),
            Problem::UnknownReference {
                what: "theme".into(),
                found: theme.into(),
            },
        )
        .expected(format!(
            "a folder themes/{theme}/ in the site, or the built-in theme `default`"
        ))
        .did_you_mean(theme, known.iter().map(String::as_str)),
    )
}

fn validate_languages(
    raw: &[String],
    source: Source<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let supported: Vec<&str> = SUPPORTED_LANGUAGES.iter().map(|(c, _)| *c).collect();
    let mut out: Vec<String> = Vec::new();
    for code in raw {
        let at = source.locate_value(&["languages"], code);
        if !supported.contains(&code.as_str()) {
            errors.push(
                Diagnostic::error(
                    at,
                    Problem::InvalidValue {
                        what: "language code".into(),
                        found: code.clone(),
                    },
                )
                .expected(format!("one of {}", supported.join(", ")))
                .did_you_mean(code, supported.iter().copied()),
            );
            if let (Some(hint), Some(d)) = (language_hint(code), errors.last_mut()) {
                d.help = Some(hint);
            }
        } else if out.contains(code) {
            errors.push(Diagnostic::error(
                at,
                Problem::Duplicate {
                    what: "language".into(),
                    found: code.clone(),
                },
            ));
        } else {
            out.push(code.clone());
        }
    }
    if raw.is_empty() {
        errors.push(
            Diagnostic::error(
                source.locate(&["languages"]),
                Problem::MissingField {
                    field: "languages".into(),
                },
            )
            .expected("at least one language, e.g. [es, el, en]"),
        );
    }
    out
}

fn validate_base_url(raw: &str, source: Source<'_>, errors: &mut Vec<Diagnostic>) -> String {
    match url::Url::parse(raw) {
        Ok(url)
            if matches!(url.scheme(), "http" | "https")
                && url.host().is_some()
                && url.query().is_none() =>
        {
            let mut s = url.to_string();
            if !s.ends_with('/') {
                s.push('/');
            }
            s
        }
        _ => {
            let d = Diagnostic::error(
                source.locate(&["base_url"]),
                Problem::InvalidValue {
                    what: "base URL".into(),
                    found: raw.into(),
                },
            )
            .expected("an absolute http(s) URL such as https://example.org/");
            let guess = format!("https://{}/", raw.trim_end_matches('/'));
            let guessable = !raw.contains("://") && raw.contains('.') && !raw.contains(' ');
            errors.push(if guessable && url::Url::parse(&guess).is_ok() {
                d.help(format!("did you mean `{guess}`?"))
            } else {
                d
            });
            "https://invalid.invalid/".into()
        }
    }
}

fn validate_fallback(
    raw: BTreeMap<String, Vec<String>>,
    languages: &[String],
    source: Source<'_>,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Vec<String>> {
    for (lang, chain) in &raw {
        if !languages.contains(lang) {
            errors.push(unknown_language(
                lang,
                languages,
                source.locate(&["fallback", lang]),
            ));
        }
        for code in chain {
            if !languages.contains(code) {
                let at = source.locate_value(&["fallback", lang], code);
                errors.push(unknown_language(code, languages, at));
            }
        }
    }
    raw
}

/// Checks the protected terms: site languages only, entries of whole words.
fn validate_search(
    raw: RawSearch,
    languages: &[String],
    source: Source<'_>,
    errors: &mut Vec<Diagnostic>,
) -> SearchConfig {
    for (lang, entries) in &raw.protected {
        if !languages.contains(lang) {
            errors.push(unknown_language(
                lang,
                languages,
                source.locate(&["search", "protected", lang]),
            ));
        }
        for entry in entries {
            if let Err(why) = puerta_search::Protected::check_entry(entry) {
                errors.push(
                    Diagnostic::error(
                        source.locate_value(&["search", "protected", lang], entry),
                        Problem::InvalidValue {
                            what: "protected term".into(),
                            found: format!("{entry:?} ({why})"),
                        },
                    )
                    .expected("the forms of one word separated by spaces, e.g. \"πρόσφυγας πρόσφυγα πρόσφυγες\""),
                );
            }
        }
    }
    SearchConfig {
        protected: raw.protected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(Path::new("/site"), Path::new("puerta.yaml"), text)
    }

    const GOOD: &str = "title: {es: Hola, el: Γεια, en: Hello}\nbase_url: https://example.org/sub\nlanguages: [es, el, en]\nfallback: {el: [en, es]}\n";

    #[test]
    fn defaults_and_normalizes() {
        let c = parse(GOOD).unwrap();
        assert_eq!(c.base_url, "https://example.org/sub/");
        assert_eq!(c.base_path(), "/sub/");
        assert_eq!(c.default_language, "es");
        assert_eq!(c.per_page, 10);
        assert_eq!(c.chain("el").collect::<Vec<_>>(), ["el", "en", "es"]);
        assert_eq!(c.chain("en").collect::<Vec<_>>(), ["en", "es", "el"]);
    }

    #[test]
    fn reads_and_checks_protected_search_terms() {
        let good = format!("{GOOD}search:\n  protected:\n    el: [\"άσυλο ασύλου\"]\n");
        let c = parse(&good).unwrap();
        assert_eq!(c.search.protected["el"], ["άσυλο ασύλου"]);
        let bad = format!(
            "{GOOD}search:\n  protected:\n    fr: [asile]\n    es: [\"co-working\", \"\"]\n"
        );
        let errs = parse(&bad).unwrap_err();
        assert_eq!(errs.len(), 3, "{errs:?}");
        let unknown = format!("{GOOD}search:\n  stopwords: []\n");
        assert!(parse(&unknown).is_err(), "unknown keys are errors");
    }

    #[test]
    fn reports_all_problems_at_once() {
        let text =
            "title: x\nbase_url: example.org\nlanguages: [es, fr]\ntimezone: Europe/Madird\n";
        let errs = parse(text).unwrap_err();
        let lines: Vec<usize> = errs.iter().map(|e| e.span.as_ref().unwrap().line).collect();
        assert_eq!(lines, [3, 2, 4]);
        assert_eq!(errs[0].span.as_ref().unwrap().col, 17);
    }
}
