//! Relations derived from the directory, so that nothing is typed twice: the services
//! and organizations of a city, the seminars held there, the networks it belongs to,
//! the partnerships and referral pathways of an organization, and lookups by id.
//!
//! Stage: model (read by pages and exports). Input: a validated [`Directory`], whose
//! lists are sorted by id. Output: references into it. Every list comes back sorted
//! by id without duplicates; an unknown id gives `None` or an empty list.

use std::collections::BTreeSet;

use super::types::{
    City, Holidays, Location, LocationType, Network, Organization, Partnership, Referral, Seminar,
    Service,
};
use super::{Directory, Entity, ServiceOpening};

/// The entity with `id` in a list sorted by id.
fn find<'a, T>(list: &'a [Entity<T>], id: &str) -> Option<&'a Entity<T>> {
    position(list, id).map(|i| &list[i])
}

fn position<T>(list: &[Entity<T>], id: &str) -> Option<usize> {
    list.binary_search_by(|e| e.id.as_str().cmp(id)).ok()
}

/// The entities of `list` that `keep` accepts (the list is already sorted by id).
fn filter<T>(list: &[Entity<T>], keep: impl Fn(&T) -> bool) -> Vec<&Entity<T>> {
    list.iter().filter(|e| keep(&e.data)).collect()
}

/// The entities of `list` whose ids are in `ids`.
fn pick<'a, T>(list: &'a [Entity<T>], ids: &BTreeSet<&str>) -> Vec<&'a Entity<T>> {
    ids.iter().filter_map(|id| find(list, id)).collect()
}

impl Directory {
    /// The organization with `id`.
    pub fn organization(&self, id: &str) -> Option<&Entity<Organization>> {
        find(&self.organizations, id)
    }

    /// The service with `id`.
    pub fn service(&self, id: &str) -> Option<&Entity<Service>> {
        find(&self.services, id)
    }

    /// The index of the service with `id` in [`Directory::services`] (the index that
    /// [`ServiceOpening::service`] holds).
    pub fn service_index(&self, id: &str) -> Option<usize> {
        position(&self.services, id)
    }

    /// The location with `id`.
    pub fn location(&self, id: &str) -> Option<&Entity<Location>> {
        find(&self.locations, id)
    }

    /// The seminar with `id`.
    pub fn seminar(&self, id: &str) -> Option<&Entity<Seminar>> {
        find(&self.seminars, id)
    }

    /// The city with `id`.
    pub fn city(&self, id: &str) -> Option<&Entity<City>> {
        find(&self.cities, id)
    }

    /// The network with `id`.
    pub fn network(&self, id: &str) -> Option<&Entity<Network>> {
        find(&self.networks, id)
    }

    /// The partnership with `id`.
    pub fn partnership(&self, id: &str) -> Option<&Entity<Partnership>> {
        find(&self.partnerships, id)
    }

    /// The holiday list with `id`.
    pub fn holiday_list(&self, id: &str) -> Option<&Entity<Holidays>> {
        find(&self.holidays, id)
    }

    /// Whether the location with `id` is redacted: its address, coordinates, map link
    /// and structured data must never be written anywhere. An unknown id counts as
    /// redacted, so that a mistake hides rather than publishes.
    pub fn is_redacted(&self, location: &str) -> bool {
        self.location(location)
            .is_none_or(|l| l.data.location_type == LocationType::Redacted)
    }

    /// The city id of a location, when it names one.
    pub fn city_of_location(&self, location: &str) -> Option<&str> {
        self.location(location)?.data.city.as_deref()
    }

    /// The services an organization provides.
    pub fn services_of_organization(&self, organization: &str) -> Vec<&Entity<Service>> {
        filter(&self.services, |s| s.organization == organization)
    }

    /// The services given at a location.
    pub fn services_at_location(&self, location: &str) -> Vec<&Entity<Service>> {
        filter(&self.services, |s| {
            s.at_locations.iter().any(|a| a.location == location)
        })
    }

    /// The locations of a service, in the order it lists them.
    pub fn locations_of_service(&self, service: &str) -> Vec<&Entity<Location>> {
        self.service(service).map_or_else(Vec::new, |s| {
            s.data
                .at_locations
                .iter()
                .filter_map(|a| self.location(&a.location))
                .collect()
        })
    }

    /// The cities where a service is given (the cities of its locations).
    pub fn cities_of_service(&self, service: &str) -> Vec<&Entity<City>> {
        let ids: BTreeSet<&str> = self
            .locations_of_service(service)
            .into_iter()
            .filter_map(|l| l.data.city.as_deref())
            .collect();
        pick(&self.cities, &ids)
    }

    /// The services given in a city: at a location in that city.
    pub fn services_in_city(&self, city: &str) -> Vec<&Entity<Service>> {
        filter(&self.services, |s| {
            s.at_locations
                .iter()
                .any(|a| self.city_of_location(&a.location) == Some(city))
        })
    }

    /// The cities where an organization is present: those of its own locations, those
    /// it lists in `cities`, and those of the locations of its services.
    pub fn cities_of_organization(&self, organization: &str) -> Vec<&Entity<City>> {
        let Some(org) = self.organization(organization) else {
            return Vec::new();
        };
        let mut ids: BTreeSet<&str> = org
            .data
            .locations
            .iter()
            .filter_map(|l| self.city_of_location(l))
            .chain(org.data.cities.iter().map(String::as_str))
            .collect();
        for service in self.services_of_organization(organization) {
            for at in &service.data.at_locations {
                ids.extend(self.city_of_location(&at.location));
            }
        }
        pick(&self.cities, &ids)
    }

    /// The organizations present in a city (see [`Directory::cities_of_organization`]).
    pub fn organizations_in_city(&self, city: &str) -> Vec<&Entity<Organization>> {
        self.organizations
            .iter()
            .filter(|o| {
                self.cities_of_organization(&o.id)
                    .iter()
                    .any(|c| c.id == city)
            })
            .collect()
    }

    /// The cities where a seminar has sessions (named directly or through the
    /// session's location).
    pub fn cities_of_seminar(&self, seminar: &str) -> Vec<&Entity<City>> {
        let Some(s) = self.seminar(seminar) else {
            return Vec::new();
        };
        let ids: BTreeSet<&str> = s
            .data
            .sessions
            .iter()
            .flat_map(|session| {
                let by_location = session
                    .location
                    .as_deref()
                    .and_then(|l| self.city_of_location(l));
                session.city.as_deref().into_iter().chain(by_location)
            })
            .collect();
        pick(&self.cities, &ids)
    }

    /// The seminars with a session in a city.
    pub fn seminars_in_city(&self, city: &str) -> Vec<&Entity<Seminar>> {
        self.seminars
            .iter()
            .filter(|s| self.cities_of_seminar(&s.id).iter().any(|c| c.id == city))
            .collect()
    }

    /// The seminars an organization organizes, delivers or funds.
    pub fn seminars_of_organization(&self, organization: &str) -> Vec<&Entity<Seminar>> {
        filter(&self.seminars, |s| {
            s.organizer == organization
                || s.delivered_by.iter().any(|o| o == organization)
                || s.funders.iter().any(|o| o == organization)
        })
    }

    /// The seminars of a network.
    pub fn seminars_of_network(&self, network: &str) -> Vec<&Entity<Seminar>> {
        filter(&self.seminars, |s| s.network.as_deref() == Some(network))
    }

    /// The networks a city is a member of.
    pub fn networks_of_city(&self, city: &str) -> Vec<&Entity<Network>> {
        filter(&self.networks, |n| n.members.iter().any(|m| m.city == city))
    }

    /// The networks an organization coordinates, supports or is a member of.
    pub fn networks_of_organization(&self, organization: &str) -> Vec<&Entity<Network>> {
        filter(&self.networks, |n| {
            n.coordinator.as_deref() == Some(organization)
                || n.supporters.iter().any(|s| s.organization == organization)
                || n.member_organizations.iter().any(|o| o == organization)
        })
    }

    /// The partnerships an organization is a party to.
    pub fn partnerships_of(&self, organization: &str) -> Vec<&Entity<Partnership>> {
        filter(&self.partnerships, |p| {
            p.parties.iter().any(|o| o == organization)
        })
    }

    /// Referral pathways into a service: the services that send people to it, each
    /// with its referral.
    pub fn referrals_to_service(&self, service: &str) -> Vec<(&Entity<Service>, &Referral)> {
        self.services
            .iter()
            .flat_map(|s| s.data.referrals.iter().map(move |r| (s, r)))
            .filter(|(_, r)| r.service.as_deref() == Some(service))
            .collect()
    }

    /// Referral pathways into an organization: referrals that name it, or one of its
    /// services, each with the service that refers.
    pub fn referrals_to_organization(
        &self,
        organization: &str,
    ) -> Vec<(&Entity<Service>, &Referral)> {
        self.services
            .iter()
            .flat_map(|s| s.data.referrals.iter().map(move |r| (s, r)))
            .filter(|(_, r)| match (&r.organization, &r.service) {
                (Some(o), _) => o == organization,
                (None, Some(s)) => self
                    .service(s)
                    .is_some_and(|s| s.data.organization == organization),
                (None, None) => false,
            })
            .collect()
    }

    /// The validated schedules of a service, one per location with a schedule.
    pub fn openings_of_service(&self, service: &str) -> &[ServiceOpening] {
        let Some(index) = self.service_index(service) else {
            return &[];
        };
        let start = self.openings.partition_point(|o| o.service < index);
        let end = self.openings.partition_point(|o| o.service <= index);
        &self.openings[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn entity<T: serde::de::DeserializeOwned>(id: &str, yaml: &str) -> Entity<T> {
        Entity {
            id: id.into(),
            file: PathBuf::from(format!("{id}.yaml")),
            data: serde_yaml::from_str(yaml).expect("test YAML parses"),
        }
    }

    fn directory() -> Directory {
        let mut d = Directory::empty();
        d.organizations = vec![
            entity("acogida", "{name: Acogida, kind: ngo, cities: [getafe]}"),
            entity("ayuda", "{name: Ayuda, kind: ngo, locations: [oficina]}"),
            entity("red-org", "{name: Red, kind: network}"),
        ];
        d.locations = vec![
            entity(
                "casa",
                "{name: Casa, location_type: redacted, city: madrid}",
            ),
            entity(
                "oficina",
                "{name: Oficina, location_type: physical, city: madrid}",
            ),
            entity(
                "sala",
                "{name: Sala, location_type: physical, city: atenas}",
            ),
        ];
        d.cities = vec![
            entity("atenas", "{name: Atenas, country: GR}"),
            entity("getafe", "{name: Getafe, country: ES}"),
            entity("madrid", "{name: Madrid, country: ES}"),
        ];
        d.services = vec![
            entity(
                "acogida-refugio",
                "{organization: acogida, name: R, summary: S, at_locations: [{location: casa}], \
                 referrals: [{service: ayuda-legal}]}",
            ),
            entity(
                "ayuda-legal",
                "{organization: ayuda, name: L, summary: S, at_locations: [{location: oficina}], \
                 referrals: [{organization: acogida}]}",
            ),
        ];
        d.seminars = vec![entity(
            "taller",
            "{title: T, organizer: red-org, delivered_by: [ayuda], network: red, sessions: \
             [{start: 2026-12-01T09:00, end: 2026-12-01T13:00, zone: Europe/Athens, location: sala}]}",
        )];
        d.networks = vec![entity(
            "red",
            "{name: Red, coordinator: red-org, members: [{city: atenas}, {city: getafe}]}",
        )];
        d.partnerships = vec![entity(
            "acogida-ayuda",
            "{parties: [acogida, ayuda], kinds: [referral]}",
        )];
        d
    }

    fn ids<T>(list: Vec<&Entity<T>>) -> Vec<&str> {
        list.into_iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn looks_up_by_id() {
        let d = directory();
        assert_eq!(d.city("getafe").map(|c| c.id.as_str()), Some("getafe"));
        assert!(d.city("bilbao").is_none());
        assert_eq!(d.service_index("ayuda-legal"), Some(1));
        assert!(d.is_redacted("casa"));
        assert!(!d.is_redacted("oficina"));
        assert!(d.is_redacted("unknown"), "unknown locations are hidden");
    }

    #[test]
    fn derives_the_contents_of_a_city() {
        let d = directory();
        assert_eq!(
            ids(d.services_in_city("madrid")),
            ["acogida-refugio", "ayuda-legal"]
        );
        assert_eq!(ids(d.organizations_in_city("madrid")), ["acogida", "ayuda"]);
        assert_eq!(ids(d.organizations_in_city("getafe")), ["acogida"]);
        assert_eq!(ids(d.seminars_in_city("atenas")), ["taller"]);
        assert!(d.seminars_in_city("madrid").is_empty());
        assert_eq!(ids(d.networks_of_city("getafe")), ["red"]);
        assert_eq!(
            ids(d.cities_of_organization("acogida")),
            ["getafe", "madrid"]
        );
    }

    #[test]
    fn derives_the_relations_of_an_organization() {
        let d = directory();
        assert_eq!(ids(d.services_of_organization("ayuda")), ["ayuda-legal"]);
        assert_eq!(ids(d.partnerships_of("ayuda")), ["acogida-ayuda"]);
        assert_eq!(ids(d.seminars_of_organization("ayuda")), ["taller"]);
        assert_eq!(ids(d.networks_of_organization("red-org")), ["red"]);
        assert_eq!(ids(d.seminars_of_network("red")), ["taller"]);
        let into_ayuda = d.referrals_to_organization("ayuda");
        assert_eq!(into_ayuda.len(), 1);
        assert_eq!(into_ayuda[0].0.id, "acogida-refugio");
        assert_eq!(d.referrals_to_service("ayuda-legal").len(), 1);
        assert_eq!(d.referrals_to_organization("acogida").len(), 1);
    }

    #[test]
    fn unknown_ids_give_nothing() {
        let d = directory();
        assert!(d.services_of_organization("nadie").is_empty());
        assert!(d.cities_of_organization("nadie").is_empty());
        assert!(d.openings_of_service("nadie").is_empty());
        assert!(d.locations_of_service("nadie").is_empty());
    }
}
