//! `puerta serve`: live preview of every language.

use std::net::{IpAddr, SocketAddr};
use std::path::Path;

use puerta::serve::Event;
use puerta::BuildOptions;

use super::{print_diagnostics, report_error, Failure};

/// Options of `puerta serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub interface: IpAddr,
    /// Include drafts (they are shown while previewing by default: pass --drafts=false to hide them).
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub drafts: bool,
}

/// Runs `puerta serve` until interrupted.
pub fn run(root: &Path, args: Args) -> Result<(), Failure> {
    // The preview and its build cache (beside it) share one scratch directory.
    let out = std::env::temp_dir()
        .join(format!("puerta-serve-{}", std::process::id()))
        .join("public");
    let options = BuildOptions {
        out: Some(out),
        drafts: args.drafts,
        ..BuildOptions::new(root)
    };
    let on_event = |event: Event| match event {
        Event::Listening(url) => eprintln!(
            "Serving every language at {url} (Ctrl-C to stop); watching {}",
            root.display()
        ),
        Event::Changed(paths) => {
            let names: Vec<String> = paths
                .iter()
                .take(3)
                .map(|p| p.display().to_string())
                .collect();
            eprintln!(
                "Changed: {}{}",
                names.join(", "),
                if paths.len() > 3 { " …" } else { "" }
            );
        }
        Event::Built(report, took) => {
            print_diagnostics(&report.warnings);
            let stages: Vec<String> = report
                .stages
                .iter()
                .map(|(name, d)| format!("{name} {:.0}", d.as_secs_f64() * 1000.0))
                .collect();
            eprintln!(
                "Built {} files ({} written, {} removed) in {:.0} ms ({} ms)",
                report.files,
                report.changed,
                report.removed,
                took.as_secs_f64() * 1000.0,
                stages.join(", ")
            );
        }
        Event::Updated(took, stages) => {
            let stages: Vec<String> = stages
                .iter()
                .map(|(name, d)| format!("{name} {:.0}", d.as_secs_f64() * 1000.0))
                .collect();
            eprintln!(
                "Updated the site in {:.0} ms ({} ms); reloading open pages",
                took.as_secs_f64() * 1000.0,
                stages.join(", ")
            );
        }
        Event::Indexed(report) => eprintln!(
            "Search indexes updated ({} files written, {} removed)",
            report.changed, report.removed
        ),
        Event::Failed(e) => {
            report_error(e);
            eprintln!("Still serving the last good build.");
        }
    };
    puerta::serve::serve(
        options,
        SocketAddr::new(args.interface, args.port),
        &on_event,
    )
    .map_err(|e| {
        Failure::Internal(format!(
            "cannot serve on {}:{}: {e}",
            args.interface, args.port
        ))
    })
}
