//! `puerta serve`: the live preview serves pages with the reload script, rebuilds when
//! a source changes and tells long-polling pages about the new build. Every wait is
//! bounded; the child process is killed however the test ends.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{copy_dir, fixture};

const WAIT: Duration = Duration::from_secs(20);

/// Kills the server when dropped, so that a failed assertion leaves no process behind.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// GET `path` with HTTP/1.0 (no chunked encoding); returns status and body.
fn get(addr: &str, path: &str, timeout: Duration) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect to the server");
    stream.set_read_timeout(Some(timeout)).unwrap();
    stream.set_write_timeout(Some(timeout)).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("a response in time");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("HTTP response");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status code");
    (status, body.to_string())
}

/// The content file of the article, with `text` as its body.
fn write_article(site: &Path, text: &str) {
    std::fs::write(
        site.join("content/blog/arraigo.es.md"),
        format!(
            "---\ntitle: \"Arraigo social\"\ndate: 2026-11-24\nslug: arraigo-social\n---\n\n{text}\n"
        ),
    )
    .unwrap();
}

#[test]
fn serve_injects_live_reload_and_rebuilds_on_change() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("translations"), &site);
    // The preview is built under the temporary directory, removed with it.
    let scratch = tmp.path().join("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(["serve", "--port", "0", "--root"])
        .arg(&site)
        .env("TMPDIR", &scratch)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start puerta serve");
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);

    let (lines_tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + WAIT;
    let url = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = lines
            .recv_timeout(left)
            .expect("serve announces its URL within 20 s");
        assert!(!line.contains("panicked"), "{line}");
        if let Some(rest) = line.split("Serving every language at ").nth(1) {
            break rest.split_whitespace().next().unwrap().to_string();
        }
    };
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    assert!(
        !addr.ends_with(":0"),
        "port 0 resolved to a real port: {url}"
    );

    let (status, home) = get(&addr, "/es/", WAIT);
    assert_eq!(status, 200);
    assert!(home.contains("<html lang=\"es\""), "the Spanish home");
    assert!(home.contains("/__puerta/reload"), "the live-reload script");
    let (status, _) = get(&addr, "/es/no-such-page/", WAIT);
    assert_eq!(status, 404);

    // A version that can never match returns the current one at once.
    let (status, old) = get(&addr, "/__puerta/reload?v=none", WAIT);
    assert_eq!(status, 200);
    assert!(!old.is_empty());

    // Long-poll with the current version while the article changes.
    let (done_tx, done) = mpsc::channel();
    {
        let (addr, old) = (addr.clone(), old.clone());
        std::thread::spawn(move || {
            let _ = done_tx.send(get(&addr, &format!("/__puerta/reload?v={old}"), WAIT));
        });
    }
    let deadline = Instant::now() + WAIT;
    let new = loop {
        // The watcher starts right after the URL is printed: write again until seen.
        write_article(&site, "Texto nuevo del arraigo.");
        match done.recv_timeout(Duration::from_secs(2)) {
            Ok((status, version)) => {
                assert_eq!(status, 200);
                break version;
            }
            Err(_) => assert!(Instant::now() < deadline, "no rebuild within 20 s"),
        }
    };
    assert_ne!(new, old, "the reload endpoint announces a new build");
    let (status, page) = get(&addr, "/es/blog/arraigo-social/", WAIT);
    assert_eq!(status, 200);
    assert!(
        page.contains("Texto nuevo del arraigo."),
        "the new text is served"
    );
    // Greek slugs arrive percent-encoded.
    let (status, greek) = get(
        &addr,
        "/el/blog/%CE%BA%CE%BF%CE%B9%CE%BD%CF%89%CE%BD%CE%B9%CE%BA%CE%AE-%CE%AD%CE%BD%CF%84%CE%B1%CE%BE%CE%B7/",
        WAIT,
    );
    assert_eq!(status, 200);
    assert!(greek.contains("<html lang=\"el\""));

    // A save that breaks the build: the last good pages stay, with the error over them.
    let broken = "---\ntitle: \"Arraigo social\"\ndate: 2026-02-30\nslug: arraigo-social\n---\n\nTexto roto.\n";
    let version_before_break = get(&addr, "/__puerta/reload?v=none", WAIT).1;
    std::fs::write(site.join("content/blog/arraigo.es.md"), broken).unwrap();
    let (_, after_break) = get(
        &addr,
        &format!("/__puerta/reload?v={version_before_break}"),
        WAIT,
    );
    assert_ne!(
        after_break, version_before_break,
        "a failed build also wakes the pages"
    );
    let (status, page) = get(&addr, "/es/blog/arraigo-social/", WAIT);
    assert_eq!(status, 200, "the last good site is still served");
    assert!(
        page.contains("Texto nuevo del arraigo."),
        "with the last good text"
    );
    assert!(
        page.contains("puerta-build-error"),
        "and the error shown in the page"
    );
    assert!(
        page.contains("content/blog/arraigo.es.md:3:7"),
        "naming file:line:col"
    );
    // Fixing it removes the banner.
    write_article(&site, "Texto arreglado.");
    let (_, fixed) = get(&addr, &format!("/__puerta/reload?v={after_break}"), WAIT);
    assert_ne!(fixed, after_break);
    let (_, page) = get(&addr, "/es/blog/arraigo-social/", WAIT);
    assert!(page.contains("Texto arreglado.") && !page.contains("puerta-build-error"));
    drop(server);
}
