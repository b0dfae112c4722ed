//! Helpers shared by the integration tests: a pinned clock, apps on the demo or an empty
//! journal, and drawing a frame to text.
#![allow(dead_code)]

pub mod pty;

use chrono::NaiveDateTime;
use mentee::config::{Config, Theme as ThemeChoice};
use mentee::domain::Clock;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The instant every snapshot is taken at: Friday 27 November 2026, 09:00.
pub fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-27 09:00", "%Y-%m-%d %H:%M").unwrap()
}

/// An app on `store` at the pinned clock, in the dark theme (`demo`: with the demo badge).
pub fn app_on_store(store: Store, lang: Lang, demo: bool) -> App {
    App::new(
        store,
        Config::default(),
        lang,
        Clock::Fixed(now()),
        Theme::new(ThemeChoice::Dark, false),
        demo,
    )
    .unwrap()
}

/// An app on the demo journal.
pub fn demo_app(lang: Lang) -> App {
    app_on_store(mentee::demo::demo_store(now()).unwrap(), lang, true)
}

/// An app on an empty in-memory journal.
pub fn empty_app(lang: Lang) -> App {
    app_on_store(Store::open_in_memory().unwrap(), lang, false)
}

/// Draws one frame of `app` at `width`×`height` and returns the screen as text.
pub fn draw(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.render(f)).unwrap();
    terminal.backend().to_string()
}

/// Presses one key.
pub fn press(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Presses a character key.
pub fn key(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

/// Presses Ctrl and a character key.
pub fn ctrl(app: &mut App, c: char) {
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// Types `text`, one key per character.
pub fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, c);
    }
}

/// Presses Tab `times` times.
pub fn tab(app: &mut App, times: usize) {
    for _ in 0..times {
        press(app, KeyCode::Tab);
    }
}

/// Opens search (`/`), types `text`, then opens the first hit of `kind` (Enter); panics when
/// there is none.
pub fn open_first_hit(app: &mut App, text: &str, kind: mentee::domain::RecordKind) {
    key(app, '/');
    for c in text.chars() {
        key(app, c);
    }
    let pos = app
        .search()
        .unwrap()
        .hits
        .iter()
        .position(|h| h.kind == kind)
        .unwrap_or_else(|| panic!("a {kind:?} hit for {text:?}"));
    for _ in 0..pos {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

/// Shows Meetings and moves the cursor past the upcoming meetings to the newest past one;
/// its id.
pub fn select_latest_meeting(app: &mut App) -> i64 {
    app.update(mentee::tui::keys::Action::ShowView(
        mentee::tui::views::View::Meetings,
    ));
    let v = &app.views.meetings;
    // Past meetings follow the upcoming ones, newest first.
    let pos = v
        .list
        .rows()
        .iter()
        .take_while(|r| v.is_upcoming(r))
        .count();
    for _ in 0..pos {
        key(app, 'j');
    }
    app.views.meetings.list.selected().unwrap().meeting.id
}
