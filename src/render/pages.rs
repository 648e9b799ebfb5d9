//! HTML pages: builds the context of each page job and fills its template.

use serde::Serialize;

use super::context::{self, list_item, term_link, PageMeta, SiteView};
use super::{Job, Nav, Output, Renderer};
use crate::config::autonym;
use crate::content::Section;
use crate::diag::Diagnostic;
use crate::urls;

/// Pagination links of a list page.
#[derive(Debug, Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    first: String,
    last: String,
}

/// The version a translation was made from, when it changed since (the translation
/// may be outdated).
#[derive(Debug, Serialize)]
struct Outdated {
    lang: String,
    language: String,
    href: String,
}

/// The same term in another language.
#[derive(Debug, Serialize)]
struct OtherLanguage {
    lang: String,
    language: &'static str,
    name: String,
    href: String,
}

/// A language on the chooser page, with its strings in that language.
#[derive(Debug, Serialize)]
struct Choice {
    lang: String,
    name: &'static str,
    title: String,
    prompt: String,
    href: String,
}

/// A term with its number of articles, on a taxonomy page.
#[derive(Debug, Serialize)]
struct TermCount {
    #[serde(flatten)]
    link: context::TermLink,
    count: usize,
}

pub(super) fn render(
    r: &Renderer<'_>,
    job: Job<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Result<Output, Box<Diagnostic>> {
    let site = r.site;
    let config = &site.config;
    let (lang, template, meta, ctx) = match job {
        Job::Chooser => chooser(r),
        Job::NotFound => {
            let lang = config.default_language.as_str();
            let mut meta = PageMeta::everywhere(
                site,
                "not-found",
                lang,
                r.t(lang, "not-found-title"),
                &|l| urls::home(l),
            );
            meta.alternates.clear();
            meta.noindex = true;
            meta.path = "/404.html".into();
            meta.canonical = config.absolute("/404.html");
            let mut ctx = tera::Context::new();
            ctx.insert("homes", &meta.switcher);
            (lang, "404.html", meta, ctx)
        }
        Job::Home(lang) => {
            let mut meta = PageMeta::everywhere(
                site,
                "home",
                lang,
                config.title.text(lang, config).to_string(),
                &|l| urls::home(l),
            );
            meta.description = config
                .description
                .as_ref()
                .map(|d| d.text(lang, config).to_string())
                .unwrap_or_default();
            let mut ctx = tera::Context::new();
            let latest: Vec<_> = r.lists[lang]
                .iter()
                .take(5)
                .map(|&i| item(r, i, lang))
                .collect();
            ctx.insert("latest", &latest);
            ctx.insert("article_count", &r.lists[lang].len());
            ctx.insert("categories", &term_counts(r, lang, "categories"));
            ctx.insert(
                "blog_href",
                &urls::link(config.base_path(), &urls::blog_list(lang, 1)),
            );
            ctx.insert("jsonld", &super::jsonld::website(site, lang));
            (lang, "home.html", meta, ctx)
        }
        Job::Search(lang) => {
            let (meta, ctx) = super::search::page(r, lang);
            (lang, "search.html", meta, ctx)
        }
        Job::BlogList(lang, page) => {
            let total = r.blog_pages(lang);
            let title = r.t(lang, "blog-title");
            let meta =
                PageMeta::everywhere(site, "blog", lang, title, &|l| urls::blog_list(l, page));
            let per = config.per_page;
            let items: Vec<_> = r.lists[lang]
                .iter()
                .skip((page - 1) * per)
                .take(per)
                .map(|&i| item(r, i, lang))
                .collect();
            let mut ctx = tera::Context::new();
            ctx.insert("items", &items);
            ctx.insert("article_count", &r.lists[lang].len());
            ctx.insert(
                "pagination",
                &pagination(r, lang, page, total, &|l, p| urls::blog_list(l, p)),
            );
            (lang, "blog.html", meta, ctx)
        }
        Job::Entry(lang, section, i) => {
            let entry = &r.entries(section)[i];
            let Some(shown) = entry.shown(lang, config) else {
                unreachable_entry(entry)
            };
            let meta = PageMeta::entry(site, entry, shown, lang);
            let body = r.body(shown.item, lang, errors);
            let mut ctx = tera::Context::new();
            if section == Section::Blog {
                ctx.insert("legal", &r.legal_view(i, shown.item, lang, &body));
            }
            ctx.insert("entry", &context::entry_view(site, shown.item, lang, body));
            ctx.insert(
                "fallback_language",
                &r.t(lang, &format!("language-name-{}", shown.item.doc.lang)),
            );
            if let Some(source) = entry.outdated_source(lang).filter(|_| !shown.fallback) {
                let from = &source.doc.lang;
                let path = context::entry_path(site, entry, from);
                ctx.insert(
                    "outdated",
                    &Outdated {
                        lang: from.clone(),
                        language: r.t(lang, &format!("language-name-{from}")),
                        href: urls::link(config.base_path(), &path),
                    },
                );
            }
            if section == Section::Blog && !shown.fallback {
                let blog = r.t(lang, "blog-title");
                ctx.insert(
                    "jsonld",
                    &super::jsonld::article(site, entry, shown.item, lang, &blog),
                );
            }
            let template = if section == Section::Blog {
                "article.html"
            } else {
                "page.html"
            };
            (lang, template, meta, ctx)
        }
        Job::Taxonomy(lang, tax) => {
            let taxonomy = taxonomy(r, tax);
            let title = taxonomy.name.text(lang, config).to_string();
            let meta =
                PageMeta::everywhere(site, "taxonomy", lang, title, &|l| urls::taxonomy(l, tax));
            let mut ctx = tera::Context::new();
            ctx.insert("taxonomy", &tax);
            ctx.insert("terms", &term_counts(r, lang, tax));
            (lang, "taxonomy.html", meta, ctx)
        }
        Job::Term(lang, tax, t) => {
            let taxonomy = taxonomy(r, tax);
            let link = term_link(config, taxonomy, t, lang);
            let code = taxonomy.terms[t].code.clone();
            let meta = PageMeta::everywhere(site, "term", lang, link.name.clone(), &|l| {
                urls::term(l, tax, &code)
            });
            let members = &r.members[&(lang.to_string(), tax.to_string())][t];
            let items: Vec<_> = members.iter().map(|&i| item(r, i, lang)).collect();
            let others: Vec<OtherLanguage> = config
                .languages
                .iter()
                .filter(|l| *l != lang)
                .map(|l| {
                    let other = term_link(config, taxonomy, t, l);
                    OtherLanguage {
                        lang: l.clone(),
                        language: autonym(l),
                        name: other.name,
                        href: other.href,
                    }
                })
                .collect();
            let mut ctx = tera::Context::new();
            ctx.insert("taxonomy", &tax);
            ctx.insert("kind", urls::taxonomy_segment(tax));
            ctx.insert("taxonomy_name", taxonomy.name.text(lang, config));
            ctx.insert(
                "taxonomy_href",
                &urls::link(config.base_path(), &urls::taxonomy(lang, tax)),
            );
            ctx.insert("term", &link);
            ctx.insert(
                "feed",
                &urls::link(config.base_path(), &urls::term_feed(lang, tax, &code)),
            );
            ctx.insert("items", &items);
            ctx.insert("others", &others);
            (lang, "term.html", meta, ctx)
        }
        Job::Feed(_)
        | Job::TermFeed(..)
        | Job::Sitemap
        | Job::Robots
        | Job::Dir(..)
        | Job::Laws(_)
        | Job::Law(..)
        | Job::LawFeed(_) => {
            unreachable!(
                "feeds, sitemap, robots.txt, directory and law jobs have their own renderers"
            )
        }
    };
    finish(r, lang, template, &meta, ctx)
}

/// Adds what every page gets (`lang`, `site`, `now`, `page`) and fills the template.
pub(super) fn finish(
    r: &Renderer<'_>,
    lang: &str,
    template: &str,
    meta: &PageMeta,
    mut ctx: tera::Context,
) -> Result<Output, Box<Diagnostic>> {
    ctx.insert("lang", lang);
    ctx.insert("site", &site_view(r, lang));
    ctx.insert("now", &r.now.to_rfc3339());
    ctx.insert("page", meta);
    let html = r.fill(template, lang, &ctx)?;
    Ok(Output {
        path: urls::output_file(&meta.path),
        bytes: html.into_bytes(),
    })
}

fn unreachable_entry(entry: &crate::model::Entry) -> ! {
    // An entry exists because at least one language has it, and every chain ends
    // with every site language, so some item is always shown.
    unreachable!("entry `{}` has no item in any language", entry.key)
}

fn chooser<'r>(r: &Renderer<'r>) -> (&'r str, &'static str, PageMeta, tera::Context) {
    let config = &r.site.config;
    let lang = config.default_language.as_str();
    let mut meta = PageMeta::everywhere(
        r.site,
        "chooser",
        lang,
        config.title.text(lang, config).to_string(),
        &|l| urls::home(l),
    );
    meta.path = "/".into();
    meta.canonical = config.absolute("/");
    let choices: Vec<Choice> = config
        .languages
        .iter()
        .map(|l| Choice {
            lang: l.clone(),
            name: autonym(l),
            title: config.title.text(l, config).to_string(),
            prompt: r.t(l, "chooser-intro"),
            href: urls::link(config.base_path(), &urls::home(l)),
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("choices", &choices);
    ctx.insert(
        "chooser_titles",
        &config
            .languages
            .iter()
            .map(|l| (l.clone(), r.t(l, "chooser-title")))
            .collect::<Vec<_>>(),
    );
    (lang, "chooser.html", meta, ctx)
}

fn item(r: &Renderer<'_>, i: usize, lang: &str) -> context::ListItem {
    let entry = &r.site.articles[i];
    let shown = entry
        .shown(lang, &r.site.config)
        .unwrap_or_else(|| unreachable_entry(entry));
    list_item(r.site, entry, shown, lang)
}

fn taxonomy<'a>(r: &Renderer<'a>, key: &str) -> &'a crate::taxonomy::Taxonomy {
    if key == "categories" {
        &r.site.categories
    } else {
        &r.site.tags
    }
}

fn term_counts(r: &Renderer<'_>, lang: &str, tax: &str) -> Vec<TermCount> {
    let taxonomy = taxonomy(r, tax);
    let members = &r.members[&(lang.to_string(), tax.to_string())];
    r.used_terms[tax]
        .iter()
        .map(|&t| TermCount {
            link: term_link(&r.site.config, taxonomy, t, lang),
            count: members[t].len(),
        })
        .collect()
}

fn pagination(
    r: &Renderer<'_>,
    lang: &str,
    current: usize,
    total: usize,
    path: &dyn Fn(&str, usize) -> String,
) -> Pagination {
    let base = r.site.config.base_path();
    let href = |p: usize| urls::link(base, &path(lang, p));
    Pagination {
        current,
        total,
        prev: (current > 1).then(|| href(current - 1)),
        next: (current < total).then(|| href(current + 1)),
        first: href(1),
        last: href(total),
    }
}

fn site_view(r: &Renderer<'_>, lang: &str) -> SiteView {
    use chrono::Datelike;
    let config = &r.site.config;
    let base = config.base_path();
    let mut nav = vec![
        Nav {
            label: r.t(lang, "nav-home"),
            href: urls::link(base, &urls::home(lang)),
            path: urls::home(lang),
            lang: None,
        },
        Nav {
            label: r.t(lang, "nav-blog"),
            href: urls::link(base, &urls::blog_list(lang, 1)),
            path: urls::blog_list(lang, 1),
            lang: None,
        },
    ];
    if !r.site.directory.services.is_empty() {
        nav.push(Nav {
            label: r.t(lang, "nav-directory"),
            href: urls::link(base, &urls::directory(lang)),
            path: urls::directory(lang),
            lang: None,
        });
    }
    if !r.site.laws.is_empty() {
        nav.push(Nav {
            label: r.t(lang, "nav-laws"),
            href: urls::link(base, &urls::laws(lang)),
            path: urls::laws(lang),
            lang: None,
        });
    }
    for entry in &r.site.pages {
        if let Some(shown) = entry.shown(lang, config) {
            let path = context::entry_path(r.site, entry, lang);
            nav.push(Nav {
                label: shown.item.doc.title.clone(),
                href: urls::link(base, &path),
                path,
                lang: shown.fallback.then(|| shown.item.doc.lang.clone()),
            });
        }
    }
    SiteView {
        title: config.title.text(lang, config).to_string(),
        description: config
            .description
            .as_ref()
            .map(|d| d.text(lang, config).to_string())
            .unwrap_or_default(),
        base: base.to_string(),
        feed: urls::link(base, &urls::feed(lang)),
        home: urls::link(base, &urls::home(lang)),
        nav,
        year: r.now.year(),
        report: config.report_mistakes.clone(),
        search: r.search_view(lang),
    }
}
