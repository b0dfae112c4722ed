//! Putting the terminal into full-screen mode and always getting it back: a guard restores it
//! on every exit path (including errors), and a panic hook restores it before the panic
//! message is printed, so a crash never leaves the user's shell raw.
//!
//! Frames go out whole: [`FrameWriter`] keeps what ratatui writes for a frame and hands it to
//! the terminal in one `write` when ratatui flushes (once per draw), inside the terminal's
//! synchronized-update marks, so the terminal wakes once per frame and never shows half of one.

use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;

use super::backend::FrameBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The full-screen terminal; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: Terminal<FrameBackend<FrameWriter<Stdout>>>,
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen, with mouse reporting unless
    /// [`capture_mouse`] turned it off.
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        FULL_SCREEN.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        let mut entered = execute!(stdout, EnterAlternateScreen, EnableBracketedPaste);
        if entered.is_ok() && MOUSE.load(Ordering::SeqCst) {
            entered = execute!(stdout, EnableMouseCapture);
        }
        if let Err(e) = entered {
            restore();
            return Err(e);
        }
        match Terminal::new(FrameBackend::new(FrameWriter::new(stdout))) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // Whatever was written since the last draw goes out before the terminal is restored.
        let _ = self.terminal.backend_mut().flush();
        restore();
    }
}

/// The terminal's synchronized-update marks (mode 2026): a terminal that knows them shows
/// what comes between at once; one that does not ignores them.
const BEGIN_FRAME: &[u8] = b"\x1b[?2026h";
const END_FRAME: &[u8] = b"\x1b[?2026l";

/// A writer that keeps a whole frame and writes it to `out` in one call on [`flush`], between
/// [`BEGIN_FRAME`] and [`END_FRAME`]. (`Stdout` alone is line-buffered with 1 KiB: a 200×60
/// frame went out as some twenty writes, each waking the terminal.)
///
/// Once the terminal is restored (a panic, or the way out), a flush drops what it kept rather
/// than paint the rest of a frame over the user's shell; nothing is written on drop.
///
/// [`flush`]: Write::flush
pub struct FrameWriter<W: Write> {
    out: W,
    /// [`BEGIN_FRAME`] followed by the frame so far.
    buf: Vec<u8>,
    /// Whether to write only in full-screen mode (false only in tests).
    guarded: bool,
}

impl<W: Write> FrameWriter<W> {
    /// A writer for the full-screen terminal: it writes only while the terminal is in
    /// full-screen mode.
    pub fn new(out: W) -> Self {
        let mut buf = Vec::with_capacity(64 * 1024);
        buf.extend_from_slice(BEGIN_FRAME);
        FrameWriter {
            out,
            buf,
            guarded: true,
        }
    }

    /// A writer that writes whether or not a terminal is in full-screen mode.
    #[cfg(test)]
    fn unguarded(out: W) -> Self {
        FrameWriter {
            guarded: false,
            ..FrameWriter::new(out)
        }
    }

    /// What was written to the terminal so far.
    #[cfg(test)]
    fn get_ref(&self) -> &W {
        &self.out
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.len() == BEGIN_FRAME.len() {
            return self.out.flush();
        }
        let result = if !self.guarded || FULL_SCREEN.load(Ordering::SeqCst) {
            self.buf.extend_from_slice(END_FRAME);
            self.out
                .write_all(&self.buf)
                .and_then(|()| self.out.flush())
        } else {
            Ok(())
        };
        self.buf.truncate(BEGIN_FRAME.len());
        // A very large frame (a huge terminal) does not keep its memory for ever.
        self.buf.shrink_to(1024 * 1024);
        result
    }
}

/// Whether [`TerminalGuard::enter`] asks for mouse reports (the config's `mouse`).
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Turns mouse capture on or off for the next [`TerminalGuard::enter`]. Off, the terminal
/// keeps the mouse (plain drag selects text) and the app is driven by keys alone.
pub fn capture_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

/// True while the terminal is in full-screen mode (between [`TerminalGuard::enter`] and
/// [`restore`]).
static FULL_SCREEN: AtomicBool = AtomicBool::new(false);

/// Leaves the alternate screen, shows the cursor and turns raw mode off. Safe to call twice:
/// only the first call after [`TerminalGuard::enter`] acts. (Leaving the alternate screen a
/// second time would move the cursor back to where the app started — above a panic message
/// printed in between, which the next shell prompt would then overwrite.)
pub fn restore() {
    if !FULL_SCREEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            // On a fresh line, after the terminal is back to normal.
            eprintln!(
                "\r\nmentee crashed — sorry. Your saved entries are safe in the journal; text \
                 typed into an open form is kept as a draft and offered back next time."
            );
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the `write` calls that reach the terminal.
    #[derive(Default)]
    struct Calls {
        bytes: Vec<u8>,
        writes: usize,
    }

    impl Write for Calls {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.writes += 1;
            self.bytes.extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_goes_out_whole_in_one_write_between_the_update_marks() {
        let mut w = FrameWriter::unguarded(Calls::default());
        // A frame far larger than Stdout's 1 KiB line buffer, written in small pieces.
        let cell = b"\x1b[38;5;12mx";
        for _ in 0..12_000 {
            w.write_all(cell).unwrap();
        }
        assert_eq!(w.get_ref().writes, 0, "nothing is written before the flush");
        w.flush().unwrap();
        let out = &w.get_ref().bytes;
        assert_eq!(w.get_ref().writes, 1);
        assert!(out.starts_with(BEGIN_FRAME) && out.ends_with(END_FRAME));
        assert_eq!(
            out.len(),
            BEGIN_FRAME.len() + 12_000 * cell.len() + END_FRAME.len()
        );

        // The next frame starts empty: only its own bytes, once.
        w.flush().unwrap();
        assert_eq!(w.get_ref().writes, 1, "an empty flush writes nothing");
        w.write_all(b"next").unwrap();
        w.flush().unwrap();
        let out = &w.get_ref().bytes;
        assert_eq!(w.get_ref().writes, 2);
        assert!(out.ends_with(&[BEGIN_FRAME, b"next", END_FRAME].concat()));
    }

    #[test]
    fn after_the_terminal_is_restored_a_flush_writes_nothing() {
        // FULL_SCREEN is false in a test process: the terminal is not (or no longer) ours.
        assert!(!FULL_SCREEN.load(Ordering::SeqCst));
        let mut w = FrameWriter::new(Calls::default());
        w.write_all(b"the rest of a frame").unwrap();
        w.flush().unwrap();
        assert_eq!(w.get_ref().writes, 0);
        assert!(w.get_ref().bytes.is_empty());
    }
}
