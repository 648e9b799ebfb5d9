//! Reading the Atom feeds of a built site with an XML parser, each feed and entry
//! checked for the elements RFC 4287 requires.

/// The Atom namespace.
pub const ATOM: &str = "http://www.w3.org/2005/Atom";

/// An Atom entry, checked for the elements RFC 4287 requires.
#[derive(Debug)]
pub struct FeedEntry {
    /// `<id>`.
    pub id: String,
    /// The `href` of the alternate `<link>`.
    pub link: String,
    /// `<title>`.
    pub title: String,
    /// `<content>`, unescaped.
    pub content: String,
}

/// The Atom children of `node` named `name`.
fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(|n| n.has_tag_name((ATOM, name)))
        .collect()
}

/// The text of the one Atom child of `node` named `name`.
fn text_of(node: roxmltree::Node<'_, '_>, name: &str) -> String {
    let found = child(node, name);
    assert_eq!(found.len(), 1, "exactly one <{name}>");
    found[0].text().unwrap_or_default().to_string()
}

/// Parses an Atom feed, checks its required elements and returns its entries.
pub fn feed_entries(text: &str) -> Vec<FeedEntry> {
    let doc = roxmltree::Document::parse(text).expect("feed is XML");
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "root is an Atom feed");
    let absolute = |url: &str| url.starts_with("https://example.org/");
    assert!(absolute(&text_of(feed, "id")), "feed id is an absolute URL");
    assert!(!text_of(feed, "title").is_empty());
    let updated = text_of(feed, "updated");
    let updated = chrono::DateTime::parse_from_rfc3339(&updated).expect("RFC 3339 updated");
    let self_link = child(feed, "link")
        .into_iter()
        .find(|l| l.attribute("rel") == Some("self"))
        .expect("a self link");
    assert!(absolute(self_link.attribute("href").unwrap()));
    let feed_has_author = !child(feed, "author").is_empty();
    let mut out = Vec::new();
    for entry in child(feed, "entry") {
        let id = text_of(entry, "id");
        assert!(absolute(&id), "entry id {id} is absolute");
        let entry_updated = chrono::DateTime::parse_from_rfc3339(&text_of(entry, "updated"))
            .expect("entry updated is RFC 3339");
        assert!(
            entry_updated <= updated,
            "the feed is as new as its newest entry"
        );
        assert!(
            feed_has_author || !child(entry, "author").is_empty(),
            "Atom requires an author"
        );
        let link = child(entry, "link")
            .into_iter()
            .find(|l| l.attribute("rel").unwrap_or("alternate") == "alternate")
            .and_then(|l| l.attribute("href"))
            .expect("entry link")
            .to_string();
        assert!(absolute(&link), "entry link {link} is absolute");
        out.push(FeedEntry {
            title: text_of(entry, "title"),
            content: child(entry, "content")
                .first()
                .and_then(|c| c.text())
                .unwrap_or_default()
                .to_string(),
            id,
            link,
        });
    }
    out
}
