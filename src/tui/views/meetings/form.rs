//! The Meetings view's forms: plan or edit a meeting, add or edit an agenda item, jot a note
//! during the meeting, and park a question (from any view). Each has a draft key so an
//! unsaved form comes back after a crash: `meeting:new`, `meeting:ID`, `agenda:new:MEETING`,
//! `agenda:ID`, `note:ID`, `question:new`.

pub use crate::tui::purpose::MeetingForm;
use chrono::NaiveDateTime;

use super::{MeetingsView, Mode};
use crate::domain::cadence::propose_date;
use crate::domain::text::clean_line;
use crate::domain::{
    AgendaItem, AgendaKind, CommitmentStatus, FeedbackStatus, GoalStatus, Meeting, MeetingStatus,
    Question, parse_date_as,
};
use crate::i18n::{Label, fill};
use crate::store::Result;
use crate::tui::ctx::{Ctx, existing};
use crate::tui::edit::save_edit;
use crate::tui::effect::{Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::ui::fit;
use crate::tui::view::View;
use crate::tui::views::list::Cursor;

fn field_error(name: &'static str, message: &str) -> SaveError {
    SaveError::Field {
        name,
        message: message.to_string(),
    }
}

// ---- Meetings ----------------------------------------------------------------------------

/// A new meeting's proposed date and time, and the hint that says where the date comes from.
#[derive(Default)]
struct Proposal {
    date: String,
    time: String,
    hint: Option<String>,
}

/// The date and time proposed for a new meeting with `mentor_id`: one agreed cadence after
/// the latest meeting held or planned ([`propose_date`]), at that meeting's time of day;
/// empty when there is nothing to go by.
fn proposal(ctx: &Ctx, mentor_id: Option<i64>) -> Result<Proposal> {
    let Some(id) = mentor_id else {
        return Ok(Proposal::default());
    };
    let Some(mentor) = existing(ctx.store.mentor(id))? else {
        return Ok(Proposal::default());
    };
    let last = ctx.store.latest_meeting_of(id)?;
    let date = propose_date(last.map(|t| t.date()), mentor.cadence_days, ctx.today());
    let t = &ctx.text().meetings;
    let days = mentor.cadence_days.unwrap_or(0);
    let hint = date.map(|_| match last {
        Some(at) => fill!(
            t.proposed_after,
            days = days,
            date = ctx.config.date_format.format(at.date(), ctx.lang)
        ),
        None => fill!(t.proposed_first, days = days),
    });
    Ok(Proposal {
        date: date.map(|d| d.to_string()).unwrap_or_default(),
        time: last
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default(),
        hint,
    })
}

/// The plan/edit form of a meeting (`None`: a new one, with `mentor` or else the selected
/// meeting's mentor, on the date the cadence proposes).
fn meeting_form(
    ctx: &Ctx,
    v: &MeetingsView,
    meeting: Option<&Meeting>,
    mentor: Option<i64>,
) -> Result<Form> {
    let t = &ctx.text().meetings;
    let labels = &ctx.text().labels;
    let mentors: Vec<(String, String)> = ctx
        .store
        .mentors()?
        .into_iter()
        .map(|m| {
            let name = ctx.mentor_name(&m.name, m.private);
            (m.id.to_string(), clean_line(&name).into_owned())
        })
        .collect();
    let statuses = MeetingStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label(labels).to_string()))
        .collect();
    let mut hint = None;
    let (mentor, date, time, minutes, status, channel, notes, private) = match meeting {
        Some(m) => (
            m.mentor_id.to_string(),
            m.starts_at.date().to_string(),
            m.starts_at.format("%H:%M").to_string(),
            m.minutes.to_string(),
            m.status.code(),
            m.channel.clone(),
            m.notes.clone(),
            m.private,
        ),
        None => {
            let mentor = mentor.or(v.selected().map(|s| s.meeting.mentor_id));
            let proposed = proposal(ctx, mentor)?;
            hint = proposed.hint;
            (
                mentor.map(|id| id.to_string()).unwrap_or_default(),
                proposed.date,
                proposed.time,
                ctx.config.meeting_minutes.to_string(),
                MeetingStatus::Planned.code(),
                String::new(),
                String::new(),
                false,
            )
        }
    };
    let title = if meeting.is_some() {
        t.form_edit
    } else {
        t.form_new
    };
    let builder = Form::builder(title)
        .choice("mentor", t.f_mentor, mentors)
        .value("mentor", &mentor)
        .date("date", t.f_date)
        .required("date")
        .value("date", &date)
        .time("time", t.f_time)
        .required("time")
        .value("time", &time)
        .number("minutes", t.f_minutes)
        .required("minutes")
        .value("minutes", &minutes)
        .choice("status", t.f_status, statuses)
        .value("status", status)
        .line("channel", t.f_channel)
        .value("channel", &channel)
        .multi("notes", t.f_notes, 4)
        .value("notes", &notes)
        .toggle("private", t.f_private)
        .checked("private", private);
    Ok(match hint {
        Some(hint) => builder.hint("date", &hint),
        None => builder,
    }
    .build())
}

/// Saves the meeting form: a new meeting, or only the fields an edit changed
/// (`crate::tui::edit`). `apply_meeting` checks every value either way.
fn save_meeting(ctx: &mut Ctx, id: Option<i64>, form: &Form) -> Result<Effect, SaveError> {
    if let Some(id) = id {
        save_edit(ctx, id, form, apply_meeting)?;
        return Ok(Effect::Select(View::Meetings, id));
    }
    let mut m = Meeting::new(0, NaiveDateTime::default(), 0);
    apply_meeting(ctx, form, &mut m)?;
    let id = ctx.store.save_meeting(&m)?;
    Ok(Effect::Select(View::Meetings, id))
}

/// Puts the meeting form's values into `m`.
fn apply_meeting(ctx: &mut Ctx, form: &Form, m: &mut Meeting) -> Result<(), SaveError> {
    let t = &ctx.text().meetings;
    let today = ctx.today();
    let mentor_id: i64 = form
        .choice("mentor")
        .parse()
        .map_err(|_| field_error("mentor", t.need_mentor))?;
    let date = parse_date_as(&form.text("date"), today, form.slash_dates()).map_err(|e| {
        let shown = format!("“{}”", form.text("date").trim());
        field_error("date", &ctx.text().form.date_error(&e, &shown))
    })?;
    let time = form
        .time("time")
        .ok_or_else(|| field_error("time", t.time_bad))?;
    let minutes = match form.number("minutes") {
        Some(n) if n.fract() == 0.0 && (5.0..=480.0).contains(&n) => n as u32,
        _ => return Err(field_error("minutes", t.minutes_bad)),
    };
    m.mentor_id = mentor_id;
    m.starts_at = NaiveDateTime::new(date, time);
    m.minutes = minutes;
    m.status = form.choice("status").parse().unwrap_or(m.status);
    m.channel = form.text("channel");
    m.notes = form.text("notes");
    m.private = form.toggle("private");
    Ok(())
}

// ---- Agenda items ------------------------------------------------------------------------

/// The link choice's code for an item: `goal:3`, `commitment:4`, `feedback:5` or empty.
fn link_code(a: &AgendaItem) -> String {
    if let Some(id) = a.goal_id {
        format!("goal:{id}")
    } else if let Some(id) = a.commitment_id {
        format!("commitment:{id}")
    } else if let Some(id) = a.feedback_id {
        format!("feedback:{id}")
    } else {
        String::new()
    }
}

/// What an item can be linked to: active goals, open commitments, open feedback, and
/// whatever it is linked to now.
fn link_options(ctx: &Ctx, item: Option<&AgendaItem>) -> Result<Vec<(String, String)>> {
    let t = &ctx.text().meetings;
    let label = |template: &str, text: &str| fill!(template, text = fit(&clean_line(text), 48));
    let current = item.map(link_code).unwrap_or_default();
    let mut options = vec![(String::new(), t.link_none.to_string())];
    for g in ctx.store.goal_summaries(200)? {
        let code = format!("goal:{}", g.goal.id);
        if g.goal.status == GoalStatus::Active || code == current {
            options.push((code, label(t.link_goal, &g.goal.title)));
        }
    }
    for c in ctx.store.commitment_list(200)? {
        let code = format!("commitment:{}", c.commitment.id);
        if c.commitment.status == CommitmentStatus::Open || code == current {
            options.push((code, label(t.link_commitment, &c.commitment.text)));
        }
    }
    for f in ctx.store.feedback_list(200)? {
        let code = format!("feedback:{}", f.feedback.id);
        if f.feedback.status != FeedbackStatus::Done || code == current {
            options.push((code, label(t.link_feedback, &f.feedback.text)));
        }
    }
    Ok(options)
}

/// The add/edit form of an agenda item.
fn item_form(ctx: &Ctx, item: Option<&AgendaItem>) -> Result<Form> {
    let t = &ctx.text().meetings;
    let labels = &ctx.text().labels;
    let kinds = AgendaKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label(labels).to_string()))
        .collect();
    let title = if item.is_some() {
        t.item_form_edit
    } else {
        t.item_form_new
    };
    let mut b = Form::builder(title)
        .choice("kind", t.f_kind, kinds)
        .line("text", t.f_text)
        .required("text")
        .number("minutes", t.f_item_minutes)
        .line("outcome", t.f_outcome)
        .choice("link", t.f_link, link_options(ctx, item)?)
        .toggle("private", t.f_private);
    if let Some(a) = item {
        b = b
            .value("kind", a.kind.code())
            .value("text", &a.text)
            .value(
                "minutes",
                &a.minutes.map(|n| n.to_string()).unwrap_or_default(),
            )
            .value("outcome", &a.outcome)
            .value("link", &link_code(a))
            .checked("private", a.private);
    }
    Ok(b.build())
}

/// Saves the item form into a new item of `meeting` or into item `id`.
fn save_item(
    ctx: &mut Ctx,
    v: &mut MeetingsView,
    purpose: MeetingForm,
    form: &Form,
) -> Result<Effect, SaveError> {
    let t = &ctx.text().meetings;
    let minutes = match form.number("minutes") {
        None if form.text("minutes").trim().is_empty() => None,
        Some(n) if n.fract() == 0.0 && (1.0..=480.0).contains(&n) => Some(n as u32),
        _ => return Err(field_error("minutes", t.item_minutes_bad)),
    };
    let id = match purpose {
        MeetingForm::EditItem(id) => {
            // Only the fields the user changed (`crate::tui::edit`).
            save_edit(ctx, id, form, |_, form, a| {
                apply_item(form, minutes, a);
                Ok(())
            })?;
            id
        }
        MeetingForm::NewItem(meeting_id) => {
            let mut a = AgendaItem::new(meeting_id, AgendaKind::Topic, "");
            apply_item(form, minutes, &mut a);
            ctx.store.save_agenda_item(&a)?
        }
        _ => return Ok(Effect::None),
    };
    v.load(ctx.store, ctx.now)?;
    let b = &mut v.builder;
    if let Some(pos) = b.items.iter().position(|i| i.id == id) {
        b.items_cursor = Cursor { pos };
    }
    Ok(Effect::None)
}

/// Puts the item form's values into `a`.
fn apply_item(form: &Form, minutes: Option<u32>, a: &mut AgendaItem) {
    a.kind = form.choice("kind").parse().unwrap_or(a.kind);
    a.text = clean_line(form.text("text").trim()).into_owned();
    a.minutes = minutes;
    a.outcome = form.text("outcome");
    a.private = form.toggle("private");
    let link = form.choice("link").to_string();
    if link != link_code(a) {
        a.goal_id = None;
        a.commitment_id = None;
        a.feedback_id = None;
        let id = link.split_once(':').and_then(|(_, id)| id.parse().ok());
        match link.split(':').next() {
            Some("goal") => a.goal_id = id,
            Some("commitment") => a.commitment_id = id,
            Some("feedback") => a.feedback_id = id,
            _ => {}
        }
    }
}

// ---- Notes and questions -----------------------------------------------------------------

/// The in-meeting note form of an item.
fn note_form(ctx: &Ctx, item: &AgendaItem) -> Form {
    let t = &ctx.text().meetings;
    Form::builder(fill!(t.note_form, item = fit(&clean_line(&item.text), 50)))
        .multi("note", t.f_note, 4)
        .value("note", &item.note)
        .build()
}

/// The one-field form that parks a question (for the open meeting's mentor by default).
fn question_form(ctx: &Ctx, v: &MeetingsView) -> Result<Form> {
    let t = &ctx.text().meetings;
    let mut mentors = vec![(String::new(), t.any_mentor.to_string())];
    mentors.extend(ctx.store.mentors()?.into_iter().map(|m| {
        let name = ctx.mentor_name(&m.name, m.private);
        (m.id.to_string(), clean_line(&name).into_owned())
    }));
    let mentor = match (ctx.showing, v.mode) {
        (Some(View::Meetings), Mode::List) => v.selected().map(|s| s.meeting.mentor_id),
        (Some(View::Meetings), _) => v.builder.meeting.as_ref().map(|s| s.meeting.mentor_id),
        _ => None,
    };
    Ok(Form::builder(t.question_form)
        .line("text", t.f_question)
        .required("text")
        .choice("mentor", t.f_question_mentor, mentors)
        .value("mentor", &mentor.map(|m| m.to_string()).unwrap_or_default())
        .toggle("private", t.f_private)
        .build())
}

fn save_question(ctx: &mut Ctx, form: &Form) -> Result<Effect, SaveError> {
    let q = Question {
        mentor_id: form.choice("mentor").parse().ok(),
        private: form.toggle("private"),
        ..Question::new(clean_line(form.text("text").trim()))
    };
    ctx.store.save_question(&q)?;
    Ok(Effect::Reload)
}

/// The form of `purpose` (`None` when its meeting or item is gone).
pub fn form(ctx: &Ctx, v: &MeetingsView, purpose: &MeetingForm) -> Result<Option<Form>> {
    Ok(match *purpose {
        MeetingForm::New => Some(meeting_form(ctx, v, None, None)?),
        MeetingForm::Plan(mentor) => match existing(ctx.store.mentor(mentor))? {
            Some(_) => Some(meeting_form(ctx, v, None, Some(mentor))?),
            None => None,
        },
        MeetingForm::Edit(id) => match existing(ctx.store.meeting(id))? {
            Some(m) => Some(meeting_form(ctx, v, Some(&m), None)?),
            None => None,
        },
        MeetingForm::NewItem(meeting) => match existing(ctx.store.meeting(meeting))? {
            Some(_) => Some(item_form(ctx, None)?),
            None => None,
        },
        MeetingForm::EditItem(id) => match existing(ctx.store.agenda_item(id))? {
            Some(a) => Some(item_form(ctx, Some(&a))?),
            None => None,
        },
        MeetingForm::Note(id) => existing(ctx.store.agenda_item(id))?.map(|a| note_form(ctx, &a)),
        MeetingForm::Question => Some(question_form(ctx, v)?),
    })
}

/// Saves a Meetings form.
pub fn save(
    ctx: &mut Ctx,
    v: &mut MeetingsView,
    purpose: &MeetingForm,
    form: &Form,
) -> Result<Effect, SaveError> {
    match *purpose {
        MeetingForm::New | MeetingForm::Plan(_) => save_meeting(ctx, None, form),
        MeetingForm::Edit(id) => save_meeting(ctx, Some(id), form),
        MeetingForm::NewItem(_) | MeetingForm::EditItem(_) => save_item(ctx, v, *purpose, form),
        MeetingForm::Note(id) => {
            // Only the note, and only if the user changed it (`crate::tui::edit`).
            save_edit(ctx, id, form, |_, form, a: &mut AgendaItem| {
                a.note = form.text("note");
                Ok(())
            })?;
            v.load(ctx.store, ctx.now)?;
            Ok(Effect::None)
        }
        MeetingForm::Question => save_question(ctx, form),
    }
}
