//! Writes a reproducible large journal to a file, for whole-process measurements (see
//! `benches/common/generate`, the generator the benches share).
//!
//! `cargo run --release --example generate -- --shape demo --records 100000 big.db`
//! (`--out big.db` works too). Shapes: `decade` (default: one person, five mentors, ten
//! years) or `demo` (the demo journal with every kind scaled together). Refuses to overwrite
//! an existing file. Dates are relative to 2026-11-27 unless `--today`.

#[path = "../benches/common/generate/mod.rs"]
mod generate;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::Parser;
use generate::{Options, Shape};
use mentee::store::Store;

/// Generate a large journal from a seed.
#[derive(Debug, Parser)]
struct Args {
    /// Total number of records.
    #[arg(long, default_value_t = 100_000)]
    records: usize,
    /// `decade` or `demo`.
    #[arg(long, default_value_t = Shape::Decade)]
    shape: Shape,
    /// The PRNG seed: the same seed gives the same journal.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The day the journal ends ("today"), YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    today: Option<NaiveDate>,
    /// The new journal file (must not exist).
    #[arg(long = "out", value_name = "FILE")]
    out_flag: Option<PathBuf>,
    /// The new journal file (must not exist), if not given with `--out`.
    out: Option<PathBuf>,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s:?}: {e}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let Some(out) = args.out_flag.or(args.out) else {
        eprintln!("generate: name the new journal file (e.g. big.db)");
        return ExitCode::FAILURE;
    };
    let opts = Options {
        records: args.records,
        seed: args.seed,
        today: args.today.unwrap_or_else(generate::default_today),
        shape: args.shape,
    };
    let started = Instant::now();
    match generate::create(&out, &opts) {
        Ok(n) => {
            let elapsed = started.elapsed();
            println!(
                "wrote {n} records ({} shape) to {} in {:.2} s (seed {}, today {})",
                opts.shape,
                out.display(),
                elapsed.as_secs_f64(),
                opts.seed,
                opts.today
            );
            if let Ok(store) = Store::open(&out, false)
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
