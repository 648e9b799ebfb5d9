//! Law pages: `/<lang>/laws/` (every law, by jurisdiction), `/<lang>/laws/<key>/`
//! (identifiers, status, dates, what repealed or amended it, and every article that
//! cites it in that language) and `/<lang>/laws/atom.xml`, the feed of changes to laws.
//!
//! Input: the site's laws and the articles that cite them. Output: pages through the
//! `laws.html` and `law.html` templates, and an Atom document written directly.

use std::fmt::Write;

use serde::Serialize;

use super::context::{list_item, ListItem, PageMeta};
use super::directory::views::{text, Link, Text};
use super::xml::{absolutize, escape, timestamp};
use super::{jsonld, pages, Output, Renderer};
use crate::diag::Diagnostic;
use crate::i18n::{dates, Arg};
use crate::law::{ChangeKind, Jurisdiction, Status};
use crate::urls;

/// A law as its page and the list show it.
#[derive(Debug, Serialize)]
struct LawView {
    key: String,
    href: String,
    short: String,
    title: Text,
    kind: String,
    jurisdiction: String,
    number: String,
    date: Option<String>,
    published: Option<String>,
    journal: Option<String>,
    journal_id: Option<String>,
    eli: Option<String>,
    consolidated: Option<String>,
    in_force_from: Option<String>,
    status: &'static str,
    status_label: String,
    /// A sentence about the repeal or the coming entry into force (HTML).
    banner: Option<String>,
    repealed_by: Option<Link>,
    repealed_on: Option<String>,
    repeals: Vec<Link>,
    amends: Vec<Link>,
    amended_by: Vec<Link>,
    citing: usize,
}

/// The laws of one jurisdiction, on the list page.
#[derive(Debug, Serialize)]
struct Group {
    name: String,
    laws: Vec<LawView>,
}

impl Renderer<'_> {
    fn law_view(&self, i: usize, lang: &str) -> LawView {
        let config = &self.site.config;
        let laws = &self.site.laws.laws;
        let law = &laws[i];
        let link = |j: usize| Link {
            name: Text {
                text: laws[j].short_title.text(lang, config).to_string(),
                lang: None,
            },
            href: urls::link(config.base_path(), &urls::law(lang, &laws[j].key)),
        };
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
        let today = self.now.date_naive();
        let banner = match (law.status, law.in_force_from) {
            (Status::Repealed, _) => Some(self.repeal_sentence(i, lang)),
            (Status::Pending, Some(from)) if from > today => Some(escape_html_t(
                self,
                lang,
                "law-pending-banner",
                &[
                    ("law", law.short_title.text(lang, config).into()),
                    ("date", dates::long_date(lang, from).into()),
                ],
            )),
            _ => None,
        };
        LawView {
            key: law.key.clone(),
            href: urls::link(config.base_path(), &urls::law(lang, &law.key)),
            short: law.short_title.text(lang, config).to_string(),
            title: text(&law.title, lang, config),
            kind: self.t_args(lang, "law-kind", &[("kind", law.kind.as_str().into())]),
            jurisdiction: self.t_args(
                lang,
                "jurisdiction",
                &[("jurisdiction", law.jurisdiction.as_str().into())],
            ),
            number: law.number.clone(),
            date: day(law.date),
            published: day(law.published),
            journal: law.journal.clone(),
            journal_id: law.journal_id.clone(),
            eli: law.eli.clone(),
            consolidated: law.consolidated.clone(),
            in_force_from: day(law.in_force_from),
            status: law.status.as_str(),
            status_label: self.status_label(law, lang),
            banner,
            repealed_by: law.repealed_by.map(link),
            repealed_on: day(law.repealed_on),
            repeals: law.repeals.iter().map(|&j| link(j)).collect(),
            amends: law.amends.iter().map(|&j| link(j)).collect(),
            amended_by: law.amended_by.iter().map(|&j| link(j)).collect(),
            citing: self.citing[lang][i].len(),
        }
    }

    /// `/<lang>/laws/`.
    pub(super) fn laws_page(&self, lang: &str) -> Result<Output, Box<Diagnostic>> {
        let site = self.site;
        let groups: Vec<Group> = Jurisdiction::ALL
            .iter()
            .filter_map(|&j| {
                let laws: Vec<LawView> = (0..site.laws.laws.len())
                    .filter(|&i| site.laws.laws[i].jurisdiction == j)
                    .map(|i| self.law_view(i, lang))
                    .collect();
                (!laws.is_empty()).then(|| Group {
                    name: self.t_args(lang, "jurisdiction", &[("jurisdiction", j.as_str().into())]),
                    laws,
                })
            })
            .collect();
        let meta = PageMeta::everywhere(site, "laws", lang, self.t(lang, "laws-title"), &|l| {
            urls::laws(l)
        });
        let mut ctx = tera::Context::new();
        ctx.insert("groups", &groups);
        ctx.insert(
            "laws_feed",
            &urls::link(site.config.base_path(), &urls::laws_feed(lang)),
        );
        pages::finish(self, lang, "laws.html", &meta, ctx)
    }

    /// `/<lang>/laws/<key>/`.
    pub(super) fn law_page(&self, lang: &str, i: usize) -> Result<Output, Box<Diagnostic>> {
        let site = self.site;
        let config = &site.config;
        let law = &site.laws.laws[i];
        let view = self.law_view(i, lang);
        let key = law.key.clone();
        let mut meta = PageMeta::everywhere(site, "law", lang, view.short.clone(), &|l| {
            urls::law(l, &key)
        });
        meta.description = view.title.text.clone();
        let items: Vec<ListItem> = self.citing[lang][i]
            .iter()
            .filter_map(|&a| {
                let e = &site.articles[a];
                e.shown(lang, config).map(|s| list_item(site, e, s, lang))
            })
            .collect();
        let mut ctx = tera::Context::new();
        ctx.insert("law", &view);
        ctx.insert("items", &items);
        ctx.insert(
            "laws_href",
            &urls::link(config.base_path(), &urls::laws(lang)),
        );
        ctx.insert(
            "laws_feed",
            &urls::link(config.base_path(), &urls::laws_feed(lang)),
        );
        ctx.insert(
            "jsonld",
            &jsonld::law_page(site, i, lang, &self.t(lang, "laws-title")),
        );
        pages::finish(self, lang, "law.html", &meta, ctx)
    }

    /// `/<lang>/laws/atom.xml`: every dated change to a law up to the build date,
    /// newest first. Future changes (an announced entry into force) wait for their day.
    pub(super) fn laws_feed(&self, lang: &str) -> Output {
        let site = self.site;
        let config = &site.config;
        let laws = &site.laws;
        let today = self.now.date_naive();
        let mut changes: Vec<_> = (0..laws.laws.len())
            .flat_map(|i| laws.changes(i))
            .filter(|c| c.date <= today)
            .collect();
        changes.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| laws.laws[a.law].key.cmp(&laws.laws[b.law].key))
                .then(a.kind.cmp(&b.kind))
        });
        changes.truncate(config.feed_limit);
        let self_path = urls::laws_feed(lang);
        let updated = changes
            .first()
            .map_or_else(|| self.now.to_rfc3339(), |c| timestamp(self, c.date));
        let mut x = String::with_capacity(2048 + changes.len() * 1024);
        x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        let _ = writeln!(
            x,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">"
        );
        let title = self.t_args(
            lang,
            "laws-feed-title",
            &[("site", config.title.text(lang, config).into())],
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
            escape(&config.absolute(&urls::laws(lang)))
        );
        let _ = writeln!(x, "  <updated>{updated}</updated>");
        let _ = writeln!(
            x,
            "  <author><name>{}</name></author>",
            escape(config.title.text(lang, config))
        );
        let _ = writeln!(x, "  <generator>puerta</generator>");
        for change in changes {
            let law = &laws.laws[change.law];
            let page = config.absolute(&urls::law(lang, &law.key));
            let short = law.short_title.text(lang, config);
            let date = dates::long_date(lang, change.date);
            let title = self.t_args(
                lang,
                "law-change",
                &[
                    ("change", change.kind.as_str().into()),
                    ("law", short.into()),
                ],
            );
            let sentence = match change.kind {
                ChangeKind::Repealed(_) => {
                    absolutize(&self.repeal_sentence(change.law, lang), config)
                }
                ChangeKind::Amended(by) => escape_html_t(
                    self,
                    lang,
                    "law-change-amended",
                    &[
                        ("by", laws.laws[by].short_title.text(lang, config).into()),
                        ("date", date.into()),
                    ],
                ),
                other => escape_html_t(
                    self,
                    lang,
                    "law-change-dated",
                    &[("change", other.as_str().into()), ("date", date.into())],
                ),
            };
            let content = format!(
                "<p>{}</p><p>{sentence}</p>",
                super::escape_html(law.title.text(lang, config))
            );
            let stamp = timestamp(self, change.date);
            x.push_str("  <entry>\n");
            let _ = writeln!(x, "    <title>{}</title>", escape(&title));
            let _ = writeln!(
                x,
                "    <id>{}</id>",
                escape(&format!("{page}#{}-{}", change.kind.as_str(), change.date))
            );
            let _ = writeln!(
                x,
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
                escape(&page)
            );
            let _ = writeln!(x, "    <published>{stamp}</published>");
            let _ = writeln!(x, "    <updated>{stamp}</updated>");
            let _ = writeln!(
                x,
                "    <content type=\"html\">{}</content>",
                escape(&content)
            );
            x.push_str("  </entry>\n");
        }
        x.push_str("</feed>\n");
        Output {
            path: urls::output_file(&self_path),
            bytes: x.into_bytes(),
        }
    }
}

/// A message as escaped HTML.
fn escape_html_t(r: &Renderer<'_>, lang: &str, key: &str, args: &[(&str, Arg)]) -> String {
    super::escape_html(&r.t_args(lang, key, args))
}
