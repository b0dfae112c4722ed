//! Drawing a list as a table with a header, a highlighted cursor row and an empty hint.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Wrap};

use super::Cursor;
use crate::tui::ui::{Ui, window_start};

/// A list to draw.
pub struct ListSpec<'a> {
    pub title: String,
    pub headers: &'a [&'a str],
    pub widths: &'a [Constraint],
    pub rows: Vec<Row<'a>>,
    pub cursor: Cursor,
    /// Shown instead of the table when there are no rows (says what to press).
    pub empty: &'a str,
    /// Whether this pane has the focus (the cursor row is highlighted).
    pub focused: bool,
    /// `Some((first, total))` when `rows` holds only the visible window of a longer list
    /// (rows `first..` of `total`, see [`window`]); `None` when `rows` is the whole list.
    pub window: Option<(usize, usize)>,
}

/// The rows of a list of `total` rows that fit in `area` with the cursor on screen: build
/// only these, so a frame costs the same for 50 rows or 50,000.
pub fn window(cursor: Cursor, total: usize, area: Rect) -> std::ops::Range<usize> {
    let height = (area.height.saturating_sub(3) as usize).max(1);
    let start = window_start(cursor.pos, height).min(total);
    start..(start + height).min(total)
}

/// Draws `spec` in `area` inside a titled block.
pub fn draw_list(f: &mut Frame, area: Rect, spec: ListSpec<'_>, ui: &Ui) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ui.theme.dim)
        .title(Span::styled(format!(" {} ", spec.title), ui.theme.title));
    let (first, len) = spec.window.unwrap_or((0, spec.rows.len()));
    if len == 0 {
        let hint = Paragraph::new(Line::from(Span::styled(
            spec.empty.to_string(),
            ui.theme.dim,
        )))
        .wrap(Wrap { trim: true })
        .block(block);
        f.render_widget(hint, area);
        return;
    }
    let inner_height = area.height.saturating_sub(3) as usize; // borders + header
    let start = window_start(spec.cursor.pos, inner_height).max(first);
    let rows: Vec<Row> = spec
        .rows
        .into_iter()
        .enumerate()
        .map(|(k, row)| (k + first, row))
        .skip(start - first)
        .take(inner_height.max(1))
        .map(|(i, row)| {
            if spec.focused && i == spec.cursor.pos {
                row.style(ui.theme.selected)
            } else {
                row
            }
        })
        .collect();
    let mut block = block;
    if len > inner_height && inner_height > 0 {
        block = block
            .title_bottom(Line::from(format!(" {}/{} ", spec.cursor.pos + 1, len)).right_aligned());
    }
    let table = Table::new(rows, spec.widths.to_vec())
        .header(Row::new(spec.headers.iter().map(|h| h.to_string())).style(ui.theme.header))
        .column_spacing(1)
        .block(block);
    f.render_widget(table, area);
}

/// Draws a titled detail pane from lines.
pub fn draw_detail(f: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>, ui: &Ui) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ui.theme.dim)
        .title(Span::styled(format!(" {title} "), ui.theme.title));
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

/// A "label: value" line for detail panes.
pub fn field<'a>(label: &str, value: impl Into<String>, ui: &Ui) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), ui.theme.header),
        Span::styled(value.into(), ui.theme.base),
    ])
}

/// A section heading inside a detail pane.
pub fn heading<'a>(text: &str, ui: &Ui) -> Line<'a> {
    Line::from(Span::styled(text.to_string(), ui.theme.title))
}
