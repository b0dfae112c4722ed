//! The contact log: who reached out to whom, and when ("be proactive").

use rusqlite::{Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::{Result, Store};
use crate::domain::Contact;
use crate::domain::limits::WithinLimits;

/// A mentor's contact log in figures ("be proactive").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContactStats {
    pub total: u32,
    /// Contacts I initiated.
    pub mine: u32,
    pub last: Option<chrono::NaiveDate>,
    /// The latest contact the mentor initiated.
    pub last_from_mentor: Option<chrono::NaiveDate>,
}

impl ContactStats {
    /// The share of contacts I initiated, in percent (`None` with no contacts).
    pub fn mine_percent(&self) -> Option<u32> {
        (self.total > 0).then(|| (self.mine * 100 + self.total / 2) / self.total)
    }
}

const COLUMNS: &str = "id, uuid, private, mentor_id, on_date, channel, initiative, note";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        mentor_id: r.get(3)?,
        on: r.get(4)?,
        channel: r.get(5)?,
        initiative: r.get(6)?,
        note: r.get(7)?,
    })
}

impl Store {
    /// Inserts or updates a contact; returns the row id.
    pub fn save_contact(&self, c: &Contact) -> Result<i64> {
        c.check_limits()?;
        let now = now_stamp();
        if c.id == 0 {
            self.conn.execute(
                "INSERT INTO contacts (uuid, created_at, updated_at, private, mentor_id, on_date,
                    channel, initiative, note) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    uuid_or_new(&c.uuid),
                    now,
                    c.private,
                    c.mentor_id,
                    c.on,
                    c.channel,
                    c.initiative,
                    c.note
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE contacts SET updated_at = ?2, private = ?3, mentor_id = ?4, on_date = ?5,
                    channel = ?6, initiative = ?7, note = ?8 WHERE id = ?1",
                params![
                    c.id,
                    now,
                    c.private,
                    c.mentor_id,
                    c.on,
                    c.channel,
                    c.initiative,
                    c.note
                ],
            )?;
            Ok(c.id)
        }
    }

    /// A mentor's contacts, newest first, at most `limit`.
    pub fn contacts_of(&self, mentor_id: i64, limit: usize) -> Result<Vec<Contact>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM contacts WHERE mentor_id = ?1 ORDER BY on_date DESC, id DESC LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![mentor_id, limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a contact.
    pub fn delete_contact(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM contacts WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Counts and dates of a mentor's whole contact log, as one aggregate query.
    pub fn contact_stats(&self, mentor_id: i64) -> Result<ContactStats> {
        // Each figure from the (mentor, initiative, date) index alone.
        let mut stmt = self.conn.prepare_cached(
            "SELECT (SELECT count(*) FROM contacts WHERE mentor_id = ?1),
                    (SELECT count(*) FROM contacts WHERE mentor_id = ?1 AND initiative = 'me'),
                    (SELECT max(on_date) FROM contacts WHERE mentor_id = ?1),
                    (SELECT max(on_date) FROM contacts WHERE mentor_id = ?1 AND initiative = 'mentor')",
        )?;
        Ok(stmt.query_row([mentor_id], |r| {
            Ok(ContactStats {
                total: r.get(0)?,
                mine: r.get(1)?,
                last: r.get(2)?,
                last_from_mentor: r.get(3)?,
            })
        })?)
    }
}

super::edit::editable!(Contact, Contact, Store::contact, |c| [
    "private" => c.private,
    "mentor_id" => c.mentor_id,
    "on_date" => c.on,
    "channel" => c.channel,
    "initiative" => c.initiative,
    "note" => c.note,
]);

impl Store {
    /// One contact by row id.
    pub fn contact(&self, id: i64) -> Result<Contact> {
        let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => super::StoreError::NotFound {
                    kind: crate::domain::RecordKind::Contact,
                    id,
                },
                other => other.into(),
            })
    }
}
