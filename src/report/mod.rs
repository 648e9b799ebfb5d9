//! Reports for editors (DESIGN.md §7): articles whose legal review is overdue
//! ([`reviews()`]), and translations that are missing or older than their source
//! ([`translations()`]): articles, pages, directory texts and interface strings.
//!
//! Input: a resolved [`Site`](crate::model::Site) (see [`crate::load_site`]). Output:
//! plain, serializable rows, sorted; the binary prints them as text or JSON.

mod directory;
mod interface;
mod reviews;
mod translations;

pub use reviews::{reviews, ReviewReason, ReviewRow};
pub use translations::{translations, Kind, Source, Status, TranslationRow};
