//! Consistent copies of a journal through SQLite's online backup API: safe while another
//! connection is writing, and the copy is private (mode 0600) from its first byte.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::error::{Result, StoreError};

/// Copies the whole database behind `conn` to `dest` (which must not exist yet).
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(dest)
        .map_err(|source| StoreError::Io {
            path: dest.to_path_buf(),
            source,
        })?;
    let mut target = Connection::open(dest)?;
    {
        let backup = Backup::new(conn, &mut target)?;
        // Copy in chunks, pausing briefly so a writer on the source is never starved.
        backup.run_to_completion(256, Duration::from_millis(5), None)?;
    }
    // A backup is a standalone file: no WAL beside it.
    let _mode: String = target.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    Ok(())
}
