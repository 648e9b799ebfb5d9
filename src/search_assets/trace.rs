//! Which bytes opening an index reads: the index is opened here, as the browser
//! runtime opens it (index, reader with manual reload, searcher), through a directory
//! that records every read. The browser then fetches those ranges in one file before
//! its first query instead of discovering them one round trip at a time. Every query
//! also reads the block index of the term dictionaries it looks up and the field norms
//! of the fields it scores: they are read here too
//! ([`puerta_search::reader::open_readers`]), so that they come in the same file.

use std::io;

use puerta_search::tantivy;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, OwnedBytes, RamDirectory, WatchCallback,
    WatchHandle, WritePtr,
};
use tantivy::{HasLen, Index, ReloadPolicy};

type Log = Arc<Mutex<Vec<(String, Range<usize>)>>>;

/// Ranges closer than this are fetched as one.
const GAP: usize = 256;

/// The byte ranges that opening the index made of `files` reads, merged per file,
/// in file order.
pub fn open_reads(files: &[(String, Vec<u8>)]) -> Result<Vec<(String, Range<usize>)>, String> {
    let inner = RamDirectory::create();
    for (name, bytes) in files {
        inner
            .atomic_write(Path::new(name), bytes)
            .map_err(|e| format!("{name}: {e}"))?;
    }
    let log: Log = Arc::default();
    let dir = TraceDirectory {
        inner,
        log: Arc::clone(&log),
    };
    let index = Index::open(dir).map_err(|e| format!("cannot open the index: {e}"))?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| format!("cannot read the index: {e}"))?;
    puerta_search::reader::open_readers(&reader.searcher());
    let mut reads = std::mem::take(&mut *log.lock().unwrap_or_else(|e| e.into_inner()));
    reads.sort_by(|(a, ra), (b, rb)| (a, ra.start, ra.end).cmp(&(b, rb.start, rb.end)));
    let mut merged: Vec<(String, Range<usize>)> = Vec::new();
    for (name, range) in reads {
        match merged.last_mut() {
            Some((last, r)) if *last == name && range.start <= r.end + GAP => {
                r.end = r.end.max(range.end);
            }
            _ => merged.push((name, range)),
        }
    }
    Ok(merged)
}

/// A [`RamDirectory`] that records the reads made through it.
#[derive(Debug, Clone)]
struct TraceDirectory {
    inner: RamDirectory,
    log: Log,
}

#[derive(Debug)]
struct TraceHandle {
    name: String,
    inner: Arc<dyn FileHandle>,
    log: Log,
}

impl HasLen for TraceHandle {
    fn len(&self) -> usize {
        self.inner.len()
    }
}

impl FileHandle for TraceHandle {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if !range.is_empty() {
            let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
            log.push((self.name.clone(), range.clone()));
        }
        self.inner.read_bytes(range)
    }
}

impl Directory for TraceDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        Ok(Arc::new(TraceHandle {
            name: path.to_string_lossy().into_owned(),
            inner: self.inner.get_file_handle(path)?,
            log: Arc::clone(&self.log),
        }))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        let bytes = self.inner.atomic_read(path)?;
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        log.push((path.to_string_lossy().into_owned(), 0..bytes.len()));
        Ok(bytes)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        Ok(WatchHandle::empty())
    }
}
