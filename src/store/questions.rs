//! The question bank: questions parked for a future meeting.

use rusqlite::{OptionalExtension, Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::{Result, Store, StoreError};
use crate::domain::Question;
use crate::domain::limits::WithinLimits;

fn from_row(r: &Row<'_>) -> rusqlite::Result<Question> {
    Ok(Question {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        text: r.get(3)?,
        mentor_id: r.get(4)?,
        agenda_item_id: r.get(5)?,
    })
}

impl Store {
    /// Inserts or updates a question.
    pub fn save_question(&self, q: &Question) -> Result<i64> {
        q.check_limits()?;
        let now = now_stamp();
        if q.id == 0 {
            self.conn.execute(
                "INSERT INTO questions (uuid, created_at, updated_at, private, text, mentor_id, agenda_item_id)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)",
                params![uuid_or_new(&q.uuid), now, q.private, q.text, q.mentor_id, q.agenda_item_id],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE questions SET updated_at = ?2, private = ?3, text = ?4, mentor_id = ?5,
                    agenda_item_id = ?6 WHERE id = ?1",
                params![q.id, now, q.private, q.text, q.mentor_id, q.agenda_item_id],
            )?;
            Ok(q.id)
        }
    }

    /// Questions still parked (not yet moved into an agenda), oldest first.
    pub fn open_questions(&self, limit: usize) -> Result<Vec<Question>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid, private, text, mentor_id, agenda_item_id FROM questions
             WHERE agenda_item_id IS NULL ORDER BY created_at, id LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a question.
    pub fn delete_question(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM questions WHERE id = ?1", [id])?;
        Ok(())
    }
}

impl Store {
    /// One question by row id.
    pub fn question(&self, id: i64) -> Result<Question> {
        self.conn
            .prepare_cached(
                "SELECT id, uuid, private, text, mentor_id, agenda_item_id FROM questions
                 WHERE id = ?1",
            )?
            .query_row([id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: crate::domain::RecordKind::Question,
                id,
            })
    }

    /// Records that a question was moved into agenda item `item` (None: parked again).
    pub fn link_question(&self, id: i64, item: Option<i64>) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE questions SET agenda_item_id = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, item, now_stamp()],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                kind: crate::domain::RecordKind::Question,
                id,
            });
        }
        Ok(())
    }
}

super::edit::editable!(Question, Question, Store::question, |q| [
    "private" => q.private,
    "text" => q.text,
    "mentor_id" => q.mentor_id,
    "agenda_item_id" => q.agenda_item_id,
]);
