//! Writing text and styles straight into a frame's buffer, for what is drawn on every frame
//! in bulk (a list's rows): the same cells ratatui's `Buffer::set_stringn` and
//! `Buffer::set_style` give, without their per-cell look-ups, and without splitting text
//! that is plain ASCII into graphemes (one byte is one cell there).
//!
//! A whole-screen list at 200×60 is about ten thousand cells on every key that changes the
//! view; drawn through a `Table` of `Text` cells each cell was styled four or five times
//! (table, row, cell, span) and its text split into graphemes, a millisecond per frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Writes `text` at (`x`, `y`), at most `max_width` cells and not past the buffer's right
/// edge, each written cell given `style` (patched onto what the cell had, as ratatui does);
/// control characters are skipped. Returns the column after the last cell written. Outside
/// the buffer it writes nothing.
pub fn put_str(buf: &mut Buffer, x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return x;
    }
    if !text.is_ascii() {
        return buf.set_stringn(x, y, text, max_width as usize, style).0;
    }
    let room = area.right().saturating_sub(x).min(max_width) as usize;
    let start = usize::from(y - area.y) * usize::from(area.width) + usize::from(x - area.x);
    let mut written = 0;
    for (cell, b) in buf.content[start..start + room]
        .iter_mut()
        .zip(text.bytes().filter(|b| !b.is_ascii_control()))
    {
        cell.set_char(char::from(b)).set_style(style);
        written += 1;
    }
    x + written as u16
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
}
