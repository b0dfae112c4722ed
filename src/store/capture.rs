//! Small look-ups for the command line: mentor names for quick capture, a meeting by its
//! UUID, and the overdue counts `mentee status` prints. Each is an index lookup or a count
//! over an index range, so the shell greeting stays fast on a large journal.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::domain::Party;

/// Party `?1`'s open commitments due before `?2`, counted in the narrow partial index of
/// open commitments with a due date (migration 011; the planner alone would walk the wider
/// `commitments_by_owner`).
const OVERDUE_COUNT: &str = "SELECT count(*) FROM commitments INDEXED BY commitments_open_due
     WHERE owner = ?1 AND status = 'open' AND due_on IS NOT NULL AND due_on < ?2";

impl Store {
    /// Every mentor's row id and name, by name (the pipeline is small: tens, not thousands).
    pub fn mentor_names(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM mentors ORDER BY name COLLATE NOCASE, id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The row id of the meeting with this UUID, if any.
    pub fn meeting_id_by_uuid(&self, uuid: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM meetings WHERE uuid = ?1")?
            .query_row([uuid.trim().to_ascii_lowercase()], |r| r.get(0))
            .optional()?)
    }

    /// Open commitments due before `today`, counted per owner: (mine, the mentors').
    pub fn overdue_counts(&self, today: NaiveDate) -> Result<(u32, u32)> {
        let mut stmt = self.conn.prepare_cached(OVERDUE_COUNT)?;
        let mine = stmt.query_row(params![Party::Me, today], |r| r.get(0))?;
        let theirs = stmt.query_row(params![Party::Mentor, today], |r| r.get(0))?;
        Ok((mine, theirs))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::domain::{Commitment, CommitmentStatus, Mentor, Party};
    use crate::store::Store;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn commitment(owner: Party, due: Option<NaiveDate>, status: CommitmentStatus) -> Commitment {
        Commitment {
            id: 0,
            uuid: String::new(),
            owner,
            text: "do it".into(),
            due,
            status,
            done_on: None,
            result: String::new(),
            mentor_id: None,
            meeting_id: None,
            feedback_id: None,
            reported_on: None,
            created_on: d(1, 1),
            private: false,
        }
    }

    #[test]
    fn overdue_commitments_are_counted_in_their_narrow_index() {
        let store = Store::open_in_memory().unwrap();
        let plan: String = store
            .conn()
            .query_row(
                &format!("EXPLAIN QUERY PLAN {}", super::OVERDUE_COUNT),
                rusqlite::params!["me", "2026-03-10"],
                |r| r.get(3),
            )
            .unwrap();
        assert_eq!(
            plan,
            "SEARCH commitments USING COVERING INDEX commitments_open_due (owner=? AND due_on>? AND due_on<?)"
        );
    }

    #[test]
    fn overdue_counts_only_open_commitments_past_their_due_date() {
        let store = Store::open_in_memory().unwrap();
        let today = d(3, 10);
        for c in [
            commitment(Party::Me, Some(d(3, 9)), CommitmentStatus::Open),
            commitment(Party::Me, Some(d(3, 1)), CommitmentStatus::Open),
            commitment(Party::Me, Some(d(3, 10)), CommitmentStatus::Open),
            commitment(Party::Me, Some(d(3, 1)), CommitmentStatus::Done),
            commitment(Party::Me, None, CommitmentStatus::Open),
            commitment(Party::Mentor, Some(d(2, 1)), CommitmentStatus::Open),
            commitment(Party::Mentor, Some(d(2, 1)), CommitmentStatus::Dropped),
        ] {
            store.save_commitment(&c).unwrap();
        }
        assert_eq!(store.overdue_counts(today).unwrap(), (2, 1));
    }

    #[test]
    fn mentor_names_and_meeting_by_uuid() {
        let store = Store::open_in_memory().unwrap();
        let b = store.save_mentor(&Mentor::new("budi")).unwrap();
        let a = store.save_mentor(&Mentor::new("Ana")).unwrap();
        assert_eq!(
            store.mentor_names().unwrap(),
            vec![(a, "Ana".to_string()), (b, "budi".to_string())]
        );
        assert_eq!(store.meeting_id_by_uuid("nope").unwrap(), None);
    }
}
