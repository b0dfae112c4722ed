//! Thanks given to mentors.

use rusqlite::{Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::window::{Page, Window, paged};
use super::{Result, Store};
use crate::domain::Gratitude;
use crate::domain::limits::WithinLimits;

const COLUMNS: &str = "g.id, g.uuid, g.private, g.mentor_id, g.meeting_id, g.commitment_id, \
    g.on_date, g.what_for, g.sent, g.channel";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Gratitude> {
    Ok(Gratitude {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        mentor_id: r.get(3)?,
        meeting_id: r.get(4)?,
        commitment_id: r.get(5)?,
        on: r.get(6)?,
        what_for: r.get(7)?,
        sent: r.get(8)?,
        channel: r.get(9)?,
    })
}

/// A gratitude entry with the mentor's name.
#[derive(Debug, Clone, PartialEq)]
pub struct GratitudeRow {
    pub gratitude: Gratitude,
    pub mentor_name: Option<String>,
    /// The mentor is marked private: their name is hidden while private text is.
    pub mentor_private: bool,
}

impl Store {
    /// Inserts or updates a gratitude entry.
    pub fn save_gratitude(&self, g: &Gratitude) -> Result<i64> {
        g.check_limits()?;
        let now = now_stamp();
        if g.id == 0 {
            self.conn.execute(
                "INSERT INTO gratitude (uuid, created_at, updated_at, private, mentor_id, meeting_id,
                    commitment_id, on_date, what_for, sent, channel)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    uuid_or_new(&g.uuid), now, g.private, g.mentor_id, g.meeting_id, g.commitment_id,
                    g.on, g.what_for, g.sent, g.channel
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE gratitude SET updated_at = ?2, private = ?3, mentor_id = ?4, meeting_id = ?5,
                    commitment_id = ?6, on_date = ?7, what_for = ?8, sent = ?9, channel = ?10
                 WHERE id = ?1",
                params![
                    g.id, now, g.private, g.mentor_id, g.meeting_id, g.commitment_id, g.on,
                    g.what_for, g.sent, g.channel
                ],
            )?;
            Ok(g.id)
        }
    }

    /// Gratitude entries, newest first, with mentor names.
    pub fn gratitude_list(&self, limit: usize) -> Result<Vec<GratitudeRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM gratitude g LEFT JOIN mentors mt ON mt.id = g.mentor_id
             ORDER BY g.on_date DESC, g.id DESC LIMIT ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit as i64], listed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A window of [`Store::gratitude_list`], with the list's length (the last page is a
    /// reverse walk of `gratitude_by_date`).
    pub fn gratitude_page(&self, window: Window) -> Result<Page<GratitudeRow>> {
        paged(
            window,
            1,
            true,
            |_| self.count_of("SELECT count(*) FROM gratitude", []),
            |_, walk| {
                let sql = format!(
                    "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM gratitude g LEFT JOIN mentors mt ON mt.id = g.mentor_id
                     ORDER BY {} LIMIT ?1 OFFSET ?2",
                    walk.order("g.on_date DESC, g.id DESC")
                );
                let mut stmt = self.conn.prepare_cached(&sql)?;
                let (limit, offset) = walk.bounds();
                let rows = stmt.query_map([limit, offset], listed)?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            },
        )
    }

    /// Deletes a gratitude entry.
    pub fn delete_gratitude(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM gratitude WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Gratitude entries matching the SQL `condition` (over `g`), newest first; `?2` is the
    /// limit.
    pub(super) fn gratitude_list_where(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<GratitudeRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, mt.name, coalesce(mt.private, 0) FROM gratitude g LEFT JOIN mentors mt ON mt.id = g.mentor_id
             WHERE {condition} ORDER BY g.on_date DESC, g.id DESC LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params, listed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A gratitude row of a list: the entry's columns, then its mentor's name and privacy.
fn listed(r: &Row<'_>) -> rusqlite::Result<GratitudeRow> {
    Ok(GratitudeRow {
        gratitude: from_row(r)?,
        mentor_name: r.get(10)?,
        mentor_private: r.get(11)?,
    })
}

super::edit::editable!(Gratitude, Gratitude, Store::gratitude, |g| [
    "private" => g.private,
    "mentor_id" => g.mentor_id,
    "meeting_id" => g.meeting_id,
    "commitment_id" => g.commitment_id,
    "on_date" => g.on,
    "what_for" => g.what_for,
    "sent" => g.sent,
    "channel" => g.channel,
]);
