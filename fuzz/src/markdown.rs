//! Target `markdown`: a body in one language → HTML with internal links, inline
//! citations of laws and footnotes ([`puerta::markdown::render`]), and the two passes
//! that read bodies without rendering them ([`puerta::markdown::citations`],
//! [`puerta::markdown::check_links`]).

use std::cell::RefCell;
use std::path::Path;

use puerta::content::Section;
use puerta::law::cite::{articles_text, Reference};
use puerta::markdown::{self, Origin, Resolvers};

use super::{assert_placed, scripts, Outcome};

/// The file the input stands for, as diagnostics name it.
const FILE: &str = "content/blog/fuzz.md";

/// Laws the citation resolver knows (keys of the example site).
const LAWS: [&str; 3] = ["es-lo-4-2000", "es-rd-1155-2024", "gr-n-4939-2022"];

/// Entries the link resolver knows.
const ENTRIES: [(Section, &str); 2] = [(Section::Blog, "arraigo"), (Section::Pages, "about")];

/// Renders `data` (bytes that are not UTF-8 replaced) as a body in es, el or en, chosen
/// by the first byte. Invariants: every problem is placed in the text; the HTML has no
/// more `<script` than the text (raw HTML is the editor's, text never becomes a tag);
/// the table of contents has one non-empty id per heading; the load stage's citations
/// and the renderer find the same citations, and the same malformed ones.
pub fn markdown(data: &[u8]) -> Outcome {
    let Some((&first, rest)) = data.split_first() else {
        return Outcome::Output { diagnostics: 0 };
    };
    let lang = ["es", "el", "en"][usize::from(first) % 3];
    let text = String::from_utf8_lossy(rest);
    let file = Path::new(FILE);
    let origin = Origin {
        file,
        first_line: 1,
    };
    let link = |section: Section, key: &str| {
        ENTRIES
            .contains(&(section, key))
            .then(|| format!("/{lang}/{}/{key}/", section.dir()))
    };
    let cited = RefCell::new(Vec::new());
    let cite = |reference: &Reference, lang: &str| {
        cited.borrow_mut().push(reference.clone());
        if !LAWS.contains(&reference.law.as_str()) {
            return Err("the key of a law".to_string());
        }
        let articles = escape(&articles_text(&reference.articles));
        Ok(format!(
            "<span class=\"law-cite\" lang=\"{lang}\">{articles} {}</span>",
            reference.law
        ))
    };
    let resolvers = Resolvers {
        link: &link,
        cite: &cite,
    };
    let mut errors = Vec::new();
    let rendered = markdown::render(&text, lang, origin, &resolvers, &mut errors);
    for d in &errors {
        assert_placed(d, file, &text, 1);
    }
    assert!(
        scripts(&rendered.html) <= scripts(&text),
        "a <script that the text did not have:\n{}",
        rendered.html
    );
    for heading in &rendered.toc {
        assert!((1..=6).contains(&heading.level), "{heading:?}");
        assert!(!heading.id.is_empty(), "an empty heading id: {heading:?}");
        let plain = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
        assert!(
            !heading.id.chars().all(plain)
                || rendered.html.contains(&format!(" id=\"{}\"", heading.id)),
            "the heading id {:?} is not in the HTML",
            heading.id
        );
    }

    let mut load_errors = Vec::new();
    let found = markdown::citations(&text, origin, &mut load_errors);
    for d in &load_errors {
        assert_placed(d, file, &text, 1);
    }
    for (_, at) in &found {
        assert!(at.line >= 1 && at.col >= 1);
    }
    // What the load stage records (the laws an article cites, for its list of laws and
    // the repeal warnings) is what the page shows.
    let loaded: Vec<&Reference> = found.iter().map(|(r, _)| r).collect();
    let rendered_refs = cited.borrow();
    assert_eq!(
        loaded,
        rendered_refs.iter().collect::<Vec<_>>(),
        "citations found by the loader and by the renderer differ"
    );
    // The renderer reports the malformed citations the loader reports, plus unknown
    // laws and broken links.
    let malformed = |list: &[puerta::diag::Diagnostic]| {
        list.iter()
            .filter(|d| d.problem.to_string().starts_with("invalid citation"))
            .count()
    };
    assert_eq!(
        malformed(&load_errors),
        malformed(&errors),
        "loader {load_errors:?}\nrenderer {errors:?}"
    );

    let mut link_errors = Vec::new();
    let exists = |section: Section, key: &str| ENTRIES.contains(&(section, key));
    markdown::check_links(&text, origin, &exists, &mut link_errors);
    for d in &link_errors {
        assert_placed(d, file, &text, 1);
    }
    Outcome::Output {
        diagnostics: errors.len(),
    }
}

/// The five HTML specials escaped, as the renderer escapes text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
