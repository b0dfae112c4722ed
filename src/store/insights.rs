//! The inputs of the domain's insight rules (agenda suggestions, keep rate, nudges, review
//! figures), gathered with bounded queries.
//!
//! Every query here is bounded by an index range, a date window or a `LIMIT`, or is an
//! aggregate: the journal may hold 100,000 records, and the Today view must stay flat.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::domain::keeprate::CommitmentFacts;
use crate::domain::suggest::{CommitmentRef, FeedbackRef, GoalRef, QuestionRef, SuggestInput};

/// At most this many candidates per suggestion source (more would not fit a meeting anyway).
const SUGGEST_LIMIT: i64 = 100;

impl Store {
    /// What [`crate::domain::suggest::suggest`] needs for the planned meeting `meeting_id`.
    pub fn suggest_input(&self, meeting_id: i64) -> Result<SuggestInput> {
        let meeting = self.meeting(meeting_id)?;
        let m = meeting.mentor_id;
        let last: Option<(i64, NaiveDateTime)> = self
            .conn
            .prepare_cached(
                "SELECT id, starts_at FROM meetings
                 WHERE mentor_id = ?1 AND status = 'held' AND starts_at < ?2 AND id != ?3
                 ORDER BY starts_at DESC, id DESC LIMIT 1",
            )?
            .query_row(params![m, meeting.starts_at, meeting_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let last_items = match last {
            Some((id, _)) => self.agenda_of(id)?,
            None => Vec::new(),
        };
        Ok(SuggestInput {
            meeting_id,
            mentor_id: m,
            starts_at: meeting.starts_at,
            last_held: last.map(|(_, at)| at),
            agenda: self.agenda_of(meeting_id)?,
            last_items,
            commitments: self.suggest_commitments(m, meeting.starts_at.date())?,
            feedback: self.suggest_feedback(m)?,
            goals: self.suggest_goals(m)?,
            questions: self.suggest_questions(m)?,
        })
    }

    /// Open commitments due by the meeting day (mine with M or no mentor; M's), and M's
    /// experiments with a result not yet reported. An experiment's mentor falls back to
    /// its feedback's mentor.
    fn suggest_commitments(&self, m: i64, day: NaiveDate) -> Result<Vec<CommitmentRef>> {
        let cols = "c.id, c.owner, c.text, c.due_on, c.status, \
            coalesce(c.mentor_id, f.mentor_id) AS mentor, c.feedback_id, c.result, c.reported_on";
        let sql = format!(
            "SELECT * FROM (SELECT {cols} FROM commitments c
                 LEFT JOIN feedback f ON f.id = c.feedback_id
                 WHERE c.status = 'open' AND c.due_on <= ?2
                   AND (c.mentor_id = ?1 OR c.mentor_id IS NULL)
                 ORDER BY c.due_on, c.id LIMIT ?3)
             UNION
             SELECT * FROM (SELECT {cols} FROM commitments c
                 LEFT JOIN feedback f ON f.id = c.feedback_id
                 WHERE c.feedback_id IS NOT NULL AND c.result != '' AND c.reported_on IS NULL
                   AND c.status != 'dropped' AND coalesce(c.mentor_id, f.mentor_id) = ?1
                 ORDER BY c.id LIMIT ?3)
             ORDER BY 4, 1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![m, day, SUGGEST_LIMIT], |r| {
            Ok(CommitmentRef {
                id: r.get(0)?,
                owner: r.get(1)?,
                text: r.get(2)?,
                due: r.get(3)?,
                status: r.get(4)?,
                mentor_id: r.get(5)?,
                feedback_id: r.get(6)?,
                result: r.get(7)?,
                reported_on: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The dated commitments the keep rate counts, due from `from` (or ever) to `to`, plus
    /// those done or dropped ahead of a later due date (they are due already, see
    /// [`crate::domain::keeprate`]). Oldest due date first.
    pub fn commitment_facts(
        &self,
        from: Option<NaiveDate>,
        to: NaiveDate,
    ) -> Result<Vec<CommitmentFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, owner, due_on, status, done_on FROM commitments
             WHERE due_on >= coalesce(?1, '') AND (due_on <= ?2 OR status != 'open')
             ORDER BY due_on, id",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok(CommitmentFacts {
                id: r.get(0)?,
                owner: r.get(1)?,
                due: r.get(2)?,
                status: r.get(3)?,
                done_on: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn suggest_feedback(&self, m: i64) -> Result<Vec<FeedbackRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text, status, mentor_id FROM feedback
             WHERE status = 'open' AND (mentor_id = ?1 OR mentor_id IS NULL)
             ORDER BY received_on, id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![m, SUGGEST_LIMIT], |r| {
            Ok(FeedbackRef {
                id: r.get(0)?,
                text: r.get(1)?,
                status: r.get(2)?,
                mentor_id: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn suggest_goals(&self, m: i64) -> Result<Vec<GoalRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.id, g.title, g.status, g.mentor_id,
                (SELECT max(p.on_date) FROM goal_progress p WHERE p.goal_id = g.id)
             FROM goals g
             WHERE g.status = 'active' AND (g.mentor_id = ?1 OR g.mentor_id IS NULL)
             ORDER BY g.due_on IS NULL, g.due_on, g.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![m, SUGGEST_LIMIT], |r| {
            Ok(GoalRef {
                id: r.get(0)?,
                title: r.get(1)?,
                status: r.get(2)?,
                mentor_id: r.get(3)?,
                last_update: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn suggest_questions(&self, m: i64) -> Result<Vec<QuestionRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text, mentor_id, agenda_item_id FROM questions
             WHERE agenda_item_id IS NULL AND (mentor_id = ?1 OR mentor_id IS NULL)
             ORDER BY created_at, id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![m, SUGGEST_LIMIT], |r| {
            Ok(QuestionRef {
                id: r.get(0)?,
                text: r.get(1)?,
                mentor_id: r.get(2)?,
                agenda_item_id: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::suggest::{SuggestionReason, suggest};
    use crate::domain::*;

    pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(super) fn at(date: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
        date.and_hms_opt(h, min, 0).unwrap()
    }

    pub(super) fn mentor(s: &Store, name: &str, status: MentorStatus) -> i64 {
        let mut m = Mentor::new(name);
        m.status = status;
        s.save_mentor(&m).unwrap()
    }

    pub(super) fn meeting(
        s: &Store,
        mentor_id: i64,
        starts_at: NaiveDateTime,
        status: MeetingStatus,
    ) -> i64 {
        s.save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id,
            starts_at,
            minutes: 30,
            status,
            channel: String::new(),
            notes: String::new(),
            agenda_ready: false,
            private: false,
        })
        .unwrap()
    }

    pub(super) fn agenda_item(s: &Store, meeting_id: i64, text: &str, discussed: bool) -> i64 {
        s.save_agenda_item(&AgendaItem {
            id: 0,
            uuid: String::new(),
            meeting_id,
            kind: AgendaKind::Topic,
            text: text.into(),
            outcome: String::new(),
            minutes: None,
            position: 0,
            discussed,
            note: String::new(),
            goal_id: None,
            commitment_id: None,
            feedback_id: None,
            carried_from: None,
            source: None,
            private: false,
        })
        .unwrap()
    }

    pub(super) fn commitment(
        owner: Party,
        due: Option<NaiveDate>,
        mentor: Option<i64>,
    ) -> Commitment {
        Commitment {
            id: 0,
            uuid: String::new(),
            owner,
            text: "do it".into(),
            due,
            status: CommitmentStatus::Open,
            done_on: None,
            result: String::new(),
            mentor_id: mentor,
            meeting_id: None,
            feedback_id: None,
            reported_on: None,
            created_on: d(2026, 1, 1),
            private: false,
        }
    }

    pub(super) fn feedback(mentor: Option<i64>, on: NaiveDate, status: FeedbackStatus) -> Feedback {
        Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            meeting_id: None,
            received_on: on,
            kind: FeedbackKind::Suggestion,
            text: "advice".into(),
            reaction: String::new(),
            status,
            goal_id: None,
            private: false,
        }
    }

    fn question(s: &Store, mentor: Option<i64>) -> i64 {
        s.save_question(&Question {
            id: 0,
            uuid: String::new(),
            text: "How do I…?".into(),
            mentor_id: mentor,
            agenda_item_id: None,
            private: false,
        })
        .unwrap()
    }

    #[test]
    fn suggest_input_gathers_each_source_for_the_meeting() {
        let s = Store::open_in_memory().unwrap();
        let ana = mentor(&s, "Ana", MentorStatus::Active);
        let budi = mentor(&s, "Budi", MentorStatus::Active);
        let held = meeting(&s, ana, at(d(2026, 2, 10), 10, 0), MeetingStatus::Held);
        let _older = meeting(&s, ana, at(d(2026, 1, 10), 10, 0), MeetingStatus::Held);
        let _budis = meeting(&s, budi, at(d(2026, 2, 20), 10, 0), MeetingStatus::Held);
        let next = meeting(&s, ana, at(d(2026, 3, 10), 10, 0), MeetingStatus::Planned);
        let carried = agenda_item(&s, held, "Promotion", false);
        agenda_item(&s, held, "Talked", true);

        let mine = s
            .save_commitment(&commitment(Party::Me, Some(d(2026, 3, 1)), Some(ana)))
            .unwrap();
        s.save_commitment(&commitment(Party::Me, Some(d(2026, 3, 20)), Some(ana)))
            .unwrap();
        let theirs = s
            .save_commitment(&commitment(Party::Mentor, Some(d(2026, 3, 9)), Some(ana)))
            .unwrap();
        s.save_commitment(&commitment(Party::Mentor, Some(d(2026, 3, 9)), Some(budi)))
            .unwrap();
        // An experiment made without a mentor: its feedback's mentor (Ana) counts.
        let fb = s
            .save_feedback(&feedback(Some(ana), d(2026, 2, 10), FeedbackStatus::Trying))
            .unwrap();
        let mut exp = commitment(Party::Me, Some(d(2026, 2, 28)), None);
        exp.feedback_id = Some(fb);
        exp.result = "It worked".into();
        let exp = s.save_commitment(&exp).unwrap();
        let open_fb = s
            .save_feedback(&feedback(Some(ana), d(2026, 2, 10), FeedbackStatus::Open))
            .unwrap();
        s.save_feedback(&feedback(Some(budi), d(2026, 2, 10), FeedbackStatus::Open))
            .unwrap();

        let stale = s.save_goal(&Goal::new("Public speaking")).unwrap();
        let fresh = s.save_goal(&Goal::new("Reading")).unwrap();
        s.save_progress(&ProgressUpdate {
            id: 0,
            uuid: String::new(),
            goal_id: fresh,
            on: d(2026, 2, 15),
            value: 3.0,
            note: String::new(),
        })
        .unwrap();
        let q = question(&s, None);
        question(&s, Some(budi));

        let input = s.suggest_input(next).unwrap();
        assert_eq!(input.last_held, Some(at(d(2026, 2, 10), 10, 0)));
        assert_eq!(input.last_items.len(), 2);
        let out = suggest(&input, at(d(2026, 3, 5), 9, 0));
        let keys: Vec<String> = out.iter().map(|s| s.key.clone()).collect();
        assert_eq!(
            keys,
            [
                format!("carry:{carried}"),
                format!("report:{exp}"),
                format!("commit-me:{mine}"),
                format!("commit-mentor:{theirs}"),
                format!("feedback:{open_fb}"),
                format!("goal:{stale}"),
                format!("question:{q}"),
            ]
        );
        assert_eq!(out[1].reason, SuggestionReason::ReportExperiment);

        // Accepting one makes it disappear.
        s.save_agenda_item(&out[2].to_agenda_item(next)).unwrap();
        let again = suggest(&s.suggest_input(next).unwrap(), at(d(2026, 3, 5), 9, 0));
        assert_eq!(again.len(), out.len() - 1);
        assert!(again.iter().all(|x| x.key != out[2].key));
    }

    #[test]
    fn commitment_facts_are_bounded_by_due_date() {
        use crate::domain::keeprate::keep_rate;
        let s = Store::open_in_memory().unwrap();
        let save = |owner, due: Option<NaiveDate>, status, done_on| {
            let mut c = commitment(owner, due, None);
            c.status = status;
            c.done_on = done_on;
            s.save_commitment(&c).unwrap()
        };
        save(
            Party::Me,
            Some(d(2025, 12, 31)),
            CommitmentStatus::Done,
            Some(d(2025, 12, 31)),
        );
        save(
            Party::Me,
            Some(d(2026, 1, 31)),
            CommitmentStatus::Done,
            Some(d(2026, 1, 30)),
        );
        save(
            Party::Me,
            Some(d(2026, 2, 1)),
            CommitmentStatus::Done,
            Some(d(2026, 2, 3)),
        );
        save(
            Party::Mentor,
            Some(d(2026, 2, 10)),
            CommitmentStatus::Open,
            None,
        );
        save(
            Party::Me,
            Some(d(2026, 2, 12)),
            CommitmentStatus::Dropped,
            None,
        );
        save(
            Party::Me,
            Some(d(2026, 3, 31)),
            CommitmentStatus::Done,
            Some(d(2026, 2, 1)),
        );
        save(
            Party::Me,
            Some(d(2026, 3, 31)),
            CommitmentStatus::Open,
            None,
        );
        save(Party::Me, None, CommitmentStatus::Done, Some(d(2026, 2, 1)));

        let today = d(2026, 2, 15);
        let facts = s.commitment_facts(Some(d(2026, 1, 1)), today).unwrap();
        assert_eq!(facts.len(), 5, "{facts:?}");
        assert_eq!(s.commitment_facts(None, today).unwrap().len(), 6);
        let k = keep_rate(&facts, today);
        assert_eq!(k.overall.me.kept, 2);
        assert_eq!(k.overall.me.late, 1);
        assert_eq!(k.overall.me.dropped, 1);
        assert_eq!(k.overall.mentor.open_overdue, 1);
        assert_eq!(k.months.len(), 3);
    }
}
