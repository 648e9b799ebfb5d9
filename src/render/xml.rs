//! XML and text outputs: Atom feeds, the sitemap with `xhtml:link` alternates, and
//! robots.txt. Written directly rather than through templates: their format is fixed
//! by standards, not by themes.

use std::fmt::Write;

use chrono::{NaiveDate, TimeZone};

use super::context::{entry_alternates, entry_path, everywhere_alternates, Alternate};
use super::{Output, Renderer};
use crate::diag::Diagnostic;
use crate::urls;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['<', '>', '&', '"', '\'']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out.into()
}

/// Midnight of `date` in the site's zone, as RFC 3339.
pub(super) fn timestamp(r: &Renderer<'_>, date: NaiveDate) -> String {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    r.site
        .config
        .timezone
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| format!("{date}T00:00:00Z"), |d| d.to_rfc3339())
}

/// The Atom feed of a language, or of one term (`(taxonomy, term index)`) in it.
/// Only articles written in the language are included: a feed reader gets no
/// fallback content.
pub(super) fn feed(
    r: &Renderer<'_>,
    lang: &str,
    term: Option<(&str, usize)>,
    errors: &mut Vec<Diagnostic>,
) -> Output {
    let site = r.site;
    let config = &site.config;
    let (path, list, title, self_path) = match term {
        None => (
            urls::home(lang),
            &r.lists[lang],
            config.title.text(lang, config).to_string(),
            urls::feed(lang),
        ),
        Some((tax, t)) => {
            let taxonomy = if tax == "categories" {
                &site.categories
            } else {
                &site.tags
            };
            let code = &taxonomy.terms[t].code;
            let name = taxonomy.terms[t].name.text(lang, config);
            let title = format!("{} · {}", config.title.text(lang, config), name);
            (
                urls::term(lang, tax, code),
                &r.members[&(lang.to_string(), tax.to_string())][t],
                title,
                urls::term_feed(lang, tax, code),
            )
        }
    };
    let entries: Vec<_> = list
        .iter()
        .map(|&i| &site.articles[i])
        .filter_map(|e| e.items.get(lang).map(|item| (e, item)))
        .take(config.feed_limit)
        .collect();
    let updated = entries
        .iter()
        .filter_map(|(_, item)| item.doc.updated.or(item.doc.date))
        .max()
        .map_or_else(|| r.now.to_rfc3339(), |d| timestamp(r, d));
    let mut x = String::with_capacity(4096 + entries.len() * 4096);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">"
    );
    let _ = writeln!(x, "  <title>{}</title>", escape(&title));
    let _ = writeln!(x, "  <id>{}</id>", escape(&config.absolute(&self_path)));
    let _ = writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&config.absolute(&self_path))
    );
    let _ = writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&config.absolute(&path))
    );
    let _ = writeln!(x, "  <updated>{updated}</updated>");
    let _ = writeln!(x, "  <generator>puerta</generator>");
    for (entry, item) in entries {
        let doc = &item.doc;
        let url = config.absolute(&entry_path(site, entry, lang));
        let published = doc
            .date
            .map(|d| timestamp(r, d))
            .unwrap_or_else(|| updated.clone());
        let changed = doc
            .updated
            .map(|d| timestamp(r, d))
            .unwrap_or_else(|| published.clone());
        let body = r.body(item, lang, errors);
        x.push_str("  <entry>\n");
        let _ = writeln!(x, "    <title>{}</title>", escape(&doc.title));
        let _ = writeln!(x, "    <id>{}</id>", escape(&url));
        let _ = writeln!(
            x,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&url)
        );
        let _ = writeln!(x, "    <published>{published}</published>");
        let _ = writeln!(x, "    <updated>{changed}</updated>");
        for author in &doc.authors {
            let _ = writeln!(
                x,
                "    <author><name>{}</name></author>",
                escape(&author.name)
            );
        }
        if doc.authors.is_empty() {
            let _ = writeln!(
                x,
                "    <author><name>{}</name></author>",
                escape(config.title.text(lang, config))
            );
        }
        if let Some(c) = item.category {
            let _ = writeln!(
                x,
                "    <category term=\"{}\" label=\"{}\"/>",
                escape(&site.categories.terms[c].code),
                escape(site.categories.terms[c].name.text(lang, config))
            );
        }
        if let Some(summary) = &doc.summary {
            let _ = writeln!(x, "    <summary>{}</summary>", escape(summary));
        }
        let _ = writeln!(
            x,
            "    <content type=\"html\">{}</content>",
            escape(&absolutize(&body.html, config))
        );
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    Output {
        path: urls::output_file(&self_path),
        bytes: x.into_bytes(),
    }
}

/// Feed readers resolve relative links against the feed, not the page: make the
/// site's root-relative links absolute.
pub(super) fn absolutize(html: &str, config: &crate::config::Config) -> String {
    let origin = config.base_url.trim_end_matches('/');
    let origin = &origin[..origin.len() - (config.base_path().len() - 1)];
    html.replace("href=\"/", &format!("href=\"{origin}/"))
        .replace("src=\"/", &format!("src=\"{origin}/"))
}

/// `/sitemap.xml`: every indexable page (law pages included) with its real
/// translations as alternates. Fallback pages (`noindex`) are left out.
pub(super) fn sitemap(r: &Renderer<'_>) -> Output {
    let site = r.site;
    let config = &site.config;
    let langs = &config.languages;
    let mut x = String::with_capacity(1024 + site.articles.len() * 1200);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    let everywhere = |x: &mut String, path_of: &dyn Fn(&str) -> String| {
        let alts = everywhere_alternates(config, path_of);
        for l in langs {
            url_entry(x, &config.absolute(&path_of(l)), &alts, None);
        }
    };
    let home_alternates = everywhere_alternates(config, &|l| urls::home(l));
    url_entry(&mut x, &config.absolute("/"), &home_alternates, None);
    everywhere(&mut x, &|l| urls::home(l));
    for page in 1..=langs.iter().map(|l| r.blog_pages(l)).max().unwrap_or(1) {
        everywhere(&mut x, &|l| urls::blog_list(l, page));
    }
    for tax in [&site.categories, &site.tags] {
        everywhere(&mut x, &|l| urls::taxonomy(l, &tax.key));
        for &t in &r.used_terms[&tax.key] {
            everywhere(&mut x, &|l| urls::term(l, &tax.key, &tax.terms[t].code));
        }
    }
    for job in super::directory::jobs(&site.directory, &r.facets) {
        let path = |l: &str| {
            super::directory::page_path(&site.directory, &r.facets, job, l).unwrap_or_default()
        };
        if !path(&config.default_language).is_empty() {
            everywhere(&mut x, &path);
        }
    }
    if !site.laws.is_empty() {
        everywhere(&mut x, &|l| urls::laws(l));
        for law in &site.laws.laws {
            everywhere(&mut x, &|l| urls::law(l, &law.key));
        }
    }
    for entry in site.articles.iter().chain(&site.pages) {
        let alts = entry_alternates(site, entry);
        for (lang, item) in langs
            .iter()
            .filter_map(|l| entry.items.get(l).map(|i| (l, i)))
        {
            let lastmod = item.doc.updated.or(item.doc.date);
            url_entry(
                &mut x,
                &config.absolute(&entry_path(site, entry, lang)),
                if alts.len() > 2 { &alts } else { &[] },
                lastmod,
            );
        }
    }
    x.push_str("</urlset>\n");
    Output {
        path: "sitemap.xml".into(),
        bytes: x.into_bytes(),
    }
}

fn url_entry(x: &mut String, loc: &str, alternates: &[Alternate], lastmod: Option<NaiveDate>) {
    x.push_str("  <url>\n");
    let _ = writeln!(x, "    <loc>{}</loc>", escape(loc));
    if let Some(d) = lastmod {
        let _ = writeln!(x, "    <lastmod>{d}</lastmod>");
    }
    for a in alternates {
        let _ = writeln!(
            x,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            a.lang,
            escape(&a.href)
        );
    }
    x.push_str("  </url>\n");
}

/// `/robots.txt`: everything may be crawled; the sitemap is named.
pub(super) fn robots(r: &Renderer<'_>) -> Output {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        r.site.config.absolute("/sitemap.xml")
    );
    Output {
        path: "robots.txt".into(),
        bytes: text.into_bytes(),
    }
}
