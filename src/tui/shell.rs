//! The frame around the views: the tab bar with each view's checklist item, the status bar,
//! the help overlay, the welcome screen and the "terminal too small" message.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::keys::{self, Binding};
use super::ui::{Ui, fit};
use super::view::View;
use crate::i18n::{Text, fill};

/// The smallest terminal the app draws into; below it a message asks for more room.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// One tab of the tab bar: where it sits (for drawing and for mouse clicks) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub x: u16,
    pub width: u16,
    pub view: View,
    pub label: String,
}

/// Lays out the tab bar for a terminal `width`. Every tab stays readable: when the full
/// names do not fit, the active tab keeps its name and the others take their short name from
/// the catalog (a word, not a cut one); when even that does not fit beside the app's title,
/// the title goes; only on a terminal narrower than any of that are the short names cut.
pub fn tabs(width: u16, t: &Text, active: View) -> Vec<Tab> {
    let width = width as usize;
    let title = title_width(t);
    let full: Vec<String> = View::ALL
        .iter()
        .map(|v| format!(" {} {} ", v.index() + 1, t.labels.views[v.index()]))
        .collect();
    let short: Vec<String> = View::ALL
        .iter()
        .map(|v| {
            let name = if *v == active {
                t.labels.views[v.index()]
            } else {
                t.labels.views_short[v.index()]
            };
            format!(" {} {}", v.index() + 1, name)
        })
        .collect();
    let total = |labels: &[String]| labels.iter().map(|s| s.width()).sum::<usize>();
    let (prefix, labels) = if title + total(&full) <= width {
        (title, full)
    } else if title + total(&short) < width {
        (title, short)
    } else if total(&short) < width {
        (0, short)
    } else {
        let active_width = short[active.index()].width();
        let room = width.saturating_sub(active_width + 1);
        let each = (room / (View::ALL.len() - 1)).max(3);
        let cut = View::ALL
            .iter()
            .zip(short)
            .map(|(v, label)| {
                if *v == active {
                    label
                } else {
                    format!(" {}", fit(label.trim_start(), each - 1))
                }
            })
            .collect();
        (0, cut)
    };
    let mut x = prefix as u16;
    View::ALL
        .iter()
        .zip(labels)
        .map(|(view, label)| {
            let tab = Tab {
                x,
                width: label.width() as u16,
                view: *view,
                label,
            };
            x = x.saturating_add(tab.width);
            tab
        })
        .collect()
}

/// The width of the app's title before the tabs (" mentee │").
fn title_width(t: &Text) -> usize {
    t.common.app_title.width() + 3
}

/// Draws the tab bar (row 0) and the active view's checklist item (row 1).
pub fn draw_tabs(f: &mut Frame, area: Rect, active: Option<View>, ui: &Ui) {
    let t = ui.t;
    let all = tabs(area.width, t, active.unwrap_or(View::Today));
    let mut spans = Vec::new();
    if all.first().is_some_and(|tab| tab.x > 0) {
        spans.push(Span::styled(
            format!(" {} │", t.common.app_title),
            ui.theme.title,
        ));
    }
    for tab in all {
        let style = if Some(tab.view) == active {
            ui.theme.tab_active
        } else {
            ui.theme.tab
        };
        spans.push(Span::styled(tab.label, style));
    }
    f.render_widget(
        Paragraph::new(Line::from(spans)),
        Rect { height: 1, ..area },
    );
    if area.height > 1
        && let Some(view) = active
    {
        let line = Line::from(vec![
            Span::styled(" ✓ ", ui.theme.good),
            Span::styled(t.labels.checklist[view.index()], ui.theme.dim),
        ]);
        f.render_widget(
            Paragraph::new(line),
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
        );
    }
}

/// Draws the status bar: badges, the last message, and key hints.
pub fn draw_status(
    f: &mut Frame,
    area: Rect,
    tables: &[&[Binding]],
    badges: &[String],
    message: Option<&str>,
    ui: &Ui,
) {
    let mut spans = Vec::new();
    for badge in badges {
        spans.push(Span::styled(format!(" {badge} "), ui.theme.warn));
    }
    if let Some(msg) = message {
        spans.push(Span::styled(
            format!(" {} ", ui.user(msg, false)),
            ui.theme.warn,
        ));
    }
    let mut seen = Vec::new();
    let hints: Vec<String> = tables
        .iter()
        .flat_map(|t| t.iter())
        .filter(|b| b.hint && !b.label.is_empty())
        .filter(|b| {
            // A key in a specific table shadows the same action further down.
            let fresh = !seen.contains(&b.action);
            seen.push(b.action.clone());
            fresh
        })
        .map(|b| format!("{} {}", b.key_label(ui.t), (b.help)(ui.t)))
        .collect();
    let left_width: usize = spans.iter().map(|s| s.content.width()).sum();
    let room = (area.width as usize).saturating_sub(left_width + 1);
    let hint_text = fit(&hints.join("  ·  "), room);
    let pad = room.saturating_sub(hint_text.width());
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(hint_text, ui.theme.dim));
    f.render_widget(
        Paragraph::new(Line::from(spans)).style(ui.theme.status_bar),
        area,
    );
}

/// A rectangle of at most `w`×`h` centred in `area`. A popup that would leave a margin of
/// one cell takes the whole width (or height) instead, so its border covers the view's
/// rather than doubling it (`┌┌`).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let snap = |want: u16, room: u16| {
        if room.saturating_sub(want) < 4 {
            room
        } else {
            want
        }
    };
    let (w, h) = (snap(w, area.width), snap(h, area.height));
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// The help overlay with `this_view` as the view's own keys (a view with several screens
/// passes the table of the screen showing).
pub fn draw_help_keys(
    f: &mut Frame,
    area: Rect,
    view: Option<View>,
    this_view: Option<&[Binding]>,
    scroll: u16,
    ui: &Ui,
) {
    let t = ui.t;
    let mut lines = Vec::new();
    let section = |title: &str, table: &[Binding], lines: &mut Vec<Line<'static>>| {
        if table.iter().all(|b| b.label.is_empty()) {
            return;
        }
        lines.push(Line::styled(title.to_string(), ui.theme.title));
        for b in table.iter().filter(|b| !b.label.is_empty()) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<12}", b.key_label(t)), ui.theme.accent),
                Span::raw((b.help)(t)),
            ]));
        }
        lines.push(Line::from(""));
    };
    match view {
        Some(_) => {
            section(
                t.common.help_this_view,
                this_view.unwrap_or(&[]),
                &mut lines,
            );
            if view == Some(View::Mentors) {
                lines.extend(super::views::mentors::kinds_help::lines(ui));
            }
            section(t.common.help_lists, keys::LIST, &mut lines);
            section(t.common.help_global, keys::GLOBAL, &mut lines);
        }
        None => section(t.common.help_global, keys::WELCOME, &mut lines),
    }
    lines.push(Line::styled(
        format!("  {}", t.common.key_click_tab),
        ui.theme.dim,
    ));
    lines.push(Line::from(""));
    lines.push(Line::styled(
        t.common.help_checklist.to_string(),
        ui.theme.title,
    ));
    for v in View::ALL {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {} {:<13}", v.index() + 1, t.labels.views[v.index()]),
                ui.theme.accent,
            ),
            Span::raw(t.labels.checklist[v.index()]),
        ]));
    }
    let popup = centered(area, 72, lines.len() as u16 + 2);
    f.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ui.theme.accent)
        .title(Span::styled(
            format!(" {} ", t.common.help_title),
            ui.theme.title,
        ))
        .title_bottom(Line::from(format!(" {} ", t.common.help_close)).right_aligned());
    // Never scroll past the end (the paragraph wraps, so this is an upper bound).
    let max = (lines.len() as u16).saturating_sub(popup.height.saturating_sub(2));
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .scroll((scroll.min(max), 0));
    f.render_widget(paragraph, popup);
}

/// The first-run screen of an empty journal, saying where the journal is (`path`, made
/// safe to show and shortened in the middle when too wide).
pub fn draw_welcome(f: &mut Frame, area: Rect, ui: &Ui, path: Option<&std::path::Path>) {
    let c = &ui.t.common;
    let popup = centered(area, 70, 16);
    let mut lines = vec![
        Line::styled(c.welcome_title, ui.theme.title).alignment(Alignment::Center),
        Line::from(""),
        Line::from(c.welcome_intro),
        Line::from(""),
        Line::from(vec![
            Span::styled("  n  ", ui.theme.tab_active),
            Span::raw(format!("  {}", c.welcome_fresh)),
        ]),
        Line::from(""),
        Line::from(vec![
            Span::styled("  d  ", ui.theme.tab_active),
            Span::raw(format!("  {}", c.welcome_demo)),
        ]),
        Line::from(""),
        Line::from(vec![
            Span::styled("  q  ", ui.theme.tab_active),
            Span::raw(format!("  {}", c.welcome_quit)),
        ]),
    ];
    if let Some(path) = path {
        let shown = ui.user(&path.display().to_string(), false).into_owned();
        let room = popup.width.saturating_sub(2) as usize;
        let prefix = fill!(c.welcome_where, path = "");
        let path = super::ui::fit_middle(&shown, room.saturating_sub(prefix.width() + 1));
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!("{}.", fill!(c.welcome_where, path = path)),
            ui.theme.dim,
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ui.theme.accent);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        popup,
    );
}

/// Shown instead of the app when the terminal is below the minimum size.
pub fn draw_too_small(f: &mut Frame, area: Rect, ui: &Ui) {
    let text = fill!(
        ui.t.common.too_small,
        width = area.width,
        height = area.height,
        min_width = MIN_WIDTH,
        min_height = MIN_HEIGHT
    );
    f.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(ui.theme.warn),
        area,
    );
}

/// A small centred box with a question or notice; its keys are shown in the status bar.
pub fn draw_question(f: &mut Frame, area: Rect, title: &str, text: &str, ui: &Ui) {
    let width = (text.width() as u16 + 4).clamp(20, 70);
    let height = (text.width() as u16 / width.saturating_sub(4).max(1)) + 3;
    let popup = centered(area, width, height + 1);
    f.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ui.theme.warn)
        .title(Span::styled(format!(" {title} "), ui.theme.warn));
    f.render_widget(
        Paragraph::new(ui.user(text, false).into_owned())
            .wrap(Wrap { trim: true })
            .block(block),
        popup,
    );
}
