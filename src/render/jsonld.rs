//! schema.org JSON-LD for pages: `BlogPosting` with a `BreadcrumbList` for articles
//! (its `citation`s are `Legislation` nodes), `Legislation` for law pages, `WebSite`
//! for home pages. Serialized with serde_json and made safe to embed in a `<script>`
//! element.
//!
//! A `Legislation` node is identified by its ELI when one is known: the ELI is the
//! law's permanent, global identifier, so every site that cites the law names the same
//! node. Without ELI, the law page of this site is the best identifier there is.

use serde_json::{json, Value};

use super::context::entry_path;
use crate::model::{Entry, Item, Site};
use crate::urls;

/// JSON-LD of an article shown in its own language; `blog_name` names the blog list
/// in the breadcrumbs.
pub fn article(site: &Site, entry: &Entry, item: &Item, lang: &str, blog_name: &str) -> String {
    let config = &site.config;
    let doc = &item.doc;
    let url = config.absolute(&entry_path(site, entry, lang));
    let mut posting = json!({
        "@type": "BlogPosting",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": doc.title,
        "inLanguage": doc.lang,
        "isPartOf": {"@type": "Blog", "name": config.title.text(lang, config), "url": config.absolute(&urls::blog_list(lang, 1))},
    });
    let map = posting.as_object_mut().expect("json! object");
    if let Some(date) = doc.date {
        map.insert("datePublished".into(), date.to_string().into());
        map.insert(
            "dateModified".into(),
            doc.updated.unwrap_or(date).to_string().into(),
        );
    }
    if let Some(summary) = &doc.summary {
        map.insert("description".into(), summary.clone().into());
    }
    if !doc.authors.is_empty() {
        let authors: Vec<Value> = doc
            .authors
            .iter()
            .map(|a| json!({"@type": "Person", "name": a.name}))
            .collect();
        map.insert("author".into(), authors.into());
    }
    if let Some(c) = item.category {
        map.insert(
            "articleSection".into(),
            site.categories.terms[c].name.text(lang, config).into(),
        );
    }
    if !item.cites.is_empty() {
        let citations: Vec<Value> = item
            .cites
            .iter()
            .map(|c| legislation(site, c.law, lang))
            .collect();
        map.insert("citation".into(), citations.into());
    }
    if let Some(review) = &doc.legal_review {
        let mut page =
            json!({"@type": "WebPage", "@id": url, "lastReviewed": review.date.to_string()});
        if let Some(by) = &review.by {
            page["reviewedBy"] = json!({"@type": "Person", "name": by});
        }
        map.insert("mainEntityOfPage".into(), page);
    }
    if !item.tags.is_empty() {
        let keywords: Vec<&str> = item
            .tags
            .iter()
            .map(|&t| site.tags.terms[t].name.text(lang, config))
            .collect();
        map.insert("keywords".into(), keywords.join(", ").into());
    }
    let crumbs = json!({
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": config.title.text(lang, config), "item": config.absolute(&urls::home(lang))},
            {"@type": "ListItem", "position": 2, "name": blog_name, "item": config.absolute(&urls::blog_list(lang, 1))},
            {"@type": "ListItem", "position": 3, "name": doc.title, "item": url},
        ]
    });
    embed(json!({"@context": "https://schema.org", "@graph": [posting, crumbs]}))
}

/// A law as a schema.org `Legislation` node, named in `lang`.
pub fn legislation(site: &Site, i: usize, lang: &str) -> Value {
    let config = &site.config;
    let law = &site.laws.laws[i];
    let page = config.absolute(&urls::law(lang, &law.key));
    let id = law.eli.clone().unwrap_or_else(|| format!("{page}#law"));
    let mut node = json!({
        "@type": "Legislation",
        "@id": id,
        "name": law.title.text(lang, config),
        "alternateName": law.short_title.text(lang, config),
        "legislationIdentifier": law.journal_id.clone().unwrap_or_else(|| law.number.clone()),
        "legislationLegalForce": law.status.legal_force(),
        "legislationJurisdiction": law.jurisdiction.iso(),
        "mainEntityOfPage": page,
    });
    let map = node.as_object_mut().expect("json! object");
    if let Some(eli) = &law.eli {
        map.insert("url".into(), eli.clone().into());
    }
    if let Some(d) = law.date {
        map.insert("legislationDate".into(), d.to_string().into());
    }
    if let Some(d) = law.published {
        map.insert("datePublished".into(), d.to_string().into());
    }
    if let Some(d) = law.in_force_from {
        map.insert(
            "legislationDateOfApplicability".into(),
            d.to_string().into(),
        );
    }
    if let Some(d) = law.repealed_on {
        map.insert("expires".into(), d.to_string().into());
    }
    let changed: Vec<Value> = law
        .repeals
        .iter()
        .chain(&law.amends)
        .map(|&j| json!({"@id": law_id(site, j, lang)}))
        .collect();
    if !changed.is_empty() {
        map.insert("legislationChanges".into(), changed.into());
    }
    node
}

/// The `@id` of a law's node: its ELI, else its page on this site.
fn law_id(site: &Site, i: usize, lang: &str) -> String {
    let law = &site.laws.laws[i];
    law.eli
        .clone()
        .unwrap_or_else(|| format!("{}#law", site.config.absolute(&urls::law(lang, &law.key))))
}

/// JSON-LD of a law page: the law as `Legislation`, with breadcrumbs; `laws_name`
/// names the list of laws.
pub fn law_page(site: &Site, i: usize, lang: &str, laws_name: &str) -> String {
    let config = &site.config;
    let law = &site.laws.laws[i];
    let node = legislation(site, i, lang);
    let crumbs = json!({
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": config.title.text(lang, config), "item": config.absolute(&urls::home(lang))},
            {"@type": "ListItem", "position": 2, "name": laws_name, "item": config.absolute(&urls::laws(lang))},
            {"@type": "ListItem", "position": 3, "name": law.short_title.text(lang, config), "item": config.absolute(&urls::law(lang, &law.key))},
        ]
    });
    embed(json!({"@context": "https://schema.org", "@graph": [node, crumbs]}))
}

/// JSON-LD of a language's home page.
pub fn website(site: &Site, lang: &str) -> String {
    let config = &site.config;
    embed(json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": config.title.text(lang, config),
        "url": config.absolute(&urls::home(lang)),
        "inLanguage": lang,
    }))
}

/// JSON text that cannot close its `<script>` element early.
pub(super) fn embed(value: Value) -> String {
    value.to_string().replace("</", "<\\/")
}
