//! Meetings with mentors.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::window::{Page, Window, paged};
use super::{Result, Store, StoreError};
use crate::domain::limits::WithinLimits;
use crate::domain::{AgendaReadiness, Commitment, Feedback, Meeting};

const COLUMNS: &str = "m.id, m.uuid, m.private, m.mentor_id, m.starts_at, m.minutes, m.status, \
    m.channel, m.notes, m.agenda_ready";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        mentor_id: r.get(3)?,
        starts_at: r.get(4)?,
        minutes: r.get(5)?,
        status: r.get(6)?,
        channel: r.get(7)?,
        notes: r.get(8)?,
        agenda_ready: r.get(9)?,
    })
}

/// A meeting as a list shows it: with its mentor's name and agenda figures.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingSummary {
    pub meeting: Meeting,
    pub mentor_name: String,
    /// The mentor is marked private: their name is hidden while private text is.
    pub mentor_private: bool,
    pub items: u32,
    pub planned_minutes: u32,
    pub readiness: AgendaReadiness,
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<MeetingSummary> {
    let meeting = from_row(r)?;
    let items: u32 = r.get(12)?;
    let readiness = AgendaReadiness::of(items as usize, meeting.agenda_ready);
    Ok(MeetingSummary {
        mentor_name: r.get(10)?,
        mentor_private: r.get(11)?,
        items,
        planned_minutes: r.get(13)?,
        readiness,
        meeting,
    })
}

/// The past meetings of [`Store::past_meetings`] (`?1`: now).
const PAST: &str = "(m.starts_at < ?1 OR m.status != 'planned')";

fn summary_sql(filter: &str, order: &str) -> String {
    format!(
        "SELECT {COLUMNS}, mt.name, mt.private,
            (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id),
            (SELECT coalesce(sum(a.minutes), 0) FROM agenda_items a WHERE a.meeting_id = m.id)
         FROM meetings m JOIN mentors mt ON mt.id = m.mentor_id
         WHERE {filter} ORDER BY {order} LIMIT ?2"
    )
}

impl Store {
    /// Inserts or updates a meeting; returns the row id.
    pub fn save_meeting(&self, m: &Meeting) -> Result<i64> {
        m.check_limits()?;
        let now = now_stamp();
        if m.id == 0 {
            self.conn.execute(
                "INSERT INTO meetings (uuid, created_at, updated_at, private, mentor_id, starts_at,
                    minutes, status, channel, notes, agenda_ready)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    uuid_or_new(&m.uuid),
                    now,
                    m.private,
                    m.mentor_id,
                    m.starts_at,
                    m.minutes,
                    m.status,
                    m.channel,
                    m.notes,
                    m.agenda_ready
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            let changed = self.conn.execute(
                "UPDATE meetings SET updated_at = ?2, private = ?3, mentor_id = ?4, starts_at = ?5,
                    minutes = ?6, status = ?7, channel = ?8, notes = ?9, agenda_ready = ?10
                 WHERE id = ?1",
                params![
                    m.id,
                    now,
                    m.private,
                    m.mentor_id,
                    m.starts_at,
                    m.minutes,
                    m.status,
                    m.channel,
                    m.notes,
                    m.agenda_ready
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound {
                    kind: crate::domain::RecordKind::Meeting,
                    id: m.id,
                });
            }
            Ok(m.id)
        }
    }

    /// One meeting by row id.
    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        let sql = format!("SELECT {COLUMNS} FROM meetings m WHERE m.id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: crate::domain::RecordKind::Meeting,
                id,
            })
    }

    /// Planned meetings starting at or after `from`, soonest first.
    pub fn upcoming_meetings(
        &self,
        from: NaiveDateTime,
        limit: usize,
    ) -> Result<Vec<MeetingSummary>> {
        let sql = summary_sql("m.status = 'planned' AND m.starts_at >= ?1", "m.starts_at");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![from, limit as i64], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Meetings that started before `before` (held, cancelled, or planned but not debriefed),
    /// and those already held or cancelled though dated later (so no meeting is missing
    /// from both lists), newest first.
    pub fn past_meetings(
        &self,
        before: NaiveDateTime,
        limit: usize,
    ) -> Result<Vec<MeetingSummary>> {
        let sql = summary_sql(PAST, "m.starts_at DESC, m.id DESC");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![before, limit as i64], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A window of [`Store::past_meetings`], with the list's length (the last page is a
    /// reverse walk of `meetings_by_start`).
    pub fn past_meeting_page(
        &self,
        before: NaiveDateTime,
        window: Window,
    ) -> Result<Page<MeetingSummary>> {
        paged(
            window,
            1,
            true,
            |_| {
                self.count_of(
                    &format!("SELECT count(*) FROM meetings m WHERE {PAST}"),
                    [before],
                )
            },
            |_, walk| {
                let sql = format!(
                    "{} OFFSET ?3",
                    summary_sql(PAST, &walk.order("m.starts_at DESC, m.id DESC"))
                );
                let mut stmt = self.conn.prepare_cached(&sql)?;
                let (limit, offset) = walk.bounds();
                let rows = stmt.query_map(params![before, limit, offset], summary_from_row)?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            },
        )
    }

    /// The meetings starting on `day`, earliest first (at most `limit`).
    pub fn meetings_on(&self, day: NaiveDate, limit: usize) -> Result<Vec<MeetingSummary>> {
        let next = day.succ_opt().unwrap_or(day);
        let sql = summary_sql(
            "m.starts_at >= ?1 AND m.starts_at < ?3",
            "m.starts_at, m.id",
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let from = day.and_time(chrono::NaiveTime::MIN);
        let to = next.and_time(chrono::NaiveTime::MIN);
        let rows = stmt.query_map(params![from, limit as i64, to], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The meeting one means by a mentor: the next one planned with them (at or after
    /// `now`), else the latest one.
    pub fn meeting_with(&self, mentor_id: i64, now: NaiveDateTime) -> Result<Option<i64>> {
        let next: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM meetings WHERE mentor_id = ?1 AND status = 'planned'
                    AND starts_at >= ?2 ORDER BY starts_at, id LIMIT 1",
            )?
            .query_row(params![mentor_id, now], |r| r.get(0))
            .optional()?;
        if next.is_some() {
            return Ok(next);
        }
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM meetings WHERE mentor_id = ?1
                 ORDER BY starts_at DESC, id DESC LIMIT 1",
            )?
            .query_row([mentor_id], |r| r.get(0))
            .optional()?)
    }

    /// Deletes a meeting and its agenda.
    pub fn delete_meeting(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM meetings WHERE id = ?1", [id])?;
        Ok(())
    }
}

/// What came out of a held meeting: the feedback received and the commitments made there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingOutcomes {
    pub feedback: Vec<Feedback>,
    pub commitments: Vec<Commitment>,
}

impl Store {
    /// Marks a meeting's agenda as ready to send (or back to draft).
    pub fn set_agenda_ready(&self, id: i64, ready: bool) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE meetings SET agenda_ready = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, ready, now_stamp()],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                kind: crate::domain::RecordKind::Meeting,
                id,
            });
        }
        Ok(())
    }

    /// A meeting as the list shows it (with its mentor's name and agenda figures).
    pub fn meeting_summary(&self, id: i64) -> Result<MeetingSummary> {
        let sql = summary_sql("m.id = ?1", "m.id");
        self.conn
            .prepare_cached(&sql)?
            .query_row(params![id, 1], summary_from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: crate::domain::RecordKind::Meeting,
                id,
            })
    }

    /// The feedback and commitments linked to meeting `id`, at most `limit` of each.
    pub fn outcomes_of(&self, id: i64, limit: usize) -> Result<MeetingOutcomes> {
        let sql = format!(
            "SELECT {} FROM feedback f WHERE f.meeting_id = ?1 ORDER BY f.received_on, f.id
             LIMIT ?2",
            super::feedback::COLUMNS
        );
        let feedback = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![id, limit as i64], super::feedback::from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let sql = format!(
            "SELECT {} FROM commitments c WHERE c.meeting_id = ?1
             ORDER BY c.owner, c.due_on IS NULL, c.due_on, c.id LIMIT ?2",
            super::commitments::COLUMNS
        );
        let commitments = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![id, limit as i64], super::commitments::from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(MeetingOutcomes {
            feedback,
            commitments,
        })
    }
}

super::edit::editable!(Meeting, Meeting, Store::meeting, |m| [
    "private" => m.private,
    "mentor_id" => m.mentor_id,
    "starts_at" => m.starts_at,
    "minutes" => m.minutes,
    "status" => m.status,
    "channel" => m.channel,
    "notes" => m.notes,
    "agenda_ready" => m.agenda_ready,
]);
