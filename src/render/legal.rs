//! The legal parts of an article page: inline citations, the list of laws cited,
//! repeal banners, review dates, jurisdiction labels, reading time, related articles
//! and services, and the "cite this article" text.
//!
//! Input: a resolved item and its rendered body. Output: serializable views for
//! `article.html`. Sentences with links inside ("RD 557/2011 was repealed by RD
//! 1155/2024…") come from the locale files with placeholders that become links after
//! the text is escaped, so that translators keep the word order of their language.

use serde::Serialize;

use super::context::{list_item, ListItem};
use super::directory::views::{entity_link, text, Link, Text};
use super::{escape_html, Renderer};
use crate::i18n::{dates, Arg};
use crate::law::cite::{self, Reference};
use crate::law::{review, Law, Status};
use crate::markdown::Rendered;
use crate::model::{Cited, Item};
use crate::urls;

/// A law in the "laws cited" list of an article.
#[derive(Debug, Serialize)]
pub struct CitedLaw {
    /// Short title, linked to the law page.
    pub short: String,
    /// Full title.
    pub title: Text,
    /// The law page.
    pub href: String,
    /// The articles cited ("arts. 123–130"), if any.
    pub articles: Option<String>,
    /// `in-force`, `repealed`…, for CSS.
    pub status: &'static str,
    /// The status in words.
    pub status_label: String,
    /// The official text (ELI), when verified.
    pub eli: Option<String>,
    /// The journal issue and identifier ("BOE-A-2000-544"), for print and for laws
    /// without ELI.
    pub journal: Option<String>,
}

/// A banner about a repealed law the article cites.
#[derive(Debug, Serialize)]
pub struct RepealNotice {
    /// "X was repealed by Y with effect from Z.", links included (HTML).
    pub html: String,
    /// Whether the last legal review predates the repeal (or there is none).
    pub stale: bool,
    /// What that means for the article (HTML), when stale.
    pub stale_html: Option<String>,
    /// Links onwards: the repealed law's page (with every article citing it) and the
    /// replacing law's.
    pub links: Vec<Link>,
}

/// A related service of the directory.
#[derive(Debug, Serialize)]
pub struct ServiceLink {
    /// The service, linked.
    pub link: Link,
    /// Who provides it.
    pub organization: Option<Text>,
}

/// Everything `article.html` shows besides the body.
#[derive(Debug, Serialize)]
pub struct LegalView {
    /// Laws cited, in order of first citation.
    pub cited: Vec<CitedLaw>,
    /// Banners about repealed laws.
    pub repeals: Vec<RepealNotice>,
    /// Whether one of them is not covered by the last legal review (a warning rather
    /// than a note).
    pub repeal_stale: bool,
    /// Jurisdictions of the laws cited, in words.
    pub jurisdictions: Vec<String>,
    /// "Legal review: 2 June 2025, by …", distinct from publication and update dates.
    pub review: Option<String>,
    /// `YYYY-MM-DD` of the last legal review, for `<time>`.
    pub review_date: Option<String>,
    /// "Reading time: 4 minutes".
    pub reading: String,
    /// Up to three related articles.
    pub related: Vec<ListItem>,
    /// Related services of the directory.
    pub services: Vec<ServiceLink>,
    /// How to cite the article, as plain text.
    pub cite_this: String,
}

impl Renderer<'_> {
    /// The HTML of an inline citation in a text written in `text_lang`, for a page in
    /// `lang`: the articles link to the official text, the short title to the law page.
    pub(super) fn citation_html(
        &self,
        reference: &Reference,
        text_lang: &str,
        lang: &str,
    ) -> Result<String, String> {
        let laws = &self.site.laws;
        let i = laws.find(&reference.law).ok_or_else(|| {
            "the key of a law, the name of a file content/laws/<key>.yaml".to_string()
        })?;
        let law = &laws.laws[i];
        let config = &self.site.config;
        let short = escape_html(law.short_title.text(text_lang, config));
        let page = urls::link(config.base_path(), &urls::law(lang, &law.key));
        let law_link = format!("<a href=\"{}\">{short}</a>", escape_html(&page));
        if reference.articles.is_empty() {
            return Ok(format!("<span class=\"law-cite\">{law_link}</span>"));
        }
        let articles = escape_html(&self.articles_label(text_lang, &reference.articles))
            .replacen(' ', "\u{a0}", 1);
        let articles = match official_article_link(law, &reference.articles) {
            Some(href) => format!("<a href=\"{}\">{articles}</a>", escape_html(&href)),
            None => articles,
        };
        Ok(format!(
            "<span class=\"law-cite\">{articles} {law_link}</span>"
        ))
    }

    /// "art. 31.3", "arts. 123–130", "άρθρο 5".
    fn articles_label(&self, lang: &str, articles: &[String]) -> String {
        self.t_args(
            lang,
            "cite-articles",
            &[
                ("count", Arg::from(cite::articles_count(articles))),
                ("articles", Arg::from(cite::articles_text(articles))),
            ],
        )
    }

    /// A message with arguments; a missing key was already reported by the check.
    pub(super) fn t_args(&self, lang: &str, key: &str, args: &[(&str, Arg)]) -> String {
        self.localizer
            .t(lang, key, args)
            .unwrap_or_else(|_| key.to_string())
    }

    /// A message as HTML, some of whose arguments are links (`(name, text, href)`):
    /// the text is escaped, then each placeholder becomes its link.
    pub(super) fn t_links(
        &self,
        lang: &str,
        key: &str,
        args: &[(&str, Arg)],
        links: &[(&str, &str, &str)],
    ) -> String {
        let mut all: Vec<(&str, Arg)> = args.to_vec();
        for (n, (name, _, _)) in links.iter().enumerate() {
            all.push((name, Arg::Str(format!("\u{e000}{n}\u{e001}"))));
        }
        let mut html = escape_html(&self.t_args(lang, key, &all));
        for (n, (_, label, href)) in links.iter().enumerate() {
            let link = format!(
                "<a href=\"{}\">{}</a>",
                escape_html(href),
                escape_html(label)
            );
            html = html.replace(&format!("\u{e000}{n}\u{e001}"), &link);
        }
        html
    }

    /// The legal view of article `entry` as shown in `lang`.
    pub(super) fn legal_view(
        &self,
        entry: usize,
        item: &Item,
        lang: &str,
        body: &Rendered,
    ) -> LegalView {
        let site = self.site;
        let config = &site.config;
        let doc = &item.doc;
        let review = doc.legal_review.as_ref();
        let mut jurisdictions = Vec::new();
        for c in &item.cites {
            let j = site.laws.laws[c.law].jurisdiction;
            if !jurisdictions.contains(&j) {
                jurisdictions.push(j);
            }
        }
        jurisdictions.sort();
        let minutes = body.words.div_ceil(200).max(1);
        let repeals: Vec<RepealNotice> = item
            .cites
            .iter()
            .filter(|c| site.laws.laws[c.law].status == Status::Repealed)
            .map(|c| self.repeal_notice(c.law, review, lang))
            .collect();
        LegalView {
            cited: item.cites.iter().map(|c| self.cited_law(c, lang)).collect(),
            repeal_stale: repeals.iter().any(|n| n.stale),
            repeals,
            jurisdictions: jurisdictions
                .iter()
                .map(|j| self.t_args(lang, "jurisdiction", &[("jurisdiction", j.as_str().into())]))
                .collect(),
            review: review.map(|r| {
                let date = dates::long_date(lang, r.date);
                match &r.by {
                    Some(by) => self.t_args(
                        lang,
                        "article-reviewed-by",
                        &[("date", date.into()), ("name", by.as_str().into())],
                    ),
                    None => self.t_args(lang, "article-reviewed", &[("date", date.into())]),
                }
            }),
            review_date: review.map(|r| r.date.to_string()),
            reading: self.t_args(lang, "reading-time", &[("minutes", Arg::from(minutes))]),
            related: self
                .related_of(lang, entry)
                .iter()
                .filter_map(|&i| {
                    let e = &site.articles[i];
                    e.shown(lang, config).map(|s| list_item(site, e, s, lang))
                })
                .collect(),
            services: item
                .services
                .iter()
                .map(|&i| {
                    let s = &site.directory.services[i];
                    ServiceLink {
                        link: entity_link(config, lang, "services", &s.id, &s.data.name),
                        organization: site
                            .directory
                            .organization(&s.data.organization)
                            .map(|o| text(&o.data.name, lang, config)),
                    }
                })
                .collect(),
            cite_this: self.cite_this(site.articles.get(entry), item, lang),
        }
    }

    fn cited_law(&self, c: &Cited, lang: &str) -> CitedLaw {
        let config = &self.site.config;
        let law = &self.site.laws.laws[c.law];
        let journal = match (&law.journal, &law.journal_id) {
            (Some(j), Some(id)) => Some(format!("{j} ({id})")),
            (Some(one), None) | (None, Some(one)) => Some(one.clone()),
            (None, None) => None,
        };
        CitedLaw {
            short: law.short_title.text(lang, config).to_string(),
            title: text(&law.title, lang, config),
            href: urls::link(config.base_path(), &urls::law(lang, &law.key)),
            articles: (!c.articles.is_empty()).then(|| self.articles_label(lang, &c.articles)),
            status: law.status.as_str(),
            status_label: self.status_label(law, lang),
            eli: law.eli.clone(),
            journal,
        }
    }

    /// "In force", "Derogado"…: Spanish agrees with the kind of law.
    pub(super) fn status_label(&self, law: &Law, lang: &str) -> String {
        self.t_args(
            lang,
            "law-status",
            &[
                ("status", law.status.as_str().into()),
                ("kind", law.kind.as_str().into()),
            ],
        )
    }

    /// "X was repealed by Y with effect from Z." with links, as HTML.
    pub(super) fn repeal_sentence(&self, law: usize, lang: &str) -> String {
        let config = &self.site.config;
        let laws = &self.site.laws.laws;
        let l = &laws[law];
        let page = |i: usize| urls::link(config.base_path(), &urls::law(lang, &laws[i].key));
        let short = |i: usize| laws[i].short_title.text(lang, config);
        let date = l
            .repealed_on
            .map(|d| dates::long_date(lang, d))
            .unwrap_or_default();
        let args = [("date", Arg::from(date)), ("kind", l.kind.as_str().into())];
        match l.repealed_by {
            Some(by) => {
                let mut args = args.to_vec();
                args.push(("by_kind", laws[by].kind.as_str().into()));
                self.t_links(
                    lang,
                    "repeal-text",
                    &args,
                    &[
                        ("law", short(law), &page(law)),
                        ("by", short(by), &page(by)),
                    ],
                )
            }
            None => self.t_links(
                lang,
                "repeal-text-no-by",
                &args,
                &[("law", short(law), &page(law))],
            ),
        }
    }

    fn repeal_notice(
        &self,
        law: usize,
        review: Option<&crate::content::Review>,
        lang: &str,
    ) -> RepealNotice {
        let config = &self.site.config;
        let laws = &self.site.laws.laws;
        let l = &laws[law];
        let stale = review::repeal_unreviewed(l, review);
        let short = l.short_title.text(lang, config);
        let stale_html = stale.then(|| match review {
            Some(r) => escape_html(&self.t_args(
                lang,
                "repeal-stale",
                &[
                    ("date", dates::long_date(lang, r.date).into()),
                    ("law", short.into()),
                ],
            )),
            None => escape_html(&self.t_args(lang, "repeal-unreviewed", &[("law", short.into())])),
        });
        let citing = |i: usize, key: &str| Link {
            name: Text {
                text: self.t_args(
                    lang,
                    key,
                    &[("law", laws[i].short_title.text(lang, config).into())],
                ),
                lang: None,
            },
            href: format!(
                "{}#citing",
                urls::link(config.base_path(), &urls::law(lang, &laws[i].key))
            ),
        };
        let mut links = vec![citing(law, "repeal-citing")];
        if let Some(by) = l.repealed_by {
            links.push(citing(by, "repeal-citing"));
        }
        RepealNotice {
            html: self.repeal_sentence(law, lang),
            stale,
            stale_html,
            links,
        }
    }

    /// "Authors. «Title». Site, date. URL" in the page language.
    fn cite_this(&self, entry: Option<&crate::model::Entry>, item: &Item, lang: &str) -> String {
        let site = self.site;
        let config = &site.config;
        let doc = &item.doc;
        let url = entry.map_or_else(String::new, |e| {
            config.absolute(&super::context::entry_path(site, e, lang))
        });
        let authors: Vec<&str> = doc.authors.iter().map(|a| a.name.as_str()).collect();
        let date = doc
            .updated
            .or(doc.date)
            .map(|d| dates::long_date(lang, d))
            .unwrap_or_default();
        self.t_args(
            lang,
            "cite-this-text",
            &[
                ("authors", authors.join(", ").into()),
                ("has_authors", (!authors.is_empty()).to_string().into()),
                ("title", doc.title.as_str().into()),
                ("site", config.title.text(lang, config).into()),
                ("date", date.into()),
                ("url", url.into()),
            ],
        )
    }
}

/// Where article(s) of a law can be read officially: the consolidated text at the
/// first article's anchor, else the ELI.
fn official_article_link(law: &Law, articles: &[String]) -> Option<String> {
    let anchor = articles.first().and_then(|a| cite::anchor(a));
    match (&law.consolidated, anchor) {
        (Some(con), Some(anchor)) => Some(format!("{con}#{anchor}")),
        _ => law.eli.clone(),
    }
}
