//! `puerta build` and `puerta check`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use puerta::BuildOptions;

use super::{print_diagnostics, print_stage, report_error, Failure};

/// Options of `puerta build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output directory (default: <root>/public). Changed only when the build succeeds;
    /// only files whose content changed are written (the cache is in .puerta-cache/ beside it).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Base URL of the deployed site, replacing base_url of puerta.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Fixed build clock (RFC 3339): the same input then gives the same bytes.
    #[arg(long, value_name = "RFC3339", value_parser = parse_now)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Include articles and pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

/// Options of `puerta check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Check drafts too.
    #[arg(long)]
    pub drafts: bool,
}

/// Parses `--now`.
pub fn parse_now(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s)
        .map_err(|e| format!("expected an RFC 3339 date-time such as 2026-11-24T12:00:00Z: {e}"))
}

/// Runs `puerta build`.
pub fn run(root: &Path, args: Args) -> Result<(), Failure> {
    let options = BuildOptions {
        root: root.to_path_buf(),
        out: args.out,
        base_url: args.base_url,
        now: args.now,
        drafts: args.drafts,
        write: true,
        search_index: true,
    };
    let started = Instant::now();
    eprintln!("Building {} …", root.display());
    let report = puerta::build(&options, &print_stage).map_err(report_error)?;
    print_indexes(&report);
    print_diagnostics(&report.warnings);
    let what = if report.reused {
        "nothing changed since the last build".to_string()
    } else {
        format!("{} written, {} removed", report.changed, report.removed)
    };
    eprintln!(
        "Built {} articles and {} pages into {}: {} files, {:.1} MB ({what}) in {:.2} s",
        report.articles,
        report.pages,
        options.out_dir().display(),
        report.files,
        report.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Runs `puerta check`.
pub fn check(root: &Path, args: CheckArgs) -> Result<(), Failure> {
    let options = BuildOptions {
        drafts: args.drafts,
        write: false,
        ..BuildOptions::new(root)
    };
    let report = puerta::build(&options, &print_stage).map_err(report_error)?;
    print_diagnostics(&report.warnings);
    eprintln!(
        "No errors: {} articles, {} pages, {} warnings.",
        report.articles,
        report.pages,
        report.warnings.len()
    );
    Ok(())
}

/// Each language's search index: built (documents, files, megabytes) or kept.
fn print_indexes(report: &puerta::Report) {
    for index in &report.indexes {
        if index.reused {
            eprintln!(
                "    search/{:<3} {:>7.1} ms  {} documents, unchanged: kept",
                index.lang,
                index.took.as_secs_f64() * 1000.0,
                index.documents
            );
            continue;
        }
        eprintln!(
            "    search/{:<3} {:>7.1} ms  {} documents, {} files, {:.1} MB",
            index.lang,
            index.took.as_secs_f64() * 1000.0,
            index.documents,
            index.files,
            index.bytes as f64 / 1e6
        );
    }
}
