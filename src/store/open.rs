//! Opening a journal file safely: look before touching, then open with the right pragmas and
//! migrate. A file that is not ours, is newer, damaged or read-only is refused before SQLite
//! writes a single byte to it. An encrypted journal's passphrase is asked for (through an
//! [`Unlock`]) and checked before SQLite opens the file for writing (see [`super::cipher`]).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::access;
use super::cipher::{self, Key, NoUnlock, Unlock};
use super::error::{Result, StoreError};
use super::migrate::{APPLICATION_ID, LATEST_VERSION};
use super::wal;

/// How long a second writer waits for the lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The busy timeout in force: [`BUSY_TIMEOUT`], which a debug (test) build lets a test
/// shorten with `MENTEE_TEST_BUSY_TIMEOUT_MS`, so proving the wait does not cost 5 s.
pub fn busy_timeout() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("MENTEE_TEST_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return Duration::from_millis(ms);
    }
    BUSY_TIMEOUT
}

/// What the 100-byte SQLite header says about a file, read without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub page_size: u64,
    pub page_count: Option<u64>,
    pub user_version: i64,
    pub application_id: u32,
}

/// Reads and checks the header of an existing, non-empty file. `check_size` compares the page
/// count with the file's length; a journal whose write-ahead log was not merged may be shorter
/// than its header says (a checkpoint cut short by a full disk), so it is skipped then.
pub fn read_header(path: &Path, check_size: bool) -> Result<Header> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut bytes = [0u8; 100];
    if len < 100 || file.read_exact(&mut bytes).is_err() || &bytes[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    let be16 = |at: usize| u64::from(u16::from_be_bytes([bytes[at], bytes[at + 1]]));
    let be32 =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let page_size = match be16(16) {
        1 => 65536,
        n => n,
    };
    // The in-header page count is valid only when "version-valid-for" matches the change counter.
    let page_count = (be32(92) == be32(24)).then(|| u64::from(be32(28)));
    let header = Header {
        page_size,
        page_count,
        user_version: i64::from(be32(60) as i32),
        application_id: be32(68),
    };
    if !page_size.is_power_of_two() || !(512..=65536).contains(&page_size) {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if let Some(count) = header.page_count
        && check_size
        && count * page_size > len
    {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!(
                "the file is {len} bytes but its header says {} bytes",
                count * page_size
            ),
        });
    }
    Ok(header)
}

/// What to do when there is no journal at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMissing {
    /// Create a new journal (the TUI, `mentee add`); `folder` also creates a missing folder
    /// (only for the default location).
    Create { folder: bool },
    /// Refuse with [`StoreError::NoJournal`]: read-only commands never create a journal.
    Refuse,
}

/// Checks everything that can be checked without writing, then opens the connection.
/// `create_parent` is set for the default location, whose folder we may create (mode 0700).
pub fn open_file(path: &Path, create_parent: bool) -> Result<Connection> {
    open_journal(
        path,
        IfMissing::Create {
            folder: create_parent,
        },
    )
}

/// Opens the journal at `path`: a missing one is created or refused as `missing` says; an
/// existing one is looked at first — a regular file, ours (read from the header and from a
/// write-ahead log left beside it, without SQLite), not newer, writable — so a refused file,
/// its `-wal` and `-shm` are never changed and nothing is created beside it.
pub fn open_journal(path: &Path, missing: IfMissing) -> Result<Connection> {
    Ok(open_unlocked(path, missing, &mut NoUnlock)?.0)
}

/// [`open_journal`] for a journal that may be encrypted: its passphrase comes from `unlock`
/// (asked after the checks that need no key, so a file that would be refused anyway is not
/// asked about). Returns the connection and, for an encrypted journal, its key.
pub fn open_unlocked(
    path: &Path,
    missing: IfMissing,
    unlock: &mut dyn Unlock,
) -> Result<(Connection, Option<Key>)> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        match missing {
            IfMissing::Refuse => return Err(no_journal(path)),
            IfMissing::Create { folder: true } => {
                create_private_dir(parent).map_err(|source| StoreError::Io {
                    path: parent.to_path_buf(),
                    source,
                })?
            }
            IfMissing::Create { folder: false } => {
                return Err(StoreError::MissingDirectory {
                    path: path.to_path_buf(),
                    dir: parent.to_path_buf(),
                });
            }
        }
    }
    let existing = match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            return Err(StoreError::NotRegularFile {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if missing == IfMissing::Refuse {
                return Err(no_journal(path));
            }
            None
        }
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let salt = match &existing {
        Some(_) => cipher::encrypted_salt(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?,
        None => None,
    };
    if let Some(meta) = &existing {
        if salt.is_none() {
            check_existing(path, meta.len())?;
        }
        if !access::writable(path, meta) {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
                detail: "you have no permission to write it".into(),
            });
        }
        for side in [sibling(path, "-wal"), sibling(path, "-shm")] {
            if let Ok(m) = fs::metadata(&side)
                && !access::writable(&side, &m)
            {
                return Err(StoreError::ReadOnly {
                    path: path.to_path_buf(),
                    detail: format!("you have no permission to write {}", side.display()),
                });
            }
        }
    }
    if !access::folder_writable(parent) {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            detail: format!("its folder {} has no write permission", parent.display()),
        });
    }
    let key = match salt {
        Some(salt) => {
            let (key, identity) = cipher::unlock(path, salt, unlock)?;
            // Page 1's identity, as the key check read it; SQLite reads it again below.
            judge(path, identity.application_id, identity.user_version, true)?;
            Some(key)
        }
        None => None,
    };
    let created = existing.is_none();
    if created {
        // Create the file ourselves so it is private from its first byte.
        access::create_private(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let had_log = sibling(path, "-wal").exists() || sibling(path, "-shm").exists();
    let conn = connect(path, key.as_ref()).inspect_err(|_| {
        // Nothing left beside a file we could not open: the log files SQLite just made (a
        // live instance's shared memory is never smaller than 32 KiB), and a new journal.
        if !had_log {
            remove_if_small(&sibling(path, "-wal"), 1);
            remove_if_small(&sibling(path, "-shm"), 32 * 1024);
        }
        if created {
            remove_if_small(path, 1);
        }
    })?;
    Ok((conn, key))
}

/// The SQLite connection, keyed first if the journal is encrypted, configured, its identity
/// checked once more through SQLite.
fn connect(path: &Path, key: Option<&Key>) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    if let Some(key) = key {
        key.apply(&conn).map_err(|e| classify(path, e))?;
        // Until SQLite has read the identity itself (the newest page 1 may be in a log the
        // key check could not look at), closing must not merge the log into the file.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(|e| classify(path, e))?;
    }
    conn.busy_timeout(busy_timeout())
        .map_err(|e| classify(path, e))?;
    check_identity(path, &conn).map_err(|e| match e {
        StoreError::Sqlite(err) => classify(path, err),
        other => other,
    })?;
    if key.is_some() {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
            .map_err(|e| classify(path, e))?;
    }
    configure(&conn).map_err(|e| classify(path, e))?;
    Ok(conn)
}

fn no_journal(path: &Path) -> StoreError {
    StoreError::NoJournal {
        path: path.to_path_buf(),
    }
}

/// `<path><suffix>`, e.g. the journal's `-wal`.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_if_small(path: &Path, below: u64) {
    if fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() < below) {
        let _ = fs::remove_file(path);
    }
}

/// The identity of an existing file, from page 1 as SQLite would see it: the newest committed
/// copy in the write-ahead log, else the file's own.
fn check_existing(path: &Path, len: u64) -> Result<()> {
    let logged =
        wal::committed_page_one(&sibling(path, "-wal")).map_err(|source| StoreError::Io {
            path: sibling(path, "-wal"),
            source,
        })?;
    if len == 0 && logged.is_none() {
        return Ok(()); // a new, empty file
    }
    if len > 0 {
        read_header(path, logged.is_none())?;
    }
    let page = match logged {
        Some(page) => page,
        None => {
            // The header (checked above) and the schema table's b-tree header after it.
            let mut first = vec![0u8; 108];
            let mut file = fs::File::open(path).map_err(|source| StoreError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            if file.read_exact(&mut first).is_err() {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: format!("the file is only {len} bytes"),
                });
            }
            first
        }
    };
    let be32 = |at: usize| u32::from_be_bytes([page[at], page[at + 1], page[at + 2], page[at + 3]]);
    let (app_id, version) = (be32(68), i64::from(be32(60) as i32));
    // Page 1 holds the schema table: a leaf with cells, or an interior page, means tables.
    let has_tables = page[100] != 0x0d || u16::from_be_bytes([page[103], page[104]]) > 0;
    judge(path, app_id, version, has_tables)
}

/// Ours, or a brand-new empty database; anything else is refused.
fn judge(path: &Path, app_id: u32, version: i64, has_tables: bool) -> Result<()> {
    if app_id == APPLICATION_ID {
        if version > LATEST_VERSION {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                supported: LATEST_VERSION,
            });
        }
        return Ok(());
    }
    if app_id != 0 || version != 0 || has_tables {
        return Err(StoreError::NotJournal {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Reads the journal's identity through SQLite (which sees an un-checkpointed log) before
/// anything is written: ours, or a brand-new empty file; anything else is refused.
fn check_identity(path: &Path, conn: &Connection) -> Result<()> {
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let has_tables: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master)", [], |r| {
            r.get(0)
        })?;
    judge(path, app_id as u32, version, has_tables)
}

/// Plans chosen once per statement. Without the query planner stability guarantee, SQLite
/// reads the value bound to a `LIMIT ?` when it plans, so binding another value (each page of
/// a list, each status of the goal list) expires the statement and the next step parses and
/// plans it again. The journal keeps no `sqlite_stat4` samples, so bound values chose no
/// plans anyway: the plans stay as they were, without the re-preparing.
pub fn stable_plans(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// Sets the pragmas every journal connection uses.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(busy_timeout())?;
    stable_plans(conn)?;
    // The views, the figures and import use a few hundred distinct statements; the default
    // cache of 16 would prepare most of them again on every use.
    conn.set_prepared_statement_cache_capacity(256);
    // journal_mode returns a row; WAL lets a reader and a writer work side by side.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    Ok(())
}

/// Turns an SQLite error met while opening into the clear error the user sees.
pub fn classify(path: &Path, err: rusqlite::Error) -> StoreError {
    if StoreError::is_busy(&err) {
        StoreError::Locked {
            path: path.to_path_buf(),
        }
    } else if StoreError::is_corrupt(&err) {
        StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: err.to_string(),
        }
    } else if matches!(err.sqlite_error_code(), Some(rusqlite::ErrorCode::ReadOnly)) {
        StoreError::ReadOnly {
            path: path.to_path_buf(),
            detail: "you have no permission to write it".into(),
        }
    } else if matches!(err.sqlite_error_code(), Some(rusqlite::ErrorCode::DiskFull))
        || (matches!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::SystemIoFailure)
        ) && access::disk_full(path))
    {
        StoreError::DiskFull {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Sqlite(err)
    }
}

/// Creates `dir` and any missing parents, the last one private (mode 0700 on Unix).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    access::make_private_dir(dir)
}
