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

/// Starts `puerta serve` on `site` (its preview built under `tmp`), and gives the
/// server and its address once it announces its URL.
fn start(site: &Path, tmp: &Path) -> (Server, String) {
    let scratch = tmp.join("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_puerta"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site)
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
    // Keep reading the server's output, so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    (server, addr)
}

#[test]
fn serve_injects_live_reload_and_rebuilds_on_change() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("translations"), &site);
    let (server, addr) = start(&site, tmp.path());
    assert!(
        !addr.ends_with(":0"),
        "port 0 resolved to a real port: {addr}"
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

/// Makes a change while a page long-polls, and waits until the server announces a
/// new version. The watcher starts right after the URL is printed: the change is
/// made again until seen.
fn change_and_wait(addr: &str, change: &dyn Fn()) {
    let old = get(addr, "/__puerta/reload?v=none", WAIT).1;
    let (done_tx, done) = mpsc::channel();
    {
        let (addr, old) = (addr.to_string(), old.clone());
        std::thread::spawn(move || {
            let _ = done_tx.send(get(&addr, &format!("/__puerta/reload?v={old}"), WAIT));
        });
    }
    let deadline = Instant::now() + WAIT;
    loop {
        change();
        match done.recv_timeout(Duration::from_secs(2)) {
            Ok((status, version)) => {
                assert_eq!(status, 200);
                assert_ne!(version, old, "a new version is announced");
                return;
            }
            Err(_) => assert!(Instant::now() < deadline, "no update within 20 s"),
        }
    }
}

fn article(title: &str, category: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: 2026-11-22\ncategory: {category}\ntags: [madrid]\n---\n\n{body}\n")
}

/// The site is served from memory: an edit, a new article and a removed one show
/// at once on their pages and on the pages that list them, an invalid edit keeps
/// the last good pages under the error, and a theme edit still reloads everything.
#[test]
fn serve_renders_changes_from_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("serve-live"), &site);
    let theme = site.join("themes/default");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &theme,
    );
    let (server, addr) = start(&site, tmp.path());
    let (status, before) = get(&addr, "/es/blog/asilo/", WAIT);
    assert_eq!(status, 200);
    assert!(before.contains("Cómo se pide asilo."));

    // An edited article: its page has the new text, its lists the new title.
    let asilo = site.join("content/blog/asilo.es.md");
    change_and_wait(&addr, &|| {
        std::fs::write(&asilo, article("Asilo renovado", "asilo", "Texto editado.")).unwrap()
    });
    let (status, page) = get(&addr, "/es/blog/asilo/", WAIT);
    assert_eq!(status, 200);
    assert!(page.contains("Texto editado.") && !page.contains("Cómo se pide asilo."));
    assert!(
        page.contains("/__puerta/reload"),
        "pages from memory reload too"
    );
    for list in [
        "/es/blog/",
        "/es/blog/category/asilo/",
        "/es/blog/tag/madrid/",
        "/es/",
    ] {
        let (status, html) = get(&addr, list, WAIT);
        assert_eq!(status, 200, "{list}");
        assert!(
            html.contains("Asilo renovado"),
            "{list} shows the new title"
        );
        assert!(
            !html.contains("Pedir asilo"),
            "{list} no longer shows the old one"
        );
    }
    // Without the final slash too, as a typed URL.
    assert!(get(&addr, "/es/blog/asilo", WAIT)
        .1
        .contains("Texto editado."));

    // A new article appears on its page and in the list.
    let nuevo = site.join("content/blog/nuevo.es.md");
    change_and_wait(&addr, &|| {
        std::fs::write(
            &nuevo,
            article("Artículo nuevo", "asilo", "Recién escrito."),
        )
        .unwrap()
    });
    let (status, page) = get(&addr, "/es/blog/nuevo/", WAIT);
    assert_eq!(status, 200);
    assert!(page.contains("Recién escrito."));
    assert!(get(&addr, "/es/blog/", WAIT).1.contains("Artículo nuevo"));

    // A removed article is gone, even while the files built before still have it.
    change_and_wait(&addr, &|| {
        let _ = std::fs::remove_file(&nuevo);
    });
    let (status, page) = get(&addr, "/es/blog/nuevo/", WAIT);
    assert_eq!(status, 404);
    assert!(!page.contains("Recién escrito."));
    assert!(!get(&addr, "/es/blog/", WAIT).1.contains("Artículo nuevo"));

    // An edit with an unknown category: the error over the last good pages.
    change_and_wait(&addr, &|| {
        std::fs::write(&asilo, article("Asilo roto", "no-such-category", "Roto.")).unwrap()
    });
    let (status, page) = get(&addr, "/es/blog/asilo/", WAIT);
    assert_eq!(status, 200);
    assert!(page.contains("Texto editado.") && !page.contains("Roto."));
    assert!(page.contains("puerta-build-error"));
    assert!(
        page.contains("content/blog/asilo.es.md:4:11"),
        "naming file:line:col"
    );
    let (_, list) = get(&addr, "/es/blog/category/asilo/", WAIT);
    assert!(list.contains("Asilo renovado") && list.contains("puerta-build-error"));

    // A theme edit (with the article fixed) reloads everything.
    let base = theme.join("templates/base.html");
    let template = std::fs::read_to_string(&base).unwrap();
    change_and_wait(&addr, &|| {
        std::fs::write(&asilo, article("Asilo arreglado", "asilo", "Arreglado.")).unwrap();
        let edited = template.replace(
            "<footer class=\"site-footer\">",
            "<footer class=\"site-footer\"><p>Pie editado</p>",
        );
        std::fs::write(&base, edited).unwrap();
    });
    // Both files may arrive as two changes: wait until the footer shows.
    let deadline = Instant::now() + WAIT;
    let page = loop {
        let (_, page) = get(&addr, "/es/blog/asilo/", WAIT);
        if page.contains("Pie editado") || Instant::now() > deadline {
            break page;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(page.contains("Pie editado"), "the edited theme");
    assert!(page.contains("Arreglado.") && !page.contains("puerta-build-error"));
    drop(server);
}
