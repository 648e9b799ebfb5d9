//! Term dictionaries in small blocks: what a look-up in the browser fetches.
//!
//! Stage: index (native builds). Input: a committed index whose term dictionaries
//! are tantivy's sstables, written in blocks of about 4,000 bytes. Output: the same
//! dictionaries, term for term, rewritten in blocks of about [`BLOCK_LEN`] bytes. A
//! look-up reads one whole block, and the browser fetches the pieces that block
//! spans, for each field a word is looked up in: on the 1,000-article corpus, a
//! one-word query read 9 to 15 pieces of 2 KB (10-17 KB brotli) of 4 KB blocks. Smaller
//! blocks make the block index (fetched when the index opens) a few times larger, a
//! few hundred bytes per field.

use std::io::{self, Write};
use std::path::PathBuf;

use tantivy::directory::{CompositeFile, CompositeWrite, Directory};
use tantivy::postings::TermInfo;
use tantivy::termdict::TermDictionary;
use tantivy::Index;
use tantivy_sstable::value::ValueWriter;

/// Bytes of keys and values after which a dictionary block is closed.
pub const BLOCK_LEN: usize = 1000;

/// tantivy's marker of an sstable term dictionary, after the sstable.
const SSTABLE_TYPE: u32 = 2;

/// Rewrites the term dictionary of every segment of `index` in [`BLOCK_LEN`] blocks.
pub fn rewrite(index: &Index) -> tantivy::Result<()> {
    let dir = index.directory();
    let schema = index.schema();
    for meta in index.searchable_segment_metas()? {
        let path = PathBuf::from(format!("{}.term", meta.id().uuid_string()));
        let old = CompositeFile::open(&dir.open_read(&path)?)?;
        let mut dictionaries = Vec::new();
        for (field, _) in schema.fields() {
            if let Some(slice) = old.open_read(field) {
                dictionaries.push((field, TermDictionary::open(slice)?));
            }
        }
        dir.delete(&path)
            .map_err(|e| io::Error::other(e.to_string()))?;
        let mut out = CompositeWrite::wrap(dir.open_write(&path)?);
        for (field, dict) in dictionaries {
            let target = out.for_field(field);
            let mut writer = tantivy_sstable::Writer::<_, TermInfoWriter>::new(&mut *target);
            writer.set_block_len(BLOCK_LEN);
            let mut stream = dict.stream()?;
            while stream.advance() {
                writer.insert(stream.key(), stream.value())?;
            }
            let target = writer.finish()?;
            target.write_all(&SSTABLE_TYPE.to_le_bytes())?;
        }
        out.close()?;
    }
    Ok(())
}

/// The values of a dictionary block as tantivy's own sstable term dictionary writes
/// them (its writer is private): the count, the first postings and positions
/// offsets, then per term its document frequency and the lengths of its postings
/// and positions, each a tantivy VInt.
#[derive(Default)]
struct TermInfoWriter {
    infos: Vec<TermInfo>,
}

impl ValueWriter for TermInfoWriter {
    type Value = TermInfo;

    fn write(&mut self, info: &TermInfo) {
        self.infos.push(info.clone());
    }

    fn serialize_block(&self, out: &mut Vec<u8>) {
        vint(self.infos.len() as u64, out);
        let Some(first) = self.infos.first() else {
            return;
        };
        vint(first.postings_range.start as u64, out);
        vint(first.positions_range.start as u64, out);
        for info in &self.infos {
            vint(u64::from(info.doc_freq), out);
            vint(info.postings_range.len() as u64, out);
            vint(info.positions_range.len() as u64, out);
        }
    }

    fn clear(&mut self) {
        self.infos.clear();
    }
}

/// tantivy's VInt: seven bits a byte, lowest first, the high bit set on the last.
fn vint(mut value: u64, out: &mut Vec<u8>) {
    loop {
        let byte = (value & 127) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte | 128);
            return;
        }
        out.push(byte);
    }
}
