//! The fingerprint of a build's inputs: every file the build may read (the top-level
//! files of the site, `content/`, `locales/`, `themes/`) by path and content, plus the
//! options and the binary that build with them.
//!
//! Content hashes are kept in `<cache>/inputs` with each file's size and modification
//! time; a file whose size and time did not change is not read again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::Stamp;
use super::{hex, unhex, Fingerprint};

/// What [`fingerprint`] found.
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    /// The fingerprint of every input file.
    pub fingerprint: u128,
    /// Whether the site has parts rendered from the build clock to the minute
    /// (directory opening times and calendars, law statuses and feeds) or templates
    /// of its own that read `now`.
    pub uses_clock: bool,
}

/// Fingerprints the input files of the site at `root`, using and refreshing the
/// hashes kept in `cache_dir`.
pub fn fingerprint(root: &Path, cache_dir: &Path) -> Inputs {
    let mut files: Vec<(String, PathBuf, Stamp)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_file() && !name.starts_with('.') {
                files.push((name, entry.path(), Stamp::of(&meta)));
            }
        }
    }
    for dir in ["content", "locales", "themes"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let (Ok(rel), Ok(meta)) = (entry.path().strip_prefix(root), entry.metadata()) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            files.push((rel, entry.path().to_path_buf(), Stamp::of(&meta)));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let known = load(cache_dir);
    let hashed: Vec<(u128, bool)> = files
        .par_iter()
        .map(|(rel, path, stamp)| match known.get(rel) {
            Some((s, h)) if s == stamp => (*h, false),
            _ => {
                let bytes = std::fs::read(path).unwrap_or_default();
                let clock = rel.starts_with("themes/") && mentions_now(&bytes);
                // A file read while it changes gets a different time next run anyway.
                (super::hash(&bytes), clock)
            }
        })
        .collect();
    let mut fp = Fingerprint::default();
    let mut fresh = HashMap::with_capacity(files.len());
    let mut uses_clock =
        root.join("content/directory").is_dir() || root.join("content/laws").is_dir();
    for ((rel, _, stamp), (hash, clock)) in files.iter().zip(&hashed) {
        fp.add(rel.as_bytes()).add(&hash.to_le_bytes());
        uses_clock |= *clock;
        fresh.insert(rel.clone(), (*stamp, *hash));
    }
    // Templates already hashed in an earlier run: look at them again for `now`.
    if !uses_clock {
        uses_clock = files
            .iter()
            .filter(|(rel, _, _)| rel.starts_with("themes/"))
            .any(|(_, path, _)| std::fs::read(path).is_ok_and(|b| mentions_now(&b)));
    }
    if fresh != known {
        let _ = save(cache_dir, &files, &hashed);
    }
    Inputs {
        fingerprint: fp.finish(),
        uses_clock,
    }
}

/// Whether a template reads the variable `now` (a word `now` inside `{{ }}` or `{% %}`).
fn mentions_now(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-');
    text.match_indices("now").any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + 3..].chars().next();
        if word(before) || word(after) {
            return false;
        }
        match (text[..at].rfind('{'), text[..at].rfind('}')) {
            (Some(open), Some(close)) => open > close,
            (Some(_), None) => true,
            _ => false,
        }
    })
}

fn load(cache_dir: &Path) -> HashMap<String, (Stamp, u128)> {
    let Ok(text) = std::fs::read_to_string(cache_dir.join("inputs")) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| {
            let mut p = line.splitn(4, ' ');
            let hash = unhex(p.next()?)?;
            let size = p.next()?.parse().ok()?;
            let mtime = p.next()?.parse().ok()?;
            Some((p.next()?.to_string(), (Stamp { size, mtime }, hash)))
        })
        .collect()
}

fn save(
    cache_dir: &Path,
    files: &[(String, PathBuf, Stamp)],
    hashes: &[(u128, bool)],
) -> std::io::Result<()> {
    let mut text = String::new();
    for ((rel, _, stamp), (hash, _)) in files.iter().zip(hashes) {
        if rel.contains('\n') {
            continue;
        }
        text.push_str(&format!(
            "{} {} {} {rel}\n",
            hex(*hash),
            stamp.size,
            stamp.mtime
        ));
    }
    super::write_atomic(&cache_dir.join("inputs"), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_follows_content_and_spots_clock_templates() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, cache) = (tmp.path().join("site"), tmp.path().join("cache"));
        std::fs::create_dir_all(root.join("content/blog")).unwrap();
        std::fs::write(root.join("puerta.yaml"), "title: x").unwrap();
        std::fs::write(root.join("content/blog/a.es.md"), "uno").unwrap();
        let first = fingerprint(&root, &cache);
        assert!(!first.uses_clock);
        assert_eq!(fingerprint(&root, &cache).fingerprint, first.fingerprint);
        std::fs::write(root.join("content/blog/a.es.md"), "dos").unwrap();
        let second = fingerprint(&root, &cache);
        assert_ne!(second.fingerprint, first.fingerprint);
        std::fs::write(root.join("content/blog/a.es.md"), "uno").unwrap();
        assert_eq!(fingerprint(&root, &cache).fingerprint, first.fingerprint);

        assert!(mentions_now(b"<p>{{ now | date }}</p>"));
        assert!(!mentions_now(
            b"<p data-open-now>{{ t(key='service-open-now') }} known</p>"
        ));
        std::fs::create_dir_all(root.join("themes/default/templates")).unwrap();
        std::fs::write(root.join("themes/default/templates/a.html"), "{{ now }}").unwrap();
        assert!(fingerprint(&root, &cache).uses_clock);
    }
}
