//! Locations (with the rules of redaction) and cities.

use serde::Deserialize;

use crate::localized::Localized;

/// `content/directory/locations/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Name, e.g. "Progestión, Madrid office".
    pub name: Localized,
    /// Physical, virtual or redacted (a shelter: never published).
    pub location_type: LocationType,
    /// Postal address; forbidden for a redacted location.
    #[serde(default)]
    pub address: Option<Address>,
    /// Id of its city (a redacted location may name its city).
    #[serde(default)]
    pub city: Option<String>,
    /// Coordinates; `precision: exact` is forbidden for a redacted location.
    #[serde(default)]
    pub geo: Option<Geo>,
    /// How to get there.
    #[serde(default)]
    pub transit: Option<Localized>,
    /// Step-free access and other accessibility facts.
    #[serde(default)]
    pub accessibility: Option<Localized>,
    /// URL of a virtual location.
    #[serde(default)]
    pub url: Option<String>,
    /// Stamps of its translated texts: for a language, the language they were
    /// translated from and the hash of that language's texts then (README,
    /// "Translations").
    #[serde(default)]
    pub translated_from: crate::content::stamp::EntityStamps,
}

/// Kinds of locations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocationType {
    /// A place people go to.
    Physical,
    /// Online or by phone.
    Virtual,
    /// A place whose address must never be published (a shelter).
    Redacted,
}

/// A postal address.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number, as written locally.
    pub street: String,
    /// Postal code, if known.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// Town as written in the address.
    pub locality: String,
    /// Region or province.
    #[serde(default)]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

/// Coordinates with their precision.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Geo {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// How exact they are.
    pub precision: GeoPrecision,
}

/// How exact coordinates are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GeoPrecision {
    /// The building.
    Exact,
    /// The neighbourhood.
    Approx,
    /// Not to be shown.
    Hidden,
}

/// `content/directory/cities/<id>.yaml`. Its services, organizations, seminars and
/// networks are derived from the other entities, never typed here.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// Name per language ("Atenas", "Αθήνα", "Athens").
    pub name: Localized,
    /// Other spellings and transliterations, for search ("Athina").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Region.
    #[serde(default)]
    pub region: Option<Localized>,
    /// Stamps of its translated texts: for a language, the language they were
    /// translated from and the hash of that language's texts then (README,
    /// "Translations").
    #[serde(default)]
    pub translated_from: crate::content::stamp::EntityStamps,
}
