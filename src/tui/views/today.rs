//! Today (1): the next meeting with a countdown and its agenda readiness, overdue and due-soon
//! commitments, feedback waiting for action, and goal gauges.

use chrono::{Duration, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};

use super::list::draw_detail;
use crate::domain::{CommitmentStatus, GoalStatus};
use crate::i18n::{Label, fill};
use crate::store::{CommitmentRow, FeedbackRow, GoalSummary, MeetingSummary, Result, Store};
use crate::tui::ui::{Ui, fit, gauge};

/// The Today view's state.
#[derive(Debug, Default)]
pub struct TodayView {
    pub next_meeting: Option<MeetingSummary>,
    pub due: Vec<CommitmentRow>,
    pub feedback: Vec<FeedbackRow>,
    pub goals: Vec<GoalSummary>,
}

impl TodayView {
    /// Loads what today needs: a handful of rows from indexed queries.
    pub fn load(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        self.next_meeting = store
            .upcoming_meetings(now - Duration::hours(1), 1)?
            .into_iter()
            .next();
        self.due = store.open_commitments_due_by(now.date() + Duration::days(7), 20)?;
        self.feedback = store.open_feedback(8)?;
        self.goals = store
            .goal_summaries(12)?
            .into_iter()
            .filter(|g| g.goal.status == GoalStatus::Active)
            .collect();
        Ok(())
    }

    /// The id of the next meeting (Enter opens it).
    pub fn next_meeting_id(&self) -> Option<i64> {
        self.next_meeting.as_ref().map(|m| m.meeting.id)
    }

    /// Draws the four panels.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.today;
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(5), Constraint::Min(4)])
            .split(area);
        draw_detail(f, rows[0], t.next_meeting, self.meeting_lines(ui), ui);
        let columns = Layout::default()
            .direction(if area.width >= 100 {
                Direction::Horizontal
            } else {
                Direction::Vertical
            })
            .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
            .split(rows[1]);
        let left = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Percentage(60), Constraint::Percentage(40)])
            .split(columns[0]);
        draw_detail(
            f,
            left[0],
            t.overdue,
            self.commitment_lines(ui, left[0].width),
            ui,
        );
        draw_detail(
            f,
            left[1],
            t.open_feedback,
            self.feedback_lines(ui, left[1].width),
            ui,
        );
        draw_detail(
            f,
            columns[1],
            t.goals,
            self.goal_lines(ui, columns[1].width),
            ui,
        );
    }

    fn meeting_lines(&self, ui: &Ui) -> Vec<Line<'static>> {
        let t = &ui.t.today;
        let Some(s) = &self.next_meeting else {
            return vec![Line::styled(t.no_next_meeting, ui.theme.dim)];
        };
        let m = &s.meeting;
        let delta = m.starts_at - ui.now;
        let countdown = if delta.num_minutes() >= 0 {
            fill(t.starts_in, &[&duration_words(delta, ui)])
        } else {
            fill(t.started_ago, &[&duration_words(-delta, ui)])
        };
        let readiness_style = match s.readiness {
            crate::domain::AgendaReadiness::Ready => ui.theme.good,
            crate::domain::AgendaReadiness::Draft => ui.theme.warn,
            crate::domain::AgendaReadiness::None => ui.theme.danger,
        };
        vec![
            Line::from(vec![
                Span::styled(ui.user(&s.mentor_name, false).into_owned(), ui.theme.title),
                Span::raw(format!(
                    "  {} {}  ·  {}",
                    ui.date(m.starts_at.date()),
                    m.starts_at.format("%H:%M"),
                    countdown
                )),
            ]),
            Line::from(vec![
                Span::styled(
                    fill(t.agenda_is, &[&s.readiness.label(&ui.t.labels)]),
                    readiness_style,
                ),
                Span::raw(format!(
                    "  ·  {}",
                    fill(t.items_minutes, &[&s.items, &s.planned_minutes, &m.minutes])
                )),
            ]),
            Line::styled(format!("Enter: {}", t.key_open_agenda), ui.theme.dim),
        ]
    }

    fn commitment_lines(&self, ui: &Ui, width: u16) -> Vec<Line<'static>> {
        let t = &ui.t.today;
        if self.due.is_empty() {
            return vec![Line::styled(t.nothing_overdue, ui.theme.good)];
        }
        let width = width.saturating_sub(4) as usize;
        self.due
            .iter()
            .filter(|r| r.commitment.status == CommitmentStatus::Open)
            .map(|r| {
                let c = &r.commitment;
                let due = c.due.unwrap_or(ui.today());
                let overdue = due < ui.today();
                let when = if overdue {
                    fill(ui.t.common.overdue_by, &[&(ui.today() - due).num_days()])
                } else {
                    ui.relative_day(due)
                };
                let who = c.owner.label(&ui.t.labels);
                let text = format!("{who:<6} {}", ui.user(&c.text, c.private));
                let line = format!(
                    "{}  ({when})",
                    fit(&text, width.saturating_sub(when.chars().count() + 4))
                );
                Line::styled(
                    line,
                    if overdue {
                        ui.theme.danger
                    } else {
                        ui.theme.base
                    },
                )
            })
            .collect()
    }

    fn feedback_lines(&self, ui: &Ui, width: u16) -> Vec<Line<'static>> {
        if self.feedback.is_empty() {
            return vec![Line::styled(ui.t.today.no_open_feedback, ui.theme.dim)];
        }
        let width = width.saturating_sub(4) as usize;
        self.feedback
            .iter()
            .map(|r| {
                let fb = &r.feedback;
                let who = r.mentor_name.as_deref().unwrap_or(ui.t.common.none);
                Line::from(fit(
                    &format!("{}: {}", ui.user(who, false), ui.user(&fb.text, fb.private)),
                    width,
                ))
            })
            .collect()
    }

    fn goal_lines(&self, ui: &Ui, width: u16) -> Vec<Line<'static>> {
        if self.goals.is_empty() {
            return vec![Line::styled(ui.t.today.no_goals, ui.theme.dim)];
        }
        let width = width.saturating_sub(4) as usize;
        let title_width = width.saturating_sub(16).max(8);
        let mut lines = Vec::new();
        for s in &self.goals {
            let title = fit(&ui.user(&s.goal.title, s.goal.private), title_width);
            lines.push(Line::from(vec![
                Span::raw(format!("{title:<title_width$} ")),
                Span::styled(gauge(s.goal.progress(s.latest), 8), ui.theme.gauge),
            ]));
        }
        lines
    }
}

/// "3 d 4 h" or "2 h 15 min".
fn duration_words(d: Duration, ui: &Ui) -> String {
    let t = &ui.t.today;
    if d.num_days() >= 1 {
        fill(t.days_hours, &[&d.num_days(), &(d.num_hours() % 24)])
    } else {
        fill(t.hours_minutes, &[&d.num_hours(), &(d.num_minutes() % 60)])
    }
}
