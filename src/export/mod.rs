//! Export stage: open-data files built from the validated model, next to the pages.
//!
//! Input: the validated [`crate::directory::Directory`] and the [`crate::config::Config`].
//! Output: [`crate::render::Output`]s (path and bytes); like rendering, exporting never
//! touches the file system, and `lib.rs` decides where and when the files are written.

pub mod hsds;
