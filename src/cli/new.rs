//! `puerta new article|page <key> --lang <l>`: creates a content file with its front
//! matter filled in. Never overwrites an existing file.

use std::path::Path;

use puerta::config::Config;

use super::{print_diagnostics, Failure};

/// Options of `puerta new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to create.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The key: the file name shared by every translation (lowercase, digits, `-`).
    pub key: String,
    /// Language of the new file (one of the site languages).
    #[arg(long)]
    pub lang: String,
    /// Title to put in the front matter.
    #[arg(long, default_value = "")]
    pub title: String,
    /// Publication date (YYYY-MM-DD); default today.
    #[arg(long)]
    pub date: Option<chrono::NaiveDate>,
}

/// Kinds of content `new` creates.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// A blog article: content/blog/<key>.<lang>.md.
    Article,
    /// A plain page: content/pages/<key>.<lang>.md.
    Page,
}

/// Runs `puerta new`.
pub fn run(root: &Path, args: Args) -> Result<(), Failure> {
    let config = Config::load(root).map_err(|e| {
        print_diagnostics(&e);
        Failure::Content
    })?;
    if !config.languages.contains(&args.lang) {
        return Err(Failure::Internal(format!(
            "unknown language `{}`: expected one of {}",
            args.lang,
            config.languages.join(", ")
        )));
    }
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
    let dir = match args.kind {
        Kind::Article => "blog",
        Kind::Page => "pages",
    };
    let rel = format!("content/{dir}/{}.{}.md", args.key, args.lang);
    let path = root.join(&rel);
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
            "---\ntitle: {title:?}\ndate: {date}\nsummary: \"\"\n# category: <a code of content/taxonomies/categories.yaml>\ntags: []\naudience: professional\ndraft: true\n---\n\nWrite the article here.\n"
        ),
        Kind::Page => format!("---\ntitle: {title:?}\nsummary: \"\"\ndraft: true\n---\n\nWrite the page here.\n"),
    };
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
    eprintln!("Created {rel} (a draft: set `draft: false` to publish it).");
    Ok(())
}
