//! Which record a form edits, and sending its values to the right view to be saved.
//!
//! Each view that has forms defines its own purpose enum (`MentorForm`…) and two functions:
//! `save(app, purpose, form)` and `reopen(app, draft_key)` (rebuilds the form a draft belongs
//! to, so drafts can be offered back after a crash). This module only dispatches.

use super::app::App;
use super::form::Form;
use super::views::goals::{self, GoalForm};
use super::views::meetings::{self, MeetingForm};
use super::views::mentors::{self, MentorForm};
use super::views::reflections::{self, ReflectionForm};
use super::views::{commitments, feedback, gratitude};
use crate::store::StoreError;

/// What an open form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum FormPurpose {
    Mentors(MentorForm),
    Reflections(ReflectionForm),
    Goals(GoalForm),
    Meetings(MeetingForm),
    Feedback(feedback::FeedbackForm),
    Commitments(commitments::CommitmentForm),
    Gratitude(gratitude::GratitudeForm),
}

/// A form on screen and what it is for.
#[derive(Debug, Clone)]
pub struct OpenForm {
    pub form: Form,
    pub purpose: FormPurpose,
}

/// Why a form could not be saved.
#[derive(Debug)]
pub enum SaveError {
    /// A field's value is refused: shown beside the field, the form stays open.
    Field { name: &'static str, message: String },
    /// The store failed: shown in the status bar, the form stays open.
    Store(StoreError),
}

impl From<StoreError> for SaveError {
    fn from(err: StoreError) -> Self {
        SaveError::Store(err)
    }
}

/// Saves the form's values through the view that owns `purpose`.
pub fn save(app: &mut App, purpose: &FormPurpose, form: &Form) -> Result<(), SaveError> {
    match purpose {
        FormPurpose::Mentors(p) => mentors::save(app, p, form),
        FormPurpose::Reflections(p) => reflections::save(app, p, form),
        FormPurpose::Goals(p) => goals::save(app, p, form),
        FormPurpose::Meetings(p) => meetings::form::save(app, p, form),
        FormPurpose::Feedback(p) => feedback::save(app, p, form),
        FormPurpose::Commitments(p) => commitments::save(app, p, form),
        FormPurpose::Gratitude(p) => gratitude::save(app, p, form),
    }
}

/// Rebuilds the form a draft was typed into, from its key (`mentor:new`, `goal:12`…).
pub fn reopen(app: &App, draft_key: &str) -> Option<OpenForm> {
    let prefix = draft_key.split(':').next().unwrap_or("");
    match prefix {
        "mentor" => mentors::reopen(app, draft_key),
        "reflection" => reflections::reopen(app, draft_key),
        "goal" => goals::reopen(app, draft_key),
        "meeting" | "agenda" | "note" | "question" => meetings::form::reopen(app, draft_key),
        "feedback" | "experiment" => feedback::reopen(app, draft_key),
        "commitment" | "result" => commitments::reopen(app, draft_key),
        "thanks" | "thanks-sent" => gratitude::reopen(app, draft_key),
        _ => None,
    }
}

/// Lets the view that owns the open form redraw what depends on its values (a live check in
/// the side panel); called when a form opens and on every change.
pub fn refresh(app: &mut App) {
    if let Some(FormPurpose::Goals(_)) = app.form().map(|o| &o.purpose) {
        goals::refresh_panel(app);
    }
}
