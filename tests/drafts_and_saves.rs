//! A record and its draft (issue 12 item 4): `Store::save_with_draft` saves the record and
//! forgets the draft in one transaction, so a process killed at any moment leaves either the
//! draft (nothing saved) or the record (no draft) — never both, which would offer the text
//! back to be saved a second time, and never neither.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mentee::domain::*;
use mentee::store::{Store, StoreError};

const KEY: &str = "feedback:new";

fn feedback(text: &str) -> Feedback {
    Feedback {
        id: 0,
        uuid: String::new(),
        mentor_id: None,
        meeting_id: None,
        received_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        kind: FeedbackKind::Suggestion,
        text: text.into(),
        reaction: String::new(),
        status: FeedbackStatus::Open,
        goal_id: None,
        private: false,
    }
}

use chrono::NaiveDate;

#[test]
fn the_draft_goes_with_the_save_or_stays_with_its_failure() {
    let mut store = Store::open_in_memory().unwrap();
    store.save_draft(KEY, r#"{"text":"one"}"#).unwrap();
    let id = store
        .save_with_draft(KEY, |s| s.save_feedback(&feedback("one")))
        .unwrap();
    assert!(id > 0);
    assert_eq!(
        store.draft(KEY).unwrap(),
        None,
        "the draft went with the save"
    );
    // A save that fails keeps the draft (and writes nothing).
    store.save_draft(KEY, r#"{"text":""}"#).unwrap();
    let err = store.save_with_draft(KEY, |s| s.save_feedback(&feedback("  ")));
    assert!(matches!(err, Err(StoreError::Limit(_))), "{err:?}");
    assert!(store.draft(KEY).unwrap().is_some(), "the draft is kept");
}

/// Child: types a draft, then saves it with its draft, over and over; `ack N` after each.
#[test]
#[ignore = "run as a child process by a_kill_at_any_moment_never_duplicates_nor_loses"]
fn child_save_with_draft() {
    let Ok(db) = std::env::var("MENTEE_CHILD_DB") else {
        return;
    };
    let mut store = Store::open(Path::new(&db), false).unwrap();
    for n in 0.. {
        let text = format!("entry {n}");
        store
            .save_draft(KEY, &serde_json::json!({ "text": text }).to_string())
            .unwrap();
        store
            .save_with_draft(KEY, |s| s.save_feedback(&feedback(&text)))
            .unwrap();
        println!("ack {n}");
    }
}

#[test]
fn a_kill_at_any_moment_never_duplicates_nor_loses() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    drop(Store::open(&db, false).unwrap());
    // Kill points spread over the first ~40 ms of saving, a different one each run.
    for run in 0..24u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_save_with_draft",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("MENTEE_CHILD_DB", &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Wait for the first acknowledged save, then let it run a little.
        let mut last_ack: Option<u64> = None;
        for line in lines.by_ref() {
            if let Some(n) = line.unwrap().strip_prefix("ack ") {
                last_ack = n.parse().ok();
                break;
            }
        }
        let start = Instant::now();
        let wait = Duration::from_micros((run * 7_919) % 40_000);
        while start.elapsed() < wait {
            std::hint::spin_loop();
        }
        child.kill().unwrap(); // SIGKILL, wherever it is
        child.wait().unwrap();
        for line in lines.map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("ack ") {
                last_ack = n.parse().ok();
            }
        }
        check(&db, last_ack.expect("the child saved something"), run);
    }
}

/// After a kill: every acknowledged entry saved once, no entry saved twice, and a draft left
/// behind is for an entry that was not saved.
fn check(db: &Path, last_ack: u64, run: u64) {
    let store = Store::open(db, false).unwrap();
    let texts: Vec<String> = store
        .conn()
        .prepare("SELECT text FROM feedback")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut seen = std::collections::HashSet::new();
    for t in &texts {
        assert!(seen.insert(t.clone()), "run {run}: {t:?} saved twice");
    }
    // Entries restart at 0 on each run, so one run's entries are the latest ones.
    let count = |text: &str| texts.iter().filter(|t| *t == text).count();
    for n in 0..=last_ack {
        assert!(
            count(&format!("entry {n}")) >= 1,
            "run {run}: entry {n} lost"
        );
    }
    if let Some(payload) = store.draft(KEY).unwrap() {
        let v: serde_json::Value = serde_json::from_str(&payload).unwrap();
        let text = v["text"].as_str().unwrap();
        assert_eq!(
            count(text),
            0,
            "run {run}: the draft of {text:?} is still offered although it was saved"
        );
        store.delete_draft(KEY).unwrap();
    }
    // Start the next run from a clean table (the entries' names repeat).
    store.conn().execute("DELETE FROM feedback", []).unwrap();
}
