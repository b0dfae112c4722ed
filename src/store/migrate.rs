//! Schema migrations: an append-only list of SQL files, applied in order, tracked by
//! `PRAGMA user_version` (after cargo's `util/sqlite.rs`: never edit or reorder a released
//! entry, only append). A non-empty journal is copied aside before it is changed; the copy of
//! an encrypted journal is encrypted with the same key.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::cipher::Key;
use super::error::{Result, StoreError};

/// Marks a file as a mentee journal (`PRAGMA application_id`): "MNTE".
pub const APPLICATION_ID: u32 = 0x4D4E_5445;

/// The migrations; entry `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_journal.sql"),
    include_str!("migrations/002_search.sql"),
    include_str!("migrations/003_list_orders.sql"),
    include_str!("migrations/004_contact_initiative.sql"),
    include_str!("migrations/005_done_by_day.sql"),
    include_str!("migrations/006_versions.sql"),
    include_str!("migrations/007_mentor_summary.sql"),
    include_str!("migrations/008_growth.sql"),
    include_str!("migrations/009_planned_meetings.sql"),
    include_str!("migrations/010_fit_search.sql"),
    include_str!("migrations/011_unsent_thanks_covering.sql"),
    include_str!("migrations/012_gratitude_nudge_pages.sql"),
];

/// The schema version this program writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads the schema version.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the schema up to [`LATEST_VERSION`]. Returns the backup copy made, if any.
///
/// `file` is the journal's path (None in memory); a journal with data is copied to
/// `<file>.before-v<N>.bak` first, and the copy is removed again if a migration fails
/// (nothing changed).
pub fn migrate(conn: &mut Connection, file: Option<&Path>) -> Result<Option<PathBuf>> {
    migrate_keyed(conn, file, None, LATEST_VERSION)
}

/// Migrates up to `target` only (tests use it to build files of older versions).
pub fn migrate_to(
    conn: &mut Connection,
    file: Option<&Path>,
    target: i64,
) -> Result<Option<PathBuf>> {
    migrate_keyed(conn, file, None, target)
}

/// [`migrate_to`] for a journal that may be encrypted: the backup copy of an encrypted journal
/// is encrypted with the same `key` (and opens with the same passphrase).
pub fn migrate_keyed(
    conn: &mut Connection,
    file: Option<&Path>,
    key: Option<&Key>,
    target: i64,
) -> Result<Option<PathBuf>> {
    let current = version(conn)?;
    if current >= target {
        return Ok(None);
    }
    let mut backup = None;
    if current > 0
        && let Some(file) = file
    {
        backup = Some(backup_copy(conn, file, current, key)?);
    }
    match apply(conn, current, target) {
        Ok(()) => Ok(backup),
        Err(e) => {
            // The transaction rolled back: the journal is as it was and the copy is of no
            // use. Removing it keeps repeated failed attempts from filling the folder.
            if let Some(copy) = &backup {
                let _ = std::fs::remove_file(copy);
            }
            Err(e)
        }
    }
}

/// Runs the migrations after `current` up to `target` in one transaction.
fn apply(conn: &mut Connection, current: i64, target: i64) -> Result<()> {
    let tx = conn.transaction()?;
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

/// Copies the journal to the first free name of `<file>.before-v<N>.bak`,
/// `<file>.before-v<N>.1.bak`, `.2.bak`…: a copy left by an earlier attempt is never in the way
/// and never overwritten.
fn backup_copy(conn: &Connection, file: &Path, version: i64, key: Option<&Key>) -> Result<PathBuf> {
    const ATTEMPTS: u32 = 1000;
    let mut n = 0;
    loop {
        let copy = backup_path(file, version, n);
        match super::backup::backup_keyed(conn, &copy, key) {
            Ok(()) => return Ok(copy),
            Err(StoreError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::AlreadyExists && n < ATTEMPTS =>
            {
                n += 1
            }
            Err(e) => return Err(e),
        }
    }
}

/// The `n`-th name for the copy taken before migrating `file` from `version`.
fn backup_path(file: &Path, version: i64, n: u32) -> PathBuf {
    let mut name = file
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    if n == 0 {
        name.push(format!(".before-v{}.bak", version + 1));
    } else {
        name.push(format!(".before-v{}.{n}.bak", version + 1));
    }
    file.with_file_name(name)
}
