//! `puerta new <kind> <id>`: creates a content file with every field present or
//! commented, for articles and pages (`--lang`) and every directory kind. Never
//! overwrites an existing file.

use std::path::Path;

use puerta::config::Config;

use super::{print_diagnostics, scaffold, Failure};

/// Options of `puerta new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to create.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The key or id: the file name (lowercase ASCII letters, digits, `-`).
    pub key: String,
    /// Language of a new article or page (one of the site languages).
    #[arg(long)]
    pub lang: Option<String>,
    /// Title of a new article or page.
    #[arg(long, default_value = "")]
    pub title: String,
    /// The language a new article or page is translated from: its file must exist;
    /// the new one records `translated_from` with that text's current hash.
    #[arg(long, value_name = "LANG")]
    pub from: Option<String>,
    /// Publication date of a new article (YYYY-MM-DD); default today.
    #[arg(long)]
    pub date: Option<chrono::NaiveDate>,
}

/// Kinds of content `new` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A blog article: content/blog/<key>.<lang>.md (needs --lang).
    Article,
    /// A plain page: content/pages/<key>.<lang>.md (needs --lang).
    Page,
    /// content/directory/organizations/<id>.yaml.
    Organization,
    /// content/directory/services/<id>.yaml.
    Service,
    /// content/directory/locations/<id>.yaml.
    Location,
    /// content/directory/seminars/<id>.yaml.
    Seminar,
    /// content/directory/cities/<id>.yaml.
    City,
    /// content/directory/networks/<id>.yaml.
    Network,
    /// content/directory/partnerships/<id>.yaml.
    Partnership,
    /// content/directory/holidays/<id>.yaml.
    Holidays,
}

impl Kind {
    /// The folder of a directory kind under content/directory/.
    fn directory_folder(self) -> Option<&'static str> {
        Some(match self {
            Kind::Article | Kind::Page => return None,
            Kind::Organization => "organizations",
            Kind::Service => "services",
            Kind::Location => "locations",
            Kind::Seminar => "seminars",
            Kind::City => "cities",
            Kind::Network => "networks",
            Kind::Partnership => "partnerships",
            Kind::Holidays => "holidays",
        })
    }
}

/// Runs `puerta new`.
pub fn run(root: &Path, args: Args) -> Result<(), Failure> {
    let config = Config::load(root).map_err(|e| {
        print_diagnostics(&e);
        Failure::Content
    })?;
    let valid_key = !args.key.is_empty()
        && args
            .key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_key {
        return Err(Failure::Internal(format!(
            "invalid key `{}`: expected lowercase ASCII letters, digits and `-`, e.g. arraigo-social",
            args.key
        )));
    }
    let (rel, text, note) = match args.kind.directory_folder() {
        Some(folder) => {
            let ids = |kind: &str| existing_ids(root, kind);
            let text = scaffold::directory(folder, &args.key, &ids).unwrap_or_default();
            (
                format!("content/directory/{folder}/{}.yaml", args.key),
                text,
                "fill it in and remove what stays unknown",
            )
        }
        None => {
            let lang = args.lang.as_deref().ok_or_else(|| {
                Failure::Internal(
                    format!(
                        "--lang is required for a new {:?}: one of {}",
                        args.kind,
                        config.languages.join(", ")
                    )
                    .to_lowercase(),
                )
            })?;
            if !config.languages.iter().any(|l| l == lang) {
                return Err(Failure::Internal(format!(
                    "unknown language `{lang}`: expected one of {}",
                    config.languages.join(", ")
                )));
            }
            let dir = if args.kind == Kind::Article {
                "blog"
            } else {
                "pages"
            };
            let stamp = match args.from.as_deref() {
                Some(from) => translated_from(root, &config, dir, &args.key, lang, from)?,
                None => String::new(),
            };
            let date = args
                .date
                .unwrap_or_else(|| chrono::Local::now().date_naive());
            let title = if args.title.is_empty() {
                args.key.replace('-', " ")
            } else {
                args.title.clone()
            };
            let text = match args.kind {
                Kind::Article => format!(
                        "---\ntitle: {title:?}\ndate: {date}\n{stamp}summary: \"\"\n# updated: YYYY-MM-DD\n# category: <a code of content/taxonomies/categories.yaml>\ntags: []\naudience: professional          # professional | public\n# authors: [{{name: \"…\", role: \"…\"}}]\n# cites: [{{law: <key of content/laws/>, articles: [\"…\"]}}]\n# legal_review: {{date: YYYY-MM-DD, by: \"…\"}}\n# services: [<id of content/directory/services/>]\n# slug: …                          # URL segment in this language\ndraft: true\n---\n\nWrite the article here. Link another article with `[text](@/blog/<key>.md)`; cite a law with `[@<law key>, <article>]`.\n"
                    ),
                _ => format!("---\ntitle: {title:?}\n{stamp}summary: \"\"\n# slug: …\ndraft: true\n---\n\nWrite the page here.\n"),
            };
            (
                format!("content/{dir}/{}.{lang}.md", args.key),
                text,
                "a draft: set `draft: false` to publish it",
            )
        }
    };
    let path = root.join(&rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::Internal(format!("cannot create {}: {e}", parent.display())))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Failure::Internal(format!("{rel} already exists; not overwritten"))
            } else {
                Failure::Internal(format!("cannot create {rel}: {e}"))
            }
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| Failure::Internal(format!("cannot write {rel}: {e}")))?;
    eprintln!("Created {rel} ({note}).");
    Ok(())
}

/// The `translated_from` line of a translation of `content/<dir>/<key>.<from>.md`.
fn translated_from(
    root: &Path,
    config: &Config,
    dir: &str,
    key: &str,
    lang: &str,
    from: &str,
) -> Result<String, Failure> {
    if from == lang || !config.languages.iter().any(|l| l == from) {
        return Err(Failure::Internal(format!(
            "invalid --from `{from}`: expected another site language than `{lang}`, one of {}",
            config.languages.join(", ")
        )));
    }
    let rel = format!("content/{dir}/{key}.{from}.md");
    let text = std::fs::read_to_string(root.join(&rel))
        .map_err(|e| Failure::Internal(format!("cannot read {rel}, the text to translate: {e}")))?;
    let hash = puerta::content::stamp::markdown_hash(&text).ok_or_else(|| {
        Failure::Internal(format!(
            "{rel} has no front matter with a title: run `puerta check`"
        ))
    })?;
    Ok(format!("translated_from: {{lang: {from}, hash: {hash}}}\n"))
}

/// Ids of the files of one directory kind, sorted.
fn existing_ids(root: &Path, kind: &str) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root.join("content/directory").join(kind))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".yaml"))
                .map(str::to_string)
        })
        .collect();
    ids.sort();
    ids
}
