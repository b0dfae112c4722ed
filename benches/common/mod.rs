//! What the benches share: journals of 0, 10k and 100k records generated once per run into a
//! temporary folder (generation is not measured), a fixed clock, and the app on a 200×60
//! `TestBackend`.
//!
//! `MENTEE_BENCH_SIZES=0,10000` limits the sizes (e.g. for a quick run);
//! `MENTEE_BENCH_SHAPE=demo` grows the demo journal instead of the decade (see [`generate`]).

#![allow(dead_code)]

pub mod generate;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use criterion::Criterion;
use generate::{Options, Shape};
use mentee::config::Config;
use mentee::domain::Clock;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The journal sizes every bench runs at.
pub fn sizes() -> Vec<usize> {
    std::env::var("MENTEE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![0, 10_000, 100_000])
}

/// The generated journals, alive as long as this value.
pub struct Journals {
    _dir: tempfile::TempDir,
    pub files: Vec<(usize, PathBuf)>,
}

/// The journal shape every bench runs on: `MENTEE_BENCH_SHAPE` (decade by default).
pub fn shape() -> Shape {
    std::env::var("MENTEE_BENCH_SHAPE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default()
}

/// Generates one journal per size (seed 42, today 2026-11-27) in [`shape`].
pub fn journals() -> Journals {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files = sizes()
        .into_iter()
        .map(|n| {
            let path = dir.path().join(format!("journal-{n}.db"));
            let opts = Options {
                records: n,
                seed: 42,
                today: generate::default_today(),
                shape: shape(),
            };
            generate::create(&path, &opts).expect("generate a journal");
            (n, path)
        })
        .collect();
    Journals { _dir: dir, files }
}

/// "Now" in every bench: the generator's today at 09:00.
pub fn now() -> NaiveDateTime {
    generate::default_today()
        .and_hms_opt(9, 0, 0)
        .expect("a valid time")
}

/// Criterion kept short: the machine is small and shared.
pub fn criterion() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
}

/// What `mentee status` reads after opening the journal (`cli::status::gather`, text
/// output): whether it is empty, the next meeting, the overdue counts and the top three
/// nudges.
pub fn status(store: &Store) -> usize {
    let now = now();
    if store.is_empty().expect("is empty") {
        return 0;
    }
    let top = store
        .top_nudges(now, Default::default(), 3)
        .expect("top nudges");
    let (mine, theirs) = store.overdue_counts(now.date()).expect("overdue");
    top.len()
        + store.upcoming_meetings(now, 1).expect("next meeting").len()
        + (mine + theirs) as usize
}

/// Opens the journal file as the app does.
pub fn open(path: &Path) -> Store {
    Store::open(path, false).expect("open the journal")
}

/// The app on `path`, as `mentee --db path` starts it (Today loaded, or the welcome screen).
pub fn app(path: &Path) -> App {
    App::new(
        open(path),
        Config::default(),
        Lang::En,
        Clock::Fixed(now()),
        Theme::new(Default::default(), true),
        false,
    )
    .expect("the app starts")
}

/// A 200×60 test terminal.
pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(200, 60)).expect("a test terminal")
}

/// A key press.
pub fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// One key press and the redrawn frame.
pub fn press(app: &mut App, term: &mut Terminal<TestBackend>, c: char) {
    app.handle_event(&key(c));
    term.draw(|f| app.render(f)).expect("draw");
}
