//! Opening a journal keeps issue 12's promises: a write-ahead log left beside a refused file
//! is read without SQLite (file, `-wal` and `-shm` byte-identical); anything but a regular
//! file is refused with nothing created beside it; a missing journal is created only when
//! asked; a second migration copy never collides with the first.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::open::{IfMissing, sibling};
use super::*;
use crate::domain::Mentor;

/// A journal whose last change stays in its log, as after a crash: `change` runs on a
/// connection that neither checkpoints automatically nor when it closes.
fn journal_with_log(dir: &Path, change: &str) -> PathBuf {
    let path = dir.join("j.db");
    {
        let store = Store::open(&path, false).unwrap();
        store.save_mentor(&Mentor::new("Ada")).unwrap();
    }
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0").unwrap();
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .unwrap();
    conn.execute_batch(change).unwrap();
    drop(conn);
    assert!(fs::metadata(sibling(&path, "-wal")).unwrap().len() > 0);
    path
}

fn files(path: &Path) -> Vec<Option<Vec<u8>>> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|s| fs::read(sibling(path, s)).ok())
        .collect()
}

#[test]
fn a_newer_or_foreign_version_in_an_unmerged_log_is_refused_byte_identical() {
    for (change, newer) in [
        ("PRAGMA user_version = 42;", true),
        ("PRAGMA application_id = 1234;", false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_with_log(dir.path(), change);
        let before = files(&path);
        let err = Store::open(&path, false).err().expect("refused");
        if newer {
            assert!(
                matches!(err, StoreError::NewerSchema { found: 42, .. }),
                "{err}"
            );
        } else {
            assert!(matches!(err, StoreError::NotJournal { .. }), "{err}");
        }
        assert_eq!(
            files(&path),
            before,
            "{change}: file, -wal and -shm unchanged"
        );
    }
}

#[test]
fn an_unmerged_log_of_our_own_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_with_log(dir.path(), "UPDATE mentors SET name = 'Ada L.';");
    let store = Store::open(&path, false).unwrap();
    assert_eq!(store.mentors().unwrap()[0].name, "Ada L.");
}

#[test]
fn anything_but_a_regular_file_is_refused_and_nothing_is_created_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for path in [fifo.as_path(), dir.path(), Path::new("/dev/null")] {
        let err = Store::open(path, false).err().expect("refused");
        assert!(matches!(err, StoreError::NotRegularFile { .. }), "{err}");
        assert!(!sibling(path, "-journal").exists());
        assert!(!sibling(path, "-wal").exists());
    }
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "only the FIFO");
}

#[test]
fn a_missing_journal_is_created_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.db");
    let err = Store::open_existing(&path).err().expect("no journal");
    assert!(matches!(err, StoreError::NoJournal { .. }), "{err}");
    assert!(err.to_string().starts_with("no journal at "));
    let err = Store::open_existing(&dir.path().join("no/such/folder.db"))
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::NoJournal { .. }), "{err}");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing created"
    );
    Store::open_with(&path, IfMissing::Create { folder: false }).unwrap();
    assert!(path.exists());
    Store::open_existing(&path).unwrap();
}

#[test]
fn sqlite_words_become_the_apps_own() {
    let path = Path::new("/j.db");
    let err = |code, n| {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error {
                code,
                extended_code: n,
            },
            None,
        )
    };
    use rusqlite::ErrorCode as C;
    let cases = [
        (err(C::DatabaseBusy, 5), "locked by another program"),
        (err(C::DatabaseLocked, 6), "locked by another program"),
        (err(C::ReadOnly, 8), "is read-only"),
        (err(C::DiskFull, 13), "is full"),
        (err(C::NotADatabase, 26), "is damaged"),
    ];
    for (e, want) in cases {
        let shown = StoreError::Sqlite(e).about(path).to_string();
        assert!(shown.contains(want), "{shown}");
        assert!(!shown.contains("database error"), "{shown}");
    }
}

/// A journal at `path` one schema version behind, holding one mentor, left open.
fn one_version_back(path: &Path) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    open::configure(&conn).unwrap();
    migrate::migrate_to(&mut conn, None, migrate::LATEST_VERSION - 1).unwrap();
    conn.execute(
        "INSERT INTO mentors (uuid, created_at, updated_at, name)
         VALUES ('u', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Ada')",
        [],
    )
    .unwrap();
    conn
}

#[test]
fn a_copy_left_by_an_earlier_migration_is_never_in_the_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    drop(one_version_back(&path));
    let first = dir
        .path()
        .join(format!("old.db.before-v{}.bak", migrate::LATEST_VERSION));
    fs::write(&first, b"an earlier copy").unwrap();
    let store = Store::open(&path, false).unwrap();
    let copy = store.migrated_backup().unwrap().to_path_buf();
    assert_eq!(
        copy.file_name().unwrap().to_string_lossy(),
        format!("old.db.before-v{}.1.bak", migrate::LATEST_VERSION)
    );
    assert_eq!(
        fs::read(&first).unwrap(),
        b"an earlier copy",
        "never overwritten"
    );
    assert_eq!(store.mentors().unwrap().len(), 1);
}

/// A migration that fails changes nothing (its transaction rolls back), so the copy taken
/// before it is of no use: it is removed, and a journal that fails to upgrade again and
/// again does not fill its folder with copies.
#[test]
fn a_failed_migration_leaves_no_copy_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    // The name of an object the last migration creates (and did not drop first), taken
    // beforehand by an object of the same kind, makes that migration fail whatever it is.
    let last = migrate::MIGRATIONS.last().unwrap();
    let name_at = |at: usize| {
        last[at..]
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap()
    };
    let taken = ["CREATE INDEX ", "CREATE TABLE ", "CREATE TRIGGER "]
        .iter()
        .flat_map(|c| last.match_indices(c).map(move |(at, _)| (at, *c)))
        .map(|(at, c)| (at, c, name_at(at + c.len())))
        .filter(|(_, _, name)| !last.contains(&format!("DROP TRIGGER {name};")))
        .filter(|(_, _, name)| !last.contains(&format!("DROP INDEX {name};")))
        .min()
        .map(|(_, c, name)| match c {
            "CREATE TRIGGER " => {
                format!("CREATE TRIGGER {name} AFTER INSERT ON mentors BEGIN SELECT 1; END")
            }
            _ => format!("CREATE TABLE {name} (x)"),
        })
        .expect("the last migration creates something");
    {
        let conn = one_version_back(&path);
        conn.execute_batch(&taken).unwrap();
    }
    for _ in 0..2 {
        assert!(Store::open(&path, false).is_err(), "the migration fails");
        let copies: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".bak"))
            .collect();
        assert!(copies.is_empty(), "{copies:?}");
    }
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, migrate::LATEST_VERSION - 1, "unchanged");
    let names: i64 = conn
        .query_row("SELECT count(*) FROM mentors WHERE name = 'Ada'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(names, 1);
}

/// Migration 6 (record versions) from a version-5 journal with data: a copy is taken first,
/// every editable row starts at version 0, and every UPDATE raises it.
#[test]
fn version_5_upgrades_to_record_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        open::configure(&conn).unwrap();
        migrate::migrate_to(&mut conn, None, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO mentors (uuid, created_at, updated_at, name)
             VALUES ('m', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Ada');
             INSERT INTO meetings (uuid, created_at, updated_at, mentor_id, starts_at)
             VALUES ('x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, '2026-02-01 10:00:00');",
        )
        .unwrap();
    }
    let store = Store::open(&path, false).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::LATEST_VERSION);
    let copy = store.migrated_backup().unwrap();
    assert!(copy.to_string_lossy().ends_with("v5.db.before-v6.bak"));
    assert_eq!(store.version_of::<Mentor>(1).unwrap(), 0);
    assert_eq!(store.version_of::<crate::domain::Meeting>(1).unwrap(), 0);
    store.set_agenda_ready(1, true).unwrap();
    assert_eq!(store.version_of::<crate::domain::Meeting>(1).unwrap(), 1);
    let mut m = store.mentor(1).unwrap();
    m.contact = "ada@example.org".into();
    store.save_mentor(&m).unwrap();
    assert_eq!(store.version_of::<Mentor>(1).unwrap(), 1);
    // Search still follows the rows.
    let hits: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM search WHERE search MATCH 'ada'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hits, 1);
}

#[test]
fn a_statement_with_a_bound_limit_is_planned_once_and_uses_its_index() {
    let conn = Connection::open_in_memory().unwrap();
    super::open::stable_plans(&conn).unwrap();
    conn.execute_batch(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, status TEXT, due INTEGER);
         CREATE INDEX t_by_status ON t (status, due);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
         INSERT INTO t (status, due) SELECT CASE i % 3 WHEN 0 THEN 'a' ELSE 'b' END, i FROM n;",
    )
    .unwrap();
    let sql = "SELECT id FROM t WHERE status = ?1 ORDER BY due LIMIT ?2";
    for (status, limit) in [("a", 5), ("b", 40), ("a", 92), ("b", 1)] {
        let mut stmt = conn.prepare_cached(sql).unwrap();
        let ids: Vec<i64> = stmt
            .query_map(rusqlite::params![status, limit], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(ids.len(), limit as usize, "the limit is still applied");
        assert_eq!(
            stmt.get_status(rusqlite::StatementStatus::RePrepare),
            0,
            "binding another limit does not plan the statement again"
        );
    }
    let plan: Vec<String> = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap()
        .query_map(rusqlite::params!["a", 5], |r| r.get(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let plan = plan.join("; ");
    assert!(plan.contains("INDEX t_by_status"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "no sort: {plan}");
}
