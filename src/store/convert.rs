//! Turning a journal into an encrypted one, back into plain SQLite, or onto a new passphrase.
//!
//! Every conversion writes a new file beside the journal (`sqlcipher_export` into an
//! ATTACHed database), checks it (opened on its own connection with its key: integrity,
//! SQLCipher's page HMACs, the same schema version and the same number of rows in every table,
//! and whatever the caller compares, e.g. the JSON export), and only then renames it over the
//! journal — one atomic step. Until that rename the journal is untouched: a failure at any
//! earlier step removes the new file and leaves the journal byte-identical. The journal is held
//! exclusively throughout, and another process that has it open — even idle — makes the
//! conversion refuse (see `alone.rs`), so no one reads or writes the file being replaced.
//!
//! "No plaintext left behind", as far as a program can see to it: when a plain journal is
//! encrypted, the old file and its write-ahead log are overwritten with zeros before their
//! space is released (Unix), and the journal's migration backups are rewritten the same way
//! as the journal (encrypted with the same key and salt, so they open with the same
//! passphrase), their plaintext overwritten too. What a program cannot reach is listed in
//! docs/PRIVACY.md (SSD remapping, copy-on-write file systems and snapshots, earlier backups).

use std::fs::{self, File};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use tempfile::NamedTempFile;

use super::cipher::{self, Key};
use super::error::{Result, StoreError};
use super::open::{classify, sibling};
use super::{Store, alone, migrate};

/// What the journal becomes.
pub enum Target {
    /// A plain SQLite file.
    Plain,
    /// An SQLCipher file with this key (and its salt).
    Encrypted(Key),
}

/// Points at which a test may make a conversion fail, to prove the journal is left as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The new file is written, not checked yet.
    Exported,
    /// The new file is checked, not yet renamed over the journal.
    Checked,
}

/// What a conversion did beside the journal.
#[derive(Debug, Default)]
pub struct Converted {
    /// Plaintext files overwritten with zeros before they were released: the old journal and
    /// its log, the old migration backups.
    pub wiped: Vec<PathBuf>,
    /// Migration backups rewritten like the journal.
    pub backups: Vec<PathBuf>,
    /// Migration backups that could not be rewritten (left as they were), and why.
    pub backups_left: Vec<(PathBuf, String)>,
}

impl Store {
    /// Converts this journal to `target` (see the module documentation); `same` compares the
    /// journal with the checked copy (e.g. their JSON exports) and refuses with a reason.
    /// The store is closed at the end: open the journal again to use it.
    pub fn convert(
        self,
        target: Target,
        same: impl FnOnce(&Store, &Store) -> std::result::Result<(), String>,
    ) -> Result<Converted> {
        self.convert_with(target, same, &mut |_| Ok(()))
    }

    /// [`Store::convert`] with a fault injected at a [`Step`] (tests).
    pub fn convert_with(
        self,
        target: Target,
        same: impl FnOnce(&Store, &Store) -> std::result::Result<(), String>,
        fault: &mut dyn FnMut(Step) -> Result<()>,
    ) -> Result<Converted> {
        let path = self
            .path
            .clone()
            .ok_or_else(|| StoreError::Invalid("an in-memory journal has no file".into()))?;
        // Another process's idle connection: only its lock in `-shm` shows it (see `alone`).
        let probe = alone::ensure_alone(&path)?;
        // `self` (the connection) is consumed and closed before the probe is dropped.
        let done = self.convert_alone(&path, target, same, fault);
        drop(probe);
        done
    }

    fn convert_alone(
        self,
        path: &Path,
        target: Target,
        same: impl FnOnce(&Store, &Store) -> std::result::Result<(), String>,
        fault: &mut dyn FnMut(Step) -> Result<()>,
    ) -> Result<Converted> {
        let path = path.to_path_buf();
        hold_exclusively(&self.conn, &path)?;
        let old_key = self.key.clone();
        let was_plain = old_key.is_none();
        let tmp = prepare(&self.conn, &path, &target, true, fault, |copy| {
            let copy = Store::from_connection(copy, None)?;
            same(&self, &copy).map_err(|detail| mismatch(&path, detail))
        })?;
        let mut done = Converted::default();
        let journal = replace(tmp, &path, was_plain, self, |store| &store.conn)?;
        done.wiped.extend(journal);
        for backup in cipher::migration_backups(&path) {
            match convert_backup(&backup, old_key.as_ref(), &target) {
                Ok(Some(wiped)) => {
                    done.backups.push(backup);
                    done.wiped.extend(wiped);
                }
                Ok(None) => {}
                Err(e) => done.backups_left.push((backup, e.to_string())),
            }
        }
        Ok(done)
    }
}

fn mismatch(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Mismatch {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

/// Takes the journal's lock for good (exclusive locking mode): a conversion must be the only
/// user of the file it replaces. Another connection that has the journal open holds a shared
/// lock, and the conversion refuses instead of waiting.
fn hold_exclusively(conn: &Connection, path: &Path) -> Result<()> {
    let take = || -> rusqlite::Result<()> {
        conn.busy_timeout(std::time::Duration::from_millis(250))?;
        let _mode: String = conn.query_row("PRAGMA locking_mode = EXCLUSIVE", [], |r| r.get(0))?;
        conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")?;
        conn.busy_timeout(super::open::BUSY_TIMEOUT)
    };
    take().map_err(|e| {
        if StoreError::is_busy(&e) {
            StoreError::InUse {
                path: path.to_path_buf(),
            }
        } else {
            classify(path, e)
        }
    })
}

/// Writes `conn`'s main database as `target` to a new private file beside `path`, and checks
/// it: integrity, SQLCipher's page HMACs, the same identity and row counts, then `check` on a
/// connection of its own. The new file is removed on any failure.
fn prepare(
    conn: &Connection,
    path: &Path,
    target: &Target,
    log: bool,
    fault: &mut dyn FnMut(Step) -> Result<()>,
    check: impl FnOnce(Connection) -> Result<()>,
) -> Result<NamedTempFile> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let io = |source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    };
    // Private (0600) from its first byte, with a name that says whose it is.
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".convert")
        .tempfile_in(dir)
        .map_err(io)?;
    let result = (|| {
        export(conn, tmp.path(), target, log).map_err(|e| e.about(tmp.path()))?;
        fault(Step::Exported)?;
        let copy = open_copy(tmp.path(), target)?;
        compare(conn, &copy, path)?;
        check(copy)?;
        fault(Step::Checked)
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            for side in ["-journal", "-wal", "-shm"] {
                let _ = fs::remove_file(sibling(tmp.path(), side));
            }
            drop(tmp); // removes the new file
            Err(e)
        }
    }
}

/// `SELECT sqlcipher_export(…)` into `dest`, attached with the target's key, and the schema
/// version and application id (which the export does not copy). With `log`, the new file is
/// in write-ahead-log mode, as every journal is (a backup copy is not).
fn export(conn: &Connection, dest: &Path, target: &Target, log: bool) -> Result<()> {
    match target {
        Target::Encrypted(key) => key.attach(conn, dest, "converted")?,
        Target::Plain => {
            let dest = dest
                .to_str()
                .ok_or_else(|| StoreError::Invalid(format!("{} is not UTF-8", dest.display())))?;
            conn.execute("ATTACH DATABASE ?1 AS converted KEY ''", [dest])?;
        }
    }
    let run = || -> rusqlite::Result<()> {
        conn.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
        let version = migrate::version(conn)?;
        let app: i64 = conn.query_row("PRAGMA main.application_id", [], |r| r.get(0))?;
        conn.pragma_update(Some("converted"), "user_version", version)?;
        conn.pragma_update(Some("converted"), "application_id", app)?;
        if log {
            let _mode: String =
                conn.query_row("PRAGMA converted.journal_mode = WAL", [], |r| r.get(0))?;
        }
        Ok(())
    };
    let result = run();
    let detached = conn.execute_batch("DETACH DATABASE converted");
    result?;
    detached?;
    Ok(())
}

/// The new file on a connection of its own, keyed as the target says.
fn open_copy(path: &Path, target: &Target) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    if let Target::Encrypted(key) = target {
        key.apply(&conn)?;
    }
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    Ok(conn)
}

/// The copy is sound and holds what the journal holds: integrity, page HMACs (encrypted),
/// identity, and the row count of every table (the search index's tables included).
fn compare(journal: &Connection, copy: &Connection, path: &Path) -> Result<()> {
    let integrity: Vec<String> = rows(copy, "PRAGMA integrity_check")?;
    if integrity != ["ok"] {
        return Err(mismatch(
            path,
            format!("integrity: {}", integrity.join("; ")),
        ));
    }
    let hmac: Vec<String> = rows(copy, "PRAGMA cipher_integrity_check")?;
    if !hmac.is_empty() {
        return Err(mismatch(path, format!("page check: {}", hmac.join("; "))));
    }
    for pragma in ["user_version", "application_id"] {
        let sql = format!("PRAGMA {pragma}");
        let a: i64 = journal.query_row(&sql, [], |r| r.get(0))?;
        let b: i64 = copy.query_row(&sql, [], |r| r.get(0))?;
        if a != b {
            return Err(mismatch(path, format!("{pragma} {a} became {b}")));
        }
    }
    let tables: Vec<String> = rows(
        journal,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name",
    )?;
    for table in tables {
        let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
        let a: i64 = journal.query_row(&sql, [], |r| r.get(0))?;
        let b: i64 = copy.query_row(&sql, [], |r| r.get(0))?;
        if a != b {
            return Err(mismatch(path, format!("{table}: {a} rows became {b}")));
        }
    }
    Ok(())
}

fn rows(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    stmt.query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()
}

/// Merges the old file's write-ahead log into it and stops using one (`journal_mode =
/// DELETE`), just before the rename: a log left by name beside the renamed file would be
/// replayed into the new one. SQLite does this only for the sole user of the file.
fn unlog(conn: &Connection, path: &Path) -> Result<()> {
    let mode: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if mode.eq_ignore_ascii_case("delete") {
        Ok(())
    } else {
        Err(StoreError::InUse {
            path: path.to_path_buf(),
        })
    }
}

/// Renames the checked copy over `path` and closes the old connection (dropping `holder`,
/// whose connection `conn_of` gives; [`unlog`] runs on it just before the rename). With
/// `wipe`, the old file and its log are overwritten with zeros once nothing uses them (Unix:
/// through handles opened before the rename). Returns the files wiped.
fn replace<T>(
    tmp: NamedTempFile,
    path: &Path,
    wipe: bool,
    holder: T,
    conn_of: impl Fn(&T) -> &Connection,
) -> Result<Vec<PathBuf>> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut old = Vec::new();
    if wipe && cfg!(unix) {
        for file in [path.to_path_buf(), sibling(path, "-wal")] {
            if let Ok(handle) = fs::OpenOptions::new().write(true).open(&file) {
                old.push((file, handle));
            }
        }
    }
    let tmp_path = tmp.path().to_path_buf();
    let discard = |e: StoreError| {
        let _ = fs::remove_file(&tmp_path);
        e
    };
    // On Unix the rename happens while the old connection still holds the lock; Windows cannot
    // rename over an open file, so there the old connection is closed (merging its log) first.
    #[cfg(unix)]
    unlog(conn_of(&holder), path).map_err(discard)?;
    #[cfg(not(unix))]
    {
        let _ = conn_of;
        drop(holder);
    }
    tmp.persist(path).map_err(|e| discard(io(e.error)))?;
    sync_dir(path);
    #[cfg(unix)]
    drop(holder);
    let _ = fs::remove_file(sibling(path, "-shm"));
    let mut wiped = Vec::new();
    for (file, mut handle) in old {
        if overwrite(&mut handle).is_ok() {
            wiped.push(file);
        }
    }
    Ok(wiped)
}

/// Writes zeros over the whole of an open file and syncs it.
fn overwrite(file: &mut File) -> std::io::Result<()> {
    let len = file.metadata()?.len();
    file.seek(SeekFrom::Start(0))?;
    let zeros = vec![0u8; 64 * 1024];
    let mut left = len;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()
}

/// Makes a rename durable (the folder's entry), where the platform allows it.
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Rewrites one migration backup like the journal: opened with the journal's old key (or
/// none), exported to `target`, checked, renamed over itself. Ok(None) when it already is what
/// the target asks (a plain backup of a journal being decrypted). Returns the plaintext files
/// wiped.
fn convert_backup(
    backup: &Path,
    old_key: Option<&Key>,
    target: &Target,
) -> Result<Option<Vec<PathBuf>>> {
    let encrypted = cipher::looks_encrypted(backup);
    if !encrypted && matches!(target, Target::Plain) {
        return Ok(None);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(backup, flags)?;
    if encrypted {
        let key = old_key.ok_or_else(|| StoreError::WrongPassphrase {
            path: backup.to_path_buf(),
        })?;
        cipher::quiet(&conn);
        key.apply(&conn)?;
    }
    // Backups are standalone files of any schema version: never migrated here.
    let tmp = prepare(&conn, backup, target, false, &mut |_| Ok(()), |_| Ok(()))?;
    let wiped = replace(tmp, backup, !encrypted, conn, |conn| conn)?;
    Ok(Some(wiped))
}

#[cfg(test)]
#[path = "convert_tests.rs"]
mod tests;
