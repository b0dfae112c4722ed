//! Reading the journal as export records: every column of every kind, references turned
//! from row ids into uuids, values in the canonical shape the import also produces (so a
//! record read here and the same record read from a file compare equal).

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use rusqlite::types::Value as Sql;
use serde_json::Value;

use super::schema::{self, Kind, Presence, Ty};

/// One record as `(key, value)` pairs in document order: `uuid`, `created_at`, `updated_at`,
/// `private`, then the kind's fields.
pub type Fields = Vec<(&'static str, Value)>;

/// How many common fields come before a kind's own fields in [`Fields`].
pub const COMMON: usize = 4;

/// The records of every kind, in document order.
pub type Journal = Vec<(&'static Kind, Vec<Fields>)>;

/// The query reading every record of `kind` (or, with `by_uuid`, the one with `?1`), oldest
/// first, columns as [`record`] reads them.
fn select(kind: &Kind, by_uuid: bool) -> String {
    let exprs: Vec<String> = kind
        .fields
        .iter()
        .map(|f| match f.ty {
            Ty::Ref(target) => format!(
                "(SELECT r.uuid FROM {target} r WHERE r.id = t.{})",
                f.column
            ),
            _ => format!("t.{}", f.column),
        })
        .collect();
    let filter = if by_uuid { "WHERE t.uuid = ?1" } else { "" };
    format!(
        "SELECT t.uuid, t.created_at, t.updated_at, t.private, {} FROM {} t {filter}
         ORDER BY t.created_at, t.uuid",
        exprs.join(", "),
        kind.key
    )
}

/// One row of [`select`] as export fields.
fn record(kind: &Kind, r: &rusqlite::Row<'_>) -> rusqlite::Result<Fields> {
    let mut fields: Fields = Vec::with_capacity(COMMON + kind.fields.len());
    fields.push(("uuid", Value::String(r.get(0)?)));
    for (i, name) in [(1, "created_at"), (2, "updated_at")] {
        let raw: String = r.get(i)?;
        let stamp = schema::normalise_stamp(&raw).unwrap_or(raw);
        fields.push((name, Value::String(stamp)));
    }
    fields.push(("private", Value::Bool(r.get::<_, i64>(3)? != 0)));
    for (i, field) in kind.fields.iter().enumerate() {
        let value: Sql = r.get(COMMON + i)?;
        fields.push((field.name, to_json(value, field.ty)));
    }
    Ok(fields)
}

/// Reads every record of `kind` (or only the one with `uuid`), oldest first.
pub fn read_kind(
    conn: &Connection,
    kind: &Kind,
    uuid: Option<&str>,
) -> rusqlite::Result<Vec<Fields>> {
    let mut stmt = conn.prepare_cached(&select(kind, uuid.is_some()))?;
    let params: Vec<&dyn rusqlite::ToSql> = match &uuid {
        Some(u) => vec![u as &dyn rusqlite::ToSql],
        None => vec![],
    };
    let rows = stmt.query_map(params.as_slice(), |r| record(kind, r))?;
    rows.collect()
}

/// Hands every record of `kind` to `each`, oldest first, one at a time: the export never
/// holds more than one record.
pub fn each_record<E: From<rusqlite::Error>>(
    conn: &Connection,
    kind: &Kind,
    mut each: impl FnMut(Fields) -> Result<(), E>,
) -> Result<(), E> {
    let mut stmt = conn.prepare(&select(kind, false))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        each(record(kind, row)?)?;
    }
    Ok(())
}

/// One column value as its export JSON.
fn to_json(value: Sql, ty: Ty) -> Value {
    match (value, ty) {
        (Sql::Null, _) => Value::Null,
        (Sql::Integer(i), Ty::Bool) => Value::Bool(i != 0),
        (Sql::Integer(i), Ty::Real) => json_f64(i as f64),
        (Sql::Integer(i), _) => Value::from(i),
        (Sql::Real(x), _) => json_f64(x),
        (Sql::Text(s), Ty::LocalTime) => match schema::parse_local_time(&s) {
            Some(t) => Value::String(schema::local_time_text(t)),
            None => Value::String(s),
        },
        (Sql::Text(s), Ty::Ratings | Ty::Answers | Ty::FitRatings) => {
            serde_json::from_str(&s).unwrap_or(Value::String(s))
        }
        (Sql::Text(s), _) => Value::String(s),
        (Sql::Blob(_), _) => Value::Null,
    }
}

fn json_f64(x: f64) -> Value {
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// The uuid of a record.
pub fn uuid_of(fields: &Fields) -> &str {
    fields[0].1.as_str().unwrap_or_default()
}

/// A uuid as a set key: its 128 bits (16 bytes instead of a 36-character string), or the
/// text itself for the odd value that is not a uuid (a hand-edited journal).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UuidKey {
    Bits(u128),
    Text(Box<str>),
}

impl UuidKey {
    /// The key of `s`.
    pub fn of(s: &str) -> UuidKey {
        match uuid::Uuid::parse_str(s) {
            Ok(u) => UuidKey::Bits(u.as_u128()),
            Err(_) => UuidKey::Text(s.into()),
        }
    }
}

/// Which records an export without private records keeps, by kind: not private, and every
/// required reference kept (a meeting with a private mentor goes, and so does its agenda).
/// Only the uuids of kinds that are referenced are held, 16 bytes each.
pub struct Kept(HashMap<&'static str, HashSet<UuidKey>>);

impl Kept {
    /// Reads the uuid, the private flag and the required references of every record, kinds
    /// in an order where references point backwards.
    pub fn read(conn: &Connection) -> rusqlite::Result<Kept> {
        let targets: HashSet<&str> = schema::KINDS
            .iter()
            .flat_map(|k| k.fields.iter())
            .filter_map(|f| match f.ty {
                Ty::Ref(target) => Some(target),
                _ => None,
            })
            .collect();
        let mut kept = Kept(HashMap::new());
        for key in schema::WRITE_ORDER {
            if !targets.contains(key) {
                continue;
            }
            let kind = schema::kind(key);
            let required: Vec<&str> = kind
                .fields
                .iter()
                .filter_map(|f| match (f.ty, f.presence) {
                    (Ty::Ref(target), Presence::Required) => Some(target),
                    _ => None,
                })
                .collect();
            let exprs: String = kind
                .fields
                .iter()
                .filter_map(|f| match (f.ty, f.presence) {
                    (Ty::Ref(target), Presence::Required) => Some(format!(
                        ", (SELECT r.uuid FROM {target} r WHERE r.id = t.{})",
                        f.column
                    )),
                    _ => None,
                })
                .collect();
            let sql = format!("SELECT t.uuid, t.private{exprs} FROM {key} t");
            let mut set = HashSet::new();
            let mut stmt = conn.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                if row.get::<_, i64>(1)? != 0 {
                    continue;
                }
                let mut keep = true;
                for (i, target) in required.iter().enumerate() {
                    let uuid: Option<String> = row.get(2 + i)?;
                    keep &= uuid.is_some_and(|u| kept.has(target, &u));
                }
                if keep {
                    set.insert(UuidKey::of(&row.get::<_, String>(0)?));
                }
            }
            kept.0.insert(key, set);
        }
        Ok(kept)
    }

    /// True when the record of kind `target` with `uuid` is exported.
    pub fn has(&self, target: &str, uuid: &str) -> bool {
        self.0
            .get(target)
            .is_some_and(|s| s.contains(&UuidKey::of(uuid)))
    }

    /// Whether `rec` of `kind` is exported; if it is, its optional references to left-out
    /// records become null.
    pub fn filter(&self, kind: &Kind, rec: &mut Fields) -> bool {
        if rec[3].1 == Value::Bool(true) {
            return false;
        }
        for (i, f) in kind.fields.iter().enumerate() {
            let Ty::Ref(target) = f.ty else { continue };
            let slot = &mut rec[COMMON + i].1;
            let gone = slot.as_str().is_some_and(|u| !self.has(target, u));
            match f.presence {
                Presence::Required if gone || slot.is_null() => return false,
                _ if gone => *slot = Value::Null,
                _ => {}
            }
        }
        true
    }
}

/// Reads the whole journal into memory (the Markdown and iCalendar exports, which sort and
/// group across kinds). Without `include_private`, private records are left out, and so is
/// every record that cannot exist without a left-out one (a meeting with a private mentor,
/// that meeting's agenda); an optional reference to a left-out record becomes null.
pub fn journal(conn: &Connection, include_private: bool) -> rusqlite::Result<Journal> {
    let kept = if include_private {
        None
    } else {
        Some(Kept::read(conn)?)
    };
    schema::KINDS
        .iter()
        .map(|kind| {
            let mut records = Vec::new();
            each_record(conn, kind, |mut rec| {
                if kept.as_ref().is_none_or(|k| k.filter(kind, &mut rec)) {
                    records.push(rec);
                }
                Ok::<(), rusqlite::Error>(())
            })?;
            Ok((kind, records))
        })
        .collect()
}
