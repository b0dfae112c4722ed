//! A new journal written while its file is still being checked (issue 19, sixth pass).
//!
//! An import into a journal that does not exist yet fills a file aside
//! ([`crate::store::aside::NewJournal`]) that becomes the journal only once it is whole. So
//! it need not wait for the whole file to pass: each record that passes its checks is handed
//! to a second thread, which writes it into the aside file while this one reads and checks
//! the next (the checking and the writing, a third of the time each, overlap on two cores).
//! If the file has any problem, the caller throws the aside file away and reports every
//! problem exactly as the checks found them: nothing was written that counts. A kind's
//! indexes are created as soon as its records are in, on the writer's thread; if the file
//! passes, [`finish`] does what a bulk import does after its rows (mentor summaries, search
//! index) and commits; the caller then renames the file into place. The writer does without
//! SQLite's foreign-key checks (a third of its time, each a look-up of the target's row): it
//! checks that each reference it is given is a row it has written.
//!
//! The records come in the file's order, not in the order references need
//! ([`schema::WRITE_ORDER`]). Each table's row ids are given in file order from 1, as the
//! import that checks first gives them in a new journal, so a reference to a record already
//! read is the row id its place in the file gives (the checks know it; the writer verifies
//! that every row gets the id its place says). A reference to a record not read yet is left
//! empty and set once every record is in: one to the same kind as that import sets it, one to
//! a kind later in the file with the table's triggers paused (a record's `version` counts the
//! user's edits, and that import never edits it). Whatever this path does not expect — a
//! kind given twice, a write that fails (a record whose required reference comes later in
//! the file), a row id other than its place's — stops the writer, and
//! [`write_while_checking`] says so; the checked records are all staged as before, and the
//! caller imports them the usual way into a fresh aside file. A file with problems may make
//! the writer write nonsense or stop: it is thrown away either way.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rusqlite::types::Value as Sql;
use serde_json::Value;

use super::import::{self, BULK_CACHE, Deferred, ImportReport, KindReport, WriteSql};
use super::read::{COMMON, Fields};
use super::schema::{self, Kind, Ty};
use super::staging::{Staged, decode_in_place, encode};
use super::validate::{Passed, Seen};
use crate::store::{Store, StoreError, bulk, search};

/// Records handed over at a time (one hand-over per record costs more than the writing).
const BATCH: usize = 128;
/// Batches that may wait for the writer: the reader runs at most this far ahead, so memory
/// stays bounded (well under 1 MB of records) whatever the file's size.
const DEPTH: usize = 4;
/// In a batch's list, a kind given again rather than a record.
const RESTART: u32 = 1 << 31;

/// Records handed to the writer: their values in the staging form, one after the other
/// (one buffer, freed by whoever holds it last: no value built on one thread and dropped on
/// the other), and for each record its kind (or [`RESTART`] with it).
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    kinds: Vec<u32>,
}

/// The checking side: collects passed records into batches and sends them to the writer;
/// once the writer has stopped, it drops them.
struct Sink {
    tx: Option<SyncSender<Batch>>,
    batch: Batch,
    /// The kinds whose array has started.
    started: Vec<bool>,
}

impl Sink {
    fn push(&mut self, kind: u32) {
        self.batch.kinds.push(kind);
        if self.batch.kinds.len() >= BATCH {
            self.send();
        }
    }

    fn send(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        if let Some(tx) = &self.tx
            && tx.send(batch).is_err()
        {
            // The writer stopped (and said why): the rest goes only to the staging.
            self.tx = None;
        }
    }
}

impl Passed for Sink {
    /// Encodes the record for the writer, each reference to a record already read as the
    /// row id its place gives (a number, where the staging keeps the uuid's text).
    fn record(&mut self, kind: usize, index: usize, rec: Fields, seen: &Seen<'_>) {
        if self.tx.is_none() {
            return;
        }
        let schema_kind = &schema::KINDS[kind];
        for (i, (_, value)) in rec.iter().enumerate() {
            let target = match schema_kind.fields.get(i.wrapping_sub(COMMON)) {
                Some(field) if i >= COMMON => match field.ty {
                    Ty::Ref(target) => Some(target),
                    _ => None,
                },
                _ => None,
            };
            let place = match (target, value) {
                (Some(target), Value::String(uuid)) => seen
                    .index(target, uuid)
                    // A record of its own kind counts once written: before this one.
                    .filter(|at| target != schema_kind.key || *at < index),
                _ => None,
            };
            match place {
                Some(at) => encode(&Value::from(at as u64 + 1), &mut self.batch.bytes),
                None => encode(value, &mut self.batch.bytes),
            }
        }
        self.push(kind as u32);
    }

    fn start(&mut self, kind: usize) {
        let again = std::mem::replace(&mut self.started[kind], true);
        if again && self.tx.is_some() {
            self.push(kind as u32 | RESTART);
        }
    }
}

/// Rows written into a new journal, its transaction still open, waiting for the file's
/// verdict: [`finish`] completes them.
pub struct Rows {
    /// The search index's triggers, paused.
    search: Vec<String>,
    /// The mentor summary's insert triggers, paused.
    summary: Vec<String>,
    /// The indexes of the kind being written, put off until its rows are in.
    indexes: bulk::Deferred,
    /// Records written, by kind (position in [`schema::KINDS`]).
    counts: Vec<usize>,
    /// References to records of kinds later in the file: (kind, reference).
    later: Vec<(usize, Deferred)>,
    /// The connection's page cache, temporary storage and foreign-key enforcement before,
    /// to put back.
    cache: i64,
    temp_store: i64,
    foreign_keys: i64,
}

/// Runs `check` (which reads and checks the file, handing each record that passes to the
/// [`Passed`] it is given) on this thread while another writes those records into `store`,
/// a new journal nobody else sees. Returns what `check` returned and, if the writer wrote
/// every record it was given, the [`Rows`] to [`finish`] — only once `check` has found the
/// file good. None means the writer stopped (see the module documentation): `store` is
/// then in no state to keep.
pub fn write_while_checking<T>(
    store: &mut Store,
    check: impl FnOnce(&mut dyn Passed) -> T,
) -> (T, Option<Rows>) {
    let (tx, rx) = sync_channel(DEPTH);
    std::thread::scope(|scope| {
        let writer = std::thread::Builder::new()
            .name("import-writer".into())
            .spawn_scoped(scope, move || write_rows(store, rx));
        let mut sink = Sink {
            // No second thread: everything goes only to the staging, as before.
            tx: writer.is_ok().then_some(tx),
            batch: Batch::default(),
            started: vec![false; schema::KINDS.len()],
        };
        let checked = check(&mut sink);
        sink.send();
        drop(sink);
        let rows = writer.ok().and_then(|w| w.join().ok()).and_then(Result::ok);
        (checked, rows)
    })
}

/// The writer: every record it receives, in order, into `store` (a bulk write: triggers
/// paused, indexes put off, inside one transaction left open for [`finish`]).
fn write_rows(store: &mut Store, rx: Receiver<Batch>) -> Result<Rows, StoreError> {
    let conn = store.conn();
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let temp_store: i64 = conn.query_row("PRAGMA temp_store", [], |r| r.get(0))?;
    let foreign_keys: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    // A quarter of the bulk page cache while the checks hold their uuids (the rows go in
    // order, and each uuid index is a few hundred KB: 4 MB was no faster than 2 MB, and made
    // the decade shape's import at 100k peak above 30 MB); the whole of it for [`finish`].
    // A new journal is plain, so its statement journals may go to a temporary file (see
    // `import::write`).
    conn.execute_batch(&format!(
        "PRAGMA cache_size = {}; PRAGMA temp_store = FILE;",
        BULK_CACHE / 4
    ))?;
    // SQLite would look each reference's target up in its table (a third of the writing,
    // reading pages back from the file); here every reference is a row id the writer has
    // already written (checked below) or set from its target's uuid at the end. (Outside
    // the transaction: the setting does nothing inside one.)
    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    bulk::start_writeback(conn)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let search = search::pause_index(conn)?;
    let summary = bulk::pause_summary(conn)?;
    let mut rows = Rows {
        search,
        summary,
        indexes: bulk::Deferred::default(),
        counts: vec![0; schema::KINDS.len()],
        later: Vec::new(),
        cache,
        temp_store,
        foreign_keys,
    };
    let mut deferred = Vec::new();
    // The kind being written: its position, statements, and each field's target kind.
    let mut current: Option<(usize, WriteSql, Vec<Option<usize>>)> = None;
    let unexpected = |what: &str| StoreError::Invalid(format!("import while checking: {what}"));
    for batch in rx {
        let mut bytes = batch.bytes.as_slice();
        let mut values = Vec::new();
        for code in batch.kinds {
            if code & RESTART != 0 {
                // The places references were given by may not hold any more.
                return Err(unexpected("a kind given twice"));
            }
            let pos = code as usize;
            let kind = &schema::KINDS[pos];
            if current.as_ref().is_none_or(|c| c.0 != pos) {
                if let Some((done, ..)) = current.take() {
                    end_kind(store, done, &mut deferred, &mut rows)?;
                }
                if rows.counts[pos] > 0 {
                    return Err(unexpected("a kind in two parts"));
                }
                bulk::defer_indexes(store.conn(), kind.key, &mut rows.indexes)?;
                current = Some((pos, WriteSql::new(kind), schema::ref_targets(kind)));
            }
            let Some((_, sql, targets)) = &current else {
                continue;
            };
            values.clear();
            decode_in_place(&mut bytes, COMMON + kind.fields.len(), &mut values)
                .map_err(|e| unexpected(&e.to_string()))?;
            // Each row id given for a reference is one already written (rows are never
            // removed here): what the foreign keys would have checked.
            let written = |(target, v): (&Option<usize>, &Staged<'_>)| match (target, v) {
                (Some(t), Staged::Unsigned(id)) => (1..=rows.counts[*t] as u64).contains(id),
                _ => true,
            };
            if !targets.iter().zip(&values[COMMON..]).all(written) {
                return Err(unexpected("a reference to a row not written"));
            }
            let conn = store.conn();
            write_staged(conn, kind, sql, &values, &mut deferred)?;
            rows.counts[pos] += 1;
            if conn.last_insert_rowid() != rows.counts[pos] as i64 {
                return Err(unexpected("a row id other than its place in the file"));
            }
        }
    }
    if let Some((done, ..)) = current {
        end_kind(store, done, &mut deferred, &mut rows)?;
    }
    Ok(rows)
}

/// The end of a kind's records: references to records of the same kind written after them
/// are set now, as the import that checks first sets them (triggers and all); those to
/// kinds later in the file wait for [`finish`]. The kind's indexes are created now that its
/// rows are in (on this thread, while the other still reads).
fn end_kind(
    store: &Store,
    pos: usize,
    deferred: &mut Vec<Deferred>,
    rows: &mut Rows,
) -> Result<(), StoreError> {
    let key = schema::KINDS[pos].key;
    let (same, other): (Vec<_>, Vec<_>) = deferred.drain(..).partition(|d| d.1 == key);
    import::resolve(store.conn(), key, same)?;
    rows.later.extend(other.into_iter().map(|d| (pos, d)));
    bulk::restore_indexes(store.conn(), std::mem::take(&mut rows.indexes))?;
    Ok(())
}

/// Inserts one record read in place ([`Staged`]), bound as `import::write_record` binds
/// the same record's [`Fields`] (the two give the same row): a reference is the row id the
/// checking side gave it, or (a record not read yet) left empty and noted in `deferred`.
fn write_staged(
    conn: &rusqlite::Connection,
    kind: &Kind,
    sql: &WriteSql,
    rec: &[Staged<'_>],
    deferred: &mut Vec<Deferred>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(&sql.insert)?;
    for (i, v) in rec.iter().enumerate().take(COMMON) {
        bind(&mut stmt, i + 1, *v)?;
    }
    let uuid = match rec.first() {
        Some(Staged::Text(uuid)) => *uuid,
        _ => "",
    };
    for (i, (field, v)) in kind.fields.iter().zip(&rec[COMMON..]).enumerate() {
        let at = COMMON + i + 1;
        match (field.ty, *v) {
            (Ty::Ref(target), Staged::Text(target_uuid)) => {
                deferred.push((
                    field.column,
                    target,
                    uuid.to_string(),
                    target_uuid.to_string(),
                ));
                stmt.raw_bind_parameter(at, Sql::Null)?;
            }
            // As `write_record`: the value's JSON text, whatever it is.
            (Ty::Ratings | Ty::Answers | Ty::FitRatings, Staged::Json(text)) => {
                stmt.raw_bind_parameter(at, text)?;
            }
            (Ty::Ratings | Ty::Answers | Ty::FitRatings, other) => {
                stmt.raw_bind_parameter(at, other.to_value().to_string())?;
            }
            (Ty::Real, Staged::Unsigned(u)) => stmt.raw_bind_parameter(at, u as f64)?,
            (Ty::Real, Staged::Negative(n)) => stmt.raw_bind_parameter(at, n as f64)?,
            (Ty::Real, Staged::Float(x)) if x.is_finite() => stmt.raw_bind_parameter(at, x)?,
            // A reference's row id is a whole number, bound as one.
            (_, other) => bind(&mut stmt, at, other)?,
        }
    }
    stmt.raw_execute()?;
    Ok(())
}

/// Binds a value as `import::plain` converts its [`serde_json::Value`], text without a copy.
fn bind(stmt: &mut rusqlite::Statement<'_>, at: usize, v: Staged<'_>) -> rusqlite::Result<()> {
    match v {
        Staged::Null => stmt.raw_bind_parameter(at, Sql::Null),
        Staged::Bool(b) => stmt.raw_bind_parameter(at, i64::from(b)),
        Staged::Unsigned(u) => match i64::try_from(u) {
            Ok(i) => stmt.raw_bind_parameter(at, i),
            Err(_) => stmt.raw_bind_parameter(at, u as f64),
        },
        Staged::Negative(i) => stmt.raw_bind_parameter(at, i),
        Staged::Float(x) if x.is_finite() => stmt.raw_bind_parameter(at, x),
        Staged::Float(_) => stmt.raw_bind_parameter(at, Sql::Null),
        Staged::Text(s) | Staged::Json(s) => stmt.raw_bind_parameter(at, s),
    }
}

/// Completes rows that [`write_while_checking`] wrote, once the file has passed: references
/// to records later in the file, then what a bulk import derives from the rows (summaries,
/// search index); commits. The report counts every record as added (the journal
/// was new).
pub fn finish(store: &mut Store, rows: Rows) -> Result<ImportReport, StoreError> {
    let conn = store.conn();
    conn.execute_batch(&format!("PRAGMA cache_size = {BULK_CACHE};"))?;
    let mut later = rows.later;
    later.sort_by_key(|(pos, _)| *pos);
    let mut rest = later.as_slice();
    while let Some((pos, _)) = rest.first() {
        let run = rest.iter().take_while(|(p, _)| p == pos).count();
        let key = schema::KINDS[*pos].key;
        // Setting a reference is not an edit: no trigger runs (not the version count).
        let triggers = bulk::pause_triggers(conn, key)?;
        import::resolve(
            conn,
            key,
            rest[..run].iter().map(|(_, d)| d.clone()).collect(),
        )?;
        search::restore_triggers(conn, &triggers)?;
        rest = &rest[run..];
    }
    let changed = rows.counts.iter().any(|n| *n > 0);
    bulk::resume_summary(conn, &rows.summary, changed)?;
    if changed {
        search::resume_index(conn, &rows.search)?;
    } else {
        search::restore_triggers(conn, &rows.search)?;
    }
    conn.execute_batch("COMMIT")?;
    bulk::stop_writeback(conn)?;
    conn.execute_batch(&format!(
        "PRAGMA cache_size = {}; PRAGMA temp_store = {}; PRAGMA foreign_keys = {};",
        rows.cache, rows.temp_store, rows.foreign_keys
    ))?;
    let kinds = schema::KINDS
        .iter()
        .zip(&rows.counts)
        .map(|(kind, added)| KindReport {
            kind: kind.key,
            added: *added,
            ..KindReport::default()
        })
        .collect();
    Ok(ImportReport {
        dry_run: false,
        kinds,
    })
}

#[cfg(test)]
#[path = "direct_tests.rs"]
mod tests;
