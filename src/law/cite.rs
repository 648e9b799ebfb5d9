//! Citations of laws: the inline syntax of Markdown bodies and the way articles are
//! written out.
//!
//! In a body, `[@es-lo-4-2000, 31.3]` cites article 31.3 of the law `es-lo-4-2000`
//! (a file of `content/laws/`), `[@es-rd-557-2011, 123-130]` a range of articles,
//! `[@gr-n-4939-2022, 5, 7]` two articles and `[@es-lo-4-2000]` the law as a whole. The
//! form is Pandoc's citation syntax, which legal writers may know; it needs no
//! closing tag, and the page shows it in its own language ("art. 31.3 LO 4/2000",
//! "άρθρο 31.3 LO 4/2000"). Write `\[@` for a literal bracket followed by `@`.

/// A citation as written: a law key and the articles cited (none for the whole law).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Key of a law of `content/laws/`.
    pub law: String,
    /// Articles as written, trimmed ("31.3", "123-130").
    pub articles: Vec<String>,
}

/// What an inline citation should look like, for error messages.
pub const EXPECTED: &str =
    "`[@<law key>]` or `[@<law key>, <article>, …]`, e.g. `[@es-lo-4-2000, 31.3]`";

/// Parses the text between the brackets of an inline citation (`@key, 31.3`); `None`
/// when the text does not start with `@` (it is not a citation at all).
pub fn parse(text: &str) -> Option<Result<Reference, &'static str>> {
    let rest = text.trim().strip_prefix('@')?;
    let mut parts = rest.split(',');
    let key = parts.next().unwrap_or_default().trim();
    let key_ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !key_ok {
        return Some(Err(EXPECTED));
    }
    let mut articles = Vec::new();
    for part in parts {
        let article = part.split_whitespace().collect::<Vec<_>>().join(" ");
        if !valid_article(&article) {
            return Some(Err(EXPECTED));
        }
        articles.push(article);
    }
    Some(Ok(Reference {
        law: key.to_string(),
        articles,
    }))
}

/// An article as a legal text numbers it: digits and letters ("31", "31.3", "57 bis",
/// "DA 1ª"), a range with `-` or `–`.
pub fn valid_article(article: &str) -> bool {
    !article.is_empty()
        && article.chars().any(char::is_alphanumeric)
        && article
            .chars()
            .all(|c| c.is_alphanumeric() || " .-–()/ªº".contains(c))
}

/// The articles as shown: ranges with an en dash, several articles joined by commas
/// ("123–130", "31.3, 57").
pub fn articles_text(articles: &[String]) -> String {
    articles
        .iter()
        .map(|a| a.replace(" - ", "–").replace('-', "–"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many articles are cited, for the plural of "art." / "arts.": a range or a list
/// counts as several.
pub fn articles_count(articles: &[String]) -> usize {
    match articles {
        [one] if !one.contains(['-', '–']) => 1,
        [_] => 2,
        many => many.len(),
    }
}

/// The anchor of an article in a BOE consolidated text (`#aN`): `a31` for "31.3" or
/// "31", `a57bis` for "57 bis", `a123` for the range "123-130"; `None` when the article
/// does not start with its number.
pub fn anchor(article: &str) -> Option<String> {
    let digits: String = article.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let rest = article[digits.len()..].trim_start();
    let suffix = ["bis", "ter", "quater", "quinquies"]
        .into_iter()
        .find(|s| {
            rest.strip_prefix(s)
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
        })
        .unwrap_or("");
    Some(format!("a{digits}{suffix}"))
}

/// Adds the articles of `reference` to the list of citations of one text: one entry
/// per law, in order of first citation, articles in order without repeats.
pub fn merge<T>(list: &mut Vec<(T, Vec<String>)>, law: T, articles: &[String])
where
    T: PartialEq,
{
    let at = match list.iter().position(|(l, _)| *l == law) {
        Some(at) => at,
        None => {
            list.push((law, Vec::new()));
            list.len() - 1
        }
    };
    for a in articles {
        if !list[at].1.contains(a) {
            list[at].1.push(a.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_keys_articles_ranges_and_refuses_the_rest() {
        assert_eq!(parse("not a citation"), None);
        assert_eq!(
            parse("@es-lo-4-2000, 31.3"),
            Some(Ok(Reference {
                law: "es-lo-4-2000".into(),
                articles: vec!["31.3".into()]
            }))
        );
        let r = parse(" @es-rd-557-2011 ,  123-130 , 57  bis")
            .unwrap()
            .unwrap();
        assert_eq!(r.articles, ["123-130", "57 bis"]);
        assert_eq!(parse("@es-lo-4-2000").unwrap().unwrap().articles.len(), 0);
        assert!(parse("@").unwrap().is_err());
        assert!(parse("@ES-LO, 3").unwrap().is_err());
        assert!(parse("@es-lo-4-2000, ").unwrap().is_err());
        assert!(parse("@es-lo-4-2000, <b>").unwrap().is_err());
    }

    #[test]
    fn writes_articles_counts_plurals_and_boe_anchors() {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(articles_text(&list(&["123-130"])), "123–130");
        assert_eq!(articles_text(&list(&["31.3", "57"])), "31.3, 57");
        assert_eq!(articles_count(&list(&["31.3"])), 1);
        assert_eq!(articles_count(&list(&["123–130"])), 2);
        assert_eq!(articles_count(&list(&["1", "2", "3"])), 3);
        assert_eq!(anchor("31.3").as_deref(), Some("a31"));
        assert_eq!(anchor("57 bis").as_deref(), Some("a57bis"));
        assert_eq!(anchor("123–130").as_deref(), Some("a123"));
        assert_eq!(anchor("5 bistro").as_deref(), Some("a5"));
        assert_eq!(anchor("DA 1ª"), None);
    }

    #[test]
    fn merges_citations_per_law_in_order() {
        let mut list: Vec<(&str, Vec<String>)> = Vec::new();
        merge(&mut list, "b", &["1".into()]);
        merge(&mut list, "a", &[]);
        merge(&mut list, "b", &["2".into(), "1".into()]);
        assert_eq!(
            list,
            vec![("b", vec!["1".into(), "2".into()]), ("a", vec![])]
        );
    }
}
