//! A redacted location (a shelter) never appears in the output: not its name, address
//! details, directions, accessibility notes, coordinates or id, in any file (HTML,
//! feeds, calendars, JSON-LD, open data, sitemap).

mod common;

/// Strings that identify the shelter of `directory-redacted`; none may be published.
const SECRETS: &[&str] = &[
    "Nogalera",
    "Escondida",
    "Tirso de Molina",
    "Magdalena",
    "40.4173",
    "3.7037",
    "40,4173",
    "casa-refugio",
];

#[test]
fn redacted_location_never_reaches_any_output_byte() {
    let built = common::build("directory-redacted");
    let files = built.files();
    assert!(
        files.iter().any(|f| f.ends_with(".ics")),
        "calendars are part of the scan"
    );
    assert!(
        files.iter().any(|f| f.starts_with("es/services/acogida/")),
        "the service page is part of the scan"
    );
    for file in &files {
        let bytes = std::fs::read(built.out.join(file)).expect("output file is readable");
        let text = String::from_utf8_lossy(&bytes);
        for secret in SECRETS {
            assert!(
                !text.contains(secret),
                "{file} leaks `{secret}` of a redacted location"
            );
        }
    }
}

#[test]
fn redacted_location_is_shown_as_confidential_with_its_city_only() {
    let built = common::build("directory-redacted");
    let page = built.read("en/services/acogida/index.html");
    assert!(
        page.contains("Confidential address"),
        "the page says the address is confidential"
    );
    assert!(page.contains("/en/cities/madrid/"), "the city stays public");
    assert!(
        page.contains("Calle Ejemplo, 1"),
        "the public location keeps its address"
    );
}

#[test]
fn sensitive_service_has_a_quick_exit_that_works_without_javascript() {
    let built = common::build("directory-redacted");
    let page = built.page("el/services/acogida/index.html");
    let exit = page
        .find("a", |a| a.has_class("quick-exit"))
        .expect("a quick-exit link");
    assert!(
        exit.attr("href").is_some_and(|h| h.starts_with("https://")),
        "a plain link leaves without JavaScript"
    );
    assert!(
        exit.attr("data-quick-exit").is_some(),
        "the script finds it to leave without history"
    );
    let public = built.read("el/organizations/refugio-org/index.html");
    assert!(
        !public.contains("quick-exit"),
        "only sensitive service pages carry it"
    );
}
