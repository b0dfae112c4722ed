//! The Today view's panels as lines: the next meeting, the commitments due, the feedback
//! waiting, the goals and the nudges.

use chrono::Duration;
use ratatui::text::{Line, Span};

use super::{TodayView, plans_meeting};
use crate::domain::CommitmentStatus;
use crate::domain::nudges::{Nudge, NudgeKind};
use crate::i18n::{Label, fill};
use crate::tui::ui::{Ui, fit, gauge};

impl TodayView {
    /// The next meeting's lines, each at most `width` cells.
    pub(super) fn meeting_lines(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let t = &ui.t.today;
        let Some(s) = &self.next_meeting else {
            return vec![Line::styled(t.no_next_meeting, ui.theme.dim)];
        };
        let m = &s.meeting;
        let delta = m.starts_at - ui.now;
        let countdown = if delta.num_minutes() >= 0 {
            fill!(t.starts_in, duration = duration_words(delta, ui))
        } else {
            fill!(t.started_ago, duration = duration_words(-delta, ui))
        };
        let readiness_style = match s.readiness {
            crate::domain::AgendaReadiness::Ready => ui.theme.good,
            crate::domain::AgendaReadiness::Draft => ui.theme.warn,
            crate::domain::AgendaReadiness::None => ui.theme.danger,
        };
        let when = format!(
            "{} {}",
            ui.date(m.starts_at.date()),
            m.starts_at.format("%H:%M")
        );
        let agenda = fill!(t.agenda_is, readiness = s.readiness.label(&ui.t.labels));
        let items = fill!(
            t.items_minutes,
            items = s.items,
            planned = s.planned_minutes,
            minutes = m.minutes
        );
        // Each line holds what fits in the panel and the rest goes on the next, so the panel,
        // which is as tall as its lines, never hides the `Enter` hint under a wrapped line.
        let name = ui.mentor(&s.mentor_name, s.mentor_private).into_owned();
        let mut lines = flow(
            vec![
                Span::styled(name, ui.theme.title),
                Span::raw(when),
                Span::raw(countdown),
            ],
            width,
        );
        lines.extend(flow(
            vec![Span::styled(agenda, readiness_style), Span::raw(items)],
            width,
        ));
        lines.push(Line::styled(
            fit(&format!("Enter: {}", t.key_open_agenda), width),
            ui.theme.dim,
        ));
        lines
    }

    pub(super) fn commitment_lines(&self, ui: &Ui, width: u16) -> Vec<Line<'static>> {
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
                    fill!(ui.t.common.overdue_by, days = (ui.today() - due).num_days())
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

    pub(super) fn feedback_lines(&self, ui: &Ui, width: u16) -> Vec<Line<'static>> {
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
                    &format!(
                        "{}: {}",
                        ui.mentor(who, r.mentor_private),
                        ui.user(&fb.text, fb.private)
                    ),
                    width,
                ))
            })
            .collect()
    }

    pub(super) fn goal_lines(&self, ui: &Ui, width: u16) -> Vec<Line<'static>> {
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

    /// The nudges that fit in `rows` lines of `width`, most pressing first, each sentence once;
    /// the last line says how many more there are (or, past the nudges loaded, at least how many).
    pub(super) fn nudge_lines(&self, ui: &Ui, width: u16, rows: usize) -> Vec<Line<'static>> {
        let t = &ui.t.today;
        if self.nudges.is_empty() {
            return vec![Line::styled(t.no_nudges, ui.theme.good)];
        }
        let width = width.saturating_sub(2) as usize;
        // Debriefs are marked with their key; so is the nudge `p` plans a meeting for.
        let plan = self.plan_mentor_id();
        let mut planned = false;
        let mut sentences: Vec<(String, Option<&str>)> = Vec::new();
        for n in &self.nudges {
            let text = self.nudge_text(n, ui);
            if !sentences.iter().any(|(s, _)| *s == text) {
                let hint = if n.kind == NudgeKind::Debrief {
                    Some(t.debrief_hint)
                } else if !planned && plan.is_some() && plans_meeting(n) {
                    planned = true;
                    Some(t.plan_hint)
                } else {
                    None
                };
                sentences.push((text, hint));
            }
        }
        let total = sentences.len();
        // Nudges beyond those loaded take the last line too, even when the loaded ones fit.
        let shown = if total > rows.max(1) || (self.more_nudges && total == rows.max(1)) {
            rows.saturating_sub(1).max(1)
        } else {
            total
        };
        let mut lines: Vec<Line<'static>> = sentences
            .into_iter()
            .take(shown)
            .map(|(text, hint)| {
                if let Some(hint) = hint {
                    let hint = format!("  [{hint}]");
                    let room = width.saturating_sub(hint.chars().count() + 2);
                    Line::from(vec![
                        Span::styled(format!("! {}", fit(&text, room)), ui.theme.warn),
                        Span::styled(hint, ui.theme.dim),
                    ])
                } else {
                    Line::from(format!("• {}", fit(&text, width.saturating_sub(2))))
                }
            })
            .collect();
        if self.more_nudges {
            // Only the first nudges were read: there are more than the loaded ones left.
            lines.push(Line::styled(
                fill!(t.more_nudges_at_least, count = (total - shown).max(1)),
                ui.theme.dim,
            ));
        } else if shown < total {
            lines.push(Line::styled(
                fill!(t.more_nudges, count = (total - shown)),
                ui.theme.dim,
            ));
        }
        lines
    }

    /// One nudge as a sentence, with the mentor's name.
    pub fn nudge_text(&self, n: &Nudge, ui: &Ui) -> String {
        let t = &ui.t.nudges;
        let who = n
            .mentor_id
            .and_then(|id| self.names.get(&id))
            .map(|(name, private)| ui.mentor(name, *private).into_owned())
            .unwrap_or_else(|| t.your_mentor.to_string());
        let since = n.since.map(|d| ui.date(d)).unwrap_or_default();
        // An introduction's person stands where an experiment's text would.
        let experiment = n
            .commitment_id
            .and_then(|id| self.experiments.get(&id))
            .or_else(|| n.resource_id.and_then(|id| self.introductions.get(&id)))
            .map(|(text, private)| fit(&ui.user(text.trim(), *private), 50))
            .unwrap_or_default();
        let (start, end) = self.reflect_on;
        let range = format!(
            "{} – {}",
            ui.date(start),
            ui.date(crate::domain::figures::last_day(end))
        );
        t.sentence(
            n,
            &who,
            &since,
            &experiment,
            (self.cadence.label(&ui.t.labels), &range),
        )
    }
}

/// "3 d 4 h" or "2 h 15 min".
fn duration_words(d: Duration, ui: &Ui) -> String {
    let t = &ui.t.today;
    if d.num_days() >= 1 {
        fill!(
            t.days_hours,
            days = d.num_days(),
            hours = (d.num_hours() % 24)
        )
    } else {
        fill!(
            t.hours_minutes,
            hours = d.num_hours(),
            minutes = (d.num_minutes() % 60)
        )
    }
}

/// `parts` joined by "  ·  " on as few lines of `width` cells as they fit (a part wider than
/// a line is cut with "…").
fn flow(parts: Vec<Span<'static>>, width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    const SEP: &str = "  ·  ";
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for part in parts {
        let w = part.content.width();
        if !spans.is_empty() && used + SEP.width() + w > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if !spans.is_empty() {
            spans.push(Span::raw(SEP));
            used += SEP.width();
        }
        let text = fit(&part.content, width.saturating_sub(used));
        used += text.width();
        spans.push(Span::styled(text, part.style));
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}
