//! Migration 010 (`010_fit_search.sql`): the notes of a mentor's fit scorecard are found by
//! search as part of the mentor's entry, follow every write, stay out while the scorecard is
//! private, and survive the bulk rebuild of an import.

use rusqlite::Connection;

use super::{Store, migrate};
use crate::domain::fit::{FitRating, MentorFit};
use crate::domain::{Mentor, RecordKind};

fn fit(mentor_id: i64, note: &str, private: bool) -> MentorFit {
    MentorFit {
        id: 0,
        uuid: String::new(),
        mentor_id,
        ratings: vec![FitRating {
            criterion: "listening".into(),
            rating: 4,
            note: note.into(),
        }],
        private,
    }
}

fn mentors_found(store: &Store, word: &str) -> Vec<i64> {
    store
        .search(word, 50)
        .unwrap()
        .into_iter()
        .filter(|h| h.kind == RecordKind::Mentor)
        .map(|h| h.id)
        .collect()
}

#[test]
fn a_scorecard_note_finds_its_mentor_and_follows_every_write() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.save_mentor(&Mentor::new("Ana")).unwrap();
    let budi = store.save_mentor(&Mentor::new("Budi")).unwrap();
    assert!(mentors_found(&store, "patient").is_empty());
    store
        .save_mentor_fit(&fit(ana, "very patient listener", false))
        .unwrap();
    assert_eq!(mentors_found(&store, "patient"), [ana]);
    // The mentor's own text is still found, with the note.
    let mut m = store.mentor(ana).unwrap();
    m.expertise = "Kubernetes operations".into();
    store.save_mentor(&m).unwrap();
    assert_eq!(mentors_found(&store, "kubernetes"), [ana]);
    assert_eq!(mentors_found(&store, "patient"), [ana]);
    // A changed note replaces the old one.
    store
        .save_mentor_fit(&fit(ana, "answers within a day", false))
        .unwrap();
    assert!(mentors_found(&store, "patient").is_empty());
    assert_eq!(mentors_found(&store, "answers"), [ana]);
    // A private scorecard's notes are not in the index at all.
    store
        .save_mentor_fit(&fit(ana, "answers within a day", true))
        .unwrap();
    assert!(mentors_found(&store, "answers").is_empty());
    assert_eq!(
        mentors_found(&store, "kubernetes"),
        [ana],
        "the mentor stays"
    );
    // A removed scorecard takes its notes along; the other mentor is untouched.
    store
        .save_mentor_fit(&fit(budi, "thorough reviews", false))
        .unwrap();
    store
        .conn()
        .execute("DELETE FROM mentor_fit WHERE mentor_id = ?1", [budi])
        .unwrap();
    assert!(mentors_found(&store, "thorough").is_empty());
    assert_eq!(mentors_found(&store, "budi"), [budi]);
    // A deleted mentor leaves no entry behind (the scorecard goes with them).
    store.delete_mentor(ana).unwrap();
    assert!(mentors_found(&store, "kubernetes").is_empty());
}

#[test]
fn a_bulk_rebuild_indexes_the_notes_as_the_triggers_do() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.save_mentor(&Mentor::new("Ana")).unwrap();
    store
        .save_mentor_fit(&fit(ana, "very patient listener", false))
        .unwrap();
    let before: Vec<(i64, String)> = entries(store.conn());
    let triggers = super::search::pause_index(store.conn()).unwrap();
    super::search::resume_index(store.conn(), &triggers).unwrap();
    assert_eq!(entries(store.conn()), before);
    assert_eq!(mentors_found(&store, "patient"), [ana]);
}

fn entries(conn: &Connection) -> Vec<(i64, String)> {
    let mut st = conn
        .prepare("SELECT rowid, body FROM search ORDER BY rowid")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_journal_of_the_version_before_upgrades_with_its_notes_found() {
    let sql = include_str!("migrations/010_fit_search.sql");
    let version = migrate::MIGRATIONS
        .iter()
        .position(|m| *m == sql)
        .expect("the migration is registered") as i64;
    let mut conn = Connection::open_in_memory().unwrap();
    migrate::migrate_to(&mut conn, None, version).unwrap();
    conn.execute_batch(
        "INSERT INTO mentors (uuid, created_at, updated_at, name, status, closing_notes)
         VALUES ('m1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Daniel', 'candidate', '');
         INSERT INTO mentor_fit (uuid, created_at, updated_at, mentor_id, ratings)
         VALUES ('f1', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 1,
                 '[{\"criterion\": \"listening\", \"rating\": 4, \"note\": \"patient listener\"}]');",
    )
    .unwrap();
    migrate::migrate(&mut conn, None).unwrap();
    let store = Store::from_connection(conn, None).unwrap();
    assert_eq!(mentors_found(&store, "patient"), [1]);
    assert_eq!(mentors_found(&store, "daniel"), [1]);
}
