//! Saving a meeting's debrief in one transaction, and the small writes of the after-meeting
//! views (try a piece of advice as an experiment, record its result, tick a commitment done,
//! mark thanks sent), plus the filtered lists those views show.

use chrono::NaiveDate;
use rusqlite::params;

use super::{CommitmentRow, FeedbackRow, Result, Store};
use crate::domain::{
    AgendaItem, AgendaKind, Commitment, CommitmentStatus, Feedback, FeedbackStatus, Gratitude,
    Meeting, MeetingStatus, Question,
};

/// Everything a debrief writes, gathered before anything is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct DebriefPlan {
    pub meeting_id: i64,
    /// (agenda item id, discussed) for the meeting's items.
    pub discussed: Vec<(i64, bool)>,
    /// Topics discussed that were not on the agenda: added as discussed items.
    pub also_discussed: Vec<String>,
    /// Notes appended to the meeting's notes (empty: notes unchanged).
    pub notes: String,
    /// The open question for next time, parked in the question bank.
    pub question: Option<String>,
    pub feedback: Vec<Feedback>,
    pub commitments: Vec<Commitment>,
    pub thanks: Option<Gratitude>,
    /// The next meeting to plan (same mentor), if a date was given.
    pub next_meeting: Option<Meeting>,
    /// The meeting's day: experiments discussed at it count as reported on that day.
    pub day: NaiveDate,
    /// The draft to forget once everything is saved.
    pub draft_key: String,
}

/// What a saved debrief created.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DebriefSaved {
    pub feedback: Vec<i64>,
    pub commitments: Vec<i64>,
    pub thanks: Option<i64>,
    pub question: Option<i64>,
    pub next_meeting: Option<i64>,
}

/// Which feedback the Feedback view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeedbackFilter {
    pub status: Option<FeedbackStatus>,
    pub mentor_id: Option<i64>,
}

/// Which commitments the Commitments view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CommitmentFilter {
    /// Open ones, by due date.
    #[default]
    Open,
    /// Open ones past their due date.
    Overdue,
    /// Done ones, latest first.
    Done,
    /// The mentor's, any status.
    Mentors,
    /// Everything.
    All,
}

impl CommitmentFilter {
    /// Every filter, in the order `f` cycles through them.
    pub const ALL: [CommitmentFilter; 5] = [
        CommitmentFilter::Open,
        CommitmentFilter::Overdue,
        CommitmentFilter::Done,
        CommitmentFilter::Mentors,
        CommitmentFilter::All,
    ];

    /// The next filter, wrapping.
    pub fn next(self) -> CommitmentFilter {
        let i = Self::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

impl Store {
    /// Saves a whole debrief in one transaction: agenda ticks, notes, the meeting marked held,
    /// the question, feedback, commitments, thanks and the next meeting; experiments discussed
    /// at the meeting count as reported; the draft is forgotten. Nothing is written on error.
    pub fn save_debrief(&mut self, plan: &DebriefPlan) -> Result<DebriefSaved> {
        self.transaction(|s| {
            let mut meeting = s.meeting(plan.meeting_id)?;
            let agenda = s.agenda_of(plan.meeting_id)?;
            for item in &agenda {
                let Some((_, discussed)) = plan.discussed.iter().find(|(id, _)| *id == item.id)
                else {
                    continue;
                };
                if item.discussed != *discussed {
                    let mut changed = item.clone();
                    changed.discussed = *discussed;
                    s.save_agenda_item(&changed)?;
                }
                if *discussed && let Some(cid) = item.commitment_id {
                    s.mark_reported(cid, plan.day)?;
                }
            }
            for text in plan.also_discussed.iter().filter(|t| !t.trim().is_empty()) {
                s.save_agenda_item(&AgendaItem {
                    discussed: true,
                    private: meeting.private,
                    ..AgendaItem::new(plan.meeting_id, AgendaKind::Topic, text.trim())
                })?;
            }
            if !plan.notes.trim().is_empty() {
                meeting.notes = if meeting.notes.trim().is_empty() {
                    plan.notes.clone()
                } else {
                    format!("{}\n\n{}", meeting.notes.trim_end(), plan.notes)
                };
            }
            meeting.status = MeetingStatus::Held;
            s.save_meeting(&meeting)?;
            let mut saved = DebriefSaved::default();
            if let Some(text) = plan.question.as_ref().filter(|q| !q.trim().is_empty()) {
                saved.question = Some(s.save_question(&Question {
                    mentor_id: Some(meeting.mentor_id),
                    private: meeting.private,
                    ..Question::new(text.trim())
                })?);
            }
            for f in &plan.feedback {
                saved.feedback.push(s.save_feedback(f)?);
            }
            for c in &plan.commitments {
                saved.commitments.push(s.save_commitment(c)?);
            }
            if let Some(g) = &plan.thanks {
                saved.thanks = Some(s.save_gratitude(g)?);
            }
            if let Some(m) = &plan.next_meeting {
                saved.next_meeting = Some(s.save_meeting(m)?);
            }
            s.delete_draft(&plan.draft_key)?;
            Ok(saved)
        })
    }

    /// Marks an experiment's result as reported on `day` (only one with a result, not yet
    /// reported).
    fn mark_reported(&self, commitment_id: i64, day: NaiveDate) -> Result<()> {
        crate::domain::limits::check_date("reported_on", day)?;
        self.conn.execute(
            "UPDATE commitments SET reported_on = ?2
             WHERE id = ?1 AND feedback_id IS NOT NULL AND result != '' AND reported_on IS NULL",
            params![commitment_id, day],
        )?;
        Ok(())
    }

    /// "Try this": a commitment of mine due on `due` that tries out feedback `feedback_id`
    /// (an experiment); the feedback's status becomes "trying". One transaction.
    pub fn start_experiment(
        &mut self,
        feedback_id: i64,
        text: &str,
        due: NaiveDate,
        today: NaiveDate,
    ) -> Result<i64> {
        self.transaction(|s| {
            let mut fb = s.feedback(feedback_id)?;
            let id = s.save_commitment(&Commitment {
                due: Some(due),
                mentor_id: fb.mentor_id,
                meeting_id: fb.meeting_id,
                feedback_id: Some(feedback_id),
                private: fb.private,
                ..Commitment::new(text, today)
            })?;
            fb.status = FeedbackStatus::Trying;
            s.save_feedback(&fb)?;
            Ok(id)
        })
    }

    /// `x`: done (recorded as done on `today`) or back to open (done date cleared).
    pub fn toggle_commitment_done(&self, id: i64, today: NaiveDate) -> Result<Commitment> {
        let mut c = self.commitment(id)?;
        if c.status == CommitmentStatus::Done {
            c.status = CommitmentStatus::Open;
            c.done_on = None;
        } else {
            c.status = CommitmentStatus::Done;
            c.done_on = Some(today);
        }
        self.save_commitment(&c)?;
        Ok(c)
    }

    /// Feedback for the list, newest first, filtered.
    pub fn feedback_filtered(
        &self,
        filter: FeedbackFilter,
        limit: usize,
    ) -> Result<Vec<FeedbackRow>> {
        // A condition per case, so SQLite can walk the matching index in list order.
        let condition = match (filter.status.is_some(), filter.mentor_id.is_some()) {
            (false, false) => "?1 IS NULL AND ?2 IS NULL",
            (true, false) => "f.status = ?1 AND ?2 IS NULL",
            (false, true) => "?1 IS NULL AND f.mentor_id = ?2",
            (true, true) => "f.status = ?1 AND f.mentor_id = ?2",
        };
        self.feedback_list_where(
            condition,
            params![filter.status, filter.mentor_id, limit as i64],
        )
    }

    /// A window of [`Store::feedback_filtered`], with the list's length (the last page is a
    /// reverse walk of the filter's index).
    pub fn feedback_page(
        &self,
        filter: FeedbackFilter,
        window: super::Window,
    ) -> Result<super::Page<FeedbackRow>> {
        let condition = match (filter.status.is_some(), filter.mentor_id.is_some()) {
            (false, false) => "?1 IS NULL AND ?2 IS NULL",
            (true, false) => "f.status = ?1 AND ?2 IS NULL",
            (false, true) => "?1 IS NULL AND f.mentor_id = ?2",
            (true, true) => "f.status = ?1 AND f.mentor_id = ?2",
        };
        self.feedback_page_where(condition, filter.status, filter.mentor_id, window)
    }

    /// Commitments for the list under `filter` (open ones by due date first).
    pub fn commitments_filtered(
        &self,
        filter: CommitmentFilter,
        today: NaiveDate,
        limit: usize,
    ) -> Result<Vec<CommitmentRow>> {
        let (parts, extra) = commitment_parts_of(filter);
        self.commitment_parts(parts, extra, Some(today), limit)
    }

    /// A window of [`Store::commitments_filtered`], with the list's length.
    pub fn commitment_page(
        &self,
        filter: CommitmentFilter,
        today: NaiveDate,
        window: super::Window,
    ) -> Result<super::Page<CommitmentRow>> {
        let (parts, extra) = commitment_parts_of(filter);
        self.commitment_window(parts, extra, Some(today), window, true)
    }
}

impl Store {
    /// The experiments (commitments) born of feedback `feedback_id`, oldest first.
    pub fn experiments_of(&self, feedback_id: i64) -> Result<Vec<Commitment>> {
        Ok(self
            .commitment_list_where("c.feedback_id = ?1", params![feedback_id, 20i64])?
            .into_iter()
            .map(|r| r.commitment)
            .collect())
    }
}

impl Store {
    /// One gratitude entry by row id.
    pub fn gratitude(&self, id: i64) -> Result<crate::domain::Gratitude> {
        self.gratitude_list_where("g.id = ?1", params![id, 1i64])?
            .into_iter()
            .next()
            .map(|r| r.gratitude)
            .ok_or(super::StoreError::NotFound {
                kind: crate::domain::RecordKind::Gratitude,
                id,
            })
    }
}

/// The parts of the commitment list under `filter` (each a condition with its order) and
/// the condition every part adds.
fn commitment_parts_of(filter: CommitmentFilter) -> (&'static [&'static str], &'static str) {
    use super::commitments::{CLOSED, OPEN_DATED, OPEN_UNDATED};
    const OVERDUE: &str = "c.status = 'open' AND c.due_on < ?2 ORDER BY c.due_on, c.id DESC";
    // `status = 'done'` alone would not let SQLite use the partial index of closed ones.
    const DONE: &str = "c.status != 'open' AND c.status = 'done' \
        ORDER BY coalesce(c.done_on, c.due_on, c.created_on) DESC, c.id DESC";
    match filter {
        CommitmentFilter::Open => (&[OPEN_DATED, OPEN_UNDATED], "1"),
        CommitmentFilter::Overdue => (&[OVERDUE], "1"),
        CommitmentFilter::Done => (&[DONE], "1"),
        CommitmentFilter::Mentors => (&[OPEN_DATED, OPEN_UNDATED, CLOSED], "c.owner = 'mentor'"),
        CommitmentFilter::All => (&[OPEN_DATED, OPEN_UNDATED, CLOSED], "1"),
    }
}
