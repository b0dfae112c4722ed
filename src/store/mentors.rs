//! Mentors and candidates: the pipeline and the mentoring agreement.

use rusqlite::{OptionalExtension, Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::window::{Page, Window, paged};
use super::{Result, Store, StoreError};
use crate::domain::limits::WithinLimits;
use crate::domain::{Gratitude, Mentor, MentorStatus};

/// The order of the mentor list by status: the relationship first, then the pipeline.
const PIPELINE_ORDER: [MentorStatus; 5] = [
    MentorStatus::Active,
    MentorStatus::Approached,
    MentorStatus::Candidate,
    MentorStatus::Paused,
    MentorStatus::Ended,
];

const COLUMNS: &str = "id, uuid, private, name, contact, expertise, why_them, research_notes, \
    pitch_draft, status, status_since, goals_covered, cadence_days, expected_end, channel, \
    review_on, closing_notes, agreement_notes, relationship";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Mentor> {
    Ok(Mentor {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        name: r.get(3)?,
        contact: r.get(4)?,
        expertise: r.get(5)?,
        why_them: r.get(6)?,
        research_notes: r.get(7)?,
        pitch_draft: r.get(8)?,
        status: r.get(9)?,
        status_since: r.get(10)?,
        goals_covered: r.get(11)?,
        cadence_days: r.get(12)?,
        expected_end: r.get(13)?,
        channel: r.get(14)?,
        review_on: r.get(15)?,
        closing_notes: r.get(16)?,
        agreement_notes: r.get(17)?,
        relationship: r.get(18)?,
    })
}

impl Store {
    /// Inserts a new mentor (`id == 0`) or updates an existing one; returns the row id.
    pub fn save_mentor(&self, m: &Mentor) -> Result<i64> {
        m.check_limits()?;
        let now = now_stamp();
        if m.id == 0 {
            self.conn.execute(
                "INSERT INTO mentors (uuid, created_at, updated_at, private, name, contact, expertise,
                    why_them, research_notes, pitch_draft, status, status_since, goals_covered,
                    cadence_days, expected_end, channel, review_on, closing_notes, agreement_notes, relationship)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                params![
                    uuid_or_new(&m.uuid), now, m.private, m.name, m.contact, m.expertise, m.why_them,
                    m.research_notes, m.pitch_draft, m.status, m.status_since, m.goals_covered,
                    m.cadence_days, m.expected_end, m.channel, m.review_on, m.closing_notes,
                    m.agreement_notes,
                    m.relationship
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            let changed = self.conn.execute(
                "UPDATE mentors SET updated_at = ?2, private = ?3, name = ?4, contact = ?5,
                    expertise = ?6, why_them = ?7, research_notes = ?8, pitch_draft = ?9,
                    status = ?10, status_since = ?11, goals_covered = ?12, cadence_days = ?13,
                    expected_end = ?14, channel = ?15, review_on = ?16, closing_notes = ?17,
                    agreement_notes = ?18,
                    relationship = ?19
                 WHERE id = ?1",
                params![
                    m.id,
                    now,
                    m.private,
                    m.name,
                    m.contact,
                    m.expertise,
                    m.why_them,
                    m.research_notes,
                    m.pitch_draft,
                    m.status,
                    m.status_since,
                    m.goals_covered,
                    m.cadence_days,
                    m.expected_end,
                    m.channel,
                    m.review_on,
                    m.closing_notes,
                    m.agreement_notes,
                    m.relationship
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound {
                    kind: crate::domain::RecordKind::Mentor,
                    id: m.id,
                });
            }
            Ok(m.id)
        }
    }

    /// One mentor by row id.
    pub fn mentor(&self, id: i64) -> Result<Mentor> {
        let sql = format!("SELECT {COLUMNS} FROM mentors WHERE id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound {
                    kind: crate::domain::RecordKind::Mentor,
                    id,
                },
                other => other.into(),
            })
    }

    /// One mentor's name and whether the mentor is private (`None`: no such mentor): what a
    /// line naming them needs, without reading their notes.
    pub fn mentor_name(&self, id: i64) -> Result<Option<(String, bool)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT name, private FROM mentors WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// All mentors, in pipeline order (active first) then by name. A journal may hold
    /// thousands (a coach's): a list on screen wants [`Store::mentor_list`].
    pub fn mentors(&self) -> Result<Vec<Mentor>> {
        self.mentor_list(usize::MAX)
    }

    /// The first `limit` mentors in pipeline order (active, approached, candidate, paused,
    /// ended), by name within a status (ties by id): a walk of `mentors_by_status` that
    /// stops at `limit`, never a sort of every mentor.
    pub fn mentor_list(&self, limit: usize) -> Result<Vec<Mentor>> {
        self.mentor_list_of(None, None, limit)
    }

    /// [`Store::mentor_list`] kept to one status and/or one kind of relationship (the
    /// Mentors view's `f` and `F` filters): the same walk of `mentors_by_status`, over the
    /// one status when it is given, stopped at `limit`.
    pub fn mentor_list_of(
        &self,
        status: Option<MentorStatus>,
        kind: Option<crate::domain::Relationship>,
        limit: usize,
    ) -> Result<Vec<Mentor>> {
        Ok(self
            .mentor_window(status, kind, Window::first(limit), false)?
            .rows)
    }

    /// A window of [`Store::mentor_list_of`], with the list's length: the last page walks
    /// `mentors_by_status` back from its end.
    pub fn mentor_page(
        &self,
        status: Option<MentorStatus>,
        kind: Option<crate::domain::Relationship>,
        window: Window,
    ) -> Result<Page<Mentor>> {
        self.mentor_window(status, kind, window, true)
    }

    fn mentor_window(
        &self,
        status: Option<MentorStatus>,
        kind: Option<crate::domain::Relationship>,
        window: Window,
        total: bool,
    ) -> Result<Page<Mentor>> {
        let statuses: Vec<MentorStatus> = PIPELINE_ORDER
            .into_iter()
            .filter(|each| status.is_none_or(|s| s == *each))
            .collect();
        let count = |i: usize| {
            self.count_of(
                "SELECT count(*) FROM mentors INDEXED BY mentors_by_status
                 WHERE status = ?1 AND (?2 IS NULL OR relationship = ?2)",
                params![statuses[i], kind],
            )
        };
        let run = |i: usize, walk: super::window::Walk| -> Result<Vec<Mentor>> {
            let sql = format!(
                "SELECT {COLUMNS} FROM mentors INDEXED BY mentors_by_status
                 WHERE status = ?1 AND (?3 IS NULL OR relationship = ?3)
                 ORDER BY {} LIMIT ?2 OFFSET ?4",
                walk.order("name COLLATE NOCASE, id")
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let (limit, offset) = walk.bounds();
            let rows = stmt.query_map(params![statuses[i], limit, kind, offset], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        paged(window, statuses.len(), total, count, run)
    }

    /// Deletes a mentor with their contacts, health checks and meetings.
    pub fn delete_mentor(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM mentors WHERE id = ?1", [id])?;
        Ok(())
    }

    /// The closing step: saves the mentor (status ended, closing notes) and the thank-you
    /// draft as a gratitude entry, together or not at all. Returns the gratitude row id.
    pub fn end_mentorship(&mut self, m: &Mentor, thanks: &Gratitude) -> Result<i64> {
        self.transaction(|s| {
            s.save_mentor(m)?;
            s.save_gratitude(&Gratitude {
                mentor_id: Some(m.id),
                ..thanks.clone()
            })
        })
    }
}

super::edit::editable!(Mentor, Mentor, Store::mentor, |m| [
    "private" => m.private,
    "name" => m.name,
    "contact" => m.contact,
    "expertise" => m.expertise,
    "why_them" => m.why_them,
    "research_notes" => m.research_notes,
    "pitch_draft" => m.pitch_draft,
    "status" => m.status,
    "status_since" => m.status_since,
    "goals_covered" => m.goals_covered,
    "cadence_days" => m.cadence_days,
    "expected_end" => m.expected_end,
    "channel" => m.channel,
    "review_on" => m.review_on,
    "closing_notes" => m.closing_notes,
    "agreement_notes" => m.agreement_notes,
    "relationship" => m.relationship,
]);
