//! Feedback received from mentors.

use rusqlite::{OptionalExtension, Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::window::{Page, Window, paged};
use super::{Result, Store, StoreError};
use crate::domain::Feedback;
use crate::domain::limits::WithinLimits;

pub(super) const COLUMNS: &str = "f.id, f.uuid, f.private, f.mentor_id, f.meeting_id, f.received_on, f.kind, \
    f.text, f.reaction, f.status, f.goal_id";

pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<Feedback> {
    Ok(Feedback {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        mentor_id: r.get(3)?,
        meeting_id: r.get(4)?,
        received_on: r.get(5)?,
        kind: r.get(6)?,
        text: r.get(7)?,
        reaction: r.get(8)?,
        status: r.get(9)?,
        goal_id: r.get(10)?,
    })
}

/// A piece of feedback with the name of the mentor who gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackRow {
    pub feedback: Feedback,
    pub mentor_name: Option<String>,
    /// The mentor is marked private: their name is hidden while private text is.
    pub mentor_private: bool,
}

impl Store {
    /// Inserts or updates feedback.
    pub fn save_feedback(&self, f: &Feedback) -> Result<i64> {
        f.check_limits()?;
        let now = now_stamp();
        if f.id == 0 {
            self.conn.execute(
                "INSERT INTO feedback (uuid, created_at, updated_at, private, mentor_id, meeting_id,
                    received_on, kind, text, reaction, status, goal_id)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    uuid_or_new(&f.uuid), now, f.private, f.mentor_id, f.meeting_id, f.received_on,
                    f.kind, f.text, f.reaction, f.status, f.goal_id
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE feedback SET updated_at = ?2, private = ?3, mentor_id = ?4, meeting_id = ?5,
                    received_on = ?6, kind = ?7, text = ?8, reaction = ?9, status = ?10, goal_id = ?11
                 WHERE id = ?1",
                params![
                    f.id, now, f.private, f.mentor_id, f.meeting_id, f.received_on, f.kind, f.text,
                    f.reaction, f.status, f.goal_id
                ],
            )?;
            Ok(f.id)
        }
    }

    /// One piece of feedback by row id.
    pub fn feedback(&self, id: i64) -> Result<Feedback> {
        let sql = format!("SELECT {COLUMNS} FROM feedback f WHERE f.id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: crate::domain::RecordKind::Feedback,
                id,
            })
    }

    /// Feedback, newest first, with mentor names.
    pub fn feedback_list(&self, limit: usize) -> Result<Vec<FeedbackRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM feedback f LEFT JOIN mentors mt ON mt.id = f.mentor_id
             ORDER BY f.received_on DESC, f.id DESC LIMIT ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit as i64], listed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Feedback still waiting for action (status open, not praise), oldest first.
    pub fn open_feedback(&self, limit: usize) -> Result<Vec<FeedbackRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM feedback f LEFT JOIN mentors mt ON mt.id = f.mentor_id
             WHERE f.status = 'open' AND f.kind != 'praise'
             ORDER BY f.received_on, f.id LIMIT ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit as i64], listed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a piece of feedback.
    pub fn delete_feedback(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM feedback WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Feedback matching the SQL `condition` (over `f`), newest first; the last parameter
    /// is the limit.
    pub(super) fn feedback_list_where(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<FeedbackRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM feedback f LEFT JOIN mentors mt ON mt.id = f.mentor_id
             WHERE {condition} ORDER BY f.received_on DESC, f.id DESC LIMIT ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params, listed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A window of the feedback matching `condition` (over `f`, with `?1` and `?2` bound to
    /// `a` and `b`) in the list's order, with the list's length.
    pub(super) fn feedback_page_where(
        &self,
        condition: &str,
        a: Option<crate::domain::FeedbackStatus>,
        b: Option<i64>,
        window: Window,
    ) -> Result<Page<FeedbackRow>> {
        let count = format!("SELECT count(*) FROM feedback f WHERE {condition}");
        paged(
            window,
            1,
            true,
            |_| self.count_of(&count, params![a, b]),
            |_, walk| {
                let sql = format!(
                    "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM feedback f LEFT JOIN mentors mt ON mt.id = f.mentor_id
                     WHERE {condition} ORDER BY {} LIMIT ?3 OFFSET ?4",
                    walk.order("f.received_on DESC, f.id DESC")
                );
                let mut stmt = self.conn.prepare_cached(&sql)?;
                let (limit, offset) = walk.bounds();
                let rows = stmt.query_map(params![a, b, limit, offset], listed)?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            },
        )
    }
}

/// A feedback row of a list: the feedback's columns, then its mentor's name and privacy.
fn listed(r: &rusqlite::Row) -> rusqlite::Result<FeedbackRow> {
    Ok(FeedbackRow {
        feedback: from_row(r)?,
        mentor_name: r.get(11)?,
        mentor_private: r.get(12)?,
    })
}

super::edit::editable!(Feedback, Feedback, Store::feedback, |f| [
    "private" => f.private,
    "mentor_id" => f.mentor_id,
    "meeting_id" => f.meeting_id,
    "received_on" => f.received_on,
    "kind" => f.kind,
    "text" => f.text,
    "reaction" => f.reaction,
    "status" => f.status,
    "goal_id" => f.goal_id,
]);
