//! SMART goals, their progress updates and their revisions.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::window::{Page, Walk, Window};
use super::{Result, Store, StoreError};
use crate::domain::limits::WithinLimits;
use crate::domain::{Goal, GoalRevision, GoalStatus, ProgressUpdate};

const COLUMNS: &str = "id, uuid, private, title, specific, metric, baseline, target, unit, \
    achievable, relevant, due_on, area, status, mentor_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        title: r.get(3)?,
        specific: r.get(4)?,
        metric: r.get(5)?,
        baseline: r.get(6)?,
        target: r.get(7)?,
        unit: r.get(8)?,
        achievable: r.get(9)?,
        relevant: r.get(10)?,
        due: r.get(11)?,
        area: r.get(12)?,
        status: r.get(13)?,
        mentor_id: r.get(14)?,
    })
}

fn progress_from_row(r: &Row<'_>) -> rusqlite::Result<ProgressUpdate> {
    Ok(ProgressUpdate {
        id: r.get(0)?,
        uuid: r.get(1)?,
        goal_id: r.get(2)?,
        on: r.get(3)?,
        value: r.get(4)?,
        note: r.get(5)?,
    })
}

fn revision_from_row(r: &Row<'_>) -> rusqlite::Result<GoalRevision> {
    Ok(GoalRevision {
        id: r.get(0)?,
        uuid: r.get(1)?,
        goal_id: r.get(2)?,
        on: r.get(3)?,
        field: r.get(4)?,
        old_value: r.get(5)?,
        new_value: r.get(6)?,
        reason: r.get(7)?,
        reflection_id: r.get(8)?,
    })
}

/// A goal with its latest measured value, as the lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalSummary {
    pub goal: Goal,
    pub latest: Option<f64>,
    pub last_update: Option<NaiveDate>,
    /// The name of the goal's mentor, if it has one (so a list needs no mentor look-ups).
    pub mentor_name: Option<String>,
    /// Whether that mentor is private (their name hides when private text does).
    pub mentor_private: bool,
}

/// The order of the goal list by status.
const GOAL_ORDER: [GoalStatus; 4] = [
    GoalStatus::Active,
    GoalStatus::Paused,
    GoalStatus::Achieved,
    GoalStatus::Dropped,
];

impl Store {
    /// Inserts or updates a goal; returns the row id.
    pub fn save_goal(&self, g: &Goal) -> Result<i64> {
        g.check_limits()?;
        let now = now_stamp();
        if g.id == 0 {
            self.conn.execute(
                "INSERT INTO goals (uuid, created_at, updated_at, private, title, specific, metric,
                    baseline, target, unit, achievable, relevant, due_on, area, status, mentor_id)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    uuid_or_new(&g.uuid),
                    now,
                    g.private,
                    g.title,
                    g.specific,
                    g.metric,
                    g.baseline,
                    g.target,
                    g.unit,
                    g.achievable,
                    g.relevant,
                    g.due,
                    g.area,
                    g.status,
                    g.mentor_id
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            let changed = self.conn.execute(
                "UPDATE goals SET updated_at = ?2, private = ?3, title = ?4, specific = ?5,
                    metric = ?6, baseline = ?7, target = ?8, unit = ?9, achievable = ?10,
                    relevant = ?11, due_on = ?12, area = ?13, status = ?14, mentor_id = ?15
                 WHERE id = ?1",
                params![
                    g.id,
                    now,
                    g.private,
                    g.title,
                    g.specific,
                    g.metric,
                    g.baseline,
                    g.target,
                    g.unit,
                    g.achievable,
                    g.relevant,
                    g.due,
                    g.area,
                    g.status,
                    g.mentor_id
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound {
                    kind: crate::domain::RecordKind::Goal,
                    id: g.id,
                });
            }
            Ok(g.id)
        }
    }

    /// One goal by row id.
    pub fn goal(&self, id: i64) -> Result<Goal> {
        let sql = format!("SELECT {COLUMNS} FROM goals WHERE id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: crate::domain::RecordKind::Goal,
                id,
            })
    }

    /// Goals for the list: active first, then paused, achieved and dropped; within each, by
    /// due date (undated last), then id. Each with its latest value and its mentor's name.
    ///
    /// Walks `goals_by_status (status, due_on)` one status at a time and stops at `limit`, so
    /// a short list (Today asks for 12) costs the same with ten thousand goals as with ten.
    pub fn goal_summaries(&self, limit: usize) -> Result<Vec<GoalSummary>> {
        Ok(self.goal_window(Window::first(limit), false)?.rows)
    }

    /// A window of the goal list of [`Store::goal_summaries`], with the list's length: the
    /// last page walks `goals_by_status` back from its end (see [`super::window`]).
    pub fn goal_page(&self, window: Window) -> Result<Page<GoalSummary>> {
        self.goal_window(window, true)
    }

    fn goal_window(&self, window: Window, total: bool) -> Result<Page<GoalSummary>> {
        let cols = COLUMNS
            .split(", ")
            .map(|c| format!("g.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        // The latest update gives both the latest value and the day of the last update (the
        // newest day is its day): one search of the goal's updates and one mentor look-up
        // per goal, not four subqueries.
        let select = format!(
            "SELECT {cols}, p.value, p.on_date, m.name, m.private
             FROM goals g INDEXED BY goals_by_status
             LEFT JOIN goal_progress p ON p.id = (SELECT id FROM goal_progress q
                 WHERE q.goal_id = g.id ORDER BY q.on_date DESC, q.id DESC LIMIT 1)
             LEFT JOIN mentors m ON m.id = g.mentor_id"
        );
        // Each status's dated goals, then its undated ones.
        const PARTS: [(&str, &str); 2] = [
            ("g.due_on IS NOT NULL", "g.due_on, g.id"),
            ("g.due_on IS NULL", "g.id"),
        ];
        let part = |i: usize| (GOAL_ORDER[i / 2], PARTS[i % 2]);
        let count = |i: usize| -> Result<usize> {
            let (status, (cond, _)) = part(i);
            let sql = format!(
                "SELECT count(*) FROM goals g INDEXED BY goals_by_status WHERE g.status = ?1 AND {cond}"
            );
            let n: i64 = self
                .conn
                .prepare_cached(&sql)?
                .query_row([status], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        let run = |i: usize, walk: Walk| -> Result<Vec<GoalSummary>> {
            let (status, (cond, order)) = part(i);
            let sql = format!(
                "{select} WHERE g.status = ?1 AND {cond} ORDER BY {} LIMIT ?2 OFFSET ?3",
                walk.order(order)
            );
            let (limit, offset) = walk.bounds();
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params![status, limit, offset], |r| {
                Ok(GoalSummary {
                    goal: from_row(r)?,
                    latest: r.get(15)?,
                    last_update: r.get(16)?,
                    mentor_name: r.get(17)?,
                    mentor_private: r.get::<_, Option<bool>>(18)?.unwrap_or(false),
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let parts = GOAL_ORDER.len() * 2;
        if window.start != 0 {
            return super::window::paged(window, parts, total, count, run);
        }
        // The first page needs only the list's length, not each part's: every goal is in
        // exactly one part (its status is one of `GOAL_ORDER`, a CHECK of the table), so it
        // is the table's row count, one statement instead of a count of each part.
        let mut page = super::window::paged(window, parts, false, count, run)?;
        if total && page.rows.len() == window.len {
            page.total = self.count_of("SELECT count(*) FROM goals", [])?;
        }
        Ok(page)
    }

    /// Deletes a goal with its progress and revisions.
    pub fn delete_goal(&self, id: i64) -> Result<()> {
        self.conn.execute("DELETE FROM goals WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Records a measurement of a goal's metric.
    pub fn save_progress(&self, p: &ProgressUpdate) -> Result<i64> {
        p.check_limits()?;
        let now = now_stamp();
        if p.id == 0 {
            self.conn.execute(
                "INSERT INTO goal_progress (uuid, created_at, updated_at, goal_id, on_date, value, note)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)",
                params![uuid_or_new(&p.uuid), now, p.goal_id, p.on, p.value, p.note],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE goal_progress SET updated_at = ?2, goal_id = ?3, on_date = ?4, value = ?5,
                    note = ?6 WHERE id = ?1",
                params![p.id, now, p.goal_id, p.on, p.value, p.note],
            )?;
            Ok(p.id)
        }
    }

    /// A goal's progress updates, oldest first, the last `limit` of them.
    pub fn progress_of(&self, goal_id: i64, limit: usize) -> Result<Vec<ProgressUpdate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM (SELECT id, uuid, goal_id, on_date, value, note FROM goal_progress
               WHERE goal_id = ?1 ORDER BY on_date DESC, id DESC LIMIT ?2) ORDER BY on_date, id",
        )?;
        let rows = stmt.query_map(params![goal_id, limit as i64], progress_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a change to a goal's target, due date or status.
    pub fn save_revision(&self, r: &GoalRevision) -> Result<i64> {
        r.check_limits()?;
        let now = now_stamp();
        self.conn.execute(
            "INSERT INTO goal_revisions (uuid, created_at, updated_at, goal_id, on_date, field,
                old_value, new_value, reason, reflection_id)
             VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                uuid_or_new(&r.uuid),
                now,
                r.goal_id,
                r.on,
                r.field,
                r.old_value,
                r.new_value,
                r.reason,
                r.reflection_id
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A goal's revisions, newest first.
    pub fn revisions_of(&self, goal_id: i64, limit: usize) -> Result<Vec<GoalRevision>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid, goal_id, on_date, field, old_value, new_value, reason, reflection_id
             FROM goal_revisions WHERE goal_id = ?1 ORDER BY on_date DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![goal_id, limit as i64], revision_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves an edited goal and the revisions the edit makes, in one transaction.
    pub fn save_goal_with_revisions(
        &mut self,
        g: &Goal,
        revisions: &[GoalRevision],
    ) -> Result<i64> {
        self.transaction(|s| {
            let id = s.save_goal(g)?;
            for r in revisions {
                s.save_revision(&GoalRevision {
                    goal_id: id,
                    ..r.clone()
                })?;
            }
            Ok(id)
        })
    }
}

super::edit::editable!(Goal, Goal, Store::goal, |g| [
    "private" => g.private,
    "title" => g.title,
    "specific" => g.specific,
    "metric" => g.metric,
    "baseline" => g.baseline,
    "target" => g.target,
    "unit" => g.unit,
    "achievable" => g.achievable,
    "relevant" => g.relevant,
    "due_on" => g.due,
    "area" => g.area,
    "status" => g.status,
    "mentor_id" => g.mentor_id,
]);
