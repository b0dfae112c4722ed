//! The per-mentor summary of migration 007 (`mentor_summary`): filled from the rows already
//! there on upgrade, kept equal to a recomputation from the base tables through inserts,
//! edits, moves between mentors, deletes and undo, and giving the nudges exactly what the
//! per-mentor subqueries it replaced gave, records dated ahead included.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

use super::*;
use crate::domain::nudges::MentorFacts;
use crate::domain::*;

/// The schema version that adds the summary: found by the migration's text, so the test
/// follows the file if it is renumbered.
fn summary_version() -> i64 {
    let sql = include_str!("migrations/007_mentor_summary.sql");
    let index = migrate::MIGRATIONS
        .iter()
        .position(|m| *m == sql)
        .expect("the summary migration is registered");
    index as i64 + 1
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The summary as stored: (mentor, status, the four mentor dates and five latest dates).
type SummaryRow = (i64, String, Vec<Option<i64>>);

fn stored(conn: &Connection) -> Vec<SummaryRow> {
    let mut st = conn
        .prepare(
            "SELECT mentor_id, status, status_since, cadence_days, review_on, last_contact,
                last_contact_from_mentor, last_held_meeting, last_thanks, last_health_check
             FROM mentor_summary ORDER BY mentor_id",
        )
        .unwrap();
    st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            (2..10).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?,
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The same, recomputed from the base tables.
fn recomputed(conn: &Connection) -> Vec<SummaryRow> {
    let mut st = conn
        .prepare(
            "SELECT m.id, m.status, unixepoch(m.status_since) / 86400, m.cadence_days,
                unixepoch(m.review_on) / 86400,
                (SELECT unixepoch(max(on_date)) / 86400 FROM contacts WHERE mentor_id = m.id),
                (SELECT unixepoch(max(on_date)) / 86400 FROM contacts
                    WHERE mentor_id = m.id AND initiative = 'mentor'),
                (SELECT unixepoch(substr(max(starts_at), 1, 10)) / 86400 FROM meetings
                    WHERE mentor_id = m.id AND status = 'held'),
                (SELECT unixepoch(max(on_date)) / 86400 FROM gratitude WHERE mentor_id = m.id),
                (SELECT unixepoch(max(on_date)) / 86400 FROM health_checks WHERE mentor_id = m.id)
             FROM mentors m ORDER BY m.id",
        )
        .unwrap();
    st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            (2..10).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?,
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The per-mentor facts as computed before the summary (five index searches per mentor,
/// each bounded by `now`), kept here as the reference.
fn facts_by_subqueries(store: &Store, now: NaiveDateTime) -> Vec<MentorFacts> {
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT m.id, m.status, m.status_since, m.cadence_days, m.review_on,
                (SELECT max(on_date) FROM contacts c WHERE c.mentor_id = m.id AND c.on_date <= ?2),
                (SELECT max(on_date) FROM contacts c WHERE c.mentor_id = m.id AND c.on_date <= ?2
                    AND c.initiative = 'mentor'),
                (SELECT substr(max(starts_at), 1, 10) FROM meetings t
                    WHERE t.mentor_id = m.id AND t.status = 'held' AND t.starts_at <= ?1),
                (SELECT max(on_date) FROM gratitude g WHERE g.mentor_id = m.id AND g.on_date <= ?2),
                (SELECT max(on_date) FROM health_checks h WHERE h.mentor_id = m.id
                    AND h.on_date <= ?2),
                (SELECT substr(max(starts_at), 1, 10) FROM meetings t
                    WHERE t.mentor_id = m.id AND t.status = 'planned')
             FROM mentors m WHERE m.status IN ('candidate', 'approached', 'active', 'paused')
             ORDER BY m.id",
        )
        .unwrap();
    stmt.query_map(params![now, now.date()], |r| {
        Ok(MentorFacts {
            id: r.get(0)?,
            status: r.get(1)?,
            status_since: r.get(2)?,
            cadence_days: r.get(3)?,
            review_on: r.get(4)?,
            last_contact: r.get(5)?,
            last_contact_from_mentor: r.get(6)?,
            last_held_meeting: r.get(7)?,
            last_thanks: r.get(8)?,
            last_health_check: r.get(9)?,
            last_planned_meeting: r.get(10)?,
        })
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

#[test]
fn an_older_journal_gets_its_summary_filled_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        std::fs::File::create(&path).unwrap();
        let mut conn = Connection::open(&path).unwrap();
        open::configure(&conn).unwrap();
        migrate::migrate_to(&mut conn, Some(&path), summary_version() - 1).unwrap();
        conn.execute_batch(
            "INSERT INTO mentors (id, uuid, created_at, updated_at, name, status, status_since,
                cadence_days, review_on)
             VALUES (1, 'm1', 'x', 'x', 'Ana', 'active', '2026-01-01', 14, '2026-06-01'),
                    (2, 'm2', 'x', 'x', 'Budi', 'candidate', '2026-05-01', NULL, NULL),
                    (3, 'm3', 'x', 'x', 'Cici', 'ended', NULL, NULL, NULL);
             INSERT INTO contacts (uuid, created_at, updated_at, mentor_id, on_date, initiative)
             VALUES ('c1', 'x', 'x', 1, '2026-05-20', 'me'),
                    ('c2', 'x', 'x', 1, '2026-05-25', 'mentor'),
                    ('c3', 'x', 'x', 1, '2026-07-01', 'me'),
                    ('c4', 'x', 'x', 2, '2026-05-03', 'mentor');
             INSERT INTO meetings (uuid, created_at, updated_at, mentor_id, starts_at, status)
             VALUES ('t1', 'x', 'x', 1, '2026-05-31 23:30', 'held'),
                    ('t2', 'x', 'x', 1, '2026-06-30 09:00', 'planned'),
                    ('t3', 'x', 'x', 3, '2020-01-01 09:00', 'held');
             INSERT INTO gratitude (uuid, created_at, updated_at, mentor_id, on_date, what_for)
             VALUES ('g1', 'x', 'x', 1, '2026-06-02', 'the intro'),
                    ('g2', 'x', 'x', NULL, '2026-06-03', 'loose');
             INSERT INTO health_checks (uuid, created_at, updated_at, mentor_id, on_date)
             VALUES ('h1', 'x', 'x', 1, '2026-04-01');",
        )
        .unwrap();
    }
    let store = Store::open(&path, false).unwrap();
    assert!(store.migrated_backup().is_some());
    let conn = store.conn();
    assert_eq!(stored(conn), recomputed(conn));
    let day = |y, m, dd| Some(sql::day_number(d(y, m, dd)));
    assert_eq!(
        stored(conn)[0].2,
        vec![
            day(2026, 1, 1),
            Some(14),
            day(2026, 6, 1),
            day(2026, 7, 1),
            day(2026, 5, 25),
            day(2026, 5, 31),
            day(2026, 6, 2),
            day(2026, 4, 1),
        ]
    );
    // The nudges see what they saw before the upgrade, bounded by "now".
    for now in [
        d(2026, 6, 15),
        d(2026, 5, 31),
        d(2026, 5, 24),
        d(2027, 1, 1),
    ] {
        for (h, m) in [(9, 0), (23, 59)] {
            let now = now.and_hms_opt(h, m, 0).unwrap();
            assert_eq!(
                store.nudge_input(now).unwrap().mentors,
                facts_by_subqueries(&store, now),
                "{now}"
            );
        }
    }
}

/// A tiny deterministic generator for the random edits below.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn the_summary_follows_every_kind_of_write() {
    let mut s = Store::open_in_memory().unwrap();
    let mut rng = Lcg(7);
    let base = d(2026, 6, 1);
    let mut mentors = Vec::new();
    let statuses = [
        MentorStatus::Candidate,
        MentorStatus::Approached,
        MentorStatus::Active,
        MentorStatus::Paused,
        MentorStatus::Ended,
    ];
    for i in 0..6 {
        let mut m = Mentor::new(format!("M{i}"));
        m.status = statuses[i % statuses.len()];
        m.status_since = Some(base - Duration::days(40 * i as i64));
        m.cadence_days = Some(14);
        mentors.push(s.save_mentor(&m).unwrap());
    }
    for step in 0..300 {
        let day = base + Duration::days(rng.below(120) as i64 - 90);
        let mentor = mentors[rng.below(mentors.len() as u64) as usize];
        match rng.below(12) {
            0 | 1 => {
                s.save_contact(&Contact {
                    id: 0,
                    uuid: String::new(),
                    mentor_id: mentor,
                    on: day,
                    channel: String::new(),
                    initiative: if rng.below(2) == 0 {
                        Party::Me
                    } else {
                        Party::Mentor
                    },
                    note: String::new(),
                    private: false,
                })
                .unwrap();
            }
            2 | 3 => {
                let status = [
                    MeetingStatus::Planned,
                    MeetingStatus::Held,
                    MeetingStatus::Cancelled,
                ][rng.below(3) as usize];
                s.save_meeting(&Meeting {
                    id: 0,
                    uuid: String::new(),
                    mentor_id: mentor,
                    starts_at: day.and_hms_opt(9 + rng.below(14) as u32, 0, 0).unwrap(),
                    minutes: 30,
                    status,
                    channel: String::new(),
                    notes: String::new(),
                    agenda_ready: false,
                    private: false,
                })
                .unwrap();
            }
            4 => {
                s.save_gratitude(&Gratitude {
                    id: 0,
                    uuid: String::new(),
                    mentor_id: (rng.below(4) > 0).then_some(mentor),
                    meeting_id: None,
                    commitment_id: None,
                    on: day,
                    what_for: "help".into(),
                    sent: true,
                    channel: String::new(),
                    private: false,
                })
                .unwrap();
            }
            5 => {
                s.save_health_check(&HealthCheck {
                    id: 0,
                    uuid: String::new(),
                    mentor_id: mentor,
                    on: day,
                    ratings: vec![],
                    note: String::new(),
                    private: false,
                })
                .unwrap();
            }
            6 => {
                // Move, re-date or re-status an existing record.
                let conn = s.conn();
                let other = mentors[rng.below(mentors.len() as u64) as usize];
                let sql = [
                    "UPDATE contacts SET mentor_id = ?1, on_date = ?2 WHERE id = (SELECT id FROM contacts ORDER BY id LIMIT 1 OFFSET ?3)",
                    "UPDATE contacts SET initiative = CASE initiative WHEN 'me' THEN 'mentor' ELSE 'me' END, on_date = ?2 WHERE mentor_id = ?1 AND ?3 = ?3",
                    "UPDATE meetings SET mentor_id = ?1, starts_at = ?2 || ' 10:00:00' WHERE id = (SELECT id FROM meetings ORDER BY id LIMIT 1 OFFSET ?3)",
                    "UPDATE meetings SET status = CASE status WHEN 'held' THEN 'planned' ELSE 'held' END WHERE mentor_id = ?1 AND ?2 = ?2 AND ?3 = ?3",
                    "UPDATE gratitude SET mentor_id = CASE WHEN mentor_id IS NULL THEN ?1 END, on_date = ?2 WHERE id = (SELECT id FROM gratitude ORDER BY id LIMIT 1 OFFSET ?3)",
                    "UPDATE health_checks SET mentor_id = ?1, on_date = ?2 WHERE id = (SELECT id FROM health_checks ORDER BY id LIMIT 1 OFFSET ?3)",
                ][rng.below(6) as usize];
                conn.execute(sql, params![other, day, rng.below(10) as i64])
                    .unwrap();
            }
            7 => {
                let table =
                    ["contacts", "meetings", "gratitude", "health_checks"][rng.below(4) as usize];
                let id: Option<i64> = s
                    .conn()
                    .query_row(
                        &format!("SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET ?1"),
                        [rng.below(8) as i64],
                        |r| r.get(0),
                    )
                    .ok();
                if let Some(id) = id {
                    s.conn()
                        .execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])
                        .unwrap();
                }
            }
            8 => {
                let mut m = s.mentor(mentor).unwrap();
                m.status = statuses[rng.below(5) as usize];
                m.status_since = Some(day);
                m.review_on = (rng.below(2) == 0).then_some(day);
                m.cadence_days = Some(7 + rng.below(30) as u32);
                s.save_mentor(&m).unwrap();
            }
            9 if step % 5 == 0 => {
                // Delete a mentor with everything of theirs, then undo it.
                let deleted = s
                    .delete_with_undo(crate::domain::RecordKind::Mentor, mentor)
                    .unwrap();
                assert_eq!(stored(s.conn()), recomputed(s.conn()), "step {step}");
                s.undo_delete(&deleted).unwrap();
            }
            _ => {}
        }
        assert_eq!(stored(s.conn()), recomputed(s.conn()), "step {step}");
        let now = (base + Duration::days(rng.below(60) as i64 - 30))
            .and_hms_opt(rng.below(24) as u32, 0, 0)
            .unwrap();
        assert_eq!(
            s.nudge_input(now).unwrap().mentors,
            facts_by_subqueries(&s, now),
            "step {step}, now {now}"
        );
    }
    // A mentor deleted for good leaves no summary behind.
    s.delete_mentor(mentors[0]).unwrap();
    assert_eq!(stored(s.conn()), recomputed(s.conn()));
}
