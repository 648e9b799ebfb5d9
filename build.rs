//! Build script of `puerta`: compiles the browser search runtime
//! (`crates/puerta-search-wasm`, through the workspace in `wasm/`) for
//! `wasm32-unknown-unknown` so that the binary carries it (`include_bytes!` in
//! `src/search_assets/mod.rs`); no compiled file is committed.
//!
//! The inner build runs cargo again on `wasm/Cargo.toml` (a workspace of its own, with
//! the `wasm` profile and a stand-in for `regex`: see that file), with its own target
//! directory (beside the outer one, so that it is cached across `build`, `test`,
//! `clippy` and `doc`, and never waits on the outer build's lock) and the same
//! toolchain. The
//! wasm32 target is added with rustup when missing (machines here have
//! `RUSTUP_AUTO_INSTALL=0`). If the runtime cannot be built, the binary is built
//! without it, with a warning; `puerta build` then says that search is unavailable.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-unknown-unknown";
const WASM: &str = "puerta_search_runtime.wasm";

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    for path in [
        "crates/puerta-search-wasm",
        "crates/puerta-search",
        "wasm",
        "Cargo.lock",
        "Cargo.toml",
        ".cargo/config.toml",
        "build.rs",
        // Embedded with include_dir!, which cargo does not track by itself.
        "themes",
        "locales",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    println!("cargo:rerun-if-env-changed=PUERTA_SKIP_WASM");

    let dest = out_dir.join(WASM);
    let built = if env::var_os("PUERTA_SKIP_WASM").is_some() {
        Err("PUERTA_SKIP_WASM is set".to_string())
    } else {
        build(&root, &out_dir)
    };
    let bytes = match built {
        Ok(path) => std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) => Err(e),
    };
    let bytes = bytes.unwrap_or_else(|e| {
        println!("cargo:warning=puerta is built without its search runtime: {e}");
        Vec::new()
    });
    std::fs::write(&dest, bytes).expect("OUT_DIR is writable");
    println!("cargo:rustc-env=PUERTA_SEARCH_WASM={}", dest.display());
}

/// Builds the runtime; returns the path of the `.wasm` file.
fn build(root: &Path, out_dir: &Path) -> Result<PathBuf, String> {
    ensure_target()?;
    let target_dir = outer_target_dir(out_dir)
        .unwrap_or_else(|| out_dir.to_path_buf())
        .join("puerta-search-wasm");
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(root)
        .args(["build", "--quiet", "--manifest-path", "wasm/Cargo.toml"])
        .args(["--target", TARGET])
        .args(["--profile", "wasm", "--target-dir"])
        .arg(&target_dir)
        // The outer build's flags are for the host; the runtime needs getrandom's
        // custom backend whatever RUSTFLAGS says (see `.cargo/config.toml`).
        .env(
            "CARGO_ENCODED_RUSTFLAGS",
            "--cfg\x1fgetrandom_backend=\"custom\"",
        )
        .env_remove("RUSTFLAGS")
        // clippy-driver (under `cargo clippy`) and coverage wrappers are for the outer
        // build's crates.
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET");
    let output = command
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "cargo build --manifest-path wasm/Cargo.toml failed: {}",
            tail.join(" | ")
        ));
    }
    Ok(target_dir.join(TARGET).join("wasm").join(WASM))
}

/// Adds the wasm32 target to the toolchain in use when it lacks it.
fn ensure_target() -> Result<(), String> {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    if sysroot
        .join("lib/rustlib")
        .join(TARGET)
        .join("lib")
        .is_dir()
    {
        return Ok(());
    }
    let mut rustup = Command::new("rustup");
    rustup.args(["target", "add", TARGET]);
    if let Some(toolchain) = env::var_os("RUSTUP_TOOLCHAIN") {
        rustup.arg("--toolchain").arg(toolchain);
    }
    let status = rustup
        .status()
        .map_err(|e| format!("the {TARGET} target is missing and rustup cannot run: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`rustup target add {TARGET}` failed"))
    }
}

/// The outer build's target directory: the ancestor of OUT_DIR that cargo tagged.
fn outer_target_dir(out_dir: &Path) -> Option<PathBuf> {
    out_dir
        .ancestors()
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .map(Path::to_path_buf)
}
