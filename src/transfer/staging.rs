//! The records of an import file once checked, kept out of memory until they are written: a
//! private temporary SQLite database (SQLite deletes it when the connection closes), one row
//! per record in file order. The file is read once; the records are then written kind by
//! kind in the order references need, whatever order the file has.

use rusqlite::{Connection, params};
use serde_json::Value;

use super::read::{COMMON, Fields};
use super::schema::{self, Kind};

/// The checked records of every kind, by position in [`schema::KINDS`].
pub struct Staging {
    conn: Connection,
    counts: Vec<usize>,
}

/// The names of a record's fields in [`Fields`] order.
fn names(kind: &Kind) -> impl Iterator<Item = &'static str> {
    ["uuid", "created_at", "updated_at", "private"]
        .into_iter()
        .chain(kind.fields.iter().map(|f| f.name))
}

impl Staging {
    /// An empty staging database. Its page cache is small (2 MB): a large file spills to a
    /// temporary file, not to memory — unless `in_memory` (for an encrypted journal, whose
    /// records never go to a plain temporary file; see docs/PRIVACY.md).
    pub fn new(in_memory: bool) -> rusqlite::Result<Staging> {
        // An empty name is SQLite's private temporary on-disk database.
        let conn = if in_memory {
            Connection::open_in_memory()?
        } else {
            Connection::open("")?
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
