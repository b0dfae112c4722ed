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

/// Runs the app until the user quits. The terminal is restored on every way out.
pub fn run(mut app: App) -> io::Result<()> {
    let mut guard = terminal::TerminalGuard::enter()?;
    // Whether the screen may have changed since the last frame, and whether views may need
    // loading ahead of their visit.
    let (mut redraw, mut warming) = (true, true);
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
        // While no key is waiting, the views not on screen are loaded one at a time, so the
        // first visit of each only draws it; a key waits for at most one view's load.
        if warming && !event::poll(std::time::Duration::ZERO)? {
            warming = app.warm_next();
            redraw = false;
            continue;
        }
        warming = true;
        // Sleep until something happens; wake once a minute so countdowns stay true.
        if event::poll(app.tick_interval())? {
            let ev = event::read()?;
            app.handle_event(&ev);
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
