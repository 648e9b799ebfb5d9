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
    /// Articles and pages missing a language, or whose translation is older than the
    /// latest edit in another language.
    Translations(ListArgs),
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
        What::Translations(a) => a.drafts,
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

fn translations(site: &puerta::model::Site, args: &ListArgs) -> Result<(), Failure> {
    let rows = puerta::report::translations(site);
    if args.json {
        println!("{:#}", serde_json::json!({ "entries": rows }));
        return Ok(());
    }
    for row in &rows {
        let mut parts = Vec::new();
        if !row.missing.is_empty() {
            parts.push(format!("missing {}", row.missing.join(", ")));
        }
        if let (false, Some((lang, date))) = (row.stale.is_empty(), &row.newest) {
            parts.push(format!(
                "older than `{lang}` (edited {date}): {}",
                row.stale.join(", ")
            ));
        }
        println!(
            "{}/{} [{}]: {}",
            row.section.dir(),
            row.key,
            row.present.join(", "),
            parts.join("; ")
        );
    }
    println!(
        "{} entr{} to translate or update.",
        rows.len(),
        if rows.len() == 1 { "y" } else { "ies" }
    );
    Ok(())
}
