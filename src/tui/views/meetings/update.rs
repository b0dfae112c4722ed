//! What the Meetings view's keys do: the only place this view writes to the store.

use super::agenda::Pane;
use super::keys::MeetingsAction;
use super::{MeetingsView, Mode, template};
use crate::domain::MeetingStatus;
use crate::domain::RecordKind;
use crate::i18n::{Label, fill};
use crate::store::Result;
use crate::tui::ctx::Ctx;
use crate::tui::effect::{Confirm, Effect};
use crate::tui::purpose::FormPurpose;
use crate::tui::purpose::MeetingForm;
use crate::tui::views::list::Cursor;

/// Applies one of the view's actions.
pub fn update(ctx: &mut Ctx, v: &mut MeetingsView, action: MeetingsAction) -> Result<Effect> {
    use MeetingsAction as A;
    let t = ctx.text();
    let form = |p: MeetingForm| Effect::OpenForm(FormPurpose::Meetings(p));
    Ok(match action {
        A::New => {
            if ctx.store.mentor_names()?.is_empty() {
                return Ok(Effect::say(t.meetings.need_mentor));
            }
            form(MeetingForm::New)
        }
        A::Edit => match current_meeting(v) {
            Some(id) => form(MeetingForm::Edit(id)),
            None => nothing_selected(ctx),
        },
        A::Delete => match v.selected() {
            Some(s) => {
                let name = format!(
                    "{} {}",
                    s.mentor_name,
                    s.meeting.starts_at.format("%Y-%m-%d %H:%M")
                );
                Effect::Confirm(Confirm::delete(t, RecordKind::Meeting, s.meeting.id, &name))
            }
            None => nothing_selected(ctx),
        },
        A::OpenAgenda => open_agenda(ctx, v)?,
        A::InMeeting => in_meeting(ctx, v)?,
        A::ToggleReady => toggle_ready(ctx, v)?,
        // `s`: the recap of a held meeting; the app opens it over the view.
        A::Recap => match v.selected() {
            Some(s) if s.meeting.status == crate::domain::MeetingStatus::Held => {
                Effect::OpenRecap(s.meeting.id)
            }
            Some(_) => Effect::say(ctx.text().recap.no_recap_not_held),
            None => nothing_selected(ctx),
        },
        A::NewItem => match v.builder.meeting_id() {
            Some(id) => form(MeetingForm::NewItem(id)),
            None => Effect::None,
        },
        A::EditItem => edit_item(ctx, v),
        A::DeleteItem => match v.builder.item() {
            Some(a) => Effect::Confirm(Confirm::delete(t, RecordKind::AgendaItem, a.id, &a.text)),
            None => nothing_selected(ctx),
        },
        A::MoveItemDown => move_item(ctx, v, 1)?,
        A::MoveItemUp => move_item(ctx, v, -1)?,
        A::SwitchPane => {
            let b = &mut v.builder;
            b.pane = match b.pane {
                Pane::Items => Pane::Suggestions,
                Pane::Suggestions => Pane::Items,
            };
            Effect::None
        }
        A::AcceptSuggestion => accept(ctx, v)?,
        A::Activate => match v.builder.pane {
            Pane::Items => edit_item(ctx, v),
            Pane::Suggestions => accept(ctx, v)?,
        },
        A::ApplyTemplate => apply_template(ctx, v)?,
        A::Back => {
            v.mode = match v.mode {
                Mode::Live => v.live_from,
                _ => Mode::List,
            };
            v.load(ctx.store, ctx.now)?;
            Effect::None
        }
        A::MarkDiscussed => match v.builder.item().cloned() {
            Some(a) => {
                ctx.store.set_discussed(a.id, !a.discussed)?;
                v.load(ctx.store, ctx.now)?;
                Effect::None
            }
            None => nothing_selected(ctx),
        },
        A::JotNote => match v.builder.item() {
            Some(a) => form(MeetingForm::Note(a.id)),
            None => nothing_selected(ctx),
        },
        A::ParkQuestion => form(MeetingForm::Question),
    })
}

fn nothing_selected(ctx: &Ctx) -> Effect {
    Effect::say(ctx.text().common.nothing_selected)
}

/// The meeting the keys act on: the builder's once it is open, else the list's selection.
fn current_meeting(v: &MeetingsView) -> Option<i64> {
    match v.mode {
        Mode::List => v.selected().map(|s| s.meeting.id),
        _ => v.builder.meeting_id(),
    }
}

/// `Enter` on the list: opens the agenda builder of the selected planned meeting.
pub fn open_agenda(ctx: &mut Ctx, v: &mut MeetingsView) -> Result<Effect> {
    let Some(s) = v.selected().cloned() else {
        return Ok(nothing_selected(ctx));
    };
    if s.meeting.status != MeetingStatus::Planned {
        let status = s.meeting.status.label(&ctx.text().labels);
        return Ok(Effect::Message(fill!(
            ctx.text().meetings.not_planned,
            status = status
        )));
    }
    v.builder.load(ctx.store, s.meeting.id, ctx.now)?;
    v.builder.pane = Pane::Items;
    v.mode = Mode::Builder;
    Ok(Effect::None)
}

/// `m`: in-meeting mode for the builder's meeting or the selected one, on its first item
/// not yet discussed.
fn in_meeting(ctx: &mut Ctx, v: &mut MeetingsView) -> Result<Effect> {
    let Some(id) = current_meeting(v) else {
        return Ok(nothing_selected(ctx));
    };
    if ctx.store.meeting(id)?.status == MeetingStatus::Cancelled {
        return Ok(Effect::say(ctx.text().meetings.cancelled_no_live));
    }
    v.builder.load(ctx.store, id, ctx.now)?;
    let b = &mut v.builder;
    b.items_cursor = Cursor {
        pos: b.items.iter().position(|a| !a.discussed).unwrap_or(0),
    };
    v.live_from = if v.mode == Mode::Live {
        v.live_from
    } else {
        v.mode
    };
    v.mode = Mode::Live;
    Ok(Effect::None)
}

/// `r`: the agenda is ready to send, or back to draft. An empty agenda cannot be ready.
fn toggle_ready(ctx: &mut Ctx, v: &mut MeetingsView) -> Result<Effect> {
    let Some(id) = current_meeting(v) else {
        return Ok(nothing_selected(ctx));
    };
    let summary = ctx.store.meeting_summary(id)?;
    let t = &ctx.text().meetings;
    let ready = !summary.meeting.agenda_ready;
    if ready && summary.items == 0 {
        return Ok(Effect::say(t.ready_needs_items));
    }
    ctx.store.set_agenda_ready(id, ready)?;
    v.load(ctx.store, ctx.now)?;
    let over = summary
        .planned_minutes
        .checked_sub(summary.meeting.minutes)
        .filter(|n| *n > 0);
    Ok(match (ready, over) {
        // Ready to send, but it asks for more of their time than the meeting has: say so.
        (true, Some(over)) => Effect::say(fill!(
            t.marked_ready_over,
            planned = summary.planned_minutes,
            length = summary.meeting.minutes,
            over = over
        )),
        (true, None) => Effect::say(t.marked_ready),
        (false, _) => Effect::say(t.marked_draft),
    })
}

fn edit_item(ctx: &Ctx, v: &MeetingsView) -> Effect {
    match v.builder.item() {
        Some(a) => Effect::OpenForm(FormPurpose::Meetings(MeetingForm::EditItem(a.id))),
        None => nothing_selected(ctx),
    }
}

fn move_item(ctx: &mut Ctx, v: &mut MeetingsView, delta: isize) -> Result<Effect> {
    let b = &v.builder;
    if b.pane != Pane::Items {
        return Ok(Effect::None);
    }
    let Some(a) = b.item().cloned() else {
        return Ok(nothing_selected(ctx));
    };
    let pos = ctx.store.move_agenda_item(a.id, delta)?;
    v.load(ctx.store, ctx.now)?;
    v.builder.items_cursor = Cursor { pos };
    Ok(Effect::None)
}

/// Accepts the selected suggestion; the suggestions cursor stays put, on the next one.
fn accept(ctx: &mut Ctx, v: &mut MeetingsView) -> Result<Effect> {
    let b = &v.builder;
    let (Some(id), Some(mut s)) = (b.meeting_id(), b.suggestion().cloned()) else {
        return Ok(Effect::say(ctx.text().meetings.nothing_to_accept));
    };
    s.text = super::agenda::suggestion_text(&s, ctx.lang).into_owned();
    ctx.store.accept_suggestion(id, &s)?;
    v.load(ctx.store, ctx.now)?;
    let text = crate::tui::ui::fit(
        &crate::domain::text::clean_line(&ctx.user_text(&s.text, s.private)),
        40,
    );
    Ok(Effect::Message(fill!(
        ctx.text().meetings.accepted,
        text = text
    )))
}

/// `t`: fills an empty agenda from the shipped template (the kick-off one for the first
/// meeting with a mentor).
fn apply_template(ctx: &mut Ctx, v: &mut MeetingsView) -> Result<Effect> {
    let b = &v.builder;
    let t = &ctx.text().meetings;
    let Some(id) = b.meeting_id() else {
        return Ok(Effect::None);
    };
    if !b.items.is_empty() {
        return Ok(Effect::say(t.template_not_empty));
    }
    let (text, applied) = if b.kickoff {
        (template::kickoff_text(ctx.lang), t.kickoff_applied)
    } else {
        (template::text(ctx.lang), t.template_applied)
    };
    match template::parse(text, id) {
        Ok(items) => {
            ctx.store.add_agenda_items(&items)?;
            v.builder.pane = Pane::Items;
            v.load(ctx.store, ctx.now)?;
            Ok(Effect::Message(fill!(applied, count = items.len())))
        }
        Err(bad) => Ok(Effect::Message(fill!(
            t.template_bad,
            number = bad.number,
            line = bad.line
        ))),
    }
}
