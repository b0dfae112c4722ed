//! The records of an import file once checked, kept out of memory until they are written: a
//! private temporary SQLite database (SQLite deletes it when the connection closes), one row
//! per record in file order. The file is read once; the records are then written kind by
//! kind in the order references need, whatever order the file has.

use crate::store::StoreError;
use rusqlite::{Connection, params};
use serde_json::Value;

use super::read::{COMMON, Fields};
use super::schema::{self, Kind};

/// The checked records of every kind, by position in [`schema::KINDS`].
pub struct Staging {
    // Declared before the file: the connection closes before the file is removed.
    conn: Connection,
    counts: Vec<usize>,
    _file: Option<crate::store::scratch::StagingFile>,
    _dir: Option<tempfile::TempDir>,
}

/// Where an import's checked records wait.
pub enum Place {
    /// In memory (an encrypted journal's records never go to a plain file).
    Memory,
    /// In a file of this private scratch folder (see [`crate::store::scratch`]).
    Folder(crate::store::scratch::Scratch),
    /// In a file of a new private folder in the system's temporary folder, removed with it
    /// (a journal in memory, or one whose folder cannot hold a scratch folder yet).
    Temporary,
}

impl Place {
    /// Where the records of an import into the journal at `journal` wait: in memory for an
    /// encrypted journal, else in the journal's private scratch folder (a private temporary
    /// folder when there is none).
    pub fn for_journal(journal: Option<&std::path::Path>, encrypted: bool) -> Place {
        if encrypted {
            return Place::Memory;
        }
        match journal.map(|j| crate::store::scratch::Scratch::for_journal(Some(j))) {
            Some(Ok(scratch)) => Place::Folder(scratch),
            _ => Place::Temporary,
        }
    }
}

/// The names of a record's fields in [`Fields`] order.
fn names(kind: &Kind) -> impl Iterator<Item = &'static str> {
    ["uuid", "created_at", "updated_at", "private"]
        .into_iter()
        .chain(kind.fields.iter().map(|f| f.name))
}

impl Staging {
    /// An empty staging database. In a file, its page cache is small (2 MB) and a large
    /// import spills to the file rather than to memory. (Not SQLite's own temporary database,
    /// the empty file name: SQLCipher builds keep that one in memory, and it would go to the
    /// shared temporary folder.)
    pub fn new(place: Place) -> Result<Staging, StoreError> {
        let (scratch, dir) = match place {
            Place::Memory => (None, None),
            Place::Folder(scratch) => (Some(scratch), None),
            Place::Temporary => {
                let io = |source| StoreError::Io {
                    path: std::env::temp_dir(),
                    source,
                };
                let dir = tempfile::tempdir().map_err(io)?;
                crate::store::access::make_private_dir(dir.path()).map_err(io)?;
                let scratch = crate::store::scratch::Scratch::in_folder(dir.path());
                (Some(scratch), Some(dir))
            }
        };
        let (conn, file) = match scratch {
            None => (Connection::open_in_memory()?, None),
            Some(scratch) => {
                let file = scratch.staging_file().map_err(|source| StoreError::Io {
                    path: scratch.dir().to_path_buf(),
                    source,
                })?;
                (Connection::open(file.path())?, Some(file))
            }
        };
        conn.execute_batch(
            "PRAGMA journal_mode = OFF;
             PRAGMA synchronous = OFF;
             PRAGMA cache_size = -2048;
             CREATE TABLE staged (
                 kind INTEGER NOT NULL,
                 seq INTEGER NOT NULL,
                 body TEXT NOT NULL,
                 PRIMARY KEY (kind, seq)
             ) WITHOUT ROWID;
             BEGIN;",
        )?;
        Ok(Staging {
            conn,
            counts: vec![0; schema::KINDS.len()],
            _file: file,
            _dir: dir,
        })
    }

    /// Keeps record number `seq` of the kind at `kind` (its values as a JSON array).
    pub fn put(&mut self, kind: usize, seq: usize, rec: &Fields) -> rusqlite::Result<()> {
        let values: Vec<&Value> = rec.iter().map(|(_, v)| v).collect();
        let body = serde_json::to_string(&values)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        self.conn
            .prepare_cached("INSERT INTO staged (kind, seq, body) VALUES (?1, ?2, ?3)")?
            .execute(params![kind as i64, seq as i64, body])?;
        self.counts[kind] += 1;
        Ok(())
    }

    /// Forgets the records of the kind at `kind` (its array appeared again in the file: the
    /// last one counts, as when the whole document is parsed into a map).
    pub fn clear(&mut self, kind: usize) -> rusqlite::Result<()> {
        self.conn
            .execute("DELETE FROM staged WHERE kind = ?1", [kind as i64])?;
        self.counts[kind] = 0;
        Ok(())
    }

    /// How many records are kept, over all kinds.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Hands the records of the kind at `kind` to `each`, in file order, one at a time.
    pub fn each<E: From<rusqlite::Error>>(
        &self,
        kind: usize,
        mut each: impl FnMut(Fields) -> Result<(), E>,
    ) -> Result<(), E> {
        let schema_kind = &schema::KINDS[kind];
        let mut stmt = self
            .conn
            .prepare_cached("SELECT body FROM staged WHERE kind = ?1 ORDER BY seq")?;
        let mut rows = stmt.query([kind as i64])?;
        while let Some(row) = rows.next()? {
            let body: String = row.get(0)?;
            let values: Vec<Value> = serde_json::from_str(&body).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
            })?;
            let mut fields: Fields = Vec::with_capacity(COMMON + schema_kind.fields.len());
            fields.extend(names(schema_kind).zip(values));
            each(fields)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::scratch::Scratch;

    /// The file SQLite keeps the staged records in ("" for memory).
    fn file_of(staging: &Staging) -> String {
        staging
            .conn
            .query_row(
                "SELECT file FROM pragma_database_list WHERE name = 'main'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    }

    #[test]
    fn a_plain_journals_records_wait_in_a_file_of_its_scratch_folder() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.db");
        let scratch = Scratch::for_journal(Some(&journal)).unwrap();
        // A killed import's file (a process that cannot be running) goes first.
        let stale = scratch.dir().join("import-4294967295-abc.db");
        std::fs::write(&stale, b"left by a killed import").unwrap();
        let staging = Staging::new(Place::for_journal(Some(&journal), false)).unwrap();
        let file = file_of(&staging);
        // On disk, so a large import spills to the file, not to memory (SQLCipher builds keep
        // SQLite's own temporary database in memory: 42 MB for a 100k import).
        assert!(
            file.starts_with(&scratch.dir().display().to_string()),
            "{file}"
        );
        assert!(!stale.exists(), "the stale file is removed");
        drop(staging);
        assert!(
            !std::path::Path::new(&file).exists(),
            "removed with the import"
        );
    }

    #[test]
    fn without_a_journal_file_the_records_wait_in_a_private_temporary_folder() {
        let staging = Staging::new(Place::for_journal(None, false)).unwrap();
        let file = std::path::PathBuf::from(file_of(&staging));
        let folder = file.parent().unwrap().to_path_buf();
        assert!(file.is_file());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&folder).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "private: {mode:o}");
        }
        drop(staging);
        assert!(!folder.exists(), "removed with the import");
    }

    #[test]
    fn an_encrypted_journals_records_stay_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.db");
        let staging = Staging::new(Place::for_journal(Some(&journal), true)).unwrap();
        assert_eq!(file_of(&staging), "");
        assert!(
            !dir.path().join(".journal.db.edit").exists(),
            "no scratch folder either"
        );
    }
}
