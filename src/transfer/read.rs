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

/// Reads every record of `kind` (or only the one with `uuid`), oldest first.
pub fn read_kind(
    conn: &Connection,
    kind: &Kind,
    uuid: Option<&str>,
) -> rusqlite::Result<Vec<Fields>> {
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
    let filter = if uuid.is_some() {
        "WHERE t.uuid = ?1"
    } else {
        ""
    };
    let sql = format!(
        "SELECT t.uuid, t.created_at, t.updated_at, t.private, {} FROM {} t {filter}
         ORDER BY t.created_at, t.uuid",
        exprs.join(", "),
        kind.key
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let params: Vec<&dyn rusqlite::ToSql> = match &uuid {
        Some(u) => vec![u as &dyn rusqlite::ToSql],
        None => vec![],
    };
    let rows = stmt.query_map(params.as_slice(), |r| {
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
    })?;
    rows.collect()
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
        (Sql::Text(s), Ty::Ratings | Ty::Answers) => {
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

/// Reads the whole journal. Without `include_private`, private records are left out, and so
/// is every record that cannot exist without a left-out one (a meeting with a private mentor,
/// that meeting's agenda); an optional reference to a left-out record becomes null.
pub fn journal(conn: &Connection, include_private: bool) -> rusqlite::Result<Journal> {
    let mut read: HashMap<&str, Vec<Fields>> = HashMap::new();
    let mut kept: HashMap<&str, HashSet<String>> = HashMap::new();
    for key in schema::WRITE_ORDER {
        let kind = schema::kind(key);
        let mut records = read_kind(conn, kind, None)?;
        if !include_private {
            records.retain(|rec| {
                rec[3].1 != Value::Bool(true)
                    && kind
                        .fields
                        .iter()
                        .enumerate()
                        .all(|(i, f)| match (f.ty, f.presence) {
                            (Ty::Ref(target), Presence::Required) => rec[COMMON + i]
                                .1
                                .as_str()
                                .is_some_and(|u| kept.get(target).is_some_and(|s| s.contains(u))),
                            _ => true,
                        })
            });
            kept.insert(
                key,
                records.iter().map(|r| uuid_of(r).to_string()).collect(),
            );
            for rec in &mut records {
                for (i, f) in kind.fields.iter().enumerate() {
                    if let Ty::Ref(target) = f.ty {
                        let slot = &mut rec[COMMON + i].1;
                        let gone = slot
                            .as_str()
                            .is_some_and(|u| !kept.get(target).is_some_and(|s| s.contains(u)));
                        if gone {
                            *slot = Value::Null;
                        }
                    }
                }
            }
        }
        read.insert(key, records);
    }
    Ok(schema::KINDS
        .iter()
        .map(|k| (k, read.remove(k.key).unwrap_or_default()))
        .collect())
}
