//! The manifest of an output directory: every file the last successful build wrote,
//! with its content hash, size and modification time, and the fingerprint of the
//! inputs of that build.
//!
//! Stored as text, one file a line (`<hash> <size> <mtime ns> <path>`), after a header
//! line `puerta-manifest 1 <fingerprint or ->`. A manifest that cannot be read is no
//! manifest: the next build then writes every file.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use super::{hex, unhex};

const HEADER: &str = "puerta-manifest 1";

/// Size and modification time of a file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Length in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch.
    pub mtime: i128,
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Stamp {
            size: meta.len(),
            mtime,
        }
    }
}

/// One output file as the manifest knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Content hash ([`super::hash`]).
    pub hash: u128,
    /// Size and time the file had when written.
    pub stamp: Stamp,
}

/// What the last successful build wrote.
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    /// Fingerprint of the inputs, when the build may be reused as a whole (it gave no
    /// warnings, which a reused build could not repeat).
    pub fingerprint: Option<u128>,
    /// Output files by path under the output directory, with `/`.
    pub entries: HashMap<String, Entry>,
    /// Articles of the site (for the report of a reused build).
    pub articles: usize,
    /// Pages of the site.
    pub pages: usize,
}

impl Manifest {
    /// Reads the manifest in `cache_dir`; an empty one when missing or unreadable.
    pub fn load(cache_dir: &Path) -> Manifest {
        let Ok(text) = std::fs::read_to_string(cache_dir.join("manifest")) else {
            return Manifest::default();
        };
        let mut lines = text.lines();
        let Some(header) = lines.next().and_then(|h| h.strip_prefix(HEADER)) else {
            return Manifest::default();
        };
        let mut header = header.split_whitespace();
        let (Some(fingerprint), Some(Ok(articles)), Some(Ok(pages))) = (
            header.next(),
            header.next().map(str::parse),
            header.next().map(str::parse),
        ) else {
            return Manifest::default();
        };
        let mut entries = HashMap::new();
        for line in lines {
            let mut parts = line.splitn(4, ' ');
            let (Some(hash), Some(size), Some(mtime), Some(path)) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Manifest::default();
            };
            let (Some(hash), Ok(size), Ok(mtime)) = (unhex(hash), size.parse(), mtime.parse())
            else {
                return Manifest::default();
            };
            let stamp = Stamp { size, mtime };
            entries.insert(path.to_string(), Entry { hash, stamp });
        }
        Manifest {
            fingerprint: unhex(fingerprint),
            entries,
            articles,
            pages,
        }
    }

    /// Writes the manifest into `cache_dir`, replacing the previous one atomically.
    pub fn save(&self, cache_dir: &Path) -> io::Result<()> {
        let mut paths: Vec<&String> = self.entries.keys().collect();
        paths.sort();
        let mut text = String::with_capacity(64 * (paths.len() + 1));
        text.push_str(HEADER);
        text.push(' ');
        text.push_str(&self.fingerprint.map_or_else(|| "-".into(), hex));
        text.push_str(&format!(" {} {}\n", self.articles, self.pages));
        for path in paths {
            let e = &self.entries[path];
            let line = format!(
                "{} {} {} {path}\n",
                hex(e.hash),
                e.stamp.size,
                e.stamp.mtime
            );
            text.push_str(&line);
        }
        super::write_atomic(&cache_dir.join("manifest"), text.as_bytes())
    }

    /// Removes the manifest (before the output changes in ways it does not record).
    pub fn forget(cache_dir: &Path) {
        let _ = std::fs::remove_file(cache_dir.join("manifest"));
    }
}

/// Every file under `out` with its stamp, by path with `/`; empty when `out` does
/// not exist.
pub fn scan(out: &Path) -> HashMap<String, Stamp> {
    let mut files = HashMap::new();
    for entry in walkdir::WalkDir::new(out)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(out) else {
            continue;
        };
        let Some(rel) = rel.to_str() else { continue };
        if let Ok(meta) = entry.metadata() {
            files.insert(rel.replace('\\', "/"), Stamp::of(&meta));
        }
    }
    files
}

/// The previous build of an output directory, checked against the disk.
#[derive(Debug, Default)]
pub struct Previous {
    /// The manifest entries whose file is still on disk, unchanged.
    pub valid: HashMap<String, Entry>,
    /// Every file now on disk.
    pub on_disk: HashMap<String, Stamp>,
    /// The fingerprint of the previous build, when it can be reused as a whole.
    pub fingerprint: Option<u128>,
    /// Whether the output is exactly what the manifest records (no file changed,
    /// missing or added by hand).
    pub intact: bool,
    /// Whether the output directory exists.
    pub exists: bool,
    /// Articles and pages of the previous build.
    pub counts: (usize, usize),
}

impl Previous {
    /// Reads the manifest of `out` from `cache_dir` and checks it against the disk.
    pub fn load(out: &Path, cache_dir: &Path) -> Previous {
        let exists = out.is_dir();
        if !exists {
            return Previous::default();
        }
        let manifest = Manifest::load(cache_dir);
        let on_disk = scan(out);
        let valid: HashMap<String, Entry> = manifest
            .entries
            .into_iter()
            .filter(|(path, e)| on_disk.get(path) == Some(&e.stamp))
            .collect();
        let intact = !valid.is_empty() && valid.len() == on_disk.len();
        Previous {
            intact,
            fingerprint: manifest.fingerprint,
            valid,
            on_disk,
            exists,
            counts: (manifest.articles, manifest.pages),
        }
    }

    /// Whether the file at `path` already has content `hash`.
    pub fn unchanged(&self, path: &str, hash: u128) -> Option<Entry> {
        self.valid.get(path).filter(|e| e.hash == hash).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_and_entries_are_checked_against_the_disk() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, cache) = (tmp.path().join("public"), tmp.path().join("cache"));
        std::fs::create_dir_all(out.join("es")).unwrap();
        std::fs::write(out.join("es/index.html"), "hola").unwrap();
        std::fs::write(out.join("a b.txt"), "x").unwrap();
        let mut m = Manifest {
            fingerprint: Some(7),
            articles: 2,
            ..Manifest::default()
        };
        for (path, stamp) in scan(&out) {
            let hash = super::super::hash(path.as_bytes());
            m.entries.insert(path, Entry { hash, stamp });
        }
        m.save(&cache).unwrap();
        let p = Previous::load(&out, &cache);
        assert!(p.intact);
        assert_eq!(p.fingerprint, Some(7));
        assert_eq!(p.counts, (2, 0));
        assert_eq!(p.valid.len(), 2);
        assert!(p.valid.contains_key("a b.txt"));

        // Edited by hand: no longer trusted, and the whole output is no longer intact.
        std::fs::write(out.join("es/index.html"), "hola!").unwrap();
        let p = Previous::load(&out, &cache);
        assert!(!p.intact);
        assert!(!p.valid.contains_key("es/index.html"));
        Manifest::forget(&cache);
        assert!(Previous::load(&out, &cache).valid.is_empty());
    }
}
