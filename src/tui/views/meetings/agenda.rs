//! The agenda builder of one planned meeting: its items on one side, the suggestions on the
//! other (`Tab` switches), with the time box and the agenda's readiness above them.

use std::borrow::Cow;

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::assets::health_questions::question_label;
use crate::domain::kickoff;
use crate::domain::suggest::{Suggestion, SuggestionReason, suggest};
use crate::domain::{AgendaItem, MeetingStatus, TimeBox};
use crate::i18n::{Label, Lang, MeetingsText, fill};
use crate::store::{MeetingSummary, Result, Store};
use crate::tui::ui::Ui;
use crate::tui::views::list::Cursor;
use crate::tui::views::list::{ListRow, ListSpec, draw_list};

/// Which pane of the builder has the focus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    Items,
    Suggestions,
}

/// The builder's state: the open meeting, its items and the suggestions for it.
#[derive(Debug, Default)]
pub struct AgendaBuilder {
    pub meeting: Option<MeetingSummary>,
    pub items: Vec<AgendaItem>,
    pub suggestions: Vec<Suggestion>,
    pub items_cursor: Cursor,
    pub suggestions_cursor: Cursor,
    pub pane: Pane,
    /// The first meeting with its mentor (none held before it): `t` offers the kick-off
    /// agenda ([`crate::domain::kickoff`]).
    pub kickoff: bool,
}

impl AgendaBuilder {
    /// Loads meeting `id`'s agenda and the suggestions for it (as of `now`).
    pub fn load(&mut self, store: &Store, id: i64, now: NaiveDateTime) -> Result<()> {
        let summary = store.meeting_summary(id)?;
        if self.meeting.as_ref().map(|m| m.meeting.id) != Some(id) {
            *self = AgendaBuilder::default();
        }
        self.items = store.agenda_of(id)?;
        (self.suggestions, self.kickoff) = if summary.meeting.status == MeetingStatus::Planned {
            let input = store.suggest_input(id)?;
            (suggest(&input, now), kickoff::is_kickoff(input.last_held))
        } else {
            (Vec::new(), false)
        };
        self.meeting = Some(summary);
        self.items_cursor.clamp(self.items.len());
        self.suggestions_cursor.clamp(self.suggestions.len());
        Ok(())
    }

    /// The open meeting's row id.
    pub fn meeting_id(&self) -> Option<i64> {
        self.meeting.as_ref().map(|m| m.meeting.id)
    }

    /// The item under the cursor.
    pub fn item(&self) -> Option<&AgendaItem> {
        self.items.get(self.items_cursor.pos)
    }

    /// The suggestion under the cursor.
    pub fn suggestion(&self) -> Option<&Suggestion> {
        self.suggestions.get(self.suggestions_cursor.pos)
    }

    /// Moves the focused pane's cursor.
    pub fn step(&mut self, delta: isize) {
        match self.pane {
            Pane::Items => self.items_cursor.step(delta, self.items.len()),
            Pane::Suggestions => self.suggestions_cursor.step(delta, self.suggestions.len()),
        }
    }

    /// Draws the builder.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let Some(s) = &self.meeting else { return };
        let t = &ui.t.meetings;
        let m = &s.meeting;
        let [head, panes] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
        let mut facts = vec![
            format!(
                "{} · {}",
                t.builder_title,
                ui.mentor(&s.mentor_name, s.mentor_private)
            ),
            format!(
                "{} {}",
                ui.date(m.starts_at.date()),
                m.starts_at.format("%H:%M")
            ),
            fill!(ui.t.common.minutes_short, minutes = m.minutes),
        ];
        if !m.channel.is_empty() {
            facts.push(ui.user(&m.channel, m.private).into_owned());
        }
        let readiness_style = match s.readiness {
            crate::domain::AgendaReadiness::Ready => ui.theme.good,
            crate::domain::AgendaReadiness::Draft => ui.theme.warn,
            crate::domain::AgendaReadiness::None => ui.theme.dim,
        };
        let mut time_box = time_box_line(&TimeBox::of(&self.items, m.minutes), ui);
        time_box.spans.insert(
            0,
            Span::styled(
                format!(
                    "{}  ",
                    fill!(t.readiness, readiness = s.readiness.label(&ui.t.labels))
                ),
                readiness_style,
            ),
        );
        let lines = vec![Line::styled(facts.join(" · "), ui.theme.title), time_box];
        f.render_widget(Paragraph::new(lines), head);
        let (direction, share) = if panes.width >= 110 {
            (Direction::Horizontal, 50)
        } else {
            (Direction::Vertical, 55)
        };
        let [left, right] = Layout::default()
            .direction(direction)
            .constraints([
                Constraint::Percentage(share),
                Constraint::Percentage(100 - share),
            ])
            .areas(panes);
        self.draw_items(f, left, ui);
        self.draw_suggestions(f, right, ui);
    }

    fn draw_items(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.meetings;
        let wide = area.width >= 90;
        let rows = self
            .items
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let minutes = a.minutes.map(|n| n.to_string()).unwrap_or_default();
                let mut cells = vec![
                    Span::raw(format!("{:>2}", i + 1)),
                    Span::raw(a.kind.label(&ui.t.labels)),
                    Span::raw(ui.user(&a.text, a.private).into_owned()),
                    Span::raw(format!("{minutes:>3}")),
                ];
                if wide {
                    cells.push(Span::raw(ui.user(&a.outcome, a.private).into_owned()));
                }
                ListRow::new(cells)
            })
            .collect();
        let headers_wide = [t.col_no, t.col_kind, t.col_item, t.col_min, t.col_outcome];
        let widths_wide = [
            Constraint::Length(2),
            Constraint::Length(9),
            Constraint::Fill(3),
            Constraint::Length(3),
            Constraint::Fill(2),
        ];
        let n = if wide { 5 } else { 4 };
        draw_list(
            f,
            area,
            ListSpec {
                title: format!("{} ({})", t.agenda_title, self.items.len()),
                headers: &headers_wide[..n],
                widths: &widths_wide[..n],
                rows,
                cursor: self.items_cursor,
                empty: if self.kickoff {
                    t.no_items_kickoff
                } else {
                    t.no_items
                },
                focused: self.pane == Pane::Items,
                window: None,
            },
            ui,
        );
    }

    fn draw_suggestions(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.meetings;
        let why_width = self
            .suggestions
            .iter()
            .map(|s| reason_text(s.reason, t).chars().count())
            .chain([t.col_why.chars().count()])
            .max()
            .unwrap_or(0)
            .min(26) as u16;
        let rows = self
            .suggestions
            .iter()
            .map(|s| {
                let mut text = ui
                    .user(&suggestion_text(s, ui.lang), s.private)
                    .into_owned();
                if let Some(due) = s.due {
                    text = format!("{text} · {}", fill!(t.due_on, date = ui.date(due)));
                }
                ListRow::new(vec![
                    Span::styled(reason_text(s.reason, t), ui.theme.dim),
                    Span::raw(text),
                ])
            })
            .collect();
        let title = if self.pane == Pane::Suggestions && !self.suggestions.is_empty() {
            format!(
                "{} ({}) · {}",
                t.suggestions_title,
                self.suggestions.len(),
                t.suggestions_hint
            )
        } else {
            format!("{} ({})", t.suggestions_title, self.suggestions.len())
        };
        draw_list(
            f,
            area,
            ListSpec {
                title,
                headers: &[t.col_why, t.col_item],
                widths: &[Constraint::Length(why_width), Constraint::Fill(1)],
                rows,
                cursor: self.suggestions_cursor,
                empty: t.no_suggestions,
                focused: self.pane == Pane::Suggestions,
                window: None,
            },
            ui,
        );
    }
}

/// The text a suggestion shows and becomes as an agenda item: its record's own, or for a
/// slipping relationship "How is our mentoring going?", the questions rated low and the
/// advice, in `lang`.
pub fn suggestion_text(s: &Suggestion, lang: Lang) -> Cow<'_, str> {
    if s.reason != SuggestionReason::SlippingRelationship {
        return Cow::Borrowed(&s.text);
    }
    let t = &lang.text().meetings;
    let mut text = t.relationship_item.to_string();
    if !s.low_questions.is_empty() {
        let questions: Vec<String> = s
            .low_questions
            .iter()
            .map(|(code, rating)| format!("{} {rating}/5", question_label(code, lang)))
            .collect();
        text.push(' ');
        text.push_str(&fill!(t.relationship_low, questions = questions.join(", ")));
    }
    // The same advice as the mentor's health-check details.
    let advice = &lang.text().mentors;
    for line in [advice.advice_open, advice.advice_fix, advice.advice_end] {
        text.push(' ');
        text.push_str(line);
    }
    Cow::Owned(text)
}

/// Why a suggestion is made, in words.
pub fn reason_text(reason: SuggestionReason, t: &MeetingsText) -> &'static str {
    match reason {
        SuggestionReason::SlippingRelationship => t.reason_relationship,
        SuggestionReason::CarryOver => t.reason_carry,
        SuggestionReason::ReportExperiment => t.reason_report,
        SuggestionReason::MyCommitmentOverdue => t.reason_mine_overdue,
        SuggestionReason::MyCommitmentDue => t.reason_mine_due,
        SuggestionReason::MentorCommitmentOverdue => t.reason_theirs_overdue,
        SuggestionReason::MentorCommitmentDue => t.reason_theirs_due,
        SuggestionReason::OpenFeedback => t.reason_feedback,
        SuggestionReason::GoalWithoutProgress => t.reason_goal,
        SuggestionReason::ParkedQuestion => t.reason_question,
        SuggestionReason::ReportResource(_) => t.reason_resource,
    }
}

/// The time box as a line: "25 of 45 min planned · 20 min free", or the warning when over.
pub fn time_box_line(tb: &TimeBox, ui: &Ui) -> Line<'static> {
    let t = &ui.t.meetings;
    let mut text = fill!(t.time_box, planned = tb.planned, length = tb.length);
    let style = match tb.over() {
        Some(over) => {
            text = format!("{text} — {}", fill!(t.over_time, minutes = over));
            ui.theme.danger
        }
        None => {
            text = format!("{text} · {}", fill!(t.free_time, minutes = tb.free()));
            ui.theme.good
        }
    };
    if tb.unplanned > 0 {
        text = format!("{text} · {}", fill!(t.no_minutes, count = tb.unplanned));
    }
    Line::styled(text, style)
}
