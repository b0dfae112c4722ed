//! The JSON export: a versioned top-level object with one array per record kind, fields in
//! the documented order, references by uuid, records oldest first (`created_at`, then
//! `uuid`). The same journal always gives the same bytes; see `docs/export-format.md`.
//!
//! The document is written as the rows are read, one record at a time, through serde_json's
//! pretty serializer: an export of any size holds one record in memory (plus, without private
//! records, the uuids of the records kept, 16 bytes each).

use std::cell::RefCell;
use std::io::{self, Write};

use rusqlite::Connection;
use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use super::TransferError;
use super::read::{self, Fields, Kept};
use super::schema::{self, FORMAT_NAME, FORMAT_VERSION, Kind};
use crate::store::{Store, StoreError};

/// A record with its keys kept in document order (serde_json's map would sort them).
struct Ordered<'a>(&'a Fields);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// What the serializer reads from: the journal, which records are kept, and the first
/// database error met (serde can only carry a message; the error itself is kept here).
struct Source<'a> {
    conn: &'a Connection,
    kept: Option<&'a Kept>,
    failure: RefCell<Option<rusqlite::Error>>,
}

/// One kind's array, read row by row as it is written.
struct Records<'a> {
    source: &'a Source<'a>,
    kind: &'static Kind,
}

impl Serialize for Records<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// Why the row loop stopped.
        enum Stop<E> {
            Sql(rusqlite::Error),
            Write(E),
        }
        impl<E> From<rusqlite::Error> for Stop<E> {
            fn from(e: rusqlite::Error) -> Self {
                Stop::Sql(e)
            }
        }
        let mut seq = s.serialize_seq(None)?;
        let walked = read::each_record(self.source.conn, self.kind, |mut rec| {
            if let Some(kept) = self.source.kept
                && !kept.filter(self.kind, &mut rec)
            {
                return Ok(());
            }
            seq.serialize_element(&Ordered(&rec)).map_err(Stop::Write)
        });
        match walked {
            Ok(()) => seq.end(),
            Err(Stop::Write(e)) => Err(e),
            Err(Stop::Sql(e)) => {
                let message = e.to_string();
                *self.source.failure.borrow_mut() = Some(e);
                Err(S::Error::custom(message))
            }
        }
    }
}

struct Document<'a>(&'a Source<'a>);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2 + schema::KINDS.len()))?;
        map.serialize_entry("format", FORMAT_NAME)?;
        map.serialize_entry("version", &FORMAT_VERSION)?;
        for kind in schema::KINDS {
            map.serialize_entry(
                kind.key,
                &Records {
                    source: self.0,
                    kind,
                },
            )?;
        }
        map.end()
    }
}

/// Writes the whole journal to `out` as the documented JSON document (pretty-printed, ending
/// in a newline), record by record. Drafts are never exported; private records only with
/// `include_private`. `out` should be buffered: serde_json writes in small pieces.
pub fn write_json(
    store: &Store,
    include_private: bool,
    out: &mut dyn Write,
) -> Result<(), TransferError> {
    let conn = store.conn();
    let kept = if include_private {
        None
    } else {
        Some(Kept::read(conn).map_err(StoreError::from)?)
    };
    let source = Source {
        conn,
        kept: kept.as_ref(),
        failure: RefCell::new(None),
    };
    // serde_json writes in pieces of a few bytes: a buffer of its own (not behind `dyn`)
    // takes them, and `out` gets 64 KB at a time.
    let mut buffered = io::BufWriter::with_capacity(64 * 1024, &mut *out);
    let written = Document(&source).serialize(&mut serde_json::Serializer::pretty(&mut buffered));
    if let Some(e) = source.failure.take() {
        return Err(StoreError::from(e).into());
    }
    written.map_err(|e| match e.is_io() {
        true => TransferError::Io(e.into()),
        false => TransferError::Json(e),
    })?;
    buffered.write_all(b"\n")?;
    buffered.flush()?;
    Ok(())
}

/// [`write_json`] into a string.
pub fn export_json(store: &Store, include_private: bool) -> Result<String, TransferError> {
    let mut bytes = Vec::new();
    write_json(store, include_private, &mut bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e).into())
}

/// A record's field by key (Null when absent).
pub fn field<'a>(rec: &'a Fields, key: &str) -> &'a Value {
    rec.iter()
        .find(|(k, _)| *k == key)
        .map_or(&Value::Null, |(_, v)| v)
}
