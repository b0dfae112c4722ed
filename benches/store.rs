//! The computations behind `mentee status`, the agenda builder and the review, plus every
//! list query the views run, at 0, 10k and 100k records. See docs/PERFORMANCE.md.
//!
//! `cargo bench --bench store` (`MENTEE_BENCH_SHAPE=demo` for the demo shape).

mod common;

use std::hint::black_box;

use chrono::{Duration, Weekday};
use criterion::{BenchmarkId, Criterion};
use mentee::cli::paths::Locations;
use mentee::cli::{Command, Context, TextFormat};
use mentee::config::Config;
use mentee::domain::figures::{figures, period_bounds};
use mentee::domain::suggest::suggest;
use mentee::domain::{Clock, Period};
use mentee::i18n::Lang;
use mentee::store::Store;

/// The agenda builder's suggestions for the next meeting.
fn agenda(store: &Store) -> usize {
    let now = common::now();
    match store.upcoming_meetings(now, 1).expect("next").first() {
        Some(next) => {
            let input = store.suggest_input(next.meeting.id).expect("input");
            suggest(&input, now).len()
        }
        None => 0,
    }
}

/// A review's figures for the period containing today.
fn review(store: &Store, period: Period) -> usize {
    let today = common::now().date();
    let (start, end) = period_bounds(period, today, Weekday::Mon);
    let input = store.figure_input(start, end, today).expect("figures");
    figures(&input).meetings.len()
}

/// `mentee status` in process, as the binary runs it: open the file (a cold page cache of
/// SQLite's own, as in a new process), compute, print the lines.
fn status_command(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("status_command");
    for (n, path) in &journals.files {
        let ctx = Context {
            config: Config::default(),
            lang: Lang::En,
            clock: Clock::Fixed(common::now()),
            db: Some(path.clone()),
            demo: false,
            locations: Locations::resolve(Some(path), None, false),
        };
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                mentee::cli::run(
                    &Command::Status {
                        format: TextFormat::Text,
                        include_private: false,
                    },
                    &ctx,
                    &mut out,
                )
                .expect("status");
                black_box(out.len())
            })
        });
    }
    group.finish();
}

fn insights(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("insights");
    for (n, path) in &journals.files {
        let store = common::open(path);
        group.bench_function(BenchmarkId::new("status", n), |b| {
            b.iter(|| black_box(common::status(&store)))
        });
        group.bench_function(BenchmarkId::new("agenda_suggestions", n), |b| {
            b.iter(|| black_box(agenda(&store)))
        });
        group.bench_function(BenchmarkId::new("figures_month", n), |b| {
            b.iter(|| black_box(review(&store, Period::Month)))
        });
        group.bench_function(BenchmarkId::new("figures_quarter", n), |b| {
            b.iter(|| black_box(review(&store, Period::Quarter)))
        });
    }
    group.finish();
}

/// The store calls the views make when they load (limit 500 for lists, as the views ask).
fn view_queries(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("view_query");
    let now = common::now();
    for (n, path) in &journals.files {
        let store = common::open(path);
        let mut bench = |name: &str, f: &dyn Fn(&Store) -> usize| {
            group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| black_box(f(&store)))
            });
        };
        bench("is_empty", &|s| usize::from(s.is_empty().expect("q")));
        bench("goal_summaries_12", &|s| {
            s.goal_summaries(12).expect("q").len()
        });
        bench("goal_summaries_500", &|s| {
            s.goal_summaries(500).expect("q").len()
        });
        bench("upcoming_meetings_100", &|s| {
            s.upcoming_meetings(now, 100).expect("q").len()
        });
        bench("past_meetings_500", &|s| {
            s.past_meetings(now, 500).expect("q").len()
        });
        bench("open_commitments_due_by_20", &|s| {
            s.open_commitments_due_by(now.date() + Duration::days(7), 20)
                .expect("q")
                .len()
        });
        bench("commitment_list_500", &|s| {
            s.commitment_list(500).expect("q").len()
        });
        bench("open_feedback_8", &|s| s.open_feedback(8).expect("q").len());
        bench("feedback_list_500", &|s| {
            s.feedback_list(500).expect("q").len()
        });
        bench("gratitude_list_500", &|s| {
            s.gratitude_list(500).expect("q").len()
        });
        bench("reflections_500", &|s| s.reflections(500).expect("q").len());
        bench("mentors", &|s| s.mentors().expect("q").len());
        bench("mentor_list_200", &|s| s.mentor_list(200).expect("q").len());
        bench("nudge_input", &|s| {
            s.nudge_input(now).expect("q").mentors.len()
        });
        // Gratitude's nudge pane: a screen of its kinds' nudges and their count (what its
        // first visit reads), against every part of them and the rules over it (before).
        bench("gratitude_nudge_page_92", &|s| {
            let kinds = mentee::tui::views::gratitude::KINDS;
            s.nudge_page(now, &kinds, mentee::store::Window::first(92))
                .expect("q")
                .total
        });
        bench("gratitude_nudges_whole_parts", &|s| {
            let kinds = mentee::tui::views::gratitude::KINDS;
            let input = s
                .nudge_input_of(now, &mentee::domain::nudges::sources(&kinds))
                .expect("q");
            mentee::domain::nudges::nudges(&input, now).len()
        });
        bench("activity_by_day", &|s| {
            let today = now.date();
            s.activity_by_day(today - Duration::days(83), today + Duration::days(1))
                .expect("q")
                .len()
        });
        bench("commitment_facts_12_months", &|s| {
            let today = now.date();
            s.commitment_facts(Some(today - Duration::days(365)), today)
                .expect("q")
                .len()
        });
    }
    group.finish();
}

/// Full-text search, first 50 hits: a common word, a prefix as typed, and a rare word.
fn search(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("search");
    for (n, path) in &journals.files {
        let store = common::open(path);
        for query in ["review", "meet", "kopi", "talk design"] {
            group.bench_function(BenchmarkId::new(format!("first50_{query}"), n), |b| {
                b.iter(|| black_box(store.search(query, 50).expect("search").len()))
            });
        }
    }
    group.finish();
}

/// Search over records of 10,000 characters that repeat the word searched for (a pasted
/// transcript, say): the snippets must not grow with the square of the matches.
fn search_long_records(c: &mut Criterion) {
    let store = Store::open_in_memory().expect("store");
    let long = "Belajar 東京 café 🚀 ".repeat(500);
    for _ in 0..60 {
        store
            .save_question(&mentee::domain::Question {
                id: 0,
                uuid: String::new(),
                text: long.clone(),
                mentor_id: None,
                agenda_item_id: None,
                private: false,
            })
            .expect("save");
    }
    c.bench_function("search/long_records_first50_caf", |b| {
        b.iter(|| black_box(store.search("caf", 50).expect("search").len()))
    });
}

/// The SMART check of the goals a Goals screen shows (the first 50 of the list): it runs
/// for each goal row on screen at the view's first draw.
fn smart_check(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("smart_check");
    for (n, path) in &journals.files {
        let store = common::open(path);
        let goals: Vec<_> = store
            .goal_summaries(50)
            .expect("goals")
            .into_iter()
            .map(|s| s.goal)
            .collect();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        group.bench_function(BenchmarkId::new("goals_on_screen_50", n), |b| {
            b.iter(|| {
                goals
                    .iter()
                    .filter(|g| mentee::domain::smart::check(g, today).passes())
                    .count()
            })
        });
    }
    group.finish();
}

/// JSON export of the whole journal, import of that export into an empty journal and into
/// a new one (written while checked), the same file again into the journal that has it
/// (every record unchanged), and into a journal of as many other records.
fn transfer(c: &mut Criterion, journals: &common::Journals) {
    let mut group = c.benchmark_group("transfer");
    group.sample_size(10);
    for (n, path) in &journals.files {
        let store = common::open(path);
        group.bench_function(BenchmarkId::new("export_json", n), |b| {
            b.iter(|| {
                black_box(
                    mentee::transfer::export_json(&store, true)
                        .expect("export")
                        .len(),
                )
            })
        });
        let text = mentee::transfer::export_json(&store, true).expect("export");
        import_into(&mut group, "import_json_into_empty", *n, &text, None);
        // The CLI's import into a journal that does not exist: written aside by a second
        // thread while the file is checked, then completed and renamed into place.
        group.bench_function(BenchmarkId::new("import_json_into_new", n), |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("dir"),
                |dir| {
                    let path = dir.path().join("t.db");
                    let mut new = mentee::store::aside::NewJournal::create(&path, false)
                        .expect("aside")
                        .expect("a new journal");
                    let against = Store::open_in_memory().expect("open");
                    let (checked, rows) = mentee::transfer::direct::write_while_checking(
                        new.store().expect("store"),
                        |passed| {
                            mentee::transfer::validate_json_passing(
                                &against,
                                text.as_bytes(),
                                Some(passed),
                            )
                        },
                    );
                    checked.expect("checked");
                    let report = mentee::transfer::direct::finish(
                        new.store().expect("store"),
                        rows.expect("written while checked"),
                    )
                    .expect("finish");
                    black_box(report.total());
                    new.finish().expect("placed");
                    drop(dir);
                },
                criterion::BatchSize::PerIteration,
            )
        });
        let dir = tempfile::tempdir().expect("dir");
        let mut again = Store::open(&dir.path().join("t.db"), false).expect("open");
        mentee::transfer::import_json(&mut again, &text, false).expect("import");
        group.bench_function(BenchmarkId::new("import_json_again", n), |b| {
            b.iter(|| {
                let report =
                    mentee::transfer::import_json(&mut again, &text, false).expect("import");
                black_box(report.changed())
            })
        });
        // Into a journal that holds as many records of its own (another seed): every record
        // is new, and the search index is rebuilt over both.
        let other = dir.path().join("other.db");
        common::generate::create(
            &other,
            &common::generate::Options {
                records: *n,
                seed: 43,
                today: common::generate::default_today(),
                shape: common::shape(),
            },
        )
        .expect("generate another journal");
        import_into(&mut group, "import_json_into_full", *n, &text, Some(&other));
    }
    group.finish();
}

/// Times importing `text` into a journal of its own for each run: a copy of `journal`, or
/// a new empty one.
fn import_into(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    n: usize,
    text: &str,
    journal: Option<&std::path::Path>,
) {
    group.bench_function(BenchmarkId::new(name, n), |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("dir");
                let path = dir.path().join("t.db");
                if let Some(journal) = journal {
                    std::fs::copy(journal, &path).expect("copy");
                }
                let target = Store::open(&path, false).expect("open");
                (dir, target)
            },
            |(dir, mut target)| {
                let report =
                    mentee::transfer::import_json(&mut target, text, false).expect("import");
                black_box(report.total());
                drop(target);
                drop(dir);
            },
            criterion::BatchSize::PerIteration,
        )
    });
}

fn main() {
    let journals = common::journals();
    let mut c = common::criterion().configure_from_args();
    status_command(&mut c, &journals);
    insights(&mut c, &journals);
    view_queries(&mut c, &journals);
    search(&mut c, &journals);
    search_long_records(&mut c);
    smart_check(&mut c, &journals);
    transfer(&mut c, &journals);
    c.final_summary();
}
