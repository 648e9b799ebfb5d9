//! Template stage glue. Input: a shared [`Localizer`] and one language's Tera instance.
//! Output: that instance with a `t()` function (interface strings through Fluent) and a
//! `date` filter (dates written the local way, via [`dates`]), whose errors name the key
//! or the value at fault.

use std::collections::HashMap;
use std::sync::Arc;

use super::{dates, Arg, Localizer};

impl Localizer {
    /// Registers on `tera` (one Tera instance per language) what templates need to
    /// speak `lang`:
    ///
    /// - a function `t(key="…", …)`: every other named argument becomes a Fluent
    ///   variable (strings as text, numbers as numbers, so `count=3` selects plurals,
    ///   booleans as `"true"`/`"false"` for selectors);
    /// - a filter `date` turning `"2026-11-24"`, or an RFC 3339 date-time whose date
    ///   part is taken as written (no time-zone conversion), into the long local form;
    ///   `date(format="short")` and `date(format="full")` give the other forms of
    ///   [`dates`].
    ///
    /// Errors become `tera::Error`s whose message names the key and a did-you-mean;
    /// Tera wraps them ("Function call 't' failed"), so print the error's source chain.
    /// The output is plain text: Tera's autoescaping still applies to it.
    pub fn register(self: &Arc<Self>, tera: &mut tera::Tera, lang: &str) {
        let localizer = Arc::clone(self);
        let function_lang = lang.to_owned();
        tera.register_function("t", move |args: &HashMap<String, tera::Value>| {
            localizer.tera_t(&function_lang, args)
        });
        let filter_lang = lang.to_owned();
        tera.register_filter(
            "date",
            move |value: &tera::Value, args: &HashMap<String, tera::Value>| {
                date_filter(&filter_lang, value, args)
            },
        );
    }

    /// The body of the Tera `t()` function.
    fn tera_t(&self, lang: &str, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = match args.get("key") {
            Some(tera::Value::String(key)) => key,
            Some(other) => {
                return Err(tera::Error::msg(format!(
                    "t(): `key` must be a string, found `{other}`"
                )))
            }
            None => {
                return Err(tera::Error::msg(
                    "t(): missing `key` argument, e.g. t(key=\"nav-home\")",
                ))
            }
        };
        let mut fluent_args = Vec::with_capacity(args.len());
        for (name, value) in args {
            if name == "key" {
                continue;
            }
            let arg = match value {
                tera::Value::String(text) => Arg::Str(text.clone()),
                tera::Value::Number(number) => match number.as_f64() {
                    Some(number) => Arg::Num(number),
                    None => Arg::Str(number.to_string()),
                },
                tera::Value::Bool(flag) => Arg::Str(flag.to_string()),
                other => {
                    return Err(tera::Error::msg(format!(
                        "t(key=\"{key}\"): argument `{name}` must be a string, number or \
                         boolean, found `{other}`"
                    )))
                }
            };
            fluent_args.push((name.as_str(), arg));
        }
        self.t(lang, key, &fluent_args)
            .map(tera::Value::String)
            .map_err(|e| tera::Error::msg(e.to_string()))
    }
}

/// The body of the Tera `date` filter.
fn date_filter(
    lang: &str,
    value: &tera::Value,
    args: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let tera::Value::String(text) = value else {
        return Err(tera::Error::msg(format!(
            "date filter: expected a date string like \"2026-11-24\", found `{value}`"
        )));
    };
    let date = parse_date_part(text).ok_or_else(|| {
        tera::Error::msg(format!(
            "date filter: `{text}` is not a date (YYYY-MM-DD) or an RFC 3339 date-time"
        ))
    })?;
    let written = match args.get("format").map(|f| f.as_str()) {
        None | Some(Some("long")) => dates::long_date(lang, date),
        Some(Some("short")) => dates::short_date(lang, date),
        Some(Some("full")) => dates::full_date(lang, date),
        Some(_) => {
            return Err(tera::Error::msg(
                "date filter: `format` must be \"long\", \"short\" or \"full\"",
            ))
        }
    };
    Ok(tera::Value::String(written))
}

/// The calendar date at the start of `text`: `2026-11-24`, optionally followed by a
/// time (`T…`, `t…` or ` …`) as in RFC 3339. The date is taken as written, because it
/// is the date the author meant in the author's zone.
fn parse_date_part(text: &str) -> Option<chrono::NaiveDate> {
    let (date, rest) = (text.get(..10)?, &text[10..]);
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::i18n::tests::shipped;

    fn tera_for(lang: &str) -> tera::Tera {
        let mut tera = tera::Tera::default();
        Arc::new(shipped()).register(&mut tera, lang);
        tera
    }

    fn render(tera: &mut tera::Tera, template: &str) -> tera::Result<String> {
        let mut context = tera::Context::new();
        context.insert("n", &3);
        context.insert("published", "2026-05-03T09:30:00+03:00");
        // A `.txt` name turns autoescaping off, so that `/` in dates stays readable
        // here; in `.html` templates Tera escapes it as `&#x2F;`, which is harmless.
        tera.add_raw_template("page.txt", template)?;
        tera.render("page.txt", &context)
    }

    #[test]
    fn tera_function_and_filter_render_through_tera() {
        let mut el = tera_for("el");
        let html = render(
            &mut el,
            r#"{{ t(key="blog-count", count=n) }} | {{ t(key="article-published", date=published | date) }} | {{ "2026-11-24" | date(format="short") }}"#,
        )
        .unwrap();
        assert_eq!(html, "3 άρθρα | Δημοσίευση: 3 Μαΐου 2026 | 24/11/2026");

        let mut es = tera_for("es");
        let html = render(
            &mut es,
            r#"{{ t(key="blog-count", count=1) }}, {{ "2026-11-24" | date }}"#,
        )
        .unwrap();
        assert_eq!(html, "1 artículo, 24 de noviembre de 2026");
    }

    /// The whole chain of a Tera error, which wraps ours a few levels deep.
    fn chain(error: &tera::Error) -> String {
        let mut text = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            text.push_str(" / ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        text
    }

    #[test]
    fn tera_errors_name_the_key_and_a_suggestion() {
        let mut en = tera_for("en");
        let error = render(&mut en, r#"{{ t(key="nav-hom") }}"#).unwrap_err();
        let text = chain(&error);
        assert!(
            text.contains("`nav-hom`") && text.contains("did you mean `nav-home`?"),
            "{text}"
        );

        let error = render(&mut en, r#"{{ "24/11/2026" | date }}"#).unwrap_err();
        assert!(chain(&error).contains("is not a date"), "{}", chain(&error));
    }
}
