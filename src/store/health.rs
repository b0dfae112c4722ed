//! Relationship health checks: 1–5 ratings per question, stored as a small JSON array.

use rusqlite::{Row, params};
use serde_json::json;

use super::sql::{now_stamp, uuid_or_new};
use super::{Result, Store};
use crate::domain::HealthCheck;
use crate::domain::limits::WithinLimits;

const COLUMNS: &str = "id, uuid, private, mentor_id, on_date, ratings, note";

fn from_row(r: &Row<'_>) -> rusqlite::Result<HealthCheck> {
    let raw: String = r.get(5)?;
    Ok(HealthCheck {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        mentor_id: r.get(3)?,
        on: r.get(4)?,
        ratings: parse_ratings(&raw),
        note: r.get(6)?,
    })
}

/// Reads `[{"question": "progress", "rating": 4}, …]`, skipping anything malformed.
fn parse_ratings(raw: &str) -> Vec<(String, u8)> {
    let value: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| {
                    let q = item.get("question")?.as_str()?.to_string();
                    let r = u8::try_from(item.get("rating")?.as_u64()?).ok()?;
                    Some((q, r))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn ratings_json(h: &HealthCheck) -> String {
    let items: Vec<_> = h
        .ratings
        .iter()
        .map(|(q, r)| json!({"question": q, "rating": r}))
        .collect();
    serde_json::Value::Array(items).to_string()
}

impl Store {
    /// Inserts or updates a health check; ratings must be 1–5.
    pub fn save_health_check(&self, h: &HealthCheck) -> Result<i64> {
        h.check_limits()?;
        let now = now_stamp();
        if h.id == 0 {
            self.conn.execute(
                "INSERT INTO health_checks (uuid, created_at, updated_at, private, mentor_id, on_date,
                    ratings, note) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![uuid_or_new(&h.uuid), now, h.private, h.mentor_id, h.on, ratings_json(h), h.note],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE health_checks SET updated_at = ?2, private = ?3, mentor_id = ?4, on_date = ?5,
                    ratings = ?6, note = ?7 WHERE id = ?1",
                params![h.id, now, h.private, h.mentor_id, h.on, ratings_json(h), h.note],
            )?;
            Ok(h.id)
        }
    }

    /// A mentor's health checks, oldest first (for a trend), at most the last `limit`.
    pub fn health_checks_of(&self, mentor_id: i64, limit: usize) -> Result<Vec<HealthCheck>> {
        let sql = format!(
            "SELECT * FROM (SELECT {COLUMNS} FROM health_checks WHERE mentor_id = ?1
               ORDER BY on_date DESC, id DESC LIMIT ?2) ORDER BY on_date, id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![mentor_id, limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

super::edit::editable!(HealthCheck, HealthCheck, Store::health_check, |h| [
    "private" => h.private,
    "mentor_id" => h.mentor_id,
    "on_date" => h.on,
    "ratings" => ratings_json(h),
    "note" => h.note,
]);

impl Store {
    /// One health check by row id.
    pub fn health_check(&self, id: i64) -> Result<HealthCheck> {
        let sql = format!("SELECT {COLUMNS} FROM health_checks WHERE id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => super::StoreError::NotFound {
                    kind: crate::domain::RecordKind::HealthCheck,
                    id,
                },
                other => other.into(),
            })
    }
}
