//! The debrief of a meeting: one guided flow, step by step — what was discussed, notes with
//! the shipped prompts, feedback received, commitments made, thanks, the next meeting.
//!
//! The whole flow's state is kept as one draft (`debrief:<meeting id>`) as it changes, so
//! leaving half-way (Esc, a crash, `q`) loses nothing, and opening the debrief of the same
//! meeting again picks it up. Saving writes everything in one transaction and forgets the
//! draft (see [`crate::store::DebriefPlan`]).

pub mod choices;
mod plan;
mod render;
pub mod steps;

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use serde::{Deserialize, Serialize};

use crate::domain::{AgendaItem, Meeting, MeetingStatus};
use crate::i18n::fill;
use crate::store::Result;
use crate::tui::app::App;
use crate::tui::form::{Form, FormOutcome};
use crate::tui::keys::{Action, Binding, Key, bind};
use crate::tui::overlay::{Overlay, top_debrief};
use steps::Step;

/// What the debrief's keys (and the Meetings view's `D`) do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefAction {
    /// Start (or resume) the debrief of the meeting selected in the Meetings view.
    Start,
    /// `Ctrl-S`: add the entry, or go to the next step; on the last step, save everything.
    Next,
    /// `Ctrl-B`: back one step.
    Back,
    /// `Esc`: leave; the draft keeps everything.
    Leave,
    /// `Ctrl-D`: remove the last feedback or commitment noted in this step.
    RemoveLast,
}

/// Keys while the debrief is open (the step's form gets every other key).
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ctrl('s')],
        Action::Debrief(DebriefAction::Next),
        "Ctrl-S",
        |t| t.debrief.key_next,
        true,
    ),
    bind(
        &[Key::ctrl('b')],
        Action::Debrief(DebriefAction::Back),
        "Ctrl-B",
        |t| t.debrief.key_back,
        true,
    ),
    bind(
        &[Key::ctrl('d')],
        Action::Debrief(DebriefAction::RemoveLast),
        "Ctrl-D",
        |t| t.debrief.key_remove,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::Debrief(DebriefAction::Leave),
        "Esc",
        |t| t.debrief.key_leave,
        true,
    ),
    bind(
        &[Key::ctrl('c')],
        Action::Quit,
        "Ctrl-C",
        |t| t.common.key_quit,
        false,
    ),
];

/// The Meetings view's `D`.
pub const START: Binding = bind(
    &[Key::ch('D')],
    Action::Debrief(DebriefAction::Start),
    "D",
    |t| t.debrief.key_debrief,
    true,
);

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
    pub mentor_channel: String,
    pub agenda: Vec<AgendaItem>,
    /// Goal picker options for feedback.
    pub goals: choices::Options,
    pub state: DebriefState,
    /// The current step's form.
    pub form: Form,
    title_style: Style,
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
    format!("debrief:{meeting_id}")
}

/// Opens the debrief of `meeting_id`, restoring its draft if one was left.
pub fn start(app: &mut App, meeting_id: i64) -> Result<()> {
    let t = app.text();
    let meeting = app.store.meeting(meeting_id)?;
    if meeting.status == MeetingStatus::Cancelled {
        app.message = Some(t.debrief.cancelled_meeting.to_string());
        return Ok(());
    }
    let mentor = app.store.mentor(meeting.mentor_id)?;
    let restored = app
        .store
        .draft(&draft_key(meeting_id))?
        .and_then(|json| serde_json::from_str::<DebriefState>(&json).ok())
        .filter(|s| s.meeting_id == meeting_id);
    let state = restored.clone().unwrap_or(DebriefState {
        meeting_id,
        ..DebriefState::default()
    });
    let mut d = Debrief {
        agenda: app.store.agenda_of(meeting_id)?,
        goals: steps::goal_options(&app.store, t.debrief.none_choice)?,
        meeting,
        mentor_name: mentor.name,
        mentor_channel: mentor.channel,
        state,
        form: Form::builder("", "").build(),
        title_style: app.theme.title,
    };
    d.form = form_for(&d, d.step(), app);
    app.overlays.push(Overlay::Debrief(Box::new(d)));
    app.message = restored.map(|_| t.debrief.draft_restored.to_string());
    persist(app);
    Ok(())
}

/// Resumes the debrief a draft left behind (the start-up offer of drafts).
pub fn restore(app: &mut App, draft_key: &str) -> Result<bool> {
    match draft_key
        .strip_prefix("debrief:")
        .and_then(|id| id.parse::<i64>().ok())
    {
        Some(id) if app.store.meeting(id).is_ok() => start(app, id).map(|()| true),
        _ => Ok(false),
    }
}

/// The form of `step`, with what was typed into it before.
fn form_for(d: &Debrief, step: Step, app: &App) -> Form {
    let mut form = steps::build(d, step, app.text(), app.lang);
    match d.state.forms.get(step.name()) {
        Some(json) => {
            let _ = form.restore_draft(&json.to_string());
        }
        None if step == Step::Commitments && d.state.commitments.is_empty() => {
            // The "one action" note is the obvious first commitment.
            let action = d
                .state
                .forms
                .get(Step::Notes.name())
                .map(|json| {
                    let mut notes = steps::build(d, Step::Notes, app.text(), app.lang);
                    let _ = notes.restore_draft(&json.to_string());
                    notes.text(steps::ACTION)
                })
                .unwrap_or_default();
            if !action.trim().is_empty()
                && let Some(i) = form.index("text")
            {
                form.set_field_text(i, action.trim(), app.clock.today());
            }
        }
        None => {}
    }
    form
}

/// Takes the debrief off the overlays.
fn close(app: &mut App) {
    if matches!(app.overlays.last(), Some(Overlay::Debrief(_))) {
        app.overlays.pop();
    }
}

/// Saves the whole state as the draft (called after every change).
fn persist(app: &mut App) {
    let Some(d) = top_debrief(&mut app.overlays) else {
        return;
    };
    let form = serde_json::from_str(&d.form.to_draft()).unwrap_or_default();
    d.state.forms.insert(d.step().name().to_string(), form);
    let result = serde_json::to_string(&d.state)
        .map_err(|e| e.to_string())
        .and_then(|json| {
            app.store
                .save_draft(&d.draft_key(), &json)
                .map_err(|e| e.to_string())
        });
    if let Err(err) = result {
        app.message = Some(format!("{}: {err}", app.text().common.error_prefix));
    }
}

/// A key while the debrief is open.
pub fn handle_key(app: &mut App, key: KeyEvent) {
    app.message = None;
    if let Some(action) = crate::tui::keys::lookup(&[KEYS], &key) {
        app.update(action);
        return;
    }
    let today = app.clock.today();
    let Some(d) = top_debrief(&mut app.overlays) else {
        return;
    };
    match d.form.handle_key(key, today) {
        FormOutcome::Changed => persist(app),
        FormOutcome::Save => app.update(Action::Debrief(DebriefAction::Next)),
        FormOutcome::Cancel => app.update(Action::Debrief(DebriefAction::Leave)),
        FormOutcome::OpenEditor { .. } => {
            app.message = Some(app.text().debrief.no_editor.to_string())
        }
        FormOutcome::Nothing => {}
    }
}

/// Pasted text goes into the step's form.
pub fn paste(app: &mut App, text: &str) {
    let today = app.clock.today();
    if let Some(d) = top_debrief(&mut app.overlays)
        && d.form.paste(text, today) == FormOutcome::Changed
    {
        persist(app);
    }
}

/// Applies one of the debrief's actions.
pub fn update(app: &mut App, action: DebriefAction) -> Result<()> {
    match action {
        DebriefAction::Start => {
            let v = &app.views.meetings;
            match v.selected().map(|r| r.meeting.id) {
                Some(id) => start(app, id)?,
                None => app.message = Some(app.text().common.nothing_selected.to_string()),
            }
        }
        DebriefAction::Next => next(app)?,
        DebriefAction::Back => {
            persist(app);
            if let Some(d) = app.debrief()
                && d.state.step > 0
            {
                go_to(app, d.state.step - 1);
            }
        }
        DebriefAction::Leave => {
            persist(app);
            close(app);
            app.message = Some(app.text().debrief.left.to_string());
        }
        DebriefAction::RemoveLast => {
            let t = app.text();
            let Some(d) = top_debrief(&mut app.overlays) else {
                return Ok(());
            };
            let removed = match d.step() {
                Step::Feedback => d.state.feedback.pop().is_some(),
                Step::Commitments => d.state.commitments.pop().is_some(),
                _ => false,
            };
            app.message = Some(
                if removed {
                    t.debrief.removed
                } else {
                    t.debrief.nothing_to_remove
                }
                .to_string(),
            );
            if removed {
                refresh_form(app);
            }
        }
    }
    Ok(())
}

/// Rebuilds the step's form (its side panel lists the entries) keeping what was typed.
fn refresh_form(app: &mut App) {
    persist(app);
    if let Some(d) = app.debrief() {
        go_to(app, d.state.step);
    }
}

/// Shows step `index` with what was typed into it before.
fn go_to(app: &mut App, index: usize) {
    let Some(d) = app.debrief() else { return };
    let step = Step::at(index);
    let form = form_for(d, step, app);
    if let Some(d) = top_debrief(&mut app.overlays) {
        d.state.step = index;
        d.form = form;
    }
    persist(app);
}

/// `Ctrl-S`: checks the step's fields, adds an entry or moves on; saves on the last step.
fn next(app: &mut App) -> Result<()> {
    let today = app.clock.today();
    let t = app.text();
    let Some(d) = top_debrief(&mut app.overlays) else {
        return Ok(());
    };
    // The form checks its fields (dates, required) exactly as on its own Ctrl-S.
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    if d.form.handle_key(ctrl_s, today) != FormOutcome::Save {
        return Ok(());
    }
    let step = d.step();
    let text = d.form.text("text");
    match step {
        Step::Feedback if !text.trim().is_empty() => {
            d.state.feedback.push(FeedbackEntry {
                kind: d.form.choice("kind").to_string(),
                text: text.trim().to_string(),
                reaction: d.form.text("reaction").trim().to_string(),
                goal_id: choices::id(d.form.choice("goal")),
            });
            d.state.forms.remove(step.name());
            d.form = steps::build(d, step, t, app.lang);
            persist(app);
        }
        Step::Commitments if !text.trim().is_empty() => {
            let Some(due) = d.form.date("due", today) else {
                d.form.set_error("due", t.debrief.due_required);
                return Ok(());
            };
            d.state.commitments.push(CommitmentEntry {
                owner: d.form.choice("owner").to_string(),
                text: text.trim().to_string(),
                due: due.to_string(),
            });
            d.state.forms.remove(step.name());
            d.form = steps::build(d, step, t, app.lang);
            persist(app);
        }
        Step::Next => {
            if steps::parse_time(&d.form.text("time")).is_none() {
                d.form.set_error("time", t.debrief.bad_time);
                return Ok(());
            }
            persist(app);
            save(app)?;
        }
        _ => {
            let index = d.state.step + 1;
            go_to(app, index);
        }
    }
    Ok(())
}

/// Saves the debrief in one transaction; on failure it stays open and nothing is written.
fn save(app: &mut App) -> Result<()> {
    let Some(d) = app.debrief() else {
        return Ok(());
    };
    let plan = plan::plan(d, app);
    let saved = app.store.save_debrief(&plan)?;
    close(app);
    app.message = Some(fill!(
        app.text().debrief.saved,
        feedback = saved.feedback.len(),
        commitments = saved.commitments.len()
    ));
    if let crate::tui::app::Screen::View(view) = app.screen {
        app.load(view)?;
    }
    Ok(())
}
