//! The full-screen app: terminal handling, the app state and update loop, the views.

pub mod action;
pub mod app;
pub mod backend;
pub mod ctx;
pub mod detail;
pub mod edit;
pub mod editor;
pub mod effect;
pub mod form;
pub mod forms;
pub mod keys;
pub mod overlay;
pub mod paint;
pub mod purpose;
pub mod recap;
pub mod search;
pub mod shell;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod view;
pub mod views;

use std::io;

use ratatui::crossterm::event;

pub use app::App;

/// How long the user is idle after a frame before views are loaded ahead of their visit: the
/// frame reaches the terminal first (the terminal's side of a pseudo-terminal is fed by a
/// kernel worker on the writer's processor, which a busy writer would hold back).
const SETTLE: std::time::Duration = std::time::Duration::from_millis(20);

/// Runs the app until the user quits. The terminal is restored on every way out.
pub fn run(mut app: App) -> io::Result<()> {
    let mut guard = terminal::TerminalGuard::enter()?;
    // Whether the screen may have changed since the last frame; and while views may need
    // loading ahead of their visit, how long to wait for a key before loading the next one.
    let (mut redraw, mut warming) = (true, Some(SETTLE));
    loop {
        if redraw {
            guard.terminal.draw(|f| app.render(f))?;
        }
        redraw = true;
        // A fault only a debug (test) build can trigger, to prove the terminal is restored
        // and the exit is non-zero when the app panics.
        #[cfg(debug_assertions)]
        if std::env::var_os("MENTEE_TEST_PANIC").is_some() {
            panic!("test fault: MENTEE_TEST_PANIC is set");
        }
        // Sleep until something happens; wake once a minute so countdowns stay true. While
        // the user does nothing, the views not on screen are loaded one at a time, so the
        // first visit of each only draws it; the first after a frame waits until the frame
        // has had time to reach the terminal, and a key waits for at most one view's load.
        if event::poll(warming.unwrap_or_else(|| app.tick_interval()))? {
            let ev = event::read()?;
            app.handle_event(&ev);
            warming = Some(SETTLE);
        } else if warming.is_some() {
            warming = app.warm_next().then_some(std::time::Duration::ZERO);
            redraw = false;
            continue;
        } else {
            warming = Some(SETTLE);
        }
        if let Some(field) = app.editor_request.take()
            && let Some((file, text)) = app.begin_editor(field)
        {
            // The editor needs the real terminal: leave full screen, edit, come back.
            drop(guard);
            let result = editor::edit_file(&file, &text);
            guard = terminal::TerminalGuard::enter()?;
            guard.terminal.clear()?;
            app.editor_done(field, file, result);
        }
        if std::mem::take(&mut app.recap_editor_request)
            && let Some((file, text)) = app.begin_recap_editor()
        {
            drop(guard);
            let result = editor::edit_file(&file, &text);
            guard = terminal::TerminalGuard::enter()?;
            guard.terminal.clear()?;
            app.recap_editor_done(file, result);
        }
        if !app.terminal_out.is_empty() {
            // The clipboard (OSC 52) goes to the terminal itself, beside the frame.
            use std::io::Write as _;
            let bytes = std::mem::take(&mut app.terminal_out);
            let backend = guard.terminal.backend_mut();
            backend.write_all(&bytes)?;
            backend.flush()?;
        }
        if app.quit {
            break;
        }
    }
    Ok(())
}
