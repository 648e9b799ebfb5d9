//! Shared helpers of the integration tests: build a fixture site into a temporary
//! directory with a fixed clock, read what was written, look into HTML pages. Helpers
//! of one area live in submodules: the fixture sites that build ([`site`]), Atom feeds
//! ([`atom`]), the directory's validation errors ([`directory`]), the HSDS export and
//! its schemas ([`hsds`]), and `.ics` files read with an independent iCalendar
//! implementation ([`ics`]).
//!
//! The HTML that puerta writes is HTML5, not XML (`<!doctype html>`, unclosed `<meta>`),
//! so [`Html`] is a small tolerant tag scanner: enough to find elements, their
//! attributes (with entities decoded) and their text, without a parser dependency.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

pub mod atom;
pub mod directory;
pub mod hsds;
pub mod ics;
pub mod site;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use puerta::diag::Diagnostic;
use puerta::{BuildOptions, Report};

/// The fixed build clock of every test build.
pub const NOW: &str = "2026-11-26T12:00:00Z";

/// The directory of a fixture site.
pub fn fixture(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name);
    assert!(dir.is_dir(), "no fixture {}", dir.display());
    dir
}

/// Build options for `root` into `out` with the fixed clock.
pub fn options(root: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        out: Some(out.to_path_buf()),
        now: Some(chrono::DateTime::parse_from_rfc3339(NOW).expect("NOW is RFC 3339")),
        ..BuildOptions::new(root)
    }
}

/// A site built into a temporary directory (removed on drop).
pub struct Built {
    /// Holds the output alive.
    pub tmp: tempfile::TempDir,
    /// The output directory.
    pub out: PathBuf,
    /// What the build reported.
    pub report: Report,
}

impl Built {
    /// Whether `rel` (a path under the output, e.g. `es/index.html`) was written.
    pub fn exists(&self, rel: &str) -> bool {
        self.out.join(rel).is_file()
    }

    /// The text of an output file.
    pub fn read(&self, rel: &str) -> String {
        let path = self.out.join(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// An HTML page of the output, parsed.
    pub fn page(&self, rel: &str) -> Html {
        Html::parse(&self.read(rel))
    }

    /// The output file for an absolute URL under `base_url`, or for a root-relative
    /// link under `base_path` (`/` or `/sub/`), percent-decoded.
    pub fn file_of_url(&self, base: &str, url: &str) -> Option<String> {
        let url = url.split('#').next().unwrap_or(url);
        let rest = url.strip_prefix(base)?;
        Some(output_file(&percent_decode(rest)))
    }

    /// Every file of the output, relative, with `/`, sorted.
    pub fn files(&self) -> Vec<String> {
        tree(&self.out).into_keys().collect()
    }

    /// Every HTML file of the output.
    pub fn html_files(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .collect()
    }
}

/// Builds fixture `name` (drafts as asked) and panics with the diagnostics if it fails.
pub fn build_with(name: &str, drafts: bool) -> Built {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    let mut opts = options(&fixture(name), &out);
    opts.drafts = drafts;
    match puerta::build(&opts, &|_, _| {}) {
        Ok(report) => Built { tmp, out, report },
        Err(puerta::Error::Content { errors, .. }) => panic!(
            "fixture {name} failed to build:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Err(e) => panic!("fixture {name} failed to build: {e}"),
    }
}

/// Builds fixture `name` without drafts.
pub fn build(name: &str) -> Built {
    build_with(name, false)
}

/// Builds fixture `name`, which must fail with content errors; returns the errors.
pub fn build_errors(name: &str) -> Vec<Diagnostic> {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    match puerta::build(&options(&fixture(name), &out), &|_, _| {}) {
        Ok(_) => panic!("fixture {name} built, but it should fail"),
        Err(puerta::Error::Content { errors, .. }) => {
            assert!(!errors.is_empty(), "a failed build reports its errors");
            assert!(!out.exists(), "a failed build writes no output");
            errors
        }
        Err(e) => panic!("fixture {name} failed with a non-content error: {e}"),
    }
}

/// Every file under `dir`, relative with `/`, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).expect("readable"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The standard output of a command that must have succeeded (else its stderr).
pub fn succeeded(out: &std::process::Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Copies a directory tree (to modify a fixture without touching it).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy");
    for entry in std::fs::read_dir(from).expect("read fixture").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The file written for a site path (`es/blog/x/` → `es/blog/x/index.html`).
pub fn output_file(path: &str) -> String {
    let rel = path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// The site path of an output file (`es/blog/x/index.html` → `/es/blog/x/`).
pub fn path_of_file(rel: &str) -> String {
    match rel.strip_suffix("index.html") {
        Some(dir) => format!("/{dir}"),
        None => format!("/{rel}"),
    }
}

/// Decodes `%XX` escapes (links to Greek slugs are percent-encoded in bodies).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("percent-decoded UTF-8")
}

/// Decodes the HTML character references puerta's templates produce.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let Some(end) = tail.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let name = &tail[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One element of an [`Html`] document.
#[derive(Debug, Clone)]
pub struct Element {
    /// Lower-case tag name.
    pub name: String,
    /// Attributes, names lower-case, values decoded.
    pub attrs: Vec<(String, String)>,
    /// Byte range of the content between the start and the end tag.
    pub inner: std::ops::Range<usize>,
    /// Index of the parent element.
    pub parent: Option<usize>,
}

impl Element {
    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the `class` attribute holds `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }
}

/// An HTML page as a flat list of elements in document order.
#[derive(Debug, Clone)]
pub struct Html {
    /// The page source.
    pub source: String,
    /// Elements in document order.
    pub elements: Vec<Element>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

impl Html {
    /// Scans a page; tolerant of HTML5 void elements and unclosed tags.
    pub fn parse(source: &str) -> Html {
        let mut elements: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let bytes = source.as_bytes();
        let mut i = 0;
        while let Some(off) = source[i..].find('<') {
            let at = i + off;
            let rest = &source[at..];
            if rest.starts_with("<!--") {
                i = rest.find("-->").map_or(source.len(), |e| at + e + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                i = rest.find('>').map_or(source.len(), |e| at + e + 1);
                continue;
            }
            if let Some(close) = rest.strip_prefix("</") {
                let end = close.find('>').map_or(source.len(), |e| at + 2 + e + 1);
                let name = close[..close.find('>').unwrap_or(close.len())]
                    .trim()
                    .to_ascii_lowercase();
                if let Some(pos) = open.iter().rposition(|&e| elements[e].name == name) {
                    for &e in &open[pos..] {
                        elements[e].inner.end = at;
                    }
                    open.truncate(pos);
                }
                i = end;
                continue;
            }
            if !bytes.get(at + 1).is_some_and(|b| b.is_ascii_alphabetic()) {
                i = at + 1;
                continue;
            }
            let (name, attrs, self_closing, end) = scan_tag(source, at);
            let parent = open.last().copied();
            let index = elements.len();
            elements.push(Element {
                name: name.clone(),
                attrs,
                inner: end..end,
                parent,
            });
            i = end;
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                let stop = source[end..].find(&close).map_or(source.len(), |e| end + e);
                elements[index].inner = end..stop;
                i = source[stop..]
                    .find('>')
                    .map_or(source.len(), |e| stop + e + 1);
            } else if !self_closing && !VOID.contains(&name.as_str()) {
                open.push(index);
            }
        }
        for e in open {
            elements[e].inner.end = source.len();
        }
        Html {
            source: source.to_string(),
            elements,
        }
    }

    /// Elements named `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements.iter().filter(move |e| e.name == name)
    }

    /// The first element named `name` matching `pred`.
    pub fn find(&self, name: &str, pred: impl Fn(&Element) -> bool) -> Option<&Element> {
        self.elements.iter().find(|e| e.name == name && pred(e))
    }

    /// Elements named `name` inside `ancestor`.
    pub fn within<'a>(
        &'a self,
        ancestor: &'a Element,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        let anc = self.index_of(ancestor);
        self.elements.iter().filter(move |e| {
            if e.name != name {
                return false;
            }
            let mut p = e.parent;
            while let Some(i) = p {
                if i == anc {
                    return true;
                }
                p = self.elements[i].parent;
            }
            false
        })
    }

    fn index_of(&self, element: &Element) -> usize {
        self.elements
            .iter()
            .position(|e| std::ptr::eq(e, element))
            .expect("element of this document")
    }

    /// The raw HTML inside an element.
    pub fn inner_html(&self, element: &Element) -> &str {
        &self.source[element.inner.clone()]
    }

    /// The text inside an element: tags removed, entities decoded, spaces collapsed.
    pub fn text(&self, element: &Element) -> String {
        text_of(self.inner_html(element))
    }

    /// The `lang` attribute of `<html>`.
    pub fn lang(&self) -> Option<&str> {
        self.find("html", |_| true).and_then(|e| e.attr("lang"))
    }

    /// `hreflang` alternates of the head: (hreflang, href).
    pub fn alternates(&self) -> Vec<(String, String)> {
        self.all("link")
            .filter(|l| l.attr("rel") == Some("alternate"))
            .filter_map(|l| Some((l.attr("hreflang")?.to_string(), l.attr("href")?.to_string())))
            .collect()
    }

    /// The canonical URL.
    pub fn canonical(&self) -> Option<&str> {
        self.find("link", |l| l.attr("rel") == Some("canonical"))
            .and_then(|l| l.attr("href"))
    }

    /// The `content` of `<meta name="robots">`.
    pub fn robots(&self) -> Option<&str> {
        self.find("meta", |m| m.attr("name") == Some("robots"))
            .and_then(|m| m.attr("content"))
    }

    /// The language switcher: (hreflang, href, is current).
    pub fn switcher(&self) -> Vec<(String, String, bool)> {
        let Some(nav) = self.find("nav", |n| n.has_class("langs")) else {
            return Vec::new();
        };
        self.within(nav, "a")
            .map(|a| {
                (
                    a.attr("hreflang").unwrap_or_default().to_string(),
                    a.attr("href").unwrap_or_default().to_string(),
                    a.attr("aria-current").is_some(),
                )
            })
            .collect()
    }

    /// The text of `<main>`.
    pub fn main_text(&self) -> String {
        self.find("main", |_| true)
            .map(|m| self.text(m))
            .unwrap_or_default()
    }
}

/// Text of an HTML fragment: tags removed, entities decoded, white space collapsed.
pub fn text_of(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                raw.push(' ');
            }
            c if !in_tag => raw.push(c),
            _ => {}
        }
    }
    decode_entities(&raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scans the start tag at `at`: name, attributes, whether it ends in `/>`, and the
/// byte after it.
fn scan_tag(source: &str, at: usize) -> (String, Vec<(String, String)>, bool, usize) {
    let s = &source[at + 1..];
    let name_len = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(s.len());
    let name = s[..name_len].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut i = name_len;
    let b = s.as_bytes();
    loop {
        while i < b.len() && (b[i] as char).is_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            return (name, attrs, false, source.len());
        }
        if b[i] == b'>' {
            return (name, attrs, false, at + 1 + i + 1);
        }
        if b[i] == b'/' && b.get(i + 1) == Some(&b'>') {
            return (name, attrs, true, at + 1 + i + 2);
        }
        if b[i] == b'/' {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !(b[i] as char).is_whitespace() && !matches!(b[i], b'=' | b'>') {
            i += 1;
        }
        let attr = s[start..i].to_ascii_lowercase();
        while i < b.len() && (b[i] as char).is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && (b[i] as char).is_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = s[i + 1..].find(q as char).map_or(s.len(), |e| i + 1 + e);
                    value = decode_entities(&s[i + 1..end]);
                    i = (end + 1).min(s.len());
                }
                _ => {
                    let v0 = i;
                    while i < b.len() && !(b[i] as char).is_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&s[v0..i]);
                }
            }
        }
        attrs.push((attr, value));
    }
}

/// The interface strings of the project's own locale files, to compare pages with what
/// a language should say without copying translations into the tests.
pub fn localizer() -> puerta::i18n::Localizer {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut files = Vec::new();
    for lang in ["es", "el", "en"] {
        let dir = root.join(lang);
        for entry in std::fs::read_dir(&dir).expect("locales dir").flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ftl") {
                files.push(puerta::i18n::LocaleFile {
                    lang: lang.to_string(),
                    text: std::fs::read_to_string(&path).expect("locale file"),
                    path,
                });
            }
        }
    }
    let langs: Vec<String> = ["es", "el", "en"].map(String::from).to_vec();
    puerta::i18n::Localizer::new(&langs, files).expect("the project's locales load")
}

/// One interface string in one language, without arguments.
pub fn t(l: &puerta::i18n::Localizer, lang: &str, key: &str) -> String {
    l.t(lang, key, &[]).expect("interface string exists")
}
