//! Key press → redrawn frame latency over ~1,000 presses on a 200×60 `TestBackend`: per key
//! and overall median, p99 and max. The bar (PRODUCT.md) is p99 ≤ 2 ms.
//!
//! `cargo run --release --example keylatency -- --db big.db [--rounds 25]`
//! Each round visits every view (keys 1–8) and presses j ×3, k ×2, G and g in each:
//! 8 × 8 = 64 presses a round, so 16 rounds ≈ 1,000 presses. The file is only read.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use mentee::config::Config;
use mentee::domain::Clock;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Measure key → frame latency on a journal.
#[derive(Debug, Parser)]
struct Args {
    /// The journal to open (e.g. one made by the `generate` example).
    #[arg(long)]
    db: PathBuf,
    /// Rounds over all views (64 presses each).
    #[arg(long, default_value_t = 16)]
    rounds: usize,
}

const VIEWS: &[(char, &str)] = &[
    ('1', "today"),
    ('2', "goals"),
    ('3', "meetings"),
    ('4', "feedback"),
    ('5', "commitments"),
    ('6', "gratitude"),
    ('7', "reflections"),
    ('8', "mentors"),
];
const MOVES: &[char] = &['j', 'j', 'j', 'k', 'k', 'G', 'g'];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let store = Store::open(&args.db, false)?;
    let records = store.counts()?.total();
    // The generator's "today" (benches/common/generate), at 09:00.
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .ok_or("bad time")?;
    let mut app = App::new(
        store,
        Config::default(),
        Lang::En,
        Clock::Fixed(now),
        Theme::new(Default::default(), true),
        false,
    )?;
    let mut term = Terminal::new(TestBackend::new(200, 60))?;
    term.draw(|f| app.render(f))?;
    let mut times: BTreeMap<String, Vec<Duration>> = BTreeMap::new();
    let mut all = Vec::new();
    // One unmeasured round warms the caches.
    for round in 0..=args.rounds {
        for &(view_key, view) in VIEWS {
            for (label, c) in std::iter::once((format!("{view_key} ({view})"), view_key))
                .chain(MOVES.iter().map(|&m| (format!("{m} in {view}"), m)))
            {
                let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                let started = Instant::now();
                app.handle_event(&event);
                term.draw(|f| app.render(f))?;
                let took = started.elapsed();
                if round > 0 {
                    times.entry(label).or_default().push(took);
                    all.push(took);
                }
            }
        }
    }
    println!(
        "{} records, {} presses, 200x60 TestBackend (times in ms)",
        records,
        all.len()
    );
    println!("{:<24} {:>8} {:>8} {:>8}", "key", "median", "p99", "max");
    for (label, mut t) in times {
        t.sort();
        println!(
            "{label:<24} {:>8} {:>8} {:>8}",
            ms(percentile(&t, 50.0)),
            ms(percentile(&t, 99.0)),
            ms(*t.last().unwrap_or(&Duration::ZERO))
        );
    }
    all.sort();
    println!(
        "{:<24} {:>8} {:>8} {:>8}",
        "ALL",
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 99.0)),
        ms(*all.last().unwrap_or(&Duration::ZERO))
    );
    Ok(())
}
