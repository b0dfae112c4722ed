//! The period's figures as the review form's side panel: text with small bar charts.

use chrono::{Duration, NaiveDate};
use ratatui::text::{Line, Span};

use crate::config::DateFormat;
use crate::domain::figures::{CommitmentCounts, PeriodFigures};
use crate::domain::text::clean_line;
use crate::i18n::{Text, fill};
use crate::tui::theme::Theme;
use crate::tui::ui::{fit, gauge, number};

/// Width of the bars, in cells.
const BAR: usize = 6;

/// A bar of `n` cells out of `max`, at most [`BAR`] wide.
fn count_bar(n: u32, max: u32) -> String {
    if max == 0 {
        return String::new();
    }
    let cells = ((f64::from(n) / f64::from(max)) * BAR as f64).round() as usize;
    "█".repeat(cells.min(BAR))
}

/// The panel's lines for figures `f` of a period.
pub fn figure_lines(
    f: &PeriodFigures,
    t: &Text,
    theme: &Theme,
    dates: DateFormat,
) -> Vec<Line<'static>> {
    let r = &t.reflections;
    let last: NaiveDate = f.end - Duration::days(1);
    let mut lines = vec![Line::styled(
        fill!(
            r.figures_title,
            start = dates.format(f.start),
            end = dates.format(last)
        ),
        theme.title,
    )];
    // A small chart first, then the words: "████░░  67% Agenda items discussed: 4 of 6".
    let ratio_line = |label: String, part: u32, whole: u32| {
        let ratio = (whole > 0).then(|| f64::from(part) / f64::from(whole));
        vec![Line::from(vec![
            Span::styled(gauge(ratio, BAR), theme.gauge),
            Span::raw(format!(" {label}")),
        ])]
    };

    // Meetings, per mentor with a bar of held (█) and cancelled (▒).
    if f.meetings_held + f.meetings_cancelled == 0 {
        lines.push(Line::from(r.fig_meetings_none));
    } else {
        lines.push(Line::from(fill!(
            r.fig_meetings,
            held = f.meetings_held,
            cancelled = f.meetings_cancelled
        )));
        for m in f.meetings.iter().filter(|m| m.held + m.cancelled > 0) {
            let held = "█".repeat(m.held.min(6) as usize);
            let cancelled = "▒".repeat(m.cancelled.min(6 - m.held.min(6)) as usize);
            lines.push(Line::from(vec![
                Span::raw(format!("  {:<10} ", fit(&clean_line(&m.name), 10))),
                Span::styled(held, theme.gauge),
                Span::styled(cancelled, theme.warn),
                Span::styled(
                    format!(
                        " {}",
                        fill!(
                            r.fig_mentor_meetings,
                            held = m.held,
                            cancelled = m.cancelled
                        )
                    ),
                    theme.dim,
                ),
            ]));
        }
    }
    lines.extend(ratio_line(
        fill!(
            r.fig_agenda,
            discussed = f.agenda_discussed,
            total = f.agenda_items
        ),
        f.agenda_discussed,
        f.agenda_items,
    ));
    lines.extend(ratio_line(
        fill!(
            r.fig_feedback,
            received = f.feedback_received,
            acted_on = f.feedback_acted_on
        ),
        f.feedback_acted_on,
        f.feedback_received,
    ));

    // Commitments: mine and my mentors', with the keep rate as a gauge.
    let commitments = |who: &str, c: &CommitmentCounts, rate: Option<f64>| {
        vec![
            Line::from(vec![
                Span::styled(gauge(rate, BAR), theme.gauge),
                Span::raw(format!(" {}", fill!(r.fig_made, who = who, made = c.made))),
            ]),
            Line::styled(
                format!(
                    "  {}",
                    fill!(
                        r.fig_kept_late_open,
                        kept = c.kept,
                        late = c.late,
                        open = c.open
                    )
                ),
                theme.dim,
            ),
        ]
    };
    lines.extend(commitments(r.fig_mine, &f.my_commitments, f.my_keep_rate));
    if f.mentor_commitments.made > 0 {
        lines.extend(commitments(
            r.fig_mentors,
            &f.mentor_commitments,
            f.mentor_keep_rate,
        ));
    }

    // Goals: the change and, with a target, the gauge before → after.
    lines.push(Line::from(r.fig_goals));
    if f.goals.is_empty() {
        lines.push(Line::styled(format!("  {}", r.fig_goals_none), theme.dim));
    }
    for g in &f.goals {
        let change = if g.change > 0.0 {
            format!("+{}", number(g.change))
        } else {
            number(g.change)
        };
        lines.push(Line::from(format!(
            "  {}  {} → {} ({change})",
            fit(&clean_line(&g.title), 22),
            number(g.from),
            number(g.to)
        )));
        if let (Some(a), Some(b)) = (g.progress_from, g.progress_to) {
            lines.push(Line::styled(
                format!("    {:.0}% → {}", a * 100.0, gauge(Some(b), BAR)),
                theme.gauge,
            ));
        }
    }

    lines.extend(ratio_line(
        fill!(
            r.fig_gratitude,
            sent = f.gratitude_sent,
            noted = f.gratitude_noted
        ),
        f.gratitude_sent,
        f.gratitude_noted,
    ));
    lines.extend(ratio_line(
        format!(
            "{}, {}",
            fill!(r.fig_contacts, contacts = f.contacts),
            r.fig_initiated
        ),
        f.contacts_i_initiated,
        f.contacts,
    ));

    // Health checks: the average rating out of 5 per mentor.
    if f.health.is_empty() {
        lines.push(Line::from(r.fig_health_none));
    } else {
        lines.push(Line::from(r.fig_health));
        for h in &f.health {
            let value = match h.average {
                Some(avg) => format!(
                    "{} {}/5",
                    count_bar((avg * 10.0).round() as u32, 50),
                    number((avg * 10.0).round() / 10.0)
                ),
                None => r.fig_no_rating.to_string(),
            };
            lines.push(Line::from(format!(
                "  {:<14} {}",
                fit(&clean_line(&h.name), 14),
                fill!(r.fig_health_line, average = value, checks = h.checks)
            )));
        }
    }
    lines
}
