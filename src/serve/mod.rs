//! Live preview: serves the site on localhost from memory, updates it when a source
//! file changes and tells open pages to reload.
//!
//! Input: build options and an address. Output: an HTTP server until the process
//! ends; events are handed to a callback (the library never prints). Pages learn of a
//! new version by long-polling `/__puerta/reload`, through a small script added to
//! HTML responses only here, never to the built site.
//!
//! The site is kept in memory, as Hugo's and Zola's servers do: the module `pages`
//! owns the sources read ([`live`]) and renders each page when it is asked for. A
//! change of an article re-reads that file alone, resolves the site again and
//! announces the reload at once; once no change arrives for a moment, a whole build
//! into a scratch directory ([`crate::build`], on a thread pool of its own) brings the
//! files that are not pages up to date (search indexes, static files, the open-data
//! export), which the module `http` serves from there.

mod http;
pub mod live;
mod pages;

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::{build, BuildOptions, Error, Report};
pub use http::percent_decode;

/// What the server reports while it runs.
#[derive(Debug)]
pub enum Event {
    /// The server listens at this URL.
    Listening(String),
    /// Files changed; the site is updated.
    Changed(Vec<PathBuf>),
    /// The first build succeeded.
    Built(Report, Duration),
    /// The site in memory was updated and open pages were told to reload: the time
    /// since the change was seen, and of each stage.
    Updated(Duration, Vec<(&'static str, Duration)>),
    /// The build into the scratch directory caught up with a change (search indexes).
    Indexed(Report),
    /// The sources or a build failed; the last good version is still served.
    Failed(Error),
}

/// Quiet time after a change before the whole build into the scratch directory.
const QUIET: Duration = Duration::from_millis(300);

/// Builds, serves `options.root` at `addr` and updates on change; runs until the
/// process ends. `options.out` is where the files that are not pages are built.
pub fn serve(
    mut options: BuildOptions,
    addr: SocketAddr,
    on_event: &(dyn Fn(Event) + Sync),
) -> io::Result<()> {
    let server = tiny_http::Server::http(addr)
        .map_err(|e| io::Error::new(io::ErrorKind::AddrInUse, e.to_string()))?;
    let local = server.server_addr().to_ip().unwrap_or(addr);
    let url = format!("http://{local}/");
    options.base_url = Some(url.clone());
    let out = options.out_dir();
    let state = Arc::new(State::default());
    first_build(&options, &state, on_event);

    let (live, messages) = mpsc::channel();
    let (builds, build_requests) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let (ready_tx, ready) = mpsc::channel();
        {
            let (options, state) = (options.clone(), &*state);
            scope.spawn(move || pages::run(options, &messages, state, on_event, ready_tx));
        }
        {
            let (options, state) = (options.clone(), &*state);
            scope.spawn(move || background_builds(&options, &build_requests, state, on_event));
        }
        // The live site answers from the first request on.
        let _ = ready.recv();
        let server = Arc::new(server);
        {
            let (server, out, state) = (Arc::clone(&server), out.clone(), Arc::clone(&state));
            let live = live.clone();
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    let (out, state, live) = (out.clone(), Arc::clone(&state), live.clone());
                    std::thread::spawn(move || {
                        let _ = http::respond(request, &out, &state, &live);
                    });
                }
            });
        }
        let result = watch(&options, &out, url, &live, &builds, on_event);
        // Ends the render and build threads, so that the scope can close.
        let _ = live.send(pages::Msg::Stop);
        drop(builds);
        server.unblock();
        result
    })
}

/// Watches the site and hands each change to the render thread, then asks for a
/// whole build once no change arrives for [`QUIET`]. Returns when watching fails.
fn watch(
    options: &BuildOptions,
    out: &std::path::Path,
    url: String,
    live: &mpsc::Sender<pages::Msg>,
    builds: &mpsc::Sender<()>,
    on_event: &(dyn Fn(Event) + Sync),
) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reads (the build's own among them) change nothing: only writes, creations,
        // removals and renames start an update, or every build would start the next.
        match event {
            Ok(event) if !matches!(event.kind, notify::EventKind::Access(_)) => {
                let _ = tx.send(event.paths);
            }
            _ => {}
        }
    })
    .map_err(io::Error::other)?;
    watcher
        .watch(&options.root, RecursiveMode::Recursive)
        .map_err(io::Error::other)?;
    on_event(Event::Listening(url));
    let ignored = [
        out.to_path_buf(),
        crate::cache::dir_for(out),
        options.root.join(".puerta-cache"),
        options.root.join("target"),
        options.root.join(".git"),
        options.root.join("public"),
    ];
    let relevant = |p: &PathBuf| {
        !ignored.iter().any(|i| p.starts_with(i))
            && !p.file_name().is_some_and(|n| {
                n.to_string_lossy().starts_with(".") || n.to_string_lossy().ends_with('~')
            })
    };
    let mut arrived = rx.recv().ok();
    while let Some(paths) = arrived.take() {
        let mut changed: Vec<PathBuf> = paths.into_iter().filter(&relevant).collect();
        // Editors write in several steps: gather what else arrives shortly after.
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(30)) {
            changed.extend(more.into_iter().filter(&relevant));
        }
        if changed.is_empty() {
            arrived = rx.recv().ok();
            continue;
        }
        changed.sort();
        changed.dedup();
        on_event(Event::Changed(changed.clone()));
        let (done, updated) = mpsc::channel();
        if live.send(pages::Msg::Change(changed, done)).is_err() {
            break;
        }
        // The pages first: the reload does not wait for the search indexes, which
        // take longer. They follow once no other change arrives for a moment.
        if updated.recv().unwrap_or(false) {
            match rx.recv_timeout(QUIET) {
                Ok(paths) => {
                    arrived = Some(paths);
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let _ = builds.send(());
                }
            }
        }
        arrived = rx.recv().ok();
    }
    Ok(())
}

/// Runs the whole builds asked for, one at a time, on a thread pool of their own:
/// the render thread's work never queues behind theirs. Requests that arrive during
/// a build are answered by one build after it.
fn background_builds(
    options: &BuildOptions,
    requests: &mpsc::Receiver<()>,
    state: &State,
    on_event: &(dyn Fn(Event) + Sync),
) {
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("puerta-build-{i}"))
        .build();
    while requests.recv().is_ok() {
        while requests.try_recv().is_ok() {}
        let version = state.version.load(Ordering::SeqCst);
        let result = match &pool {
            Ok(pool) => pool.install(|| build(options, &|_, _| {})),
            Err(_) => build(options, &|_, _| {}),
        };
        match result {
            Ok(report) => on_event(Event::Indexed(report)),
            // Only a build of the sources as they are now may show its errors (a
            // broken link is found while rendering every page); a later change
            // already asked for the next build.
            Err(e) if state.version.load(Ordering::SeqCst) == version => {
                if let Ok(mut error) = state.error.lock() {
                    *error = Some(error_text(&e));
                }
                state.bump();
                on_event(Event::Failed(e));
            }
            Err(_) => {}
        }
    }
}

/// What the server shares between the watcher, the render thread and the request
/// threads.
#[derive(Default)]
struct State {
    /// Bumped after every update, good or bad, so that open pages reload.
    version: AtomicU64,
    /// The errors of the sources when they fail, shown over every page until fixed.
    error: Mutex<Option<String>>,
    /// Wakes the long-polls when the version changes (bumped under `bumping`).
    bumped: Condvar,
    bumping: Mutex<()>,
}

impl State {
    /// A new version: open pages reload.
    fn bump(&self) {
        let _guard = self.bumping.lock();
        self.version.fetch_add(1, Ordering::SeqCst);
        self.bumped.notify_all();
    }

    /// The version once it is no longer `seen`, or after `wait`.
    fn next_version(&self, seen: &str, wait: Duration) -> u64 {
        let deadline = Instant::now() + wait;
        let Ok(mut guard) = self.bumping.lock() else {
            return self.version.load(Ordering::SeqCst);
        };
        loop {
            let version = self.version.load(Ordering::SeqCst);
            let left = deadline.saturating_duration_since(Instant::now());
            if version.to_string() != seen || left.is_zero() {
                return version;
            }
            match self.bumped.wait_timeout(guard, left) {
                Ok((next, _)) => guard = next,
                Err(_) => return self.version.load(Ordering::SeqCst),
            }
        }
    }
}

/// The first build, into the scratch directory, before serving.
fn first_build(options: &BuildOptions, state: &State, on_event: &(dyn Fn(Event) + Sync)) {
    let started = Instant::now();
    let result = build(options, &|_, _| {});
    if let Ok(mut error) = state.error.lock() {
        *error = result.as_ref().err().map(error_text);
    }
    state.bump();
    match result {
        Ok(report) => on_event(Event::Built(report, started.elapsed())),
        Err(e) => on_event(Event::Failed(e)),
    }
}

/// The errors of a failed build as plain text, one diagnostic per paragraph.
fn error_text(error: &Error) -> String {
    match error {
        Error::Content { errors, .. } => errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n\n"),
        other => other.to_string(),
    }
}
