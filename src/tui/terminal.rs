//! Putting the terminal into full-screen mode and always getting it back: a guard restores it
//! on every exit path (including errors), and a panic hook restores it before the panic
//! message is printed, so a crash never leaves the user's shell raw.

use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
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
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
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
        match Terminal::new(CrosstermBackend::new(stdout)) {
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
        restore();
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
