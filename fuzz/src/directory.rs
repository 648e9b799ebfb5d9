//! Target `directory_yaml`: one directory file as text → parsed and validated with
//! three real entities of the example site beside it
//! ([`puerta::directory::Directory::from_texts`]), then the schedules that passed
//! expanded and written out, as pages and calendars do.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{Duration, TimeZone, Utc};
use puerta::directory::{Directory, Kind};

use super::{assert_placed, example_config, repository_root, Outcome};

/// Entities of the example site given beside the input, so that its references to
/// them resolve (and its references to anything else do not): (kind, id).
const CONTEXT: [(Kind, &str); 3] = [
    (Kind::City, "madrid"),
    (Kind::Organization, "iom"),
    (Kind::Location, "progestion-madrid"),
];

/// The id of the input's entity.
const ID: &str = "fuzz";

fn context() -> &'static [(Kind, String, String)] {
    static TEXTS: OnceLock<Vec<(Kind, String, String)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let texts: Vec<_> = CONTEXT
            .iter()
            .map(|&(kind, id)| {
                let path = repository_root()
                    .join("content/directory")
                    .join(kind.dir())
                    .join(format!("{id}.yaml"));
                let text = std::fs::read_to_string(&path).expect("the example file exists");
                (kind, id.to_string(), text)
            })
            .collect();
        let (_, errors) = Directory::from_texts(example_config(), &texts);
        assert!(errors.is_empty(), "the context has errors: {errors:?}");
        texts
    })
}

/// Reads `data` as `content/directory/<kind>/fuzz.yaml`, the kind chosen by the first
/// byte, the text being the rest (bytes that are not UTF-8 replaced: the `front_matter`
/// target covers them). Invariants: every problem of the input is placed in its text
/// and no other file gets one; an entity that loads has the input's id; every valid
/// schedule expands and reads out in every language.
pub fn directory_yaml(data: &[u8]) -> Outcome {
    let Some((&first, rest)) = data.split_first() else {
        return Outcome::Output { diagnostics: 0 };
    };
    let kind = Kind::ALL[usize::from(first) % Kind::ALL.len()];
    let text = String::from_utf8_lossy(rest).into_owned();
    let file = PathBuf::from("content/directory")
        .join(kind.dir())
        .join(format!("{ID}.yaml"));
    let mut texts = context().to_vec();
    texts.push((kind, ID.to_string(), text.clone()));
    let (directory, errors) = Directory::from_texts(example_config(), &texts);
    for d in &errors {
        assert_placed(d, &file, &text, 1);
    }
    let config = example_config();
    let now = Utc
        .with_ymd_and_hms(2026, 11, 26, 10, 0, 0)
        .single()
        .expect("a date");
    for o in &directory.openings {
        assert_eq!(directory.services[o.service].id, ID);
        let next = o.opening.next(now, 3);
        assert!(next.len() <= 3);
        assert!(
            next.windows(2).all(|w| w[0].start <= w[1].start),
            "unordered"
        );
        let month = o.opening.occurrences(now, now + Duration::days(31));
        for occurrence in next.iter().chain(&month) {
            assert!(occurrence.start <= occurrence.end, "ends before it starts");
            for lang in &config.languages {
                assert!(!puerta::schedule::format_next(lang, occurrence).is_empty());
            }
        }
        for lang in &config.languages {
            puerta::schedule::format_rules(lang, &o.opening);
        }
    }
    let loaded = [
        directory.services.iter().any(|e| e.id == ID),
        directory.organizations.iter().any(|e| e.id == ID),
        directory.locations.iter().any(|e| e.id == ID),
        directory.seminars.iter().any(|e| e.id == ID),
        directory.cities.iter().any(|e| e.id == ID),
        directory.networks.iter().any(|e| e.id == ID),
        directory.partnerships.iter().any(|e| e.id == ID),
        directory.holidays.iter().any(|e| e.id == ID),
    ];
    match (loaded.iter().filter(|l| **l).count(), errors.len()) {
        (0, 0) => panic!("neither loaded nor refused"),
        (0, n) => Outcome::Refused { diagnostics: n },
        (1, n) => Outcome::Output { diagnostics: n },
        (_, _) => panic!("loaded as two kinds"),
    }
}
