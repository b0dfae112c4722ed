//! Opening a journal file safely: look before touching, then open with the right pragmas and
//! migrate. A file that is not ours, is newer, damaged or read-only is refused before SQLite
//! writes a single byte to it.

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::migrate::{APPLICATION_ID, LATEST_VERSION};

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

/// Reads and checks the header of an existing, non-empty file.
pub fn read_header(path: &Path) -> Result<Header> {
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

/// Checks everything that can be checked without writing, then opens the connection.
/// `create_parent` is set for the default location, whose folder we may create (mode 0700).
pub fn open_file(path: &Path, create_parent: bool) -> Result<Connection> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        if create_parent {
            create_private_dir(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        } else {
            return Err(StoreError::MissingDirectory {
                path: path.to_path_buf(),
                dir: parent.to_path_buf(),
            });
        }
    }
    let existing = fs::metadata(path).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(StoreError::NotSqlite {
                path: path.to_path_buf(),
            });
        }
        if meta.len() > 0 {
            // Quick refusals from the header alone. The header may lag behind a write-ahead
            // log that was not checkpointed yet, so the identity is checked again below
            // through SQLite, which reads the log too.
            let header = read_header(path)?;
            if header.application_id != APPLICATION_ID && header.application_id != 0 {
                return Err(StoreError::NotJournal {
                    path: path.to_path_buf(),
                });
            }
            if header.user_version > LATEST_VERSION {
                return Err(StoreError::NewerSchema {
                    path: path.to_path_buf(),
                    found: header.user_version,
                    supported: LATEST_VERSION,
                });
            }
        }
        if meta.permissions().mode() & 0o222 == 0 {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
                detail: "the file has no write permission".into(),
            });
        }
    }
    let dir_mode = fs::metadata(parent)
        .map(|m| m.permissions().mode())
        .unwrap_or(0o700);
    if dir_mode & 0o222 == 0 {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            detail: format!("its folder {} has no write permission", parent.display()),
        });
    }
    if existing.is_none() {
        // Create the file ourselves so it is private from its first byte.
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(|source| StoreError::Io {
                path: path.to_path_buf(),
                source,
            })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    conn.busy_timeout(busy_timeout())
        .map_err(|e| classify(path, e))?;
    check_identity(path, &conn).map_err(|e| match e {
        StoreError::Sqlite(err) => classify(path, err),
        other => other,
    })?;
    configure(&conn).map_err(|e| classify(path, e))?;
    Ok(conn)
}

/// Reads the journal's identity through SQLite (which sees an un-checkpointed log) before
/// anything is written: ours, or a brand-new empty file; anything else is refused.
fn check_identity(path: &Path, conn: &Connection) -> Result<()> {
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app_id as u32 == APPLICATION_ID {
        if version > LATEST_VERSION {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                supported: LATEST_VERSION,
            });
        }
        return Ok(());
    }
    let has_tables: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master)", [], |r| {
            r.get(0)
        })?;
    if app_id != 0 || version != 0 || has_tables {
        return Err(StoreError::NotJournal {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Sets the pragmas every journal connection uses.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(busy_timeout())?;
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
            detail: err.to_string(),
        }
    } else {
        StoreError::Sqlite(err)
    }
}

/// Creates `dir` and any missing parents, the last one with mode 0700.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
}
