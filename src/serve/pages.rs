//! The render thread of the preview: it owns the live site and renders the pages
//! that are asked for, one request at a time, until a change arrives; then it
//! re-reads what changed, resolves the site again and announces the reload.
//!
//! Input: [`Msg`]s from the request threads and the watcher. Output: pages (kept
//! until the next change), the version and errors of the shared [`State`], events.
//! A [`Renderer`] borrows its site, so the site lives on this thread's stack for as
//! long as its renderer answers; nothing is leaked from one change to the next.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use super::live::{Live, Model};
use super::{error_text, Event, State};
use crate::diag::Diagnostic;
use crate::render::{Job, Renderer};
use crate::{search_assets, BuildOptions, Error};

/// What the render thread is asked.
pub(super) enum Msg {
    /// The output file at this path (`es/blog/x/index.html`); the answer is `None`
    /// when no page of the live site has that path (the request goes to the disk).
    Page(String, mpsc::Sender<Option<Arc<Page>>>),
    /// These files changed; the answer says whether the site still builds.
    Change(Vec<PathBuf>, mpsc::Sender<bool>),
    /// The server stops.
    Stop,
}

/// A rendered page, before the reload script is added.
pub(super) struct Page {
    /// 200, or 404 for a page the last change removed.
    pub status: u16,
    /// Output path, for its content type.
    pub path: String,
    /// Content.
    pub bytes: Vec<u8>,
    /// Problems found while rendering it (a broken link), shown over it.
    pub errors: Option<String>,
}

/// How serving one model ended.
enum Next {
    /// A change gave a new model; its renderer is still to be made.
    Model(Box<Model>, mpsc::Sender<bool>),
    /// The theme or the strings of the model do not render.
    Unrenderable(Vec<Diagnostic>, Option<mpsc::Sender<bool>>),
    /// Nothing more will be asked.
    Closed,
}

/// What a render thread keeps from one model to the next.
struct Keeper<'s> {
    options: BuildOptions,
    live: Option<Live>,
    state: &'s State,
    on_event: &'s (dyn Fn(Event) + Sync),
    /// Output paths of the pages of the previous model.
    paths: HashMap<String, usize>,
    /// Paths of pages that a change removed: 404 even while the disk still has them.
    retired: HashSet<String>,
    /// When the change being applied arrived, and the time of its stages so far.
    pending: Option<(Instant, Vec<(&'static str, Duration)>)>,
}

/// Loads the live site, then answers `messages` until they end. `ready` is told
/// once the first model can answer.
pub(super) fn run(
    options: BuildOptions,
    messages: &mpsc::Receiver<Msg>,
    state: &State,
    on_event: &(dyn Fn(Event) + Sync),
    ready: mpsc::Sender<()>,
) {
    let mut stages = Vec::new();
    let live = Live::load(&options).ok();
    let mut current = live
        .as_ref()
        .and_then(|live| live.model(&mut stages).ok())
        .map(Box::new);
    let mut keeper = Keeper {
        options,
        live,
        state,
        on_event,
        paths: HashMap::new(),
        retired: HashSet::new(),
        pending: None,
    };
    let mut ready = Some(ready);
    let mut fallback: Option<Box<Model>> = None;
    let mut ack = None;
    loop {
        match keeper.serve(current.as_deref(), messages, ack.take(), &mut ready) {
            Next::Model(model, done) => {
                fallback = current.replace(model);
                ack = Some(done);
            }
            Next::Unrenderable(errors, done) => {
                let error = crate::serve::live::fail(diagnostics(errors));
                keeper.announce(Some(&error));
                on_event(Event::Failed(error));
                if let Some(done) = done {
                    let _ = done.send(false);
                }
                // The last good model again (none when the first one fails).
                current = fallback.take();
            }
            Next::Closed => return,
        }
    }
}

fn diagnostics(errors: Vec<Diagnostic>) -> crate::diag::Diagnostics {
    let mut diags = crate::diag::Diagnostics::new();
    diags.extend(errors);
    diags
}

impl Keeper<'_> {
    /// Answers requests from `model` until a change gives another model.
    fn serve(
        &mut self,
        model: Option<&Model>,
        messages: &mpsc::Receiver<Msg>,
        ack: Option<mpsc::Sender<bool>>,
        ready: &mut Option<mpsc::Sender<()>>,
    ) -> Next {
        let started = Instant::now();
        let runtime = model.map(|m| search_assets::Runtime::new(m.site.config.base_path()));
        let renderer = match (model, &runtime) {
            (Some(m), Some(runtime)) => {
                match Renderer::for_preview(&m.site, Arc::clone(&m.localizer), &m.theme, m.now) {
                    Ok(r) => Some(r.with_search(runtime)),
                    Err(errors) => return Next::Unrenderable(errors, ack),
                }
            }
            _ => None,
        };
        let renderer_took = started.elapsed();
        let jobs = renderer.as_ref().map(Renderer::jobs).unwrap_or_default();
        let paths: HashMap<String, usize> = renderer.as_ref().map_or_else(HashMap::new, |r| {
            use rayon::prelude::*;
            jobs.par_iter()
                .enumerate()
                .map(|(i, job)| (r.job_path(*job), i))
                .collect()
        });
        let paths_took = started.elapsed() - renderer_took;
        if renderer.is_some() {
            let old = std::mem::replace(&mut self.paths, paths);
            self.retired
                .extend(old.into_keys().filter(|p| !self.paths.contains_key(p)));
            let paths = &self.paths;
            self.retired.retain(|p| !paths.contains_key(p));
        }
        if let Some(ack) = ack {
            self.announce(None);
            let (since, mut stages) = self.pending.take().unwrap_or((started, Vec::new()));
            stages.extend([("renderer", renderer_took), ("paths", paths_took)]);
            (self.on_event)(Event::Updated(since.elapsed(), stages));
            let _ = ack.send(true);
        }
        if let Some(ready) = ready.take() {
            let _ = ready.send(());
        }
        let mut memo: HashMap<String, Arc<Page>> = HashMap::new();
        for message in messages {
            match message {
                Msg::Page(path, reply) => {
                    let page = match (&renderer, model) {
                        (Some(r), Some(m)) => self.page(r, &m.keys, &jobs, &mut memo, &path),
                        _ => None,
                    };
                    let _ = reply.send(page);
                }
                Msg::Change(changed, done) => {
                    if let Some(next) = self.change(&changed) {
                        return Next::Model(Box::new(next), done);
                    }
                    let _ = done.send(false);
                }
                Msg::Stop => break,
            }
        }
        Next::Closed
    }

    /// The page at `path`, rendered once per model.
    fn page(
        &self,
        renderer: &Renderer<'_>,
        keys: &crate::sources::Keys,
        jobs: &[Job<'_>],
        memo: &mut HashMap<String, Arc<Page>>,
        path: &str,
    ) -> Option<Arc<Page>> {
        if let Some(page) = memo.get(path) {
            return Some(Arc::clone(page));
        }
        let (status, job) = match self.paths.get(path) {
            Some(&i) => (200, jobs[i]),
            None if self.retired.contains(path) => (404, Job::NotFound),
            None => return None,
        };
        let mut errors = Vec::new();
        let output = renderer.render(job, &mut errors);
        let errors: Vec<Diagnostic> = errors
            .into_iter()
            .map(|d| crate::link_hint(d, keys))
            .collect();
        let page = match output {
            Some(output) => Page {
                status,
                path: output.path,
                bytes: output.bytes,
                errors: (!errors.is_empty()).then(|| text(errors)),
            },
            None => Page {
                status: 500,
                path: "error.html".into(),
                bytes: b"<!doctype html><html><body></body></html>".to_vec(),
                errors: Some(text(errors)),
            },
        };
        let page = Arc::new(page);
        memo.insert(path.to_string(), Arc::clone(&page));
        Some(page)
    }

    /// Applies a change to the sources: the new model, or `None` when they fail
    /// (the errors are announced; the current model stays).
    fn change(&mut self, changed: &[PathBuf]) -> Option<Model> {
        let started = Instant::now();
        let documents: Option<Vec<_>> = match &self.live {
            Some(live) => changed.iter().map(|p| live.document(p)).collect(),
            None => None,
        };
        let mut stages = Vec::new();
        let loaded = match (documents, self.live.as_mut()) {
            (Some(documents), Some(live)) => {
                live.reload_documents(&documents);
                Ok(())
            }
            _ => Live::load(&self.options).map(|live| {
                self.live = Some(live);
            }),
        };
        if loaded.is_err() {
            // The next change reads everything again.
            self.live = None;
        }
        stages.push(("read", started.elapsed()));
        let result = loaded.and_then(|()| match &self.live {
            Some(live) => live.model(&mut stages),
            None => unreachable!("the sources loaded"),
        });
        match result {
            Ok(model) => {
                self.pending = Some((started, stages));
                Some(model)
            }
            Err(error) => {
                self.announce(Some(&error));
                (self.on_event)(Event::Failed(error));
                None
            }
        }
    }

    /// Tells open pages to reload, with the errors of the sources if they fail.
    fn announce(&self, error: Option<&Error>) {
        if let Ok(mut shown) = self.state.error.lock() {
            *shown = error.map(error_text);
        }
        self.state.bump();
    }
}

/// Render problems as plain text, one per paragraph.
fn text(errors: Vec<Diagnostic>) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// How long a request waits for the render thread before the disk answers.
pub(super) const PAGE_WAIT: Duration = Duration::from_secs(30);
