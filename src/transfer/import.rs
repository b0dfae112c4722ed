//! Importing a checked file: all or nothing, in one transaction, merging by uuid.
//!
//! The checked records come from the [`Staging`] database, one at a time, kind by kind in an
//! order where references are written before the records pointing at them: an import of any
//! size holds one record in memory.
//!
//! A record whose uuid the journal already has is updated in place, never duplicated; one
//! that is identical (timestamps included) is not touched at all, so importing the same file
//! twice changes nothing. The file's `created_at`/`updated_at` are kept. Because everything
//! is written inside one SQLite transaction, an import killed halfway (power cut, `kill -9`)
//! leaves the journal exactly as it was: SQLite rolls the unfinished transaction back the
//! next time the file is opened.

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::io::Read;

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

use super::TransferError;
use super::read::{self, COMMON, Fields};
use super::schema::{self, Kind, Ty};
use super::staging::Staging;
use super::validate;
use crate::i18n::{Lang, fill};
use crate::store::{Store, StoreError};

/// What an import did (or, in a dry run, would do) to one record kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindReport {
    /// The kind's key in the document, e.g. `"meetings"`.
    pub kind: &'static str,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// What an import did, per record kind in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// True when nothing was written (validation and counting only).
    pub dry_run: bool,
    pub kinds: Vec<KindReport>,
}

impl ImportReport {
    /// The figures for one kind.
    pub fn kind(&self, key: &str) -> Option<&KindReport> {
        self.kinds.iter().find(|k| k.kind == key)
    }

    /// Records added plus records updated, over all kinds.
    pub fn changed(&self) -> usize {
        self.kinds.iter().map(|k| k.added + k.updated).sum()
    }

    /// Records in the file, over all kinds.
    pub fn total(&self) -> usize {
        self.kinds
            .iter()
            .map(|k| k.added + k.updated + k.unchanged)
            .sum()
    }
}

impl ImportReport {
    /// One line per kind present in the file, in `lang`: `meetings: 2 added, 1 updated,
    /// 5 unchanged` (the kind is the file's own key in every language).
    pub fn render(&self, lang: Lang) -> String {
        let t = &lang.text().transfer;
        let mut out = String::new();
        if self.dry_run {
            out.push_str(t.report_dry_run);
            out.push('\n');
        }
        for k in self
            .kinds
            .iter()
            .filter(|k| k.added + k.updated + k.unchanged > 0)
        {
            out.push_str(&fill!(
                t.report_line,
                kind = k.kind,
                added = k.added,
                updated = k.updated,
                unchanged = k.unchanged
            ));
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for ImportReport {
    /// The report in English, see [`ImportReport::render`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Validates `text` completely, then (unless `dry_run`) merges it into the journal in one
/// transaction. Any problem in the file refuses the whole file with every problem listed.
pub fn import_json(
    store: &mut Store,
    text: &str,
    dry_run: bool,
) -> Result<ImportReport, TransferError> {
    let checked = validate_json(store, text.as_bytes())?;
    apply_import(store, &checked, dry_run)
}

/// An import file that passed validation, ready for [`apply_import`]: its records are kept
/// in a temporary database, not in memory.
pub struct CheckedImport {
    pub(super) staging: Staging,
}

/// Validates the document read from `reader` completely, as a stream; references may point
/// into the file or into `store`. (Checked against an empty in-memory journal, a file can be
/// validated before a new journal is created for it, so a refused file creates nothing.)
pub fn validate_json(store: &Store, reader: impl Read) -> Result<CheckedImport, TransferError> {
    validate_json_passing(store, reader, None)
}

/// [`validate_json`], handing every record that passes its checks to `passed` as it is read
/// (see [`super::direct`]).
pub fn validate_json_passing(
    store: &Store,
    reader: impl Read,
    passed: Option<&mut dyn validate::Passed>,
) -> Result<CheckedImport, TransferError> {
    // The checked records wait in the journal's private scratch folder (sealed for an
    // encrypted journal: its records never reach the disk readable), in a private temporary
    // folder for a journal in memory or not created yet.
    let place = super::staging::Place::for_journal(store.path(), store.is_encrypted());
    Ok(CheckedImport {
        staging: validate::validate(store.conn(), reader, place, passed)?,
    })
}

/// Merges a validated file into the journal in one transaction (or, with `dry_run`, only
/// counts what would change).
pub fn apply_import(
    store: &mut Store,
    checked: &CheckedImport,
    dry_run: bool,
) -> Result<ImportReport, TransferError> {
    let kinds = write(store, &checked.staging, dry_run, BULK_RECORDS)?;
    Ok(ImportReport { dry_run, kinds })
}

/// [`apply_import`], in bulk (see [`write_in_bulk`]) from `bulk_from` records on.
pub(super) fn write(
    store: &mut Store,
    staged: &Staging,
    dry_run: bool,
    bulk_from: usize,
) -> Result<Vec<KindReport>, StoreError> {
    if dry_run {
        return apply(store.conn(), staged, false);
    }
    if staged.total() < bulk_from {
        return store.transaction(|s| apply(s.conn(), staged, true));
    }
    // Not for an encrypted journal: its temporary data stays in memory (docs/PRIVACY.md).
    let to_file = !store.is_encrypted();
    // Each rebuild statement keeps a statement journal (the pages it changed, to undo it
    // alone); with the connection's temp_store = MEMORY that was 15 MB of the import's
    // peak memory at 100k records. A temporary file holds it instead, for this import.
    let conn = store.conn();
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let mut settings = format!("PRAGMA cache_size = {BULK_CACHE};");
    if to_file {
        settings.push_str("PRAGMA temp_store = FILE;");
    }
    conn.execute_batch(&settings)?;
    crate::store::bulk::start_writeback(conn)?;
    let written = store.transaction(|s| write_in_bulk(s.conn(), staged));
    crate::store::bulk::stop_writeback(store.conn())?;
    let mut restore = format!("PRAGMA cache_size = {cache};");
    if to_file {
        restore.push_str("PRAGMA temp_store = MEMORY;");
    }
    store.conn().execute_batch(&restore)?;
    written
}

/// Writes a large import (inside the caller's transaction): the rows first, then what is
/// derived from them in one pass each, as a trigger or an index entry per row would cost
/// several times more: the secondary indexes of the tables that were empty (created after
/// their rows), the mentors' summary rows and the search index.
fn write_in_bulk(conn: &Connection, staged: &Staging) -> Result<Vec<KindReport>, StoreError> {
    use crate::store::bulk;
    use crate::store::search;
    let search = search::pause_index(conn)?;
    let last = search::last_ids(conn, &search)?;
    let summary = bulk::pause_summary(conn)?;
    let mut deferred = bulk::Deferred::default();
    for (pos, kind) in schema::KINDS.iter().enumerate() {
        if staged.count(pos) > 0 {
            bulk::defer_indexes(conn, kind.key, &mut deferred)?;
        }
    }
    let kinds = apply(conn, staged, true)?;
    bulk::restore_indexes(conn, deferred)?;
    // Nothing written (the same file again): the summary and the search index are as they
    // were, only their triggers come back.
    let changed = kinds.iter().any(|k| k.added + k.updated > 0);
    bulk::resume_summary(conn, &summary, changed)?;
    if !changed {
        search::restore_triggers(conn, &search)?;
    } else if only_added(conn, &kinds, &last)? {
        search::extend_index(conn, &search, &last)?;
    } else {
        search::resume_index(conn, &search)?;
    }
    Ok(kinds)
}

/// Whether a bulk write that counted `kinds` changed no search entry but those of the
/// records it added (another journal's, a backup's): then their entries are added to the
/// index as it is; anything else rebuilds it from the tables. `last`: each table's last id
/// before the write ([`crate::store::search::last_ids`]).
pub(super) fn only_added(
    conn: &Connection,
    kinds: &[KindReport],
    last: &[(String, i64)],
) -> Result<bool, StoreError> {
    let added: Vec<&str> = kinds
        .iter()
        .filter(|k| k.added > 0)
        .map(|k| k.kind)
        .collect();
    let updated = kinds.iter().map(|k| k.updated).sum();
    Ok(crate::store::search::only_new_entries(
        conn, &added, updated, last,
    )?)
}

/// The journal's page cache during a large import, in KiB (negative: SQLite's unit): the
/// pages of the tables and indexes being written stay in memory instead of going to the
/// write-ahead log and being read back (the default is 2 MB).
pub(super) const BULK_CACHE: i64 = -8192;

/// From this many records on, an import rebuilds the search index once instead of row by row.
const BULK_RECORDS: usize = 2_000;

/// Counts (and with `write`, writes) every record, kinds in an order where references are
/// always written before the records pointing at them.
fn apply(conn: &Connection, staged: &Staging, write: bool) -> Result<Vec<KindReport>, StoreError> {
    let mut reports: Vec<KindReport> = schema::KINDS
        .iter()
        .map(|kind| KindReport {
            kind: kind.key,
            ..KindReport::default()
        })
        .collect();
    let mut ids = Written::default();
    for (at, key) in schema::WRITE_ORDER.iter().enumerate() {
        // Row ids no kind still to write points at are not needed any more.
        ids.keep_for(&schema::WRITE_ORDER[at..]);
        let Some(pos) = schema::position(key) else {
            continue;
        };
        let kind = &schema::KINDS[pos];
        let report = &mut reports[pos];
        let mut deferred = Vec::new();
        // The kind's uuids in the journal, read once (one walk of the uuid index): a record
        // the journal does not have is new without a look-up of its own; only those it has
        // are read back and compared.
        let known = known_uuids(conn, kind)?;
        let write_sql = WriteSql::new(kind);
        let keep_ids = ids.is_target(kind.key);
        staged.each(pos, |rec| {
            let uuid = read::uuid_of(&rec);
            let existing = if is_known(&known, uuid) {
                read::read_kind(conn, kind, Some(uuid))?.pop()
            } else {
                None
            };
            let exists = existing.is_some();
            match existing {
                Some(old) if old == rec => {
                    report.unchanged += 1;
                    return Ok(());
                }
                Some(_) => report.updated += 1,
                None => report.added += 1,
            }
            if write {
                write_record(conn, kind, &write_sql, &rec, exists, &ids, &mut deferred)?;
                if keep_ids && !exists {
                    ids.insert(kind.key, uuid, conn.last_insert_rowid());
                }
            }
            Ok::<(), StoreError>(())
        })?;
        resolve(conn, kind.key, deferred)?;
    }
    Ok(reports)
}

/// Sets the references of `table`'s records that were written before their targets.
pub(super) fn resolve(
    conn: &Connection,
    table: &str,
    deferred: Vec<Deferred>,
) -> Result<(), StoreError> {
    for (column, target, uuid, target_uuid) in deferred {
        conn.execute(
            &format!(
                "UPDATE {table} SET {column} = (SELECT id FROM {target} WHERE uuid = ?1)
                 WHERE uuid = ?2"
            ),
            [target_uuid, uuid],
        )?;
    }
    Ok(())
}

/// The uuids of `kind`'s table by their 128 bits (16 bytes each, about 2 MB for 100k
/// records), read from its uuid index alone. Only uuids written as the checked records are
/// (lower case, hyphenated) go in: a uuid in another spelling (a hand-edited journal) never
/// matched a record of the file, as the look-up compares the text.
fn known_uuids(conn: &Connection, kind: &Kind) -> Result<HashSet<u128>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT uuid FROM {}", kind.key))?;
    let mut rows = stmt.query([])?;
    let mut set = HashSet::new();
    let mut text = String::with_capacity(36);
    while let Some(row) = rows.next()? {
        let Ok(uuid) = row.get_ref(0)?.as_str() else {
            continue;
        };
        let Ok(u) = uuid::Uuid::parse_str(uuid) else {
            continue;
        };
        text.clear();
        write!(text, "{}", u.hyphenated()).ok();
        if text == uuid {
            set.insert(u.as_u128());
        }
    }
    Ok(set)
}

/// True when `known` (see [`known_uuids`]) holds the checked record's `uuid`.
fn is_known(known: &HashSet<u128>, uuid: &str) -> bool {
    !known.is_empty() && uuid::Uuid::parse_str(uuid).is_ok_and(|u| known.contains(&u.as_u128()))
}

/// A reference whose target is written later in the same kind: (column, target, uuid, target uuid).
pub(super) type Deferred = (&'static str, &'static str, String, String);

/// The two statements writing a record of one kind, built once per kind.
pub(super) struct WriteSql {
    pub(super) insert: String,
    update: String,
    /// For each field that is a reference, the look-up of its target's row id by uuid.
    lookups: Vec<Option<String>>,
}

impl WriteSql {
    pub(super) fn new(kind: &Kind) -> WriteSql {
        let columns: Vec<&str> = ["uuid", "created_at", "updated_at", "private"]
            .into_iter()
            .chain(kind.fields.iter().map(|f| f.column))
            .collect();
        let sets: Vec<String> = columns
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, c)| format!("{c} = ?{}", i + 1))
            .collect();
        let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let lookups = kind
            .fields
            .iter()
            .map(|f| match f.ty {
                Ty::Ref(target) => Some(format!("SELECT id FROM {target} WHERE uuid = ?1")),
                _ => None,
            })
            .collect();
        WriteSql {
            lookups,
            insert: format!(
                "INSERT INTO {} ({}) VALUES ({})",
                kind.key,
                columns.join(", "),
                marks.join(", ")
            ),
            update: format!(
                "UPDATE {} SET {} WHERE uuid = ?1",
                kind.key,
                sets.join(", ")
            ),
        }
    }
}

/// The row ids of the records this import inserted, by kind and uuid (128 bits), for the
/// kinds that other records point at: a reference to a record written earlier in the same
/// import is resolved here instead of by a look-up of the target's uuid index (a sixth of
/// the writing time at 100k records). A uuid not here (a record the journal had, or one
/// updated in place) is looked up as before. About 2 MB at 100k records.
#[derive(Default)]
struct Written {
    /// By the uuid's bytes (24 bytes an entry; a `u128` key would align it to 32).
    ids: HashMap<&'static str, HashMap<[u8; 16], i64>>,
}

impl Written {
    /// True when some kind has a reference to `table`'s records.
    fn is_target(&self, table: &str) -> bool {
        schema::KINDS.iter().any(|k| {
            k.fields
                .iter()
                .any(|f| matches!(f.ty, Ty::Ref(target) if target == table))
        })
    }

    /// Forgets the row ids of every kind that none of `kinds` (those still to write) points at.
    fn keep_for(&mut self, kinds: &[&str]) {
        self.ids.retain(|table, _| {
            schema::KINDS
                .iter()
                .filter(|k| kinds.contains(&k.key))
                .any(|k| {
                    k.fields
                        .iter()
                        .any(|f| matches!(f.ty, Ty::Ref(target) if target == *table))
                })
        });
    }

    /// Notes that the record `uuid` of `table` was inserted as row `id`.
    fn insert(&mut self, table: &'static str, uuid: &str, id: i64) {
        if let Ok(u) = uuid::Uuid::parse_str(uuid) {
            self.ids
                .entry(table)
                .or_default()
                .insert(u.as_u128().to_le_bytes(), id);
        }
    }

    /// The row id this import gave the record `uuid` of `table`, if it inserted it.
    fn get(&self, table: &str, uuid: &str) -> Option<i64> {
        let ids = self.ids.get(table)?;
        let u = uuid::Uuid::parse_str(uuid).ok()?;
        ids.get(&u.as_u128().to_le_bytes()).copied()
    }
}

/// Inserts or updates one record, references resolved from uuid to row id. The values are
/// bound one by one from the record, text without a copy.
fn write_record(
    conn: &Connection,
    kind: &Kind,
    sql: &WriteSql,
    rec: &Fields,
    exists: bool,
    written: &Written,
    deferred: &mut Vec<Deferred>,
) -> Result<(), StoreError> {
    let uuid = read::uuid_of(rec);
    let mut stmt = conn.prepare_cached(if exists { &sql.update } else { &sql.insert })?;
    stmt.raw_bind_parameter(1, uuid)?;
    for (i, (_, v)) in rec.iter().enumerate().take(COMMON).skip(1) {
        bind_plain(&mut stmt, i + 1, v)?;
    }
    let fields = kind.fields.iter().zip(&rec[COMMON..]).zip(&sql.lookups);
    for (i, ((field, (_, v)), lookup)) in fields.enumerate() {
        let at = COMMON + i + 1;
        match (field.ty, v, lookup) {
            (Ty::Ref(target), Value::String(target_uuid), Some(lookup)) => {
                let id = match written.get(target, target_uuid) {
                    Some(id) => Some(id),
                    None => conn
                        .prepare_cached(lookup)?
                        .query_row([target_uuid], |r| r.get::<_, i64>(0))
                        .optional()?,
                };
                match id {
                    Some(id) => stmt.raw_bind_parameter(at, id)?,
                    None => {
                        deferred.push((
                            field.column,
                            target,
                            uuid.to_string(),
                            target_uuid.clone(),
                        ));
                        stmt.raw_bind_parameter(at, Sql::Null)?;
                    }
                }
            }
            (Ty::Ratings | Ty::Answers | Ty::FitRatings, v, _) => {
                stmt.raw_bind_parameter(at, v.to_string())?;
            }
            (Ty::Real, Value::Number(n), _) => {
                stmt.raw_bind_parameter(at, n.as_f64().unwrap_or_default())?;
            }
            _ => bind_plain(&mut stmt, at, v)?,
        }
    }
    stmt.raw_execute()?;
    Ok(())
}

/// Binds a canonical JSON value as [`plain`] would convert it, text without a copy.
fn bind_plain(stmt: &mut rusqlite::Statement<'_>, at: usize, v: &Value) -> rusqlite::Result<()> {
    match v {
        Value::String(s) => stmt.raw_bind_parameter(at, s.as_str()),
        other => stmt.raw_bind_parameter(at, plain(other)),
    }
}

/// A canonical JSON value as the SQLite value the store keeps.
fn plain(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| Sql::Real(n.as_f64().unwrap_or_default()), Sql::Integer),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::transfer::export_json;

    fn demo() -> Store {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap();
        crate::demo::demo_store(now).unwrap()
    }

    /// A journal that has most of the file (the uuid set says which), with one record
    /// changed, one added and one it has under another spelling of its uuid.
    #[test]
    fn into_a_journal_that_has_part_of_the_file_each_record_is_counted_and_written_once() {
        let text = export_json(&demo(), true).unwrap();
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        let mut target = Store::open_in_memory().unwrap();
        import_json(&mut target, &text, false).unwrap();
        // Journal side: one question's uuid in capitals (a hand-edited journal): not the
        // same text, so the file's question is another record, added beside it.
        let questions = doc["questions"].as_array().unwrap().len();
        let odd = doc["questions"][0]["uuid"].as_str().unwrap().to_string();
        target
            .conn()
            .execute(
                "UPDATE questions SET uuid = upper(uuid) WHERE uuid = ?1",
                [&odd],
            )
            .unwrap();
        // File side: one goal changed, one new mentor.
        doc["goals"][0]["title"] = json!("A changed title");
        let mut mentor = doc["mentors"][0].clone();
        mentor["uuid"] = json!("0b0e8d4c-2f6e-4a39-9d51-6a1f1f0c2a77");
        mentor["name"] = json!("Someone new");
        doc["mentors"].as_array_mut().unwrap().push(mentor);
        let mentors = doc["mentors"].as_array().unwrap().len();
        let goals = doc["goals"].as_array().unwrap().len();

        let report = import_json(&mut target, &doc.to_string(), false).unwrap();
        let counts = |k: &str| {
            let r = report.kind(k).unwrap();
            (r.added, r.updated, r.unchanged)
        };
        assert_eq!(counts("mentors"), (1, 0, mentors - 1));
        assert_eq!(counts("goals"), (0, 1, goals - 1));
        assert_eq!(counts("questions"), (1, 0, questions - 1));
        assert_eq!(report.changed(), 3, "{report}");
        let after: Value = serde_json::from_str(&export_json(&target, true).unwrap()).unwrap();
        assert_eq!(after["mentors"].as_array().unwrap().len(), mentors);
        assert_eq!(after["questions"].as_array().unwrap().len(), questions + 1);
        assert!(
            after["goals"]
                .as_array()
                .unwrap()
                .iter()
                .any(|g| g["title"] == "A changed title")
        );
        // Again: nothing left to do.
        let again = import_json(&mut target, &doc.to_string(), false).unwrap();
        assert_eq!(again.changed(), 0, "{again}");
    }
}
