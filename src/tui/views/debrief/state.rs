//! What an open debrief holds: the meeting and its agenda, the step on screen and its form,
//! and everything typed so far ([`DebriefState`], which is what its draft stores).

use std::collections::BTreeMap;

use ratatui::style::Style;
use serde::{Deserialize, Serialize};

use super::choices;
use crate::domain::{AgendaItem, Meeting};
use crate::i18n::Text;
use crate::tui::form::Form;
use crate::tui::purpose::DraftKey;

/// A piece of feedback noted in step 3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackEntry {
    pub kind: String,
    pub text: String,
    pub reaction: String,
    pub goal_id: Option<i64>,
}

/// A commitment noted in step 4 (due date as `YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitmentEntry {
    pub owner: String,
    pub text: String,
    pub due: String,
}

/// Everything typed so far: what the draft holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DebriefState {
    pub meeting_id: i64,
    /// The step on screen (index into [`Step::ALL`]).
    pub step: usize,
    /// Each visited step's form, as the form's own draft (JSON), by step name.
    pub forms: BTreeMap<String, serde_json::Value>,
    pub feedback: Vec<FeedbackEntry>,
    pub commitments: Vec<CommitmentEntry>,
}

/// An open debrief.
#[derive(Debug)]
pub struct Debrief {
    pub meeting: Meeting,
    pub mentor_name: String,
    /// The mentor is private: the name is hidden while private text is.
    pub mentor_private: bool,
    /// Private text hidden when the debrief opened (its forms are built with it).
    pub masking: crate::domain::privacy::Masking,
    pub mentor_channel: String,
    pub agenda: Vec<AgendaItem>,
    /// Goal picker options for feedback.
    pub goals: choices::Options,
    pub state: DebriefState,
    /// The current step's form.
    pub form: Form,
    pub(super) title_style: Style,
}

impl Debrief {
    /// The key its draft is stored under.
    pub fn draft_key(&self) -> String {
        draft_key(self.meeting.id)
    }

    /// The step on screen.
    pub fn step(&self) -> Step {
        Step::at(self.state.step)
    }
}

/// The draft key of the debrief of meeting `id`.
pub fn draft_key(meeting_id: i64) -> String {
    DraftKey::Debrief {
        debrief: meeting_id,
    }
    .key()
}

/// One step of the debrief, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Discussed,
    Notes,
    Feedback,
    Commitments,
    Thanks,
    Next,
}

impl Step {
    /// The steps in order.
    pub const ALL: [Step; 6] = [
        Step::Discussed,
        Step::Notes,
        Step::Feedback,
        Step::Commitments,
        Step::Thanks,
        Step::Next,
    ];

    /// The step at `index` (clamped to the last).
    pub fn at(index: usize) -> Step {
        Step::ALL[index.min(Step::ALL.len() - 1)]
    }

    /// A stable name, used as the key of the step's form in the draft.
    pub fn name(self) -> &'static str {
        match self {
            Step::Discussed => "discussed",
            Step::Notes => "notes",
            Step::Feedback => "feedback",
            Step::Commitments => "commitments",
            Step::Thanks => "thanks",
            Step::Next => "next",
        }
    }

    /// The step's tab label.
    pub fn label(self, t: &Text) -> &'static str {
        let d = &t.debrief;
        match self {
            Step::Discussed => d.step_discussed,
            Step::Notes => d.step_notes,
            Step::Feedback => d.step_feedback,
            Step::Commitments => d.step_commitments,
            Step::Thanks => d.step_thanks,
            Step::Next => d.step_next,
        }
    }

    /// What to do in this step, one line.
    pub fn hint(self, t: &Text) -> &'static str {
        let d = &t.debrief;
        match self {
            Step::Discussed => d.hint_discussed,
            Step::Notes => d.hint_notes,
            Step::Feedback => d.hint_feedback,
            Step::Commitments => d.hint_commitments,
            Step::Thanks => d.hint_thanks,
            Step::Next => d.hint_next,
        }
    }
}
