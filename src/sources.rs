//! Load and model stages of a build, shared by [`crate::build`], [`crate::load_site`]
//! and the live preview ([`crate::serve`]), which keeps what loaded and replaces only
//! the documents that changed before resolving the site again.
//!
//! Input: the configuration. Output: the [`LoadedSources`], then the resolved
//! [`Site`] with the keys of every content file; problems go to a [`Diagnostics`].

use std::sync::Arc;

use crate::config::Config;
use crate::content::{self, Doc, Section};
use crate::diag::{Diagnostic, Diagnostics};
use crate::directory::Directory;
use crate::law::{self, Laws};
use crate::model::{Site, Sources};
use crate::taxonomy::Taxonomy;

/// What the load stage read, before the model joins it. Cloning it copies no
/// document: they are shared.
#[derive(Debug, Clone)]
pub(crate) struct LoadedSources {
    /// Documents that loaded, in the order of their files (blog, then pages).
    pub docs: Vec<Arc<Doc>>,
    /// Problems of the content files that did not load.
    pub doc_errors: Vec<Diagnostic>,
    /// Keys of every content file with a well-formed name.
    pub keys: Keys,
    pub categories: Result<Taxonomy, Vec<Diagnostic>>,
    pub tags: Result<Taxonomy, Vec<Diagnostic>>,
    pub directory: (Directory, Vec<Diagnostic>),
    pub laws: (Laws, Vec<Diagnostic>),
}

/// Reads content, taxonomies, the directory and the laws, in parallel.
pub(crate) fn load_sources(config: &Config) -> LoadedSources {
    let ((content, categories, tags), (directory, laws)) = rayon::join(
        || {
            (
                content::load(config),
                Taxonomy::load(config, "categories"),
                Taxonomy::load(config, "tags"),
            )
        },
        || rayon::join(|| Directory::load(config), || law::load(config)),
    );
    let content::Loaded { docs, errors, keys } = content;
    LoadedSources {
        docs: docs.into_iter().map(Arc::new).collect(),
        doc_errors: errors,
        keys,
        categories,
        tags,
        directory,
        laws,
    }
}

/// Keys of every content file with a well-formed name, for link checks.
pub(crate) type Keys = std::collections::HashSet<(Section, String)>;

/// The model stage: joins what loaded into a [`Site`] and adds the warnings of the
/// site (taxonomy names, repealed laws). `None` when the taxonomies failed to load,
/// which would make every term reference an error.
pub(crate) fn resolve(
    config: Config,
    loaded: LoadedSources,
    drafts: bool,
    diags: &mut Diagnostics,
) -> Option<(Site, Keys)> {
    let LoadedSources {
        docs,
        doc_errors,
        keys,
        categories,
        tags,
        directory: (directory, directory_errors),
        laws: (laws, law_errors),
    } = loaded;
    diags.extend(doc_errors);
    diags.extend(directory_errors);
    diags.extend(law_errors);
    // Resolve what loaded even when some files failed, so that one run also reports
    // the unknown terms of the others; without taxonomies that would only add noise.
    let (Some(categories), Some(tags)) = (crate::take(categories, diags), crate::take(tags, diags))
    else {
        return None;
    };
    let sources = Sources {
        docs,
        categories,
        tags,
        directory,
        laws,
    };
    let (site, model_errors) = Site::resolve(config, sources, drafts);
    diags.extend(model_errors);
    diags.extend(
        site.categories
            .warnings
            .iter()
            .chain(&site.tags.warnings)
            .chain(&site.directory.areas.warnings)
            .chain(&site.directory.eligibility.warnings)
            .cloned(),
    );
    diags.extend(law::review::repeal_warnings(&site));
    Some((site, keys))
}
