//! Query latency on a built index, natively: `cargo run --release -p puerta-search
//! --example latency -- <site>/search/<lang> <query>…` opens the index from its files
//! (in memory, as the browser does) and prints the mean time of each query over 200 runs
//! after a warm-up, with its number of hits.

use std::time::Instant;

use puerta_search::{Request, SearchIndex};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: latency <index dir> <query>…")?;
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        files.push((name, std::fs::read(entry.path())?));
    }
    let started = Instant::now();
    let index = SearchIndex::from_files(files)?;
    println!("open: {:.2} ms", started.elapsed().as_secs_f64() * 1e3);
    for query in args {
        let request = Request::new(query.as_str());
        let results = index.search(&request)?;
        let runs = 200;
        let started = Instant::now();
        for _ in 0..runs {
            index.search(&request)?;
        }
        let mean = started.elapsed().as_secs_f64() * 1e3 / f64::from(runs);
        println!("{mean:8.3} ms  {:>5} hits  {query}", results.total);
    }
    Ok(())
}
