//! Meetings (3): upcoming meetings (soonest first), then past ones (newest first); the selected
//! meeting's agenda with its time box, and its notes and outcomes once held.
//!
//! The view has three screens ([`Mode`]): the list, the agenda builder of one planned meeting
//! (`agenda.rs`) and in-meeting mode (`live.rs`). Each has its own key table (`keys.rs`); the
//! forms are in `form.rs` and the actions in `update.rs`.

pub mod agenda;
pub mod form;
pub mod keys;
pub mod live;
pub mod template;
pub mod update;

pub use crate::tui::purpose::MeetingForm;
pub use keys::{AGENDA_KEYS, KEYS, LIVE_KEYS, MeetingsAction};

use crate::tui::ctx::Ctx;
use crate::tui::views::screen::Screen;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::list::{List, ListRow, ListSpec, draw_detail, draw_list, heading};
use crate::domain::text::clean_multiline;
use crate::domain::{AgendaItem, MeetingStatus};
use crate::i18n::{Label, fill};
use crate::store::{MeetingOutcomes, MeetingSummary, Result, Store};
use crate::tui::keys::Binding;
use crate::tui::ui::Ui;
use crate::tui::views::list::list_and_detail;
use agenda::{AgendaBuilder, time_box_line};

/// Which screen of the Meetings view is showing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// The upcoming and past meetings with the selected one's detail.
    #[default]
    List,
    /// The agenda builder of one planned meeting.
    Builder,
    /// In-meeting mode: tick items, jot notes, watch the time.
    Live,
}

/// The Meetings view's state.
#[derive(Debug, Default)]
pub struct MeetingsView {
    /// Upcoming meetings first, then past ones: a window over the whole list.
    pub list: List<MeetingSummary>,
    /// The clock at the last load: a planned meeting from then on is upcoming.
    pub now: chrono::NaiveDateTime,
    pub agenda: Vec<AgendaItem>,
    /// Feedback and commitments of the selected meeting (once held).
    pub outcomes: MeetingOutcomes,
    pub mode: Mode,
    /// Where `Esc` leaves in-meeting mode to.
    pub live_from: Mode,
    /// The open meeting's agenda and suggestions (builder and in-meeting mode).
    pub builder: AgendaBuilder,
}

impl MeetingsView {
    /// Loads the lists and the selected meeting's agenda.
    pub fn load(&mut self, store: &Store, now: chrono::NaiveDateTime) -> Result<()> {
        self.now = now;
        let page = store.meeting_page(now, self.list.window())?;
        self.list.set_page(page);
        self.load_detail(store)?;
        if self.mode != Mode::List {
            let id = self.builder.meeting_id();
            match id {
                Some(id) if store.meeting(id).is_ok() => self.builder.load(store, id, now)?,
                // The meeting is gone (deleted elsewhere): back to the list.
                _ => self.mode = Mode::List,
            }
        }
        Ok(())
    }

    /// Loads the agenda and outcomes of the meeting under the cursor.
    pub fn load_detail(&mut self, store: &Store) -> Result<()> {
        match self.list.selected() {
            Some(row) => {
                self.agenda = store.agenda_of(row.meeting.id)?;
                self.outcomes = if row.meeting.status == MeetingStatus::Held {
                    store.outcomes_of(row.meeting.id, 20)?
                } else {
                    MeetingOutcomes::default()
                };
            }
            None => {
                self.agenda.clear();
                self.outcomes = MeetingOutcomes::default();
            }
        }
        Ok(())
    }

    /// Moves the cursor of the screen showing (the list, or the builder's focused pane).
    pub fn step(&mut self, delta: isize, store: &Store) -> Result<()> {
        match self.mode {
            Mode::List => {
                self.list.step(delta);
                self.load_detail(store)
            }
            Mode::Builder => {
                self.builder.step(delta);
                Ok(())
            }
            Mode::Live => {
                self.builder
                    .items_cursor
                    .step(delta, self.builder.items.len());
                Ok(())
            }
        }
    }

    /// True when `s` is one of the upcoming meetings (planned, starting at or after the
    /// last load's clock), the first part of the list, drawn in the accent colour.
    pub fn is_upcoming(&self, s: &MeetingSummary) -> bool {
        s.meeting.status == MeetingStatus::Planned && s.meeting.starts_at >= self.now
    }

    /// The meeting under the list cursor.
    pub fn selected(&self) -> Option<&MeetingSummary> {
        self.list.selected()
    }

    /// True when the selected meeting is still planned (`Enter` prepares its agenda; on a
    /// held or cancelled one it shows the whole record).
    pub fn selected_is_planned(&self) -> bool {
        self.selected()
            .is_some_and(|s| s.meeting.status == crate::domain::MeetingStatus::Planned)
    }

    /// The key table of the screen showing.
    pub fn keys(&self) -> &'static [Binding] {
        match self.mode {
            Mode::List => KEYS,
            Mode::Builder => AGENDA_KEYS,
            Mode::Live => LIVE_KEYS,
        }
    }

    /// Draws the screen showing.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        match self.mode {
            Mode::List => self.render_list(f, area, ui),
            Mode::Builder => self.builder.render(f, area, ui),
            Mode::Live => live::render(&self.builder, f, area, ui),
        }
    }

    /// Draws the list and the detail pane.
    fn render_list(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.meetings;
        let detail = Screen::detail(self, ui);
        let (list_area, detail_area) = list_and_detail(area, self.list.rows().len(), || {
            crate::tui::detail::wanted(detail.as_ref(), area.width)
        });
        let window = super::list::window(self.list.cursor(), self.list.rows().len(), list_area);
        let rows = self.list.rows()[window.clone()]
            .iter()
            .map(|s| {
                let m = &s.meeting;
                let when = format!(
                    "{} {}",
                    ui.date(m.starts_at.date()),
                    m.starts_at.format("%H:%M")
                );
                let style = if self.is_upcoming(s) {
                    ui.theme.accent
                } else {
                    ui.theme.base
                };
                let readiness = if m.status == MeetingStatus::Planned {
                    s.readiness.label(&ui.t.labels).to_string()
                } else {
                    format!("{}", s.items)
                };
                ListRow::new(vec![
                    Span::raw(when),
                    Span::raw(ui.mentor(&s.mentor_name, s.mentor_private).into_owned()),
                    Span::raw(m.status.label(&ui.t.labels)),
                    Span::raw(fill!(ui.t.common.minutes_short, minutes = m.minutes)),
                    Span::raw(readiness),
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
                window: Some(self.list.slice(window.start)),
                cursor: self.list.cursor(),
                empty: t.empty,
                focused: true,
            },
            ui,
        );
        if let Some((title, lines)) = self.list_detail(ui) {
            draw_detail(f, detail_area, &title, lines, ui);
        }
    }

    /// The selected meeting's title and detail lines.
    fn list_detail(&self, ui: &Ui) -> Option<crate::tui::views::screen::Detail> {
        let s = self.list.selected()?;
        let title = format!(
            "{} · {}",
            ui.mentor(&s.mentor_name, s.mentor_private),
            ui.date(s.meeting.starts_at.date())
        );
        Some((title, self.detail_lines(s, ui)))
    }

    fn detail_lines(&self, s: &MeetingSummary, ui: &Ui) -> Vec<Line<'static>> {
        let t = &ui.t.meetings;
        let m = &s.meeting;
        let mut facts = vec![
            m.starts_at.format("%H:%M").to_string(),
            fill!(ui.t.common.minutes_short, minutes = m.minutes),
            m.status.label(&ui.t.labels).to_string(),
        ];
        if !m.channel.is_empty() {
            facts.push(ui.user(&m.channel, m.private).into_owned());
        }
        if m.status == MeetingStatus::Planned {
            facts.push(fill!(
                t.readiness,
                readiness = s.readiness.label(&ui.t.labels)
            ));
        }
        let mut lines = vec![
            Line::styled(facts.join(" · "), ui.theme.dim),
            heading(t.agenda_title, ui),
        ];
        if self.agenda.is_empty() {
            let empty = if m.status == MeetingStatus::Planned {
                t.no_agenda_key
            } else {
                t.no_agenda
            };
            lines.push(Line::styled(empty, ui.theme.dim));
        }
        let kind_width = label_width(&ui.t.labels.agenda_kind);
        for item in &self.agenda {
            let tick = if item.discussed { "[x]" } else { "[ ]" };
            let minutes = item
                .minutes
                .map(|n| fill!(ui.t.common.minutes_short, minutes = n))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(format!("{tick} ")),
                Span::styled(
                    format!("{:<kind_width$}", item.kind.label(&ui.t.labels)),
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
        lines.push(time_box_line(
            &crate::domain::TimeBox::of(&self.agenda, m.minutes),
            ui,
        ));
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
        if m.status == MeetingStatus::Held {
            self.outcome_lines(&mut lines, ui);
        }
        lines
    }

    /// "What came out of it": the feedback received and commitments made at the meeting.
    fn outcome_lines(&self, lines: &mut Vec<Line<'static>>, ui: &Ui) {
        let t = &ui.t.meetings;
        let o = &self.outcomes;
        lines.push(Line::from(""));
        lines.push(heading(t.outcomes, ui));
        if o.feedback.is_empty() && o.commitments.is_empty() {
            lines.push(Line::styled(t.no_outcomes, ui.theme.dim));
            return;
        }
        let who_width =
            label_width(&ui.t.labels.feedback_kind).max(label_width(&ui.t.labels.party));
        for fb in &o.feedback {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:<who_width$}", fb.kind.label(&ui.t.labels)),
                    ui.theme.dim,
                ),
                Span::raw(ui.user(&fb.text, fb.private).into_owned()),
                Span::styled(
                    format!("  ({})", fb.status.label(&ui.t.labels)),
                    ui.theme.dim,
                ),
            ]));
        }
        for c in &o.commitments {
            let due = c
                .due
                .map(|d| format!("  {}", ui.date(d)))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:<who_width$}", c.owner.label(&ui.t.labels)),
                    ui.theme.dim,
                ),
                Span::raw(ui.user(&c.text, c.private).into_owned()),
                Span::styled(
                    format!("{due}  ({})", c.status.label(&ui.t.labels)),
                    ui.theme.dim,
                ),
            ]));
        }
    }
}

/// A column as wide as the longest of `labels` (in this language), and a space.
fn label_width(labels: &[&str]) -> usize {
    labels
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(*l))
        .max()
        .unwrap_or(0)
        + 1
}

impl Screen for MeetingsView {
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.list.fit_page(ctx.height);
        MeetingsView::load(self, ctx.store, ctx.now)
    }

    fn step(&mut self, ctx: &Ctx, delta: isize) -> Result<()> {
        if self.mode == Mode::List && self.list.grow(delta) {
            MeetingsView::load(self, ctx.store, ctx.now)?;
        }
        MeetingsView::step(self, delta, ctx.store)
    }

    fn select(&mut self, ctx: &Ctx, id: i64) -> Result<bool> {
        // A record beyond the loaded page (a search hit, a link) is loaded, not missed.
        if self.list.reach(id) {
            <Self as Screen>::load(self, ctx)?;
        }
        let found = self.list.select(id);
        self.load_detail(ctx.store)?;
        Ok(found)
    }

    fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        MeetingsView::render(self, f, area, ui)
    }

    fn has_detail(&self) -> bool {
        self.mode == Mode::List && self.list.selected().is_some()
    }

    fn detail(&self, ui: &Ui) -> Option<crate::tui::views::screen::Detail> {
        match self.mode {
            Mode::List => self.list_detail(ui),
            _ => None,
        }
    }

    fn keys(&self) -> &'static [crate::tui::keys::Binding] {
        MeetingsView::keys(self)
    }
}
