//! URLs: the one place that knows the site's URL scheme (DESIGN.md §5).
//!
//! Every function returns a site path (`/es/blog/x/`), relative to the base URL's
//! path. [`link`] prefixes the base path for `href`s; [`output_file`] maps a site path
//! to the file written under the output directory.

use crate::content::Section;

/// Home of a language.
pub fn home(lang: &str) -> String {
    format!("/{lang}/")
}

/// Page `n` (1-based) of the blog list.
pub fn blog_list(lang: &str, page: usize) -> String {
    if page <= 1 {
        format!("/{lang}/blog/")
    } else {
        format!("/{lang}/blog/page/{page}/")
    }
}

/// An article or a plain page, by its slug in that language.
pub fn entry(section: Section, lang: &str, slug: &str) -> String {
    match section {
        Section::Blog => format!("/{lang}/blog/{slug}/"),
        Section::Pages => format!("/{lang}/{slug}/"),
    }
}

/// The URL segment of a taxonomy: `category` for `categories`, `tag` for `tags`.
pub fn taxonomy_segment(taxonomy: &str) -> &str {
    match taxonomy {
        "categories" => "category",
        "tags" => "tag",
        other => other,
    }
}

/// The list of every term of a taxonomy.
pub fn taxonomy(lang: &str, taxonomy: &str) -> String {
    format!("/{lang}/blog/{}/", taxonomy_segment(taxonomy))
}

/// A term's page.
pub fn term(lang: &str, taxonomy: &str, code: &str) -> String {
    format!("/{lang}/blog/{}/{code}/", taxonomy_segment(taxonomy))
}

/// A term's Atom feed.
pub fn term_feed(lang: &str, taxonomy: &str, code: &str) -> String {
    format!("{}atom.xml", term(lang, taxonomy, code))
}

/// The search page of a language (`?q=` holds the query).
pub fn search(lang: &str) -> String {
    format!("/{lang}/search/")
}

/// A language's Atom feed.
pub fn feed(lang: &str) -> String {
    format!("/{lang}/atom.xml")
}

/// The directory home of a language, with every service.
pub fn directory(lang: &str) -> String {
    format!("/{lang}/directory/")
}

/// A facet page of the directory: the services with one value of one facet.
pub fn facet(lang: &str, facet: &str, value: &str) -> String {
    format!("/{lang}/directory/{facet}/{value}/")
}

/// A directory entity's page; `kind` is the plural folder name (`services`, `cities`…).
pub fn entity(lang: &str, kind: &str, id: &str) -> String {
    format!("/{lang}/{kind}/{id}/")
}

/// A directory entity's calendar.
pub fn entity_ics(lang: &str, kind: &str, id: &str) -> String {
    format!("/{lang}/{kind}/{id}.ics")
}

/// The calendar of every seminar session.
pub fn seminars_ics(lang: &str) -> String {
    format!("/{lang}/seminars.ics")
}

/// The list of laws.
pub fn laws(lang: &str) -> String {
    format!("/{lang}/laws/")
}

/// A law's page.
pub fn law(lang: &str, key: &str) -> String {
    format!("/{lang}/laws/{key}/")
}

/// The Atom feed of changes to laws.
pub fn laws_feed(lang: &str) -> String {
    format!("/{lang}/laws/atom.xml")
}

/// `path` as an `href` under a base URL whose path is `base_path` (`/` or `/sub/`).
pub fn link(base_path: &str, path: &str) -> String {
    format!("{base_path}{}", path.trim_start_matches('/'))
}

/// The file written for a site path: directories get `index.html`.
pub fn output_file(path: &str) -> String {
    let rel = path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_url_scheme() {
        assert_eq!(blog_list("el", 1), "/el/blog/");
        assert_eq!(blog_list("el", 3), "/el/blog/page/3/");
        assert_eq!(entry(Section::Pages, "es", "acerca-de"), "/es/acerca-de/");
        assert_eq!(
            term_feed("en", "categories", "asylum"),
            "/en/blog/category/asylum/atom.xml"
        );
        assert_eq!(link("/sub/", "/es/"), "/sub/es/");
        assert_eq!(output_file("/es/blog/x/"), "es/blog/x/index.html");
        assert_eq!(output_file("/"), "index.html");
        assert_eq!(output_file("/sitemap.xml"), "sitemap.xml");
    }
}
