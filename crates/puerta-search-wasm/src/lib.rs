//! The browser search runtime: compiled for `wasm32-unknown-unknown` without
//! wasm-bindgen, it opens the tantivy index of the page's language from bytes that a
//! hand-written JS loader fetches, and answers queries with DESIGN.md §6's JSON.
//!
//! Input: index files and chunks registered by the loader ([`declare`], [`put`]),
//! then [`open`] and [`query`] calls. Output: JSON results. The module imports
//! nothing; strings and bytes cross the boundary through [`alloc`]ed buffers:
//!
//! - the loader writes arguments into buffers it got from [`alloc`]; [`put`] takes
//!   ownership of its data buffer, every other call only borrows;
//! - results are buffers that start with their length (u32, little-endian), followed
//!   by UTF-8 JSON; the loader frees them with [`dealloc`] (length + 4 bytes).
//!
//! A result is `{"need":[[file, chunk], …]}` when reads touched chunks not fetched
//! yet: the loader fetches them (in parallel), [`put`]s them and calls again.

pub mod engine;
pub mod store;
pub mod warm;

use std::alloc::Layout;
use std::sync::{Arc, Mutex};

use engine::{Engine, Failure};
use store::Store;

/// The runtime's state: the store the loader fills and the index once open.
struct State {
    store: Arc<Store>,
    engine: Option<Engine>,
}

static STATE: Mutex<Option<State>> = Mutex::new(None);

fn with_state<T>(f: impl FnOnce(&mut State) -> T) -> T {
    let mut guard = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let state = guard.get_or_insert_with(|| State {
        store: Store::new(),
        engine: None,
    });
    f(state)
}

/// The index format this runtime reads; see [`puerta_search::INDEX_FORMAT_VERSION`].
#[no_mangle]
pub extern "C" fn puerta_index_format_version() -> u32 {
    puerta_search::INDEX_FORMAT_VERSION
}

/// Allocates `len` bytes for the loader to write into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    match Layout::array::<u8>(len) {
        // SAFETY: the layout has a non-zero size.
        Ok(layout) if len > 0 => unsafe { std::alloc::alloc(layout) },
        _ => std::ptr::NonNull::dangling().as_ptr(),
    }
}

/// Frees `len` bytes at `ptr`, from [`alloc`] or a result.
///
/// # Safety
/// `ptr` must come from [`alloc`] (or be a result) with this `len`, and not be used
/// again.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, len: usize) {
    if len > 0 {
        if let Ok(layout) = Layout::array::<u8>(len) {
            // SAFETY: the caller hands back a block of this layout.
            unsafe { std::alloc::dealloc(ptr, layout) }
        }
    }
}

/// A string the loader wrote at `ptr`.
///
/// # Safety
/// `ptr..ptr+len` must be readable.
unsafe fn text<'a>(ptr: *const u8, len: usize) -> &'a str {
    if len == 0 {
        return "";
    }
    // SAFETY: the caller guarantees the range is readable.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    std::str::from_utf8(bytes).unwrap_or("")
}

/// Declares a file of the index: its name, size and chunk size (the size of the
/// pieces in which the loader fetches it).
///
/// # Safety
/// `name..name+name_len` must be readable.
#[no_mangle]
pub unsafe extern "C" fn declare(name: *const u8, name_len: usize, size: usize, chunk: usize) {
    // SAFETY: forwarded from the caller.
    let name = unsafe { text(name, name_len) };
    with_state(|s| s.store.declare(name, size, chunk));
}

/// Registers `data_len` bytes at `data` as the content of `name` from `offset` (a
/// chunk boundary; whole chunks). Takes ownership of the data buffer. Returns 0, or a
/// result with `{"error"}` when the bytes do not fit the declared file.
///
/// # Safety
/// `name` must be readable; `data` must come from [`alloc`] with `data_len`.
#[no_mangle]
pub unsafe extern "C" fn put(
    name: *const u8,
    name_len: usize,
    offset: usize,
    data: *mut u8,
    data_len: usize,
) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    let name = unsafe { text(name, name_len) };
    let bytes = if data_len == 0 {
        Vec::new()
    } else {
        // SAFETY: `data` was allocated by `alloc(data_len)`, a `u8` array of that size.
        unsafe { Vec::from_raw_parts(data, data_len, data_len) }
    };
    match with_state(|s| s.store.put(name, offset, bytes)) {
        Ok(()) => std::ptr::null_mut(),
        Err(e) => result(&serde_json::json!({ "error": e.to_string() }).to_string()),
    }
}

/// Forgets every file and the open index.
#[no_mangle]
pub extern "C" fn reset() {
    with_state(|s| {
        s.engine = None;
        s.store = Store::new();
    });
}

/// Opens the index of `lang` from the registered files. Result: `{"ok":true}`,
/// `{"need":…}` or `{"error":…}` (a manifest of another format is an error).
///
/// # Safety
/// `lang..lang+lang_len` must be readable.
#[no_mangle]
pub unsafe extern "C" fn open(lang: *const u8, lang_len: usize) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    let lang = unsafe { text(lang, lang_len) };
    let outcome = with_state(|s| {
        s.engine = None;
        Engine::open(&s.store, lang).map(|engine| s.engine = Some(engine))
    });
    let json = match outcome {
        Ok(()) => r#"{"ok":true}"#.to_string(),
        Err(failure) => failure_json(failure),
    };
    result(&json)
}

/// Runs a query: a JSON request `{"text", "kinds"?, "facets"?, "limit"?}` at `ptr` (a
/// [`puerta_search::Request`]). Result: the
/// search JSON of DESIGN.md §6, `{"need":…}` or `{"error":…}`.
///
/// # Safety
/// `ptr..ptr+len` must be readable.
#[no_mangle]
pub unsafe extern "C" fn query(ptr: *const u8, len: usize) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    let request = unsafe { text(ptr, len) };
    let outcome = with_state(|s| match &s.engine {
        Some(engine) => engine.query(request),
        None => Err(Failure::Error("no index is open".into())),
    });
    result(&outcome.unwrap_or_else(failure_json))
}

fn failure_json(failure: Failure) -> String {
    match failure {
        Failure::Need(need) => serde_json::json!({ "need": need }).to_string(),
        Failure::Error(message) => serde_json::json!({ "error": message }).to_string(),
    }
}

/// A result buffer: length (u32, little-endian), then the bytes.
fn result(json: &str) -> *mut u8 {
    let len = json.len();
    let ptr = alloc(len + 4);
    // SAFETY: `ptr` holds `len + 4` fresh bytes.
    unsafe {
        std::ptr::copy_nonoverlapping((len as u32).to_le_bytes().as_ptr(), ptr, 4);
        std::ptr::copy_nonoverlapping(json.as_ptr(), ptr.add(4), len);
    }
    ptr
}

/// getrandom's custom backend (`.cargo/config.toml` selects it for wasm32): tantivy
/// only needs random numbers to name new segments, which the browser never writes.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
#[no_mangle]
unsafe extern "Rust" fn __getrandom_v03_custom(
    _dest: *mut u8,
    _len: usize,
) -> Result<(), getrandom::Error> {
    Err(getrandom::Error::UNSUPPORTED)
}
