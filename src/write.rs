//! Write stage: [`Output`]s → files, atomically.
//!
//! Input: outputs from the render stage, from many threads. Output: a complete new
//! output directory that replaces the previous one only when the whole build
//! succeeded. Files go to a sibling staging directory first; a failed build deletes
//! the staging directory and leaves the previous output untouched. Writing never
//! renders.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::sync::Mutex;

use crate::render::Output;

/// A directory being filled, to be swapped in place of the output directory.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    made: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging directory beside `target`.
    pub fn new(target: &Path) -> io::Result<Staging> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let prefix = format!(".{name}.puerta-staging-");
        remove_abandoned(parent, &prefix);
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            made: Mutex::new(HashSet::new()),
            committed: false,
        })
    }

    /// Writes one output; callable from many threads.
    pub fn write(&self, output: &Output) -> io::Result<()> {
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
        std::fs::write(&path, &output.bytes)
    }

    /// Replaces the target with the staged tree. The previous tree is renamed away
    /// first and deleted only after the new one is in place.
    pub fn commit(mut self) -> io::Result<()> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        self.committed = true;
        if had_old {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
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

/// Writes every output received until all senders hang up, and counts files and
/// bytes; with no staging directory (a check), only counts. Runs on one thread.
pub fn drain(
    staging: Option<&Staging>,
    outputs: Receiver<Output>,
) -> Result<(usize, u64), (String, io::Error)> {
    let (mut files, mut bytes) = (0, 0);
    for output in outputs {
        if let Some(staging) = staging {
            staging
                .write(&output)
                .map_err(|e| (output.path.clone(), e))?;
        }
        files += 1;
        bytes += output.bytes.len() as u64;
    }
    Ok((files, bytes))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_staging_leaves_previous_output_intact() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();
        {
            let s = Staging::new(&target).unwrap();
            s.write(&Output {
                path: "a/new.html".into(),
                bytes: b"new".to_vec(),
            })
            .unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(target.join("old.html")).unwrap(),
            "old"
        );
        assert_eq!(
            std::fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "staging removed"
        );
    }

    #[test]
    fn commit_replaces_the_whole_tree() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();
        let s = Staging::new(&target).unwrap();
        s.write(&Output {
            path: "a/new.html".into(),
            bytes: b"new".to_vec(),
        })
        .unwrap();
        s.commit().unwrap();
        assert!(!target.join("old.html").exists());
        assert_eq!(
            std::fs::read_to_string(target.join("a/new.html")).unwrap(),
            "new"
        );
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }
}
