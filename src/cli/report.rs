//! `puerta report reviews|translations`: lists for editors, on standard output, as
//! text or JSON. Warnings of the site go to standard error; the exit code is 0 when
//! the site loads, whatever the lists hold.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use clap::Subcommand;
use puerta::BuildOptions;

use super::build::parse_now;
use super::{print_diagnostics, report_error, Failure};

/// Options of `puerta report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which report.
    #[command(subcommand)]
    pub what: What,
}

/// The reports.
#[derive(Debug, Subcommand)]
pub enum What {
    /// Articles whose last legal review is too old, older than a change (entry into
    /// force, amendment, repeal) of a law they cite, or missing while they cite laws.
    Reviews(ReviewsArgs),
    /// Per language, the articles, pages, directory texts and interface strings that
    /// are missing, or older than the text they were translated from.
    Translations(TranslationsArgs),
}

/// Options of `puerta report translations`.
#[derive(Debug, clap::Args)]
pub struct TranslationsArgs {
    /// Only this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(flatten)]
    list: ListArgs,
}

/// Options of `puerta report reviews`.
#[derive(Debug, clap::Args)]
pub struct ReviewsArgs {
    /// A review older than this many days is overdue.
    #[arg(long, default_value_t = 365, value_name = "DAYS")]
    pub max_age_days: u32,
    /// The date to judge from (RFC 3339; default: now), in the site's time zone.
    #[arg(long, value_name = "RFC3339", value_parser = parse_now)]
    pub now: Option<DateTime<FixedOffset>>,
    #[command(flatten)]
    list: ListArgs,
}

/// Options shared by the reports.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
}

/// Runs `puerta report`.
pub fn run(root: &Path, args: Args) -> Result<(), Failure> {
    let drafts = match &args.what {
        What::Reviews(a) => a.list.drafts,
        What::Translations(a) => a.list.drafts,
    };
    let options = BuildOptions {
        drafts,
        write: false,
        ..BuildOptions::new(root)
    };
    let (site, warnings) = puerta::load_site(&options).map_err(report_error)?;
    print_diagnostics(&warnings);
    match args.what {
        What::Reviews(a) => reviews(&site, &a),
        What::Translations(a) => translations(&site, &a),
    }
}

fn reviews(site: &puerta::model::Site, args: &ReviewsArgs) -> Result<(), Failure> {
    let now = args
        .now
        .unwrap_or_else(|| chrono::Utc::now().fixed_offset())
        .with_timezone(&site.config.timezone);
    let today = now.date_naive();
    let max_age = i64::from(args.max_age_days);
    let rows = puerta::report::reviews(site, today, max_age);
    if args.list.json {
        let value = serde_json::json!({
            "as_of": today.to_string(),
            "max_age_days": max_age,
            "articles": rows,
        });
        println!("{value:#}");
        return Ok(());
    }
    for row in &rows {
        println!("{} [{}] {}", row.file.display(), row.lang, row.title);
        match (&row.last_review, &row.reviewed_by) {
            (Some(date), Some(by)) => println!("  last legal review: {date}, by {by}"),
            (Some(date), None) => println!("  last legal review: {date}"),
            _ => println!("  no legal review"),
        }
        for reason in &row.reasons {
            println!("  - {reason}");
        }
    }
    println!(
        "{} article{} need{} a legal review (as of {today}, maximum age {max_age} days).",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        if rows.len() == 1 { "s" } else { "" },
    );
    Ok(())
}

fn translations(site: &puerta::model::Site, args: &TranslationsArgs) -> Result<(), Failure> {
    use puerta::report::{Status, TranslationRow};
    let languages = &site.config.languages;
    if let Some(lang) = args
        .lang
        .as_deref()
        .filter(|l| !languages.iter().any(|s| s == l))
    {
        return Err(Failure::Internal(format!(
            "unknown language `{lang}`: expected one of {}",
            languages.join(", ")
        )));
    }
    let rows = puerta::report::translations(site, args.lang.as_deref());
    if args.list.json {
        println!("{:#}", serde_json::json!({ "translations": rows }));
        return Ok(());
    }
    let place = |file: &Path, line: Option<usize>| match line {
        Some(line) => format!("{}:{line}", file.display()),
        None => file.display().to_string(),
    };
    for lang in languages {
        let mine: Vec<&TranslationRow> = rows.iter().filter(|r| &r.lang == lang).collect();
        if mine.is_empty() {
            continue;
        }
        let missing = mine.iter().filter(|r| r.status == Status::Missing).count();
        println!(
            "[{lang}] {missing} missing, {} to update",
            mine.len() - missing
        );
        for row in mine {
            let what = match &row.field {
                Some(field) => format!("{} `{}` of `{}`", row.kind.as_str(), field, row.key),
                None => format!("{} `{}`", row.kind.as_str(), row.key),
            };
            let src = row.source.as_ref();
            let from = src.map(|s| place(&s.file, s.line)).unwrap_or_default();
            let stamp = src
                .and_then(|s| Some((s.lang.as_str(), s.hash.as_deref()?)))
                .map(|(l, h)| match row.kind {
                    puerta::report::Kind::Interface => format!("`# from {l}: {h}`"),
                    puerta::report::Kind::Directory => {
                        format!("`translated_from: {{{lang}: {{from: {l}, hash: {h}}}}}`")
                    }
                    _ => format!("`translated_from: {{lang: {l}, hash: {h}}}`"),
                })
                .unwrap_or_default();
            let text = match row.status {
                Status::Missing => format!("missing {what}; translate {from}, then record {stamp}"),
                Status::Outdated => format!(
                    "{what} outdated (hash rule: recorded {}, the source changed): compare with {from}, then record {stamp}",
                    row.recorded.as_deref().unwrap_or("")
                ),
                Status::Older => format!(
                    "{what} may be outdated (date rule, no recorded hash): edited {}, {} edited {}",
                    row.edited.map(|d| d.to_string()).unwrap_or_default(),
                    from,
                    src.and_then(|s| s.edited).map(|d| d.to_string()).unwrap_or_default(),
                ),
                Status::NoSource => format!(
                    "{what} records a source that does not exist: {from}"
                ),
            };
            println!("  {}: {text}", place(&row.file, row.line));
        }
    }
    println!(
        "{} translation{} to write or update.",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    );
    Ok(())
}
