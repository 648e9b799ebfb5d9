//! Write stage: [`Output`]s → files, committed in place.
//!
//! Input: outputs from the render stage with their content hashes, and what the
//! previous build left ([`Previous`]). Output: the output directory holding exactly
//! the new site, changed only when the whole build succeeded.
//!
//! Files whose content is already on disk are not written again. The others go to a
//! sibling staging directory; a failed build deletes it and leaves the previous output
//! untouched. A successful one writes a journal (which files to move in, which to
//! delete) and then applies it; a build killed while applying it leaves the journal
//! behind and the next build ([`recover`]) finishes the job before anything else. An
//! output directory that does not exist yet is the staging directory renamed. Writing
//! never renders.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::sync::Mutex;

use crate::cache::manifest::{Entry, Previous, Stamp};
use crate::render::Output;

const JOURNAL_HEADER: &str = "puerta-journal 1";

/// A directory being filled with the changed files, to be committed into the output.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    made: Mutex<HashSet<PathBuf>>,
    written: Mutex<Vec<String>>,
    previous: Previous,
    committed: bool,
}

/// What the writer did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files of the new site.
    pub files: usize,
    /// Their bytes.
    pub bytes: u64,
    /// Files whose content changed (written to the staging directory).
    pub changed: usize,
    /// Every file of the new site, for the next build's manifest.
    pub entries: HashMap<String, Entry>,
}

impl Staging {
    /// Creates an empty staging directory beside `target`; `previous` is what the
    /// output directory holds now.
    pub fn new(target: &Path, previous: Previous) -> io::Result<Staging> {
        let (parent, prefix) = beside(target);
        std::fs::create_dir_all(&parent)?;
        remove_abandoned(&parent, &prefix);
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            made: Mutex::new(HashSet::new()),
            written: Mutex::new(Vec::new()),
            previous,
            committed: false,
        })
    }

    /// What the output directory held when the build started.
    pub fn previous(&self) -> &Previous {
        &self.previous
    }

    /// Writes one output into the staging directory: one `open`, `write` and `fstat`.
    pub fn write(&self, output: &Output) -> io::Result<Stamp> {
        let path = self.dir.join(&output.path);
        if let Some(parent) = path.parent() {
            let known = self
                .made
                .lock()
                .map(|m| m.contains(parent))
                .unwrap_or(false);
            if !known {
                std::fs::create_dir_all(parent)?;
                if let Ok(mut m) = self.made.lock() {
                    m.insert(parent.to_path_buf());
                }
            }
        }
        let mut file = std::fs::File::create(&path)?;
        file.write_all(&output.bytes)?;
        let stamp = Stamp::of(&file.metadata()?);
        if let Ok(mut w) = self.written.lock() {
            w.push(output.path.clone());
        }
        Ok(stamp)
    }

    /// Makes the output directory hold exactly `files`: moves the changed files in
    /// and deletes those of the previous output that are not among them. Returns the
    /// number of files deleted.
    pub fn commit(mut self, files: &HashMap<String, Entry>) -> io::Result<usize> {
        if !self.previous.exists {
            if let Some(parent) = self.target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(&self.dir, &self.target)?;
            self.committed = true;
            return Ok(0);
        }
        let mut moves =
            std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        moves.sort();
        moves.dedup();
        let mut deletions: Vec<&String> = self
            .previous
            .on_disk
            .keys()
            .filter(|p| !files.contains_key(*p))
            .collect();
        deletions.sort();
        let journal = Journal {
            staging: self.dir.clone(),
            moves,
            deletions: deletions.into_iter().cloned().collect(),
        };
        let removed = journal.deletions.len();
        if !journal.moves.is_empty() || removed > 0 {
            let path = journal_path(&self.target);
            journal.save(&path)?;
            journal.apply(&self.target)?;
            std::fs::remove_file(&path)?;
        }
        self.committed = true;
        let _ = std::fs::remove_dir_all(&self.dir);
        Ok(removed)
    }
}

/// The directory that holds `target` and the prefix of its staging directories.
fn beside(target: &Path) -> (PathBuf, String) {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    (parent.to_path_buf(), format!(".{name}.puerta-staging-"))
}

fn journal_path(target: &Path) -> PathBuf {
    let (parent, prefix) = beside(target);
    parent.join(prefix.replace("puerta-staging-", "puerta-journal"))
}

/// Where the journal is written before it is renamed into place.
fn tmp_path(journal: &Path) -> PathBuf {
    let mut name = journal.as_os_str().to_owned();
    name.push(".tmp");
    PathBuf::from(name)
}

/// The moves and deletions that turn the previous output into the new one.
#[derive(Debug)]
struct Journal {
    staging: PathBuf,
    moves: Vec<String>,
    deletions: Vec<String>,
}

impl Journal {
    /// Writes the journal atomically: a half-written journal is never found.
    fn save(&self, path: &Path) -> io::Result<()> {
        let mut text = format!("{JOURNAL_HEADER}\n{}\n", self.staging.display());
        for m in &self.moves {
            text.push_str(&format!("M {m}\n"));
        }
        for d in &self.deletions {
            text.push_str(&format!("D {d}\n"));
        }
        let tmp = tmp_path(path);
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    }

    fn load(path: &Path) -> Option<Journal> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut lines = text.lines();
        (lines.next()? == JOURNAL_HEADER).then_some(())?;
        let staging = PathBuf::from(lines.next()?);
        let (mut moves, mut deletions) = (Vec::new(), Vec::new());
        for line in lines {
            match line.split_once(' ')? {
                ("M", p) => moves.push(p.to_string()),
                ("D", p) => deletions.push(p.to_string()),
                _ => return None,
            }
        }
        Some(Journal {
            staging,
            moves,
            deletions,
        })
    }

    /// Applies the journal; applying it again after an interruption finishes it.
    fn apply(&self, target: &Path) -> io::Result<()> {
        for rel in &self.moves {
            let (from, to) = (self.staging.join(rel), target.join(rel));
            if !from.exists() {
                continue; // moved before an interruption
            }
            if let Some(parent) = to.parent() {
                if parent.is_file() {
                    std::fs::remove_file(parent)?;
                }
                std::fs::create_dir_all(parent)?;
            }
            if to.is_dir() {
                std::fs::remove_dir_all(&to)?;
            }
            std::fs::rename(&from, &to)?;
        }
        for rel in &self.deletions {
            let path = target.join(rel);
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
            // Directories left empty go too (removing a non-empty one fails: stop).
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != target && d.starts_with(target)) {
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        Ok(())
    }
}

/// Finishes the commit of a build killed while committing, then removes what killed
/// builds left beside `target`. Call before looking at `target`.
pub fn recover(target: &Path) -> io::Result<()> {
    let path = journal_path(target);
    let _ = std::fs::remove_file(tmp_path(&path));
    if let Some(journal) = Journal::load(&path) {
        journal.apply(target)?;
        let _ = std::fs::remove_dir_all(&journal.staging);
    }
    let _ = std::fs::remove_file(&path);
    let (parent, prefix) = beside(target);
    remove_abandoned(&parent, &prefix);
    Ok(())
}

/// Removes staging directories (and trees renamed away) left by builds that were
/// killed: those of processes that no longer run. Where processes cannot be looked up
/// (no `/proc`), nothing is removed.
fn remove_abandoned(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    if !Path::new("/proc/self").exists() {
        return;
    }
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(prefix) else {
            continue;
        };
        let pid = rest.trim_end_matches(".old");
        let running = pid.parse::<u32>().is_ok_and(|pid| {
            pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists()
        });
        if !running {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Writes every output received until all senders hang up, skipping those whose
/// content (by hash) the output directory already holds, and counts files and bytes;
/// with no staging directory (a check), only counts. Runs on one thread.
pub fn drain(
    staging: Option<&Staging>,
    outputs: Receiver<(Output, u128)>,
) -> Result<Written, (String, io::Error)> {
    let mut w = Written::default();
    for (output, hash) in outputs {
        if let Some(staging) = staging {
            let entry = match staging.previous.unchanged(&output.path, hash) {
                Some(entry) => entry,
                None => {
                    w.changed += 1;
                    let stamp = staging
                        .write(&output)
                        .map_err(|e| (output.path.clone(), e))?;
                    Entry { hash, stamp }
                }
            };
            w.entries.insert(output.path.clone(), entry);
        }
        w.files += 1;
        w.bytes += output.bytes.len() as u64;
    }
    Ok(w)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
