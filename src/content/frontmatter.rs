//! Front matter: the YAML block between `---` lines at the top of a Markdown file,
//! parsed into [`FrontMatter`] with every error at its place in the file.

use serde::Deserialize;

/// Who an article is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Lawyers, case workers, municipal staff.
    Professional,
    /// Migrants, refugees, anyone.
    Public,
}

impl Audience {
    /// The name used in templates and locale keys (`audience-<name>`).
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Professional => "professional",
            Audience::Public => "public",
        }
    }
}

/// An author line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// Name as printed.
    pub name: String,
    /// Role or affiliation.
    #[serde(default)]
    pub role: Option<String>,
}

/// A citation of a law, checked against `content/laws/` by the legal stage.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Key of a law in `content/laws/`.
    pub law: String,
    /// Articles cited, as written ("31.3").
    #[serde(default)]
    pub articles: Vec<String>,
}

/// When and by whom the legal content was last reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalReview {
    /// Review date, `YYYY-MM-DD`.
    pub date: String,
    /// Reviewer.
    #[serde(default)]
    pub by: Option<String>,
}

/// Front matter as written (DESIGN.md §4.2); dates and references are checked later.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Title.
    pub title: String,
    /// Publication date, `YYYY-MM-DD` or RFC 3339; required for articles.
    #[serde(default)]
    pub date: Option<String>,
    /// Date of the last edit.
    #[serde(default)]
    pub updated: Option<String>,
    /// Plain-text summary for lists, feeds and meta descriptions.
    #[serde(default)]
    pub summary: Option<String>,
    /// A term code of `taxonomies/categories.yaml`.
    #[serde(default)]
    pub category: Option<String>,
    /// Term codes of `taxonomies/tags.yaml`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Intended readers.
    #[serde(default)]
    pub audience: Option<Audience>,
    /// Authors.
    #[serde(default)]
    pub authors: Vec<Author>,
    /// Laws cited.
    #[serde(default)]
    pub cites: Vec<Citation>,
    /// Last legal review.
    #[serde(default)]
    pub legal_review: Option<LegalReview>,
    /// Related directory services.
    #[serde(default)]
    pub services: Vec<String>,
    /// URL segment in this language; defaults to the key.
    #[serde(default)]
    pub slug: Option<String>,
    /// Drafts are left out unless `--drafts` is given.
    #[serde(default)]
    pub draft: bool,
    /// The language this text was translated from and the hash of that text then.
    #[serde(default)]
    pub translated_from: Option<super::stamp::Stamp>,
}

/// A Markdown file split into front matter and body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// YAML text between the fences.
    pub yaml: &'a str,
    /// Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Splits `text` at its `---` fences; `None` when the file has no front matter.
pub fn split(text: &str) -> Option<Split<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + yaml.lines().count() + 1;
            return Some(Split {
                yaml,
                body,
                body_line,
            });
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_body_line() {
        let s = split("---\ntitle: x\ndate: 2026-01-01\n---\n\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: x\ndate: 2026-01-01\n");
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn rejects_unclosed_front_matter() {
        assert!(split("---\ntitle: x\n").is_none());
        assert!(split("title: x\n").is_none());
    }
}
