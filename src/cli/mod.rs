//! Command line: one `Args` struct and one `run` per command (DESIGN.md §7).
//! Only this layer prints; exit codes are 0 success, 1 content errors, 2 usage or
//! internal errors.

mod build;
mod new;
mod report;
mod scaffold;
mod search;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use puerta::diag::Diagnostic;

/// puerta builds a trilingual (es, el, en) static site from Markdown and YAML:
/// an immigration-law knowledge base and a directory of services.
#[derive(Debug, Parser)]
#[command(
    name = "puerta",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  puerta serve                                 preview every language at http://127.0.0.1:1111/\n  puerta build --now 2026-11-24T12:00:00Z      reproducible build into ./public\n  puerta check                                 report every content, locale and template error\n  puerta new article arraigo-social --lang es  start a draft article\n  puerta report reviews --max-age-days 180     articles whose legal review is overdue\n  puerta search --lang el αθηνα                search the built site, as its search page does"
)]
struct Cli {
    /// The site directory, holding puerta.yaml.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output directory (default: <root>/public).
    Build(build::Args),
    /// Build, serve on localhost, rebuild on every change and reload the browser.
    Serve(serve::Args),
    /// Validate content, translations of interface strings and templates; write nothing.
    Check(build::CheckArgs),
    /// Create a new content file from a template.
    New(new::Args),
    /// Lists for editors: overdue legal reviews, missing or outdated translations.
    Report(report::Args),
    /// Search the built site's index, as its search page does.
    Search(search::Args),
}

/// Runs the command line and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build::run(&cli.root, args),
        Command::Check(args) => build::check(&cli.root, args),
        Command::Serve(args) => serve::run(&cli.root, args),
        Command::New(args) => new::run(&cli.root, args),
        Command::Report(args) => report::run(&cli.root, args),
        Command::Search(args) => search::run(&cli.root, args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Content) => ExitCode::from(1),
        Err(Failure::Internal(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// How a command failed.
pub enum Failure {
    /// Content errors, already printed.
    Content,
    /// Usage or internal errors, to print.
    Internal(String),
}

/// Prints diagnostics, errors and warnings, one block each.
pub fn print_diagnostics(items: &[Diagnostic]) {
    for d in items {
        eprintln!("{d}");
    }
}

/// Prints a stage's timing as the build goes.
pub fn print_stage(name: &'static str, took: Duration) {
    eprintln!("  {name:<8} {:>8.1} ms", took.as_secs_f64() * 1000.0);
}

/// Turns a library error into printed output and a failure.
pub fn report_error(err: puerta::Error) -> Failure {
    match err {
        puerta::Error::Content { errors, warnings } => {
            print_diagnostics(&warnings);
            print_diagnostics(&errors);
            eprintln!(
                "\n{} error{}, {} warning{}; nothing was written.",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                warnings.len(),
                if warnings.len() == 1 { "" } else { "s" }
            );
            Failure::Content
        }
        other => Failure::Internal(other.to_string()),
    }
}
