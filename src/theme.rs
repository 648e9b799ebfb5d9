//! Theme and locale sources: the site's own `themes/<name>/` and `locales/`, or the
//! copies built into the binary, so a site with no theme of its own (such as the
//! benchmark corpus) still builds.
//!
//! Input: the configuration. Output: template texts, static files and locale files.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{relative, Diagnostic, Problem, Span};
use crate::i18n::LocaleFile;

static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");
static DEFAULT_LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// A file of the theme: its path inside `templates/` or `static/`, and its bytes.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Path relative to the theme's `templates/` or `static/` folder, with `/`.
    pub name: String,
    /// Where it came from, for diagnostics.
    pub origin: PathBuf,
    /// Content.
    pub bytes: Vec<u8>,
}

/// The templates and static files of the site's theme.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Tera templates.
    pub templates: Vec<ThemeFile>,
    /// Files copied to `/static/`.
    pub statics: Vec<ThemeFile>,
}

impl Theme {
    /// Loads `themes/<theme>/` from the site, or the built-in theme for `default`.
    pub fn load(config: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let dir = config.root.join("themes").join(&config.theme);
        if dir.is_dir() {
            return Ok(Theme {
                templates: read_dir(&config.root, &dir.join("templates"))?,
                statics: read_dir(&config.root, &dir.join("static"))?,
            });
        }
        if config.theme != "default" {
            return Err(vec![Diagnostic::error(
                Span::file("puerta.yaml"),
                Problem::UnknownReference {
                    what: "theme".into(),
                    found: config.theme.clone(),
                },
            )
            .expected(format!(
                "a folder {} or the built-in theme `default`",
                relative(&config.root, &dir).display()
            ))]);
        }
        let origin = Path::new("<built-in>/themes/default");
        Ok(Theme {
            templates: embedded(&DEFAULT_THEME, "templates", origin),
            statics: embedded(&DEFAULT_THEME, "static", origin),
        })
    }
}

/// The `.ftl` files of every site language: from the site's `locales/` when it has
/// one, else the built-in ones.
pub fn locale_files(config: &Config) -> Result<Vec<LocaleFile>, Vec<Diagnostic>> {
    let dir = config.root.join("locales");
    let files = if dir.is_dir() {
        read_dir(&config.root, &dir)?
            .into_iter()
            .map(|f| {
                (
                    f.name.clone(),
                    PathBuf::from("locales").join(&f.name),
                    f.bytes,
                )
            })
            .collect::<Vec<_>>()
    } else {
        let mut out = Vec::new();
        collect_embedded(&DEFAULT_LOCALES, &mut out);
        out.into_iter()
            .map(|(name, bytes)| {
                (
                    name.clone(),
                    Path::new("<built-in>/locales").join(&name),
                    bytes,
                )
            })
            .collect()
    };
    let mut out = Vec::new();
    for (name, path, bytes) in files {
        let Some((lang, file)) = name.split_once('/') else {
            continue;
        };
        if !file.ends_with(".ftl") || !config.languages.iter().any(|l| l == lang) {
            continue;
        }
        let text = crate::read::utf8(bytes, &path)?;
        out.push(LocaleFile {
            lang: lang.to_string(),
            path,
            text,
        });
    }
    Ok(out)
}

fn read_dir(root: &Path, dir: &Path) -> Result<Vec<ThemeFile>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            vec![Diagnostic::error(
                Span::file(relative(root, dir)),
                Problem::Io(e.to_string()),
            )]
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let origin = relative(root, entry.path());
        let bytes = std::fs::read(entry.path()).map_err(|e| {
            vec![Diagnostic::error(
                Span::file(&origin),
                Problem::Io(e.to_string()),
            )]
        })?;
        let name = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        out.push(ThemeFile {
            name,
            origin,
            bytes,
        });
    }
    Ok(out)
}

fn embedded(dir: &Dir<'_>, sub: &str, origin: &Path) -> Vec<ThemeFile> {
    let mut files = Vec::new();
    if let Some(sub_dir) = dir.get_dir(sub) {
        collect_embedded(sub_dir, &mut files);
    }
    files
        .into_iter()
        .map(|(name, bytes)| {
            let name = name
                .strip_prefix(&format!("{sub}/"))
                .unwrap_or(&name)
                .to_string();
            ThemeFile {
                origin: origin.join(sub).join(&name),
                name,
                bytes,
            }
        })
        .collect()
}

fn collect_embedded(dir: &Dir<'_>, out: &mut Vec<(String, Vec<u8>)>) {
    for file in dir.files() {
        out.push((
            file.path().to_string_lossy().replace('\\', "/"),
            file.contents().to_vec(),
        ));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
    out.sort();
}
