//! Drafts: the text of an open form, saved as it is typed, so a crash loses nothing.

use chrono::Local;
use rusqlite::{OptionalExtension, params};

use super::sql::{new_uuid, now_stamp};
use super::{Result, Store};
use crate::domain::Draft;

impl Store {
    /// Saves (or replaces) the draft of the form `key`.
    pub fn save_draft(&self, key: &str, payload: &str) -> Result<()> {
        let now = now_stamp();
        self.conn.execute(
            "INSERT INTO drafts (uuid, created_at, updated_at, form_key, payload)
             VALUES (?1, ?2, ?2, ?3, ?4)
             ON CONFLICT (form_key) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at",
            params![new_uuid(), now, key, payload],
        )?;
        Ok(())
    }

    /// The draft of the form `key`, if one was left.
    pub fn draft(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT payload FROM drafts WHERE form_key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Every draft left behind, newest first (offered back at start).
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT form_key, payload, updated_at FROM drafts ORDER BY updated_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let stamp: String = r.get(2)?;
            let updated_at = chrono::DateTime::parse_from_rfc3339(&stamp)
                .map(|t| t.with_timezone(&Local).naive_local())
                .unwrap_or_default();
            Ok(Draft {
                key: r.get(0)?,
                payload: r.get(1)?,
                updated_at,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves a record and forgets the draft it was typed in, in one transaction: after a crash
    /// either both happened or neither — never a saved record whose draft is still offered
    /// back (restoring it and saving again would make two records). `save` does the saving
    /// (any `save_*` calls) and its result is returned.
    ///
    /// ```ignore
    /// let id = store.save_with_draft("feedback:new", |s| s.save_feedback(&feedback))?;
    /// ```
    pub fn save_with_draft<T>(
        &mut self,
        draft_key: &str,
        save: impl FnOnce(&Store) -> Result<T>,
    ) -> Result<T> {
        self.transaction(|s| {
            let saved = save(s)?;
            s.delete_draft(draft_key)?;
            Ok(saved)
        })
    }

    /// [`Store::save_with_draft`] for a save that needs the store mutably (an edit through
    /// [`Store::update`]) or fails with an error of its own (a form's field): the draft is
    /// forgotten only when `save` succeeds, in the same transaction.
    pub fn save_with_draft_mut<T, E: From<super::StoreError>>(
        &mut self,
        draft_key: &str,
        save: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transaction_mut(|s| {
            let saved = save(s)?;
            s.delete_draft(draft_key)?;
            Ok(saved)
        })
    }

    /// Forgets the draft of the form `key` (after save or an explicit discard).
    pub fn delete_draft(&self, key: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM drafts WHERE form_key = ?1", [key])?;
        Ok(())
    }
}

impl Store {
    /// Moves the draft stored under `from` to the key `to` (a key written by an older
    /// version, read once at start). A draft already under `to` is newer and wins.
    pub fn rename_draft(&self, from: &str, to: &str) -> Result<()> {
        if from == to {
            return Ok(());
        }
        if self.draft(to)?.is_some() {
            return self.delete_draft(from);
        }
        self.conn.execute(
            "UPDATE drafts SET form_key = ?2 WHERE form_key = ?1",
            params![from, to],
        )?;
        Ok(())
    }
}
