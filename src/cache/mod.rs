//! Build cache: what the previous build of an output directory wrote, so that the
//! next build writes only what changed and, when no input changed, nothing at all.
//!
//! The cache of `<dir>/<name>` lives in `<dir>/.puerta-cache/<name>/` (for the default
//! output, `<root>/.puerta-cache/public/`): [`manifest`] records every output file
//! (path → content hash, size, modification time) and the fingerprint of the inputs
//! that produced it; [`inputs`] keeps the content hash of every source file, looked up
//! again only when a file's size or modification time changed. Nothing here is trusted
//! blindly: a manifest entry counts only while the file on disk still has the recorded
//! size and time, so a file edited or removed by hand is written again.

pub mod inputs;
pub mod manifest;

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use siphasher::sip128::{Hasher128, SipHasher13};

/// A 128-bit content hash, stable across runs and platforms (SipHash-1-3 with zero keys).
pub fn hash(bytes: &[u8]) -> u128 {
    let mut h = SipHasher13::new();
    h.write(bytes);
    h.finish128().as_u128()
}

/// A hasher for fingerprints made of several parts; each part is length-prefixed so
/// that no two different sequences of parts give the same input.
#[derive(Debug, Default)]
pub struct Fingerprint(SipHasher13);

impl Fingerprint {
    /// Adds one part.
    pub fn add(&mut self, part: &[u8]) -> &mut Self {
        self.0.write_u64(part.len() as u64);
        self.0.write(part);
        self
    }

    /// The fingerprint of the parts added so far.
    pub fn finish(&self) -> u128 {
        self.0.finish128().as_u128()
    }
}

/// The size and modification time of the running binary: a rebuilt `puerta` may write
/// other bytes from the same inputs, so nothing it cached is reused by another one.
pub fn binary_stamp() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| manifest::Stamp::of(&m))
        .map(|s| format!("{} {}", s.size, s.mtime))
        .unwrap_or_default()
}

/// The cache directory of the output directory `out`.
pub fn dir_for(out: &Path) -> PathBuf {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    parent.join(".puerta-cache").join(name)
}

/// Writes `bytes` to `path` through a temporary sibling and a rename, so that a
/// reader (or a killed writer) never sees half a file.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// Formats a hash as 32 hex digits.
pub(crate) fn hex(h: u128) -> String {
    format!("{h:032x}")
}

/// Reads 32 hex digits.
pub(crate) fn unhex(s: &str) -> Option<u128> {
    (s.len() == 32).then(|| u128::from_str_radix(s, 16).ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_parts_are_delimited() {
        assert_eq!(hash(b"puerta"), hash(b"puerta"));
        assert_ne!(hash(b"puerta"), hash(b"puertas"));
        let mut a = Fingerprint::default();
        a.add(b"ab").add(b"c");
        let mut b = Fingerprint::default();
        b.add(b"a").add(b"bc");
        assert_ne!(a.finish(), b.finish());
        assert_eq!(unhex(&hex(hash(b"x"))), Some(hash(b"x")));
        assert_eq!(
            dir_for(Path::new("/site/public")),
            Path::new("/site/.puerta-cache/public")
        );
    }
}
