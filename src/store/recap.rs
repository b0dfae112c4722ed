//! What the recap of a meeting is made from ([`crate::domain::recap`]): the meeting, its
//! mentor, agenda, commitments and thanks, the next meeting with that mentor and which linked
//! goals are private, read with indexed look-ups; the latest held meeting (with a mentor, or
//! on a day); and marking the meeting's thanks sent once the recap is.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::meetings::MeetingSummary;
use super::sql::now_stamp;
use super::{Result, Store};
use crate::domain::recap::RecapSource;
use crate::domain::{AgendaItem, Commitment, Gratitude, Meeting, MeetingStatus, Mentor};

/// At most this many commitments and thanks of one meeting go into a recap.
const PER_MEETING: usize = 200;

/// The records a recap is composed from, owned.
#[derive(Debug, Clone)]
pub struct RecapRecords {
    pub meeting: Meeting,
    pub mentor: Mentor,
    pub items: Vec<AgendaItem>,
    pub commitments: Vec<Commitment>,
    pub thanks: Vec<Gratitude>,
    pub next: Option<Meeting>,
    pub private_goals: Vec<i64>,
}

impl RecapRecords {
    /// The domain's view of these records.
    pub fn source(&self) -> RecapSource<'_> {
        RecapSource {
            meeting: &self.meeting,
            mentor: &self.mentor,
            items: &self.items,
            commitments: &self.commitments,
            thanks: &self.thanks,
            next: self.next.as_ref(),
            private_goals: &self.private_goals,
        }
    }
}

impl Store {
    /// The records the recap of meeting `id` is made from.
    pub fn recap_records(&self, id: i64) -> Result<RecapRecords> {
        let meeting = self.meeting(id)?;
        let mentor = self.mentor(meeting.mentor_id)?;
        let items = self.agenda_of(id)?;
        let commitments = self.outcomes_of(id, PER_MEETING)?.commitments;
        let thanks = self
            .gratitude_list_where("g.meeting_id = ?1", params![id, PER_MEETING as i64])?
            .into_iter()
            .rev()
            .map(|row| row.gratitude)
            .collect();
        let next_id: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM meetings WHERE mentor_id = ?1 AND status = 'planned'
                    AND starts_at > ?2 ORDER BY starts_at, id LIMIT 1",
            )?
            .query_row(params![meeting.mentor_id, meeting.starts_at], |r| r.get(0))
            .optional()?;
        let next = next_id.map(|n| self.meeting(n)).transpose()?;
        let private_goals = self
            .conn
            .prepare_cached(
                "SELECT g.id FROM goals g WHERE g.private = 1 AND g.id IN
                    (SELECT a.goal_id FROM agenda_items a WHERE a.meeting_id = ?1)",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(RecapRecords {
            meeting,
            mentor,
            items,
            commitments,
            thanks,
            next,
            private_goals,
        })
    }

    /// The latest held meeting (with `mentor_id` when given), by its start.
    pub fn latest_held_meeting(&self, mentor_id: Option<i64>) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM meetings WHERE status = 'held'
                    AND (?1 IS NULL OR mentor_id = ?1)
                 ORDER BY starts_at DESC, id DESC LIMIT 1",
            )?
            .query_row([mentor_id], |r| r.get(0))
            .optional()?)
    }

    /// The held meetings of `day`, earliest first.
    pub fn held_meetings_on(&self, day: NaiveDate) -> Result<Vec<MeetingSummary>> {
        Ok(self
            .meetings_on(day, 50)?
            .into_iter()
            .filter(|s| s.meeting.status == MeetingStatus::Held)
            .collect())
    }

    /// Marks the thanks `ids` sent (those not sent yet), in one transaction; returns how many
    /// changed.
    pub fn mark_thanks_sent(&mut self, ids: &[i64]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let stamp = now_stamp();
        let mut changed = 0;
        for id in ids {
            changed += tx.execute(
                "UPDATE gratitude SET sent = 1, updated_at = ?2 WHERE id = ?1 AND sent = 0",
                params![id, stamp],
            )?;
        }
        tx.commit()?;
        Ok(changed)
    }
}
