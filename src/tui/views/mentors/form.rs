//! Mentors' keys and forms: add and edit a mentor (with the pitch template and the
//! article's checklist), and the dispatch to the relationship forms in [`super::relation`].

pub use crate::tui::action::MentorsAction;
pub use crate::tui::purpose::MentorForm;
use ratatui::text::Line;

use super::{MentorsView, fit_form, relation};
use crate::domain::text::clean_line;
use crate::domain::{Mentor, MentorStatus, Relationship};
use crate::domain::{RecordKind, pitch};
use crate::i18n::Label;
use crate::store::Result;
use crate::tui::ctx::{Ctx, existing};
use crate::tui::edit::save_edit;
use crate::tui::effect::{Confirm, Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::purpose::FormPurpose;
use crate::tui::view::View;

/// Applies one of the view's actions.
pub fn update(ctx: &mut Ctx, v: &mut MentorsView, action: MentorsAction) -> Result<Effect> {
    let t = ctx.text();
    let form = |p: MentorForm| Effect::OpenForm(FormPurpose::Mentors(p));
    Ok(match (action, v.list.selected()) {
        (MentorsAction::New, _) => form(MentorForm::New),
        (MentorsAction::Edit, Some(m)) => form(MentorForm::Edit(m.id)),
        (MentorsAction::Delete, Some(m)) => {
            Effect::Confirm(Confirm::delete(t, RecordKind::Mentor, m.id, &m.name))
        }
        (MentorsAction::Filter, _) => {
            v.filter = match v.filter {
                None => Some(MentorStatus::ALL[0]),
                Some(s) if s.index() + 1 == MentorStatus::ALL.len() => None,
                Some(s) => Some(s.next()),
            };
            v.list.restart();
            v.load(ctx.store)?;
            Effect::None
        }
        (MentorsAction::FilterKind, _) => {
            v.kind = match v.kind {
                None => Some(Relationship::ALL[0]),
                Some(r) if r.index() + 1 == Relationship::ALL.len() => None,
                Some(r) => Some(r.next()),
            };
            v.list.restart();
            v.load(ctx.store)?;
            Effect::None
        }
        (MentorsAction::LogContact, Some(m)) => form(MentorForm::Contact(m.id)),
        (MentorsAction::HealthCheck, Some(m)) => form(MentorForm::Health(m.id)),
        (MentorsAction::End, Some(m)) if m.status == MentorStatus::Ended => {
            Effect::say(t.mentors.already_ended)
        }
        (MentorsAction::End, Some(m)) => form(MentorForm::Close(m.id)),
        (MentorsAction::Scorecard, Some(m)) if !fit_form::can_score(m) => {
            Effect::say(t.fit.only_choosing)
        }
        (MentorsAction::Scorecard, Some(m)) => form(MentorForm::Fit(m.id)),
        (MentorsAction::Compare, _) => Effect::OpenCompare,
        // Only the comparison on top answers these.
        (MentorsAction::CompareLeft | MentorsAction::CompareRight, _) => Effect::None,
        (MentorsAction::Recommend, Some(m)) => form(MentorForm::Resource(m.id)),
        (MentorsAction::UpdateResource, Some(m)) => {
            super::resource_form::update_key(ctx, m.id, &v.resources)
        }
        (_, None) => Effect::say(t.common.nothing_selected),
    })
}

/// The form of `purpose` (`None` when its mentor is gone).
pub fn form(ctx: &Ctx, purpose: &MentorForm) -> Result<Option<Form>> {
    let mentor = match purpose {
        MentorForm::New => return Ok(Some(mentor_form(ctx, None))),
        MentorForm::Resource(_) | MentorForm::UpdateResource(_) | MentorForm::EditResource(_) => {
            return super::resource_form::form(ctx, purpose);
        }
        MentorForm::Edit(id)
        | MentorForm::Contact(id)
        | MentorForm::Health(id)
        | MentorForm::Close(id) => existing(ctx.store.mentor(*id))?,
        MentorForm::Fit(id) => {
            let Some(m) = existing(ctx.store.mentor(*id))? else {
                return Ok(None);
            };
            let fit = ctx.store.mentor_fit(m.id)?;
            return Ok(Some(fit_form::fit_form(ctx, &m, fit.as_ref())));
        }
    };
    Ok(mentor.map(|m| match purpose {
        MentorForm::Contact(_) => relation::contact_form(ctx, &m),
        MentorForm::Health(_) => relation::health_form(ctx, &m),
        MentorForm::Close(_) => relation::close_form(ctx, &m),
        _ => mentor_form(ctx, Some(&m)),
    }))
}

/// The pitch template for a new candidate, in the interface language.
fn pitch_template(ctx: &Ctx) -> &'static str {
    match ctx.lang {
        crate::i18n::Lang::En => include_str!("../../../../assets/pitch-en.md"),
        crate::i18n::Lang::Id => include_str!("../../../../assets/pitch-id.md"),
    }
}

/// The add/edit form, filled from `mentor` (or empty for a new candidate).
fn mentor_form(ctx: &Ctx, mentor: Option<&Mentor>) -> Form {
    let t = &ctx.text().mentors;
    let labels = &ctx.text().labels;
    let statuses = MentorStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label(labels).to_string()))
        .collect();
    let fit = &ctx.text().fit;
    let relationships = Relationship::ALL
        .iter()
        .map(|r| (r.code().to_string(), fit.relationship(*r).to_string()))
        .collect();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let new = Mentor::new("");
    let m = mentor.unwrap_or(&new);
    // The template is offered to a mentor not pitched yet; saving decides what is kept.
    let pitch = if mentor.is_none() || (m.pitch_draft.is_empty() && pitch::is_for(m.status)) {
        pitch_template(ctx).to_string()
    } else {
        m.pitch_draft.clone()
    };
    let mut form = Form::builder(if mentor.is_some() {
        t.form_edit
    } else {
        t.form_new
    })
    .line("name", t.f_name)
    .required("name")
    .choice("status", t.f_status, statuses)
    .value("status", m.status.code())
    .choice("relationship", fit.f_relationship, relationships)
    .value("relationship", m.relationship.code())
    .hint("relationship", fit.relationship_help)
    .line("contact", t.f_contact)
    .value("contact", &m.contact)
    .line("expertise", t.f_expertise)
    .value("expertise", &m.expertise)
    .multi("why_them", t.f_why, 2)
    .value("why_them", &m.why_them)
    .multi("research", t.f_research, 3)
    .value("research", &m.research_notes)
    .multi("pitch", t.f_pitch, 6)
    .value("pitch", &pitch)
    .line("goals", t.f_goals)
    .value("goals", &m.goals_covered)
    .number("cadence", t.f_cadence)
    .value(
        "cadence",
        &m.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
    )
    .date("end", t.f_end)
    .value("end", &date(m.expected_end))
    .line("channel", t.f_channel)
    .value("channel", &m.channel)
    .date("review", t.f_review)
    .value("review", &date(m.review_on))
    .multi("agreement", t.f_agreement_notes, 3)
    .value("agreement", &m.agreement_notes)
    .toggle("private", t.f_private)
    .checked("private", m.private)
    .value("name", &m.name)
    // A mentor I already have: the agreement comes next, not below the fold.
    .bring_forward(
        "status",
        &[MentorStatus::Active.code(), MentorStatus::Paused.code()],
        &["goals", "cadence", "end", "channel", "review", "agreement"],
    )
    .build();
    form.set_side_panel(checklist_panel(ctx));
    form
}

/// The article's checklist for finding a mentor, shown beside the form.
fn checklist_panel(ctx: &Ctx) -> Vec<Line<'static>> {
    let t = &ctx.text().mentors;
    let mut lines = vec![Line::styled(t.checklist_title, ctx.theme.title)];
    for item in [
        t.check_goals,
        t.check_research,
        t.check_network,
        t.check_pitch,
        t.check_time,
    ] {
        lines.push(Line::from(format!("□ {item}")));
    }
    lines
}

/// Saves a form of the Mentors view, then shows the mentor it was about. The first mentor
/// of a journal with no goal yet leads on to the first goal.
pub fn save(ctx: &mut Ctx, purpose: &MentorForm, form: &Form) -> Result<Effect, SaveError> {
    let id = match purpose {
        MentorForm::Resource(_) | MentorForm::UpdateResource(_) | MentorForm::EditResource(_) => {
            return super::resource_form::save(ctx, purpose, form);
        }
        MentorForm::New | MentorForm::Edit(_) => save_mentor(ctx, purpose, form)?,
        MentorForm::Contact(id) => {
            relation::save_contact(ctx, *id, form)?;
            *id
        }
        MentorForm::Health(id) => {
            relation::save_health(ctx, *id, form)?;
            *id
        }
        MentorForm::Close(id) => {
            relation::save_close(ctx, *id, form)?;
            *id
        }
        MentorForm::Fit(id) => {
            fit_form::save_fit(ctx, *id, form)?;
            *id
        }
    };
    let first_mentor = *purpose == MentorForm::New && ctx.store.goal_summaries(1)?.is_empty();
    let shown = Effect::Select(View::Mentors, id);
    Ok(if first_mentor {
        Effect::say(ctx.text().common.saved_next_goal).and(shown)
    } else {
        shown
    })
}

/// Saves the form into a new or an existing mentor (only the fields the user changed, see
/// `crate::tui::edit`); returns its id.
fn save_mentor(ctx: &mut Ctx, purpose: &MentorForm, form: &Form) -> Result<i64, SaveError> {
    if let MentorForm::Edit(id) = purpose {
        save_edit(ctx, *id, form, apply)?;
        return Ok(*id);
    }
    let mut m = Mentor::new("");
    apply(ctx, form, &mut m)?;
    Ok(ctx.store.save_mentor(&m)?)
}

/// Puts the form's values into `m`.
fn apply(ctx: &mut Ctx, form: &Form, m: &mut Mentor) -> Result<(), SaveError> {
    let today = ctx.today();
    let status: MentorStatus = form.choice("status").parse().unwrap_or(m.status);
    if status != m.status || m.status_since.is_none() {
        m.status_since = Some(today);
    }
    let cadence = match form.number("cadence") {
        None => None,
        Some(n) if n >= 1.0 && n.fract() == 0.0 && n <= 3650.0 => Some(n as u32),
        Some(_) => {
            return Err(SaveError::Field {
                name: "cadence",
                message: ctx.text().mentors.cadence_bad.to_string(),
            });
        }
    };
    m.name = clean_line(form.text("name").trim()).into_owned();
    m.status = status;
    m.relationship = form
        .choice("relationship")
        .parse()
        .unwrap_or(m.relationship);
    m.contact = form.text("contact");
    m.expertise = form.text("expertise");
    m.why_them = form.text("why_them");
    m.research_notes = form.text("research");
    // A saved mentor without a pitch was shown the template: left untouched, it stays
    // without one (else every edit, of any field, would store the template filled with the
    // name of that moment, and two windows would disagree about a pitch nobody wrote).
    let untouched = form.text("pitch").trim() == pitch_template(ctx).trim();
    if !(m.id != 0 && m.pitch_draft.is_empty() && untouched) {
        m.pitch_draft = pitch::to_keep(
            status,
            &form.text("pitch"),
            pitch_template(ctx),
            &m.name,
            &m.why_them,
            ctx.text().mentors.pitch_hint,
        );
    }
    m.goals_covered = form.text("goals");
    m.cadence_days = cadence;
    m.expected_end = form.date("end", today);
    m.channel = form.text("channel");
    m.review_on = form.date("review", today);
    m.agreement_notes = form.text("agreement");
    m.private = form.toggle("private");
    Ok(())
}
