//! Mentors (8): the pipeline from candidate to ended, the agreement, the contact log and the
//! relationship health check of the selected mentor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

use super::list::{ListSpec, draw_detail, draw_list, field, heading};
use super::{Cursor, list_and_detail};
use crate::domain::text::clean_multiline;
use crate::domain::{Contact, HealthCheck, Mentor, MentorStatus, Party};
use crate::i18n::{Label, fill};
use crate::store::{Result, Store};
use crate::tui::ui::{Ui, sparkline};

/// The Mentors view's state.
#[derive(Debug, Default)]
pub struct MentorsView {
    pub rows: Vec<Mentor>,
    pub cursor: Cursor,
    pub contacts: Vec<Contact>,
    pub health: Vec<HealthCheck>,
}

impl MentorsView {
    /// Loads the list and the selected mentor's contacts and health checks.
    pub fn load(&mut self, store: &Store) -> Result<()> {
        self.rows = store.mentors()?;
        self.cursor.clamp(self.rows.len());
        self.load_detail(store)
    }

    /// Loads the contact log and health checks of the mentor under the cursor.
    pub fn load_detail(&mut self, store: &Store) -> Result<()> {
        match self.rows.get(self.cursor.pos) {
            Some(m) => {
                self.contacts = store.contacts_of(m.id, 50)?;
                self.health = store.health_checks_of(m.id, 12)?;
            }
            None => {
                self.contacts.clear();
                self.health.clear();
            }
        }
        Ok(())
    }

    /// Number of rows in the list.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Draws the list and the detail pane.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.mentors;
        let (list_area, detail_area) = list_and_detail(area);
        let rows = self
            .rows
            .iter()
            .map(|m| {
                let style = match m.status {
                    MentorStatus::Active => ui.theme.accent,
                    MentorStatus::Ended => ui.theme.dim,
                    _ => ui.theme.base,
                };
                Row::new(vec![
                    Cell::from(ui.user(&m.name, false).into_owned()),
                    Cell::from(m.status.label(&ui.t.labels)),
                    Cell::from(ui.user(&m.expertise, m.private).into_owned()),
                    Cell::from(
                        m.cadence_days
                            .map(|d| fill(t.cadence_days, &[&d]))
                            .unwrap_or_default(),
                    ),
                ])
                .style(style)
            })
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: t.list_title.to_string(),
                headers: &[t.col_name, t.col_status, t.col_expertise, t.col_cadence],
                widths: &[
                    Constraint::Length(18),
                    Constraint::Length(11),
                    Constraint::Min(14),
                    Constraint::Length(15),
                ],
                rows,
                cursor: self.cursor,
                empty: t.empty,
                focused: true,
            },
            ui,
        );
        if let Some(m) = self.rows.get(self.cursor.pos) {
            draw_detail(
                f,
                detail_area,
                &ui.user(&m.name, false),
                self.detail_lines(m, ui),
                ui,
            );
        }
    }

    fn detail_lines(&self, m: &Mentor, ui: &Ui) -> Vec<Line<'static>> {
        let t = &ui.t.mentors;
        let text = |v: &str| ui.user(v, m.private).into_owned();
        let mut lines = Vec::new();
        for (label, value) in [
            (t.contact, &m.contact),
            (t.why_them, &m.why_them),
            (t.research, &m.research_notes),
        ] {
            if !value.is_empty() {
                lines.push(field(label, text(value), ui));
            }
        }
        if m.cadence_days.is_some() || m.review_on.is_some() || !m.goals_covered.is_empty() {
            lines.push(Line::from(""));
            lines.push(heading(t.agreement, ui));
            if !m.goals_covered.is_empty() {
                lines.push(Line::from(text(&m.goals_covered)));
            }
            let mut parts = Vec::new();
            if let Some(d) = m.cadence_days {
                parts.push(fill(t.cadence_days, &[&d]));
            }
            if !m.channel.is_empty() {
                parts.push(text(&m.channel));
            }
            if let Some(d) = m.expected_end {
                parts.push(format!("{} {}", t.expected_end, ui.date(d)));
            }
            if let Some(d) = m.review_on {
                parts.push(format!("{} {}", t.review_on, ui.date(d)));
            }
            lines.push(Line::from(parts.join(" · ")));
        }
        if !self.contacts.is_empty() {
            let mine = self
                .contacts
                .iter()
                .filter(|c| c.initiative == Party::Me)
                .count();
            let share = mine * 100 / self.contacts.len();
            lines.push(Line::from(""));
            lines.push(heading(
                &format!("{} — {}", t.contacts, fill(t.initiated, &[&share])),
                ui,
            ));
            for c in self.contacts.iter().take(4) {
                lines.push(Line::from(format!(
                    "{}  {:<6} {}  {}",
                    ui.date(c.on),
                    c.initiative.label(&ui.t.labels),
                    ui.user(&c.channel, c.private),
                    ui.user(&c.note, c.private)
                )));
            }
        }
        if !self.health.is_empty() {
            let averages: Vec<f64> = self
                .health
                .iter()
                .filter_map(HealthCheck::average)
                .collect();
            lines.push(Line::from(""));
            lines.push(heading(t.health, ui));
            if let Some(last) = averages.last() {
                lines.push(Line::from(format!("{}  {last:.1}/5", sparkline(&averages))));
            }
        }
        if m.status == MentorStatus::Candidate && !m.pitch_draft.is_empty() {
            lines.push(Line::from(""));
            lines.push(heading(t.pitch, ui));
            if m.private && ui.hide_private {
                lines.push(Line::from(ui.t.common.hidden_text));
            } else {
                lines.extend(
                    clean_multiline(&m.pitch_draft)
                        .lines()
                        .map(|l| Line::from(l.to_string())),
                );
            }
        }
        lines
    }
}

// ---- Keys, forms and actions -------------------------------------------------------------

use crate::domain::text::clean_line;
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
];

/// Which mentor a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentorForm {
    /// A new mentor or candidate.
    New,
    /// The mentor with this id.
    Edit(i64),
}

/// Applies one of the view's actions.
pub fn update(app: &mut App, action: MentorsAction) -> Result<()> {
    let selected = app
        .views
        .mentors
        .rows
        .get(app.views.mentors.cursor.pos)
        .cloned();
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
            let t = app.text();
            app.ask_delete("mentors", m.id, t.mentors.kind, &m.name);
        }
        (_, None) => app.message = Some(app.text().common.nothing_selected.to_string()),
    }
    Ok(())
}

/// The pitch template for a new candidate, in the interface language.
fn pitch_template(app: &App) -> &'static str {
    match app.lang {
        crate::i18n::Lang::En => include_str!("../../../assets/pitch-en.md"),
        crate::i18n::Lang::Id => include_str!("../../../assets/pitch-id.md"),
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

/// Saves the form into a new or an existing mentor.
pub fn save(app: &mut App, purpose: &MentorForm, form: &Form) -> Result<(), SaveError> {
    let today = app.clock.today();
    let mut m = match purpose {
        MentorForm::New => Mentor::new(""),
        MentorForm::Edit(id) => app.store.mentor(*id)?,
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
    let id = app.store.save_mentor(&m)?;
    app.load(super::View::Mentors)?;
    if let Some(pos) = app.views.mentors.rows.iter().position(|r| r.id == id) {
        app.views.mentors.cursor = Cursor { pos };
        app.views.mentors.load_detail(&app.store)?;
    }
    Ok(())
}

/// Rebuilds the form a `mentor:…` draft belongs to.
pub fn reopen(app: &App, draft_key: &str) -> Option<OpenForm> {
    match draft_key.strip_prefix("mentor:")? {
        "new" => Some(OpenForm {
            form: mentor_form(app, None, draft_key),
            purpose: FormPurpose::Mentors(MentorForm::New),
        }),
        id => {
            let m = app.store.mentor(id.parse().ok()?).ok()?;
            Some(OpenForm {
                form: mentor_form(app, Some(&m), draft_key),
                purpose: FormPurpose::Mentors(MentorForm::Edit(m.id)),
            })
        }
    }
}
