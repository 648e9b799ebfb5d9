//! Directory page jobs: builds each page's context and fills its template.

use chrono::{NaiveDateTime, TimeZone, Utc};
use serde::Serialize;

use super::entity::ServiceCard;
use super::views::{entity_link, opt_text, place, source, text, Link, SourceView, Text};
use super::{DirJob, Facet};
use crate::diag::Diagnostic;
use crate::directory::types::SessionStatus;
use crate::render::context::PageMeta;
use crate::render::{Output, Renderer};
use crate::urls;

/// One value of a facet, with its count.
#[derive(Debug, Serialize)]
struct FacetValue {
    label: Text,
    href: String,
    count: usize,
    current: bool,
}

/// A facet and its values.
#[derive(Debug, Serialize)]
struct FacetView {
    facet: &'static str,
    values: Vec<FacetValue>,
}

/// A seminar session, written out.
#[derive(Debug, Serialize)]
struct SessionView {
    when: String,
    start: String,
    city: Option<Link>,
    language: Option<String>,
    cancelled: bool,
}

/// A reported outcome.
#[derive(Debug, Serialize)]
struct OutcomeView {
    text: Text,
    as_of: String,
    source: Option<SourceView>,
}

/// A dated membership or support.
#[derive(Debug, Serialize)]
struct Since {
    link: Link,
    since: Option<String>,
}

/// What a directory job produces.
pub(in crate::render) enum DirOutput {
    /// A page: its template, meta and context.
    Page(&'static str, PageMeta, tera::Context),
    /// A file written as is (a calendar).
    File(Output),
}

/// Renders one directory job in `lang`.
pub(in crate::render) fn render(
    r: &Renderer<'_>,
    lang: &str,
    job: DirJob,
    errors: &mut Vec<Diagnostic>,
) -> DirOutput {
    let site = r.site;
    let config = &site.config;
    let dir = &site.directory;
    let mut ctx = tera::Context::new();
    let page = |kind: &'static str, title: String, path: &dyn Fn(&str) -> String| {
        PageMeta::everywhere(site, kind, lang, title, path)
    };
    let result = match job {
        DirJob::Home => {
            let services: Vec<ServiceCard> = (0..dir.services.len())
                .map(|i| r.service_card(i, lang))
                .collect();
            ctx.insert("services", &services);
            ctx.insert("facets", &facet_views(r, lang, None));
            ctx.insert("seminars", &links(r, lang, "seminars"));
            ctx.insert("cities", &links(r, lang, "cities"));
            ctx.insert("networks", &links(r, lang, "networks"));
            (
                "directory.html",
                page("directory", r.t(lang, "directory-title"), &|l| {
                    urls::directory(l)
                }),
            )
        }
        DirJob::Facet(facet, v) => {
            let (value, members) = &r.facets.values(facet)[v];
            let label = facet_label(r, lang, facet, value);
            let services: Vec<ServiceCard> =
                members.iter().map(|&i| r.service_card(i, lang)).collect();
            ctx.insert("services", &services);
            ctx.insert("facets", &facet_views(r, lang, Some((facet, v))));
            ctx.insert("facet", facet.as_str());
            ctx.insert("value", &label);
            ctx.insert(
                "directory_href",
                &urls::link(config.base_path(), &urls::directory(lang)),
            );
            let title = format!(
                "{}: {}",
                r.t(lang, &format!("facet-{}", facet.as_str())),
                label.text
            );
            (
                "directory.html",
                page("directory-facet", title, &|l| {
                    urls::facet(l, facet.as_str(), value)
                }),
            )
        }
        DirJob::Service(i) => {
            let service = &dir.services[i];
            let view = r.service_view(i, lang, errors);
            ctx.insert("jsonld", &super::super::jsonld_dir::service(r, i, lang));
            ctx.insert("service", &view);
            let mut meta = page("service", view.name.text.clone(), &|l| {
                urls::entity(l, "services", &service.id)
            });
            meta.description = view.summary.text.clone();
            ("service.html", meta)
        }
        DirJob::Organization(i) => {
            let org = &dir.organizations[i];
            let o = &org.data;
            let services: Vec<ServiceCard> = dir
                .services
                .iter()
                .enumerate()
                .filter(|(_, s)| s.data.organization == org.id)
                .map(|(i, _)| r.service_card(i, lang))
                .collect();
            let places: Vec<_> = o
                .locations
                .iter()
                .filter_map(|id| dir.location(id))
                .map(|l| place(dir, l, lang, config))
                .collect();
            let partnerships: Vec<_> = dir
                .partnerships_of(&org.id)
                .into_iter()
                .map(|p| r.partnership_view(p, &org.id, lang, errors))
                .collect();
            let cities: Vec<Link> = o
                .cities
                .iter()
                .filter_map(|id| dir.city(id))
                .map(|c| entity_link(config, lang, "cities", &c.id, &c.data.name))
                .collect();
            ctx.insert("org", &serde_json::json!({
                "id": org.id,
                "name": text(&o.name, lang, config),
                "short_name": opt_text(o.short_name.as_ref(), lang, config),
                "kind": super::facets::kebab(&o.kind),
                "description": o.description.as_ref().map(|d| r.markdown_text(d, lang, &org.file, errors)),
                "website": o.website,
                "email": o.email,
                "phones": o.phones,
                "languages": o.languages.iter().map(|c| r.language_name(lang, c)).collect::<Vec<_>>(),
                "source": source(o.source.as_ref(), lang, config),
            }));
            ctx.insert("services", &services);
            ctx.insert("places", &places);
            ctx.insert("cities", &cities);
            ctx.insert("partnerships", &partnerships);
            ctx.insert("seminars", &seminars_of(r, lang, &org.id));
            ctx.insert(
                "networks",
                &dir.networks_of_organization(&org.id)
                    .into_iter()
                    .map(|n| entity_link(config, lang, "networks", &n.id, &n.data.name))
                    .collect::<Vec<_>>(),
            );
            ctx.insert(
                "jsonld",
                &super::super::jsonld_dir::organization(r, i, lang),
            );
            let title = text(&o.name, lang, config).text;
            (
                "organization.html",
                page("organization", title, &|l| {
                    urls::entity(l, "organizations", &org.id)
                }),
            )
        }
        DirJob::Seminar(i) => {
            let seminar = &dir.seminars[i];
            let s = &seminar.data;
            let now = r.now.with_timezone(&Utc);
            let (mut upcoming, mut past) = (Vec::new(), Vec::new());
            for session in &s.sessions {
                let view = session_view(r, lang, session);
                let ends_in_future =
                    parse_local(&session.end, &session.zone).is_some_and(|end| end > now);
                if ends_in_future {
                    upcoming.push(view)
                } else {
                    past.push(view)
                }
            }
            past.reverse();
            ctx.insert("seminar", &serde_json::json!({
                "id": seminar.id,
                "title": text(&s.title, lang, config),
                "series": opt_text(s.series.as_ref(), lang, config),
                "summary": opt_text(s.summary.as_ref(), lang, config),
                "description": s.description.as_ref().map(|d| r.markdown_text(d, lang, &seminar.file, errors)),
                "organizer": r.org_link(lang, &s.organizer),
                "delivered_by": s.delivered_by.iter().filter_map(|id| r.org_link(lang, id)).collect::<Vec<_>>(),
                "funders": s.funders.iter().filter_map(|id| r.org_link(lang, id)).collect::<Vec<_>>(),
                "topics": s.topics.iter().map(|t| text(t, lang, config)).collect::<Vec<_>>(),
                "audience": s.audience.as_ref().map(|a| text(&a.description, lang, config)),
                "closed": s.audience.as_ref().is_some_and(|a| a.closed),
                "registration": s.registration.as_ref().map(super::facets::kebab),
                "attendance": s.attendance.as_ref().map(super::facets::kebab),
                "network": s.network.as_deref().and_then(|id| dir.network(id)).map(|n| entity_link(config, lang, "networks", &n.id, &n.data.name)),
                "upcoming": upcoming,
                "past": past,
                "outcomes": s.outcomes.iter().map(|o| OutcomeView { text: text(&o.text, lang, config), as_of: super::views::partial_date(lang, &o.as_of), source: source(Some(&o.source), lang, config) }).collect::<Vec<_>>(),
                "ics": urls::link(config.base_path(), &urls::seminars_ics(lang)),
            }));
            ctx.insert("jsonld", &super::super::jsonld_dir::seminar(r, i, lang));
            let title = text(&s.title, lang, config).text;
            (
                "seminar.html",
                page("seminar", title, &|l| {
                    urls::entity(l, "seminars", &seminar.id)
                }),
            )
        }
        DirJob::City(i) => {
            let city = &dir.cities[i];
            let services: Vec<ServiceCard> = dir
                .services_in_city(&city.id)
                .into_iter()
                .filter_map(|s| dir.service_index(&s.id))
                .map(|i| r.service_card(i, lang))
                .collect();
            ctx.insert("city", &serde_json::json!({
                "id": city.id,
                "name": text(&city.data.name, lang, config),
                "region": opt_text(city.data.region.as_ref(), lang, config),
                "country": city.data.country,
                "ics": super::city_has_calendar(dir, &city.id).then(|| urls::link(config.base_path(), &urls::entity_ics(lang, "cities", &city.id))),
            }));
            ctx.insert("services", &services);
            ctx.insert(
                "organizations",
                &dir.organizations_in_city(&city.id)
                    .into_iter()
                    .map(|o| entity_link(config, lang, "organizations", &o.id, &o.data.name))
                    .collect::<Vec<_>>(),
            );
            ctx.insert(
                "seminars",
                &dir.seminars_in_city(&city.id)
                    .into_iter()
                    .map(|s| entity_link(config, lang, "seminars", &s.id, &s.data.title))
                    .collect::<Vec<_>>(),
            );
            ctx.insert(
                "networks",
                &dir.networks_of_city(&city.id)
                    .into_iter()
                    .map(|n| entity_link(config, lang, "networks", &n.id, &n.data.name))
                    .collect::<Vec<_>>(),
            );
            ctx.insert("jsonld", &super::super::jsonld_dir::city(r, i, lang));
            let title = text(&city.data.name, lang, config).text;
            (
                "city.html",
                page("city", title, &|l| urls::entity(l, "cities", &city.id)),
            )
        }
        DirJob::Network(i) => {
            let network = &dir.networks[i];
            let n = &network.data;
            ctx.insert("network", &serde_json::json!({
                "id": network.id,
                "name": text(&n.name, lang, config),
                "description": n.description.as_ref().map(|d| r.markdown_text(d, lang, &network.file, errors)),
                "coordinator": n.coordinator.as_deref().and_then(|id| r.org_link(lang, id)),
                "supporters": n.supporters.iter().filter_map(|s| Some(Since { link: r.org_link(lang, &s.organization)?, since: s.since.as_deref().map(|d| super::views::since(lang, d)) })).collect::<Vec<_>>(),
                "members": n.members.iter().filter_map(|m| {
                    let c = dir.city(&m.city)?;
                    Some(Since { link: entity_link(config, lang, "cities", &c.id, &c.data.name), since: m.joined.as_deref().map(|d| super::views::since(lang, d)) })
                }).collect::<Vec<_>>(),
                "member_organizations": n.member_organizations.iter().filter_map(|id| r.org_link(lang, id)).collect::<Vec<_>>(),
                "seminars": dir.seminars_of_network(&network.id).into_iter().map(|s| entity_link(config, lang, "seminars", &s.id, &s.data.title)).collect::<Vec<_>>(),
                "source": source(n.source.as_ref(), lang, config),
            }));
            ctx.insert("jsonld", &super::super::jsonld_dir::network(r, i, lang));
            let title = text(&n.name, lang, config).text;
            (
                "network.html",
                page("network", title, &|l| {
                    urls::entity(l, "networks", &network.id)
                }),
            )
        }
        DirJob::ServiceIcs(i) => return DirOutput::File(super::super::ics::service(r, i, lang)),
        DirJob::CityIcs(i) => return DirOutput::File(super::super::ics::city(r, i, lang)),
        DirJob::SeminarsIcs => return DirOutput::File(super::super::ics::seminars(r, lang)),
    };
    DirOutput::Page(result.0, result.1, ctx)
}

fn links(r: &Renderer<'_>, lang: &str, kind: &str) -> Vec<Link> {
    let dir = &r.site.directory;
    let config = &r.site.config;
    match kind {
        "seminars" => dir
            .seminars
            .iter()
            .map(|s| entity_link(config, lang, kind, &s.id, &s.data.title))
            .collect(),
        "cities" => dir
            .cities
            .iter()
            .map(|c| entity_link(config, lang, kind, &c.id, &c.data.name))
            .collect(),
        _ => dir
            .networks
            .iter()
            .map(|n| entity_link(config, lang, kind, &n.id, &n.data.name))
            .collect(),
    }
}

fn seminars_of(r: &Renderer<'_>, lang: &str, org: &str) -> Vec<Link> {
    let config = &r.site.config;
    r.site
        .directory
        .seminars_of_organization(org)
        .into_iter()
        .map(|s| entity_link(config, lang, "seminars", &s.id, &s.data.title))
        .collect()
}

fn facet_label(r: &Renderer<'_>, lang: &str, facet: Facet, value: &str) -> Text {
    let dir = &r.site.directory;
    let config = &r.site.config;
    match facet {
        Facet::Area => dir
            .areas
            .find(value)
            .map(|t| text(&dir.areas.terms[t].name, lang, config)),
        Facet::City => dir.city(value).map(|c| text(&c.data.name, lang, config)),
        Facet::Language => Some(Text {
            text: r.language_name(lang, value),
            lang: None,
        }),
        Facet::Access => Some(Text {
            text: r.t(lang, &format!("access-{value}")),
            lang: None,
        }),
        Facet::Cost => Some(Text {
            text: r.t(lang, &format!("cost-{value}")),
            lang: None,
        }),
    }
    .unwrap_or(Text {
        text: value.to_string(),
        lang: None,
    })
}

fn facet_views(r: &Renderer<'_>, lang: &str, current: Option<(Facet, usize)>) -> Vec<FacetView> {
    r.facets
        .all()
        .filter(|(_, values)| !values.is_empty())
        .map(|(facet, values)| FacetView {
            facet: facet.as_str(),
            values: values
                .iter()
                .enumerate()
                .map(|(i, (value, members))| FacetValue {
                    label: facet_label(r, lang, facet, value),
                    href: urls::link(
                        r.site.config.base_path(),
                        &urls::facet(lang, facet.as_str(), value),
                    ),
                    count: members.len(),
                    current: current == Some((facet, i)),
                })
                .collect(),
        })
        .collect()
}

/// A local `YYYY-MM-DDTHH:MM` in `zone`, as UTC (validated before).
pub(in crate::render) fn parse_local(local: &str, zone: &str) -> Option<chrono::DateTime<Utc>> {
    let tz: chrono_tz::Tz = zone.parse().ok()?;
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").ok()?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
}

fn session_view(
    r: &Renderer<'_>,
    lang: &str,
    session: &crate::directory::types::Session,
) -> SessionView {
    let dir = &r.site.directory;
    let config = &r.site.config;
    let start = NaiveDateTime::parse_from_str(&session.start, "%Y-%m-%dT%H:%M").ok();
    let end = NaiveDateTime::parse_from_str(&session.end, "%Y-%m-%dT%H:%M").ok();
    let when = match (start, end) {
        (Some(s), Some(e)) => format!(
            "{}, {}–{}",
            r.localizer.long_date(lang, s.date()),
            s.format("%-H:%M"),
            if e.date() == s.date() {
                e.format("%-H:%M").to_string()
            } else {
                format!(
                    "{} {}",
                    r.localizer.long_date(lang, e.date()),
                    e.format("%-H:%M")
                )
            }
        ),
        _ => session.start.clone(),
    };
    SessionView {
        when,
        start: session.start.clone(),
        city: session
            .city
            .as_deref()
            .and_then(|id| dir.city(id))
            .map(|c| entity_link(config, lang, "cities", &c.id, &c.data.name)),
        language: session
            .language
            .as_deref()
            .map(|c| r.language_name(lang, c)),
        cancelled: session.status == SessionStatus::Cancelled,
    }
}
