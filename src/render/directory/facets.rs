//! Facets of the directory: for each facet, its values in a stable order and the
//! services that have each value, computed once per build.

use std::collections::BTreeMap;

use crate::directory::Directory;

/// A dimension services can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// Service area (taxonomy term).
    Area,
    /// City of a location.
    City,
    /// Language the service is given in.
    Language,
    /// Access mode.
    Access,
    /// Cost.
    Cost,
}

impl Facet {
    /// URL segment and locale-key stem.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Area => "area",
            Facet::City => "city",
            Facet::Language => "language",
            Facet::Access => "access",
            Facet::Cost => "cost",
        }
    }

    /// Every facet, in display order.
    pub const ALL: [Facet; 5] = [
        Facet::Area,
        Facet::City,
        Facet::Language,
        Facet::Access,
        Facet::Cost,
    ];
}

/// Values of every facet with the services (indexes) that have them.
#[derive(Debug, Clone, Default)]
pub struct Facets {
    values: BTreeMap<Facet, Vec<(String, Vec<usize>)>>,
}

impl Facets {
    /// Computes the facets of `dir`; values keep taxonomy order for areas and id
    /// order otherwise.
    pub fn new(dir: &Directory) -> Facets {
        let mut map: BTreeMap<Facet, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
        for (i, service) in dir.services.iter().enumerate() {
            let s = &service.data;
            let mut add = |facet: Facet, value: String| {
                let list = map.entry(facet).or_default().entry(value).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            };
            for area in &s.areas {
                add(Facet::Area, area.clone());
            }
            for at in &s.at_locations {
                // A confidential place still belongs to its city: the city is public.
                let city = dir.location(&at.location).and_then(|l| l.data.city.clone());
                if let Some(city) = city {
                    add(Facet::City, city);
                }
            }
            for language in &s.languages {
                add(Facet::Language, language.clone());
            }
            for mode in &s.access {
                add(Facet::Access, kebab(mode));
            }
            if let Some(cost) = &s.cost {
                add(Facet::Cost, kebab(cost));
            }
        }
        let mut values = BTreeMap::new();
        for (facet, found) in map {
            let mut list: Vec<(String, Vec<usize>)> = found.into_iter().collect();
            if facet == Facet::Area {
                list.sort_by_key(|(code, _)| dir.areas.find(code).unwrap_or(usize::MAX));
            }
            values.insert(facet, list);
        }
        Facets { values }
    }

    /// Values of one facet.
    pub fn values(&self, facet: Facet) -> &[(String, Vec<usize>)] {
        self.values.get(&facet).map_or(&[], Vec::as_slice)
    }

    /// Every facet with its values, in display order.
    pub fn all(&self) -> impl Iterator<Item = (Facet, &[(String, Vec<usize>)])> {
        Facet::ALL.into_iter().map(|f| (f, self.values(f)))
    }
}

/// The YAML spelling of an enum value (`walk-in`, `low-cost`).
pub fn kebab<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
