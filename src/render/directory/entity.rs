//! Views of services, organizations and seminars for their pages and lists.

use chrono::Utc;
use serde::Serialize;

use super::facets::kebab;
use super::views::{
    duration_minutes, entity_link, opt_text, place, source, text, Link, PlaceView, SourceView, Text,
};
use crate::directory::types::Partnership;
use crate::directory::{Directory, Entity};
use crate::render::Renderer;
use crate::schedule;
use crate::urls;

/// A service in a list.
#[derive(Debug, Serialize)]
pub struct ServiceCard {
    /// Link to its page.
    pub href: String,
    /// Name.
    pub name: Text,
    /// Plain-words summary.
    pub summary: Text,
    /// The organization's name.
    pub organization: Text,
    /// Cities where it is given.
    pub cities: Vec<Text>,
    /// The next session, written out.
    pub next: Option<String>,
    /// Sensitive (quick exit on its page).
    pub sensitive: bool,
}

/// A service at one place, with its hours.
#[derive(Debug, Serialize)]
pub struct PlaceHours {
    /// What may be shown of the place.
    pub place: PlaceView,
    /// Weekly hours, written out ("martes, 9:00–13:00").
    pub rules: Vec<String>,
    /// Next sessions, written out.
    pub next: Vec<String>,
}

/// A referral pathway out of a service or between partners.
#[derive(Debug, Serialize)]
pub struct Pathway {
    /// Who offers.
    pub from: Link,
    /// Whose people benefit.
    pub to: Link,
    /// What is offered.
    pub what: Option<Text>,
    /// Services offered.
    pub services: Vec<Link>,
    /// How to refer someone.
    pub how_to_refer: Option<Text>,
}

/// A partnership as shown on a party's page.
#[derive(Debug, Serialize)]
pub struct PartnershipView {
    /// The other parties.
    pub partners: Vec<Link>,
    /// Kinds (`referral`, `training`…), for labels.
    pub kinds: Vec<String>,
    /// Summary.
    pub summary: Option<Text>,
    /// Offers both ways.
    pub offers: Vec<Pathway>,
    /// Since when, if known.
    pub since: Option<String>,
    /// Where the facts come from.
    pub source: Option<SourceView>,
}

/// A language a service is given in.
#[derive(Debug, Serialize)]
pub struct LanguageName {
    /// BCP 47 code.
    pub code: String,
    /// Its name in the page language.
    pub name: String,
}

/// Everything a service page shows.
#[derive(Debug, Serialize)]
pub struct ServiceView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Plain-words summary.
    pub summary: Text,
    /// Description, HTML.
    pub description: Option<Text>,
    /// Provider.
    pub organization: Link,
    /// Areas, linked to their facet pages.
    pub areas: Vec<Link>,
    /// Who may come.
    pub eligibility: Option<Text>,
    /// Eligibility criteria.
    pub criteria: Vec<Text>,
    /// Who is referred elsewhere.
    pub referred_elsewhere: Option<Text>,
    /// `free`, `low-cost`, `paid`.
    pub cost: Option<String>,
    /// Access modes (`walk-in`…).
    pub access: Vec<String>,
    /// People per session.
    pub capacity: Option<u32>,
    /// Minutes per appointment.
    pub minutes: Option<u32>,
    /// Languages.
    pub languages: Vec<LanguageName>,
    /// Places and hours.
    pub places: Vec<PlaceHours>,
    /// The very next session, written out.
    pub next: Option<String>,
    /// Upcoming sessions as `[[start, end], …]` in RFC 3339 UTC, for the open-now script.
    pub sessions_json: String,
    /// IANA zone of the next session, so the script writes times as the place keeps them.
    pub zone: Option<String>,
    /// What to bring.
    pub documents: Vec<Text>,
    /// How to refer someone.
    pub how_to_refer: Option<Text>,
    /// Where the service sends people.
    pub referrals: Vec<(Link, Option<Text>)>,
    /// Partnerships of the provider that name this service.
    pub pathways: Vec<Pathway>,
    /// Date of the last check, `YYYY-MM-DD`.
    pub verified_on: Option<String>,
    /// Source of the check.
    pub source: Option<SourceView>,
    /// Quick exit.
    pub sensitive: bool,
    /// Calendar link.
    pub ics: Option<String>,
}

impl Renderer<'_> {
    fn dir(&self) -> &Directory {
        &self.site.directory
    }

    /// Name of a language in the page language (`language-name-<code>`), or its code.
    pub(super) fn language_name(&self, lang: &str, code: &str) -> String {
        self.localizer
            .t(lang, &format!("language-name-{code}"), &[])
            .unwrap_or_else(|_| code.to_string())
    }

    pub(super) fn org_link(&self, lang: &str, id: &str) -> Option<Link> {
        let org = self.dir().organization(id)?;
        Some(entity_link(
            &self.site.config,
            lang,
            "organizations",
            &org.id,
            &org.data.name,
        ))
    }

    pub(super) fn service_link(&self, lang: &str, id: &str) -> Option<Link> {
        let s = self.dir().service(id)?;
        Some(entity_link(
            &self.site.config,
            lang,
            "services",
            &s.id,
            &s.data.name,
        ))
    }

    /// The next occurrences of service `i` at every place, soonest first.
    pub(super) fn next_sessions(&self, i: usize, n: usize) -> Vec<schedule::Occurrence> {
        let now = self.now.with_timezone(&Utc);
        let mut all: Vec<schedule::Occurrence> = self
            .dir()
            .openings
            .iter()
            .filter(|o| o.service == i)
            .flat_map(|o| o.opening.next(now, n))
            .collect();
        all.sort_by_key(|o| o.start.with_timezone(&Utc));
        all.truncate(n);
        all
    }

    /// A service in a list.
    pub(super) fn service_card(&self, i: usize, lang: &str) -> ServiceCard {
        let config = &self.site.config;
        let service = &self.dir().services[i];
        let s = &service.data;
        let mut cities: Vec<Text> = Vec::new();
        for at in &s.at_locations {
            let city = self
                .dir()
                .location(&at.location)
                .and_then(|l| l.data.city.as_deref())
                .and_then(|c| self.dir().city(c));
            if let Some(city) = city {
                let name = text(&city.data.name, lang, config);
                if !cities.iter().any(|c| c.text == name.text) {
                    cities.push(name);
                }
            }
        }
        ServiceCard {
            href: urls::link(
                config.base_path(),
                &urls::entity(lang, "services", &service.id),
            ),
            name: text(&s.name, lang, config),
            summary: text(&s.summary, lang, config),
            organization: self.dir().organization(&s.organization).map_or_else(
                || text(&s.name, lang, config),
                |o| text(&o.data.name, lang, config),
            ),
            cities,
            next: self
                .next_sessions(i, 1)
                .first()
                .map(|o| schedule::format_next(lang, o)),
            sensitive: s.sensitive,
        }
    }

    /// Everything a service page shows.
    pub(super) fn service_view(
        &self,
        i: usize,
        lang: &str,
        errors: &mut Vec<crate::diag::Diagnostic>,
    ) -> ServiceView {
        let config = &self.site.config;
        let dir = self.dir();
        let service = &dir.services[i];
        let s = &service.data;
        let places = s
            .at_locations
            .iter()
            .filter_map(|at| {
                let location = dir.location(&at.location)?;
                let opening = dir
                    .openings
                    .iter()
                    .find(|o| o.service == i && o.location == at.location);
                let now = self.now.with_timezone(&Utc);
                Some(PlaceHours {
                    place: place(dir, location, lang, config),
                    rules: opening
                        .map(|o| {
                            schedule::format_rules(lang, &o.opening)
                                .into_iter()
                                .map(|t| t.text)
                                .collect()
                        })
                        .unwrap_or_default(),
                    next: opening
                        .map(|o| {
                            o.opening
                                .next(now, 3)
                                .iter()
                                .map(|occ| schedule::format_next(lang, occ))
                                .collect()
                        })
                        .unwrap_or_default(),
                })
            })
            .collect();
        let upcoming = self.next_sessions(i, 12);
        let sessions: Vec<[String; 2]> = upcoming
            .iter()
            .map(|o| {
                [
                    o.start.with_timezone(&Utc).to_rfc3339(),
                    o.end.with_timezone(&Utc).to_rfc3339(),
                ]
            })
            .collect();
        let eligibility = s.eligibility.as_ref();
        let referrals = s
            .referrals
            .iter()
            .filter_map(|r| {
                let target = match (&r.service, &r.organization) {
                    (Some(id), _) => self.service_link(lang, id),
                    (None, Some(id)) => self.org_link(lang, id),
                    (None, None) => None,
                }?;
                Some((target, opt_text(r.note.as_ref(), lang, config)))
            })
            .collect();
        let pathways = dir
            .partnerships_of(&s.organization)
            .into_iter()
            .flat_map(|p| self.pathways(&p.data, lang))
            .filter(|p| {
                p.services
                    .iter()
                    .any(|l| l.href.ends_with(&format!("/services/{}/", service.id)))
            })
            .collect();
        ServiceView {
            id: service.id.clone(),
            name: text(&s.name, lang, config),
            summary: text(&s.summary, lang, config),
            description: s
                .description
                .as_ref()
                .map(|d| self.markdown_text(d, lang, &service.file, errors)),
            organization: self
                .org_link(lang, &s.organization)
                .unwrap_or_else(|| Link {
                    name: text(&s.name, lang, config),
                    href: String::new(),
                }),
            areas: s
                .areas
                .iter()
                .filter_map(|code| {
                    let term = dir.areas.find(code)?;
                    Some(Link {
                        name: text(&dir.areas.terms[term].name, lang, config),
                        href: urls::link(config.base_path(), &urls::facet(lang, "area", code)),
                    })
                })
                .collect(),
            eligibility: eligibility
                .map(|e| self.markdown_text(&e.description, lang, &service.file, errors)),
            criteria: eligibility
                .map(|e| {
                    e.criteria
                        .iter()
                        .filter_map(|c| dir.eligibility.find(c))
                        .map(|t| text(&dir.eligibility.terms[t].name, lang, config))
                        .collect()
                })
                .unwrap_or_default(),
            referred_elsewhere: eligibility
                .and_then(|e| opt_text(e.referred_elsewhere.as_ref(), lang, config)),
            cost: s.cost.as_ref().map(kebab),
            access: s.access.iter().map(kebab).collect(),
            capacity: s.capacity,
            minutes: s.session_length.as_deref().and_then(duration_minutes),
            languages: s
                .languages
                .iter()
                .map(|c| LanguageName {
                    code: c.clone(),
                    name: self.language_name(lang, c),
                })
                .collect(),
            places,
            next: upcoming.first().map(|o| schedule::format_next(lang, o)),
            sessions_json: serde_json::to_string(&sessions).unwrap_or_else(|_| "[]".into()),
            zone: upcoming
                .first()
                .map(|o| o.start.timezone().name().to_string()),
            documents: s.documents.iter().map(|d| text(d, lang, config)).collect(),
            how_to_refer: opt_text(s.how_to_refer.as_ref(), lang, config),
            referrals,
            pathways,
            verified_on: s.verification.as_ref().map(|v| v.verified_on.clone()),
            source: s
                .verification
                .as_ref()
                .and_then(|v| source(v.source.as_ref(), lang, config)),
            sensitive: s.sensitive,
            ics: dir.openings.iter().any(|o| o.service == i).then(|| {
                urls::link(
                    config.base_path(),
                    &urls::entity_ics(lang, "services", &service.id),
                )
            }),
        }
    }

    /// Offers of a partnership, both ways.
    pub(super) fn pathways(&self, p: &Partnership, lang: &str) -> Vec<Pathway> {
        let config = &self.site.config;
        p.offers
            .iter()
            .filter_map(|o| {
                Some(Pathway {
                    from: self.org_link(lang, &o.from)?,
                    to: self.org_link(lang, &o.to)?,
                    what: Some(text(&o.what, lang, config)),
                    services: o
                        .services
                        .iter()
                        .filter_map(|id| self.service_link(lang, id))
                        .collect(),
                    how_to_refer: opt_text(o.how_to_refer.as_ref(), lang, config),
                })
            })
            .collect()
    }

    /// A partnership as seen from organization `org`.
    pub(super) fn partnership_view(
        &self,
        p: &Entity<Partnership>,
        org: &str,
        lang: &str,
        errors: &mut Vec<crate::diag::Diagnostic>,
    ) -> PartnershipView {
        let config = &self.site.config;
        PartnershipView {
            partners: p
                .data
                .parties
                .iter()
                .filter(|id| *id != org)
                .filter_map(|id| self.org_link(lang, id))
                .collect(),
            kinds: p.data.kinds.iter().map(kebab).collect(),
            summary: p
                .data
                .summary
                .as_ref()
                .map(|t| self.markdown_text(t, lang, &p.file, errors)),
            offers: self.pathways(&p.data, lang),
            since: p
                .data
                .since
                .as_deref()
                .map(|d| super::views::partial_date(lang, d)),
            source: source(p.data.source.as_ref(), lang, config),
        }
    }

    /// Markdown of a directory text, rendered for a page in `lang`.
    pub(super) fn markdown_text(
        &self,
        value: &crate::localized::Localized,
        lang: &str,
        file: &std::path::Path,
        errors: &mut Vec<crate::diag::Diagnostic>,
    ) -> Text {
        let t = text(value, lang, &self.site.config);
        let text_lang = t.lang.clone().unwrap_or_else(|| lang.to_string());
        let html = self.markdown(&t.text, &text_lang, lang, file, 1, errors);
        Text {
            text: html,
            lang: t.lang,
        }
    }
}
