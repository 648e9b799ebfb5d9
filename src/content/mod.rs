//! Load stage: `content/blog/` and `content/pages/` → [`Doc`]s.
//!
//! Input: the site root and its configuration. Output: one [`Doc`] per Markdown file
//! (a key in one language) with its front matter checked for shape, dates and slug;
//! references to taxonomy terms are resolved later by the model. Files are read and
//! parsed in parallel; every problem is collected.

pub mod frontmatter;
mod layout;
pub mod stamp;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{relative, Diagnostic, Problem, Span};
use crate::yaml::{self, Source};
use frontmatter::{Audience, Author, FrontMatter};
pub use layout::CONTENT_FOLDERS;
use layout::{check_slug, misplaced_in_content, not_markdown, parse_file_name, with_slug_hint};

/// Where a document lives, which decides its URLs and templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// `content/blog/`: dated articles, listed, in feeds and taxonomies.
    Blog,
    /// `content/pages/`: plain pages.
    Pages,
}

impl Section {
    /// The folder under `content/` and the prefix of `@/` links.
    pub fn dir(self) -> &'static str {
        match self {
            Section::Blog => "blog",
            Section::Pages => "pages",
        }
    }
}

/// One Markdown file: a key in one language, front matter checked.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Blog or pages.
    pub section: Section,
    /// The file name without language and extension; joins translations.
    pub key: String,
    /// Language code of this file.
    pub lang: String,
    /// Path relative to the site root, for diagnostics.
    pub file: PathBuf,
    /// Title.
    pub title: String,
    /// Publication date (articles always have one).
    pub date: Option<NaiveDate>,
    /// Last edit.
    pub updated: Option<NaiveDate>,
    /// Plain-text summary.
    pub summary: Option<String>,
    /// Category code as written, with its place.
    pub category: Option<(String, Span)>,
    /// Tag codes as written, with their places.
    pub tags: Vec<(String, Span)>,
    /// Intended readers.
    pub audience: Option<Audience>,
    /// Authors.
    pub authors: Vec<Author>,
    /// URL segment in this language.
    pub slug: String,
    /// Where the slug is written (the file start when it defaults to the key).
    pub slug_span: Span,
    /// Left out of builds unless drafts are asked for.
    pub draft: bool,
    /// Laws cited: the front matter's `cites`, then the body's inline citations.
    pub cites: Vec<CiteRef>,
    /// The last legal review, distinct from an edit (`updated`).
    pub legal_review: Option<Review>,
    /// Related directory services as written, with their places.
    pub services: Vec<(String, Span)>,
    /// What this translation was translated from (`translated_from`), checked.
    pub translated_from: Option<stamp::TranslatedFrom>,
    /// Markdown body.
    pub body: String,
    /// Line of the file where the body starts, to place errors found in it.
    pub body_line: usize,
}

/// A citation of a law as written, with its place; the model resolves the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiteRef {
    /// Key of a law of `content/laws/`.
    pub law: String,
    /// Articles cited ("31.3", "123-130"); none for the whole law.
    pub articles: Vec<String>,
    /// Where it is written (front matter or body).
    pub at: Span,
}

/// When and by whom the legal content of a document was last reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Date of the review.
    pub date: NaiveDate,
    /// Reviewer.
    pub by: Option<String>,
}

/// What the load stage read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents that loaded, drafts included (the caller decides).
    pub docs: Vec<Doc>,
    /// Problems of the files that did not.
    pub errors: Vec<Diagnostic>,
    /// The key of every file with a well-formed name, loaded or not: a link to a file
    /// that failed to load is not reported as broken too.
    pub keys: std::collections::HashSet<(Section, String)>,
}

/// Reads every document of the site.
pub fn load(config: &Config) -> Loaded {
    let mut files = Vec::new();
    let mut errors = misplaced_in_content(config);
    for section in [Section::Blog, Section::Pages] {
        let dir = config.root.join("content").join(section.dir());
        if !dir.is_dir() {
            continue;
        }
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => files.push((section, e.into_path())),
                Ok(_) => {}
                Err(e) => {
                    let path = e
                        .path()
                        .map(|p| relative(&config.root, p))
                        .unwrap_or_default();
                    errors.push(Diagnostic::error(
                        Span::file(path),
                        Problem::Io(e.to_string()),
                    ));
                }
            }
        }
    }
    let results: Vec<LoadResult> = files
        .par_iter()
        .map(|(section, path)| {
            let mut soft = Vec::new();
            let result = load_one(config, *section, path, &mut soft);
            (result, soft)
        })
        .collect();
    let keys = files
        .iter()
        .filter_map(|(section, path)| {
            let file = relative(&config.root, path);
            parse_file_name(config, *section, path, &file)
                .ok()
                .map(|(key, _)| (*section, key))
        })
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    for (r, soft) in results {
        errors.extend(soft);
        match r {
            Ok(Some(doc)) => docs.push(doc),
            Ok(None) => {}
            Err(e) => errors.extend(e),
        }
    }
    Loaded { docs, errors, keys }
}

/// Reads one document again, for the live preview: what [`load`] gives for `path`
/// (a file of `section`): the document, or none for a file that is not content (a
/// hidden file, an editor's backup), with every problem; and the key of its name
/// when the name is well-formed.
pub(crate) fn reload_one(
    config: &Config,
    section: Section,
    path: &Path,
) -> (Option<Doc>, Vec<Diagnostic>, Option<String>) {
    let file = relative(&config.root, path);
    let key = parse_file_name(config, section, path, &file)
        .ok()
        .map(|(key, _)| key);
    let mut problems = Vec::new();
    let doc = match load_one(config, section, path, &mut problems) {
        Ok(doc) => doc,
        Err(errors) => {
            problems.extend(errors);
            None
        }
    };
    (doc, problems, key)
}

/// What loading one file gives: the document (or the problems that stopped it), and
/// the problems that did not stop it.
type LoadResult = (Result<Option<Doc>, Vec<Diagnostic>>, Vec<Diagnostic>);

/// Reads one document. Problems that leave the document usable (a malformed
/// citation, which is then left out) go to `soft`, so that the model still reports
/// the document's other problems in the same run.
fn load_one(
    config: &Config,
    section: Section,
    path: &Path,
    soft: &mut Vec<Diagnostic>,
) -> Result<Option<Doc>, Vec<Diagnostic>> {
    let file = relative(&config.root, path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    // Hidden files and editors' backups (`x.md~`, `#x.md#`) are not content.
    if name.starts_with(['.', '#']) || name.ends_with('~') {
        return Ok(None);
    }
    if !name.ends_with(".md") {
        return Err(vec![not_markdown(section, &file, &name)]);
    }
    let (key, lang) = parse_file_name(config, section, path, &file)?;
    let text = crate::read::text(path, &file)?;
    parse(config, section, key, lang, file, &text, soft).map(Some)
}

/// Parses the text of one document of the site of `config`, `file` (relative to the
/// site root) holding `key` in `lang`: the front matter (shape, dates, slug, citations) and the body's inline
/// citations. Problems that leave the document usable go to `soft`, as in [`load`].
pub fn parse(
    config: &Config,
    section: Section,
    key: String,
    lang: String,
    file: PathBuf,
    text: &str,
    soft: &mut Vec<Diagnostic>,
) -> Result<Doc, Vec<Diagnostic>> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(vec![Diagnostic::error(
            Span::file(&file),
            Problem::EmptyFile,
        )
        .expected("front matter between `---` lines, then the text")
        .help("delete the file if this translation is not written yet")]);
    }
    let Some(split) = frontmatter::split(text) else {
        return Err(vec![no_front_matter(&file, text)]);
    };
    let source = Source {
        file: &file,
        text: split.yaml,
        line_offset: 1,
    };
    let fm: FrontMatter = yaml::parse(source)?;
    let mut errors = Vec::new();
    let date = parse_date(fm.date.as_deref(), source, "date", &mut errors);
    let updated = parse_date(fm.updated.as_deref(), source, "updated", &mut errors);
    let legal_review = fm.legal_review.as_ref().and_then(|review| {
        let at = source.locate(&["legal_review", "date"]);
        let date = parse_date_str(&review.date);
        if date.is_none() {
            errors.push(bad_date(at, &review.date));
        }
        Some(Review {
            date: date?,
            by: review.by.clone(),
        })
    });
    let mut cites: Vec<CiteRef> = Vec::new();
    for c in &fm.cites {
        let at = source.locate_value(&["cites"], &c.law);
        for a in &c.articles {
            if !crate::law::cite::valid_article(a.trim()) {
                soft.push(
                    Diagnostic::error(
                        source.locate_value(&["cites"], a),
                        Problem::InvalidValue {
                            what: "article".into(),
                            found: a.clone(),
                        },
                    )
                    .expected(
                        "an article number such as \"31.3\", \"57 bis\" or a range \"123-130\"",
                    ),
                );
            }
        }
        cites.push(CiteRef {
            law: c.law.clone(),
            articles: c.articles.iter().map(|a| a.trim().to_string()).collect(),
            at,
        });
    }
    let origin = crate::markdown::Origin {
        file: &file,
        first_line: split.body_line,
    };
    for (reference, at) in crate::markdown::citations(split.body, origin, soft) {
        cites.push(CiteRef {
            law: reference.law,
            articles: reference.articles,
            at,
        });
    }
    if section == Section::Blog && date.is_none() && fm.date.is_none() {
        errors.push(
            Diagnostic::error(
                Span::new(&file, 2, 1),
                Problem::MissingField {
                    field: "date".into(),
                },
            )
            .expected("a publication date such as `date: 2026-11-24`"),
        );
    }
    if fm.title.trim().is_empty() {
        errors.push(
            Diagnostic::error(
                source.locate(&["title"]),
                Problem::Empty {
                    field: "title".into(),
                },
            )
            .expected("the title as readers see it, e.g. `title: \"Pedir asilo en España\"`"),
        );
    }
    if let Some(from) = &fm.translated_from {
        stamp::check(
            config,
            Some(&lang),
            from,
            source.locate(&["translated_from", "lang"]),
            source.locate(&["translated_from", "hash"]),
            &mut errors,
        );
    }
    let slug = fm.slug.clone().unwrap_or_else(|| key.clone());
    if let Err(why) = check_slug(&slug) {
        errors.push(with_slug_hint(
            Diagnostic::error(
                source.locate(&["slug"]),
                Problem::InvalidValue {
                    what: "slug".into(),
                    found: slug.clone(),
                },
            )
            .expected(why),
            &slug,
            |s| format!("did you mean `{s}`?"),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let category = fm.category.map(|c| {
        let at = source.locate(&["category"]);
        (c, at)
    });
    let tags = fm
        .tags
        .into_iter()
        .map(|t| {
            let at = source.locate_value(&["tags"], &t);
            (t, at)
        })
        .collect();
    let services = fm
        .services
        .iter()
        .map(|id| (id.clone(), source.locate_value(&["services"], id)))
        .collect();
    let slug_span = if fm.slug.is_some() {
        source.locate(&["slug"])
    } else {
        Span::file(&file)
    };
    let translated_from = fm.translated_from.map(|s| stamp::TranslatedFrom {
        at: source.locate(&["translated_from"]),
        lang: s.lang,
        hash: s.hash,
    });
    Ok(Doc {
        section,
        key,
        lang,
        file,
        title: fm.title,
        date,
        updated,
        summary: fm.summary,
        category,
        tags,
        audience: fm.audience,
        authors: fm.authors,
        slug,
        slug_span,
        draft: fm.draft,
        cites,
        legal_review,
        services,
        translated_from,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

fn parse_date(
    value: Option<&str>,
    source: Source<'_>,
    field: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let value = value?;
    let date = parse_date_str(value);
    if date.is_none() {
        errors.push(bad_date(source.locate(&[field]), value));
    }
    date
}

/// A date as `YYYY-MM-DD`, or the date part of an RFC 3339 date-time.
pub fn parse_date_str(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .ok()
        .or_else(|| {
            chrono::DateTime::parse_from_rfc3339(value.trim())
                .ok()
                .map(|d| d.date_naive())
        })
}

fn bad_date(at: Span, found: &str) -> Diagnostic {
    let d = Diagnostic::error(
        at,
        Problem::InvalidValue {
            what: "date".into(),
            found: found.into(),
        },
    )
    .expected("a date as YYYY-MM-DD, e.g. 2026-11-24");
    match crate::directory::hints::date_hint(found) {
        Some(hint) => d.help(hint),
        None => d,
    }
}

/// A Markdown file without front matter: none at all, or a first `---` never closed.
fn no_front_matter(file: &Path, text: &str) -> Diagnostic {
    let text = text.trim_start_matches('\u{feff}');
    if text.starts_with("---") {
        return Diagnostic::error(
            Span::file(file),
            Problem::Yaml("the front matter that starts here is never closed".into()),
        )
        .expected("a line with only `---` after the last field of the front matter");
    }
    Diagnostic::error(Span::file(file), Problem::Yaml("no front matter".into())).expected(
        "the file to start with a `---` line, YAML front matter, and a closing `---` line",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_greek_and_reject_spaces_and_capitals() {
        assert!(check_slug("αρθρο-1").is_ok());
        assert!(check_slug("acuerdo-kifkif").is_ok());
        assert!(check_slug("Acuerdo").is_err());
        assert!(check_slug("a b").is_err());
        assert!(check_slug("").is_err());
    }

    #[test]
    fn dates_accept_plain_and_rfc3339() {
        assert_eq!(
            parse_date_str("2026-11-24"),
            NaiveDate::from_ymd_opt(2026, 11, 24)
        );
        assert_eq!(
            parse_date_str("2026-11-24T10:00:00+01:00"),
            NaiveDate::from_ymd_opt(2026, 11, 24)
        );
        assert_eq!(parse_date_str("2026-02-30"), None);
    }
}
