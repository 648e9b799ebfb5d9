//! Texts of new content files: every field present, optional ones commented out with
//! what they mean, so that an editor fills in a form instead of reading the format.
//! References are filled with ids that exist in the site when there are any, so the
//! new file validates as written.

/// A directory file for `kind` (`services`, `organizations`…); `ids` gives the existing
/// ids of another kind (`organizations`, `locations`, `cities`…), sorted.
pub fn directory(kind: &str, id: &str, ids: &dyn Fn(&str) -> Vec<String>) -> Option<String> {
    let name = id.replace('-', " ");
    let nth = |kind: &str, n: usize| {
        ids(kind)
            .into_iter()
            .nth(n)
            .unwrap_or_else(|| format!("{}-id", kind.trim_end_matches('s')))
    };
    let first = |kind: &str| nth(kind, 0);
    Some(match kind {
        "organizations" => format!(
            "# Organization `{id}`. Leave out what you do not know; never guess.\n\
             name: \"{name}\"                   # or {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             kind: ngo                          # ngo | government | intergovernmental | network | association\n\
             # short_name: \"…\"\n\
             # description: {{es: \"…\", el: \"…\", en: \"…\"}}   # Markdown\n\
             # website: https://…\n\
             # email: info@…\n\
             # phones: [\"+34911234567\"]          # E.164: + and country code\n\
             # locations: [{location}]            # ids of content/directory/locations/\n\
             # cities: [{city}]                   # cities where it is present without a place on file\n\
             # languages: [es, ar]                # languages spoken (BCP 47)\n\
             # source: {{name: \"…\", url: https://…}}\n",
            location = first("locations"),
            city = first("cities"),
        ),
        "services" => format!(
            "# Service `{id}`. Leave out what you do not know; never guess.\n\
             organization: {org}                # id of content/directory/organizations/\n\
             name: {{es: \"{name}\", el: \"{name}\", en: \"{name}\"}}\n\
             summary: {{es: \"…\", el: \"…\", en: \"…\"}}    # what it is, in plain words\n\
             # description: {{es: \"…\", el: \"…\", en: \"…\"}}   # Markdown\n\
             # areas: []                          # terms of content/taxonomies/service-areas.yaml\n\
             # eligibility:\n\
             #   description: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             #   criteria: []                     # terms of content/taxonomies/eligibility.yaml\n\
             #   referred_elsewhere: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             # cost: free                         # free | low-cost | paid\n\
             # access: [walk-in]                  # walk-in | appointment | first-come-first-served | referral\n\
             # capacity: 8                        # people per session\n\
             # session_length: PT40M              # ISO 8601 duration\n\
             # languages: [es]\n\
             # sensitive: false                   # true: LGBTI, gender-based violence, shelters (quick exit)\n\
             # at_locations:\n\
             #   - location: {location}\n\
             #     schedule:\n\
             #       zone: Europe/Madrid\n\
             #       weekly: [{{days: [tue], opens: \"09:00\", closes: \"13:00\"}}]\n\
             #       closed: []                   # YYYY-MM-DD\n\
             #       holidays: []                 # ids of content/directory/holidays/\n\
             # documents: [{{es: \"…\", el: \"…\", en: \"…\"}}]   # what to bring\n\
             # how_to_refer: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             # referrals: [{{service: …, note: {{es: \"…\", el: \"…\", en: \"…\"}}}}]\n\
             # verification: {{verified_on: YYYY-MM-DD, source: {{name: \"…\"}}}}\n",
            org = first("organizations"),
            location = first("locations"),
        ),
        "locations" => format!(
            "# Location `{id}`. A shelter is `redacted`: then give its city and nothing else.\n\
             name: \"{name}\"\n\
             location_type: physical            # physical | virtual | redacted\n\
             # address: {{street: \"…\", locality: \"…\", country: ES}}   # postal_code, region if known\n\
             # city: {city}\n\
             # geo: {{lat: 40.4, lon: -3.7, precision: exact}}        # exact | approx | hidden\n\
             # transit: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             # accessibility: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             # url: https://…                     # for a virtual location\n",
            city = first("cities"),
        ),
        "seminars" => format!(
            "# Seminar `{id}`. Sessions only when their dates are published.\n\
             title: {{es: \"{name}\", el: \"{name}\", en: \"{name}\"}}\n\
             organizer: {org}\n\
             # series: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             # summary: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             # delivered_by: []                   # organization ids\n\
             # funders: []\n\
             # topics: [{{es: \"…\", el: \"…\", en: \"…\"}}]\n\
             # audience: {{description: {{es: \"…\", el: \"…\", en: \"…\"}}, closed: true}}\n\
             # registration: invitation           # open | invitation | none\n\
             # attendance: in-person              # in-person | online | mixed\n\
             # network: …\n\
             # sessions:\n\
             #   - {{start: \"YYYY-MM-DDTHH:MM\", end: \"YYYY-MM-DDTHH:MM\", zone: Europe/Athens, city: {city}}}\n\
             # outcomes: [{{text: {{es: \"…\", el: \"…\", en: \"…\"}}, as_of: \"YYYY-MM\", source: {{name: \"…\"}}}}]\n",
            org = first("organizations"),
            city = first("cities"),
        ),
        "cities" => format!(
            "# City `{id}`: its services, organizations and seminars are derived, not typed here.\n\
             name: {{es: \"{name}\", el: \"{name}\", en: \"{name}\"}}\n\
             country: ES                        # ISO 3166-1 alpha-2\n\
             # aliases: []                        # other spellings, for search\n\
             # region: {{es: \"…\", el: \"…\", en: \"…\"}}\n"
        ),
        "networks" => format!(
            "# Network `{id}`.\n\
             name: {{es: \"{name}\", el: \"{name}\", en: \"{name}\"}}\n\
             # description: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             # coordinator: {org}\n\
             # supporters: [{{organization: {org}, since: \"YYYY-MM\"}}]\n\
             # members: [{{city: {city}, joined: \"YYYY\"}}]\n\
             # member_organizations: []\n\
             # source: {{name: \"…\"}}\n",
            org = first("organizations"),
            city = first("cities"),
        ),
        "partnerships" => format!(
            "# Partnership `{id}` between two or more organizations.\n\
             parties: [{org}, {other}]          # ids of content/directory/organizations/\n\
             kinds: [referral]                  # referral | co-delivery | training | housing\n\
             # summary: {{es: \"…\", el: \"…\", en: \"…\"}}\n\
             # offers: [{{from: …, to: …, what: {{es: \"…\", el: \"…\", en: \"…\"}}, services: []}}]\n\
             # since: \"YYYY\"                      # only if known\n\
             # source: {{name: \"…\"}}\n",
            org = first("organizations"),
            other = nth("organizations", 1),
        ),
        "holidays" => format!(
            "# Holiday list `{id}`: services that name it in `holidays:` are closed these days.\n\
             name: {{es: \"{name}\", el: \"{name}\", en: \"{name}\"}}\n\
             dates: []                          # e.g. [{{date: 2026-12-08, name: {{es: \"…\", el: \"…\", en: \"…\"}}}}]\n"
        ),
        _ => return None,
    })
}
