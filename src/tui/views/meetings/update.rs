//! What the Meetings view's keys do: the only place this view writes to the store.

use super::super::{Cursor, View};
use super::agenda::Pane;
use super::form::{self, MeetingForm};
use super::keys::MeetingsAction;
use super::{Mode, template};
use crate::domain::MeetingStatus;
use crate::domain::RecordKind;
use crate::i18n::{Label, fill};
use crate::store::Result;
use crate::tui::app::App;
use crate::tui::forms::FormPurpose;

/// Applies one of the view's actions.
pub fn update(app: &mut App, action: MeetingsAction) -> Result<()> {
    use MeetingsAction as A;
    match action {
        A::New => {
            if app.store.mentor_names()?.is_empty() {
                app.message = Some(app.text().meetings.need_mentor.to_string());
                return Ok(());
            }
            let form = form::meeting_form(app, None, "meeting:new")?;
            app.open_form(form, FormPurpose::Meetings(MeetingForm::New));
        }
        A::Edit => {
            let Some(m) = current_meeting(app) else {
                return nothing_selected(app);
            };
            let m = app.store.meeting(m)?;
            let form = form::meeting_form(app, Some(&m), &format!("meeting:{}", m.id))?;
            app.open_form(form, FormPurpose::Meetings(MeetingForm::Edit(m.id)));
        }
        A::Delete => {
            let Some(s) = app.views.meetings.selected().cloned() else {
                return nothing_selected(app);
            };
            let name = format!(
                "{} {}",
                s.mentor_name,
                s.meeting.starts_at.format("%Y-%m-%d %H:%M")
            );
            app.ask_delete(RecordKind::Meeting, s.meeting.id, &name);
        }
        A::OpenAgenda => open_agenda(app)?,
        A::InMeeting => in_meeting(app)?,
        A::ToggleReady => toggle_ready(app)?,
        A::NewItem => {
            if let Some(id) = app.views.meetings.builder.meeting_id() {
                let form = form::item_form(app, None, &format!("agenda:new:{id}"))?;
                app.open_form(form, FormPurpose::Meetings(MeetingForm::NewItem(id)));
            }
        }
        A::EditItem => edit_item(app)?,
        A::DeleteItem => {
            let Some(a) = app.views.meetings.builder.item().cloned() else {
                return nothing_selected(app);
            };
            app.ask_delete(RecordKind::AgendaItem, a.id, &a.text);
        }
        A::MoveItemDown => move_item(app, 1)?,
        A::MoveItemUp => move_item(app, -1)?,
        A::SwitchPane => {
            let b = &mut app.views.meetings.builder;
            b.pane = match b.pane {
                Pane::Items => Pane::Suggestions,
                Pane::Suggestions => Pane::Items,
            };
        }
        A::AcceptSuggestion => accept(app)?,
        A::Activate => match app.views.meetings.builder.pane {
            Pane::Items => edit_item(app)?,
            Pane::Suggestions => accept(app)?,
        },
        A::ApplyTemplate => apply_template(app)?,
        A::Back => {
            let v = &mut app.views.meetings;
            v.mode = match v.mode {
                Mode::Live => v.live_from,
                _ => Mode::List,
            };
            app.load(View::Meetings)?;
        }
        A::MarkDiscussed => {
            let Some(a) = app.views.meetings.builder.item().cloned() else {
                return nothing_selected(app);
            };
            app.store.set_discussed(a.id, !a.discussed)?;
            app.load(View::Meetings)?;
        }
        A::JotNote => {
            let Some(a) = app.views.meetings.builder.item().cloned() else {
                return nothing_selected(app);
            };
            let form = form::note_form(app, &a, &format!("note:{}", a.id));
            app.open_form(form, FormPurpose::Meetings(MeetingForm::Note(a.id)));
        }
        A::ParkQuestion => {
            let form = form::question_form(app, "question:new")?;
            app.open_form(form, FormPurpose::Meetings(MeetingForm::Question));
        }
    }
    Ok(())
}

fn nothing_selected(app: &mut App) -> Result<()> {
    app.message = Some(app.text().common.nothing_selected.to_string());
    Ok(())
}

/// The meeting the keys act on: the builder's once it is open, else the list's selection.
fn current_meeting(app: &App) -> Option<i64> {
    let v = &app.views.meetings;
    match v.mode {
        Mode::List => v.selected().map(|s| s.meeting.id),
        _ => v.builder.meeting_id(),
    }
}

/// `Enter` on the list: opens the agenda builder of the selected planned meeting.
pub fn open_agenda(app: &mut App) -> Result<()> {
    let Some(s) = app.views.meetings.selected().cloned() else {
        return nothing_selected(app);
    };
    if s.meeting.status != MeetingStatus::Planned {
        let status = s.meeting.status.label(&app.text().labels);
        app.message = Some(fill!(app.text().meetings.not_planned, status = status));
        return Ok(());
    }
    let now = app.clock.now();
    let v = &mut app.views.meetings;
    v.builder.load(&app.store, s.meeting.id, now)?;
    v.builder.pane = Pane::Items;
    v.mode = Mode::Builder;
    Ok(())
}

/// `m`: in-meeting mode for the builder's meeting or the selected one, on its first item
/// not yet discussed.
fn in_meeting(app: &mut App) -> Result<()> {
    let Some(id) = current_meeting(app) else {
        return nothing_selected(app);
    };
    if app.store.meeting(id)?.status == MeetingStatus::Cancelled {
        app.message = Some(app.text().meetings.cancelled_no_live.to_string());
        return Ok(());
    }
    let now = app.clock.now();
    let v = &mut app.views.meetings;
    v.builder.load(&app.store, id, now)?;
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
    Ok(())
}

/// `r`: the agenda is ready to send, or back to draft. An empty agenda cannot be ready.
fn toggle_ready(app: &mut App) -> Result<()> {
    let Some(id) = current_meeting(app) else {
        return nothing_selected(app);
    };
    let summary = app.store.meeting_summary(id)?;
    let t = &app.text().meetings;
    let ready = !summary.meeting.agenda_ready;
    if ready && summary.items == 0 {
        app.message = Some(t.ready_needs_items.to_string());
        return Ok(());
    }
    app.store.set_agenda_ready(id, ready)?;
    app.message = Some(
        if ready {
            t.marked_ready
        } else {
            t.marked_draft
        }
        .to_string(),
    );
    app.load(View::Meetings)
}

fn edit_item(app: &mut App) -> Result<()> {
    let Some(a) = app.views.meetings.builder.item().cloned() else {
        return nothing_selected(app);
    };
    let form = form::item_form(app, Some(&a), &format!("agenda:{}", a.id))?;
    app.open_form(form, FormPurpose::Meetings(MeetingForm::EditItem(a.id)));
    Ok(())
}

fn move_item(app: &mut App, delta: isize) -> Result<()> {
    let b = &app.views.meetings.builder;
    if b.pane != Pane::Items {
        return Ok(());
    }
    let Some(a) = b.item().cloned() else {
        return nothing_selected(app);
    };
    let pos = app.store.move_agenda_item(a.id, delta)?;
    app.load(View::Meetings)?;
    app.views.meetings.builder.items_cursor = Cursor { pos };
    Ok(())
}

/// Accepts the selected suggestion; the suggestions cursor stays put, on the next one.
fn accept(app: &mut App) -> Result<()> {
    let b = &app.views.meetings.builder;
    let (Some(id), Some(s)) = (b.meeting_id(), b.suggestion().cloned()) else {
        app.message = Some(app.text().meetings.nothing_to_accept.to_string());
        return Ok(());
    };
    app.store.accept_suggestion(id, &s)?;
    let text = crate::tui::ui::fit(&crate::domain::text::clean_line(&s.text), 40);
    app.message = Some(fill!(app.text().meetings.accepted, text = text));
    app.load(View::Meetings)
}

/// `t`: fills an empty agenda from the shipped template.
fn apply_template(app: &mut App) -> Result<()> {
    let b = &app.views.meetings.builder;
    let t = &app.text().meetings;
    let Some(id) = b.meeting_id() else {
        return Ok(());
    };
    if !b.items.is_empty() {
        app.message = Some(t.template_not_empty.to_string());
        return Ok(());
    }
    match template::parse(template::text(app.lang), id) {
        Ok(items) => {
            app.store.add_agenda_items(&items)?;
            app.message = Some(fill!(t.template_applied, count = items.len()));
            app.views.meetings.builder.pane = Pane::Items;
            app.load(View::Meetings)
        }
        Err(bad) => {
            app.message = Some(fill!(t.template_bad, number = bad.number, line = bad.line));
            Ok(())
        }
    }
}
