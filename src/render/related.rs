//! Related articles: for each article as a language lists it, up to three others that
//! share the most with it: laws cited (weight 3), tags (2) and the category (1). Ties
//! go to the newer article, then to the key, so the choice is deterministic.
//!
//! Input: the site and a language's list order. Output: per article, the indexes of
//! its related articles. The work is bounded for large sites: an article is compared
//! only with its nearest neighbours (in list order, so by date) in each list of
//! articles sharing a term or a law, not with every article of the site.

use std::collections::HashMap;

use crate::model::Site;

/// How many related articles an article shows.
pub const RELATED: usize = 3;

/// Neighbours looked at on each side in each shared list.
const WINDOW: usize = 24;

/// What two articles can share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Feature {
    Law(usize),
    Tag(usize),
    Category(usize),
}

impl Feature {
    fn weight(self) -> u32 {
        match self {
            Feature::Law(_) => 3,
            Feature::Tag(_) => 2,
            Feature::Category(_) => 1,
        }
    }
}

/// For every article (by index in `site.articles`), its related articles in `lang`,
/// whose list order (article indexes, newest first) is `list`.
pub fn related(site: &Site, lang: &str, list: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); site.articles.len()];
    let features: Vec<Vec<Feature>> = list.iter().map(|&i| features(site, lang, i)).collect();
    // Positions in `list` of the articles having each feature, in list order.
    let mut postings: HashMap<Feature, Vec<usize>> = HashMap::new();
    for (pos, fs) in features.iter().enumerate() {
        for f in fs {
            postings.entry(*f).or_default().push(pos);
        }
    }
    let mut scores: HashMap<usize, u32> = HashMap::new();
    for (pos, fs) in features.iter().enumerate() {
        out[list[pos]] = best(pos, fs, &postings, list, &mut scores);
    }
    out
}

/// The related articles of one article (by index in `site.articles`) in `lang`, as
/// [`related`] finds them, in time linear in the number of articles: for the live
/// preview, which renders a few pages of a site that changes.
pub fn related_one(site: &Site, lang: &str, list: &[usize], article: usize) -> Vec<usize> {
    let Some(pos) = list.iter().position(|&i| i == article) else {
        return Vec::new();
    };
    let own = features(site, lang, article);
    let mut postings: HashMap<Feature, Vec<usize>> = own.iter().map(|f| (*f, Vec::new())).collect();
    for (p, &i) in list.iter().enumerate() {
        for f in features(site, lang, i) {
            if let Some(posting) = postings.get_mut(&f) {
                posting.push(p);
            }
        }
    }
    best(pos, &own, &postings, list, &mut HashMap::new())
}

/// What the article `i` shows in `lang` can share, each feature once.
fn features(site: &Site, lang: &str, i: usize) -> Vec<Feature> {
    let Some(shown) = site.articles[i].shown(lang, &site.config) else {
        return Vec::new();
    };
    let item = shown.item;
    let all = (item.cites.iter().map(|c| Feature::Law(c.law)))
        .chain(item.tags.iter().map(|&t| Feature::Tag(t)))
        .chain(item.category.map(Feature::Category));
    let mut f: Vec<Feature> = Vec::new();
    for feature in all {
        if !f.contains(&feature) {
            f.push(feature);
        }
    }
    f
}

/// The related articles of the article at `pos` of `list`, whose features are `fs`:
/// its nearest neighbours in the postings of each feature, best score first.
fn best(
    pos: usize,
    fs: &[Feature],
    postings: &HashMap<Feature, Vec<usize>>,
    list: &[usize],
    scores: &mut HashMap<usize, u32>,
) -> Vec<usize> {
    scores.clear();
    for f in fs {
        let posting = &postings[f];
        let at = posting.binary_search(&pos).unwrap_or(0);
        let from = at.saturating_sub(WINDOW);
        let to = (at + WINDOW + 1).min(posting.len());
        for &other in &posting[from..to] {
            if other != pos {
                *scores.entry(other).or_default() += f.weight();
            }
        }
    }
    let mut best: Vec<(u32, usize)> = scores.iter().map(|(&p, &s)| (s, p)).collect();
    // Higher score first, then earlier in the list (newer), which is unique.
    best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    best.iter().take(RELATED).map(|&(_, p)| list[p]).collect()
}
