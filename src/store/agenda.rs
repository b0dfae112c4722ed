//! Agenda items of a meeting, in their order.

use rusqlite::{OptionalExtension, Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::{Result, Store, StoreError};
use crate::domain::AgendaItem;
use crate::domain::limits::{self, WithinLimits};
use crate::domain::suggest::Suggestion;

const COLUMNS: &str = "id, uuid, private, meeting_id, kind, text, outcome, minutes, position, \
    discussed, note, goal_id, commitment_id, feedback_id, carried_from, source";

fn from_row(r: &Row<'_>) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        meeting_id: r.get(3)?,
        kind: r.get(4)?,
        text: r.get(5)?,
        outcome: r.get(6)?,
        minutes: r.get(7)?,
        position: r.get(8)?,
        discussed: r.get(9)?,
        note: r.get(10)?,
        goal_id: r.get(11)?,
        commitment_id: r.get(12)?,
        feedback_id: r.get(13)?,
        carried_from: r.get(14)?,
        source: r.get(15)?,
    })
}

impl Store {
    /// Inserts or updates an agenda item. A new item with position 0 goes to the end.
    pub fn save_agenda_item(&self, a: &AgendaItem) -> Result<i64> {
        a.check_limits()?;
        let now = now_stamp();
        if a.id == 0 {
            let position = if a.position > 0 {
                a.position
            } else {
                self.next_agenda_position(a.meeting_id)?
            };
            self.conn.execute(
                "INSERT INTO agenda_items (uuid, created_at, updated_at, private, meeting_id, kind,
                    text, outcome, minutes, position, discussed, note, goal_id, commitment_id,
                    feedback_id, carried_from, source)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                params![
                    uuid_or_new(&a.uuid), now, a.private, a.meeting_id, a.kind, a.text, a.outcome,
                    a.minutes, position, a.discussed, a.note, a.goal_id, a.commitment_id,
                    a.feedback_id, a.carried_from, a.source
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE agenda_items SET updated_at = ?2, private = ?3, meeting_id = ?4, kind = ?5,
                    text = ?6, outcome = ?7, minutes = ?8, position = ?9, discussed = ?10, note = ?11,
                    goal_id = ?12, commitment_id = ?13, feedback_id = ?14, carried_from = ?15,
                    source = ?16
                 WHERE id = ?1",
                params![
                    a.id, now, a.private, a.meeting_id, a.kind, a.text, a.outcome, a.minutes,
                    a.position, a.discussed, a.note, a.goal_id, a.commitment_id, a.feedback_id,
                    a.carried_from, a.source
                ],
            )?;
            Ok(a.id)
        }
    }

    /// The position after the last item of a meeting's agenda. When the last one sits at the
    /// limit ([`limits::POSITION`], reachable through an import), the agenda is numbered
    /// 1, 2, 3… again first, in the same order, so the new item stays within the limit.
    fn next_agenda_position(&self, meeting_id: i64) -> Result<i64> {
        let last: i64 = self.conn.query_row(
            "SELECT coalesce(max(position), 0) FROM agenda_items WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )?;
        if last < limits::POSITION.max {
            return Ok(last.max(0) + 1);
        }
        self.conn.execute(
            "UPDATE agenda_items AS a SET position = (
                 SELECT count(*) FROM agenda_items b
                 WHERE b.meeting_id = a.meeting_id
                   AND (b.position < a.position OR (b.position = a.position AND b.id <= a.id)))
             WHERE meeting_id = ?1",
            [meeting_id],
        )?;
        Ok(self.conn.query_row(
            "SELECT count(*) + 1 FROM agenda_items WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )?)
    }

    /// A meeting's agenda, in order.
    pub fn agenda_of(&self, meeting_id: i64) -> Result<Vec<AgendaItem>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM agenda_items WHERE meeting_id = ?1 ORDER BY position, id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([meeting_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes one agenda item.
    pub fn delete_agenda_item(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM agenda_items WHERE id = ?1", [id])?;
        Ok(())
    }
}

impl Store {
    /// One agenda item by row id.
    pub fn agenda_item(&self, id: i64) -> Result<AgendaItem> {
        let sql = format!("SELECT {COLUMNS} FROM agenda_items WHERE id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: crate::domain::RecordKind::AgendaItem,
                id,
            })
    }

    /// Moves an item `delta` places up (negative) or down its agenda, renumbering the
    /// positions 1..n in one transaction. Returns the item's new index.
    pub fn move_agenda_item(&mut self, id: i64, delta: isize) -> Result<usize> {
        let item = self.agenda_item(id)?;
        self.transaction(|s| {
            let mut items = s.agenda_of(item.meeting_id)?;
            let from = items.iter().position(|a| a.id == id).unwrap_or(0);
            let to = (from as isize + delta).clamp(0, items.len() as isize - 1) as usize;
            let moved = items.remove(from);
            items.insert(to, moved);
            let mut stmt = s
                .conn
                .prepare_cached("UPDATE agenda_items SET position = ?2 WHERE id = ?1")?;
            for (i, a) in items.iter().enumerate() {
                if a.position != i as i64 + 1 {
                    stmt.execute(params![a.id, i as i64 + 1])?;
                }
            }
            Ok(to)
        })
    }

    /// Adds `items` to the end of their agenda, all or none.
    pub fn add_agenda_items(&mut self, items: &[AgendaItem]) -> Result<Vec<i64>> {
        self.transaction(|s| items.iter().map(|a| s.save_agenda_item(a)).collect())
    }

    /// Accepts a suggestion into meeting `meeting_id`'s agenda: the item remembers the
    /// suggestion's key (so it is not suggested again), and a parked question is marked as
    /// moved into the agenda. Both or neither are saved.
    pub fn accept_suggestion(&mut self, meeting_id: i64, s: &Suggestion) -> Result<i64> {
        let item = s.to_agenda_item(meeting_id);
        self.transaction(|st| {
            let id = st.save_agenda_item(&item)?;
            if let Some(q) = s.question_id {
                st.link_question(q, Some(id))?;
            }
            Ok(id)
        })
    }

    /// Ticks (or unticks) an item as discussed.
    pub fn set_discussed(&self, id: i64, discussed: bool) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE agenda_items SET discussed = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, discussed, now_stamp()],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                kind: crate::domain::RecordKind::AgendaItem,
                id,
            });
        }
        Ok(())
    }

    /// Replaces the note jotted on an item during the meeting.
    pub fn set_agenda_note(&self, id: i64, note: &str) -> Result<()> {
        crate::domain::limits::check_text("note", note)?;
        let changed = self.conn.execute(
            "UPDATE agenda_items SET note = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, note, now_stamp()],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                kind: crate::domain::RecordKind::AgendaItem,
                id,
            });
        }
        Ok(())
    }
}

super::edit::editable!(AgendaItem, AgendaItem, Store::agenda_item, |a| [
    "private" => a.private,
    "meeting_id" => a.meeting_id,
    "kind" => a.kind,
    "text" => a.text,
    "outcome" => a.outcome,
    "minutes" => a.minutes,
    "position" => a.position,
    "discussed" => a.discussed,
    "note" => a.note,
    "goal_id" => a.goal_id,
    "commitment_id" => a.commitment_id,
    "feedback_id" => a.feedback_id,
    "carried_from" => a.carried_from,
    "source" => a.source,
]);
