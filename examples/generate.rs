//! Writes a reproducible large journal for benchmarks (see `mentee::generate`).
//!
//! `cargo run --release --example generate -- --records 100000 --seed 42 --out big.db`
//! refuses to overwrite an existing file. Dates are relative to 2026-11-27 unless `--today`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::Parser;
use mentee::generate::{self, Options};
use mentee::store::Store;

/// Generate a large journal from a seed.
#[derive(Debug, Parser)]
struct Args {
    /// Total number of records.
    #[arg(long, default_value_t = 100_000)]
    records: usize,
    /// The PRNG seed: the same seed gives the same journal.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The day the journal ends ("today"), YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    today: Option<NaiveDate>,
    /// The new journal file (must not exist).
    #[arg(long)]
    out: PathBuf,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s:?}: {e}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let opts = Options {
        records: args.records,
        seed: args.seed,
        today: args.today.unwrap_or_else(generate::default_today),
    };
    let started = Instant::now();
    match generate::create(&args.out, &opts) {
        Ok(n) => {
            let elapsed = started.elapsed();
            println!(
                "wrote {n} records to {} in {:.2} s (seed {}, today {})",
                args.out.display(),
                elapsed.as_secs_f64(),
                opts.seed,
                opts.today
            );
            if let Ok(store) = Store::open(&args.out, false)
                && let Ok(counts) = store.counts()
            {
                for (kind, count) in counts.0 {
                    println!("  {kind:<17} {count:>7}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("generate: {err}");
            ExitCode::FAILURE
        }
    }
}
