//! Periodic reflections: a template's prompts and the answers given.

use rusqlite::{OptionalExtension, Row, params};
use serde_json::json;

use super::sql::{now_stamp, uuid_or_new};
use super::window::{Page, Window, paged};
use super::{Result, Store, StoreError};
use crate::domain::limits::WithinLimits;
use crate::domain::{Goal, GoalRevision, Reflection};

/// A goal revision made from a reflection, with the goal's title.
#[derive(Debug, Clone, PartialEq)]
pub struct ReflectionRevision {
    pub revision: GoalRevision,
    pub goal_title: String,
    pub goal_private: bool,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Reflection> {
    let raw: String = r.get(6)?;
    Ok(Reflection {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        period: r.get(3)?,
        period_start: r.get(4)?,
        template: r.get(5)?,
        answers: parse_answers(&raw),
    })
}

/// Reads `[{"prompt": code, "answer": text}, …]`, skipping anything malformed.
fn parse_answers(raw: &str) -> Vec<(String, String)> {
    let value: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| {
                    Some((
                        item.get("prompt")?.as_str()?.to_string(),
                        item.get("answer")?.as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn answers_json(r: &Reflection) -> String {
    let items: Vec<_> = r
        .answers
        .iter()
        .map(|(p, a)| json!({"prompt": p, "answer": a}))
        .collect();
    serde_json::Value::Array(items).to_string()
}

impl Store {
    /// Inserts or updates a reflection.
    pub fn save_reflection(&self, r: &Reflection) -> Result<i64> {
        r.check_limits()?;
        let now = now_stamp();
        if r.id == 0 {
            self.conn.execute(
                "INSERT INTO reflections (uuid, created_at, updated_at, private, period, period_start,
                    template, answers) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![uuid_or_new(&r.uuid), now, r.private, r.period, r.period_start, r.template, answers_json(r)],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE reflections SET updated_at = ?2, private = ?3, period = ?4, period_start = ?5,
                    template = ?6, answers = ?7 WHERE id = ?1",
                params![r.id, now, r.private, r.period, r.period_start, r.template, answers_json(r)],
            )?;
            Ok(r.id)
        }
    }

    /// Reflections, newest period first.
    pub fn reflections(&self, limit: usize) -> Result<Vec<Reflection>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid, private, period, period_start, template, answers FROM reflections
             ORDER BY period_start DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A window of [`Store::reflections`], with the list's length (the last page is a
    /// reverse walk of `reflections_by_period`).
    pub fn reflection_page(&self, window: Window) -> Result<Page<Reflection>> {
        paged(
            window,
            1,
            true,
            |_| self.count_of("SELECT count(*) FROM reflections", []),
            |_, walk| {
                let sql = format!(
                    "SELECT id, uuid, private, period, period_start, template, answers FROM reflections
                     ORDER BY {} LIMIT ?1 OFFSET ?2",
                    walk.order("period_start DESC, id DESC")
                );
                let mut stmt = self.conn.prepare_cached(&sql)?;
                let (limit, offset) = walk.bounds();
                let rows = stmt.query_map([limit, offset], from_row)?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            },
        )
    }

    /// Deletes a reflection.
    pub fn delete_reflection(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM reflections WHERE id = ?1", [id])?;
        Ok(())
    }

    /// One reflection by row id.
    pub fn reflection(&self, id: i64) -> Result<Reflection> {
        self.conn
            .prepare_cached(
                "SELECT id, uuid, private, period, period_start, template, answers
                 FROM reflections WHERE id = ?1",
            )?
            .query_row([id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: crate::domain::RecordKind::Reflection,
                id,
            })
    }

    /// The goal revisions made from reflections, newest first (at most `limit`).
    pub fn reflection_revisions(&self, limit: usize) -> Result<Vec<ReflectionRevision>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.uuid, r.goal_id, r.on_date, r.field, r.old_value, r.new_value,
                    r.reason, r.reflection_id, g.title, g.private
             FROM goal_revisions r JOIN goals g ON g.id = r.goal_id
             WHERE r.reflection_id IS NOT NULL
             ORDER BY r.on_date DESC, r.id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(ReflectionRevision {
                revision: GoalRevision {
                    id: r.get(0)?,
                    uuid: r.get(1)?,
                    goal_id: r.get(2)?,
                    on: r.get(3)?,
                    field: r.get(4)?,
                    old_value: r.get(5)?,
                    new_value: r.get(6)?,
                    reason: r.get(7)?,
                    reflection_id: r.get(8)?,
                },
                goal_title: r.get(9)?,
                goal_private: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves `goal` as adjusted and records each of `revisions` (which cite the reflection),
    /// all in one transaction. Returns the revisions' row ids.
    pub fn adjust_goal(&mut self, goal: &Goal, revisions: &[GoalRevision]) -> Result<Vec<i64>> {
        if revisions.is_empty() {
            return Err(StoreError::NothingToChange);
        }
        self.transaction(|s| {
            s.save_goal(goal)?;
            revisions.iter().map(|r| s.save_revision(r)).collect()
        })
    }
}

super::edit::editable!(Reflection, Reflection, Store::reflection, |r| [
    "private" => r.private,
    "period" => r.period,
    "period_start" => r.period_start,
    "template" => r.template,
    "answers" => answers_json(r),
]);
