//! The live site of the preview: every source kept in memory, so that a change of
//! one article re-reads that file alone before the site is resolved again.
//!
//! Input: build options, then the paths that changed. Output: a [`Model`] (the
//! resolved site with its theme and strings, ready for a [`crate::render::Renderer`])
//! or the errors of the sources, as [`crate::build`] reports them. Markdown files of
//! `content/blog/` and `content/pages/` are re-read alone; any other change
//! (configuration, theme, strings, taxonomies, directory, laws) reads everything again.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::content::{self, Section};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Localizer;
use crate::model::Site;
use crate::sources::{self, Keys, LoadedSources};
use crate::theme::{self, Theme};
use crate::{collect, link_hint, locale_diagnostic, take, BuildOptions, Error};

/// A resolved site with what rendering it needs.
pub struct Model {
    /// The site.
    pub site: Site,
    /// The theme.
    pub theme: Arc<Theme>,
    /// The interface strings.
    pub localizer: Arc<Localizer>,
    /// The clock of its pages.
    pub now: DateTime<FixedOffset>,
    /// Keys of every content file, for the hints of broken links.
    pub(crate) keys: Keys,
    /// Warnings of the sources.
    pub warnings: Vec<Diagnostic>,
}

/// Every source of a site as read, kept between changes.
pub struct Live {
    options: BuildOptions,
    /// The site root as the file watcher names it (symbolic links resolved).
    canonical_root: PathBuf,
    config: Config,
    loaded: LoadedSources,
    theme: Result<Arc<Theme>, Vec<Diagnostic>>,
    localizer: Result<Arc<Localizer>, Vec<Diagnostic>>,
}

impl Live {
    /// Reads every source of the site of `options` (its `base_url` replaces the
    /// configuration's). Fails only when the configuration does not load.
    pub fn load(options: &BuildOptions) -> Result<Live, Error> {
        let mut config = Config::load(&options.root).map_err(|e| fail(collect(e)))?;
        if let Some(url) = &options.base_url {
            config
                .override_base_url(url)
                .map_err(|e| fail(collect(e)))?;
        }
        let (loaded, (theme, locales)) = rayon::join(
            || sources::load_sources(&config),
            || (Theme::load(&config), theme::locale_files(&config)),
        );
        let localizer = locales.and_then(|files| {
            Localizer::new(&config.languages, files)
                .map(Arc::new)
                .map_err(|problems| problems.into_iter().map(locale_diagnostic).collect())
        });
        Ok(Live {
            options: options.clone(),
            canonical_root: std::fs::canonicalize(&options.root)
                .unwrap_or_else(|_| options.root.clone()),
            config,
            loaded,
            theme: theme.map(Arc::new),
            localizer,
        })
    }

    /// The Markdown document of `content/blog/` or `content/pages/` that `path`
    /// names, as the site root joined with its relative path; `None` for any other file.
    pub fn document(&self, path: &Path) -> Option<(Section, PathBuf)> {
        let rel = path
            .strip_prefix(&self.canonical_root)
            .or_else(|_| path.strip_prefix(&self.options.root))
            .ok()?;
        let mut parts = rel.components();
        if parts.next() != Some(Component::Normal("content".as_ref())) {
            return None;
        }
        let section = match parts.next()? {
            Component::Normal(dir) if dir == "blog" => Section::Blog,
            Component::Normal(dir) if dir == "pages" => Section::Pages,
            _ => return None,
        };
        let is_markdown = rel.extension().is_some_and(|e| e == "md");
        (is_markdown && parts.all(|c| matches!(c, Component::Normal(_))))
            .then(|| (section, self.config.root.join(rel)))
    }

    /// Reads `documents` again (each a section and a path from [`Live::document`]):
    /// replaces, adds or removes each of them, its problems and its key.
    pub fn reload_documents(&mut self, documents: &[(Section, PathBuf)]) {
        let config = &self.config;
        let loaded = &mut self.loaded;
        for (section, path) in documents {
            let file = crate::diag::relative(&config.root, path);
            loaded.docs.retain(|d| d.file != file);
            loaded
                .doc_errors
                .retain(|e| e.span.as_ref().is_none_or(|s| s.file != file));
            let (doc, problems, key) = if path.is_file() {
                content::reload_one(config, *section, path)
            } else {
                (None, Vec::new(), None)
            };
            loaded.doc_errors.extend(problems);
            if let Some(doc) = doc {
                // In the order of `content::load`: by section, then by file.
                let at = loaded
                    .docs
                    .partition_point(|d| (d.section, &d.file) < (doc.section, &doc.file));
                loaded.docs.insert(at, Arc::new(doc));
            }
            match key {
                Some(key) => {
                    loaded.keys.insert((*section, key));
                }
                None => forget_key(config, loaded, *section, &file),
            }
        }
    }

    /// Joins the sources into a model, or gives every error as [`crate::build`] would
    /// before rendering; `stages` gets the time of resolving.
    pub fn model(&self, stages: &mut Vec<(&'static str, Duration)>) -> Result<Model, Error> {
        let started = Instant::now();
        let mut diags = Diagnostics::new();
        let theme = take(self.theme.clone(), &mut diags);
        let localizer = take(self.localizer.clone(), &mut diags);
        let resolved = sources::resolve(
            self.config.clone(),
            self.loaded.clone(),
            self.options.drafts,
            &mut diags,
        );
        stages.push(("model", started.elapsed()));
        let Some((site, keys)) = resolved else {
            return Err(fail(diags));
        };
        let (Some(theme), Some(localizer), false) = (theme, localizer, diags.has_errors()) else {
            let links =
                site.check_links(&|section, key| keys.contains(&(section, key.to_string())));
            diags.extend(links.into_iter().map(|d| link_hint(d, &keys)));
            return Err(fail(diags));
        };
        Ok(Model {
            site,
            theme,
            localizer,
            now: self
                .options
                .now
                .unwrap_or_else(|| chrono::Utc::now().fixed_offset()),
            keys,
            warnings: diags.into_sorted(),
        })
    }
}

/// Forgets the key of a removed (or misnamed) file unless another file still has it.
fn forget_key(config: &Config, loaded: &mut LoadedSources, section: Section, file: &Path) {
    let name = file.to_string_lossy();
    let Some(stem) = name
        .strip_prefix(&format!("content/{}/", section.dir()))
        .and_then(|n| n.strip_suffix(".md"))
    else {
        return;
    };
    let Some((key, _)) = stem.rsplit_once('.') else {
        return;
    };
    let dir = config.root.join("content").join(section.dir());
    let kept = config
        .languages
        .iter()
        .any(|lang| dir.join(format!("{key}.{lang}.md")).is_file());
    if !kept {
        loaded.keys.remove(&(section, key.to_string()));
    }
}

/// The errors of `diags` as a failed build gives them.
pub(crate) fn fail(diags: Diagnostics) -> Error {
    let (errors, warnings) = diags
        .into_sorted()
        .into_iter()
        .partition(Diagnostic::is_error);
    Error::Content { errors, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_documents_from_other_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/translations");
        let live = Live::load(&BuildOptions::new(&root)).expect("the fixture loads");
        let blog = root.join("content/blog/arraigo.es.md");
        assert_eq!(
            live.document(&blog),
            Some((
                Section::Blog,
                live.config.root.join("content/blog/arraigo.es.md")
            ))
        );
        assert!(live.document(&root.join("content/pages/b.en.md")).is_some());
        assert!(live.document(&root.join("content/blog/a.yaml")).is_none());
        assert!(live.document(&root.join("content/laws/x.md")).is_none());
        assert!(live
            .document(&root.join("themes/t/templates/x.md"))
            .is_none());
        assert!(live
            .document(Path::new("/elsewhere/content/blog/a.es.md"))
            .is_none());
    }
}
