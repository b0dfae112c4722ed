//! Meetings (3): upcoming meetings (soonest first), then past ones (newest first); the selected
//! meeting's agenda with its time box, and its notes once held.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};

use super::list::{ListSpec, draw_detail, draw_list, heading};
use super::{Cursor, LIST_LIMIT, list_and_detail};
use crate::domain::text::clean_multiline;
use crate::domain::{AgendaItem, MeetingStatus};
use crate::i18n::{Label, fill};
use crate::store::{MeetingSummary, Result, Store};
use crate::tui::ui::Ui;

/// The Meetings view's state.
#[derive(Debug, Default)]
pub struct MeetingsView {
    /// Upcoming meetings first, then past ones.
    pub rows: Vec<MeetingSummary>,
    /// How many of `rows` are upcoming.
    pub upcoming: usize,
    pub cursor: Cursor,
    pub agenda: Vec<AgendaItem>,
}

impl MeetingsView {
    /// Loads the lists and the selected meeting's agenda.
    pub fn load(&mut self, store: &Store, now: chrono::NaiveDateTime) -> Result<()> {
        let mut rows = store.upcoming_meetings(now, LIST_LIMIT / 5)?;
        self.upcoming = rows.len();
        rows.extend(store.past_meetings(now, LIST_LIMIT)?);
        self.rows = rows;
        self.cursor.clamp(self.rows.len());
        self.load_detail(store)
    }

    /// Loads the agenda of the meeting under the cursor.
    pub fn load_detail(&mut self, store: &Store) -> Result<()> {
        self.agenda = match self.rows.get(self.cursor.pos) {
            Some(row) => store.agenda_of(row.meeting.id)?,
            None => Vec::new(),
        };
        Ok(())
    }

    /// Number of rows in the list.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Draws the list and the detail pane.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.meetings;
        let (list_area, detail_area) = list_and_detail(area);
        let rows = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let m = &s.meeting;
                let when = format!(
                    "{} {}",
                    ui.date(m.starts_at.date()),
                    m.starts_at.format("%H:%M")
                );
                let style = if i < self.upcoming {
                    ui.theme.accent
                } else {
                    ui.theme.base
                };
                let readiness = if m.status == MeetingStatus::Planned {
                    s.readiness.label(&ui.t.labels).to_string()
                } else {
                    format!("{}", s.items)
                };
                Row::new(vec![
                    Cell::from(when),
                    Cell::from(ui.user(&s.mentor_name, false).into_owned()),
                    Cell::from(m.status.label(&ui.t.labels)),
                    Cell::from(fill(ui.t.common.minutes_short, &[&m.minutes])),
                    Cell::from(readiness),
                ])
                .style(style)
            })
            .collect();
        let title = format!("{} · {}", t.upcoming, t.past);
        draw_list(
            f,
            list_area,
            ListSpec {
                title,
                headers: &[
                    t.col_when,
                    t.col_mentor,
                    t.col_status,
                    t.col_length,
                    t.col_agenda,
                ],
                widths: &[
                    Constraint::Length(16),
                    Constraint::Min(12),
                    Constraint::Length(12),
                    Constraint::Length(7),
                    Constraint::Length(12),
                ],
                rows,
                cursor: self.cursor,
                empty: t.empty,
                focused: true,
            },
            ui,
        );
        if let Some(s) = self.rows.get(self.cursor.pos) {
            let title = format!(
                "{} · {}",
                ui.user(&s.mentor_name, false),
                ui.date(s.meeting.starts_at.date())
            );
            draw_detail(f, detail_area, &title, self.detail_lines(s, ui), ui);
        }
    }

    fn detail_lines(&self, s: &MeetingSummary, ui: &Ui) -> Vec<Line<'static>> {
        let t = &ui.t.meetings;
        let m = &s.meeting;
        let mut lines = vec![heading(t.agenda_title, ui)];
        if self.agenda.is_empty() {
            lines.push(Line::styled(t.no_agenda, ui.theme.dim));
        }
        for item in &self.agenda {
            let tick = if item.discussed { "[x]" } else { "[ ]" };
            let minutes = item
                .minutes
                .map(|n| fill(ui.t.common.minutes_short, &[&n]))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(format!("{tick} ")),
                Span::styled(
                    format!("{:<9}", item.kind.label(&ui.t.labels)),
                    ui.theme.dim,
                ),
                Span::raw(ui.user(&item.text, item.private).into_owned()),
                Span::styled(format!("  {minutes}"), ui.theme.dim),
            ]));
            if !item.outcome.is_empty() {
                lines.push(Line::styled(
                    format!("      → {}", ui.user(&item.outcome, item.private)),
                    ui.theme.dim,
                ));
            }
            if !item.note.is_empty() {
                lines.push(Line::from(format!(
                    "      ✎ {}",
                    ui.user(&item.note, item.private)
                )));
            }
        }
        let planned: u32 = self.agenda.iter().filter_map(|a| a.minutes).sum();
        let style = if planned > m.minutes {
            ui.theme.danger
        } else {
            ui.theme.good
        };
        let mut time_box = fill(t.time_box, &[&planned, &m.minutes]);
        if planned > m.minutes {
            time_box = format!(
                "{time_box} — {}",
                fill(t.over_time, &[&(planned - m.minutes)])
            );
        }
        lines.push(Line::styled(time_box, style));
        if !m.notes.is_empty() {
            lines.push(Line::from(""));
            lines.push(heading(t.notes, ui));
            if m.private && ui.hide_private {
                lines.push(Line::from(ui.t.common.hidden_text));
            } else {
                for l in clean_multiline(&m.notes).lines() {
                    lines.push(Line::from(l.to_string()));
                }
            }
        }
        lines
    }
}

/// Keys of the Meetings view.
pub const KEYS: &[crate::tui::keys::Binding] = &[super::debrief::START];
