//! Where documents may be and how their files are named: `content/<folder>/` for a
//! known folder only, `content/blog/<key>.<lang>.md` and `content/pages/<key>.<lang>.md`
//! with a configured language, keys and slugs that are URL segments.
//!
//! Stage: load. Input: the site's configuration and a file's path. Output: the key
//! and language of a file, or a diagnostic that says where the file should be or how
//! it should be named (with the name it most likely should have).

use std::path::Path;

use super::Section;
use crate::config::Config;
use crate::diag::{Diagnostic, Problem, Span};

/// The folders of `content/`: documents, the directory, taxonomies and laws.
pub const CONTENT_FOLDERS: &[&str] = &["blog", "pages", "directory", "taxonomies", "laws"];

/// `<key>.<lang>.md` → (key, lang); the key keeps sub-folders of `pages/`.
pub(super) fn parse_file_name(
    config: &Config,
    section: Section,
    path: &Path,
    file: &Path,
) -> Result<(String, String), Vec<Diagnostic>> {
    let dir = config.root.join("content").join(section.dir());
    let rel = path
        .strip_prefix(&dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let stem = rel.trim_end_matches(".md");
    let expected = format!(
        "content/{}/<key>.<lang>.md with <lang> one of {}",
        section.dir(),
        config.languages.join(", ")
    );
    let Some((key, lang)) = stem.rsplit_once('.') else {
        return Err(vec![Diagnostic::error(
            Span::file(file),
            Problem::Layout("no language suffix in the file name".into()),
        )
        .expected(expected)]);
    };
    if !config.languages.iter().any(|l| l == lang) {
        return Err(vec![Diagnostic::error(
            Span::file(file),
            Problem::UnknownReference {
                what: "language suffix".into(),
                found: lang.into(),
            },
        )
        .expected(expected)
        .did_you_mean(lang, config.languages.iter().map(String::as_str))]);
    }
    if section == Section::Blog && key.contains('/') {
        return Err(vec![Diagnostic::error(
            Span::file(file),
            Problem::Layout("articles live directly in content/blog/".into()),
        )
        .expected(expected)]);
    }
    if let Err(why) = check_slug(key) {
        let d = Diagnostic::error(
            Span::file(file),
            Problem::InvalidValue {
                what: "key".into(),
                found: key.into(),
            },
        )
        .expected(why);
        return Err(vec![with_slug_hint(d, key, |fixed| {
            format!("rename the file to `{fixed}.{lang}.md`")
        })]);
    }
    Ok((key.to_string(), lang.to_string()))
}

/// URL segments: lowercase letters (any script), digits, `-` and `_`; `/` only between segments.
pub(super) fn check_slug(slug: &str) -> Result<(), &'static str> {
    let ok = !slug.is_empty()
        && slug.split('/').all(|seg| {
            !seg.is_empty()
                && seg
                    .chars()
                    .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || c == '-' || c == '_')
        });
    if ok {
        Ok(())
    } else {
        Err("lowercase letters, digits, `-` and `_` (e.g. `arraigo-social`)")
    }
}

/// Adds `hint(fixed)` when lowering letters and joining words gives a valid slug.
pub(super) fn with_slug_hint(
    d: Diagnostic,
    slug: &str,
    hint: impl Fn(&str) -> String,
) -> Diagnostic {
    let fixed: String = slug
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'))
        .collect();
    if fixed != slug && check_slug(&fixed).is_ok() {
        d.help(hint(&fixed))
    } else {
        d
    }
}

/// Where the files of a misnamed folder of `content/` belong.
fn folder_hint(name: &str) -> String {
    if let Some(best) = crate::diag::did_you_mean(name, CONTENT_FOLDERS.iter().copied()) {
        return format!("did you mean `{best}`?");
    }
    let lower = name.to_lowercase();
    let meant = match lower.as_str() {
        "articles" | "posts" | "articulos" | "artículos" | "άρθρα" | "noticias" | "news" => {
            "blog"
        }
        "paginas" | "páginas" | "σελίδες" => "pages",
        "directorio" | "κατάλογος" | "services" | "servicios" => "directory",
        "taxonomias" | "taxonomías" | "categories" | "tags" => "taxonomies",
        "leyes" | "νόμοι" => "laws",
        _ => return "move its files to one of these folders".into(),
    };
    format!("move its files to content/{meant}/")
}

/// A file in `content/blog/` or `content/pages/` that is not Markdown.
pub(super) fn not_markdown(section: Section, file: &Path, name: &str) -> Diagnostic {
    let d = Diagnostic::error(
        Span::file(file),
        Problem::Layout(format!("`{name}` is not a Markdown file (.md)")),
    )
    .expected(format!("content/{}/<key>.<lang>.md", section.dir()));
    let stem = [".markdown", ".MD", ".Md", ".mdown", ".txt"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext));
    match stem {
        Some(stem) => d.help(format!("rename it to `{stem}.md`")),
        None => d.help(
            "only Markdown files belong here; images and documents are not published from content/",
        ),
    }
}

/// Entries of `content/` that no stage reads: an article in a misspelled folder would
/// otherwise vanish from the site without a word.
pub(super) fn misplaced_in_content(config: &Config) -> Vec<Diagnostic> {
    let dir = config.root.join("content");
    let Ok(read) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<(String, bool)> = read
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    names.sort();
    let folders = CONTENT_FOLDERS.join(", ");
    names
        .into_iter()
        .filter(|(name, is_dir)| !(*is_dir && CONTENT_FOLDERS.contains(&name.as_str())))
        .map(|(name, is_dir)| {
            let file = Path::new("content").join(&name);
            if is_dir {
                Diagnostic::error(
                    Span::file(file),
                    Problem::Layout(format!("unknown folder `{name}` in content/")),
                )
                .expected(format!("one of {folders}"))
                .help(folder_hint(&name))
            } else {
                Diagnostic::error(
                    Span::file(file),
                    Problem::Layout("a file directly in content/".into()),
                )
                .expected("content/blog/<key>.<lang>.md for an article, content/pages/<key>.<lang>.md for a page")
            }
        })
        .collect()
}
