//! Same input, same bytes: tantivy names segments with random UUIDs, so the files of
//! two builds of the same site would differ. Each segment is renamed after a hash of
//! its files, in their names and in `meta.json`.

use std::collections::BTreeMap;

/// `files` with every segment renamed after its content.
pub fn canonical(files: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    let mut hashers: BTreeMap<&str, sha1_smol::Sha1> = BTreeMap::new();
    for (name, bytes) in files {
        if let Some((id, rest)) = segment_of(name) {
            let hasher = hashers.entry(id).or_default();
            hasher.update(rest.as_bytes());
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        }
    }
    let renames: Vec<(String, String)> = hashers
        .into_iter()
        .map(|(id, hasher)| {
            let digest = hasher.digest().to_string();
            (id.to_string(), digest[..32].to_string())
        })
        .collect();
    files
        .iter()
        .map(|(name, bytes)| {
            if let Some((id, rest)) = segment_of(name) {
                let new = renames.iter().find(|(old, _)| old == id).map(|(_, n)| n);
                if let Some(new) = new {
                    return (format!("{new}.{rest}"), bytes.clone());
                }
            }
            if name == "meta.json" {
                let mut text = String::from_utf8_lossy(bytes).into_owned();
                for (old, new) in &renames {
                    text = text.replace(&hyphenated(old), &hyphenated(new));
                    text = text.replace(old.as_str(), new);
                }
                return (name.clone(), text.into_bytes());
            }
            (name.clone(), bytes.clone())
        })
        .collect()
}

/// The segment id and the rest of a segment file's name (`<32 hex>.<ext>`).
fn segment_of(name: &str) -> Option<(&str, &str)> {
    let (id, rest) = name.split_once('.')?;
    (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).then_some((id, rest))
}

/// A UUID's 8-4-4-4-12 form, as `meta.json` writes segment ids.
fn hyphenated(id: &str) -> String {
    format!(
        "{}-{}-{}-{}-{}",
        &id[..8],
        &id[8..12],
        &id[12..16],
        &id[16..20],
        &id[20..]
    )
}
