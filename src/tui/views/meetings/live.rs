//! In-meeting mode: the agenda alone on screen, items ticked as they are discussed, a note per
//! item, and the time spent against the meeting's length. Ticks and notes are saved at once.

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::agenda::AgendaBuilder;
use crate::domain::agenda::ends_by;
use crate::i18n::{Label, fill};
use crate::tui::ui::{Ui, gauge, window_start};

/// Where the meeting is in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Not started yet.
    Before,
    /// Started `seconds` ago.
    Running { seconds: i64 },
}

/// The meeting's clock at `now`.
pub fn clock(starts_at: NaiveDateTime, now: NaiveDateTime) -> Clock {
    let seconds = (now - starts_at).num_seconds();
    if seconds < 0 {
        Clock::Before
    } else {
        Clock::Running { seconds }
    }
}

/// `mm:ss` (or `h:mm:ss` past an hour).
pub fn clock_text(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// Draws in-meeting mode.
pub fn render(b: &AgendaBuilder, f: &mut Frame, area: Rect, ui: &Ui) {
    let Some(s) = &b.meeting else { return };
    let t = &ui.t.meetings;
    let m = &s.meeting;
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(2),
    ])
    .areas(area);
    let discussed = b.items.iter().filter(|a| a.discussed).count();
    let (time_text, style) = match clock(m.starts_at, ui.now) {
        Clock::Before => (
            fill!(
                t.starts_at,
                day = ui.relative_day(m.starts_at.date()),
                time = m.starts_at.format("%H:%M")
            ),
            ui.theme.dim,
        ),
        Clock::Running { seconds } => {
            let length = i64::from(m.minutes) * 60;
            let mut text = format!(
                "{}  {}",
                fill!(
                    t.elapsed,
                    elapsed = clock_text(seconds),
                    minutes = m.minutes
                ),
                gauge(Some(seconds as f64 / length.max(1) as f64), 10)
            );
            if seconds > length {
                text = format!(
                    "{text}  {}",
                    fill!(t.over_time_live, minutes = ((seconds - length) / 60))
                );
                (text, ui.theme.danger)
            } else {
                (text, ui.theme.good)
            }
        }
    };
    let head_lines = vec![
        Line::from(vec![
            Span::styled(
                format!(
                    "{} · {}",
                    t.live_title,
                    ui.mentor(&s.mentor_name, s.mentor_private)
                ),
                ui.theme.title,
            ),
            Span::styled(
                format!(
                    "  {}",
                    fill!(
                        t.discussed_count,
                        discussed = discussed,
                        total = b.items.len()
                    )
                ),
                ui.theme.dim,
            ),
        ]),
        Line::styled(time_text, style),
    ];
    f.render_widget(Paragraph::new(head_lines), head);
    draw_items(b, f, body, ui);
    let foot_lines = match b.item() {
        Some(a) => {
            let planned = match a.minutes {
                Some(n) => fill!(
                    t.item_planned,
                    minutes = n,
                    ends_by = ends_by(&b.items, b.items_cursor.pos)
                ),
                None => t.no_item_minutes.to_string(),
            };
            vec![
                Line::styled(
                    fill!(t.now_item, item = ui.user(&a.text, a.private)),
                    ui.theme.accent,
                ),
                Line::styled(planned, ui.theme.dim),
            ]
        }
        None => vec![Line::styled(t.live_empty, ui.theme.dim)],
    };
    f.render_widget(Paragraph::new(foot_lines).wrap(Wrap { trim: true }), foot);
}

fn draw_items(b: &AgendaBuilder, f: &mut Frame, area: Rect, ui: &Ui) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ui.theme.dim)
        .title(Span::styled(
            format!(" {} ", ui.t.meetings.agenda_title),
            ui.theme.title,
        ));
    let inner_height = area.height.saturating_sub(2) as usize;
    // Each item takes one line, plus one for its outcome and one for its note: keep the
    // cursor's item in view by starting at an item, not a line.
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    for (i, a) in b.items.iter().enumerate() {
        let selected = i == b.items_cursor.pos;
        if selected {
            cursor_line = lines.len();
        }
        let tick = if a.discussed { "[x]" } else { "[ ]" };
        let minutes = a
            .minutes
            .map(|n| fill!(ui.t.common.minutes_short, minutes = n))
            .unwrap_or_default();
        let style = if selected {
            ui.theme.selected
        } else if a.discussed {
            ui.theme.dim
        } else {
            ui.theme.base
        };
        lines.push(
            Line::from(vec![
                Span::raw(format!("{tick} {:>2}. ", i + 1)),
                Span::raw(format!("{:<9}", a.kind.label(&ui.t.labels))),
                Span::raw(ui.user(&a.text, a.private).into_owned()),
                Span::raw(format!("  {minutes}")),
            ])
            .style(style),
        );
        if !a.outcome.is_empty() {
            lines.push(Line::styled(
                format!("        → {}", ui.user(&a.outcome, a.private)),
                ui.theme.dim,
            ));
        }
        if !a.note.is_empty() {
            lines.push(Line::from(format!(
                "        ✎ {}",
                ui.user(&a.note.replace('\n', " / "), a.private)
            )));
        }
    }
    let start = window_start(cursor_line + 2, inner_height).min(cursor_line);
    let visible: Vec<Line> = lines.into_iter().skip(start).collect();
    f.render_widget(Paragraph::new(visible).block(block), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 29)
            .unwrap()
            .and_hms_opt(h, m, s)
            .unwrap()
    }

    #[test]
    fn the_clock_counts_from_the_start() {
        assert_eq!(clock(at(16, 0, 0), at(15, 59, 59)), Clock::Before);
        assert_eq!(
            clock(at(16, 0, 0), at(16, 0, 0)),
            Clock::Running { seconds: 0 }
        );
        assert_eq!(
            clock(at(16, 0, 0), at(16, 12, 5)),
            Clock::Running { seconds: 725 }
        );
        assert_eq!(clock_text(725), "12:05");
        assert_eq!(clock_text(3600 + 65), "1:01:05");
    }
}
