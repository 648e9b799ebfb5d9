//! Opening schedules of services and holiday lists.

use serde::Deserialize;

use crate::localized::Localized;

/// Opening hours: weekly rules in one zone, within a validity range, minus closed
/// dates and holidays, with occasional changed hours.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// IANA time zone, e.g. `Europe/Madrid`.
    pub zone: String,
    /// Weekly opening rules.
    pub weekly: Vec<WeeklyRule>,
    /// First day the rules apply.
    #[serde(default)]
    pub valid_from: Option<String>,
    /// Last day the rules apply.
    #[serde(default)]
    pub valid_until: Option<String>,
    /// Dates when it is closed.
    #[serde(default)]
    pub closed: Vec<String>,
    /// Dates with other hours than usual.
    #[serde(default)]
    pub changed: Vec<ChangedHours>,
    /// Ids of holiday lists under `content/directory/holidays/`: closed on those days.
    #[serde(default)]
    pub holidays: Vec<String>,
}

/// "Tuesdays 09:00–13:00".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyRule {
    /// Days: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`.
    pub days: Vec<String>,
    /// Opening time, `HH:MM`.
    pub opens: String,
    /// Closing time, `HH:MM`, after `opens`.
    pub closes: String,
}

/// Other hours on one date.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangedHours {
    /// The date.
    pub date: String,
    /// Opening time that day.
    pub opens: String,
    /// Closing time that day.
    pub closes: String,
}

/// `content/directory/holidays/<id>.yaml`: days when services that use the list close.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holidays {
    /// Name of the list, e.g. "Madrid public holidays".
    pub name: Localized,
    /// The days.
    pub dates: Vec<HolidayDate>,
    /// Stamps of its translated texts: for a language, the language they were
    /// translated from and the hash of that language's texts then (README,
    /// "Translations").
    #[serde(default)]
    pub translated_from: crate::content::stamp::EntityStamps,
}

/// One holiday.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayDate {
    /// The date.
    pub date: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<Localized>,
}
