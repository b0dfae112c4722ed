//! A record's detail, the one mechanism every view shares: the pane beside or under a list
//! (which says when there is more than it shows), and the whole detail over the view
//! (`Enter` or `v`), which scrolls with `j`/`k`, `PgDn`/`PgUp`, `g`/`G` and the mouse wheel
//! and goes back with `Esc` to the list, the same record still selected. Both draw what the
//! view's [`Screen::detail`](super::views::screen::Screen::detail) gives, so what a record
//! shows is said once.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::paint;
use super::ui::{Ui, fit};
use super::view::View;
use super::views::screen::Detail;

/// The whole detail of the selected record of `view`, open over it.
#[derive(Debug)]
pub struct DetailState {
    /// The view whose selected record it shows.
    pub view: View,
    /// The first line shown.
    pub scroll: u16,
    /// The furthest it can scroll and a page, as the last frame measured them (the detail
    /// wraps to the terminal's width, so only drawing knows).
    measured: Cell<(u16, u16)>,
}

impl DetailState {
    /// The detail of `view`'s selected record, from its top.
    pub fn new(view: View) -> DetailState {
        DetailState {
            view,
            scroll: 0,
            measured: Cell::new((u16::MAX, 1)),
        }
    }

    /// Scrolls by `delta` lines, within the detail.
    pub fn scroll_by(&mut self, delta: isize) {
        let (max, _) = self.measured.get();
        let to = (self.scroll as isize).saturating_add(delta);
        self.scroll = to.clamp(0, max as isize) as u16;
    }

    /// Scrolls by `pages` screens.
    pub fn page(&mut self, pages: isize) {
        let (_, page) = self.measured.get();
        self.scroll_by(pages.saturating_mul(page.max(1) as isize));
    }

    /// The furthest the detail scrolls, as last drawn.
    pub fn max_scroll(&self) -> u16 {
        self.measured.get().0
    }

    /// Draws `detail` over `area` (the whole body of the screen), from the scrolled line.
    pub fn render(&self, f: &mut Frame, area: Rect, detail: Option<&Detail>, ui: &Ui) {
        f.render_widget(Clear, area);
        let (title, lines) = match detail {
            Some((title, lines)) => (title.as_str(), lines.clone()),
            None => (
                "",
                vec![Line::styled(
                    ui.t.common.nothing_selected.to_string(),
                    ui.theme.dim,
                )],
            ),
        };
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        let inner_width = area.width.saturating_sub(2);
        let page = area.height.saturating_sub(2);
        let total = paragraph.line_count(inner_width) as u16;
        let max = total.saturating_sub(page);
        self.measured.set((max, page));
        let scroll = self.scroll.min(max);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_style(ui.theme.accent)
            .title(Span::styled(
                format!(" {} ", fit(title, inner_width.saturating_sub(2) as usize)),
                ui.theme.title,
            ));
        if max > 0 {
            let last = (scroll + page).min(total);
            block = block.title_bottom(
                Line::from(format!(" {}–{}/{} ", scroll + 1, last, total)).right_aligned(),
            );
        }
        f.render_widget(paragraph.block(block).scroll((scroll, 0)), area);
    }
}

/// Draws a record's detail in its pane beside or under the list. When it holds more than the
/// pane shows, its bottom border says how to see all of it.
pub fn draw_pane(f: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>, ui: &Ui) {
    let inner_width = area.width.saturating_sub(2);
    let title = fit(title, inner_width.saturating_sub(2) as usize);
    let title = Line::from(Span::styled(format!(" {title} "), ui.theme.title));
    let more = (paint::wrapped_rows(&lines, inner_width) > area.height.saturating_sub(2) as usize)
        .then(|| Line::styled(format!(" {} ", ui.t.common.detail_more), ui.theme.accent));
    let buf = f.buffer_mut();
    let inner = paint::framed(buf, area, ui.theme.dim, &title, more.as_ref());
    paint::wrapped(buf, inner, &lines);
}

/// How many rows a detail of `lines` takes at `width` columns, borders included.
pub fn pane_height(lines: &[Line<'_>], width: u16) -> u16 {
    let count = paint::wrapped_rows(lines, width.saturating_sub(2));
    (count.min(usize::from(u16::MAX)) as u16).saturating_add(2)
}

/// The rows a view's detail pane asks for at `width` (0 without a detail).
pub fn wanted(detail: Option<&Detail>, width: u16) -> u16 {
    detail.map_or(0, |(_, lines)| pane_height(lines, width))
}
