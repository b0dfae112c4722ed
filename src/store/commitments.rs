//! Commitments (action items) on both sides, and experiments born of feedback.

use rusqlite::{OptionalExtension, Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::window::{Page, Walk, Window, paged};
use super::{Result, Store, StoreError};
use crate::domain::Commitment;
use crate::domain::limits::WithinLimits;

pub(super) const COLUMNS: &str = "c.id, c.uuid, c.private, c.owner, c.text, c.due_on, c.status, c.done_on, \
    c.result, c.mentor_id, c.meeting_id, c.feedback_id, c.reported_on, c.created_on";

/// The parts of the Commitments list, in order: open with a due date (soonest first), open
/// without one, then done and dropped (most recently closed first).
pub(super) const OPEN_DATED: &str = "c.status = 'open' AND c.due_on IS NOT NULL \
    ORDER BY c.due_on, coalesce(c.done_on, c.due_on, c.created_on) DESC, c.id DESC";
pub(super) const OPEN_UNDATED: &str = "c.status = 'open' AND c.due_on IS NULL \
    ORDER BY coalesce(c.done_on, c.created_on) DESC, c.id DESC";
pub(super) const CLOSED: &str = "c.status != 'open' \
    ORDER BY coalesce(c.done_on, c.due_on, c.created_on) DESC, c.id DESC";

pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<Commitment> {
    Ok(Commitment {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        owner: r.get(3)?,
        text: r.get(4)?,
        due: r.get(5)?,
        status: r.get(6)?,
        done_on: r.get(7)?,
        result: r.get(8)?,
        mentor_id: r.get(9)?,
        meeting_id: r.get(10)?,
        feedback_id: r.get(11)?,
        reported_on: r.get(12)?,
        created_on: r.get(13)?,
    })
}

/// A commitment with the name of the mentor it was made with.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentRow {
    pub commitment: Commitment,
    pub mentor_name: Option<String>,
    /// The mentor is marked private: their name is hidden while private text is.
    pub mentor_private: bool,
}

impl Store {
    /// Inserts or updates a commitment.
    pub fn save_commitment(&self, c: &Commitment) -> Result<i64> {
        c.check_limits()?;
        let now = now_stamp();
        if c.id == 0 {
            self.conn.execute(
                "INSERT INTO commitments (uuid, created_at, updated_at, private, owner, text, due_on,
                    status, done_on, result, mentor_id, meeting_id, feedback_id, reported_on, created_on)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                params![
                    uuid_or_new(&c.uuid), now, c.private, c.owner, c.text, c.due, c.status, c.done_on,
                    c.result, c.mentor_id, c.meeting_id, c.feedback_id, c.reported_on, c.created_on
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE commitments SET updated_at = ?2, private = ?3, owner = ?4, text = ?5,
                    due_on = ?6, status = ?7, done_on = ?8, result = ?9, mentor_id = ?10,
                    meeting_id = ?11, feedback_id = ?12, reported_on = ?13, created_on = ?14
                 WHERE id = ?1",
                params![
                    c.id,
                    now,
                    c.private,
                    c.owner,
                    c.text,
                    c.due,
                    c.status,
                    c.done_on,
                    c.result,
                    c.mentor_id,
                    c.meeting_id,
                    c.feedback_id,
                    c.reported_on,
                    c.created_on
                ],
            )?;
            Ok(c.id)
        }
    }

    /// One commitment by row id.
    pub fn commitment(&self, id: i64) -> Result<Commitment> {
        let sql = format!("SELECT {COLUMNS} FROM commitments c WHERE c.id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: crate::domain::RecordKind::Commitment,
                id,
            })
    }

    /// Commitments for the list: open ones by due date first (undated ones after them), then
    /// the rest newest first. Three index-ordered queries, each stopping at `limit`, rather
    /// than one sort of every commitment (see migration 003).
    pub fn commitment_list(&self, limit: usize) -> Result<Vec<CommitmentRow>> {
        self.commitment_parts(&[OPEN_DATED, OPEN_UNDATED, CLOSED], "1", None, limit)
    }

    /// The list in its order, walking index orders one part at a time and stopping at
    /// `limit` (one ORDER BY over all would sort every commitment). `extra` narrows every
    /// part; `?2` in it is `today` (always bound, so it is always mentioned).
    pub(super) fn commitment_parts(
        &self,
        parts: &[&str],
        extra: &str,
        today: Option<chrono::NaiveDate>,
        limit: usize,
    ) -> Result<Vec<CommitmentRow>> {
        Ok(self
            .commitment_window(parts, extra, today, Window::first(limit), false)?
            .rows)
    }

    /// A window of the list [`Store::commitment_parts`] reads, with the list's length.
    pub(super) fn commitment_window(
        &self,
        parts: &[&str],
        extra: &str,
        today: Option<chrono::NaiveDate>,
        window: Window,
        total: bool,
    ) -> Result<Page<CommitmentRow>> {
        let split = |i: usize| {
            let part: &str = parts[i];
            part.split_once(" ORDER BY ").unwrap_or((part, "c.id DESC"))
        };
        let count = |i: usize| {
            let (condition, _) = split(i);
            self.count_of(
                &format!(
                    "SELECT count(*) FROM commitments c WHERE {condition} AND {extra}
                     AND (?1 IS NULL OR ?1 IS NOT NULL) AND (?2 IS NULL OR ?2 IS NOT NULL)"
                ),
                params![0i64, today],
            )
        };
        let run = |i: usize, walk: Walk| -> Result<Vec<CommitmentRow>> {
            let (condition, order) = split(i);
            let sql = format!(
                "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM commitments c
                 LEFT JOIN mentors mt ON mt.id = c.mentor_id
                 WHERE {condition} AND {extra} AND (?2 IS NULL OR ?2 IS NOT NULL)
                 ORDER BY {} LIMIT ?1 OFFSET ?3",
                walk.order(order)
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let (limit, offset) = walk.bounds();
            let rows = stmt.query_map(params![limit, today, offset], |r| {
                Ok(CommitmentRow {
                    commitment: from_row(r)?,
                    mentor_name: r.get(14)?,
                    mentor_private: r.get(15)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        paged(window, parts.len(), total, count, run)
    }

    /// Open commitments due on or before `by` (overdue and due soon), soonest first.
    pub fn open_commitments_due_by(
        &self,
        by: chrono::NaiveDate,
        limit: usize,
    ) -> Result<Vec<CommitmentRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM commitments c LEFT JOIN mentors mt ON mt.id = c.mentor_id
             WHERE c.status = 'open' AND c.due_on IS NOT NULL AND c.due_on <= ?1
             ORDER BY c.due_on, c.id LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![by, limit as i64], |r| {
            Ok(CommitmentRow {
                commitment: from_row(r)?,
                mentor_name: r.get(14)?,
                mentor_private: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a commitment.
    pub fn delete_commitment(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM commitments WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Commitments matching the SQL `condition` (over `c`, `?1` bound by the caller), open
    /// ones by due date first, then the rest newest first; `?2` is the limit.
    pub(super) fn commitment_list_where(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<CommitmentRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM commitments c LEFT JOIN mentors mt ON mt.id = c.mentor_id
             WHERE {condition}
             ORDER BY c.status != 'open', CASE WHEN c.status = 'open' THEN c.due_on IS NULL END,
                      CASE WHEN c.status = 'open' THEN c.due_on END,
                      coalesce(c.done_on, c.due_on, c.created_on) DESC, c.id DESC
             LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params, |r| {
            Ok(CommitmentRow {
                commitment: from_row(r)?,
                mentor_name: r.get(14)?,
                mentor_private: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

super::edit::editable!(Commitment, Commitment, Store::commitment, |c| [
    "private" => c.private,
    "owner" => c.owner,
    "text" => c.text,
    "due_on" => c.due,
    "status" => c.status,
    "done_on" => c.done_on,
    "result" => c.result,
    "mentor_id" => c.mentor_id,
    "meeting_id" => c.meeting_id,
    "feedback_id" => c.feedback_id,
    "reported_on" => c.reported_on,
    "created_on" => c.created_on,
]);
