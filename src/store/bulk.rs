//! Writing many rows at once (a large import): the secondary indexes of a table that is
//! empty are created after its rows instead of kept up to date row by row.
//!
//! Inserting a row into a table with a dozen indexes (commitments) writes into each of
//! their B-trees at a different place; building an index once the rows are there is one
//! sort and one sequential write. Everything happens inside the caller's transaction: a
//! killed or refused import leaves the journal with the indexes it had, as DDL in SQLite is
//! transactional like any other write.
//!
//! Only tables with no insert trigger left have their indexes put off: a trigger's
//! statements may search the table by one of them. The search triggers are paused apart
//! (see [`super::search::pause_index`]), and so are the mentor summary's insert triggers
//! ([`pause_summary`]): each recomputes a column of its mentor's summary row from an index
//! (the latest contact of the mentor...), and once the rows are written one statement
//! recomputes every mentor's row instead.
//!
//! While the rows are written, [`start_writeback`] has the kernel write the growing
//! write-ahead log to disk as it goes, so the commit's `fsync` waits for its end only.

use rusqlite::Connection;

/// Indexes dropped for a bulk write, to be created again by [`restore_indexes`].
#[derive(Debug, Default)]
pub struct Deferred {
    /// Each index's `CREATE INDEX` statement, as the schema holds it.
    creates: Vec<String>,
}

impl Deferred {
    /// How many indexes wait to be created.
    pub fn len(&self) -> usize {
        self.creates.len()
    }

    /// True when no index waits.
    pub fn is_empty(&self) -> bool {
        self.creates.is_empty()
    }
}

/// Drops the secondary indexes of `table` when it has no rows and no insert trigger, so the
/// rows about to be written do not update them one by one; adds them to `deferred`. The
/// indexes SQLite makes for `UNIQUE` and primary keys stay (a uuid is looked up while
/// writing). Call inside a transaction, and [`restore_indexes`] before it commits.
pub fn defer_indexes(
    conn: &Connection,
    table: &str,
    deferred: &mut Deferred,
) -> rusqlite::Result<()> {
    let empty: bool = conn.query_row(
        &format!("SELECT NOT EXISTS (SELECT 1 FROM \"{table}\")"),
        [],
        |r| r.get(0),
    )?;
    // Any trigger that fires on an insert (its text before BEGIN names INSERT).
    let mut stmt =
        conn.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1")?;
    let triggers: Vec<String> = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let on_insert = triggers.iter().any(|sql| {
        let upper = sql.to_uppercase();
        let head = upper
            .find("BEGIN")
            .map_or(upper.as_str(), |end| &upper[..end]);
        head.contains("INSERT")
    });
    if !empty || on_insert {
        return Ok(());
    }
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name",
    )?;
    let indexes: Vec<(String, String)> = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, sql) in indexes {
        conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
        deferred.creates.push(sql);
    }
    Ok(())
}

/// Creates every index [`defer_indexes`] dropped, from the rows now in their tables.
pub fn restore_indexes(conn: &Connection, deferred: Deferred) -> rusqlite::Result<()> {
    for sql in deferred.creates {
        conn.execute_batch(&sql)?;
    }
    Ok(())
}

/// Drops every trigger on `table`; their statements, to put back (inside the same
/// transaction) with [`super::search::restore_triggers`]. For writes that are not edits: a
/// new journal's references set once the records they point at are in.
pub fn pause_triggers(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master
         WHERE type = 'trigger' AND tbl_name = ?1 ORDER BY name",
    )?;
    let triggers: Vec<(String, String)> = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

/// Drops the insert triggers that keep `mentor_summary` up to date (migration 007 and
/// later); their statements, to give to [`resume_summary`]. Call inside a transaction.
pub fn pause_summary(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master
         WHERE type = 'trigger' AND name LIKE '%summary_insert' ORDER BY name",
    )?;
    let triggers: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

/// Recomputes every mentor's summary row, then restores the triggers [`pause_summary`]
/// dropped. The mentors' insert trigger computes a whole row from the mentor and its
/// records (every other summary trigger recomputes a part of it); run over every mentor,
/// it gives the rows the paused triggers would have left.
/// With `changed` false (nothing was written), only the triggers are restored.
pub fn resume_summary(
    conn: &Connection,
    triggers: &[String],
    changed: bool,
) -> rusqlite::Result<()> {
    for sql in triggers.iter().filter(|_| changed) {
        if let Some(replay) = replay_statement(sql, "mentors") {
            conn.execute_batch(&replay)?;
        }
    }
    for sql in triggers {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// `INSERT OR REPLACE INTO x (...) SELECT <the values> FROM <table> AS NEW` for an
/// `AFTER INSERT ON <table>` trigger whose body is one `INSERT ... VALUES (...)`; None for
/// any other trigger. The table is aliased `NEW`, so the values read as in the trigger.
fn replay_statement(trigger: &str, table: &str) -> Option<String> {
    let on = format!("AFTER INSERT ON {table} BEGIN");
    let body = trigger.find(&on)? + on.len();
    let values = trigger.find("VALUES (")?;
    let head = trigger.get(body..values)?.trim();
    if !head.starts_with("INSERT") {
        return None;
    }
    let end = trigger.rfind(");")?;
    let columns = trigger.get(values + "VALUES (".len()..end)?;
    Some(format!("{head} SELECT {columns} FROM {table} AS NEW"))
}

/// Starts writing the journal's write-ahead log to disk while a long bulk write goes on:
/// about every [`WRITEBACK_EVERY`], as SQLite executes the write, the kernel is asked to
/// start the write-back of what the log holds (Linux's `sync_file_range`, which does not
/// wait). The commit's `fsync` of the log, still what makes the import durable, then waits
/// for the last part of it instead of the whole (90 MB at 100k records: 0.4 s). A journal
/// written without a log (a new one built aside, [`super::aside`]) has its own file written
/// out so instead. Nothing for a journal in memory, or on another system.
/// [`stop_writeback`] ends it.
pub fn start_writeback(conn: &Connection) -> rusqlite::Result<()> {
    let Some(path) = conn.path().filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let Ok(log) = std::fs::File::open(format!("{path}-wal")).or_else(|_| {
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(std::io::Error::other)?;
        if mode.eq_ignore_ascii_case("wal") {
            return Err(std::io::Error::other("no log"));
        }
        std::fs::File::open(path)
    }) else {
        return Ok(());
    };
    let mut last = std::time::Instant::now();
    conn.progress_handler(
        WRITEBACK_OPS,
        Some(move || {
            if last.elapsed() >= WRITEBACK_EVERY {
                start_file_writeback(&log);
                last = std::time::Instant::now();
            }
            false
        }),
    )
}

/// Ends what [`start_writeback`] started.
pub fn stop_writeback(conn: &Connection) -> rusqlite::Result<()> {
    conn.progress_handler(0, None::<fn() -> bool>)
}

/// How often [`start_writeback`] starts a write-back of the log.
const WRITEBACK_EVERY: std::time::Duration = std::time::Duration::from_millis(50);
/// Every how many SQLite virtual machine steps it looks at the clock.
const WRITEBACK_OPS: i32 = 20_000;

/// Asks the kernel to start writing `file`'s changed pages to disk, without waiting (a
/// hint: an error is left for the next `fsync` to report).
#[cfg(target_os = "linux")]
fn start_file_writeback(file: &std::fs::File) {
    use std::os::unix::io::AsRawFd;
    // SAFETY: the descriptor is open for as long as `file` is borrowed; the call reads no
    // memory of ours.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_file_writeback(_file: &std::fs::File) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_of(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT name, coalesce(sql, '') FROM sqlite_master
                 WHERE type IN ('index', 'trigger') ORDER BY name",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn an_empty_tables_indexes_are_put_off_and_come_back_the_same() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let conn = store.conn();
        let before = schema_of(conn);
        conn.execute_batch("BEGIN").unwrap();
        let mut deferred = Deferred::default();
        // commitments: empty, no insert trigger once the search ones are paused.
        let triggers = crate::store::search::pause_index(conn).unwrap();
        defer_indexes(conn, "commitments", &mut deferred).unwrap();
        assert!(deferred.len() >= 10, "{deferred:?}");
        let left: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index'
                 AND tbl_name = 'commitments' AND sql IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
        // contacts: the mentor summary's trigger searches it by mentor: kept, unless that
        // trigger is paused too.
        let kept = deferred.len();
        defer_indexes(conn, "contacts", &mut deferred).unwrap();
        assert_eq!(deferred.len(), kept);
        let summary = pause_summary(conn).unwrap();
        assert!(summary.len() >= 5, "{summary:?}");
        defer_indexes(conn, "contacts", &mut deferred).unwrap();
        assert!(deferred.len() > kept);
        restore_indexes(conn, deferred).unwrap();
        resume_summary(conn, &summary, true).unwrap();
        crate::store::search::resume_index(conn, &triggers).unwrap();
        conn.execute_batch("COMMIT").unwrap();
        assert_eq!(schema_of(conn), before);
    }

    #[test]
    fn the_mentors_summary_trigger_replays_over_every_mentor() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let sql: String = store
            .conn()
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'mentors_summary_insert'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let replay = replay_statement(&sql, "mentors").unwrap();
        assert!(
            replay.starts_with("INSERT OR REPLACE INTO mentor_summary (mentor_id,"),
            "{replay}"
        );
        assert!(replay.ends_with("FROM mentors AS NEW"), "{replay}");
        assert_eq!(replay_statement(&sql, "contacts"), None);
    }

    /// The write-back runs during writes to a journal file (its log exists) and stops; a
    /// journal in memory has no log and nothing starts. The journal is written as without it.
    #[test]
    fn the_log_writeback_starts_and_stops_around_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.db");
        let on_file = crate::store::Store::open(&path, false).unwrap();
        let in_memory = crate::store::Store::open_in_memory().unwrap();
        assert!(std::path::Path::new(&format!("{}-wal", path.display())).exists());
        for store in [&on_file, &in_memory] {
            start_writeback(store.conn()).unwrap();
            store
                .conn()
                .execute_batch(
                    "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                     WHERE i < 5000) INSERT INTO questions (uuid, created_at, updated_at, text)
                     SELECT 'q' || i, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'x' FROM n; COMMIT;",
                )
                .unwrap();
            stop_writeback(store.conn()).unwrap();
        }
        let count = |s: &crate::store::Store| -> i64 {
            s.conn()
                .query_row("SELECT count(*) FROM questions", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(count(&on_file), 5000);
        assert_eq!(count(&in_memory), 5000);
        let check: String = on_file
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }

    #[test]
    fn a_table_with_rows_keeps_its_indexes() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap();
        let store = crate::demo::demo_store(now).unwrap();
        let mut deferred = Deferred::default();
        defer_indexes(store.conn(), "commitments", &mut deferred).unwrap();
        assert!(deferred.is_empty());
    }
}
