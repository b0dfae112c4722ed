//! Mentors' keys and forms: add and edit a mentor (with the pitch template and the
//! article's checklist), and the dispatch to the relationship forms in [`super::relation`].

use ratatui::text::Line;

use super::View;
use super::relation;
use crate::domain::RecordKind;
use crate::domain::text::clean_line;
use crate::domain::{Mentor, MentorStatus};
use crate::i18n::Label;
use crate::store::Result;
use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::forms::{FormPurpose, OpenForm, SaveError};
use crate::tui::keys::{Action, Binding, Key, bind};

/// What the Mentors view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentorsAction {
    New,
    Edit,
    Delete,
    /// Cycle the status filter: all → candidate → … → ended → all.
    Filter,
    /// Log a contact with the selected mentor.
    LogContact,
    /// Record a relationship health check.
    HealthCheck,
    /// End the relationship: closing notes and a thank-you draft.
    End,
}

/// Keys of the Mentors view.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('n')],
        Action::Mentors(MentorsAction::New),
        "n",
        |t| t.mentors.key_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        Action::Mentors(MentorsAction::Edit),
        "e",
        |t| t.mentors.key_edit,
        true,
    ),
    bind(
        &[
            Key::ch('d'),
            Key::plain(ratatui::crossterm::event::KeyCode::Delete),
        ],
        Action::Mentors(MentorsAction::Delete),
        "d",
        |t| t.mentors.key_delete,
        false,
    ),
    bind(
        &[Key::ch('f')],
        Action::Mentors(MentorsAction::Filter),
        "f",
        |t| t.mentors.key_filter,
        true,
    ),
    bind(
        &[Key::ch('c')],
        Action::Mentors(MentorsAction::LogContact),
        "c",
        |t| t.mentors.key_contact,
        true,
    ),
    bind(
        &[Key::ch('h')],
        Action::Mentors(MentorsAction::HealthCheck),
        "h",
        |t| t.mentors.key_health,
        false,
    ),
    bind(
        &[Key::ch('x')],
        Action::Mentors(MentorsAction::End),
        "x",
        |t| t.mentors.key_end,
        false,
    ),
];

/// Which mentor a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentorForm {
    /// A new mentor or candidate.
    New,
    /// The mentor with this id.
    Edit(i64),
    /// A contact with the mentor with this id.
    Contact(i64),
    /// A health check of the relationship with this mentor.
    Health(i64),
    /// Ending the relationship with this mentor.
    Close(i64),
}

/// Applies one of the view's actions.
pub fn update(app: &mut App, action: MentorsAction) -> Result<()> {
    let selected = app.views.mentors.list.selected().cloned();
    match (action, selected) {
        (MentorsAction::New, _) => {
            let form = mentor_form(app, None, "mentor:new");
            app.open_form(form, FormPurpose::Mentors(MentorForm::New));
        }
        (MentorsAction::Edit, Some(m)) => {
            let form = mentor_form(app, Some(&m), &format!("mentor:{}", m.id));
            app.open_form(form, FormPurpose::Mentors(MentorForm::Edit(m.id)));
        }
        (MentorsAction::Delete, Some(m)) => {
            app.ask_delete(RecordKind::Mentor, m.id, &m.name);
        }
        (MentorsAction::Filter, _) => {
            let v = &mut app.views.mentors;
            v.filter = match v.filter {
                None => Some(MentorStatus::ALL[0]),
                Some(s) if s.index() + 1 == MentorStatus::ALL.len() => None,
                Some(s) => Some(s.next()),
            };
            app.load(View::Mentors)?;
        }
        (MentorsAction::LogContact, Some(m)) => {
            let form = relation::contact_form(app, &m, &format!("mentor:{}:contact", m.id));
            app.open_form(form, FormPurpose::Mentors(MentorForm::Contact(m.id)));
        }
        (MentorsAction::HealthCheck, Some(m)) => {
            let form = relation::health_form(app, &m, &format!("mentor:{}:health", m.id));
            app.open_form(form, FormPurpose::Mentors(MentorForm::Health(m.id)));
        }
        (MentorsAction::End, Some(m)) if m.status == MentorStatus::Ended => {
            app.message = Some(app.text().mentors.already_ended.to_string());
        }
        (MentorsAction::End, Some(m)) => {
            let form = relation::close_form(app, &m, &format!("mentor:{}:close", m.id));
            app.open_form(form, FormPurpose::Mentors(MentorForm::Close(m.id)));
        }
        (_, None) => app.message = Some(app.text().common.nothing_selected.to_string()),
    }
    Ok(())
}

/// The pitch template for a new candidate, in the interface language.
fn pitch_template(app: &App) -> &'static str {
    match app.lang {
        crate::i18n::Lang::En => include_str!("../../../../assets/pitch-en.md"),
        crate::i18n::Lang::Id => include_str!("../../../../assets/pitch-id.md"),
    }
}

/// The add/edit form, filled from `mentor` (or empty for a new candidate).
fn mentor_form(app: &App, mentor: Option<&Mentor>, draft_key: &str) -> Form {
    let t = &app.text().mentors;
    let labels = &app.text().labels;
    let statuses = MentorStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label(labels).to_string()))
        .collect();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let new = Mentor::new("");
    let m = mentor.unwrap_or(&new);
    let pitch = if mentor.is_none() {
        pitch_template(app).to_string()
    } else {
        m.pitch_draft.clone()
    };
    let mut form = Form::builder(
        draft_key,
        if mentor.is_some() {
            t.form_edit
        } else {
            t.form_new
        },
    )
    .line("name", t.f_name)
    .required("name")
    .choice("status", t.f_status, statuses)
    .value("status", m.status.code())
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
    .toggle("private", t.f_private)
    .checked("private", m.private)
    .value("name", &m.name)
    .build();
    form.set_side_panel(checklist_panel(app));
    form
}

/// The article's checklist for finding a mentor, shown beside the form.
fn checklist_panel(app: &App) -> Vec<Line<'static>> {
    let t = &app.text().mentors;
    let mut lines = vec![Line::styled(t.checklist_title, app.theme.title)];
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

/// Saves a form of the Mentors view, then shows the mentor it was about.
pub fn save(app: &mut App, purpose: &MentorForm, form: &Form) -> Result<(), SaveError> {
    let id = match purpose {
        MentorForm::New | MentorForm::Edit(_) => save_mentor(app, purpose, form)?,
        MentorForm::Contact(id) => {
            relation::save_contact(app, *id, form)?;
            *id
        }
        MentorForm::Health(id) => {
            relation::save_health(app, *id, form)?;
            *id
        }
        MentorForm::Close(id) => {
            relation::save_close(app, *id, form)?;
            *id
        }
    };
    app.load(View::Mentors)?;
    if app.views.mentors.list.select(id) {
        app.views.mentors.load_detail(&app.store)?;
    }
    Ok(())
}

/// Saves the form into a new or an existing mentor; returns its id.
fn save_mentor(app: &mut App, purpose: &MentorForm, form: &Form) -> Result<i64, SaveError> {
    let today = app.clock.today();
    let mut m = match purpose {
        MentorForm::Edit(id) => app.store.mentor(*id)?,
        _ => Mentor::new(""),
    };
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
                message: app.text().mentors.cadence_bad.to_string(),
            });
        }
    };
    m.name = clean_line(form.text("name").trim()).into_owned();
    m.status = status;
    m.contact = form.text("contact");
    m.expertise = form.text("expertise");
    m.why_them = form.text("why_them");
    m.research_notes = form.text("research");
    m.pitch_draft = form.text("pitch");
    m.goals_covered = form.text("goals");
    m.cadence_days = cadence;
    m.expected_end = form.date("end", today);
    m.channel = form.text("channel");
    m.review_on = form.date("review", today);
    m.private = form.toggle("private");
    Ok(app.store.save_mentor(&m)?)
}

/// Rebuilds the form a `mentor:…` draft belongs to.
pub fn reopen(app: &App, draft_key: &str) -> Option<OpenForm> {
    match draft_key.strip_prefix("mentor:")? {
        "new" => Some(OpenForm {
            form: mentor_form(app, None, draft_key),
            purpose: FormPurpose::Mentors(MentorForm::New),
        }),
        rest => {
            let (id, kind) = rest.split_once(':').unwrap_or((rest, ""));
            let m = app.store.mentor(id.parse().ok()?).ok()?;
            let (form, purpose) = match kind {
                "" => (
                    mentor_form(app, Some(&m), draft_key),
                    MentorForm::Edit(m.id),
                ),
                "contact" => (
                    relation::contact_form(app, &m, draft_key),
                    MentorForm::Contact(m.id),
                ),
                "health" => (
                    relation::health_form(app, &m, draft_key),
                    MentorForm::Health(m.id),
                ),
                "close" => (
                    relation::close_form(app, &m, draft_key),
                    MentorForm::Close(m.id),
                ),
                _ => return None,
            };
            Some(OpenForm {
                form,
                purpose: FormPurpose::Mentors(purpose),
            })
        }
    }
}
