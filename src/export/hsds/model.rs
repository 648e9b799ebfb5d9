//! The HSDS 3.0 objects puerta publishes, as serde structs. Field names are HSDS's own
//! and fields are declared in the order of the HSDS schema, so that serialization is
//! deterministic and reads like the specification. Unknown facts are `None` or empty
//! and left out of the JSON, except where HSDS requires the field: then it is an empty
//! string, never a guess.

use serde::Serialize;

fn is_empty<T>(v: &[T]) -> bool {
    v.is_empty()
}

/// The `/` endpoint of the HSDS API: which version of HSDS the files follow.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// HSDS version, `3.0`.
    pub version: &'static str,
    /// The OpenAPI file that defines the endpoints these files stand for.
    pub openapi_url: &'static str,
}

/// A list endpoint's answer (the API reference's `Page`): everything on one page.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// Number of items in the list.
    pub total_items: usize,
    /// Always 1: a static export has one page.
    pub total_pages: usize,
    /// Always 1.
    pub page_number: usize,
    /// Number of items on this page.
    pub size: usize,
    /// Always true.
    pub first_page: bool,
    /// Always true.
    pub last_page: bool,
    /// Whether the list is empty.
    pub empty: bool,
    /// The items.
    pub contents: Vec<T>,
}

impl<T> Page<T> {
    /// The one page of `contents`.
    pub fn of(contents: Vec<T>) -> Page<T> {
        let n = contents.len();
        Page {
            total_items: n,
            total_pages: 1,
            page_number: 1,
            size: n,
            first_page: true,
            last_page: true,
            empty: n == 0,
            contents,
        }
    }
}

/// HSDS `organization`.
#[derive(Debug, Clone, Serialize)]
pub struct Organization {
    /// UUID.
    pub id: String,
    /// Name.
    pub name: String,
    /// Short name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    /// Description (Markdown); required by HSDS, empty when unknown.
    pub description: String,
    /// Contact e-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Phone numbers.
    #[serde(skip_serializing_if = "is_empty")]
    pub phones: Vec<Phone>,
    /// Its published locations (never a redacted one).
    #[serde(skip_serializing_if = "is_empty")]
    pub locations: Vec<Location>,
    /// Its services, one-to-one fields only (the `/organizations/{id}` view).
    #[serde(skip_serializing_if = "is_empty")]
    pub services: Vec<Service>,
}

/// HSDS `service`.
#[derive(Debug, Clone, Serialize)]
pub struct Service {
    /// UUID.
    pub id: String,
    /// UUID of the organization that provides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Name.
    pub name: String,
    /// Summary, then the longer description (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The service's page on the site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `active`: the directory lists only services that run.
    pub status: &'static str,
    /// How another organization refers someone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_process: Option<String>,
    /// Who may come, then who is referred elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    /// Date the information was last checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assured_date: Option<String>,
    /// Where (published locations only) and when.
    #[serde(skip_serializing_if = "is_empty")]
    pub service_at_locations: Vec<ServiceAtLocation>,
    /// Languages the service is given in.
    #[serde(skip_serializing_if = "is_empty")]
    pub languages: Vec<Language>,
    /// The organization, one-to-one fields only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<Box<Organization>>,
    /// `amount: 0` when the service is free.
    #[serde(skip_serializing_if = "is_empty")]
    pub cost_options: Vec<CostOption>,
    /// What to bring.
    #[serde(skip_serializing_if = "is_empty")]
    pub required_documents: Vec<RequiredDocument>,
    /// Service areas and eligibility criteria, as taxonomy terms.
    #[serde(skip_serializing_if = "is_empty")]
    pub attributes: Vec<Attribute>,
}

/// HSDS `service_at_location`.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceAtLocation {
    /// UUID.
    pub id: String,
    /// UUID of the service.
    pub service_id: String,
    /// UUID of the location.
    pub location_id: String,
    /// Opening hours of the service there.
    #[serde(skip_serializing_if = "is_empty")]
    pub schedules: Vec<Schedule>,
    /// The location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The service, one-to-one fields only (the `/service_at_locations/{id}` view).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<Box<Service>>,
}

/// HSDS `location` (never a redacted one).
#[derive(Debug, Clone, Serialize)]
pub struct Location {
    /// UUID.
    pub id: String,
    /// `physical` or `virtual`.
    pub location_type: &'static str,
    /// URL of a virtual location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// UUID of the organization that lists it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Name.
    pub name: String,
    /// How to get there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transportation: Option<String>,
    /// Latitude (WGS84), when the precision is exact or approximate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude (WGS84), likewise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// The postal address.
    #[serde(skip_serializing_if = "is_empty")]
    pub addresses: Vec<Address>,
    /// Step-free access and other accessibility facts.
    #[serde(skip_serializing_if = "is_empty")]
    pub accessibility: Vec<Accessibility>,
}

/// HSDS `address`. HSDS requires every field here; unknown ones are empty strings.
#[derive(Debug, Clone, Serialize)]
pub struct Address {
    /// UUID.
    pub id: String,
    /// UUID of the location.
    pub location_id: String,
    /// Street and number.
    pub address_1: String,
    /// Town.
    pub city: String,
    /// Region or province.
    pub state_province: String,
    /// Postal code.
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// `physical`.
    pub address_type: &'static str,
}

/// HSDS `accessibility`.
#[derive(Debug, Clone, Serialize)]
pub struct Accessibility {
    /// UUID.
    pub id: String,
    /// The facts, in words.
    pub description: String,
}

/// HSDS `phone`.
#[derive(Debug, Clone, Serialize)]
pub struct Phone {
    /// UUID.
    pub id: String,
    /// E.164 number.
    pub number: String,
}

/// HSDS `language`.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// UUID.
    pub id: String,
    /// ISO 639-1 or 639-3 code: the primary subtag of the BCP 47 tag.
    pub code: String,
    /// The whole BCP 47 tag when it says more than the code (`zh-Hant`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// HSDS `cost_option`.
#[derive(Debug, Clone, Serialize)]
pub struct CostOption {
    /// UUID.
    pub id: String,
    /// The price; 0 for a free service.
    pub amount: u32,
}

/// HSDS `required_document`.
#[derive(Debug, Clone, Serialize)]
pub struct RequiredDocument {
    /// UUID.
    pub id: String,
    /// What to bring.
    pub document: String,
}

/// HSDS `attribute`: a taxonomy term applied to the service.
#[derive(Debug, Clone, Serialize)]
pub struct Attribute {
    /// UUID.
    pub id: String,
    /// UUID of the term.
    pub taxonomy_term_id: String,
    /// The term.
    pub taxonomy_term: TaxonomyTerm,
}

/// HSDS `taxonomy_term`.
#[derive(Debug, Clone, Serialize)]
pub struct TaxonomyTerm {
    /// UUID.
    pub id: String,
    /// The term's code in `content/taxonomies/<key>.yaml`.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its description; required by HSDS, empty when there is none.
    pub description: String,
    /// The taxonomy's name.
    pub taxonomy: String,
    /// The language the name is really in (after fallback); absent for a plain string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// HSDS `schedule`: one weekly rule (RFC 5545 RRULE fields) over a validity range.
#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    /// UUID.
    pub id: String,
    /// First day the rule applies (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// Last day the rule applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    /// First occurrence of a one-day schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dtstart: Option<String>,
    /// UTC offset in hours, only for a zone whose offset never changes (no DST).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<f64>,
    /// Last occurrence of a one-day schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// `WEEKLY`.
    pub freq: &'static str,
    /// Days, `TU` or `MO,WE`.
    pub byday: String,
    /// Opening time, `HH:MM`, local wall-clock time in `tzid`.
    pub opens_at: String,
    /// Closing time, likewise.
    pub closes_at: String,
    /// Extension (HSDS allows additional properties): the IANA zone of the times, which
    /// HSDS 3.0's numeric `timezone` cannot express across daylight-saving changes.
    pub tzid: String,
}
