//! Writing text and styles straight into a frame's buffer, for what is drawn on every frame
//! in bulk (a list's rows, a detail pane's lines): the same cells ratatui's
//! `Buffer::set_stringn`, `Buffer::set_style` and a wrapping `Paragraph` give, without their
//! per-cell look-ups, and without splitting text into graphemes where every character is a
//! one-cell grapheme of its own ([`narrow`]: ASCII, accented Latin letters, the dashes,
//! dots, arrows and box lines the interface draws).
//!
//! A whole-screen list at 200×60 is about ten thousand cells on every key that changes the
//! view; drawn through a `Table` of `Text` cells each cell was styled four or five times
//! (table, row, cell, span) and its text split into graphemes, a millisecond per frame.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Whether `c` is always a grapheme of its own, one cell wide: printable ASCII, the Latin-1
/// and Latin Extended letters and signs, general punctuation (dashes, `…`, `·` is Latin-1),
/// arrows, box drawing, blocks and geometric shapes, and the check marks `✓ ✗`. None of
/// these joins a neighbour into one grapheme (no combining marks, joiners, prepended or
/// spacing marks, regional indicators, Hangul jamo); a test checks each is one cell wide.
pub fn narrow(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A1}'..='\u{AC}'
        | '\u{AE}'..='\u{24F}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{25FC}'
        | '\u{2713}'
        | '\u{2717}')
}

/// Writes `text` at (`x`, `y`), at most `max_width` cells and not past the buffer's right
/// edge, each written cell given `style` (patched onto what the cell had, as ratatui does);
/// control characters are skipped. Returns the column after the last cell written. Outside
/// the buffer it writes nothing.
pub fn put_str(buf: &mut Buffer, x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return x;
    }
    let room = area.right().saturating_sub(x).min(max_width) as usize;
    let start = usize::from(y - area.y) * usize::from(area.width) + usize::from(x - area.x);
    let mut written = 0;
    if text.is_ascii() {
        for (cell, b) in buf.content[start..start + room]
            .iter_mut()
            .zip(text.bytes().filter(|b| !b.is_ascii_control()))
        {
            cell.set_char(char::from(b)).set_style(style);
            written += 1;
        }
    } else if text.chars().all(|c| narrow(c) || c.is_ascii_control()) {
        for (cell, c) in buf.content[start..start + room]
            .iter_mut()
            .zip(text.chars().filter(|c| !c.is_ascii_control()))
        {
            cell.set_char(c).set_style(style);
            written += 1;
        }
    } else {
        return buf.set_stringn(x, y, text, max_width as usize, style).0;
    }
    x + written as u16
}

/// Draws a plain border around `area` in `border_style`, `title` on its top edge from the
/// left and `bottom` on its bottom edge from the right: the cells of
/// `Block::bordered().border_style(border_style).title(title).title_bottom(bottom)` (`bottom`
/// right-aligned), without the block's pass over every cell of its area to give them its
/// (default) style. Returns the area inside the border.
pub fn framed(
    buf: &mut Buffer,
    area: Rect,
    border_style: Style,
    title: &Line<'_>,
    bottom: Option<&Line<'_>>,
) -> Rect {
    use ratatui::widgets::Widget;
    let inner = Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return inner;
    }
    let (left, top) = (area.left(), area.top());
    let (right, bottom_row) = (area.right() - 1, area.bottom() - 1);
    let mut put = |x: u16, y: u16, symbol: &str| {
        buf[(x, y)].set_symbol(symbol).set_style(border_style);
    };
    // The sides, then the corners over them, in the block's order.
    for y in top..=bottom_row {
        put(left, y, "│");
    }
    for x in left..=right {
        put(x, top, "─");
    }
    for y in top..=bottom_row {
        put(right, y, "│");
    }
    for x in left..=right {
        put(x, bottom_row, "─");
    }
    put(right, bottom_row, "┘");
    put(right, top, "┐");
    put(left, bottom_row, "└");
    put(left, top, "┌");
    let titles = |y: u16| Rect::new(left + 1, y, area.width.saturating_sub(2), 1);
    let width = |line: &Line<'_>| line.width().min(usize::from(u16::MAX)) as u16;
    let room = titles(top);
    if !room.is_empty() {
        let w = width(title);
        title.clone().left_aligned().render(
            Rect {
                width: w.min(room.width),
                ..room
            },
            buf,
        );
    }
    if let Some(line) = bottom {
        let room = titles(bottom_row);
        if !room.is_empty() {
            let w = width(line);
            let x = room.right().saturating_sub(w).max(room.left());
            line.clone().right_aligned().render(
                Rect {
                    x,
                    width: w.min(room.width),
                    ..room
                },
                buf,
            );
        }
    }
    inner.intersection(area)
}

/// Whether `line` is drawn on one row of `width` cells exactly as it is: left-aligned, every
/// character [`narrow`], no wider than `width`. A wrapping paragraph leaves such a line as it
/// is; any other line goes through ratatui's wrapping.
fn fits(line: &Line<'_>, width: u16) -> bool {
    if matches!(line.alignment, Some(Alignment::Center | Alignment::Right)) {
        return false;
    }
    let mut cells = 0usize;
    for span in &line.spans {
        for c in span.content.chars() {
            if !narrow(c) {
                return false;
            }
            cells += 1;
        }
    }
    cells <= usize::from(width)
}

/// How many rows `lines` take wrapped at `width` cells: what
/// `Paragraph::new(lines).wrap(Wrap { trim: false }).line_count(width)` says, counting a line
/// that [`fits`] without wrapping it.
pub fn wrapped_rows(lines: &[Line<'_>], width: u16) -> usize {
    if width == 0 {
        return 0;
    }
    lines
        .iter()
        .map(|line| {
            if fits(line, width) {
                1
            } else {
                Paragraph::new(line.clone())
                    .wrap(Wrap { trim: false })
                    .line_count(width)
            }
        })
        .sum()
}

/// Draws `lines` into `area` as `Paragraph::new(lines).wrap(Wrap { trim: false })` draws
/// them (a paragraph wraps each line apart from the others): a line that [`fits`] is written
/// cell by cell, any other is wrapped by ratatui in the rows left.
pub fn wrapped(buf: &mut Buffer, area: Rect, lines: &[Line<'_>]) {
    let area = area.intersection(buf.area);
    let mut y = area.top();
    for line in lines {
        if y >= area.bottom() {
            break;
        }
        if fits(line, area.width) {
            let width = usize::from(buf.area.width);
            let start = usize::from(y - buf.area.y) * width + usize::from(area.x - buf.area.x);
            let mut cells = buf.content[start..start + usize::from(area.width)].iter_mut();
            for span in &line.spans {
                let style = line.style.patch(span.style);
                // The characters first: `zip` asks its first iterator first, so no cell is
                // taken when a span ends.
                for (c, cell) in span.content.chars().zip(cells.by_ref()) {
                    cell.set_char(c).set_style(style);
                }
            }
            y += 1;
        } else {
            let paragraph = Paragraph::new(line.clone()).wrap(Wrap { trim: false });
            let rows = paragraph.line_count(area.width).min(usize::from(u16::MAX)) as u16;
            // Only the rows it takes (a paragraph styles its whole area first).
            let rest = Rect::new(area.x, y, area.width, rows.min(area.bottom() - y));
            ratatui::widgets::Widget::render(paragraph, rest, buf);
            y = y.saturating_add(rows);
        }
    }
}

/// Gives every cell of `area` (within the buffer) `style`, patched onto what it had, as
/// `Buffer::set_style` does.
pub fn style_area(buf: &mut Buffer, area: Rect, style: Style) {
    if style == Style::default() {
        return;
    }
    let area = buf.area.intersection(area);
    let width = usize::from(buf.area.width);
    for y in area.top()..area.bottom() {
        let start = usize::from(y - buf.area.y) * width + usize::from(area.x - buf.area.x);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            cell.set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    /// A buffer with something in every cell, so that what is not written shows.
    fn filled(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            buf.set_string(
                area.x,
                y,
                ".".repeat(area.width as usize),
                Style::new().fg(Color::Blue),
            );
        }
        buf
    }

    #[test]
    fn text_is_written_as_ratatui_writes_it() {
        let area = Rect::new(3, 2, 12, 3);
        let style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let texts = [
            "",
            "plain",
            "exactly12chr",
            "longer than the room",
            "tab\there",
            "bell\u{7}x",
            "café au lait",
            "Zoë · naïve… — ✓ ─── ▁▅█ ←",
            "東京大学です",
            "a東b",
            "e\u{301}t\u{e9}",
            "👍🏽 ok",
        ];
        for text in texts {
            for (x, y, max) in [(3, 2, 12), (5, 3, 4), (14, 4, 9), (3, 4, 0), (9, 2, 100)] {
                let mut ours = filled(area);
                let mut theirs = filled(area);
                let end = put_str(&mut ours, x, y, text, max, style);
                let (their_end, _) = theirs.set_stringn(x, y, text, max as usize, style);
                assert_eq!(ours, theirs, "{text:?} at ({x}, {y}) in {max}");
                assert_eq!(end, their_end, "{text:?} at ({x}, {y}) in {max}");
            }
        }
    }

    #[test]
    fn nothing_is_written_outside_the_buffer() {
        let area = Rect::new(3, 2, 12, 3);
        let mut buf = filled(area);
        for (x, y) in [(0, 2), (3, 0), (3, 5), (15, 2), (u16::MAX, u16::MAX)] {
            assert_eq!(put_str(&mut buf, x, y, "text", 10, Style::new()), x);
        }
        assert_eq!(buf, filled(area));
    }

    #[test]
    fn styling_an_area_is_ratatuis_set_style() {
        let area = Rect::new(3, 2, 12, 4);
        for style in [
            Style::new(),
            Style::new().bg(Color::Yellow),
            Style::new().fg(Color::Red).remove_modifier(Modifier::BOLD),
        ] {
            for part in [
                Rect::new(3, 2, 12, 1),
                Rect::new(5, 3, 4, 2),
                Rect::new(0, 0, 40, 40),
                Rect::new(20, 20, 3, 3),
            ] {
                let mut ours = filled(area);
                ours.set_string(4, 3, "bold", Style::new().add_modifier(Modifier::BOLD));
                let mut theirs = ours.clone();
                style_area(&mut ours, part, style);
                theirs.set_style(part, style);
                assert_eq!(ours, theirs, "{style:?} over {part:?}");
            }
        }
    }

    #[test]
    fn every_narrow_character_is_one_cell_and_a_grapheme_of_its_own() {
        use unicode_width::UnicodeWidthChar;
        let mut seen = 0;
        for c in (0..=0x2800u32)
            .filter_map(char::from_u32)
            .filter(|&c| narrow(c))
        {
            assert_eq!(c.width(), Some(1), "{c:?} U+{:04X}", c as u32);
            // Between any two others it stays a grapheme of its own.
            let text = format!("a{c}{c}é{c}─");
            let graphemes = ratatui::text::Span::raw(text.as_str())
                .styled_graphemes(Style::new())
                .count();
            assert_eq!(graphemes, 6, "{c:?} U+{:04X}", c as u32);
            seen += 1;
        }
        assert!(seen > 900, "{seen}");
    }

    /// Lines of every kind the wrapping meets: plain, accented, wide, combining, emoji, long
    /// words, leading and trailing blanks, several styled spans, centred, empty.
    fn sample_lines() -> Vec<Line<'static>> {
        use ratatui::text::Span;
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let red = Style::new().fg(Color::Red);
        vec![
            Line::from("plain short line"),
            Line::from(""),
            Line::from(vec![
                Span::styled("Label: ", bold),
                Span::styled("value", red),
            ]),
            Line::from("a line long enough that it has to wrap over several rows of the pane"),
            Line::from("Zoë · café — naïve… ✓ ─── ▁▅█ ← →"),
            Line::from("東京 wide characters 東京大学"),
            Line::from("e\u{301} combining and 👍🏽 emoji"),
            Line::from("   leading blanks and trailing   "),
            Line::from("averyveryverylongwordthatcannotbreakanywhereatallinthisrow"),
            Line::from("centred").centered(),
            Line::from("tab\there and bell\u{7}"),
            Line::styled("styled line", red).patch_style(bold),
            Line::from(vec![
                Span::styled("Mentor: ", bold),
                Span::raw("Daniel Okafor, "),
                Span::styled("overdue by 7 days", red),
            ]),
        ]
    }

    #[test]
    fn wrapped_lines_are_a_wrapping_paragraph() {
        let lines = sample_lines();
        let frame = Rect::new(0, 0, 70, 30);
        // Every contiguous run of the samples, in areas of several widths and heights.
        for first in 0..lines.len() {
            for last in first..=lines.len() {
                let part = &lines[first..last];
                for area in [
                    Rect::new(2, 1, 40, 20),
                    Rect::new(0, 0, 70, 30),
                    Rect::new(5, 3, 12, 6),
                    Rect::new(1, 1, 3, 2),
                    Rect::new(60, 25, 20, 10),
                    Rect::new(0, 0, 0, 5),
                ] {
                    let mut ours = filled(frame);
                    let mut theirs = filled(frame);
                    wrapped(&mut ours, area, part);
                    ratatui::widgets::Widget::render(
                        Paragraph::new(part.to_vec()).wrap(Wrap { trim: false }),
                        area,
                        &mut theirs,
                    );
                    assert_eq!(ours, theirs, "lines {first}..{last} in {area:?}");
                    let count = Paragraph::new(part.to_vec())
                        .wrap(Wrap { trim: false })
                        .line_count(area.width);
                    assert_eq!(
                        wrapped_rows(part, area.width),
                        count,
                        "lines {first}..{last} at {}",
                        area.width
                    );
                }
            }
        }
    }

    #[test]
    fn a_frame_is_a_bordered_block() {
        use ratatui::widgets::{Block, Widget};
        let frame = Rect::new(0, 0, 30, 8);
        let dim = Style::new().fg(Color::DarkGray);
        let titles = [
            Line::from(""),
            Line::from(ratatui::text::Span::styled(
                " Goals ",
                Style::new().fg(Color::Cyan),
            )),
            Line::from(" a title much longer than any of the areas below "),
            Line::from(" Zoë · 東京 "),
        ];
        let bottoms = [
            None,
            Some(Line::from(" 3/92 ")),
            Some(Line::from(" Enter: all of it ↓ ")),
        ];
        for title in &titles {
            for bottom in &bottoms {
                for area in [
                    Rect::new(0, 0, 30, 8),
                    Rect::new(2, 1, 12, 4),
                    Rect::new(5, 5, 3, 2),
                    Rect::new(1, 1, 1, 1),
                    Rect::new(1, 1, 2, 1),
                    Rect::new(1, 1, 0, 3),
                    Rect::new(25, 6, 20, 20),
                ] {
                    let mut ours = filled(frame);
                    let mut theirs = filled(frame);
                    let inner = framed(&mut ours, area, dim, title, bottom.as_ref());
                    let mut block = Block::bordered().border_style(dim).title(title.clone());
                    if let Some(line) = bottom {
                        block = block.title_bottom(line.clone().right_aligned());
                    }
                    let their_inner = block.inner(area).intersection(area.intersection(frame));
                    (&block).render(area, &mut theirs);
                    assert_eq!(ours, theirs, "{title:?} {bottom:?} in {area:?}");
                    if !area.intersection(frame).is_empty() {
                        assert_eq!(inner, their_inner, "{area:?}");
                    }
                }
            }
        }
    }
}
