//! Live preview: builds the site into a scratch directory, serves it on localhost,
//! rebuilds when a source file changes and tells open pages to reload.
//!
//! Input: build options and an address. Output: an HTTP server until the process
//! ends; events are handed to a callback (the library never prints). Pages learn of a
//! new build by long-polling `/__puerta/reload`, through a small script added to HTML
//! responses only here, never to the built site.

use std::io;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::{build, BuildOptions, Error, Report};

/// What the server reports while it runs.
#[derive(Debug)]
pub enum Event {
    /// The server listens at this URL.
    Listening(String),
    /// Files changed; a rebuild starts.
    Changed(Vec<PathBuf>),
    /// A build succeeded (the first one included); open pages were told to reload.
    Built(Report, Duration),
    /// The search indexes were brought up to date after a reload.
    Indexed(Report),
    /// A build failed; the previous build is still served.
    Failed(Error),
}

const RELOAD_PATH: &str = "/__puerta/reload";
const RELOAD_SCRIPT: &str = "<script>(function(){var v='';function poll(){fetch('/__puerta/reload?v='+v).then(function(r){return r.text()}).then(function(t){if(v&&t!==v){location.reload();return}v=t;poll()}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>";

/// Builds, serves `options.root` at `addr` and rebuilds on change; runs until the
/// process ends. `options.out` is where the preview is built.
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
    rebuild(&options, &state, on_event);

    let server = Arc::new(server);
    {
        let (server, out, state) = (Arc::clone(&server), out.clone(), Arc::clone(&state));
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let (out, state) = (out.clone(), Arc::clone(&state));
                std::thread::spawn(move || {
                    let _ = respond(request, &out, &state);
                });
            }
        });
    }

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reads (the build's own among them) change nothing: only writes, creations,
        // removals and renames start a rebuild, or every build would start the next.
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
        out.clone(),
        crate::cache::dir_for(&out),
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
        on_event(Event::Changed(changed));
        // Pages first, with the previous search indexes: the reload does not wait for
        // the indexes, which take longer than the pages. They follow once no other
        // change arrives for a moment.
        let quick = BuildOptions {
            search_index: false,
            ..options.clone()
        };
        if rebuild(&quick, &state, on_event) {
            match rx.recv_timeout(Duration::from_millis(300)) {
                Ok(paths) => {
                    arrived = Some(paths);
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Ok(report) = build(&options, &|_, _| {}) {
                        on_event(Event::Indexed(report));
                    }
                }
            }
        }
        arrived = rx.recv().ok();
    }
    Ok(())
}

/// What the server shares between the watcher and the request threads.
#[derive(Default)]
struct State {
    /// Bumped after every build, good or bad, so that open pages reload.
    version: AtomicU64,
    /// The errors of the last build when it failed, shown over every page until fixed.
    error: Mutex<Option<String>>,
}

/// Builds, then tells open pages to reload; whether the build succeeded.
fn rebuild(options: &BuildOptions, state: &State, on_event: &(dyn Fn(Event) + Sync)) -> bool {
    let started = Instant::now();
    let result = build(options, &|_, _| {});
    if let Ok(mut error) = state.error.lock() {
        *error = result.as_ref().err().map(error_text);
    }
    state.version.fetch_add(1, Ordering::SeqCst);
    match result {
        Ok(report) => {
            on_event(Event::Built(report, started.elapsed()));
            true
        }
        Err(e) => {
            on_event(Event::Failed(e));
            false
        }
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

fn respond(request: tiny_http::Request, out: &Path, state: &State) -> io::Result<()> {
    let version = &state.version;
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == RELOAD_PATH {
        let seen = query.strip_prefix("v=").unwrap_or("");
        let deadline = Instant::now() + Duration::from_secs(25);
        while version.load(Ordering::SeqCst).to_string() == seen && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let body = version.load(Ordering::SeqCst).to_string();
        return request.respond(
            tiny_http::Response::from_string(body).with_header(header("Cache-Control", "no-store")),
        );
    }
    let (status, file) = match resolve(out, &percent_decode(path)) {
        Some(file) => (200, file),
        None => (404, out.join("404.html")),
    };
    let Ok(mut bytes) = std::fs::read(&file) else {
        return request
            .respond(tiny_http::Response::from_string("not found").with_status_code(404));
    };
    let content_type = content_type(&file);
    if content_type.starts_with("text/html") {
        let error = state.error.lock().ok().and_then(|e| e.clone());
        bytes = inject_reload(bytes, error.as_deref());
    }
    let response = tiny_http::Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"));
    request.respond(response)
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and values are valid")
}

/// The file for a URL path, refusing anything that would leave `out`.
fn resolve(out: &Path, path: &str) -> Option<PathBuf> {
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = out.join(rel);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// Decodes `%XX` escapes (URLs of Greek slugs arrive encoded).
pub fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&path[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Adds the reload script and, after a failed build, a banner with its errors: the
/// page still shows the last good build underneath.
fn inject_reload(bytes: Vec<u8>, error: Option<&str>) -> Vec<u8> {
    let html = String::from_utf8_lossy(&bytes);
    let Some(at) = html.rfind("</body>") else {
        return bytes;
    };
    let banner = error.map_or_else(String::new, |text| {
        format!(
            "<div id=\"puerta-build-error\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;padding:1rem;font:14px/1.4 monospace\"><strong>puerta: the last change does not build; this is the last good version.</strong><pre style=\"white-space:pre-wrap\">{}</pre></div>",
            crate::render::escape_html(text)
        )
    });
    format!("{}{banner}{RELOAD_SCRIPT}{}", &html[..at], &html[at..]).into_bytes()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_greek_paths_and_refuses_escapes() {
        assert_eq!(percent_decode("/el/blog/%CF%83%CE%B5/"), "/el/blog/σε/");
        assert_eq!(percent_decode("/a%2"), "/a%2");
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(resolve(tmp.path(), "/../etc/passwd"), None);
    }
}
