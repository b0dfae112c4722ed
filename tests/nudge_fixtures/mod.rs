//! The journals and clock times the nudge tests share (`tests/nudge_scope.rs`,
//! `tests/nudge_pages.rs`); each test file declares `mod generate` beside this module.

use chrono::{Duration, NaiveDateTime};
use mentee::domain::MentorStatus;
use mentee::store::Store;

use crate::generate::{Options, Shape, default_today, fill};

/// A demo-shaped journal of `records` records, with some mentors moved to the statuses the
/// generator leaves out (approached, paused), so each rule has mentors to fire on.
pub fn journal(records: usize, seed: u64) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let opts = Options {
        records,
        seed,
        shape: Shape::Demo,
        ..Options::default()
    };
    fill(&mut s, &opts).unwrap();
    for (i, mut m) in s.mentors().unwrap().into_iter().enumerate() {
        let to = match (i % 7, m.status) {
            (0, MentorStatus::Candidate) => MentorStatus::Approached,
            (1, MentorStatus::Active) => MentorStatus::Paused,
            _ => continue,
        };
        m.status = to;
        s.save_mentor(&m).unwrap();
    }
    s
}

/// The "now"s the nudges are checked at: today, six weeks and a year before, twelve days on.
pub fn nows() -> Vec<NaiveDateTime> {
    let nine = |days: i64| {
        (default_today() + Duration::days(days))
            .and_hms_opt(9, 0, 0)
            .unwrap()
    };
    vec![nine(0), nine(-45), nine(-400), nine(12)]
}
