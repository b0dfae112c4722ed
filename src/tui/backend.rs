//! The terminal backend: the cells ratatui found changed, written as escape sequences
//! straight into the frame's bytes.
//!
//! ratatui's `CrosstermBackend` formats every cursor move, colour and character through
//! `core::fmt` and crossterm's commands, and sends both colours whenever one changes; at
//! 200×60 a view switch redraws most of the screen, and that formatting was a third of a
//! redraw's CPU. [`FrameBackend`] writes the same sequences byte by byte, each attribute
//! change as one SGR sequence, only the colour that changed, a step right on the same row as
//! a cursor-forward (`CSI n C`) instead of a full position, and a long run of blanks erased
//! in place (`CSI n X`) instead of written. The screen a terminal
//! shows is the same as with crossterm's backend (tests below compare both through a
//! terminal emulator, cell by cell and attribute by attribute).
//!
//! Everything that is not a frame's cells (the cursor, clearing, the size) is crossterm's, as
//! before.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// A ratatui backend writing into `W` (in the app, the frame writer that sends a whole frame
/// in one write).
pub struct FrameBackend<W: Write> {
    out: W,
    /// The frame's sequences, built here and handed to `out` at the end of [`Backend::draw`].
    seq: Vec<u8>,
}

impl<W: Write> FrameBackend<W> {
    /// A backend writing to `out`.
    pub fn new(out: W) -> Self {
        FrameBackend {
            out,
            seq: Vec::with_capacity(32 * 1024),
        }
    }
}

impl<W: Write> Write for FrameBackend<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.out.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The pen: the attributes the terminal draws with after the sequences written so far.
#[derive(Clone, Copy, PartialEq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

impl<W: Write> Backend for FrameBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let seq = &mut self.seq;
        seq.clear();
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        let mut pen = Pen::RESET;
        // Where the terminal's cursor is after the last character written (unknown at the
        // start and after a wide character).
        let mut cursor: Option<(u16, u16)> = None;
        let mut i = 0;
        while i < cells.len() {
            let (x, y, cell) = cells[i];
            match cursor {
                Some((cx, cy)) if cy == y && cx == x => {}
                Some((cx, cy)) if cy == y && cx < x => {
                    let gap = x - cx;
                    seq.extend_from_slice(b"\x1b[");
                    if gap > 1 {
                        push_number(seq, gap);
                    }
                    seq.push(b'C');
                }
                _ => {
                    seq.extend_from_slice(b"\x1b[");
                    push_number(seq, y + 1);
                    seq.push(b';');
                    push_number(seq, x + 1);
                    seq.push(b'H');
                }
            }
            let want = Pen::of(cell);
            if want != pen {
                push_pen(seq, pen, want);
                pen = want;
            }
            let symbol = cell.symbol();
            // A run of blanks is erased in place (`CSI n X`, the cursor stays) rather than
            // written: a screen of short lines is mostly blanks where the last view had text.
            let run = if symbol == " " {
                blank_run(&cells[i..], pen)
            } else {
                0
            };
            if run >= ERASE_RUN {
                seq.extend_from_slice(b"\x1b[");
                push_number(seq, run);
                seq.push(b'X');
                cursor = Some((x, y));
                i += usize::from(run);
                continue;
            }
            if run > 1 {
                // A shorter run is written whole, not measured again from each blank.
                seq.resize(seq.len() + usize::from(run), b' ');
                cursor = Some((x + run, y));
                i += usize::from(run);
                continue;
            }
            seq.extend_from_slice(symbol.as_bytes());
            // After a one-column character the cursor is on the next cell, as crossterm's
            // backend assumes too; after a wide one the next change is placed absolutely.
            cursor = match symbol.as_bytes() {
                [b] if (b' '..=b'~').contains(b) => Some((x + 1, y)),
                _ if symbol.width() == 1 => Some((x + 1, y)),
                _ => None,
            };
            i += 1;
        }
        if pen != Pen::RESET {
            seq.extend_from_slice(b"\x1b[0m");
        }
        self.out.write_all(seq)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.out, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.out, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        ratatui::crossterm::cursor::position().map(|(x, y)| Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.out, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use ratatui::crossterm::terminal::ClearType as To;
        let to = match clear_type {
            ClearType::All => To::All,
            ClearType::AfterCursor => To::FromCursorDown,
            ClearType::BeforeCursor => To::FromCursorUp,
            ClearType::CurrentLine => To::CurrentLine,
            ClearType::UntilNewLine => To::UntilNewLine,
        };
        execute!(self.out, Clear(to))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            queue!(self.out, ratatui::crossterm::style::Print("\n"))?;
        }
        self.out.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The shortest run of blanks erased rather than written: the erase and the step over it
/// cost up to ten bytes.
const ERASE_RUN: u16 = 12;

/// How many of `cells` (changed cells, from the first) are blanks in `pen` on consecutive
/// columns of one row, when blanks in `pen` look the same erased as written: no background
/// (a terminal erases with the current background, or with none), and nothing that shows on
/// a blank (reverse, underline, strike-through).
fn blank_run(cells: &[(u16, u16, &Cell)], pen: Pen) -> u16 {
    if pen.bg != Color::Reset
        || pen
            .modifier
            .intersects(Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT)
    {
        return 0;
    }
    let Some(&(x0, y0, _)) = cells.first() else {
        return 0;
    };
    let mut n: u16 = 0;
    for &(x, y, cell) in cells {
        if y != y0 || x != x0 + n || cell.symbol() != " " || Pen::of(cell) != pen {
            break;
        }
        n += 1;
    }
    n
}

/// Writes `n` in decimal.
fn push_number(seq: &mut Vec<u8>, n: u16) {
    let mut digits = [0u8; 5];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    seq.extend_from_slice(&digits[i..]);
}

/// One SGR sequence taking the pen from `from` to `to`: the attributes removed, then those
/// added (intensity reset and set again when bold or dim goes), then the colours that changed.
fn push_pen(seq: &mut Vec<u8>, from: Pen, to: Pen) {
    seq.extend_from_slice(b"\x1b[");
    let start = seq.len();
    let param = |seq: &mut Vec<u8>, p: &[u8]| {
        if seq.len() > start {
            seq.push(b';');
        }
        seq.extend_from_slice(p);
    };
    let removed = from.modifier - to.modifier;
    let added = to.modifier - from.modifier;
    if removed.contains(Modifier::REVERSED) {
        param(seq, b"27");
    }
    let intensity_reset = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if intensity_reset {
        param(seq, b"22");
        if to.modifier.contains(Modifier::DIM) {
            param(seq, b"2");
        }
        if to.modifier.contains(Modifier::BOLD) {
            param(seq, b"1");
        }
    }
    for (modifier, off) in [
        (Modifier::ITALIC, b"23"),
        (Modifier::UNDERLINED, b"24"),
        (Modifier::CROSSED_OUT, b"29"),
        (Modifier::HIDDEN, b"28"),
    ] {
        if removed.contains(modifier) {
            param(seq, off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        param(seq, b"25");
    }
    // Bold and dim are set again above when the intensity was reset.
    let added = if intensity_reset {
        added - (Modifier::BOLD | Modifier::DIM)
    } else {
        added
    };
    for (modifier, on) in [
        (Modifier::REVERSED, b"7"),
        (Modifier::BOLD, b"1"),
        (Modifier::ITALIC, b"3"),
        (Modifier::UNDERLINED, b"4"),
        (Modifier::DIM, b"2"),
        (Modifier::CROSSED_OUT, b"9"),
        (Modifier::HIDDEN, b"8"),
        (Modifier::SLOW_BLINK, b"5"),
        (Modifier::RAPID_BLINK, b"6"),
    ] {
        if added.contains(modifier) {
            param(seq, on);
        }
    }
    for (want, had, set, reset) in [
        (to.fg, from.fg, b"38", b"39"),
        (to.bg, from.bg, b"48", b"49"),
        (to.underline, from.underline, b"58", b"59"),
    ] {
        if want != had {
            if seq.len() > start {
                seq.push(b';');
            }
            push_color(seq, set, reset, want);
        }
    }
    seq.push(b'm');
}

/// A colour's SGR parameters: `set;5;n` for the palette (the sixteen named colours are its
/// first sixteen entries, as crossterm writes them), `set;2;r;g;b` for true colour, `reset`.
fn push_color(seq: &mut Vec<u8>, set: &[u8], reset: &[u8], color: Color) {
    let index = match color {
        Color::Reset => {
            seq.extend_from_slice(reset);
            return;
        }
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) => n,
        Color::Rgb(r, g, b) => {
            seq.extend_from_slice(set);
            seq.extend_from_slice(b";2;");
            for (i, c) in [r, g, b].into_iter().enumerate() {
                if i > 0 {
                    seq.push(b';');
                }
                push_number(seq, u16::from(c));
            }
            return;
        }
    };
    seq.extend_from_slice(set);
    seq.extend_from_slice(b";5;");
    push_number(seq, u16::from(index));
}

#[cfg(test)]
#[path = "backend_tests.rs"]
mod tests;
