//! Where each job's output goes, without rendering it: the live preview
//! ([`crate::serve`]) maps a requested URL to the job that renders it.
//!
//! Input: a [`Job`] of a [`Renderer`]. Output: the path under the output directory
//! that [`Renderer::render`] gives that job (tests check that the two agree for every
//! job of the example site and of the fixtures).

use super::directory::{self, DirJob};
use super::{context, Job, Renderer};
use crate::urls;

impl Renderer<'_> {
    /// The output path of `job`, as the `path` of its [`super::Output`].
    pub fn job_path(&self, job: Job<'_>) -> String {
        let site = self.site;
        let site_path = match job {
            Job::Chooser => "/".into(),
            Job::NotFound => "/404.html".into(),
            Job::Sitemap => "/sitemap.xml".into(),
            Job::Robots => "/robots.txt".into(),
            Job::Home(lang) => urls::home(lang),
            Job::BlogList(lang, page) => urls::blog_list(lang, page),
            Job::Entry(lang, section, i) => {
                context::entry_path(site, &self.entries(section)[i], lang)
            }
            Job::Taxonomy(lang, tax) => urls::taxonomy(lang, tax),
            Job::Term(lang, tax, t) => urls::term(lang, tax, &taxonomy(self, tax)[t].code),
            Job::TermFeed(lang, tax, t) => urls::term_feed(lang, tax, &taxonomy(self, tax)[t].code),
            Job::Feed(lang) => urls::feed(lang),
            Job::Search(lang) => urls::search(lang),
            Job::Laws(lang) => urls::laws(lang),
            Job::Law(lang, i) => urls::law(lang, &site.laws.laws[i].key),
            Job::LawFeed(lang) => urls::laws_feed(lang),
            Job::Dir(lang, dir_job) => {
                let dir = &site.directory;
                match dir_job {
                    DirJob::ServiceIcs(i) => {
                        urls::entity_ics(lang, "services", &dir.services[i].id)
                    }
                    DirJob::CityIcs(i) => urls::entity_ics(lang, "cities", &dir.cities[i].id),
                    DirJob::SeminarsIcs => urls::seminars_ics(lang),
                    page => directory::page_path(dir, &self.facets, page, lang)
                        .expect("every directory job but calendars is a page"),
                }
            }
        };
        urls::output_file(&site_path)
    }
}

fn taxonomy<'a>(r: &Renderer<'a>, key: &str) -> &'a [crate::taxonomy::Term] {
    if key == "categories" {
        &r.site.categories.terms
    } else {
        &r.site.tags.terms
    }
}
