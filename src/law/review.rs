//! Legal review: whether an article's last legal review still covers the laws it
//! cites. Input: the resolved [`Site`] and a date. Output: repeal warnings for the
//! build, and the reasons an article needs another review for `puerta report reviews`.
//!
//! An article is *stale* with respect to a law when the law changed (entered into
//! force, was amended or repealed) after the article's last legal review, and the
//! change has happened by the date asked about. An article that cites laws and was
//! never reviewed needs review too.

use chrono::NaiveDate;

use super::{Change, ChangeKind, Law, Laws, Status};
use crate::content::Review;
use crate::diag::{Diagnostic, Problem};
use crate::model::{Cited, Site};

/// Why an article needs a legal review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// It cites laws and has no `legal_review`.
    NeverReviewed,
    /// Its last review is older than the maximum age.
    TooOld {
        /// Days since the review.
        days: i64,
    },
    /// A law it cites changed after its last review.
    LawChanged(Change),
}

/// Whether an article reviewed as `review` must warn its readers about `law`: the law
/// is repealed, and nobody reviewed the article since the repeal took effect.
pub fn repeal_unreviewed(law: &Law, review: Option<&Review>) -> bool {
    law.status == Status::Repealed
        && match (review, law.repealed_on) {
            (None, _) | (_, None) => true,
            (Some(r), Some(on)) => r.date < on,
        }
}

/// A build warning for every article (in every language) that cites a repealed law
/// its last legal review did not cover, placed at the first citation of that law.
pub fn repeal_warnings(site: &Site) -> Vec<Diagnostic> {
    let laws = &site.laws;
    let mut out = Vec::new();
    for item in site.articles.iter().flat_map(|e| e.items.values()) {
        let review = item.doc.legal_review.as_ref();
        for cited in &item.cites {
            let law = &laws.laws[cited.law];
            if !repeal_unreviewed(law, review) {
                continue;
            }
            let mut detail = String::new();
            if let Some(by) = law.repealed_by {
                detail.push_str(&format!("by `{}` ", laws.laws[by].key));
            }
            if let Some(on) = law.repealed_on {
                detail.push_str(&format!("with effect from {on}"));
            }
            let help = match review {
                Some(r) => format!(
                    "the last legal review ({}) predates the repeal: review the article, then update `legal_review`",
                    r.date
                ),
                None => "the article has no `legal_review`: review it against the law in force, then add one".into(),
            };
            out.push(
                Diagnostic::warning(
                    cited.at.clone(),
                    Problem::RepealedLaw {
                        law: law.key.clone(),
                        detail: detail.trim_end().to_string(),
                    },
                )
                .help(help),
            );
        }
    }
    out
}

/// Why an article needs review on `today`: no review while citing laws, a review
/// older than `max_age_days`, or a change of a cited law since the review. Empty when
/// it does not (articles citing no law need review only when they carry a review date
/// that grew old).
pub fn reasons(
    laws: &Laws,
    cites: &[Cited],
    review: Option<&Review>,
    today: NaiveDate,
    max_age_days: i64,
) -> Vec<Reason> {
    let Some(review) = review else {
        return if cites.is_empty() {
            Vec::new()
        } else {
            vec![Reason::NeverReviewed]
        };
    };
    let mut out = Vec::new();
    let days = (today - review.date).num_days();
    if days > max_age_days {
        out.push(Reason::TooOld { days });
    }
    for cited in cites {
        for change in laws.legal_changes(cited.law) {
            if change.date > review.date && change.date <= today {
                out.push(Reason::LawChanged(change));
            }
        }
    }
    out
}

/// A change in words, for the report: "`es-rd-557-2011` repealed on 2025-05-20 by
/// `es-rd-1155-2024`".
pub fn describe(laws: &Laws, change: &Change) -> String {
    let key = &laws.laws[change.law].key;
    let date = change.date;
    match change.kind {
        ChangeKind::Published => format!("`{key}` published on {date}"),
        ChangeKind::InForce => format!("`{key}` in force since {date}"),
        ChangeKind::Amended(by) => {
            format!("`{key}` amended by `{}` on {date}", laws.laws[by].key)
        }
        ChangeKind::Repealed(Some(by)) => {
            format!("`{key}` repealed on {date} by `{}`", laws.laws[by].key)
        }
        ChangeKind::Repealed(None) => format!("`{key}` repealed on {date}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;
    use crate::law::{Jurisdiction, Kind};
    use crate::localized::Localized;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn law(key: &str, status: Status) -> Law {
        Law {
            key: key.into(),
            file: format!("content/laws/{key}.yaml").into(),
            jurisdiction: Jurisdiction::Es,
            kind: Kind::RoyalDecree,
            number: "1/2000".into(),
            date: None,
            published: None,
            title: Localized::Plain(key.into()),
            short_title: Localized::Plain(key.into()),
            eli: None,
            consolidated: None,
            journal: None,
            journal_id: None,
            in_force_from: None,
            status,
            repeals: Vec::new(),
            amends: Vec::new(),
            amended_by: Vec::new(),
            repealed_by: None,
            repealed_on: None,
        }
    }

    /// `old` repealed by `new` on 2025-05-20, when `new` entered into force.
    fn laws() -> Laws {
        let mut new = law("new", Status::InForce);
        new.in_force_from = Some(day("2025-05-20"));
        new.published = Some(day("2024-11-20"));
        new.repeals = vec![1];
        let mut old = law("old", Status::Repealed);
        old.repealed_by = Some(0);
        old.repealed_on = Some(day("2025-05-20"));
        Laws {
            laws: vec![new, old],
            broken: Default::default(),
        }
    }

    fn review(date: &str) -> Review {
        Review {
            date: day(date),
            by: None,
        }
    }

    fn cites(laws: &[usize]) -> Vec<Cited> {
        laws.iter()
            .map(|&law| Cited {
                law,
                articles: Vec::new(),
                at: Span::file("a.md"),
            })
            .collect()
    }

    #[test]
    fn a_repeal_needs_a_review_after_it_took_effect() {
        let laws = laws();
        let old = &laws.laws[1];
        assert!(repeal_unreviewed(old, None));
        assert!(repeal_unreviewed(old, Some(&review("2025-05-19"))));
        assert!(!repeal_unreviewed(old, Some(&review("2025-05-20"))));
        assert!(!repeal_unreviewed(&laws.laws[0], None), "in force");
    }

    #[test]
    fn reasons_count_changes_between_the_review_and_today_only() {
        let laws = laws();
        let today = day("2026-11-26");
        let both = cites(&[0, 1]);
        let got = reasons(&laws, &both, Some(&review("2024-06-01")), today, 365);
        assert_eq!(
            got,
            [
                Reason::TooOld { days: 908 },
                Reason::LawChanged(Change {
                    law: 0,
                    kind: ChangeKind::InForce,
                    date: day("2025-05-20")
                }),
                Reason::LawChanged(Change {
                    law: 1,
                    kind: ChangeKind::Repealed(Some(0)),
                    date: day("2025-05-20")
                }),
            ]
        );
        assert_eq!(
            describe(
                &laws,
                &Change {
                    law: 1,
                    kind: ChangeKind::Repealed(Some(0)),
                    date: day("2025-05-20")
                }
            ),
            "`old` repealed on 2025-05-20 by `new`"
        );
        // A change still to come is not a change yet; a publication is not one at all.
        let early = day("2025-01-01");
        assert!(reasons(&laws, &both, Some(&review("2024-12-01")), early, 365).is_empty());
        assert_eq!(
            reasons(&laws, &both, None, today, 365),
            [Reason::NeverReviewed]
        );
        assert!(
            reasons(&laws, &[], None, today, 365).is_empty(),
            "cites nothing"
        );
    }
}
