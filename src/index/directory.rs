//! Records of directory entities: services, organizations, seminars, cities and
//! networks, one per entity in every language (their pages exist in every language,
//! texts following the fallback chain).
//!
//! What places a service or an organization: the names and street addresses of its
//! public locations and the names of its cities. A redacted location (a shelter) gives
//! its city and nothing else: not its name, address, directions or notes.

use puerta_search::{Kind, Record};

use crate::config::Config;
use crate::directory::types::LocationType;
use crate::directory::{Directory, Entity};
use crate::localized::Localized;
use crate::model::Site;
use crate::urls;

use super::text::plain;

/// Every directory record of `lang`.
pub fn records(site: &Site, lang: &str) -> Vec<Record> {
    let ctx = Ctx {
        dir: &site.directory,
        config: &site.config,
        lang,
    };
    let dir = ctx.dir;
    let mut out = Vec::new();
    out.extend(dir.services.iter().map(|e| ctx.service(e)));
    out.extend(dir.organizations.iter().map(|e| ctx.organization(e)));
    out.extend(dir.seminars.iter().map(|e| ctx.seminar(e)));
    out.extend(dir.cities.iter().map(|e| ctx.city(e)));
    out.extend(dir.networks.iter().map(|e| ctx.network(e)));
    out
}

struct Ctx<'a> {
    dir: &'a Directory,
    config: &'a Config,
    lang: &'a str,
}

impl Ctx<'_> {
    fn text(&self, value: &Localized) -> String {
        value.text(self.lang, self.config).to_string()
    }

    fn opt(&self, value: Option<&Localized>) -> String {
        value.map(|v| self.text(v)).unwrap_or_default()
    }

    /// Markdown text in the page language, as plain text.
    fn prose(&self, value: Option<&Localized>) -> String {
        plain(&self.opt(value))
    }

    /// The texts of a map in the other languages: names readers may type.
    fn other_names(&self, value: &Localized) -> Vec<String> {
        match value {
            Localized::Plain(_) => Vec::new(),
            Localized::Map(map) => map
                .iter()
                .filter(|(l, _)| l.as_str() != self.lang)
                .map(|(_, t)| t.clone())
                .collect(),
        }
    }

    fn record(&self, kind: Kind, folder: &str, id: &str, title: String) -> Record {
        let path = urls::entity(self.lang, folder, id);
        Record {
            kind,
            url: urls::link(self.config.base_path(), &path),
            lang: self.lang.to_string(),
            title,
            ..Record::default()
        }
    }

    fn organization_name(&self, id: &str) -> Option<String> {
        self.dir.organization(id).map(|o| self.text(&o.data.name))
    }

    fn city_name(&self, id: &str) -> Option<String> {
        self.dir.city(id).map(|c| self.text(&c.data.name))
    }

    /// What a location tells search: its city; and for a public one its name and
    /// street address. Adds the city id to `cities`.
    fn place(&self, location: &str, keywords: &mut Vec<String>, cities: &mut Vec<String>) {
        let Some(loc) = self.dir.location(location) else {
            return;
        };
        if let Some(city) = &loc.data.city {
            keywords.extend(self.city_name(city));
            push_unique(cities, city);
        }
        if loc.data.location_type == LocationType::Redacted || self.dir.is_redacted(location) {
            return;
        }
        keywords.push(self.text(&loc.data.name));
        if let Some(address) = &loc.data.address {
            keywords.push(format!("{}, {}", address.street, address.locality));
        }
    }

    fn service(&self, e: &Entity<crate::directory::types::Service>) -> Record {
        let s = &e.data;
        let mut record = self.record(Kind::Service, "services", &e.id, self.text(&s.name));
        record.summary = self.text(&s.summary);
        let mut body = vec![self.prose(s.description.as_ref())];
        if let Some(eligibility) = &s.eligibility {
            body.push(self.prose(Some(&eligibility.description)));
            body.push(self.prose(eligibility.referred_elsewhere.as_ref()));
        }
        body.push(self.prose(s.how_to_refer.as_ref()));
        body.extend(s.documents.iter().map(|d| self.text(d)));
        body.extend(s.referrals.iter().map(|r| self.prose(r.note.as_ref())));
        record.body = join(body);
        let mut keywords = self.other_names(&s.name);
        keywords.extend(self.organization_name(&s.organization));
        for code in &s.areas {
            if let Some(term) = self.dir.areas.find(code).map(|i| &self.dir.areas.terms[i]) {
                keywords.push(self.text(&term.name));
            }
        }
        let mut cities = Vec::new();
        for at in &s.at_locations {
            self.place(&at.location, &mut keywords, &mut cities);
        }
        record.keywords = keywords;
        record.areas = s.areas.clone();
        record.cities = cities;
        record
    }

    fn organization(&self, e: &Entity<crate::directory::types::Organization>) -> Record {
        let o = &e.data;
        let mut record = self.record(
            Kind::Organization,
            "organizations",
            &e.id,
            self.text(&o.name),
        );
        record.body = self.prose(o.description.as_ref());
        let mut keywords = self.other_names(&o.name);
        if let Some(short) = &o.short_name {
            keywords.push(self.text(short));
        }
        let mut cities = Vec::new();
        for location in &o.locations {
            self.place(location, &mut keywords, &mut cities);
        }
        for city in self.dir.cities_of_organization(&e.id) {
            keywords.push(self.text(&city.data.name));
            push_unique(&mut cities, &city.id);
        }
        record.keywords = keywords;
        record.cities = cities;
        record
    }

    fn seminar(&self, e: &Entity<crate::directory::types::Seminar>) -> Record {
        let s = &e.data;
        let mut record = self.record(Kind::Seminar, "seminars", &e.id, self.text(&s.title));
        record.summary = self.opt(s.summary.as_ref());
        let mut body = vec![self.prose(s.description.as_ref())];
        if let Some(audience) = &s.audience {
            body.push(self.prose(Some(&audience.description)));
        }
        body.extend(s.outcomes.iter().map(|o| self.text(&o.text)));
        record.body = join(body);
        let mut keywords = self.other_names(&s.title);
        keywords.extend(s.series.iter().map(|v| self.text(v)));
        keywords.extend(s.topics.iter().map(|v| self.text(v)));
        let people = std::iter::once(&s.organizer)
            .chain(&s.delivered_by)
            .chain(&s.funders);
        keywords.extend(people.filter_map(|id| self.organization_name(id)));
        if let Some(network) = s.network.as_deref().and_then(|id| self.dir.network(id)) {
            keywords.push(self.text(&network.data.name));
        }
        let mut cities = Vec::new();
        for city in self.dir.cities_of_seminar(&e.id) {
            keywords.push(self.text(&city.data.name));
            push_unique(&mut cities, &city.id);
        }
        record.keywords = keywords;
        record.cities = cities;
        record
    }

    fn city(&self, e: &Entity<crate::directory::types::City>) -> Record {
        let c = &e.data;
        let mut record = self.record(Kind::City, "cities", &e.id, self.text(&c.name));
        record.summary = self.opt(c.region.as_ref());
        let mut keywords = c.aliases.clone();
        keywords.extend(self.other_names(&c.name));
        record.keywords = keywords;
        record.cities = vec![e.id.clone()];
        record
    }

    fn network(&self, e: &Entity<crate::directory::types::Network>) -> Record {
        let n = &e.data;
        let mut record = self.record(Kind::Network, "networks", &e.id, self.text(&n.name));
        record.body = self.prose(n.description.as_ref());
        let mut keywords = self.other_names(&n.name);
        keywords.extend(
            n.coordinator
                .as_deref()
                .and_then(|id| self.organization_name(id)),
        );
        let mut cities = Vec::new();
        for member in &n.members {
            keywords.extend(self.city_name(&member.city));
            push_unique(&mut cities, &member.city);
        }
        record.keywords = keywords;
        record.cities = cities;
        record
    }
}

fn join(parts: Vec<String>) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    parts.join("\n\n")
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}
