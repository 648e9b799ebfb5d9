//! `puerta` builds a static website in Spanish, Greek and English from a folder of
//! Markdown and YAML: an immigration-law knowledge base and a directory of services.
//!
//! This file only orchestrates the stages of DESIGN.md §3, each in its own module:
//! [`config`] → [`content`], [`directory`] and [`law`] → [`model`] → [`i18n`] →
//! [`markdown`] / [`render`] and, beside rendering, [`index`] (the search indexes) →
//! [`mod@write`]. Stages exchange plain data; every problem
//! is collected as a [`diag::Diagnostic`] so that one run reports them all.
//! [`load_site`] stops after the model, for reports ([`report`]).

pub mod cache;
pub mod config;
pub mod content;
pub mod diag;
pub mod directory;
pub mod export;
pub mod i18n;
pub mod index;
pub mod law;
pub mod localized;
pub mod markdown;
pub mod model;
mod outcome;
pub mod read;
pub mod render;
pub mod report;
pub mod schedule;
pub mod search_assets;
pub mod serve;
mod sources;
pub mod taxonomy;
pub mod theme;
pub mod urls;
pub mod write;
pub mod yaml;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Problem, Span};
use crate::i18n::Localizer;
use crate::model::Site;
use crate::render::{Output, Renderer};
use crate::sources::{load_sources, resolve};
use crate::theme::Theme;
pub use outcome::{Error, Report};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site directory (holds `puerta.yaml`).
    pub root: PathBuf,
    /// Output directory; default `<root>/public`.
    pub out: Option<PathBuf>,
    /// Replaces `base_url` of `puerta.yaml`.
    pub base_url: Option<String>,
    /// The build clock; a fixed one makes builds reproducible.
    pub now: Option<DateTime<FixedOffset>>,
    /// Include drafts.
    pub drafts: bool,
    /// Write the output (false: check only).
    pub write: bool,
    /// Build the search indexes; when false, the previous output's indexes are kept
    /// as they are (the live preview rebuilds them after the reload).
    pub search_index: bool,
}

impl BuildOptions {
    /// Options to build `root` into `<root>/public`.
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            out: None,
            base_url: None,
            now: None,
            drafts: false,
            write: true,
            search_index: true,
        }
    }

    /// The output directory.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// Called after each stage with its name and duration, for progress output.
pub type StageHook<'a> = &'a (dyn Fn(&'static str, Duration) + Sync);

/// Builds (or, with `write: false`, checks) a site.
pub fn build(options: &BuildOptions, on_stage: StageHook<'_>) -> Result<Report, Error> {
    let mut report = Report::default();
    let mut clock = Instant::now();
    let mut stage = |name: &'static str, report: &mut Report| {
        let took = clock.elapsed();
        on_stage(name, took);
        report.stages.push((name, took));
        clock = Instant::now();
    };
    let mut diags = Diagnostics::new();
    let fail = |diags: Diagnostics| {
        let (errors, warnings) = diags
            .into_sorted()
            .into_iter()
            .partition(Diagnostic::is_error);
        Error::Content { errors, warnings }
    };

    let mut config = Config::load(&options.root).map_err(|e| fail(collect(e)))?;
    if let Some(url) = &options.base_url {
        config
            .override_base_url(url)
            .map_err(|e| fail(collect(e)))?;
    }
    stage("config", &mut report);

    let out_dir = options.out_dir();
    let io_error = |source| Error::Io {
        path: out_dir.clone(),
        source,
    };
    let cache_dir = cache::dir_for(&out_dir);
    let mut key = None;
    let previous = if options.write {
        write::recover(&out_dir).map_err(io_error)?;
        let previous = cache::manifest::Previous::load(&out_dir, &cache_dir);
        key = build_key(options, &config, &cache_dir);
        if previous.intact && key.is_some() && previous.fingerprint == key {
            stage("cache", &mut report);
            return Ok(reused(report, &previous));
        }
        stage("cache", &mut report);
        Some(previous)
    } else {
        None
    };

    let (loaded, (theme, locales)) = rayon::join(
        || load_sources(&config),
        || (Theme::load(&config), theme::locale_files(&config)),
    );
    let theme = take(theme, &mut diags);
    let locales = take(locales, &mut diags);
    stage("load", &mut report);

    let localizer = locales.and_then(|files| {
        let result = Localizer::new(&config.languages, files);
        take(
            result.map_err(|problems| problems.into_iter().map(locale_diagnostic).collect()),
            &mut diags,
        )
    });
    let Some((site, keys)) = resolve(config, loaded, options.drafts, &mut diags) else {
        return Err(fail(diags));
    };
    let (Some(theme), Some(localizer), false) = (theme, localizer, diags.has_errors()) else {
        // Links are otherwise checked while rendering, which a failed build skips.
        let links = site.check_links(&|section, key| keys.contains(&(section, key.to_string())));
        diags.extend(links.into_iter().map(|d| link_hint(d, &keys)));
        return Err(fail(diags));
    };
    report.articles = site.articles.len();
    report.pages = site.pages.len();
    stage("model", &mut report);

    let now = options
        .now
        .unwrap_or_else(|| chrono::Utc::now().fixed_offset());
    let runtime = search_assets::Runtime::new(site.config.base_path());
    let renderer = match Renderer::new(&site, Arc::new(localizer), &theme, now) {
        Ok(r) => r.with_search(&runtime),
        Err(e) => {
            diags.extend(e);
            return Err(fail(diags));
        }
    };
    let staging = match previous {
        Some(previous) => Some(write::Staging::new(&out_dir, previous).map_err(io_error)?),
        None => None,
    };
    let jobs = renderer.jobs();
    let errors = Mutex::new(Vec::new());
    let recorded = index::reuse::load(&cache_dir);
    let reusable = |lang: &str, fingerprint: u128| {
        staging
            .as_ref()
            .is_some_and(|s| index::reuse::reusable(&recorded, s.previous(), lang, fingerprint))
    };
    // Render on every core; write on one thread. Creating thousands of files from
    // several threads at once makes them spin on directory locks in the kernel (the
    // benchmark spent three times more system time than a sequential copy).
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(Output, u128)>(256);
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(|| write::drain(staging.as_ref(), receiver));
        for output in static_outputs(&theme).chain(runtime.outputs()) {
            send(&sender, output);
        }
        // The open-data export of a site with a directory, one language per task.
        if !site.directory.services.is_empty() || !site.directory.organizations.is_empty() {
            site.config
                .languages
                .par_iter()
                .for_each_with(sender.clone(), |sender, lang| {
                    for output in export::hsds::hsds(&site.directory, &site.config, lang) {
                        send(sender, output);
                    }
                });
        }
        // The search indexes are built beside rendering, on the same pool.
        let index_sender = sender.clone();
        let (_, indexed) = rayon::join(
            || {
                jobs.par_iter().for_each_with(sender, |sender, job| {
                    let mut local = Vec::new();
                    let output = renderer.render(*job, &mut local);
                    if !local.is_empty() {
                        if let Ok(mut e) = errors.lock() {
                            e.extend(local);
                        }
                    }
                    if let Some(output) = output {
                        send(sender, output);
                    }
                });
            },
            || {
                let enabled = options.write && options.search_index;
                index_stage(&site, enabled, &reusable, index_sender)
            },
        );
        (writer.join(), indexed)
    });
    let (written, indexed) = written;
    if let Some((took, stats)) = indexed? {
        on_stage("index", took);
        report.stages.push(("index", took));
        report.indexes = stats;
    }
    let written = match written {
        Ok(Ok(written)) => written,
        Ok(Err((path, source))) => {
            return Err(Error::Io {
                path: out_dir.join(path),
                source,
            })
        }
        Err(panic) => std::panic::resume_unwind(panic),
    };
    report.files = written.files;
    report.bytes = written.bytes;
    report.changed = written.changed;
    stage("render", &mut report); // rendering and writing overlap: each job writes its file

    let render_errors = errors.into_inner().unwrap_or_default();
    diags.extend(render_errors.into_iter().map(|d| link_hint(d, &keys)));
    if diags.has_errors() {
        return Err(fail(diags));
    }
    report.warnings = diags.into_sorted();
    if let Some(staging) = staging {
        let mut entries = written.entries;
        // Indexes not built this time keep the previous build's files: all of them in
        // the live preview's quick builds, the unchanged languages otherwise.
        let kept_langs: Vec<&str> = if options.search_index {
            let reused = report.indexes.iter().filter(|i| i.reused);
            reused.map(|i| i.lang.as_str()).collect()
        } else {
            key = None; // an output with stale indexes is never reused as a whole
            site.config.languages.iter().map(String::as_str).collect()
        };
        let kept = staging.previous().valid.iter().filter(|(path, _)| {
            let lang = path.strip_prefix("search/").and_then(|p| p.split_once('/'));
            lang.is_some_and(|(lang, _)| kept_langs.contains(&lang))
        });
        for (path, entry) in kept {
            report.files += 1;
            report.bytes += entry.stamp.size;
            entries.insert(path.clone(), *entry);
        }
        report.removed = staging.commit(&entries).map_err(io_error)?;
        // A build with warnings is never reused as a whole: it could not repeat them.
        let manifest = cache::manifest::Manifest {
            fingerprint: key.filter(|_| report.warnings.is_empty()),
            entries,
            articles: report.articles,
            pages: report.pages,
        };
        // Without a manifest the next build only writes every file again; without
        // the index record, it builds every index again.
        if manifest.save(&cache_dir).is_ok() && options.search_index {
            let fingerprints: Vec<(String, u128)> = (report.indexes.iter())
                .map(|i| (i.lang.clone(), i.fingerprint))
                .collect();
            let _ = index::reuse::save(&cache_dir, &fingerprints, &manifest.entries);
        }
        stage("commit", &mut report);
    }
    Ok(report)
}

/// Loads and resolves a site without rendering it, for reports: the site and its
/// warnings (repealed laws, term names missing in a language…), or every error.
pub fn load_site(options: &BuildOptions) -> Result<(Site, Vec<Diagnostic>), Error> {
    let fail = |diags: Diagnostics| {
        let (errors, warnings) = diags
            .into_sorted()
            .into_iter()
            .partition(Diagnostic::is_error);
        Error::Content { errors, warnings }
    };
    let mut diags = Diagnostics::new();
    let config = Config::load(&options.root).map_err(|e| fail(collect(e)))?;
    let loaded = load_sources(&config);
    let site = resolve(config, loaded, options.drafts, &mut diags);
    match site {
        Some((site, _)) if !diags.has_errors() => Ok((site, diags.into_sorted())),
        _ => Err(fail(diags)),
    }
}

/// Builds the search indexes (those `reusable` does not accept) and sends their files
/// to the writer; gives the time it took and what each language's took, or `None` when
/// nothing is written (`puerta check`).
fn index_stage(
    site: &Site,
    enabled: bool,
    reusable: &(dyn Fn(&str, u128) -> bool + Sync),
    sender: std::sync::mpsc::SyncSender<(Output, u128)>,
) -> Result<Option<(Duration, Vec<index::IndexStats>)>, index::IndexError> {
    if !enabled {
        return Ok(None);
    }
    let started = Instant::now();
    let (outputs, stats) = index::outputs(site, reusable)?;
    for output in outputs {
        send(&sender, output);
    }
    Ok(Some((started.elapsed(), stats)))
}

/// Hands an output to the writer with its content hash, computed on the calling
/// (rendering) thread. A closed channel means the writer failed; its error is
/// reported when it is joined.
fn send(sender: &std::sync::mpsc::SyncSender<(Output, u128)>, output: Output) {
    let hash = cache::hash(&output.bytes);
    let _ = sender.send((output, hash));
}

/// The key under which a build's output may be reused as a whole: the inputs, the
/// options, the binary and the build clock. `None` when the clock matters and is not
/// fixed: a site with opening times, calendars or law statuses is rendered again on
/// every build unless `--now` is given. Without `--now`, other sites depend on the
/// clock only through the date (the year in footers, feeds' `updated`).
fn build_key(options: &BuildOptions, config: &Config, cache_dir: &std::path::Path) -> Option<u128> {
    let inputs = cache::inputs::fingerprint(&options.root, cache_dir);
    let clock = match options.now {
        Some(now) => now.to_rfc3339(),
        None if inputs.uses_clock => return None,
        None => chrono::Utc::now().date_naive().to_string(),
    };
    let binary = cache::binary_stamp();
    let mut fp = cache::Fingerprint::default();
    fp.add(&inputs.fingerprint.to_le_bytes())
        .add(env!("CARGO_PKG_VERSION").as_bytes())
        .add(binary.as_bytes())
        .add(config.base_url.as_bytes())
        .add(&[u8::from(options.drafts)])
        .add(clock.as_bytes());
    Some(fp.finish())
}

/// The report of a build that found its output already up to date.
fn reused(mut report: Report, previous: &cache::manifest::Previous) -> Report {
    report.files = previous.valid.len();
    report.bytes = previous.valid.values().map(|e| e.stamp.size).sum();
    (report.articles, report.pages) = previous.counts;
    report.reused = true;
    report
}

fn static_outputs(theme: &Theme) -> impl Iterator<Item = Output> + '_ {
    theme.statics.iter().map(|f| Output {
        path: format!("static/{}", f.name),
        bytes: f.bytes.clone(),
    })
}

pub(crate) fn collect(items: Vec<Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics::new();
    d.extend(items);
    d
}

/// Keeps a stage's value, or records its problems and gives `None`.
pub(crate) fn take<T>(result: Result<T, Vec<Diagnostic>>, diags: &mut Diagnostics) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            diags.extend(e);
            None
        }
    }
}

/// Adds a did-you-mean to a broken internal link: the closest key of its section, or
/// the key without the language suffix that editors often copy from the file name.
pub(crate) fn link_hint(
    d: Diagnostic,
    keys: &std::collections::HashSet<(content::Section, String)>,
) -> Diagnostic {
    let Problem::UnknownReference { what, found } = &d.problem else {
        return d;
    };
    if what != "link target" || d.help.is_some() {
        return d;
    }
    let found = found.clone();
    let target = found.split('#').next().unwrap_or_default();
    let Some((dir, file)) = target.strip_prefix("@/").and_then(|t| t.split_once('/')) else {
        return d;
    };
    let section = match dir {
        "blog" => content::Section::Blog,
        "pages" => content::Section::Pages,
        _ => return d,
    };
    let key = file.strip_suffix(".md").unwrap_or(file);
    let known = keys
        .iter()
        .filter(|(s, _)| *s == section)
        .map(|(_, k)| k.as_str());
    if let Some((bare, _)) = key
        .rsplit_once('.')
        .filter(|(k, _)| keys.contains(&(section, k.to_string())))
    {
        let help = format!("link to the key without the language: `@/{dir}/{bare}.md`");
        return d.help(help);
    }
    let best = diag::did_you_mean(key, known).map(str::to_string);
    match best {
        Some(best) => d.help(format!("did you mean `@/{dir}/{best}.md`?")),
        None => d,
    }
}

/// A locale file problem as a diagnostic at its place.
pub(crate) fn locale_diagnostic(p: i18n::LocaleProblem) -> Diagnostic {
    let span = Span::new(&p.file, p.line, p.col);
    match p.kind {
        i18n::LocaleProblemKind::Syntax { message } => {
            let d = Diagnostic::error(span, Problem::Locale(format!("Fluent syntax: {message}")));
            if message.contains("\"=\"") {
                d.expected(
                    "a line `<key> = <text>`; a text that goes on has its next lines indented",
                )
            } else {
                d
            }
        }
        i18n::LocaleProblemKind::DuplicateKey { key } => Diagnostic::error(
            span,
            Problem::Duplicate {
                what: "interface string".into(),
                found: key,
            },
        ),
        i18n::LocaleProblemKind::MissingKey { key, defined_in } => Diagnostic::error(
            span,
            Problem::Locale(format!("missing interface string `{key}`")),
        )
        .expected(format!("a line `{key} = …` with the text in this language"))
        .help(format!(
            "it is defined in {}; add a translation here",
            defined_in.display()
        )),
    }
}

/// A problem that belongs to no source file (internal, for the binary's use).
pub fn plain_error(message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        span: None,
        ..Diagnostic::error(Span::file(""), Problem::Io(message.into()))
    }
}
