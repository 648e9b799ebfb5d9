//! The browser's copy of an index: files whose bytes arrive piece by piece.
//!
//! Input: the files of one language's index, declared by the JS loader with their
//! size and chunk size, and the chunks it fetched. Output: a read-only tantivy
//! [`Directory`] over them. A read that touches a chunk not fetched yet fails, and the
//! chunks it needed are recorded: the loader fetches them all at once, in parallel,
//! and runs the query again. Queries are cheap (milliseconds) and the chain of reads
//! a query makes is short (term dictionary, postings, stored documents), so a few
//! round trips replace an async runtime in the browser.

use puerta_search::tantivy;
use std::collections::{BTreeSet, HashMap};
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, OwnedBytes, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::HasLen;

/// A chunk that a read needed and did not find: file name and chunk number.
pub type Need = (String, usize);

/// Why a file or chunk could not be registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterError {
    /// `put` named a file that `declare` did not.
    Undeclared(String),
    /// The bytes do not start on a chunk boundary or run past the end of the file.
    OutOfBounds {
        /// The file.
        file: String,
        /// Where the bytes were to go.
        offset: usize,
        /// How many bytes.
        len: usize,
    },
}

impl std::fmt::Display for RegisterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RegisterError::Undeclared(file) => write!(f, "{file}: file not declared"),
            RegisterError::OutOfBounds { file, offset, len } => write!(
                f,
                "{file}: {len} bytes at {offset} are not whole chunks inside the file"
            ),
        }
    }
}

/// The files of one index and the chunks that reads missed; shared by the
/// [`ChunkDirectory`] handed to tantivy and the exported functions that fill it.
#[derive(Debug, Default)]
pub struct Store {
    files: RwLock<HashMap<PathBuf, Arc<ChunkedFile>>>,
    missing: Arc<Mutex<BTreeSet<Need>>>,
}

impl Store {
    /// A store with no files.
    pub fn new() -> Arc<Store> {
        Arc::new(Store::default())
    }

    /// Declares `name`, `size` bytes long, fetched in pieces of `chunk` bytes (the
    /// last one may be shorter). Declaring it again with the same sizes keeps the
    /// chunks already there.
    pub fn declare(&self, name: &str, size: usize, chunk: usize) {
        let chunk = chunk.max(1);
        let mut files = self.files.write().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = files.get(Path::new(name)) {
            if f.len == size && f.chunk == chunk {
                return;
            }
        }
        let file = ChunkedFile {
            name: name.to_string(),
            len: size,
            chunk,
            chunks: RwLock::new(vec![None; size.div_ceil(chunk)]),
            ranges: RwLock::new(Vec::new()),
            missing: Arc::clone(&self.missing),
        };
        files.insert(PathBuf::from(name), Arc::new(file));
    }

    /// Adds `bytes` of `name` from `offset`. Whole chunks (from a chunk boundary, a
    /// multiple of the chunk size or up to the end of the file) fill the chunk grid;
    /// any other range is kept as it is and serves the reads that fall inside it (the
    /// exact ranges that opening the index reads, fetched in one bundle).
    pub fn put(&self, name: &str, offset: usize, bytes: Vec<u8>) -> Result<(), RegisterError> {
        let files = self.files.read().unwrap_or_else(|e| e.into_inner());
        let file = files
            .get(Path::new(name))
            .ok_or_else(|| RegisterError::Undeclared(name.to_string()))?;
        let len = bytes.len();
        let end = offset + len;
        if end > file.len {
            return Err(RegisterError::OutOfBounds {
                file: name.to_string(),
                offset,
                len,
            });
        }
        let bytes = OwnedBytes::new(bytes);
        let whole = end == file.len || len.is_multiple_of(file.chunk);
        if !offset.is_multiple_of(file.chunk) || !whole {
            let mut ranges = file.ranges.write().unwrap_or_else(|e| e.into_inner());
            ranges.push((offset, bytes));
            return Ok(());
        }
        let mut chunks = file.chunks.write().unwrap_or_else(|e| e.into_inner());
        for (i, start) in (0..len).step_by(file.chunk).enumerate() {
            let stop = (start + file.chunk).min(len);
            chunks[offset / file.chunk + i] = Some(bytes.slice(start..stop));
        }
        Ok(())
    }

    /// The chunks that reads needed since the last call, in file and chunk order.
    pub fn take_missing(&self) -> Vec<Need> {
        let mut missing = self.missing.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *missing).into_iter().collect()
    }

    /// The whole of a small file (the manifest), if every chunk of it is here.
    pub fn read_all(&self, name: &str) -> Option<Vec<u8>> {
        let files = self.files.read().unwrap_or_else(|e| e.into_inner());
        let file = files.get(Path::new(name))?;
        file.read_bytes(0..file.len)
            .ok()
            .map(|b| b.as_slice().to_vec())
    }

    /// A tantivy directory over this store.
    pub fn directory(self: &Arc<Store>) -> ChunkDirectory {
        ChunkDirectory {
            store: Arc::clone(self),
        }
    }
}

/// One file of the index: its size and the chunks fetched so far.
#[derive(Debug)]
pub struct ChunkedFile {
    name: String,
    len: usize,
    chunk: usize,
    chunks: RwLock<Vec<Option<OwnedBytes>>>,
    /// Ranges registered off the chunk grid: (offset, bytes).
    ranges: RwLock<Vec<(usize, OwnedBytes)>>,
    missing: Arc<Mutex<BTreeSet<Need>>>,
}

impl HasLen for ChunkedFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ChunkedFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start >= range.end {
            return Ok(OwnedBytes::empty());
        }
        if range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("{}: read past the end", self.name),
            ));
        }
        let ranges = self.ranges.read().unwrap_or_else(|e| e.into_inner());
        for (start, bytes) in ranges.iter() {
            if *start <= range.start && range.end <= start + bytes.len() {
                return Ok(bytes.slice(range.start - start..range.end - start));
            }
        }
        drop(ranges);
        let (first, last) = (range.start / self.chunk, (range.end - 1) / self.chunk);
        let chunks = self.chunks.read().unwrap_or_else(|e| e.into_inner());
        let absent: Vec<usize> = (first..=last).filter(|&i| chunks[i].is_none()).collect();
        if !absent.is_empty() {
            let mut missing = self.missing.lock().unwrap_or_else(|e| e.into_inner());
            missing.extend(absent.into_iter().map(|i| (self.name.clone(), i)));
            return Err(io::Error::other(format!(
                "{}: bytes {}..{} not fetched yet",
                self.name, range.start, range.end
            )));
        }
        let base = first * self.chunk;
        if first == last {
            let chunk = chunks[first].clone();
            let chunk = chunk.unwrap_or_else(OwnedBytes::empty);
            return Ok(chunk.slice(range.start - base..range.end - base));
        }
        let mut out = Vec::with_capacity(range.len());
        for chunk in chunks[first..=last].iter().flatten() {
            out.extend_from_slice(chunk.as_slice());
        }
        Ok(OwnedBytes::new(out).slice(range.start - base..range.end - base))
    }
}

/// A read-only tantivy [`Directory`] over a [`Store`]: no writes, a lock that
/// always succeeds (nobody writes), no watching (the reader reloads manually).
#[derive(Debug, Clone)]
pub struct ChunkDirectory {
    store: Arc<Store>,
}

fn read_only(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!("{}: the browser's index is read-only", path.display()),
    )
}

impl Directory for ChunkDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let files = self.store.files.read().unwrap_or_else(|e| e.into_inner());
        match files.get(path) {
            Some(file) => Ok(Arc::clone(file) as Arc<dyn FileHandle>),
            None => Err(OpenReadError::FileDoesNotExist(path.to_path_buf())),
        }
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        let files = self.store.files.read().unwrap_or_else(|e| e.into_inner());
        Ok(files.contains_key(path))
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        let handle = self.get_file_handle(path)?;
        let bytes = handle
            .read_bytes(0..handle.len())
            .map_err(|e| OpenReadError::IoError {
                io_error: Arc::new(e),
                filepath: path.to_path_buf(),
            })?;
        Ok(bytes.as_slice().to_vec())
    }

    fn atomic_write(&self, path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(read_only(path))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with(name: &str, bytes: &[u8], chunk: usize) -> Arc<Store> {
        let store = Store::new();
        store.declare(name, bytes.len(), chunk);
        store
    }

    #[test]
    fn reads_across_chunks_once_they_are_all_here() {
        let data: Vec<u8> = (0..=255).collect();
        let store = store_with("f", &data, 100);
        let dir = store.directory();
        let handle = dir.get_file_handle(Path::new("f")).unwrap();
        assert!(handle.read_bytes(90..210).is_err());
        assert_eq!(
            store.take_missing(),
            vec![("f".into(), 0), ("f".into(), 1), ("f".into(), 2)]
        );
        store.put("f", 0, data[..200].to_vec()).unwrap();
        assert!(handle.read_bytes(90..210).is_err());
        assert_eq!(store.take_missing(), vec![("f".into(), 2)]);
        store.put("f", 200, data[200..].to_vec()).unwrap();
        assert_eq!(
            handle.read_bytes(90..210).unwrap().as_slice(),
            &data[90..210]
        );
        assert_eq!(
            handle.read_bytes(120..130).unwrap().as_slice(),
            &data[120..130]
        );
        assert!(store.take_missing().is_empty());
    }

    #[test]
    fn serves_reads_inside_ranges_off_the_grid() {
        let data: Vec<u8> = (0..=255).collect();
        let store = store_with("f", &data, 100);
        let handle = store.directory().get_file_handle(Path::new("f")).unwrap();
        store.put("f", 150, data[150..180].to_vec()).unwrap();
        assert_eq!(
            handle.read_bytes(160..170).unwrap().as_slice(),
            &data[160..170]
        );
        assert!(handle.read_bytes(140..170).is_err());
        assert_eq!(store.take_missing(), vec![("f".into(), 1)]);
    }

    #[test]
    fn refuses_bytes_past_the_end_or_of_unknown_files() {
        let store = store_with("f", &[0; 250], 100);
        assert!(store.put("f", 200, vec![0; 60]).is_err());
        assert!(store.put("g", 0, vec![0; 100]).is_err());
        assert!(store.put("f", 200, vec![0; 50]).is_ok());
    }

    #[test]
    fn undeclared_files_do_not_exist() {
        let store = Store::new();
        let dir = store.directory();
        assert!(!dir.exists(Path::new(".managed.json")).unwrap());
        assert!(matches!(
            dir.atomic_read(Path::new(".managed.json")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }
}
