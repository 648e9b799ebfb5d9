//! Open Referral HSDS 3.0 export of the directory, one set of files per language.
//!
//! Stage: export. Input: the validated [`Directory`], the [`Config`] and a language.
//! Output: JSON files under `data/hsds/<lang>/`, shaped as the answers of the HSDS 3.0
//! API reference (`schema/openapi.json`) so that a static host serves a read-only HSDS
//! API: `index.json` (the `/` endpoint), `organizations.json`, `services.json` and
//! `service_at_locations.json` (the list endpoints: a `Page` whose `contents` hold
//! one-to-one fields), and `organizations/<uuid>.json`, `services/<uuid>.json`,
//! `service_at_locations/<uuid>.json` (the fully nested records, dereferenced as the
//! HSDS serialization guidance asks). HSDS has no locations endpoint: locations are
//! nested in organizations, services and services at locations.
//!
//! Ids are UUIDs, as HSDS 3.0 requires, derived from puerta's ids (see [`id`]) so that
//! every build of the same content gives the same bytes and the same entity has the same
//! id in every language. Texts are in the requested language, following the site's
//! fallbacks.
//!
//! Safety: a `redacted` location (a shelter) is never exported, nor its id, address,
//! coordinates or schedule; a service there is exported without that place. Every
//! location goes through one function (`Export::location`) that refuses redacted ones.

mod model;
mod schedule;

use std::collections::BTreeMap;

use serde::Serialize;
use uuid::Uuid;

use crate::config::Config;
use crate::directory::types::{Cost, GeoPrecision, Location, LocationType, Organization, Service};
use crate::directory::{Directory, Entity};
use crate::localized::Localized;
use crate::render::Output;
use crate::schedule::Opening;
use crate::taxonomy::Taxonomy;

/// The HSDS version the export follows.
pub const VERSION: &str = "3.0";

/// The HSDS 3.0 API reference the files follow (named in `index.json`).
pub const OPENAPI_URL: &str =
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

/// The HSDS id of an entity: a version 5 (name-based, SHA-1) UUID of `<kind>/<key>` in
/// a namespace that is itself the version 5 UUID of the site's base URL in the URL
/// namespace of RFC 4122. `kind` is the HSDS object (`organization`, `service`,
/// `location`, `service_at_location`…) and `key` puerta's id, e.g. `service/soie`.
pub fn id(config: &Config, kind: &str, key: &str) -> String {
    uuid_in(&namespace(config), kind, key)
}

fn namespace(config: &Config) -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, config.base_url.as_bytes())
}

fn uuid_in(namespace: &Uuid, kind: &str, key: &str) -> String {
    Uuid::new_v5(namespace, format!("{kind}/{key}").as_bytes()).to_string()
}

/// The HSDS files of `directory` in `lang`, paths under `data/hsds/<lang>/`, in a
/// fixed order (index, organizations, services, services at locations; by id).
pub fn hsds(directory: &Directory, config: &Config, lang: &str) -> Vec<Output> {
    Export::new(directory, config, lang).outputs()
}

/// Lookups shared while one language is exported.
struct Export<'a> {
    dir: &'a Directory,
    config: &'a Config,
    lang: &'a str,
    namespace: Uuid,
    organizations: BTreeMap<&'a str, &'a Entity<Organization>>,
    locations: BTreeMap<&'a str, &'a Entity<Location>>,
    /// Location id → id of the first organization (by id) that lists it.
    owners: BTreeMap<&'a str, &'a str>,
    /// (service index, location id) → schedule.
    openings: BTreeMap<(usize, &'a str), &'a Opening>,
}

impl<'a> Export<'a> {
    fn new(dir: &'a Directory, config: &'a Config, lang: &'a str) -> Export<'a> {
        let mut owners = BTreeMap::new();
        for org in &dir.organizations {
            for loc in &org.data.locations {
                owners.entry(loc.as_str()).or_insert(org.id.as_str());
            }
        }
        Export {
            dir,
            config,
            lang,
            namespace: namespace(config),
            organizations: dir
                .organizations
                .iter()
                .map(|e| (e.id.as_str(), e))
                .collect(),
            locations: dir.locations.iter().map(|e| (e.id.as_str(), e)).collect(),
            owners,
            openings: dir
                .openings
                .iter()
                .map(|o| ((o.service, o.location.as_str()), &o.opening))
                .collect(),
        }
    }

    fn outputs(&self) -> Vec<Output> {
        let base = format!("data/hsds/{}", self.lang);
        let mut out = Vec::new();
        let meta = model::Meta {
            version: VERSION,
            openapi_url: OPENAPI_URL,
        };
        out.extend(json(format!("{base}/index.json"), &meta));

        let orgs: Vec<model::Organization> = self
            .dir
            .organizations
            .iter()
            .map(|o| self.organization(o))
            .collect();
        out.extend(json(
            format!("{base}/organizations.json"),
            &model::Page::of(orgs),
        ));
        for org in &self.dir.organizations {
            let full = self.full_organization(org);
            out.extend(json(
                format!("{base}/organizations/{}.json", full.id),
                &full,
            ));
        }

        let services: Vec<model::Service> =
            self.dir.services.iter().map(|s| self.service(s)).collect();
        out.extend(json(
            format!("{base}/services.json"),
            &model::Page::of(services),
        ));
        for (i, svc) in self.dir.services.iter().enumerate() {
            let full = self.full_service(i, svc);
            out.extend(json(format!("{base}/services/{}.json", full.id), &full));
        }

        let mut list = Vec::new();
        let mut full = Vec::new();
        for (i, svc) in self.dir.services.iter().enumerate() {
            for at in &svc.data.at_locations {
                if let Some(sal) = self.service_at_location(i, svc, &at.location) {
                    list.push(model::ServiceAtLocation {
                        schedules: Vec::new(),
                        location: None,
                        ..sal.clone()
                    });
                    full.push(model::ServiceAtLocation {
                        service: Some(Box::new(self.service(svc))),
                        ..sal
                    });
                }
            }
        }
        out.extend(json(
            format!("{base}/service_at_locations.json"),
            &model::Page::of(list),
        ));
        for sal in &full {
            out.extend(json(
                format!("{base}/service_at_locations/{}.json", sal.id),
                sal,
            ));
        }
        out
    }

    fn uuid(&self, kind: &str, key: &str) -> String {
        uuid_in(&self.namespace, kind, key)
    }

    fn text(&self, text: &Localized) -> String {
        text.text(self.lang, self.config).to_string()
    }

    /// The text, if there is a non-empty one.
    fn opt(&self, text: Option<&Localized>) -> Option<String> {
        text.map(|t| self.text(t)).filter(|t| !t.trim().is_empty())
    }

    /// An organization's one-to-one fields.
    fn organization(&self, org: &Entity<Organization>) -> model::Organization {
        let o = &org.data;
        model::Organization {
            id: self.uuid("organization", &org.id),
            name: self.text(&o.name),
            alternate_name: self.opt(o.short_name.as_ref()),
            description: self.opt(o.description.as_ref()).unwrap_or_default(),
            email: o.email.clone(),
            website: o.website.clone(),
            phones: Vec::new(),
            locations: Vec::new(),
            services: Vec::new(),
        }
    }

    /// An organization with its phones, published locations and services.
    fn full_organization(&self, org: &Entity<Organization>) -> model::Organization {
        let phones = org
            .data
            .phones
            .iter()
            .map(|number| model::Phone {
                id: self.uuid("phone", &format!("{}/{number}", org.id)),
                number: number.clone(),
            })
            .collect();
        let locations = org
            .data
            .locations
            .iter()
            .filter_map(|id| self.location(id))
            .collect();
        let services = self
            .dir
            .services
            .iter()
            .filter(|s| s.data.organization == org.id)
            .map(|s| self.service(s))
            .collect();
        model::Organization {
            phones,
            locations,
            services,
            ..self.organization(org)
        }
    }

    /// A service's one-to-one fields.
    fn service(&self, svc: &Entity<Service>) -> model::Service {
        let s = &svc.data;
        let description = match self.opt(s.description.as_ref()) {
            Some(long) => format!("{}\n\n{long}", self.text(&s.summary)),
            None => self.text(&s.summary),
        };
        let eligibility = s.eligibility.as_ref().and_then(|e| {
            let who = self.opt(Some(&e.description));
            match (who, self.opt(e.referred_elsewhere.as_ref())) {
                (Some(who), Some(elsewhere)) => Some(format!("{who}\n\n{elsewhere}")),
                (who, elsewhere) => who.or(elsewhere),
            }
        });
        model::Service {
            id: self.uuid("service", &svc.id),
            organization_id: self
                .organizations
                .get(s.organization.as_str())
                .map(|o| self.uuid("organization", &o.id)),
            name: self.text(&s.name),
            description: Some(description).filter(|d| !d.trim().is_empty()),
            url: Some(
                self.config
                    .absolute(&format!("/{}/services/{}/", self.lang, svc.id)),
            ),
            status: "active",
            application_process: self.opt(s.how_to_refer.as_ref()),
            eligibility_description: eligibility,
            assured_date: s.verification.as_ref().map(|v| v.verified_on.clone()),
            service_at_locations: Vec::new(),
            languages: Vec::new(),
            organization: None,
            cost_options: Vec::new(),
            required_documents: Vec::new(),
            attributes: Vec::new(),
        }
    }

    /// A service with where and when, its organization, languages, cost, documents
    /// and taxonomy terms.
    fn full_service(&self, index: usize, svc: &Entity<Service>) -> model::Service {
        let s = &svc.data;
        let service_at_locations = s
            .at_locations
            .iter()
            .filter_map(|at| self.service_at_location(index, svc, &at.location))
            .collect();
        let mut languages: Vec<model::Language> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for tag in &s.languages {
            let code = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
            if code.is_empty() || !seen.insert(tag.as_str()) {
                continue;
            }
            languages.push(model::Language {
                id: self.uuid("language", &format!("{}/{tag}", svc.id)),
                note: Some(tag.clone()).filter(|t| *t != code),
                code,
            });
        }
        let cost_options = match s.cost {
            Some(Cost::Free) => vec![model::CostOption {
                id: self.uuid("cost_option", &svc.id),
                amount: 0,
            }],
            // HSDS describes a cost by its amount, which the directory does not record.
            Some(Cost::LowCost | Cost::Paid) | None => Vec::new(),
        };
        let required_documents = s
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| model::RequiredDocument {
                id: self.uuid("required_document", &format!("{}/{i}", svc.id)),
                document: self.text(d),
            })
            .collect();
        let criteria = s.eligibility.iter().flat_map(|e| &e.criteria);
        let attributes = s
            .areas
            .iter()
            .filter_map(|code| self.attribute(&svc.id, &self.dir.areas, code))
            .chain(criteria.filter_map(|code| self.attribute(&svc.id, &self.dir.eligibility, code)))
            .collect();
        model::Service {
            service_at_locations,
            languages,
            organization: self
                .organizations
                .get(s.organization.as_str())
                .map(|o| Box::new(self.organization(o))),
            cost_options,
            required_documents,
            attributes,
            ..self.service(svc)
        }
    }

    /// A term of `taxonomy` applied to a service.
    fn attribute(
        &self,
        service: &str,
        taxonomy: &Taxonomy,
        code: &str,
    ) -> Option<model::Attribute> {
        let term = taxonomy.terms.get(taxonomy.find(code)?)?;
        let name = term.name.get(self.lang, self.config);
        let term_id = self.uuid("taxonomy_term", &format!("{}/{code}", taxonomy.key));
        Some(model::Attribute {
            id: self.uuid("attribute", &format!("{service}/{}/{code}", taxonomy.key)),
            taxonomy_term_id: term_id.clone(),
            taxonomy_term: model::TaxonomyTerm {
                id: term_id,
                code: code.to_string(),
                name: name.as_ref().map_or("", |n| n.text).to_string(),
                description: self.opt(term.description.as_ref()).unwrap_or_default(),
                taxonomy: self.text(&taxonomy.name),
                language: name.and_then(|n| n.lang).map(str::to_string),
            },
        })
    }

    /// A service at a location with the location and the schedules, or `None` when
    /// the location is not published (redacted or unknown).
    fn service_at_location(
        &self,
        index: usize,
        svc: &Entity<Service>,
        location: &str,
    ) -> Option<model::ServiceAtLocation> {
        let loc = self.location(location)?;
        let key = format!("{}/{location}", svc.id);
        let schedules = self
            .openings
            .get(&(index, location))
            .map(|o| schedule::schedules(o, &|k| self.uuid("schedule", &format!("{key}/{k}"))))
            .unwrap_or_default();
        Some(model::ServiceAtLocation {
            id: self.uuid("service_at_location", &key),
            service_id: self.uuid("service", &svc.id),
            location_id: loc.id.clone(),
            schedules,
            location: Some(loc),
            service: None,
        })
    }

    /// The location with `id`, or `None` when it is redacted or unknown: the one gate
    /// every exported location goes through.
    fn location(&self, id: &str) -> Option<model::Location> {
        let entity = self.locations.get(id)?;
        let l = &entity.data;
        let location_type = match l.location_type {
            LocationType::Redacted => return None,
            LocationType::Physical => "physical",
            LocationType::Virtual => "virtual",
        };
        let loc_id = self.uuid("location", id);
        let geo = l.geo.as_ref().filter(|g| {
            matches!(g.precision, GeoPrecision::Exact | GeoPrecision::Approx)
                && g.lat.is_finite()
                && g.lon.is_finite()
        });
        let region = || {
            let city = self
                .dir
                .cities
                .iter()
                .find(|c| Some(&c.id) == l.city.as_ref())?;
            self.opt(city.data.region.as_ref())
        };
        let addresses = l
            .address
            .iter()
            .map(|a| model::Address {
                id: self.uuid("address", id),
                location_id: loc_id.clone(),
                address_1: a.street.clone(),
                city: a.locality.clone(),
                state_province: a.region.clone().or_else(region).unwrap_or_default(),
                postal_code: a.postal_code.clone().unwrap_or_default(),
                country: a.country.clone(),
                address_type: "physical",
            })
            .collect();
        let accessibility = self
            .opt(l.accessibility.as_ref())
            .map(|description| model::Accessibility {
                id: self.uuid("accessibility", id),
                description,
            })
            .into_iter()
            .collect();
        Some(model::Location {
            url: l.url.clone().filter(|_| location_type == "virtual"),
            organization_id: self
                .owners
                .get(id)
                .map(|org| self.uuid("organization", org)),
            name: self.text(&l.name),
            transportation: self.opt(l.transit.as_ref()),
            latitude: geo.map(|g| g.lat),
            longitude: geo.map(|g| g.lon),
            addresses,
            accessibility,
            id: loc_id,
            location_type,
        })
    }
}

/// `value` as pretty JSON with a final newline. serde_json fails only on maps with
/// non-string keys or failing `Serialize` impls, which these types do not have.
fn json<T: Serialize>(path: String, value: &T) -> Option<Output> {
    let mut bytes = serde_json::to_vec_pretty(value).ok()?;
    bytes.push(b'\n');
    Some(Output { path, bytes })
}
