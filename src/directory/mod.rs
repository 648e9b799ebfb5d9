//! The directory: organizations, services, locations, seminars, cities, networks and
//! partnerships, one YAML file each under `content/directory/<kind>/<id>.yaml`.
//!
//! Stage: load and validate. Input: the site root and configuration. Output: a
//! validated [`Directory`] whose references all resolve, or every problem found.

pub mod types;

use std::path::PathBuf;

use crate::schedule::Opening;
use crate::taxonomy::Taxonomy;
use types::{City, Holidays, Location, Network, Organization, Partnership, Seminar, Service};

/// One entity: its id (the file name), its file and its content.
#[derive(Debug, Clone)]
pub struct Entity<T> {
    /// Id, the file name without `.yaml`.
    pub id: String,
    /// File relative to the site root, for diagnostics.
    pub file: PathBuf,
    /// The content as written (every reference in it resolves).
    pub data: T,
}

/// A service's schedule at one of its locations, validated.
#[derive(Debug, Clone)]
pub struct ServiceOpening {
    /// Index in [`Directory::services`].
    pub service: usize,
    /// Location id.
    pub location: String,
    /// The schedule.
    pub opening: Opening,
}

/// The whole directory, validated. Every list is sorted by id.
#[derive(Debug, Clone)]
pub struct Directory {
    /// Organizations.
    pub organizations: Vec<Entity<Organization>>,
    /// Services.
    pub services: Vec<Entity<Service>>,
    /// Locations.
    pub locations: Vec<Entity<Location>>,
    /// Seminars.
    pub seminars: Vec<Entity<Seminar>>,
    /// Cities.
    pub cities: Vec<Entity<City>>,
    /// Networks.
    pub networks: Vec<Entity<Network>>,
    /// Partnerships.
    pub partnerships: Vec<Entity<Partnership>>,
    /// Holiday lists.
    pub holidays: Vec<Entity<Holidays>>,
    /// Validated schedules of services, in service order then location order.
    pub openings: Vec<ServiceOpening>,
    /// `taxonomies/service-areas.yaml`.
    pub areas: Taxonomy,
    /// `taxonomies/eligibility.yaml`.
    pub eligibility: Taxonomy,
}
