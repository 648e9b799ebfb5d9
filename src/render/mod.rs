//! Render stage: [`Site`] + [`Localizer`] + theme → [`Output`]s.
//!
//! Input: the resolved site, the localizer and the theme's templates. Output: one
//! [`Output`] per file of the site (pages in every language, feeds, sitemap,
//! robots.txt), produced job by job so that the caller can render in parallel and
//! write as it goes, never holding every page in memory. Rendering never touches the
//! file system.

pub mod context;
pub mod directory;
mod ics;
mod jsonld;
mod jsonld_dir;
mod laws;
pub mod legal;
mod pages;
mod paths;
mod related;
pub mod search;
mod template_errors;
mod xml;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::content::Section;
use crate::diag::Diagnostic;
use crate::i18n::Localizer;
use crate::markdown::{self, Origin, Rendered};
use crate::model::{Entry, Item, Site};
use crate::theme::Theme;
use crate::urls;
use template_errors::template_error;

/// A file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path under the output directory, with `/`.
    pub path: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// One unit of rendering work; each yields one [`Output`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job<'a> {
    /// `/`: the language chooser.
    Chooser,
    /// `/404.html`.
    NotFound,
    /// `/<lang>/`.
    Home(&'a str),
    /// `/<lang>/blog/` and its further pages (1-based).
    BlogList(&'a str, usize),
    /// An article or page in a language (its own or a fallback).
    Entry(&'a str, Section, usize),
    /// The list of a taxonomy's terms.
    Taxonomy(&'a str, &'a str),
    /// A term page.
    Term(&'a str, &'a str, usize),
    /// A language's Atom feed.
    Feed(&'a str),
    /// A term's Atom feed.
    TermFeed(&'a str, &'a str, usize),
    /// `/<lang>/search/`.
    Search(&'a str),
    /// `/sitemap.xml`.
    Sitemap,
    /// `/robots.txt`.
    Robots,
    /// A directory page or calendar in a language.
    Dir(&'a str, directory::DirJob),
    /// `/<lang>/laws/`.
    Laws(&'a str),
    /// A law's page, by index in the site's laws.
    Law(&'a str, usize),
    /// `/<lang>/laws/atom.xml`.
    LawFeed(&'a str),
}

/// A navigation link.
#[derive(Debug, Clone, Serialize)]
pub struct Nav {
    /// Label in the page language.
    pub label: String,
    /// Link.
    pub href: String,
    /// Site path, to mark the current section.
    pub path: String,
    /// Language of the label when it is not the page's (a page title in a fallback language).
    pub lang: Option<String>,
}

/// Renders jobs; shared by the threads of the render pool.
pub struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    localizer: Arc<Localizer>,
    teras: HashMap<String, tera::Tera>,
    now: DateTime<FixedOffset>,
    /// Per language: articles in list order, as (entry index, shown-item language).
    lists: HashMap<String, Vec<usize>>,
    /// Per language and taxonomy: term index → entry indexes in list order.
    members: HashMap<(String, String), Vec<Vec<usize>>>,
    /// Terms used by at least one article in any language, per taxonomy.
    used_terms: HashMap<String, Vec<usize>>,
    /// Entry index by section and key, for internal links.
    keys: HashMap<(Section, &'a str), usize>,
    /// Facets of the directory's services.
    facets: directory::Facets,
    /// Per language: for each article (entry index), its related articles; empty
    /// when they are found page by page ([`Renderer::for_preview`]).
    related: HashMap<String, Vec<Vec<usize>>>,
    /// Per language: for each law, the articles citing it, in list order.
    citing: HashMap<String, Vec<Vec<usize>>>,
    /// Per language: the search box's target, loader and strings.
    search: HashMap<String, search::SearchView>,
}

impl<'a> Renderer<'a> {
    /// Prepares templates (one Tera per language, with `t` and `date` bound to it)
    /// and the per-language lists.
    pub fn new(
        site: &'a Site,
        localizer: Arc<Localizer>,
        theme: &'a Theme,
        now: DateTime<FixedOffset>,
    ) -> Result<Renderer<'a>, Vec<Diagnostic>> {
        Renderer::prepare(site, localizer, theme, now, true)
    }

    /// A renderer for a few pages of the site, as the live preview asks for them:
    /// related articles are found for each page when it is rendered, instead of for
    /// every article at once. Pages are the same as [`Renderer::new`]'s.
    pub fn for_preview(
        site: &'a Site,
        localizer: Arc<Localizer>,
        theme: &'a Theme,
        now: DateTime<FixedOffset>,
    ) -> Result<Renderer<'a>, Vec<Diagnostic>> {
        Renderer::prepare(site, localizer, theme, now, false)
    }

    fn prepare(
        site: &'a Site,
        localizer: Arc<Localizer>,
        theme: &'a Theme,
        now: DateTime<FixedOffset>,
        all_related: bool,
    ) -> Result<Renderer<'a>, Vec<Diagnostic>> {
        let mut base = tera::Tera::default();
        base.autoescape_on(vec![".html"]);
        // Tera's default also escapes `/`, which turns every link into `&#x2F;es&#x2F;…`:
        // valid, but larger and unreadable. Escaping the five HTML specials is enough.
        base.set_escape_fn(escape_html);
        let templates: Vec<(String, String)> = theme
            .templates
            .iter()
            .map(|f| {
                (
                    f.name.clone(),
                    String::from_utf8_lossy(&f.bytes).into_owned(),
                )
            })
            .collect();
        if let Err(e) = base.add_raw_templates(templates) {
            return Err(vec![template_error(&e, theme)]);
        }
        let unknown = template_errors::check_keys(theme, &localizer, &site.config.default_language);
        if !unknown.is_empty() {
            return Err(unknown);
        }
        let mut teras = HashMap::new();
        for lang in &site.config.languages {
            let mut tera = base.clone();
            localizer.register(&mut tera, lang);
            teras.insert(lang.clone(), tera);
        }
        // Per language, on every core: the list order, and each term's articles in it.
        let per_language: Vec<_> = {
            use rayon::prelude::*;
            site.config
                .languages
                .par_iter()
                .map(|lang| {
                    let list = list_order(site, lang);
                    let members: Vec<_> = [&site.categories, &site.tags]
                        .into_iter()
                        .map(|tax| {
                            let mut m = vec![Vec::new(); tax.terms.len()];
                            for &i in &list {
                                let Some(shown) = site.articles[i].shown(lang, &site.config) else {
                                    continue;
                                };
                                for t in item_terms(shown.item, &tax.key) {
                                    m[t].push(i);
                                }
                            }
                            ((lang.clone(), tax.key.clone()), m)
                        })
                        .collect();
                    (lang.clone(), list, members)
                })
                .collect()
        };
        let mut lists = HashMap::new();
        let mut members = HashMap::new();
        for (lang, list, lang_members) in per_language {
            lists.insert(lang, list);
            members.extend(lang_members);
        }
        // Related articles cost the most of this preparation: one language per core.
        let related: HashMap<String, Vec<Vec<usize>>> = {
            use rayon::prelude::*;
            site.config
                .languages
                .par_iter()
                .filter(|_| all_related)
                .map(|lang| (lang.clone(), related::related(site, lang, &lists[lang])))
                .collect()
        };
        let mut citing = HashMap::new();
        for lang in &site.config.languages {
            let list = &lists[lang];
            let mut by_law = vec![Vec::new(); site.laws.laws.len()];
            for &i in list {
                if let Some(shown) = site.articles[i].shown(lang, &site.config) {
                    for c in &shown.item.cites {
                        by_law[c.law].push(i);
                    }
                }
            }
            citing.insert(lang.clone(), by_law);
        }
        let mut used_terms = HashMap::new();
        for tax in [&site.categories, &site.tags] {
            let mut used = vec![false; tax.terms.len()];
            for item in site.articles.iter().flat_map(|e| e.items.values()) {
                for t in item_terms(item, &tax.key) {
                    used[t] = true;
                }
            }
            used_terms.insert(
                tax.key.clone(),
                (0..used.len()).filter(|&t| used[t]).collect(),
            );
        }
        let keys = [
            (Section::Blog, &site.articles),
            (Section::Pages, &site.pages),
        ]
        .into_iter()
        .flat_map(|(s, entries)| {
            entries
                .iter()
                .enumerate()
                .map(move |(i, e)| ((s, e.key.as_str()), i))
        })
        .collect();
        Ok(Renderer {
            site,
            theme,
            localizer,
            teras,
            now,
            lists,
            members,
            used_terms,
            keys,
            facets: directory::Facets::new(&site.directory),
            related,
            citing,
            search: HashMap::new(),
        })
    }

    /// Gives every page's search box the runtime's loader and its strings.
    pub fn with_search(mut self, runtime: &crate::search_assets::Runtime) -> Renderer<'a> {
        self.search = search::views(&self, runtime);
        self
    }

    /// The search box of pages in `lang`.
    fn search_view(&self, lang: &str) -> search::SearchView {
        self.search.get(lang).cloned().unwrap_or_default()
    }

    /// Every job of the site, in a stable order.
    pub fn jobs(&self) -> Vec<Job<'a>> {
        let site = self.site;
        let mut jobs = vec![Job::Chooser, Job::NotFound, Job::Sitemap, Job::Robots];
        // A site's own theme written before search pages existed has none.
        let search_page = self.theme.templates.iter().any(|f| f.name == "search.html");
        for lang in &site.config.languages {
            let lang = lang.as_str();
            jobs.push(Job::Home(lang));
            if search_page {
                jobs.push(Job::Search(lang));
            }
            for dir_job in directory::jobs(&site.directory, &self.facets) {
                jobs.push(Job::Dir(lang, dir_job));
            }
            jobs.push(Job::Feed(lang));
            for page in 1..=self.blog_pages(lang) {
                jobs.push(Job::BlogList(lang, page));
            }
            for (i, _) in site.articles.iter().enumerate() {
                jobs.push(Job::Entry(lang, Section::Blog, i));
            }
            for (i, _) in site.pages.iter().enumerate() {
                jobs.push(Job::Entry(lang, Section::Pages, i));
            }
            if !site.laws.is_empty() {
                jobs.push(Job::Laws(lang));
                jobs.push(Job::LawFeed(lang));
                jobs.extend((0..site.laws.laws.len()).map(|i| Job::Law(lang, i)));
            }
            for tax in [&site.categories, &site.tags] {
                let key = tax.key.as_str();
                jobs.push(Job::Taxonomy(lang, key));
                for &t in &self.used_terms[key] {
                    jobs.push(Job::Term(lang, key, t));
                    jobs.push(Job::TermFeed(lang, key, t));
                }
            }
        }
        jobs
    }

    /// Renders one job.
    pub fn render(&self, job: Job<'_>, errors: &mut Vec<Diagnostic>) -> Option<Output> {
        let result = match job {
            Job::Sitemap => Ok(xml::sitemap(self)),
            Job::Robots => Ok(xml::robots(self)),
            Job::Feed(lang) => Ok(xml::feed(self, lang, None, errors)),
            Job::TermFeed(lang, tax, t) => Ok(xml::feed(self, lang, Some((tax, t)), errors)),
            Job::Laws(lang) => self.laws_page(lang),
            Job::Law(lang, i) => self.law_page(lang, i),
            Job::LawFeed(lang) => Ok(self.laws_feed(lang)),
            Job::Dir(lang, dir_job) => match directory::render(self, lang, dir_job, errors) {
                directory::DirOutput::Page(template, meta, mut ctx) => {
                    if let directory::DirJob::Service(i) = dir_job {
                        ctx.insert(
                            "quick_exit",
                            &self.site.directory.services[i].data.sensitive,
                        );
                    }
                    pages::finish(self, lang, template, &meta, ctx)
                }
                directory::DirOutput::File(output) => Ok(output),
            },
            _ => pages::render(self, job, errors),
        };
        match result {
            Ok(output) => Some(output),
            Err(e) => {
                errors.push(*e);
                None
            }
        }
    }

    /// The related articles of the article `entry` in `lang`.
    fn related_of(&self, lang: &str, entry: usize) -> Vec<usize> {
        match self.related.get(lang) {
            Some(all) => all[entry].clone(),
            None => related::related_one(self.site, lang, &self.lists[lang], entry),
        }
    }

    /// Number of blog list pages in `lang` (at least one, even when empty).
    pub fn blog_pages(&self, lang: &str) -> usize {
        self.lists[lang]
            .len()
            .div_ceil(self.site.config.per_page)
            .max(1)
    }

    fn entries(&self, section: Section) -> &'a [Entry] {
        match section {
            Section::Blog => &self.site.articles,
            Section::Pages => &self.site.pages,
        }
    }

    /// Renders the body of `item` for a page in `lang`: internal links point to `lang`.
    fn body(&self, item: &Item, lang: &str, errors: &mut Vec<Diagnostic>) -> Rendered {
        let doc = &item.doc;
        self.render_markdown(&doc.body, &doc.lang, lang, &doc.file, doc.body_line, errors)
    }

    /// Markdown written in `text_lang`, for a page in `lang`: internal links point to
    /// `lang`; problems are placed from `first_line` of `file`.
    fn render_markdown(
        &self,
        text: &str,
        text_lang: &str,
        lang: &str,
        file: &std::path::Path,
        first_line: usize,
        errors: &mut Vec<Diagnostic>,
    ) -> Rendered {
        let site = self.site;
        let link = |section: Section, key: &str| {
            let entry = &self.entries(section)[*self.keys.get(&(section, key))?];
            Some(urls::link(
                site.config.base_path(),
                &context::entry_path(site, entry, lang),
            ))
        };
        let cite = |reference: &crate::law::cite::Reference, text_lang: &str| {
            self.citation_html(reference, text_lang, lang)
        };
        markdown::render(
            text,
            text_lang,
            Origin { file, first_line },
            &markdown::Resolvers {
                link: &link,
                cite: &cite,
            },
            errors,
        )
    }

    /// Markdown to HTML, for texts with no table of contents (directory descriptions).
    fn markdown(
        &self,
        text: &str,
        text_lang: &str,
        lang: &str,
        file: &std::path::Path,
        first_line: usize,
        errors: &mut Vec<Diagnostic>,
    ) -> String {
        self.render_markdown(text, text_lang, lang, file, first_line, errors)
            .html
    }

    /// Fills a template in `lang`.
    fn fill(
        &self,
        template: &str,
        lang: &str,
        ctx: &tera::Context,
    ) -> Result<String, Box<Diagnostic>> {
        self.teras[lang]
            .render(template, ctx)
            .map_err(|e| Box::new(template_error(&e, self.theme)))
    }

    /// Formats a message in `lang`; a missing key was already reported by the check.
    fn t(&self, lang: &str, key: &str) -> String {
        self.localizer
            .t(lang, key, &[])
            .unwrap_or_else(|_| key.to_string())
    }
}

/// Escapes text for HTML content and attributes: the five specials only.
pub fn escape_html(text: &str) -> String {
    xml::escape(text).into_owned()
}

/// The articles `lang` lists (indexes in `site.articles`), in the order of
/// [`Site::articles_in`]: newest shown date first, then by key.
fn list_order(site: &Site, lang: &str) -> Vec<usize> {
    let mut list: Vec<(usize, Option<chrono::NaiveDate>)> = site
        .articles
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.shown(lang, &site.config).map(|s| (i, s.item.doc.date)))
        .collect();
    list.sort_by(|(a, da), (b, db)| {
        db.cmp(da)
            .then_with(|| site.articles[*a].key.cmp(&site.articles[*b].key))
    });
    list.into_iter().map(|(i, _)| i).collect()
}

fn item_terms<'i>(item: &'i Item, taxonomy: &str) -> Box<dyn Iterator<Item = usize> + 'i> {
    match taxonomy {
        "categories" => Box::new(item.category.into_iter()),
        _ => Box::new(item.tags.iter().copied()),
    }
}
