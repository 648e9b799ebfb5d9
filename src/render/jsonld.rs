//! schema.org JSON-LD for pages: `BlogPosting` with a `BreadcrumbList` for articles,
//! `WebSite` for home pages. Serialized with serde_json and made safe to embed in a
//! `<script>` element.

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
