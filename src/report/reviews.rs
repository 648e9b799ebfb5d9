//! `puerta report reviews`: articles whose legal review is overdue.
//!
//! Input: a resolved [`Site`] (see [`crate::load_site`]) and a date. Output: plain,
//! serializable rows, sorted by file; the binary prints them as text or JSON.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::law::review::{self, Reason};
use crate::law::ChangeKind;
use crate::model::Site;

/// An article (in one language) whose legal review is overdue.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewRow {
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// The article's key.
    pub key: String,
    /// The language of the file.
    pub lang: String,
    /// Its title.
    pub title: String,
    /// Date of the last legal review, if any.
    pub last_review: Option<NaiveDate>,
    /// Who reviewed it last.
    pub reviewed_by: Option<String>,
    /// Why it needs review.
    pub reasons: Vec<ReviewReason>,
}

/// Why an article needs review, for people and for tools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum ReviewReason {
    /// It cites laws and was never reviewed.
    NeverReviewed,
    /// The review is older than the maximum age.
    TooOld {
        /// Days since the review.
        days: i64,
    },
    /// A cited law changed after the review.
    LawChanged {
        /// Key of the law.
        law: String,
        /// `in-force`, `amended` or `repealed`.
        change: &'static str,
        /// When.
        date: NaiveDate,
        /// The law that amended or repealed it.
        by: Option<String>,
        /// The change in words.
        text: String,
    },
}

impl std::fmt::Display for ReviewReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReviewReason::NeverReviewed => f.write_str("cites laws but has no legal review"),
            ReviewReason::TooOld { days } => write!(f, "last legal review {days} days ago"),
            ReviewReason::LawChanged { text, .. } => write!(f, "{text} after the last review"),
        }
    }
}

/// Every article (each language on its own) that needs a legal review on `today`:
/// a review older than `max_age_days`, older than a change of a law it cites, or
/// missing while it cites laws.
pub fn reviews(site: &Site, today: NaiveDate, max_age_days: i64) -> Vec<ReviewRow> {
    let laws = &site.laws;
    let mut rows = Vec::new();
    for entry in &site.articles {
        for item in entry.items.values() {
            let doc = &item.doc;
            let found = review::reasons(
                laws,
                &item.cites,
                doc.legal_review.as_ref(),
                today,
                max_age_days,
            );
            if found.is_empty() {
                continue;
            }
            let reasons = found
                .into_iter()
                .map(|r| match r {
                    Reason::NeverReviewed => ReviewReason::NeverReviewed,
                    Reason::TooOld { days } => ReviewReason::TooOld { days },
                    Reason::LawChanged(change) => ReviewReason::LawChanged {
                        law: laws.laws[change.law].key.clone(),
                        change: change.kind.as_str(),
                        date: change.date,
                        by: match change.kind {
                            ChangeKind::Amended(by) | ChangeKind::Repealed(Some(by)) => {
                                Some(laws.laws[by].key.clone())
                            }
                            _ => None,
                        },
                        text: review::describe(laws, &change),
                    },
                })
                .collect();
            rows.push(ReviewRow {
                file: doc.file.clone(),
                key: doc.key.clone(),
                lang: doc.lang.clone(),
                title: doc.title.clone(),
                last_review: doc.legal_review.as_ref().map(|r| r.date),
                reviewed_by: doc.legal_review.as_ref().and_then(|r| r.by.clone()),
                reasons,
            });
        }
    }
    rows.sort_by(|a, b| a.file.cmp(&b.file));
    rows
}
