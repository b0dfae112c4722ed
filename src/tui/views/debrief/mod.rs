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
pub mod state;
pub mod steps;

pub use state::{CommitmentEntry, Debrief, DebriefState, FeedbackEntry, draft_key};

pub use crate::tui::action::DebriefAction;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::MeetingStatus;
use crate::domain::text::clean_line;
use crate::i18n::fill;
use crate::store::Result;
use crate::tui::ctx::Ctx;
use crate::tui::effect::{Confirm, ConfirmAction, Effect};
use crate::tui::form::{Form, FormOutcome};
use crate::tui::keys::{Action, Binding, Key, bind};
use crate::tui::purpose::{FormPurpose, GoalForm};
use steps::Step;

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
        &[Key::ctrl('w')],
        Action::Debrief(DebriefAction::Win),
        "Ctrl-W",
        |t| t.wins.key_win,
        // The step's hint line names it; the status bar keeps room for `Esc`.
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

/// `D` on meeting `meeting_id`: `None` to open its debrief at once, or the question to ask
/// first (a planned meeting that has not begun would be marked held).
pub fn start(ctx: &Ctx, meeting_id: i64) -> Result<Option<Effect>> {
    let meeting = ctx.store.meeting(meeting_id)?;
    if meeting.status != MeetingStatus::Planned || meeting.starts_at <= ctx.now {
        return Ok(None);
    }
    let t = &ctx.text().debrief;
    let mentor = ctx.store.mentor(meeting.mentor_id)?;
    Ok(Some(Effect::Confirm(Confirm {
        prompt: fill!(
            t.confirm_not_yet,
            name = crate::tui::ui::fit(
                &clean_line(&ctx.mentor_name(&mentor.name, mentor.private)),
                30
            ),
            when = meeting.starts_at.format("%Y-%m-%d %H:%M")
        ),
        on_yes: ConfirmAction::Debrief { meeting_id },
    })))
}

/// Opens the debrief of `meeting_id`, restoring its draft if one was left; `None` (with
/// the reason) for a cancelled meeting.
pub fn open(ctx: &mut Ctx, meeting_id: i64) -> Result<(Option<Debrief>, Effect)> {
    let t = ctx.text();
    let meeting = ctx.store.meeting(meeting_id)?;
    if meeting.status == MeetingStatus::Cancelled {
        return Ok((None, Effect::say(t.debrief.cancelled_meeting)));
    }
    let mentor = ctx.store.mentor(meeting.mentor_id)?;
    let restored = ctx
        .store
        .draft(&draft_key(meeting_id))?
        .and_then(|json| serde_json::from_str::<DebriefState>(&json).ok())
        .filter(|s| s.meeting_id == meeting_id);
    let said = match restored {
        Some(_) => Effect::say(t.debrief.draft_restored),
        // Debriefed before: what is written now adds to it, and it says what is there.
        None if meeting.status == MeetingStatus::Held => {
            let earlier = ctx.store.outcomes_of(meeting_id, 500)?;
            Effect::say(fill!(
                t.debrief.adds_to_earlier,
                feedback = earlier.feedback.len(),
                commitments = earlier.commitments.len()
            ))
        }
        None => Effect::None,
    };
    let state = restored.unwrap_or(DebriefState {
        meeting_id,
        ..DebriefState::default()
    });
    let mut d = Debrief {
        agenda: ctx.store.agenda_of(meeting_id)?,
        goals: steps::goal_options(ctx, t.debrief.none_choice)?,
        meeting,
        mentor_name: mentor.name,
        mentor_private: mentor.private,
        masking: ctx.masking(),
        // Not offered while hidden: the form would show it (and could save the placeholder).
        mentor_channel: match ctx.masking().text(mentor.private) {
            Some(_) => String::new(),
            None => mentor.channel,
        },
        state,
        form: Form::builder("").build(),
        title_style: ctx.theme.title,
    };
    d.form = form_for(&d, d.step(), ctx);
    let persisted = persist(ctx, &mut d);
    Ok((Some(d), said.and(persisted)))
}

/// The form of `step`, with what was typed into it before.
fn form_for(d: &Debrief, step: Step, ctx: &Ctx) -> Form {
    let mut form = steps::build(d, step, ctx.text(), ctx.lang);
    form.read_slash_dates(ctx.config.date_format.slash_dates());
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
                    let mut notes = steps::build(d, Step::Notes, ctx.text(), ctx.lang);
                    let _ = notes.restore_draft(&json.to_string());
                    notes.text(steps::ACTION)
                })
                .unwrap_or_default();
            if !action.trim().is_empty()
                && let Some(i) = form.index("text")
            {
                form.set_field_text(i, action.trim(), ctx.today());
            }
        }
        None => {}
    }
    form
}

/// Saves the whole state as the draft (after every change); says so when it cannot.
fn persist(ctx: &mut Ctx, d: &mut Debrief) -> Effect {
    let form = serde_json::from_str(&d.form.to_draft()).unwrap_or_default();
    d.state.forms.insert(d.step().name().to_string(), form);
    let result = serde_json::to_string(&d.state)
        .map_err(|e| e.to_string())
        .and_then(|json| {
            ctx.store
                .save_draft(&d.draft_key(), &json)
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(()) => Effect::None,
        Err(err) => Effect::Message(format!("{}: {err}", ctx.text().common.error_prefix)),
    }
}

/// A key typed into the step's form (the debrief's own keys are actions).
pub fn key(ctx: &mut Ctx, d: &mut Debrief, key: KeyEvent) -> Result<Effect> {
    match d.form.handle_key(key, ctx.today()) {
        FormOutcome::Changed => Ok(persist(ctx, d)),
        FormOutcome::Save => update(ctx, d, DebriefAction::Next),
        FormOutcome::Cancel => update(ctx, d, DebriefAction::Leave),
        FormOutcome::OpenEditor { .. } => Ok(Effect::say(ctx.text().debrief.no_editor)),
        FormOutcome::Nothing => Ok(Effect::None),
    }
}

/// Pasted text goes into the step's form.
pub fn paste(ctx: &mut Ctx, d: &mut Debrief, text: &str) -> Effect {
    if d.form.paste(text, ctx.today()) == FormOutcome::Changed {
        persist(ctx, d)
    } else {
        Effect::None
    }
}

/// Applies one of the debrief's actions (starting one is the app's: it opens the overlay).
pub fn update(ctx: &mut Ctx, d: &mut Debrief, action: DebriefAction) -> Result<Effect> {
    let t = ctx.text();
    Ok(match action {
        DebriefAction::Start | DebriefAction::Open(_) => Effect::None,
        DebriefAction::Next => next(ctx, d)?,
        DebriefAction::Back => {
            let persisted = persist(ctx, d);
            if d.state.step > 0 {
                persisted.and(go_to(ctx, d, d.state.step - 1))
            } else {
                persisted
            }
        }
        // The win form opens over the debrief, which stays as it is (its draft saved).
        DebriefAction::Win => {
            persist(ctx, d).and(Effect::OpenForm(FormPurpose::Goals(GoalForm::Win {
                goal: None,
                meeting: Some(d.meeting.id),
            })))
        }
        DebriefAction::Leave => persist(ctx, d)
            .and(Effect::Close)
            .and(Effect::say(t.debrief.left)),
        DebriefAction::RemoveLast => {
            let removed = match d.step() {
                Step::Feedback => d.state.feedback.pop().is_some(),
                Step::Commitments => d.state.commitments.pop().is_some(),
                _ => false,
            };
            if removed {
                // Rebuild the step's form (its side panel lists the entries), keeping what
                // was typed.
                let persisted = persist(ctx, d);
                Effect::say(t.debrief.removed)
                    .and(persisted)
                    .and(go_to(ctx, d, d.state.step))
            } else {
                Effect::say(t.debrief.nothing_to_remove)
            }
        }
    })
}

/// Shows step `index` with what was typed into it before.
fn go_to(ctx: &mut Ctx, d: &mut Debrief, index: usize) -> Effect {
    let step = Step::at(index);
    d.form = form_for(d, step, ctx);
    d.state.step = index;
    persist(ctx, d)
}

/// `Ctrl-S`: checks the step's fields, adds an entry or moves on; saves on the last step.
fn next(ctx: &mut Ctx, d: &mut Debrief) -> Result<Effect> {
    let today = ctx.today();
    let t = ctx.text();
    // The form checks its fields (dates, required) exactly as on its own Ctrl-S.
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    if d.form.handle_key(ctrl_s, today) != FormOutcome::Save {
        return Ok(Effect::None);
    }
    let step = d.step();
    let text = d.form.text("text");
    Ok(match step {
        Step::Feedback if !text.trim().is_empty() => {
            d.state.feedback.push(FeedbackEntry {
                kind: d.form.choice("kind").to_string(),
                text: text.trim().to_string(),
                reaction: d.form.text("reaction").trim().to_string(),
                goal_id: choices::id(d.form.choice("goal")),
            });
            d.state.forms.remove(step.name());
            d.form = steps::build(d, step, t, ctx.lang);
            d.form
                .read_slash_dates(ctx.config.date_format.slash_dates());
            persist(ctx, d)
        }
        Step::Commitments if !text.trim().is_empty() => {
            let Some(due) = d.form.date("due", today) else {
                d.form.set_error("due", t.debrief.due_required);
                return Ok(Effect::None);
            };
            d.state.commitments.push(CommitmentEntry {
                owner: d.form.choice("owner").to_string(),
                text: text.trim().to_string(),
                due: due.to_string(),
            });
            d.state.forms.remove(step.name());
            d.form = steps::build(d, step, t, ctx.lang);
            d.form
                .read_slash_dates(ctx.config.date_format.slash_dates());
            persist(ctx, d)
        }
        Step::Next => {
            if d.form.time("time").is_none() {
                d.form.set_error("time", t.debrief.bad_time);
                return Ok(Effect::None);
            }
            persist(ctx, d).and(save(ctx, d)?)
        }
        _ => go_to(ctx, d, d.state.step + 1),
    })
}

/// Saves the debrief in one transaction; on failure it stays open and nothing is written.
fn save(ctx: &mut Ctx, d: &Debrief) -> Result<Effect> {
    let plan = plan::plan(d, ctx);
    // The first meeting with this mentor: its debrief offers the agreement it settled.
    let kickoff =
        crate::domain::kickoff::is_kickoff(ctx.store.suggest_input(d.meeting.id)?.last_held);
    let saved = ctx.store.save_debrief(&plan)?;
    let t = ctx.text();
    let shared = !d.meeting.private && !d.mentor_private;
    // The last step: the recap to send, then (for a kick-off) the agreement, both skippable.
    let recap = match shared {
        true => Effect::OpenRecap(d.meeting.id),
        false => Effect::None,
    };
    let agreement = match kickoff {
        true => Effect::Confirm(Confirm {
            prompt: fill!(
                t.recap.agreement_ask,
                mentor = ctx.mentor_name(&d.mentor_name, d.mentor_private)
            ),
            on_yes: ConfirmAction::FillAgreement {
                meeting_id: d.meeting.id,
            },
        }),
        false => Effect::None,
    };
    Ok(Effect::Close
        .and(Effect::Message(fill!(
            t.debrief.saved,
            feedback = saved.feedback.len(),
            commitments = saved.commitments.len()
        )))
        .and(Effect::Reload)
        .and(recap)
        .and(agreement))
}
