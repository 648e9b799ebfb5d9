//! schema.org JSON-LD of directory pages: `Service` or `GovernmentService` provided by
//! an `NGO` (or `GovernmentOrganization`), offered at `Place`s with
//! `OpeningHoursSpecification`; `EducationEvent` per seminar session; a
//! `BreadcrumbList` on each. Never `LegalService` (that type is for law firms). A
//! redacted location contributes nothing but its city.

use serde_json::{json, Value};

use super::jsonld::embed;
use super::Renderer;
use crate::directory::types::{LocationType, OrganizationKind};
use crate::localized::Localized;
use crate::urls;

fn name(r: &Renderer<'_>, value: &Localized, lang: &str) -> String {
    value.text(lang, &r.site.config).to_string()
}

fn organization_node(r: &Renderer<'_>, id: &str, lang: &str) -> Option<Value> {
    let org = r.site.directory.organization(id)?;
    let kind = match org.data.kind {
        OrganizationKind::Government => "GovernmentOrganization",
        OrganizationKind::Ngo | OrganizationKind::Association => "NGO",
        OrganizationKind::Intergovernmental | OrganizationKind::Network => "Organization",
    };
    let url = r
        .site
        .config
        .absolute(&urls::entity(lang, "organizations", id));
    let mut node =
        json!({"@type": kind, "@id": url, "name": name(r, &org.data.name, lang), "url": url});
    if let Some(site) = &org.data.website {
        node["sameAs"] = site.clone().into();
    }
    Some(node)
}

fn breadcrumbs(r: &Renderer<'_>, lang: &str, title: &str, path: &str) -> Value {
    let config = &r.site.config;
    json!({
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": config.title.text(lang, config), "item": config.absolute(&urls::home(lang))},
            {"@type": "ListItem", "position": 2, "name": r.t(lang, "directory-title"), "item": config.absolute(&urls::directory(lang))},
            {"@type": "ListItem", "position": 3, "name": title, "item": config.absolute(path)},
        ]
    })
}

fn graph(nodes: Vec<Value>) -> String {
    embed(json!({"@context": "https://schema.org", "@graph": nodes}))
}

/// JSON-LD of service `i`.
pub fn service(r: &Renderer<'_>, i: usize, lang: &str) -> String {
    let dir = &r.site.directory;
    let config = &r.site.config;
    let service = &dir.services[i];
    let s = &service.data;
    let path = urls::entity(lang, "services", &service.id);
    let government = dir
        .organization(&s.organization)
        .is_some_and(|o| o.data.kind == OrganizationKind::Government);
    let title = name(r, &s.name, lang);
    let mut places = Vec::new();
    for at in &s.at_locations {
        let Some(location) = dir.location(&at.location) else {
            continue;
        };
        let l = &location.data;
        let city = l
            .city
            .as_deref()
            .and_then(|c| dir.city(c))
            .map(|c| name(r, &c.data.name, lang));
        let mut place = json!({"@type": "Place"});
        match l.location_type {
            LocationType::Redacted => {
                if let Some(city) = city {
                    place["address"] = json!({"@type": "PostalAddress", "addressLocality": city});
                }
            }
            _ => {
                place["name"] = name(r, &l.name, lang).into();
                if let Some(a) = &l.address {
                    let mut address = json!({"@type": "PostalAddress", "streetAddress": a.street, "addressLocality": a.locality, "addressCountry": a.country});
                    if let Some(code) = &a.postal_code {
                        address["postalCode"] = code.clone().into();
                    }
                    place["address"] = address;
                }
                let opening = dir
                    .openings
                    .iter()
                    .find(|o| o.service == i && o.location == at.location);
                if let Some(o) = opening {
                    let specs: Vec<Value> = o
                        .opening
                        .rules
                        .iter()
                        .map(|rule| {
                            let days: Vec<String> = rule.days.iter().map(|d| format!("https://schema.org/{}", day_name(*d))).collect();
                            json!({"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": rule.opens.format("%H:%M").to_string(), "closes": rule.closes.format("%H:%M").to_string()})
                        })
                        .collect();
                    place["openingHoursSpecification"] = specs.into();
                }
            }
        }
        places.push(json!({"@type": "ServiceChannel", "serviceLocation": place}));
    }
    let mut node = json!({
        "@type": if government { "GovernmentService" } else { "Service" },
        "@id": config.absolute(&path),
        "url": config.absolute(&path),
        "name": title,
        "description": name(r, &s.summary, lang),
        "inLanguage": lang,
    });
    if let Some(provider) = organization_node(r, &s.organization, lang) {
        node["provider"] = provider;
    }
    if !places.is_empty() {
        node["availableChannel"] = places.into();
    }
    if !s.languages.is_empty() {
        node["availableLanguage"] = s.languages.clone().into();
    }
    graph(vec![node, breadcrumbs(r, lang, &title, &path)])
}

fn day_name(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match day {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

/// JSON-LD of organization `i`.
pub fn organization(r: &Renderer<'_>, i: usize, lang: &str) -> String {
    let org = &r.site.directory.organizations[i];
    let path = urls::entity(lang, "organizations", &org.id);
    let mut node = organization_node(r, &org.id, lang).unwrap_or_default();
    if let Some(email) = &org.data.email {
        node["email"] = email.clone().into();
    }
    if !org.data.phones.is_empty() {
        node["telephone"] = org.data.phones.clone().into();
    }
    let title = name(r, &org.data.name, lang);
    graph(vec![node, breadcrumbs(r, lang, &title, &path)])
}

/// JSON-LD of seminar `i`: one `EducationEvent` per session.
pub fn seminar(r: &Renderer<'_>, i: usize, lang: &str) -> String {
    let dir = &r.site.directory;
    let config = &r.site.config;
    let seminar = &dir.seminars[i];
    let s = &seminar.data;
    let path = urls::entity(lang, "seminars", &seminar.id);
    let title = name(r, &s.title, lang);
    let mut nodes = Vec::new();
    for (n, session) in s.sessions.iter().enumerate() {
        let (Some(start), Some(end)) = (
            super::directory::parse_local(&session.start, &session.zone),
            super::directory::parse_local(&session.end, &session.zone),
        ) else {
            continue;
        };
        let mut event = json!({
            "@type": "EducationEvent",
            "@id": format!("{}#session-{}", config.absolute(&path), n + 1),
            "name": title,
            "url": config.absolute(&path),
            "startDate": start.to_rfc3339(),
            "endDate": end.to_rfc3339(),
            "eventStatus": if session.status == crate::directory::types::SessionStatus::Cancelled { "https://schema.org/EventCancelled" } else { "https://schema.org/EventScheduled" },
        });
        if let Some(org) = organization_node(r, &s.organizer, lang) {
            event["organizer"] = org;
        }
        if let Some(city) = session.city.as_deref().and_then(|c| dir.city(c)) {
            event["location"] = json!({"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": name(r, &city.data.name, lang), "addressCountry": city.data.country}});
        }
        nodes.push(event);
    }
    nodes.push(breadcrumbs(r, lang, &title, &path));
    graph(nodes)
}

/// JSON-LD of city `i`: a `City` (a `Place`) with its country.
pub fn city(r: &Renderer<'_>, i: usize, lang: &str) -> String {
    let city = &r.site.directory.cities[i];
    let path = urls::entity(lang, "cities", &city.id);
    let title = name(r, &city.data.name, lang);
    let mut node = json!({
        "@type": "City",
        "@id": r.site.config.absolute(&path),
        "name": title,
        "address": {"@type": "PostalAddress", "addressCountry": city.data.country},
    });
    if !city.data.aliases.is_empty() {
        node["alternateName"] = city.data.aliases.clone().into();
    }
    graph(vec![node, breadcrumbs(r, lang, &title, &path)])
}

/// JSON-LD of network `i`: an `Organization` with its member organizations.
pub fn network(r: &Renderer<'_>, i: usize, lang: &str) -> String {
    let network = &r.site.directory.networks[i];
    let path = urls::entity(lang, "networks", &network.id);
    let title = name(r, &network.data.name, lang);
    let mut node =
        json!({"@type": "Organization", "@id": r.site.config.absolute(&path), "name": title});
    let members: Vec<Value> = network
        .data
        .member_organizations
        .iter()
        .filter_map(|id| organization_node(r, id, lang))
        .collect();
    if !members.is_empty() {
        node["member"] = members.into();
    }
    graph(vec![node, breadcrumbs(r, lang, &title, &path)])
}
