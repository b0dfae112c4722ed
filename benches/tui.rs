//! The TUI's speed bars in process: time to the first full frame, the first visit of each view
//! (key → loaded and redrawn), and key press → redrawn frame for the common keys of every view,
//! at 0, 10k and 100k records. See docs/PERFORMANCE.md.
//!
//! `cargo bench --bench tui` (`MENTEE_BENCH_SHAPE=demo` for the demo shape). The p99 over
//! ~1,000 presses comes from `cargo run --release --example keylatency -- --db big.db`; the
//! same figures from outside, in a real terminal, from `examples/measure.rs`.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion};

/// The views by their key, and whether the welcome screen (empty journal) must be left first.
const VIEW_KEYS: &[(char, &str)] = &[
    ('1', "today"),
    ('2', "goals"),
    ('3', "meetings"),
    ('4', "feedback"),
    ('5', "commitments"),
    ('6', "gratitude"),
    ('7', "reflections"),
    ('8', "mentors"),
];

/// Open the file, load Today, draw one 200×60 frame.
fn first_frame(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("first_frame");
    for (n, path) in &journals.files {
        group.bench_with_input(BenchmarkId::from_parameter(n), path, |b, path| {
            b.iter(|| {
                let mut app = common::app(path);
                let mut term = common::terminal();
                term.draw(|f| app.render(f)).expect("draw");
                black_box(app.quit)
            })
        });
    }
    group.finish();
}

/// Key → frame on the first visit of each view: a freshly started app (Today loaded, not
/// measured), then the view's key, which loads the view from a cold statement cache and
/// draws it.
fn first_visit(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("first_visit");
    for (n, path) in &journals.files {
        for &(view_key, view) in VIEW_KEYS {
            group.bench_function(BenchmarkId::new(view, n), |b| {
                b.iter_batched(
                    || {
                        let mut app = common::app(path);
                        let mut term = common::terminal();
                        term.draw(|f| app.render(f)).expect("draw");
                        (app, term)
                    },
                    |(mut app, mut term)| {
                        common::press(&mut app, &mut term, view_key);
                        (app, term)
                    },
                    criterion::BatchSize::PerIteration,
                )
            });
        }
    }
    group.finish();
}

/// Key → frame: switching to each view (already loaded: a redraw), and j / k / G / g in it.
fn keys(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("key");
    group.measurement_time(std::time::Duration::from_secs(1));
    for (n, path) in &journals.files {
        let mut app = common::app(path);
        let mut term = common::terminal();
        term.draw(|f| app.render(f)).expect("draw");
        for &(view_key, view) in VIEW_KEYS {
            common::press(&mut app, &mut term, view_key);
            group.bench_function(BenchmarkId::new(format!("{view}/{view_key}"), n), |b| {
                b.iter(|| common::press(&mut app, &mut term, view_key))
            });
            for movement in ['j', 'k', 'G', 'g'] {
                group.bench_function(BenchmarkId::new(format!("{view}/{movement}"), n), |b| {
                    b.iter(|| common::press(&mut app, &mut term, movement))
                });
            }
        }
    }
    group.finish();
}

fn main() {
    let journals = common::journals();
    let mut c = common::criterion().configure_from_args();
    first_frame(&mut c, &journals);
    first_visit(&mut c, &journals);
    keys(&mut c, &journals);
    c.final_summary();
}
