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
