//! Store tests on in-memory and temp-file journals: opening safely, migrations, round trips
//! of every record kind, and the search index kept in sync by triggers.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::domain::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn search_count(store: &Store, query: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT count(*) FROM search WHERE search MATCH ?1",
            [query],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn new_journal_is_private_and_configured() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/journal.db");
    let store = Store::open(&path, true).unwrap();
    assert_eq!(mode(&path), 0o600, "journal file mode");
    assert_eq!(mode(path.parent().unwrap()), 0o700, "journal folder mode");
    let conn = store.conn();
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    assert_eq!(sync, 2, "synchronous = FULL");
    assert_eq!(fk, 1);
    assert_eq!(app_id as u32, migrate::APPLICATION_ID);
    assert_eq!(store.schema_version().unwrap(), migrate::LATEST_VERSION);
}

#[test]
fn missing_folder_of_an_explicit_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope/journal.db");
    let err = Store::open(&path, false).err().unwrap();
    assert!(matches!(err, StoreError::MissingDirectory { .. }), "{err}");
    assert!(err.to_string().contains("does not exist"));
    assert!(!path.exists());
}

#[test]
fn migrate_twice_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    {
        let store = Store::open(&path, false).unwrap();
        store.save_mentor(&Mentor::new("Ada")).unwrap();
    }
    let store = Store::open(&path, false).unwrap();
    assert!(
        store.migrated_backup().is_none(),
        "nothing to migrate, no backup"
    );
    assert_eq!(store.mentors().unwrap().len(), 1);
    let mut conn = Connection::open(&path).unwrap();
    assert_eq!(migrate::migrate(&mut conn, Some(&path)).unwrap(), None);
}

#[test]
fn an_old_version_is_migrated_with_a_backup_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A version-1 journal (before the search index) with one goal in it.
        fs::File::create(&path).unwrap();
        let mut conn = Connection::open(&path).unwrap();
        open::configure(&conn).unwrap();
        migrate::migrate_to(&mut conn, Some(&path), 1).unwrap();
        conn.execute(
            "INSERT INTO goals (uuid, created_at, updated_at, title) VALUES ('u1', 'x', 'x', 'Speak at the meetup')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path, false).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::LATEST_VERSION);
    let backup = store
        .migrated_backup()
        .expect("a backup copy was taken")
        .to_path_buf();
    assert!(backup.exists());
    assert_eq!(mode(&backup), 0o600);
    let old = Connection::open(&backup).unwrap();
    assert_eq!(
        migrate::version(&old).unwrap(),
        1,
        "the backup is the file as it was"
    );
    // The index was filled from the rows already there.
    assert_eq!(search_count(&store, "meetup"), 1);
}

#[test]
fn every_migration_step_applies_on_top_of_the_previous() {
    for target in 0..=migrate::LATEST_VERSION {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate::migrate_to(&mut conn, None, target).unwrap();
        migrate::migrate(&mut conn, None).unwrap();
        assert_eq!(
            migrate::version(&conn).unwrap(),
            migrate::LATEST_VERSION,
            "from version {target}"
        );
    }
}

fn refused_untouched(bytes: &[u8], expect: impl Fn(&StoreError) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("file.db");
    fs::write(&path, bytes).unwrap();
    let err = Store::open(&path, false).err().expect("must be refused");
    assert!(expect(&err), "unexpected error: {err}");
    assert!(!err.to_string().contains('\n'), "one line: {err}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "file is byte-identical");
    assert!(!dir.path().join("file.db-wal").exists());
}

fn journal_bytes(setup: impl FnOnce(&Connection)) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("src.db");
    {
        let store = Store::open(&path, false).unwrap();
        store.save_mentor(&Mentor::new("Ada")).unwrap();
        setup(store.conn());
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .unwrap();
    }
    fs::read(&path).unwrap()
}

#[test]
fn a_newer_journal_is_refused_untouched() {
    let bytes = journal_bytes(|c| c.pragma_update(None, "user_version", 99).unwrap());
    refused_untouched(&bytes, |e| {
        matches!(e, StoreError::NewerSchema { found: 99, .. })
    });
}

#[test]
fn a_random_file_is_refused_untouched() {
    refused_untouched(b"just some notes, not a database\n", |e| {
        matches!(e, StoreError::NotSqlite { .. })
    });
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    refused_untouched(&noise, |e| matches!(e, StoreError::NotSqlite { .. }));
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
            .unwrap();
    }
    let bytes = fs::read(&path).unwrap();
    refused_untouched(&bytes, |e| matches!(e, StoreError::NotJournal { .. }));
}

#[test]
fn a_truncated_journal_is_refused_untouched() {
    let bytes = journal_bytes(|_| {});
    let cut = &bytes[..bytes.len() / 2];
    refused_untouched(cut, |e| matches!(e, StoreError::Corrupt { .. }));
}

#[test]
fn a_read_only_journal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    fs::write(&path, journal_bytes(|_| {})).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o400)).unwrap();
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path, false).err().unwrap();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn mentor_round_trip_and_update() {
    let store = Store::open_in_memory().unwrap();
    let mut m = Mentor::new("Daniel Okafor");
    m.status = MentorStatus::Active;
    m.cadence_days = Some(14);
    m.review_on = Some(d(2026, 12, 2));
    m.why_them = "Candid feedback".into();
    let id = store.save_mentor(&m).unwrap();
    let mut back = store.mentor(id).unwrap();
    assert_eq!(back.uuid.len(), 36);
    m.id = id;
    m.uuid = back.uuid.clone();
    assert_eq!(back, m);
    back.status = MentorStatus::Paused;
    store.save_mentor(&back).unwrap();
    assert_eq!(store.mentor(id).unwrap().status, MentorStatus::Paused);
    assert!(matches!(
        store.mentor(999),
        Err(StoreError::NotFound { .. })
    ));
    assert!(
        store.save_mentor(&Mentor::new("  ")).is_err(),
        "a name is required"
    );
}

fn sample(store: &Store) -> (i64, i64, i64) {
    let mentor = store.save_mentor(&Mentor::new("Sari")).unwrap();
    let mut g = Goal::new("Speak at PyCon");
    g.metric = "talks".into();
    g.baseline = Some(0.0);
    g.target = Some(1.0);
    g.due = Some(d(2027, 3, 1));
    g.mentor_id = Some(mentor);
    let goal = store.save_goal(&g).unwrap();
    let meeting = store
        .save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            starts_at: d(2026, 12, 1).and_hms_opt(23, 30, 0).unwrap(),
            minutes: 30,
            status: MeetingStatus::Planned,
            channel: "video".into(),
            notes: String::new(),
            agenda_ready: false,
            private: false,
        })
        .unwrap();
    (mentor, goal, meeting)
}

#[test]
fn every_record_kind_round_trips() {
    let store = Store::open_in_memory().unwrap();
    let (mentor, goal, meeting) = sample(&store);
    store
        .save_contact(&Contact {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            on: d(2026, 11, 1),
            channel: "chat".into(),
            initiative: Party::Me,
            note: "hi".into(),
            private: true,
        })
        .unwrap();
    assert_eq!(
        store.contacts_of(mentor, 10).unwrap()[0].initiative,
        Party::Me
    );
    store
        .save_health_check(&HealthCheck {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            on: d(2026, 11, 2),
            ratings: vec![("progress".into(), 4), ("trust".into(), 5)],
            note: String::new(),
            private: false,
        })
        .unwrap();
    assert_eq!(
        store.health_checks_of(mentor, 5).unwrap()[0].ratings.len(),
        2
    );
    let bad = HealthCheck {
        id: 0,
        uuid: String::new(),
        mentor_id: mentor,
        on: d(2026, 11, 2),
        ratings: vec![("progress".into(), 6)],
        note: String::new(),
        private: false,
    };
    assert!(store.save_health_check(&bad).is_err());
    store
        .save_progress(&ProgressUpdate {
            id: 0,
            uuid: String::new(),
            goal_id: goal,
            on: d(2026, 11, 3),
            value: 0.5,
            note: "half".into(),
        })
        .unwrap();
    let summaries = store.goal_summaries(10).unwrap();
    assert_eq!(summaries[0].latest, Some(0.5));
    assert_eq!(summaries[0].goal.progress(summaries[0].latest), Some(0.5));
    let item = AgendaItem {
        id: 0,
        uuid: String::new(),
        meeting_id: meeting,
        kind: AgendaKind::Question,
        text: "How to pitch?".into(),
        outcome: "a plan".into(),
        minutes: Some(10),
        position: 0,
        discussed: false,
        note: String::new(),
        goal_id: Some(goal),
        commitment_id: None,
        feedback_id: None,
        carried_from: None,
        source: Some("question:1".into()),
        private: false,
    };
    store.save_agenda_item(&item).unwrap();
    store
        .save_agenda_item(&AgendaItem {
            text: "Second".into(),
            ..item.clone()
        })
        .unwrap();
    let agenda = store.agenda_of(meeting).unwrap();
    assert_eq!(
        agenda.iter().map(|a| a.position).collect::<Vec<_>>(),
        vec![1, 2]
    );
    let upcoming = store
        .upcoming_meetings(d(2026, 11, 27).and_hms_opt(9, 0, 0).unwrap(), 5)
        .unwrap();
    assert_eq!(upcoming[0].items, 2);
    assert_eq!(upcoming[0].planned_minutes, 20);
    assert_eq!(upcoming[0].readiness, AgendaReadiness::Draft);
    let fb = store
        .save_feedback(&Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(mentor),
            meeting_id: Some(meeting),
            received_on: d(2026, 11, 4),
            kind: FeedbackKind::Suggestion,
            text: "Lead with the story".into(),
            reaction: String::new(),
            status: FeedbackStatus::Open,
            goal_id: Some(goal),
            private: false,
        })
        .unwrap();
    assert_eq!(
        store.open_feedback(5).unwrap()[0].mentor_name.as_deref(),
        Some("Sari")
    );
    let c = store
        .save_commitment(&Commitment {
            id: 0,
            uuid: String::new(),
            owner: Party::Me,
            text: "Rewrite the opening".into(),
            due: Some(d(2026, 11, 20)),
            status: CommitmentStatus::Open,
            done_on: None,
            result: String::new(),
            mentor_id: Some(mentor),
            meeting_id: Some(meeting),
            feedback_id: Some(fb),
            reported_on: None,
            created_on: d(2026, 11, 4),
            private: false,
        })
        .unwrap();
    assert_eq!(store.commitment(c).unwrap().feedback_id, Some(fb));
    assert_eq!(
        store
            .open_commitments_due_by(d(2026, 11, 27), 5)
            .unwrap()
            .len(),
        1
    );
    store
        .save_gratitude(&Gratitude {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(mentor),
            meeting_id: Some(meeting),
            commitment_id: Some(c),
            on: d(2026, 11, 5),
            what_for: "the story tip".into(),
            sent: false,
            channel: String::new(),
            private: false,
        })
        .unwrap();
    assert!(!store.gratitude_list(5).unwrap()[0].gratitude.sent);
    store
        .save_reflection(&Reflection {
            id: 0,
            uuid: String::new(),
            period: Period::Week,
            period_start: d(2026, 11, 23),
            template: "rolfe".into(),
            answers: vec![("what".into(), "Gave the dry run".into())],
            private: true,
        })
        .unwrap();
    assert_eq!(
        store.reflections(5).unwrap()[0].answers[0].1,
        "Gave the dry run"
    );
    store
        .save_question(&Question {
            id: 0,
            uuid: String::new(),
            text: "How did you start?".into(),
            mentor_id: None,
            agenda_item_id: None,
            private: false,
        })
        .unwrap();
    assert_eq!(store.open_questions(5).unwrap().len(), 1);
    let counts = store.counts().unwrap();
    assert_eq!(counts.total(), 13);
    let report = store.check().unwrap();
    assert_eq!(report.integrity, vec!["ok".to_string()]);
    assert_eq!(report.foreign_key_problems, 0);
}

#[test]
fn search_index_follows_inserts_updates_and_deletes() {
    let store = Store::open_in_memory().unwrap();
    let (_, goal, _) = sample(&store);
    assert_eq!(search_count(&store, "pycon"), 1);
    let mut g = store.goal(goal).unwrap();
    g.title = "Bicara di kafe komunitas".into();
    g.specific = "Presentasi di café".into();
    store.save_goal(&g).unwrap();
    assert_eq!(search_count(&store, "pycon"), 0);
    assert_eq!(search_count(&store, "cafe"), 1, "diacritics are folded");
    assert_eq!(search_count(&store, "kafe"), 1);
    store.delete_goal(goal).unwrap();
    assert_eq!(search_count(&store, "kafe"), 0);
}

#[test]
fn deleting_a_mentor_cascades_and_unlinks() {
    let store = Store::open_in_memory().unwrap();
    let (mentor, goal, meeting) = sample(&store);
    store.delete_mentor(mentor).unwrap();
    assert!(
        matches!(store.meeting(meeting), Err(StoreError::NotFound { .. })),
        "meetings go with the mentor"
    );
    assert_eq!(
        store.goal(goal).unwrap().mentor_id,
        None,
        "goals stay, unlinked"
    );
}

#[test]
fn drafts_are_kept_until_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    {
        let store = Store::open(&path, false).unwrap();
        store.save_draft("goal:new", r#"{"title":"Spea"}"#).unwrap();
        store
            .save_draft("goal:new", r#"{"title":"Speak"}"#)
            .unwrap();
    }
    let store = Store::open(&path, false).unwrap();
    assert_eq!(
        store.draft("goal:new").unwrap().as_deref(),
        Some(r#"{"title":"Speak"}"#)
    );
    assert_eq!(store.drafts().unwrap().len(), 1);
    store.delete_draft("goal:new").unwrap();
    assert_eq!(store.draft("goal:new").unwrap(), None);
}

#[test]
fn a_transaction_is_all_or_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let result: Result<()> = store.transaction(|s| {
        s.save_mentor(&Mentor::new("Kept?"))?;
        Err(StoreError::Invalid("stop".into()))
    });
    assert!(result.is_err());
    assert!(store.mentors().unwrap().is_empty());
}

#[test]
fn backup_is_a_consistent_private_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("j.db"), false).unwrap();
    sample(&store);
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    assert_eq!(mode(&copy), 0o600);
    let back = Store::open(&copy, false).unwrap();
    assert_eq!(back.counts().unwrap(), store.counts().unwrap());
}
