//! The HTTP side of the preview: the reload long-poll, pages from the render
//! thread, and every other file from the scratch build directory.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use super::pages::{Msg, Page, PAGE_WAIT};
use super::State;

const RELOAD_PATH: &str = "/__puerta/reload";
const RELOAD_SCRIPT: &str = "<script>(function(){var v='';function poll(){fetch('/__puerta/reload?v='+v).then(function(r){return r.text()}).then(function(t){if(v&&t!==v){location.reload();return}v=t;poll()}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>";

/// Answers one request: pages of the live site are rendered on the render thread
/// (`live`); other files come from `out`.
pub(super) fn respond(
    request: tiny_http::Request,
    out: &Path,
    state: &State,
    live: &mpsc::Sender<Msg>,
) -> io::Result<()> {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == RELOAD_PATH {
        let seen = query.strip_prefix("v=").unwrap_or("");
        let body = state
            .next_version(seen, Duration::from_secs(25))
            .to_string();
        return request.respond(
            tiny_http::Response::from_string(body).with_header(header("Cache-Control", "no-store")),
        );
    }
    let decoded = percent_decode(path);
    if let Some(page) = live_page(live, &decoded) {
        let mut bytes = page.bytes.clone();
        let content_type = content_type(Path::new(&page.path));
        if content_type.starts_with("text/html") {
            let error = state.error.lock().ok().and_then(|e| e.clone());
            let errors = [error.as_deref(), page.errors.as_deref()];
            let text = errors
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n\n");
            bytes = inject_reload(bytes, Some(text.as_str()).filter(|t| !t.is_empty()));
        }
        let response = tiny_http::Response::from_data(bytes)
            .with_status_code(page.status)
            .with_header(header("Content-Type", content_type))
            .with_header(header("Cache-Control", "no-store"));
        return request.respond(response);
    }
    let (status, file) = match resolve(out, &decoded) {
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

/// The page of the live site at the URL path `path`, if it has one: a directory's
/// `index.html` with or without the final `/`.
fn live_page(live: &mpsc::Sender<Msg>, path: &str) -> Option<std::sync::Arc<Page>> {
    let file = crate::urls::output_file(path);
    let mut candidates = vec![file.clone()];
    if Path::new(&file).extension().is_none() {
        candidates.push(format!("{file}/index.html"));
    }
    candidates.into_iter().find_map(|file| {
        let (reply, answer) = mpsc::channel();
        live.send(Msg::Page(file, reply)).ok()?;
        answer.recv_timeout(PAGE_WAIT).ok().flatten()
    })
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
