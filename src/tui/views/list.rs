//! A list of records on screen: [`List`] keeps the rows a view loaded and the selection,
//! which follows its record (by id) across reloads and re-sorts; and drawing a list as a
//! table with a header, a highlighted cursor row and an empty hint.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::domain::{Commitment, Feedback, Gratitude, Mentor, Reflection};
use crate::store::{CommitmentRow, FeedbackRow, GoalSummary, GratitudeRow, MeetingSummary};
use crate::store::{Page, Window};
use crate::tui::paint;
use crate::tui::ui::{Ui, fit, window_start};

/// A list loads this many rows at first (the newest or most relevant first) when the
/// screen's height is not known yet, and grows by pages as the cursor reaches its end, so
/// opening a view costs the same on any journal.
pub const LIST_LIMIT: usize = 200;

/// Rows loaded beyond what the screen shows, so that moving down a little loads nothing.
pub const PAGE_MARGIN: usize = 32;

/// A position in a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub pos: usize,
}

impl Cursor {
    /// Moves by `delta` rows within a list of `len` rows.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.pos = 0;
            return;
        }
        let pos = self.pos as isize + delta;
        self.pos = pos.clamp(0, len as isize - 1) as usize;
    }

    /// Keeps the cursor inside a list that may have shrunk.
    pub fn clamp(&mut self, len: usize) {
        self.pos = self.pos.min(len.saturating_sub(1));
    }
}

/// Splits a view into a list and a detail pane: side by side when wide (the list keeps the
/// larger share, its text column takes the spare width), stacked otherwise, where the two
/// share the height by what they hold: a short list gives its empty rows to the detail, a
/// short detail gives its rows to the list, and only when both are long do they share it.
/// `rows` is the number of rows the list holds, `detail_height` what the detail pane needs
/// at the full width, borders included ([`crate::tui::detail::pane_height`]), asked only
/// when stacked (measuring it wraps the detail's text).
pub fn list_and_detail(
    area: Rect,
    rows: usize,
    detail_height: impl FnOnce() -> u16,
) -> (Rect, Rect) {
    if area.width >= 110 {
        let detail = (area.width * 2 / 5).clamp(40, 64);
        let [list, detail] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(detail)]).areas(area);
        return (list, detail);
    }
    let h = area.height;
    let detail_height = detail_height();
    // Borders and the header; an empty list still has room for its hint.
    let list_wants = (rows.max(1) as u16).saturating_add(3).max(4);
    let half = h / 2;
    let list = if list_wants.saturating_add(detail_height) <= h || list_wants <= half {
        list_wants.min(h)
    } else if detail_height <= half {
        h - detail_height
    } else {
        half
    };
    let [list, detail] =
        Layout::vertical([Constraint::Length(list), Constraint::Min(0)]).areas(area);
    (list, detail)
}

/// A row of a list: the record it shows, known by its row id.
pub trait Keyed {
    /// The id of the record the row shows.
    fn key(&self) -> i64;
}

macro_rules! keyed {
    ($($t:ty => |$r:ident| $key:expr),+ $(,)?) => {$(
        impl Keyed for $t {
            fn key(&self) -> i64 {
                let $r = self;
                $key
            }
        }
    )+};
}

keyed!(
    GoalSummary => |r| r.goal.id,
    MeetingSummary => |r| r.meeting.id,
    FeedbackRow => |r| r.feedback.id,
    Feedback => |r| r.id,
    CommitmentRow => |r| r.commitment.id,
    Commitment => |r| r.id,
    GratitudeRow => |r| r.gratitude.id,
    Gratitude => |r| r.id,
    Reflection => |r| r.id,
    Mentor => |r| r.id,
);

/// The rows a view loaded and the selected one.
///
/// The selection is a record, not a row number: when the rows are loaded again (after a
/// change, a re-sort, another filter) the cursor goes to wherever that record now is, and
/// only when it has left the list to the row now in its place (its neighbour).
///
/// The rows are a window over the whole sorted list ([`Window`]): the first page at first,
/// the last page after `G`, and as the cursor moves past either edge of the window the view
/// loads the window around where it goes (the page before or after, never every row in
/// between), so a list holds about two pages whatever its length and whatever keys are
/// pressed.
#[derive(Debug, Clone)]
pub struct List<R> {
    rows: Vec<R>,
    cursor: Cursor,
    /// More than a page: every row, to reach a record whose place is not known (0: none).
    limit: usize,
    /// The first page: what the screen shows plus [`PAGE_MARGIN`] (0: [`LIST_LIMIT`]).
    page: usize,
    /// The position of the first of `rows` in the whole list.
    start: usize,
    /// How many rows the whole list has (as the store counted them).
    total: usize,
    /// The window the next load asks for, when it is not the one loaded.
    want: Option<Window>,
    /// After the next load, put the cursor at this position of the whole list rather than
    /// on its record.
    aim: Option<usize>,
}

impl<R> Default for List<R> {
    fn default() -> Self {
        List {
            rows: Vec::new(),
            cursor: Cursor::default(),
            limit: 0,
            page: 0,
            start: 0,
            total: 0,
            want: None,
            aim: None,
        }
    }
}

impl<R: Keyed> List<R> {
    /// The rows, in order.
    pub fn rows(&self) -> &[R] {
        &self.rows
    }

    /// The rows, to fill in what they show (their keys and order stay as loaded).
    pub fn rows_mut(&mut self) -> &mut [R] {
        &mut self.rows
    }

    /// The cursor (the selected row's position among the loaded rows).
    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// The selected row's position among the loaded rows.
    pub fn pos(&self) -> usize {
        self.cursor.pos
    }

    /// The selected row.
    pub fn selected(&self) -> Option<&R> {
        self.rows.get(self.cursor.pos)
    }

    /// The id of the selected record.
    pub fn selected_id(&self) -> Option<i64> {
        self.selected().map(Keyed::key)
    }

    /// How many rows a first page holds.
    pub fn limit(&self) -> usize {
        let page = self.page_len();
        self.limit.max(page)
    }

    fn page_len(&self) -> usize {
        if self.page == 0 {
            LIST_LIMIT
        } else {
            self.page
        }
    }

    /// The window of the rows the next load asks the store for: the one loaded (so a
    /// reload after a change keeps the cursor's stretch of the list), or the one a move
    /// past its edge asked for.
    pub fn window(&self) -> Window {
        if let Some(w) = self.want {
            return w;
        }
        let loaded = self.rows.len();
        if self.start == 0 {
            Window::first(self.limit())
        } else {
            Window {
                start: self.start,
                len: loaded.max(self.page_len()),
            }
        }
    }

    /// Back to the first page at the next load (another filter or sort: a new list).
    pub fn restart(&mut self) {
        self.want = Some(Window::first(self.page_len()));
        self.limit = 0;
    }

    /// The cursor's place in the whole list and the whole list's length: what the
    /// "n/total" under a list says.
    pub fn place(&self) -> (usize, usize) {
        (self.whole(self.cursor.pos), self.total)
    }

    /// The position in the whole list of loaded row `i`.
    fn whole(&self, i: usize) -> usize {
        i + self.start
    }

    /// What [`draw_list`] needs to draw rows `first..` of the loaded ones.
    pub fn slice(&self, first: usize) -> Slice {
        Slice {
            first,
            len: self.rows.len(),
            place: Some(self.place()),
        }
    }

    /// Before a load: the first page becomes what a screen `height` rows tall shows plus
    /// [`PAGE_MARGIN`] (a height of 0, before the first frame, keeps [`LIST_LIMIT`]). Called
    /// only right before loading, so the rows loaded always match [`List::limit`].
    pub fn fit_page(&mut self, height: u16) {
        if height > 0 {
            self.page = usize::from(height) + PAGE_MARGIN;
        }
    }

    /// Replaces the rows with a whole list (not a window of a longer one).
    pub fn set_rows(&mut self, rows: Vec<R>) {
        let total = rows.len();
        self.set_page(Page {
            rows,
            start: 0,
            total,
        });
    }

    /// Replaces the rows with a fresh load: a window `page` of the whole list. The cursor
    /// goes where a move asked ([`List::grow`]), else stays on its record, else keeps its
    /// place.
    pub fn set_page(&mut self, page: Page<R>) {
        let id = self.selected_id();
        let was = self.whole(self.cursor.pos);
        self.start = page.start;
        self.total = page.total.max(page.rows.len());
        self.rows = page.rows;
        self.want = None;
        let pos = match self.aim.take() {
            Some(at) => at.saturating_sub(self.start),
            None => match id.and_then(|id| self.rows.iter().position(|r| r.key() == id)) {
                Some(pos) => pos,
                None if self.start > 0 => was.saturating_sub(self.start),
                None => self.cursor.pos,
            },
        };
        self.cursor.pos = pos;
        self.cursor.clamp(self.rows.len());
    }

    /// Keeps a window that grew past two pages (every row loaded to reach a search hit)
    /// to the two pages around the cursor, so the list does not keep them all.
    fn trim(&mut self) {
        let page = self.page_len();
        let loaded = self.rows.len();
        if self.limit == 0 {
            return;
        }
        self.limit = 0;
        if loaded <= 2 * page {
            return;
        }
        let at = self.cursor.pos;
        let from = at.saturating_sub(page).min(loaded.saturating_sub(2 * page));
        let to = (from + 2 * page).min(loaded);
        self.rows.truncate(to);
        self.rows.drain(..from);
        self.start += from;
        self.cursor.pos -= from;
    }

    /// Moves the cursor by `delta` rows.
    pub fn step(&mut self, delta: isize) {
        self.cursor.step(delta, self.rows.len());
    }

    /// Puts the cursor on row `pos` (clamped).
    pub fn set_pos(&mut self, pos: usize) {
        self.cursor.pos = pos;
        self.cursor.clamp(self.rows.len());
    }

    /// Puts the cursor on record `id`; false when it is not in the list. Rows loaded to
    /// reach it ([`List::reach`]) are then kept to the two pages around it.
    pub fn select(&mut self, id: i64) -> bool {
        let found = match self.rows.iter().position(|r| r.key() == id) {
            Some(pos) => {
                self.cursor.pos = pos;
                true
            }
            None => false,
        };
        self.trim();
        found
    }

    /// Before selecting record `id` (a search hit, a link from another view): when it is
    /// not among the loaded rows and the list is longer than them, so that it may lie
    /// beyond them, asks for every row (kept to two pages around it once it is selected,
    /// [`List::trim`]) and says the view must load again.
    pub fn reach(&mut self, id: i64) -> bool {
        let loaded = self.rows.len();
        let whole = self.start == 0 && loaded < self.limit() && loaded >= self.total;
        if whole || self.rows.iter().any(|r| r.key() == id) {
            return false;
        }
        self.limit = i64::MAX as usize;
        self.want = Some(Window::first(self.limit));
        true
    }

    /// Before a move of `delta` rows: when the rows the screen shows at the new place
    /// (the cursor and the screen's height above it) are not all loaded, asks for the
    /// window around it — the last page for `G` (a move to the end), the first for `gg` —
    /// and says the view must load again; the move itself is then made on the new rows.
    pub fn grow(&mut self, delta: isize) -> bool {
        let whole_len = self.total.max(self.rows.len());
        if delta == 0 || whole_len == 0 {
            return false;
        }
        let here = self.whole(self.cursor.pos);
        let target = (here as isize)
            .saturating_add(delta)
            .clamp(0, whole_len as isize - 1) as usize;
        let page = self.page_len();
        let loaded = self.rows.len();
        let (lo, hi) = (self.start, self.start + loaded);
        let seen = page.saturating_sub(PAGE_MARGIN).min(target);
        let want = if target - seen >= lo && target < hi {
            None
        } else if target + 1 == self.total && delta > 1 {
            Some(Window::last(page))
        } else if target < page {
            Some(Window::first(page))
        } else {
            Some(Window {
                start: target - page,
                len: 2 * page,
            })
        };
        let Some(want) = want else {
            return false;
        };
        self.limit = 0;
        self.want = Some(want);
        self.aim = Some(here);
        true
    }
}

/// One row of a list to draw: its cells (each cut to its column with `…`) and a style for
/// the whole row.
pub struct ListRow<'a> {
    pub cells: Vec<Span<'a>>,
    pub style: Style,
}

impl<'a> ListRow<'a> {
    /// A row of `cells`.
    pub fn new(cells: Vec<Span<'a>>) -> ListRow<'a> {
        ListRow {
            cells,
            style: Style::default(),
        }
    }

    /// The row in `style`.
    pub fn style(mut self, style: Style) -> ListRow<'a> {
        self.style = style;
        self
    }
}

/// A list to draw.
pub struct ListSpec<'a> {
    pub title: String,
    pub headers: &'a [&'a str],
    /// Each column's width: `Length(n)` is the most it takes (it shrinks to its widest cell
    /// on screen), `Min(n)` is a text column that takes the width left over.
    pub widths: &'a [Constraint],
    pub rows: Vec<ListRow<'a>>,
    pub cursor: Cursor,
    /// Shown instead of the table when there are no rows (says what to press).
    pub empty: &'a str,
    /// Whether this pane has the focus (the cursor row is highlighted).
    pub focused: bool,
    /// When `rows` holds only the visible rows of the loaded ones (see [`window`]): which
    /// ones; `None` when `rows` is every row.
    pub window: Option<Slice>,
}

/// The visible rows of a list: rows `first..` of the `len` loaded, and (`place`) the
/// cursor's place in the whole list and its length, for the "n/total" under the list when
/// the loaded rows are a window of a longer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub first: usize,
    pub len: usize,
    pub place: Option<(usize, usize)>,
}

impl Slice {
    /// Rows `first..` of `len` rows that are the whole list.
    pub fn whole(first: usize, len: usize) -> Slice {
        Slice {
            first,
            len,
            place: None,
        }
    }
}

/// The rows of a list of `total` rows that fit in `area` with the cursor on screen: build
/// only these, so a frame costs the same for 50 rows or 50,000.
pub fn window(cursor: Cursor, total: usize, area: Rect) -> std::ops::Range<usize> {
    let height = (area.height.saturating_sub(3) as usize).max(1);
    let start = window_start(cursor.pos, height).min(total);
    start..(start + height).min(total)
}

/// The width of each column inside `width` cells: a fixed column as wide as its widest cell
/// (header included) up to its length, the text columns sharing what is left.
fn column_widths(
    widths: &[Constraint],
    headers: &[&str],
    rows: &[&ListRow<'_>],
    width: u16,
) -> Vec<u16> {
    let widest = |i: usize| {
        rows.iter()
            .filter_map(|r| r.cells.get(i))
            .map(|c| c.content.width())
            .chain(headers.get(i).map(|h| h.width()))
            .max()
            .unwrap_or(0) as u16
    };
    let constraints: Vec<Constraint> = widths
        .iter()
        .enumerate()
        .map(|(i, c)| match *c {
            Constraint::Length(n) => Constraint::Length(n.min(widest(i))),
            other => other,
        })
        .collect();
    let area = Rect::new(0, 0, width, 1);
    Layout::horizontal(constraints)
        .spacing(1)
        .split(area)
        .iter()
        .map(|r| r.width)
        .collect()
}

/// Draws `spec` in `area` inside a titled block. Every cell is cut to its column with `…`.
pub fn draw_list(f: &mut Frame, area: Rect, spec: ListSpec<'_>, ui: &Ui) {
    let inner_width = area.width.saturating_sub(2);
    let title = Line::from(Span::styled(
        format!(
            " {} ",
            fit(&spec.title, inner_width.saturating_sub(2) as usize)
        ),
        ui.theme.title,
    ));
    let slice = spec
        .window
        .unwrap_or_else(|| Slice::whole(0, spec.rows.len()));
    let (first, len) = (slice.first, slice.len);
    if len == 0 {
        let hint = Paragraph::new(Line::from(Span::styled(
            spec.empty.to_string(),
            ui.theme.dim,
        )))
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(ui.theme.dim)
                .title(title),
        );
        f.render_widget(hint, area);
        return;
    }
    let inner_height = area.height.saturating_sub(3) as usize; // borders + header
    let start = window_start(spec.cursor.pos, inner_height).max(first);
    let shown: Vec<(usize, ListRow)> = spec
        .rows
        .into_iter()
        .enumerate()
        .map(|(k, row)| (k + first, row))
        .skip(start - first)
        .take(inner_height.max(1))
        .collect();
    let cols = {
        let rows: Vec<&ListRow> = shown.iter().map(|(_, r)| r).collect();
        column_widths(spec.widths, spec.headers, &rows, inner_width)
    };
    let (at, of) = slice.place.unwrap_or((spec.cursor.pos, len));
    let place =
        (of > inner_height && inner_height > 0).then(|| Line::from(format!(" {}/{} ", at + 1, of)));
    // The border, the title and the place, then the header and one row per line, each cell
    // cut to its column with `…` and written straight into the buffer (see `tui::paint`); a
    // row's style covers its whole width.
    let buf = f.buffer_mut();
    let inner = paint::framed(buf, area, ui.theme.dim, &title, place.as_ref());
    let mut line = |y: u16, cells: &mut dyn Iterator<Item = (&str, Style)>, style: Style| {
        paint::style_area(buf, Rect::new(inner.x, y, inner.width, 1), style);
        let mut x = inner.x;
        for ((text, cell_style), &width) in cells.zip(&cols) {
            if x >= inner.right() {
                break;
            }
            let room = width.min(inner.right() - x);
            paint::put_str(buf, x, y, &fit(text, width as usize), room, cell_style);
            x = x.saturating_add(width).saturating_add(1);
        }
    };
    if inner.height == 0 {
        return;
    }
    line(
        inner.y,
        &mut spec.headers.iter().map(|h| (*h, Style::default())),
        ui.theme.header,
    );
    for ((i, row), y) in shown.iter().zip(inner.y + 1..inner.bottom()) {
        let style = if spec.focused && *i == spec.cursor.pos {
            ui.theme.selected
        } else {
            row.style
        };
        line(
            y,
            &mut row
                .cells
                .iter()
                .map(|span| (span.content.as_ref(), span.style)),
            style,
        );
    }
}

/// Draws a titled pane from lines (a panel of Today, the keep rate…); a record's detail is
/// drawn by [`crate::tui::detail::draw_pane`], which also says when there is more.
pub fn draw_detail(f: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>, ui: &Ui) {
    let title = fit(title, area.width.saturating_sub(4) as usize);
    let title = Line::from(Span::styled(format!(" {title} "), ui.theme.title));
    let buf = f.buffer_mut();
    let inner = paint::framed(buf, area, ui.theme.dim, &title, None);
    paint::wrapped(buf, inner, &lines);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Row(i64);

    impl Keyed for Row {
        fn key(&self) -> i64 {
            self.0
        }
    }

    fn list(ids: &[i64]) -> List<Row> {
        let mut l = List::default();
        l.set_rows(ids.iter().map(|i| Row(*i)).collect());
        l
    }

    #[test]
    fn cursor_stays_in_range() {
        let mut c = Cursor::default();
        c.step(5, 3);
        assert_eq!(c.pos, 2);
        c.step(-10, 3);
        assert_eq!(c.pos, 0);
        c.step(1, 0);
        assert_eq!(c.pos, 0);
    }

    #[test]
    fn the_selection_follows_its_record_across_a_re_sort() {
        let mut l = list(&[1, 2, 3, 4]);
        l.step(1);
        assert_eq!(l.selected_id(), Some(2));
        // Record 2 moved to the end (marked done): the cursor goes with it.
        l.set_rows([1, 3, 4, 2].map(Row).to_vec());
        assert_eq!((l.pos(), l.selected_id()), (3, Some(2)));
        // A record added above does not move the selection off its record either.
        l.set_rows([9, 1, 3, 4, 2].map(Row).to_vec());
        assert_eq!(l.selected_id(), Some(2));
    }

    #[test]
    fn when_its_record_leaves_the_selection_goes_to_the_neighbour() {
        let mut l = list(&[1, 2, 3]);
        l.step(1);
        l.set_rows([1, 3].map(Row).to_vec());
        assert_eq!(l.selected_id(), Some(3), "the row now in its place");
        l.set_rows([1].map(Row).to_vec());
        assert_eq!(l.selected_id(), Some(1), "the last one when it was last");
        l.set_rows(Vec::new());
        assert_eq!(l.selected_id(), None);
        assert!(!l.select(5));
    }

    #[test]
    fn the_first_page_is_what_the_screen_shows_plus_a_margin() {
        let mut l = list(&[1, 2]);
        assert_eq!(l.limit(), LIST_LIMIT, "no frame yet");
        l.fit_page(0);
        assert_eq!(l.limit(), LIST_LIMIT);
        l.fit_page(24);
        assert_eq!(l.limit(), 24 + PAGE_MARGIN);
        assert_eq!(l.window(), Window::first(24 + PAGE_MARGIN));
    }

    /// `rows` of a whole list `0..total` as the store gives them for `w`.
    fn load(l: &mut List<Row>, total: usize) {
        let w = l.window();
        let start = w.start.min(total.saturating_sub(w.len));
        let end = start.saturating_add(w.len).min(total);
        let rows = (start..end).map(|i| Row(i as i64)).collect();
        l.set_page(Page { rows, start, total });
    }

    /// A move as a view makes it: load again when asked, then move.
    fn step(l: &mut List<Row>, delta: isize, total: usize) {
        if l.grow(delta) {
            load(l, total);
        }
        l.step(delta);
    }

    #[test]
    fn g_loads_the_last_page_and_k_the_page_before_it() {
        let (total, page) = (1000, 24 + PAGE_MARGIN);
        let mut l = List::default();
        l.fit_page(24);
        load(&mut l, total);
        assert_eq!(l.rows().len(), page);
        assert!(!l.grow(1), "inside the page: nothing to load");
        step(&mut l, isize::MAX / 2, total);
        assert_eq!(l.selected_id(), Some(999));
        assert_eq!(l.place(), (999, total));
        assert_eq!(l.rows().len(), page, "the last page only");
        for want in (0..999).rev() {
            step(&mut l, -1, total);
            assert_eq!(l.selected_id(), Some(want));
            assert_eq!(l.place(), (want as usize, total));
            assert!(l.rows().len() <= 2 * page);
            let first = l.rows()[0].0 as usize;
            assert!(
                first + 24 <= want as usize || first == 0,
                "a screen above the cursor"
            );
        }
        step(&mut l, isize::MAX / 2, total);
        step(&mut l, isize::MIN / 2, total);
        assert_eq!((l.selected_id(), l.rows().len()), (Some(0), page));
    }

    #[test]
    fn rows_loaded_to_reach_a_record_are_kept_to_two_pages_around_it() {
        let mut l = List::default();
        l.fit_page(10);
        let page = 10 + PAGE_MARGIN;
        load(&mut l, 5000);
        assert!(l.reach(4000), "beyond the loaded rows");
        load(&mut l, 5000);
        assert!(l.select(4000));
        assert!(l.rows().len() <= 2 * page);
        assert_eq!(l.place(), (4000, 5000));
        assert!(!l.reach(4001), "loaded already");
    }
}
