//! Throughput of an analyzer: `cargo run --release -p puerta-search --example
//! analyze_speed -- <lang> <files>…` analyzes the files and prints tokens per second,
//! and the time of writing an index of them.

use std::sync::Arc;
use std::time::Instant;

use puerta_search::{analysis, Lang, Protected, Record};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let lang = Lang::parse(&args.next().ok_or("usage: analyze_speed <lang> <files>…")?)
        .ok_or("unknown language")?;
    let texts: Vec<String> = args
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let protected = Arc::new(Protected::with_defaults(lang, &[]));
    let mut analyzer = analysis::analyzer(lang, protected.clone());
    let started = Instant::now();
    let mut tokens = 0;
    for text in &texts {
        tokens += analysis::terms(&mut analyzer, text).len();
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "{tokens} tokens in {:.3} s: {:.0} tokens/s",
        took,
        tokens as f64 / took
    );
    let records: Vec<Record> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Record {
            url: format!("/{i:05}/"),
            body: t.clone(),
            ..Record::default()
        })
        .collect();
    let started = Instant::now();
    let files = puerta_search::build(lang, &protected, records)?;
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    println!(
        "index of {} bytes in {:.3} s",
        bytes,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
