//! The app: one owner of the store, the current screen, the views' state and the overlays.
//!
//! Terminal events become [`Action`]s through the key tables; only [`App::update`] changes
//! state or writes to the store; [`App::render`] draws from state and never queries.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::keys::{self, Action, Binding};
use super::shell;
use super::theme::Theme;
use super::ui::Ui;
use super::views::{
    Cursor, View, commitments::CommitmentsView, feedback::FeedbackView, goals::GoalsView,
    gratitude::GratitudeView, meetings::MeetingsView, mentors::MentorsView,
    reflections::ReflectionsView, today::TodayView,
};
use crate::config::Config;
use crate::domain::Clock;
use crate::i18n::{Lang, Text};
use crate::store::{self, Store};

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// First run on an empty journal.
    Welcome,
    /// One of the eight views.
    View(View),
}

/// The state of every view.
#[derive(Debug, Default)]
pub struct Views {
    pub today: TodayView,
    pub goals: GoalsView,
    pub meetings: MeetingsView,
    pub feedback: FeedbackView,
    pub commitments: CommitmentsView,
    pub gratitude: GratitudeView,
    pub reflections: ReflectionsView,
    pub mentors: MentorsView,
}

/// The whole app.
pub struct App {
    pub store: Store,
    pub clock: Clock,
    pub config: Config,
    pub lang: Lang,
    pub theme: Theme,
    /// A throwaway demo journal is open.
    pub demo: bool,
    pub screen: Screen,
    pub help_open: bool,
    /// How far the help overlay is scrolled (small terminals).
    pub help_scroll: u16,
    /// `Ctrl-P`: hide private text while sharing the screen.
    pub hide_private: bool,
    pub views: Views,
    /// The last error or notice, shown in the status bar until the next key.
    pub message: Option<String>,
    pub quit: bool,
    /// The size of the last frame (mouse clicks are mapped against it).
    pub area: Rect,
}

impl App {
    /// Opens the app on `store`: the welcome screen for an empty journal, Today otherwise.
    pub fn new(
        store: Store,
        config: Config,
        lang: Lang,
        clock: Clock,
        theme: Theme,
        demo: bool,
    ) -> store::Result<App> {
        let screen = if store.is_empty()? {
            Screen::Welcome
        } else {
            Screen::View(View::Today)
        };
        let mut app = App {
            store,
            clock,
            config,
            lang,
            theme,
            demo,
            screen,
            help_open: false,
            help_scroll: 0,
            hide_private: false,
            views: Views::default(),
            message: None,
            quit: false,
            area: Rect::default(),
        };
        if let Screen::View(view) = screen {
            app.load(view)?;
        }
        Ok(app)
    }

    /// The interface text.
    pub fn text(&self) -> &'static Text {
        self.lang.text()
    }

    /// Loads one view's data from the store.
    pub fn load(&mut self, view: View) -> store::Result<()> {
        let now = self.clock.now();
        let store = &self.store;
        let v = &mut self.views;
        match view {
            View::Today => v.today.load(store, now),
            View::Goals => v.goals.load(store),
            View::Meetings => v.meetings.load(store, now),
            View::Feedback => v.feedback.load(store),
            View::Commitments => v.commitments.load(store),
            View::Gratitude => v.gratitude.load(store),
            View::Reflections => v.reflections.load(store),
            View::Mentors => v.mentors.load(store),
        }
    }

    /// The key tables in force, most specific first.
    pub fn tables(&self) -> Vec<&'static [Binding]> {
        if self.help_open {
            return vec![keys::HELP];
        }
        match self.screen {
            Screen::Welcome => vec![keys::WELCOME, keys::GLOBAL],
            Screen::View(view) => vec![keys::view_table(view), keys::GLOBAL, keys::LIST],
        }
    }

    /// Turns a terminal event into actions and applies them.
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                self.message = None;
                if let Some(action) = keys::lookup(&self.tables(), key) {
                    self.update(action);
                }
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) if mouse.row == self.area.y => {
                    if let Screen::View(active) = self.screen
                        && let Some(tab) = shell::tabs(self.area.width, self.text(), active)
                            .into_iter()
                            .find(|t| mouse.column >= t.x && mouse.column < t.x + t.width)
                    {
                        self.update(Action::ShowView(tab.view));
                    }
                }
                MouseEventKind::ScrollDown => self.update(Action::MoveDown),
                MouseEventKind::ScrollUp => self.update(Action::MoveUp),
                _ => {}
            },
            _ => {}
        }
    }

    /// Applies one action: the only place that changes screens or writes to the store.
    pub fn update(&mut self, action: Action) {
        if let Err(err) = self.apply(action) {
            self.message = Some(format!("{}: {err}", self.text().common.error_prefix));
        }
    }

    fn apply(&mut self, action: Action) -> store::Result<()> {
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
            }
            Action::CloseOverlay => self.help_open = false,
            Action::MoveDown if self.help_open => {
                self.help_scroll = self.help_scroll.saturating_add(1)
            }
            Action::MoveUp if self.help_open => {
                self.help_scroll = self.help_scroll.saturating_sub(1)
            }
            Action::ShowView(view) => self.show(view)?,
            Action::NextView => self.show(self.current_view().next())?,
            Action::PrevView => self.show(self.current_view().prev())?,
            Action::MoveDown => self.move_cursor(1)?,
            Action::MoveUp => self.move_cursor(-1)?,
            Action::Top => self.move_cursor(isize::MIN / 2)?,
            Action::Bottom => self.move_cursor(isize::MAX / 2)?,
            Action::PageDown => self.move_cursor(self.page())?,
            Action::PageUp => self.move_cursor(-self.page())?,
            Action::Open => self.open()?,
            Action::Back => {}
            Action::WelcomeFresh => {
                self.show(View::Mentors)?;
                self.message = Some(self.text().mentors.empty.to_string());
            }
            Action::WelcomeDemo => {
                self.store = crate::demo::demo_store(self.clock.now())?;
                self.demo = true;
                self.show(View::Today)?;
            }
        }
        Ok(())
    }

    fn current_view(&self) -> View {
        match self.screen {
            Screen::View(v) => v,
            Screen::Welcome => View::Today,
        }
    }

    fn show(&mut self, view: View) -> store::Result<()> {
        self.screen = Screen::View(view);
        self.load(view)
    }

    fn page(&self) -> isize {
        (self.area.height.saturating_sub(8)).max(1) as isize
    }

    fn open(&mut self) -> store::Result<()> {
        if self.current_view() == View::Today
            && let Some(id) = self.views.today.next_meeting_id()
        {
            self.show(View::Meetings)?;
            if let Some(pos) = self
                .views
                .meetings
                .rows
                .iter()
                .position(|r| r.meeting.id == id)
            {
                self.views.meetings.cursor = Cursor { pos };
                self.views.meetings.load_detail(&self.store)?;
            }
        }
        Ok(())
    }

    fn move_cursor(&mut self, delta: isize) -> store::Result<()> {
        let view = self.current_view();
        let store = &self.store;
        let v = &mut self.views;
        match view {
            View::Today => {}
            View::Goals => {
                v.goals.cursor.step(delta, v.goals.row_count());
                v.goals.load_detail(store)?;
            }
            View::Meetings => {
                v.meetings.cursor.step(delta, v.meetings.row_count());
                v.meetings.load_detail(store)?;
            }
            View::Feedback => v.feedback.cursor.step(delta, v.feedback.row_count()),
            View::Commitments => v.commitments.cursor.step(delta, v.commitments.row_count()),
            View::Gratitude => v.gratitude.cursor.step(delta, v.gratitude.row_count()),
            View::Reflections => v.reflections.cursor.step(delta, v.reflections.row_count()),
            View::Mentors => {
                v.mentors.cursor.step(delta, v.mentors.row_count());
                v.mentors.load_detail(store)?;
            }
        }
        Ok(())
    }

    /// Draws the whole screen from state.
    pub fn render(&mut self, f: &mut Frame) {
        let area = f.area();
        self.area = area;
        let ui = Ui {
            t: self.text(),
            theme: &self.theme,
            now: self.clock.now(),
            date_format: self.config.date_format,
            hide_private: self.hide_private,
        };
        if area.width < shell::MIN_WIDTH || area.height < shell::MIN_HEIGHT {
            shell::draw_too_small(f, area, &ui);
            return;
        }
        let active = match self.screen {
            Screen::View(v) => Some(v),
            Screen::Welcome => None,
        };
        shell::draw_tabs(f, area, active, &ui);
        let body = Rect {
            y: area.y + 2,
            height: area.height - 3,
            ..area
        };
        match self.screen {
            Screen::Welcome => shell::draw_welcome(f, body, &ui),
            Screen::View(view) => self.render_view(f, body, view, &ui),
        }
        let mut badges = Vec::new();
        if self.demo {
            badges.push(ui.t.common.demo_badge.to_string());
        }
        if self.hide_private {
            badges.push(ui.t.common.private_hidden_badge.to_string());
        }
        let status = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        shell::draw_status(
            f,
            status,
            &self.tables(),
            &badges,
            self.message.as_deref(),
            &ui,
        );
        if self.help_open {
            shell::draw_help(f, body, active, self.help_scroll, &ui);
        }
    }

    fn render_view(&self, f: &mut Frame, area: Rect, view: View, ui: &Ui) {
        let v = &self.views;
        match view {
            View::Today => v.today.render(f, area, ui),
            View::Goals => v.goals.render(f, area, ui),
            View::Meetings => v.meetings.render(f, area, ui),
            View::Feedback => v.feedback.render(f, area, ui),
            View::Commitments => v.commitments.render(f, area, ui),
            View::Gratitude => v.gratitude.render(f, area, ui),
            View::Reflections => v.reflections.render(f, area, ui),
            View::Mentors => v.mentors.render(f, area, ui),
        }
    }
}
