//! The app: one owner of the store, the current screen, the views' state and the overlays.
//!
//! Terminal events become [`Action`]s through the key tables; only [`App::update`] changes
//! state or writes to the store; [`App::render`] draws from state and never queries. The
//! overlays' side is in `overlays.rs`, carrying out effects and moving between views in
//! `effects.rs`, drawing in `render.rs`.

mod effects;
mod overlays;
mod recap;
mod render;

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::action::DebriefAction;
use super::ctx::Ctx;
use super::forms::{FormPurpose, OpenForm};
use super::keys::{self, Action, Binding};
use super::overlay::{Confirm, Overlay};
use super::purpose::{DraftKey, MentorForm};
use super::search::SearchState;
use super::shell;
use super::theme::Theme;
use super::views::{self, debrief::Debrief};
use super::views::{View, Views};
use crate::config::Config;
use crate::domain::{Clock, Draft};
use crate::i18n::{Lang, Text};
use crate::store::{self, Deleted, Store};

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// First run on an empty journal.
    Welcome,
    /// One of the eight views.
    View(View),
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
    /// `Ctrl-P`: hide private text while sharing the screen.
    pub hide_private: bool,
    pub views: Views,
    /// The last error or notice, shown in the status bar until the next key.
    pub message: Option<String>,
    pub quit: bool,
    /// The size of the last frame (mouse clicks are mapped against it).
    pub area: Rect,
    /// What is open over the view, bottom first: the top one gets the keys.
    pub overlays: Vec<Overlay>,
    /// Deletions that `u` can undo, newest last (kept until the app closes).
    pub undo: Vec<Deleted>,
    /// A form field to open in `$EDITOR`; the run loop (which owns the terminal) does it.
    pub editor_request: Option<usize>,
    /// The recap on top is to be opened in `$EDITOR`; the run loop does it.
    pub recap_editor_request: bool,
    /// Bytes for the terminal itself (the clipboard's OSC 52), written by the run loop after
    /// the next frame.
    pub terminal_out: Vec<u8>,
    /// What each view was loaded from (the journal's change stamp and the day), so showing
    /// it again reloads only when something changed.
    loaded: [Option<Stamp>; 8],
    /// The stamp each view was last loaded ahead of its visit from ([`App::warm_next`]),
    /// so a load that failed is not tried again until the journal changes.
    warm_tried: [Option<Stamp>; 8],
}

/// What a view's data was loaded from: the journal's change stamp (`PRAGMA data_version`
/// and this connection's changes) and the moment it follows (a minute or a day).
type Stamp = ((i64, u64), String);

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
            hide_private: false,
            views: Views::default(),
            message: None,
            quit: false,
            area: Rect::default(),
            overlays: Vec::new(),
            undo: Vec::new(),
            editor_request: None,
            recap_editor_request: false,
            terminal_out: Vec::new(),
            loaded: Default::default(),
            warm_tried: Default::default(),
        };
        // Drafts stored by an older version under a key of its own string protocol are
        // moved to their typed key once, here; then every draft reads back the same way.
        for draft in app.store.drafts()? {
            if let Some(key) = DraftKey::parse(&draft.key) {
                app.store.rename_draft(&draft.key, &key.key())?;
            }
        }
        // Text left in `$EDITOR` by a killed run goes back into its form's draft.
        super::editor::recover(&app.store)?;
        if let Some(draft) = app.store.drafts()?.into_iter().next() {
            app.overlays.push(Overlay::DraftOffer(draft));
        }
        if let Screen::View(view) = screen {
            app.load(view)?;
        }
        Ok(app)
    }

    /// What hiding private text hides now ([`crate::domain::privacy`], the one rule).
    pub fn masking(&self) -> crate::domain::privacy::Masking {
        crate::domain::privacy::Masking {
            hide: self.hide_private,
        }
    }

    /// The key table of `view` as it is now (the Meetings view has three screens).
    pub fn view_keys(&self, view: View) -> &'static [Binding] {
        self.views.screen(view).keys()
    }

    /// The context a view is given (the journal, the time, the language, the settings),
    /// with the views' state and the overlays apart, all borrowed from the app at once.
    fn parts(&mut self) -> (Ctx<'_>, &mut Views, &mut Vec<Overlay>) {
        let showing = match self.screen {
            Screen::View(view) => Some(view),
            Screen::Welcome => None,
        };
        let ctx = Ctx {
            store: &mut self.store,
            now: self.clock.now(),
            lang: self.lang,
            config: &self.config,
            theme: &self.theme,
            hide_private: self.hide_private,
            showing,
            height: self.area.height,
        };
        (ctx, &mut self.views, &mut self.overlays)
    }

    /// How long the run loop may sleep without an event: a second while a meeting clock is
    /// on screen, a minute otherwise (countdowns stay true).
    pub fn tick_interval(&self) -> std::time::Duration {
        let live = self.screen == Screen::View(View::Meetings)
            && self.views.meetings.mode == super::views::meetings::Mode::Live;
        std::time::Duration::from_secs(if live { 1 } else { 60 })
    }

    /// The interface text.
    pub fn text(&self) -> &'static Text {
        self.lang.text()
    }

    /// Loads one view's data from the store.
    pub fn load(&mut self, view: View) -> store::Result<()> {
        let (ctx, views, _) = self.parts();
        views.screen_mut(view).load(&ctx)
    }

    /// The key tables in force, most specific first: the top overlay's alone, or the view's
    /// with the lists' and the global keys.
    pub fn tables(&self) -> Vec<&'static [Binding]> {
        if let Some(top) = self.overlays.last() {
            return vec![top.keys()];
        }
        match self.screen {
            Screen::Welcome => vec![keys::WELCOME, keys::GLOBAL],
            Screen::View(view) => vec![self.view_keys(view), keys::GLOBAL, keys::LIST],
        }
    }

    /// The open form (on top of the overlays or under them).
    pub fn form(&self) -> Option<&OpenForm> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Form(open) => Some(open),
            _ => None,
        })
    }

    /// The open debrief.
    pub fn debrief(&self) -> Option<&Debrief> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Debrief(d) => Some(d.as_ref()),
            _ => None,
        })
    }

    /// The open search.
    pub fn search(&self) -> Option<&SearchState> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Search(s) => Some(s),
            _ => None,
        })
    }

    /// The y/n question waiting for its answer.
    pub fn confirm(&self) -> Option<&Confirm> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Confirm(c) => Some(c),
            _ => None,
        })
    }

    /// The draft offered back.
    pub fn draft_offer(&self) -> Option<&Draft> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::DraftOffer(d) => Some(d),
            _ => None,
        })
    }

    /// How far the help is scrolled, when it is open.
    pub fn help(&self) -> Option<u16> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Help { scroll } => Some(*scroll),
            _ => None,
        })
    }

    /// True while the help is open.
    pub fn help_open(&self) -> bool {
        self.help().is_some()
    }

    /// Turns a terminal event into an action and applies it: a key goes to the top overlay
    /// (its key table, else typed into it) or, with none open, to the view's tables.
    pub fn handle_event(&mut self, event: &Event) {
        let action = match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => match self.overlays.last() {
                Some(top) => {
                    // What was said stays while a form is typed into (e.g. "draft restored").
                    if !matches!(top, Overlay::Form(_)) {
                        self.message = None;
                    }
                    keys::lookup(&[top.keys()], key)
                        .or_else(|| top.takes_text().then_some(Action::Input(*key)))
                }
                None => {
                    self.message = None;
                    keys::lookup(&self.tables(), key)
                }
            },
            Event::Paste(text) if self.overlays.last().is_some_and(Overlay::takes_text) => {
                Some(Action::Paste(text.clone()))
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) if mouse.row == self.area.y => {
                    match self.screen {
                        Screen::View(active) => shell::tabs(self.area.width, self.text(), active)
                            .into_iter()
                            .find(|t| mouse.column >= t.x && mouse.column < t.x + t.width)
                            .map(|tab| Action::ShowView(tab.view)),
                        Screen::Welcome => None,
                    }
                }
                MouseEventKind::ScrollDown => Some(Action::MoveDown),
                MouseEventKind::ScrollUp => Some(Action::MoveUp),
                _ => None,
            },
            Event::Resize(_, rows) => {
                self.resized(*rows);
                None
            }
            _ => None,
        };
        if let Some(action) = action {
            self.update(action);
        }
    }

    /// The terminal is now `rows` tall: a taller screen than the lists were loaded for loads
    /// the view on screen again, so its list fills the screen ([`Ctx::height`]).
    fn resized(&mut self, rows: u16) {
        if rows <= self.area.height {
            return;
        }
        self.area.height = rows;
        // The views not on screen were loaded for the smaller screen too: they load again,
        // ahead of their visit ([`App::warm_next`]) or at it.
        let showing = match self.screen {
            Screen::View(view) => Some(view.index()),
            Screen::Welcome => None,
        };
        for (i, loaded) in self.loaded.iter_mut().enumerate() {
            if Some(i) != showing {
                *loaded = None;
            }
        }
        self.warm_tried = Default::default();
        if let Screen::View(view) = self.screen
            && let Err(err) = self.load(view)
        {
            self.message = Some(self.error_text(&err));
        }
    }

    /// Applies one action: the only place that changes screens or writes to the store.
    pub fn update(&mut self, action: Action) {
        if let Err(err) = self.apply(action) {
            self.message = Some(self.error_text(&err));
        }
    }

    fn apply(&mut self, action: Action) -> store::Result<()> {
        if self.overlays.last().is_some() {
            return self.apply_to_overlay(action);
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::Undo => self.undo_last()?,
            Action::Search => {
                let templates =
                    crate::assets::reflection_templates::load(self.config.dir.as_deref());
                let search = SearchState::with_templates(&templates, self.lang);
                self.overlays.push(Overlay::Search(search));
            }
            Action::TogglePrivacy => self.hide_private = !self.hide_private,
            Action::Mentors(a) => {
                let (mut ctx, v, _) = self.parts();
                let effect = views::mentors::form::update(&mut ctx, &mut v.mentors, a)?;
                self.apply_effect(effect)?;
            }
            Action::Today(a) => {
                let (mut ctx, v, _) = self.parts();
                let effect = views::today::update(&mut ctx, &mut v.today, a)?;
                self.apply_effect(effect)?;
            }
            Action::Reflections(a) => {
                let (mut ctx, v, _) = self.parts();
                let effect = views::reflections::form::update(&mut ctx, &mut v.reflections, a)?;
                self.apply_effect(effect)?;
            }
            Action::Feedback(a) => {
                let (mut ctx, v, _) = self.parts();
                let effect = views::feedback::update(&mut ctx, &mut v.feedback, a)?;
                self.apply_effect(effect)?;
            }
            Action::Commitments(a) => {
                let (mut ctx, v, _) = self.parts();
                let effect = views::commitments::update(&mut ctx, &mut v.commitments, a)?;
                self.apply_effect(effect)?;
            }
            Action::Gratitude(a) => {
                let (mut ctx, v, _) = self.parts();
                let effect = views::gratitude::update(&mut ctx, &mut v.gratitude, a)?;
                self.apply_effect(effect)?;
            }
            Action::Goals(a) => {
                let (mut ctx, v, _) = self.parts();
                let effect = views::goals::form::update(&mut ctx, &mut v.goals, a)?;
                self.apply_effect(effect)?;
            }
            Action::Meetings(a) => {
                let (mut ctx, v, _) = self.parts();
                let effect = views::meetings::update::update(&mut ctx, &mut v.meetings, a)?;
                self.apply_effect(effect)?;
            }
            Action::Debrief(DebriefAction::Open(id)) => self.open_debrief(id)?,
            Action::Debrief(DebriefAction::Start) => match self.views.meetings.selected() {
                Some(s) => {
                    let id = s.meeting.id;
                    let (ctx, _, _) = self.parts();
                    match views::debrief::start(&ctx, id)? {
                        Some(ask) => self.apply_effect(ask)?,
                        None => self.open_debrief(id)?,
                    }
                }
                None => self.message = Some(self.text().common.nothing_selected.to_string()),
            },
            Action::Debrief(_) => {}
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
            Action::Detail => self.open_detail(),
            Action::Back => {}
            Action::WelcomeFresh => {
                // Start fresh: the first mentor (or candidate), then a goal.
                self.show(View::Mentors)?;
                self.open_form(FormPurpose::Mentors(MentorForm::New))?;
            }
            Action::WelcomeDemo => {
                self.store = crate::demo::demo_store_in(self.clock.now(), self.lang)?;
                self.loaded = Default::default();
                self.demo = true;
                self.show(View::Today)?;
            }
            // The overlays' own actions, with none open.
            Action::CloseOverlay
            | Action::Confirm(_)
            | Action::RestoreDraft
            | Action::DiscardDraft
            | Action::Resolve(_)
            | Action::Input(_)
            | Action::Paste(_)
            | Action::Recap(_)
            | Action::Form(_) => {}
        }
        Ok(())
    }

    /// A store error as the status bar shows it, in the interface language.
    pub fn error_text(&self, err: &store::StoreError) -> String {
        format!(
            "{}: {}",
            self.text().common.error_prefix,
            self.text().store_error(err)
        )
    }
}
