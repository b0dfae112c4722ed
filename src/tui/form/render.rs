//! Drawing a form as a centred popup: labels on the left, inputs on the right, an inline
//! message under a field, the side panel beside (wide screens) or below, key hints at the
//! bottom. Every size is clamped, so nothing here panics on a tiny terminal.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Form;
use super::field::{Field, FieldKind, Input};
use crate::domain::dates::parse_optional_date_as;
use crate::domain::text::clean_line;
use crate::tui::shell::centered;
use crate::tui::ui::{Ui, fit};

/// The side panel goes beside the fields from this terminal width on.
pub const WIDE: u16 = 100;
/// The width the fields column asks for.
const FORM_WIDTH: u16 = 76;
/// The width the side panel asks for when beside the fields.
const PANEL_WIDTH: u16 = 44;
/// A label column wider than this share (in fifths) of the fields' width puts the labels
/// above their fields instead.
const LABEL_SHARE: u16 = 2;

/// A message line under a field.
struct Note {
    text: String,
    style: Style,
}

/// How the fields are laid out at this size: the label column (as wide as the longest label
/// of the form in its language, so no label is ever cut) or labels above the fields.
#[derive(Debug, Clone, Copy)]
struct Columns {
    label: u16,
    stacked: bool,
}

impl Form {
    /// The side panel to draw: the compact one below the fields of a narrow form.
    fn panel(&self, wide: bool) -> &[Line<'static>] {
        match (&self.compact_panel, wide) {
            (Some(compact), false) => compact,
            _ => &self.side_panel,
        }
    }

    /// Draws the form as a popup centred in `area`.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let wide = area.width >= WIDE && !self.side_panel.is_empty();
        let today = ui.today();
        let panel = self.panel(wide);
        let wanted_width = if wide {
            FORM_WIDTH + PANEL_WIDTH + 2
        } else {
            FORM_WIDTH + 2
        };
        // The widths first (the popup's is known before its height), then each field's rows.
        let popup_width = centered(area, wanted_width, area.height).width;
        let padding = u16::from(popup_width >= 30);
        let inner_width = popup_width.saturating_sub(2 + 2 * padding);
        let panel_width = PANEL_WIDTH.min(inner_width / 2);
        let fields_width = if wide {
            inner_width.saturating_sub(panel_width + 1)
        } else {
            inner_width
        };
        let columns = self.columns(fields_width);
        let input_width = if columns.stacked {
            fields_width.saturating_sub(2)
        } else {
            fields_width.saturating_sub(columns.label)
        };
        let notes: Vec<Vec<Note>> = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, field)| notes(field, i == self.focus, today, input_width, ui))
            .collect();
        let heights: Vec<u16> = self
            .fields
            .iter()
            .zip(&notes)
            .map(|(field, notes)| rows(field) + u16::from(columns.stacked) + notes.len() as u16)
            .collect();
        let fields_height: u16 = heights.iter().fold(0u16, |a, h| a.saturating_add(*h));
        let panel_text_width = if wide {
            panel_width.saturating_sub(2)
        } else {
            inner_width
        };
        let panel_height = panel_lines(panel, panel_text_width);
        let wanted_height = if wide {
            fields_height.max(panel_height)
        } else if panel_height > 0 {
            fields_height.saturating_add(panel_height).saturating_add(1)
        } else {
            fields_height
        };
        // Borders, and the hint row.
        let popup = centered(area, wanted_width, wanted_height.saturating_add(3));
        f.render_widget(Clear, popup);
        let title = fit(
            &clean_line(&self.title),
            popup.width.saturating_sub(4) as usize,
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ui.theme.accent)
            .padding(Padding::horizontal(padding))
            .title(Span::styled(format!(" {title} "), ui.theme.title));
        let inner = block.inner(popup);
        f.render_widget(block, popup);
        if inner.is_empty() {
            return;
        }
        let hint_row = Rect {
            y: inner.bottom().saturating_sub(1),
            height: 1,
            ..inner
        };
        self.render_hints(f, hint_row, ui);
        let body = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        if body.is_empty() {
            return;
        }
        let (fields_area, panel_area) = split(body, wide, panel_height, &heights, self.focus);
        self.render_fields(f, fields_area, columns, &heights, notes, ui);
        if let Some(panel_area) = panel_area {
            let borders = if wide { Borders::LEFT } else { Borders::TOP };
            let block = Block::default()
                .borders(borders)
                .border_style(ui.theme.dim)
                .padding(Padding::left(u16::from(wide)));
            f.render_widget(
                Paragraph::new(panel.to_vec())
                    .wrap(Wrap { trim: false })
                    .block(block),
                panel_area,
            );
        }
    }

    /// The label column for fields `width` wide: the longest label with its focus marker
    /// and required star; labels above the fields when that takes too much of the width.
    fn columns(&self, width: u16) -> Columns {
        let longest = self
            .fields
            .iter()
            .map(|fl| clean_line(&fl.label).width() + 4)
            .max()
            .unwrap_or(0) as u16;
        Columns {
            label: longest,
            stacked: longest > width * LABEL_SHARE / 5,
        }
    }

    fn render_hints(&self, f: &mut Frame, row: Rect, ui: &Ui) {
        let t = &ui.t.form;
        let (text, style) = if self.confirming_discard {
            (t.confirm_discard.to_string(), ui.theme.warn)
        } else if self.save_refused {
            (t.fix_errors.to_string(), ui.theme.danger)
        } else {
            (
                crate::tui::keys::hint_line(crate::tui::keys::FORM, ui.t, " · "),
                ui.theme.dim,
            )
        };
        f.render_widget(
            Paragraph::new(Span::styled(fit(&text, row.width as usize), style)),
            row,
        );
    }

    fn render_fields(
        &self,
        f: &mut Frame,
        area: Rect,
        columns: Columns,
        heights: &[u16],
        notes: Vec<Vec<Note>>,
        ui: &Ui,
    ) {
        if area.is_empty() || self.fields.is_empty() {
            return;
        }
        let label_width = if columns.stacked {
            area.width
        } else {
            columns.label.min(area.width)
        };
        let indent = if columns.stacked { 2 } else { label_width };
        let start = first_visible(heights, self.focus, area.height);
        let mut y = area.y;
        for ((i, field), notes) in self.fields.iter().enumerate().zip(notes).skip(start) {
            if y >= area.bottom() {
                break;
            }
            let focused = i == self.focus;
            let label = Rect {
                x: area.x,
                y,
                width: label_width,
                height: 1,
            };
            render_label(f, label, field, focused, ui);
            if columns.stacked {
                y += 1;
                if y >= area.bottom() {
                    break;
                }
            }
            let room = area.bottom() - y;
            let input = Rect {
                x: area.x + indent,
                y,
                width: area.width.saturating_sub(indent),
                height: rows(field).min(room),
            };
            render_input(f, input, field, focused, ui);
            y += input.height;
            for note in notes {
                if y >= area.bottom() {
                    break;
                }
                let row = Rect {
                    y,
                    height: 1,
                    ..input
                };
                f.render_widget(
                    Paragraph::new(Span::styled(
                        fit(&note.text, row.width as usize),
                        note.style,
                    )),
                    row,
                );
                y += 1;
            }
        }
    }
}

/// The rows `lines` take wrapped at `width`.
fn panel_lines(lines: &[Line<'static>], width: u16) -> u16 {
    if lines.is_empty() {
        return 0;
    }
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width.max(1)) as u16
}

/// The rows a field's input takes.
fn rows(field: &Field) -> u16 {
    match field.kind {
        FieldKind::Multi { height } => height.max(1),
        _ => 1,
    }
}

/// Where the fields and the side panel go inside the popup body.
fn split(
    body: Rect,
    wide: bool,
    panel_lines: u16,
    heights: &[u16],
    focus: usize,
) -> (Rect, Option<Rect>) {
    if panel_lines == 0 {
        return (body, None);
    }
    if wide {
        let panel_width = PANEL_WIDTH.min(body.width / 2);
        let fields = Rect {
            // One column of air before the panel's rule.
            width: (body.width - panel_width).saturating_sub(1),
            ..body
        };
        let panel = Rect {
            x: body.right() - panel_width,
            width: panel_width,
            ..body
        };
        return (fields, Some(panel));
    }
    // Below: the focused field keeps its rows; when the fields do not all fit, the panel
    // (with its rule) takes at most half of the room.
    let focused = heights.get(focus).copied().unwrap_or(1);
    let all_fields = heights.iter().fold(0u16, |a, h| a.saturating_add(*h));
    let cap = body.height.saturating_sub(all_fields).max(body.height / 2);
    let panel_height = panel_lines
        .saturating_add(1)
        .min(body.height.saturating_sub(focused))
        .min(cap);
    if panel_height < 2 {
        return (body, None);
    }
    let fields = Rect {
        height: body.height - panel_height,
        ..body
    };
    let panel = Rect {
        y: fields.bottom(),
        height: panel_height,
        ..body
    };
    (fields, Some(panel))
}

/// The first field to draw so that the focused one is on screen.
fn first_visible(heights: &[u16], focus: usize, room: u16) -> usize {
    let focus = focus.min(heights.len().saturating_sub(1));
    let mut start = 0;
    while start < focus
        && heights[start..=focus]
            .iter()
            .fold(0u16, |a, h| a.saturating_add(*h))
            > room
    {
        start += 1;
    }
    start
}

fn render_label(f: &mut Frame, area: Rect, field: &Field, focused: bool, ui: &Ui) {
    if area.is_empty() {
        return;
    }
    let marker = if focused { "▸ " } else { "  " };
    let star = if field.required { "*" } else { "" };
    let text = format!("{marker}{}{star}", clean_line(&field.label));
    let style = if focused {
        ui.theme.selected
    } else if field.error.is_some() {
        ui.theme.danger
    } else {
        ui.theme.header
    };
    let width = area.width.saturating_sub(1) as usize;
    f.render_widget(Paragraph::new(Span::styled(fit(&text, width), style)), area);
}

fn render_input(f: &mut Frame, area: Rect, field: &Field, focused: bool, ui: &Ui) {
    if area.is_empty() {
        return;
    }
    let t = &ui.t.form;
    match &field.input {
        Input::Text(text) => {
            // Underlined cells show where the input is, also without colour.
            f.buffer_mut()
                .set_style(area, Style::default().add_modifier(Modifier::UNDERLINED));
            f.render_widget(text.as_ref(), area);
        }
        Input::Choice { options, index } => {
            let label = options.get(*index).map_or("", |(_, label)| label.as_str());
            let mut spans = vec![Span::styled(format!("‹ {label} ›"), ui.theme.base)];
            if focused {
                spans.push(Span::styled(format!("  {}", t.choice_hint), ui.theme.dim));
            }
            f.render_widget(Paragraph::new(fit_spans(spans, area.width)), area);
        }
        Input::Toggle(on) => {
            let text = if *on {
                format!("[x] {}", t.toggle_on)
            } else {
                format!("[ ] {}", t.toggle_off)
            };
            f.render_widget(
                Paragraph::new(Span::styled(fit(&text, area.width as usize), ui.theme.base)),
                area,
            );
        }
    }
}

/// Spans cut to `width` cells as one line.
fn fit_spans(spans: Vec<Span<'static>>, width: u16) -> Line<'static> {
    let mut left = width as usize;
    let mut out = Vec::new();
    for span in spans {
        if left == 0 {
            break;
        }
        let text = fit(&span.content, left);
        left = left.saturating_sub(text.width());
        out.push(Span::styled(text, span.style));
    }
    Line::from(out)
}

/// The lines under a field: its error, or for a date the day it reads as (or, when empty
/// and focused, the forms a date may take); then, while it has the focus, its hint wrapped
/// to the input's `width`.
fn notes(field: &Field, focused: bool, today: NaiveDate, width: u16, ui: &Ui) -> Vec<Note> {
    let mut notes: Vec<Note> = note(field, focused, today, ui).into_iter().collect();
    if focused && let Some(hint) = &field.hint {
        notes.extend(
            crate::tui::ui::wrap(hint, width.max(1) as usize, 0)
                .into_iter()
                .map(|text| Note {
                    text,
                    style: ui.theme.dim,
                }),
        );
    }
    notes
}

/// The line under a field: its error, or for a date the day it reads as (or, when empty and
/// focused, the forms a date may take).
fn note(field: &Field, focused: bool, today: NaiveDate, ui: &Ui) -> Option<Note> {
    if let Some(err) = &field.error {
        return Some(Note {
            text: err.message(ui.t),
            style: ui.theme.danger,
        });
    }
    if field.kind == FieldKind::Time {
        // `9am` reads as 09:00: say so, as a date word is shown as its date.
        let raw = field.raw();
        return crate::domain::dates::parse_time(&raw)
            .map(|t| t.format("%H:%M").to_string())
            .filter(|shown| shown != raw.trim())
            .map(|shown| Note {
                text: format!("→ {shown}"),
                style: ui.theme.dim,
            });
    }
    if field.kind != FieldKind::Date {
        return None;
    }
    let raw = field.raw();
    match parse_optional_date_as(&raw, today, ui.date_format.slash_dates()) {
        Ok(None) if focused => Some(Note {
            text: ui.t.form.date_hint.to_string(),
            style: ui.theme.dim,
        }),
        Ok(Some(date)) if ui.date(date) != raw.trim() => Some(Note {
            text: format!("→ {} ({})", ui.date(date), ui.relative_day(date)),
            style: ui.theme.dim,
        }),
        _ => None,
    }
}
