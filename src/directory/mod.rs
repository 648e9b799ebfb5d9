//! The directory: organizations, services, locations, seminars, cities, networks and
//! partnerships, one YAML file each under `content/directory/<kind>/<id>.yaml`.
//!
//! Stage: load and validate. Input: the site root and configuration. Output: a
//! validated [`Directory`] whose references all resolve, or every problem found.
//! [`Directory::load`] reads the files in parallel (module `load`), checks formats
//! and references (modules `validate`, `service`, `check`) and builds the openings
//! of services; [`relations`] derives what is never typed twice (the services of a
//! city…); [`values`] parses the formats of values (dates, durations, phones…) and
//! [`hints`] guesses what a mistyped value meant.

mod check;
pub mod hints;
mod load;
pub(crate) mod place;
pub mod relations;
mod service;
pub mod types;
mod validate;
pub mod values;

use std::path::PathBuf;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::schedule::Opening;
use crate::taxonomy::Taxonomy;
use check::Index;
pub use check::Kind;
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

impl Directory {
    /// A directory with nothing in it (a site without `content/directory/`).
    pub fn empty() -> Directory {
        Directory {
            organizations: Vec::new(),
            services: Vec::new(),
            locations: Vec::new(),
            seminars: Vec::new(),
            cities: Vec::new(),
            networks: Vec::new(),
            partnerships: Vec::new(),
            holidays: Vec::new(),
            openings: Vec::new(),
            areas: Taxonomy::empty(AREAS),
            eligibility: Taxonomy::empty(ELIGIBILITY),
        }
    }

    /// Reads `content/directory/<kind>/<id>.yaml` for every kind (and the holiday
    /// lists of `holidays/`), the taxonomies `service-areas` and `eligibility`, and
    /// validates everything: shapes and unknown fields, value formats, references
    /// between entities and to taxonomy terms, and the rule that a redacted location
    /// carries nothing that places it.
    ///
    /// Gives back what loaded, even when there are problems, with every error found
    /// (sorted by place). A site without `content/directory/` has an empty directory.
    /// The taxonomies' own warnings stay in [`Taxonomy::warnings`].
    pub fn load(config: &Config) -> (Directory, Vec<Diagnostic>) {
        let ((areas, eligibility), files) = rayon::join(
            || {
                (
                    Taxonomy::load(config, AREAS),
                    Taxonomy::load(config, ELIGIBILITY),
                )
            },
            || load::read(config),
        );
        Directory::validated(config, (areas, eligibility), files)
    }

    /// [`Directory::load`] of texts already read, `(kind, id, text)`, each placed in
    /// diagnostics as `content/directory/<kind>/<id>.yaml`; the taxonomies are read from
    /// the site as by `load`. For tools and fuzzing, which have no folder of files.
    pub fn from_texts(
        config: &Config,
        texts: &[(Kind, String, String)],
    ) -> (Directory, Vec<Diagnostic>) {
        let taxonomies = (
            Taxonomy::load(config, AREAS),
            Taxonomy::load(config, ELIGIBILITY),
        );
        Directory::validated(config, taxonomies, load::from_texts(texts))
    }

    /// Validates what was read: the taxonomies of areas and eligibility, and the files.
    fn validated(
        config: &Config,
        (areas, eligibility): (
            Result<Taxonomy, Vec<Diagnostic>>,
            Result<Taxonomy, Vec<Diagnostic>>,
        ),
        files: load::Files,
    ) -> (Directory, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let mut keep = |result: Result<Taxonomy, Vec<Diagnostic>>| match result {
            Ok(t) => Some(t),
            Err(e) => {
                errors.extend(e);
                None
            }
        };
        let (areas, eligibility) = (keep(areas), keep(eligibility));
        let mut files = files;
        errors.append(&mut files.errors);

        let (diags, openings) = {
            let mut index = Index::default();
            index.areas = areas.as_ref();
            index.eligibility = eligibility.as_ref();
            for (kind, id) in &files.ids {
                index.add(*kind, id);
            }
            index.seal();
            index.service_org = files
                .services
                .iter()
                .map(|p| (p.entity.id.as_str(), p.entity.data.organization.as_str()))
                .collect();
            index.location_city = files
                .locations
                .iter()
                .map(|p| (p.entity.id.as_str(), p.entity.data.city.as_deref()))
                .collect();
            index.holidays = files
                .holidays
                .iter()
                .map(|p| {
                    let dates = p.entity.data.dates.iter();
                    let dates = dates.filter_map(|d| values::parse_date(&d.date));
                    (p.entity.id.as_str(), dates.collect())
                })
                .collect();
            validate::all(config, &index, &files)
        };
        errors.extend(diags);
        errors.sort_by(|a, b| a.span.cmp(&b.span));

        let directory = Directory {
            organizations: entities(files.organizations),
            services: entities(files.services),
            locations: entities(files.locations),
            seminars: entities(files.seminars),
            cities: entities(files.cities),
            networks: entities(files.networks),
            partnerships: entities(files.partnerships),
            holidays: entities(files.holidays),
            openings: openings
                .into_iter()
                .map(|(service, location, opening)| ServiceOpening {
                    service,
                    location,
                    opening,
                })
                .collect(),
            areas: areas.unwrap_or_else(|| Taxonomy::empty(AREAS)),
            eligibility: eligibility.unwrap_or_else(|| Taxonomy::empty(ELIGIBILITY)),
        };
        (directory, errors)
    }
}

/// Key of the taxonomy of service areas.
const AREAS: &str = "service-areas";
/// Key of the taxonomy of eligibility criteria.
const ELIGIBILITY: &str = "eligibility";

fn entities<T>(list: Vec<load::Parsed<T>>) -> Vec<Entity<T>> {
    list.into_iter().map(|p| p.entity).collect()
}
