//! The JSON export: a versioned top-level object with one array per record kind, fields in
//! the documented order, references by uuid, records oldest first (`created_at`, then
//! `uuid`). The same journal always gives the same bytes; see `docs/export-format.md`.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::TransferError;
use super::read::{self, Fields, Journal};
use super::schema::{FORMAT_NAME, FORMAT_VERSION};
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

struct Records<'a>(&'a [Fields]);

impl Serialize for Records<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Ordered))
    }
}

struct Document<'a>(&'a Journal);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2 + self.0.len()))?;
        map.serialize_entry("format", FORMAT_NAME)?;
        map.serialize_entry("version", &FORMAT_VERSION)?;
        for (kind, records) in self.0 {
            map.serialize_entry(kind.key, &Records(records))?;
        }
        map.end()
    }
}

/// The whole journal as the documented JSON document (pretty-printed, ending in a newline).
/// Drafts are never exported; private records only with `include_private`.
pub fn export_json(store: &Store, include_private: bool) -> Result<String, TransferError> {
    let journal = read::journal(store.conn(), include_private).map_err(StoreError::from)?;
    let mut text = serde_json::to_string_pretty(&Document(&journal))?;
    text.push('\n');
    Ok(text)
}

/// A record's field by key (Null when absent).
pub fn field<'a>(rec: &'a Fields, key: &str) -> &'a Value {
    rec.iter()
        .find(|(k, _)| *k == key)
        .map_or(&Value::Null, |(_, v)| v)
}
