//! Migration 008 (`008_growth.sql`): a journal of version 7 upgrades with its records kept,
//! its mentors become plain mentors, and the new kinds are versioned and searchable.

use rusqlite::Connection;

use super::migrate;

/// The schema version that adds the growth tables, found by the migration's text.
fn growth_version() -> i64 {
    let sql = include_str!("migrations/008_growth.sql");
    let index = migrate::MIGRATIONS
        .iter()
        .position(|m| *m == sql)
        .expect("the growth migration is registered");
    index as i64 + 1
}

fn search(conn: &Connection, word: &str) -> Vec<(String, String)> {
    let mut st = conn
        .prepare("SELECT kind, title FROM search WHERE search MATCH ?1 ORDER BY rowid")
        .unwrap();
    st.query_map([word], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_version_7_journal_upgrades_and_the_new_kinds_work() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate::migrate_to(&mut conn, None, growth_version() - 1).unwrap();
    conn.execute_batch(
        "INSERT INTO mentors (uuid, created_at, updated_at, name, status, closing_notes)
         VALUES ('m1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Daniel', 'active', '');
         INSERT INTO gratitude (uuid, created_at, updated_at, mentor_id, on_date, what_for)
         VALUES ('g1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, '2026-01-02', 'the intro');
         INSERT INTO meetings (uuid, created_at, updated_at, mentor_id, starts_at)
         VALUES ('t1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, '2026-01-05 10:00');",
    )
    .unwrap();
    migrate::migrate(&mut conn, None).unwrap();
    assert_eq!(migrate::version(&conn).unwrap(), migrate::LATEST_VERSION);

    let (relationship, notes): (String, String) = conn
        .query_row(
            "SELECT relationship, agreement_notes FROM mentors WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((relationship.as_str(), notes.as_str()), ("mentor", ""));
    assert!(
        conn.execute("UPDATE mentors SET relationship = 'boss' WHERE id = 1", [])
            .is_err(),
        "an unknown relationship is refused"
    );
    conn.execute(
        "UPDATE mentors SET agreement_notes = 'confidential; candid feedback' WHERE id = 1",
        [],
    )
    .unwrap();
    assert_eq!(
        search(&conn, "candid"),
        [("mentor".into(), "Daniel".into())]
    );

    conn.execute_batch(
        "INSERT INTO wins (uuid, created_at, updated_at, on_date, what, evidence, mentor_id)
         VALUES ('w1', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-02-01',
                 'Shipped the migration', 'https://example.org/pr/1', 1);
         INSERT INTO resources (uuid, created_at, updated_at, kind, title, recommended_on, mentor_id)
         VALUES ('r1', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'person',
                 'Ayu from the platform team', '2026-02-01', 1);
         UPDATE gratitude SET resource_id = 1 WHERE id = 1;
         INSERT INTO mentor_fit (uuid, created_at, updated_at, mentor_id, ratings)
         VALUES ('f1', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 1,
                 '[{\"criterion\": \"listening\", \"rating\": 4, \"note\": \"\"}]');
         UPDATE meetings SET ics_uid = 'abc@calendar', ics_sequence = 2 WHERE id = 1;",
    )
    .unwrap();
    assert_eq!(
        search(&conn, "migration"),
        [("win".into(), "Shipped the migration".into())]
    );
    assert_eq!(
        search(&conn, "platform"),
        [("resource".into(), "Ayu from the platform team".into())]
    );
    conn.execute(
        "UPDATE resources SET takeaway = 'ask about on-call' WHERE id = 1",
        [],
    )
    .unwrap();
    let version: i64 = conn
        .query_row("SELECT version FROM resources WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(version, 1);
    assert_eq!(search(&conn, "call").len(), 1);
    // A bulk write's rebuild follows the triggers of schema 8.
    let triggers = super::search::pause_index(&conn).unwrap();
    super::search::resume_index(&conn, &triggers).unwrap();
    assert_eq!(search(&conn, "candid").len(), 1);
    assert_eq!(search(&conn, "migration").len(), 1);
    assert_eq!(search(&conn, "call").len(), 1);
    conn.execute("DELETE FROM wins", []).unwrap();
    assert!(search(&conn, "migration").is_empty());
    assert!(
        conn.execute(
            "INSERT INTO meetings (uuid, created_at, updated_at, mentor_id, starts_at, ics_uid)
             VALUES ('t2', 'x', 'x', 1, '2026-01-06 10:00', 'abc@calendar')",
            [],
        )
        .is_err(),
        "one meeting per invite"
    );
}
