//! Reusing a language's index from the previous build when nothing it holds changed.
//!
//! An index is a function of its records, its protected terms and the code that
//! writes it. [`fingerprint`] hashes all three; the cache file `indexes` (beside the
//! manifest, see [`crate::cache`]) keeps, per language, that fingerprint and a digest of
//! the output files the index was written to. A build reuses a language's index only
//! when both match: the same inputs, and exactly the files they gave still on disk (the
//! digest is taken over the previous build's manifest entries that are intact). A
//! build killed between writing the manifest and this file cannot mislead the next one:
//! its digest would not match the files.

use std::collections::HashMap;
use std::hash::Hash;
use std::path::Path;

use puerta_search::{Protected, Record};
use siphasher::sip128::{Hasher128, SipHasher13};

use crate::cache::{self, hex, manifest::Entry, unhex};

const FILE: &str = "indexes";

/// The fingerprint of the index of `lang` built from `records` with `protected`.
pub fn fingerprint(lang: &str, protected: &Protected, records: &[Record]) -> u128 {
    let mut h = SipHasher13::new();
    (
        lang,
        puerta_search::INDEX_FORMAT_VERSION,
        env!("CARGO_PKG_VERSION"),
        cache::binary_stamp(),
    )
        .hash(&mut h);
    protected.entries().hash(&mut h);
    records.hash(&mut h);
    h.finish128().as_u128()
}

/// Where the index of `lang` is written, with a trailing `/`.
pub fn prefix(lang: &str) -> String {
    format!("{}/{lang}/", super::SEARCH_DIR)
}

/// A digest of the files under `search/<lang>/` among `entries`: paths and content.
pub fn files_digest<'a>(
    lang: &str,
    entries: impl Iterator<Item = (&'a String, &'a Entry)>,
) -> u128 {
    let prefix = prefix(lang);
    let mut files: Vec<(&String, u128)> = entries
        .filter(|(path, _)| path.starts_with(&prefix))
        .map(|(path, entry)| (path, entry.hash))
        .collect();
    files.sort();
    let mut h = SipHasher13::new();
    files.hash(&mut h);
    h.finish128().as_u128()
}

/// What the last committed build recorded: language → (fingerprint, files digest).
pub type Recorded = HashMap<String, (u128, u128)>;

/// Reads the record kept in `cache_dir` (empty when there is none or it is damaged).
pub fn load(cache_dir: &Path) -> Recorded {
    let Ok(text) = std::fs::read_to_string(cache_dir.join(FILE)) else {
        return Recorded::new();
    };
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split(' ');
            let lang = parts.next()?.to_string();
            let fingerprint = unhex(parts.next()?)?;
            let digest = unhex(parts.next()?)?;
            Some((lang, (fingerprint, digest)))
        })
        .collect()
}

/// Whether the index of `lang` with `fingerprint` is the one the previous build
/// recorded, and its files are all still intact on disk.
pub fn reusable(
    recorded: &Recorded,
    previous: &cache::manifest::Previous,
    lang: &str,
    fingerprint: u128,
) -> bool {
    let prefix = prefix(lang);
    recorded.get(lang).is_some_and(|&(f, digest)| {
        f == fingerprint
            && previous.valid.keys().any(|p| p.starts_with(&prefix))
            && previous
                .on_disk
                .keys()
                .filter(|p| p.starts_with(&prefix))
                .count()
                == previous
                    .valid
                    .keys()
                    .filter(|p| p.starts_with(&prefix))
                    .count()
            && digest == files_digest(lang, previous.valid.iter())
    })
}

/// Records, after a committed build, each language's fingerprint with the digest of
/// the files of its index among `entries`.
pub fn save(
    cache_dir: &Path,
    fingerprints: &[(String, u128)],
    entries: &HashMap<String, Entry>,
) -> std::io::Result<()> {
    let mut text = String::new();
    for (lang, fingerprint) in fingerprints {
        let digest = files_digest(lang, entries.iter());
        text.push_str(&format!("{lang} {} {}\n", hex(*fingerprint), hex(digest)));
    }
    cache::write_atomic(&cache_dir.join(FILE), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::manifest::Stamp;

    fn entry(hash: u128) -> Entry {
        Entry {
            hash,
            stamp: Stamp { size: 1, mtime: 1 },
        }
    }

    #[test]
    fn fingerprint_follows_records_and_protected_terms() {
        let record = Record {
            url: "/es/a/".into(),
            title: "Asilo".into(),
            ..Record::default()
        };
        let none = Protected::default();
        let base = fingerprint("es", &none, std::slice::from_ref(&record));
        assert_eq!(
            base,
            fingerprint("es", &none, std::slice::from_ref(&record))
        );
        let edited = Record {
            body: "nuevo".into(),
            ..record.clone()
        };
        assert_ne!(base, fingerprint("es", &none, &[edited]));
        assert_ne!(
            base,
            fingerprint("en", &none, std::slice::from_ref(&record))
        );
        let protected = Protected::with_defaults(puerta_search::Lang::Es, &[]);
        assert_ne!(base, fingerprint("es", &protected, &[record]));
    }

    #[test]
    fn digest_covers_only_the_language_and_every_file_of_it() {
        let mut entries = HashMap::new();
        entries.insert("search/es/a.bin".to_string(), entry(1));
        entries.insert("search/en/a.bin".to_string(), entry(2));
        entries.insert("es/index.html".to_string(), entry(3));
        let es = files_digest("es", entries.iter());
        entries.insert("search/en/b.bin".to_string(), entry(4));
        entries.insert("es/other.html".to_string(), entry(5));
        assert_eq!(es, files_digest("es", entries.iter()));
        entries.insert("search/es/b.bin".to_string(), entry(6));
        assert_ne!(es, files_digest("es", entries.iter()));
        entries.remove("search/es/b.bin");
        entries.insert("search/es/a.bin".to_string(), entry(7));
        assert_ne!(es, files_digest("es", entries.iter()));
    }

    #[test]
    fn records_survive_a_round_trip_and_damage_reads_as_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let mut entries = HashMap::new();
        entries.insert("search/el/x.bin".to_string(), entry(9));
        save(tmp.path(), &[("el".into(), 42)], &entries).unwrap();
        let loaded = load(tmp.path());
        assert_eq!(loaded["el"], (42, files_digest("el", entries.iter())));
        std::fs::write(tmp.path().join(FILE), "el zz\n").unwrap();
        assert!(load(tmp.path()).is_empty());
    }
}
