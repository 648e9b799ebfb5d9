//! `puerta search`: the site's search engine on a built index, for editors and tests.

use std::path::{Path, PathBuf};

use puerta_search::{Facet, Kind, Request, SearchResults};

use super::Failure;

/// Options of `puerta search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Language of the index to search: es, el or en.
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    /// Only results of this kind: article, page, service, organization, seminar, city,
    /// network or law (repeat for several).
    #[arg(long, value_name = "KIND")]
    pub kind: Vec<Kind>,
    /// Only results with this facet value: category=CODE, area=CODE or city=ID (repeat
    /// for several, all must hold).
    #[arg(long, value_name = "FACET=VALUE", value_parser = parse_facet)]
    pub facet: Vec<(Facet, String)>,
    /// The built site (default: <root>/public).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Results to show.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Print the JSON the browser gets: {"query","lang","total","hits":[…]}.
    #[arg(long)]
    pub json: bool,
    /// The words to search for; the last one also matches as a prefix.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
}

fn parse_facet(s: &str) -> Result<(Facet, String), String> {
    let (facet, value) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FACET=VALUE, such as city=madrid, found `{s}`"))?;
    Ok((facet.parse()?, value.to_string()))
}

/// Runs `puerta search`.
pub fn run(root: &Path, args: Args) -> Result<(), Failure> {
    let site = args.index.unwrap_or_else(|| root.join("public"));
    let index =
        puerta::index::open(&site, &args.lang).map_err(|e| Failure::Internal(e.to_string()))?;
    let request = Request {
        text: args.query.join(" "),
        kinds: args.kind,
        facets: args.facet,
        limit: args.limit,
    };
    let results = index
        .search(&request)
        .map_err(|e| Failure::Internal(e.to_string()))?;
    if args.json {
        let json =
            serde_json::to_string_pretty(&results).map_err(|e| Failure::Internal(e.to_string()))?;
        println!("{json}");
    } else {
        print!("{}", human(&results));
    }
    Ok(())
}

/// Results as text for a terminal: matched words between `*`.
fn human(results: &SearchResults) -> String {
    let mut out = format!(
        "{} result{} for \"{}\" ({})\n",
        results.total,
        if results.total == 1 { "" } else { "s" },
        results.query,
        results.lang
    );
    for (i, hit) in results.hits.iter().enumerate() {
        out.push_str(&format!(
            "{:>3}. {}  [{}, {:.2}]\n     {}\n",
            i + 1,
            hit.title,
            hit.kind,
            hit.score,
            hit.url
        ));
        if !hit.snippet.is_empty() {
            out.push_str(&format!("     {}\n", plain_snippet(&hit.snippet)));
        }
    }
    for suggestion in &results.suggestions {
        out.push_str(&format!("Did you mean: {suggestion}\n"));
    }
    out
}

/// The HTML of a snippet as text.
fn plain_snippet(html: &str) -> String {
    html.replace("<mark>", "*")
        .replace("</mark>", "*")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}
