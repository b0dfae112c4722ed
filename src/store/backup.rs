//! Consistent copies of a journal through SQLite's online backup API: safe while another
//! connection is writing, and the copy is private (mode 0600) from its first byte. A copy
//! that fails half-way (a full disk) is removed, so a retry does not meet a broken file.
//! The copy of an encrypted journal is encrypted with the same key and salt: it opens with the
//! same passphrase, and no plaintext page is ever written (SQLCipher refuses a backup from an
//! encrypted database into a plain one).

use std::fs;
use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::access;
use super::cipher::Key;
use super::error::{Result, StoreError};
use super::open::{classify, sibling};

/// Copies the whole database behind `conn` to `dest` (which must not exist yet).
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    backup_keyed(conn, dest, None)
}

/// [`backup_to`] for a journal that may be encrypted: with `key`, the copy is encrypted too.
pub fn backup_keyed(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    access::create_private(dest).map_err(|source| StoreError::Io {
        path: dest.to_path_buf(),
        source,
    })?;
    copy(conn, dest, key).inspect_err(|_| {
        // The file is ours (created above): a partial copy is worse than none.
        let _ = fs::remove_file(dest);
        let _ = fs::remove_file(sibling(dest, "-journal"));
    })
}

fn copy(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    let run = || -> rusqlite::Result<()> {
        let mut target = Connection::open(dest)?;
        if let Some(key) = key {
            key.apply(&target)?;
        }
        {
            let backup = Backup::new(conn, &mut target)?;
            // Copy in chunks, pausing briefly so a writer on the source is never starved.
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
        }
        // A backup is a standalone file: no WAL beside it.
        let _mode: String = target.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        Ok(())
    };
    run().map_err(|e| classify(dest, e))
}
