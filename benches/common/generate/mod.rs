//! A reproducible large journal for benchmarks, in one of two shapes, from a seed.
//!
//! - [`Shape::Decade`]: one person's decade of heavy use. Five mentors (three active, one
//!   candidate, one ended), about one meeting per 50 records over ten years with 3–6 agenda
//!   items each, feedback, commitments on both sides (kept, late, open, dropped; some are
//!   experiments born of feedback), gratitude, weekly reflections, goals with progress updates
//!   and revisions, health checks, the question bank; the contact log takes the rest.
//! - [`Shape::Demo`]: the demo journal (`assets/demo.json`) grown with every kind scaled
//!   together, in the proportions of its counts when issue 19 defined this shape
//!   ([`demo_shape_counts`], pinned so the figures stay comparable as the demo grows): at
//!   100k records about
//!   3,300 mentors, 6,600 meetings, 8,200 goals, 11,500 commitments and 16,400 agenda items (a
//!   coach with many mentees). Half the mentors are candidates, as in the demo; the others
//!   each had a one-year agreement, started evenly over up to ten years (the most recent ones
//!   are active, the others ended), with the meetings, feedback and commitments in it.
//!
//! Texts are 10–400 characters, partly Indonesian, with diacritics and a few CJK words. The
//! contact log takes whatever remains, so the total is exactly the number asked for.
//!
//! Everything random comes from [`SplitMix64`] seeded by the caller, record UUIDs included,
//! so the same seed, shape and `today` give the same records (only `created_at`/`updated_at`,
//! the wall-clock stamps the store writes, differ between runs). Records go through the store
//! API inside one transaction.
//!
//! This is a fixture, not part of the library: the benches include it as `common::generate`,
//! the examples and tests with `#[path = "../benches/common/generate/mod.rs"] mod generate;`.

#![allow(dead_code)]

mod records;
pub mod rng;

use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use mentee::domain::MentorStatus;
use mentee::store::{Counts, Result, Store, StoreError};

/// The default "today" of a generated journal.
pub fn default_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

/// Which journal to grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// One person's decade: five mentors, everything else scaled up.
    #[default]
    Decade,
    /// The demo journal's proportions, every kind scaled together.
    Demo,
}

impl FromStr for Shape {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "decade" => Ok(Shape::Decade),
            "demo" => Ok(Shape::Demo),
            other => Err(format!("unknown shape {other:?} (decade or demo)")),
        }
    }
}

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Shape::Decade => "decade",
            Shape::Demo => "demo",
        })
    }
}

/// How big, which shape, from which seed, and relative to which day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Total records to write (drafts are never written).
    pub records: usize,
    pub seed: u64,
    /// Dates are spread over the (up to) ten years before this day, plus a few weeks after.
    pub today: NaiveDate,
    pub shape: Shape,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            records: 100_000,
            seed: 42,
            today: default_today(),
            shape: Shape::Decade,
        }
    }
}

/// How many of each kind to write for `n` records in total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Plan {
    pub mentors: usize,
    pub meetings: usize,
    /// Agenda items over all meetings; `None`: 3–6 per meeting, drawn at random.
    pub agenda_items: Option<usize>,
    pub feedback: usize,
    pub commitments: usize,
    pub gratitude: usize,
    pub reflections: usize,
    pub goals: usize,
    pub progress: usize,
    pub revisions: usize,
    pub health_checks: usize,
    pub questions: usize,
    pub wins: usize,
    pub resources: usize,
}

impl Plan {
    /// The decade shape: shares of the total per kind (agenda items and contacts fill the
    /// rest).
    pub fn for_records(n: usize) -> Plan {
        if n < 50 {
            return Plan {
                mentors: n.min(5),
                ..Plan::default()
            };
        }
        let share = |per_mille: usize| n * per_mille / 1000;
        Plan {
            mentors: 5,
            meetings: share(20).max(1),
            agenda_items: None,
            feedback: share(110),
            commitments: share(240),
            gratitude: share(50),
            reflections: share(5).clamp(1, 520),
            goals: share(2).max(1),
            progress: share(150),
            revisions: share(5),
            health_checks: share(3),
            questions: share(55),
            wins: share(10),
            resources: share(5),
        }
    }

    /// The demo shape: every kind in the proportion it has in `demo` (the demo journal's
    /// counts); contacts fill the rest. At the demo's own size, the demo's own counts.
    pub fn demo_shaped(n: usize, demo: &Counts) -> Plan {
        let total = demo.total().max(1) as usize;
        let share = |kind: &str| {
            let count = demo
                .0
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or(0, |(_, c)| *c as usize);
            n * count / total
        };
        Plan {
            mentors: share("mentors").max(usize::from(n > 0)),
            meetings: share("meetings"),
            agenda_items: Some(share("agenda items")),
            feedback: share("feedback"),
            commitments: share("commitments"),
            gratitude: share("gratitude"),
            reflections: share("reflections"),
            goals: share("goals"),
            progress: share("progress updates"),
            revisions: share("goal revisions"),
            health_checks: share("health checks"),
            questions: share("questions"),
            wins: share("wins"),
            resources: share("resources"),
        }
    }

    /// The plan for `opts` (the demo shape scales [`demo_shape_counts`]).
    pub fn for_options(opts: &Options) -> Result<Plan> {
        Ok(match opts.shape {
            Shape::Decade => Plan::for_records(opts.records),
            Shape::Demo => Plan::demo_shaped(opts.records, &demo_shape_counts()),
        })
    }
}

/// The demo journal's counts per kind when issue 19 defined the demo shape (68 records, two
/// mentors; the four wins and three resources issue 18 added to it included): the shape every
/// demo-shape figure in docs/PERFORMANCE.md is measured on. Pinned rather than read from the
/// demo, so that the demo can grow (issue 18 gave it a mentor of each kind of relationship)
/// without moving the benchmarks: read from today's demo, 100k records would hold twice the
/// mentors.
pub fn demo_shape_counts() -> Counts {
    Counts(vec![
        ("mentors", 2),
        ("contacts", 7),
        ("health checks", 3),
        ("goals", 5),
        ("progress updates", 12),
        ("goal revisions", 0),
        ("meetings", 4),
        ("agenda items", 10),
        ("questions", 2),
        ("feedback", 4),
        ("commitments", 7),
        ("gratitude", 3),
        ("reflections", 2),
        ("wins", 4),
        ("resources", 3),
        ("drafts", 0),
    ])
}

/// A mentor to write: who, in which state, and when the relationship ran.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorSpec {
    pub name: String,
    pub status: MentorStatus,
    /// Days before today the status was set.
    pub since: i64,
    /// Days before today of the first and the last possible meeting (0: still going).
    pub first: i64,
    pub last: i64,
    pub cadence: u32,
}

/// The decade shape's five mentors.
const DECADE_MENTORS: &[(&str, MentorStatus, i64, i64, i64, u32)] = &[
    // name, status, status since, first meeting, last meeting (days before today), cadence
    ("Dewi Lestari", MentorStatus::Ended, 1790, 3650, 1800, 21),
    ("Rahmat Hidayat", MentorStatus::Active, 3010, 3000, 0, 21),
    ("Ana Müller", MentorStatus::Active, 1810, 1800, 0, 14),
    ("Chen Wei 陈伟", MentorStatus::Active, 910, 900, 0, 30),
    ("Siti Nurhaliza", MentorStatus::Candidate, 10, 0, 0, 30),
];

/// Days a demo-shape mentoring agreement runs.
const AGREEMENT_DAYS: i64 = 365;
/// Days between the starts of two demo-shape agreements when there are few of them (the demo
/// has one, started 120 days ago).
const AGREEMENT_SPACING: i64 = 120;
/// The longest span a journal covers: ten years.
const DECADE_DAYS: i64 = 3650;

/// The days before today the journal's history starts.
pub fn span_days(shape: Shape, plan: &Plan) -> i64 {
    match shape {
        Shape::Decade => DECADE_DAYS,
        Shape::Demo => {
            let relations = plan.mentors.div_ceil(2) as i64;
            (relations * AGREEMENT_SPACING).clamp(AGREEMENT_SPACING, DECADE_DAYS)
        }
    }
}

/// The mentors of a journal of `shape`, oldest relationship first. Relationships (not
/// candidates) have windows `first >= last` that never grow younger down the list, so the
/// ones covering a day are a contiguous run (see `records::Generator::mentor_at`).
pub fn mentor_specs(shape: Shape, plan: &Plan) -> Vec<MentorSpec> {
    match shape {
        Shape::Decade => DECADE_MENTORS
            .iter()
            .take(plan.mentors)
            .map(|&(name, status, since, first, last, cadence)| MentorSpec {
                name: name.into(),
                status,
                since,
                first,
                last,
                cadence,
            })
            .collect(),
        Shape::Demo => {
            let span = span_days(shape, plan);
            let relations = plan.mentors.div_ceil(2) as i64;
            let candidates = (plan.mentors / 2) as i64;
            (0..plan.mentors)
                .map(|i| {
                    let k = (i / 2) as i64;
                    let name = mentor_name(i);
                    if i % 2 == 0 {
                        // Agreements start evenly over the span, the oldest first.
                        let first = span - span * k / relations.max(1);
                        let last = (first - AGREEMENT_DAYS).max(0);
                        let (status, since) = if last == 0 {
                            (MentorStatus::Active, first + 10)
                        } else {
                            (MentorStatus::Ended, last)
                        };
                        MentorSpec {
                            name,
                            status,
                            since,
                            first,
                            last,
                            cadence: 14,
                        }
                    } else {
                        MentorSpec {
                            name,
                            status: MentorStatus::Candidate,
                            since: 10 + (span - 10) * (candidates - 1 - k) / candidates.max(1),
                            first: 0,
                            last: 0,
                            cadence: 30,
                        }
                    }
                })
                .collect()
        }
    }
}

/// A name for the `i`-th demo-shape mentor: given and family names, numbered once the
/// combinations run out.
fn mentor_name(i: usize) -> String {
    let (given, family) = (rng::GIVEN_NAMES, rng::FAMILY_NAMES);
    let name = format!(
        "{} {}",
        given[i % given.len()],
        family[(i / given.len()) % family.len()]
    );
    match i / (given.len() * family.len()) {
        0 => name,
        round => format!("{name} {}", round + 1),
    }
}

/// Creates a new journal at `path` filled per `opts`; refuses a file that already exists.
/// Returns the number of records written.
pub fn create(path: &Path, opts: &Options) -> Result<usize> {
    if path.exists() {
        return Err(StoreError::Invalid(format!(
            "{} already exists; choose a new file",
            path.display()
        )));
    }
    let mut store = Store::open(path, false)?;
    fill(&mut store, opts)
}

/// Fills `store` per `opts` in one transaction; returns the number of records written.
pub fn fill(store: &mut Store, opts: &Options) -> Result<usize> {
    let plan = Plan::for_options(opts)?;
    let opts = *opts;
    store.transaction(|s| records::Generator::new(s, opts, plan).run())
}
