//! The app: one owner of the store, the current screen, the views' state and the overlays.
//!
//! Terminal events become [`Action`]s through the key tables; only [`App::update`] changes
//! state or writes to the store; [`App::render`] draws from state and never queries.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::ctx::Ctx;
use super::form::FormOutcome;
use super::forms::{self, FormPurpose, OpenForm, SaveError};
use super::keys::{self, Action, Binding};
use super::shell;
use super::theme::Theme;
use super::ui::Ui;
use super::views::{View, Views};
use crate::config::Config;
use crate::domain::text::clean_line;
use crate::domain::{Clock, Draft, RecordKind};
use crate::i18n::{Label, Lang, Text, fill};
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
    /// The open form, if any: it gets every key.
    pub form: Option<OpenForm>,
    /// A y/n question waiting for its answer.
    pub confirm: Option<Confirm>,
    /// Deletions that `u` can undo, newest last (kept until the app closes).
    pub undo: Vec<Deleted>,
    /// A draft left behind by an earlier run, offered back at start.
    pub draft_offer: Option<Draft>,
    /// The search overlay (`/`), when open.
    pub search: Option<super::search::SearchState>,
    /// A form field to open in `$EDITOR`; the run loop (which owns the terminal) does it.
    pub editor_request: Option<usize>,
    /// The debrief of a meeting, when one is open (it gets every key).
    pub debrief: Option<super::views::debrief::Debrief>,
    /// What each view was loaded from (the journal's change stamp and the day), so showing
    /// it again reloads only when something changed.
    loaded: [Option<((i64, u64), String)>; 8],
}

/// A question asked before a destructive step.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub prompt: String,
    pub on_yes: ConfirmAction,
}

/// What a "yes" does.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfirmAction {
    /// Delete record `id` of `kind` (with undo).
    Delete { kind: RecordKind, id: i64 },
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
            form: None,
            confirm: None,
            undo: Vec::new(),
            draft_offer: None,
            editor_request: None,
            debrief: None,
            search: None,
            loaded: Default::default(),
        };
        app.draft_offer = app.store.drafts()?.into_iter().next();
        if let Screen::View(view) = screen {
            app.load(view)?;
        }
        Ok(app)
    }

    /// The key table of `view` as it is now (the Meetings view has three screens).
    pub fn view_keys(&self, view: View) -> &'static [Binding] {
        self.views.screen(view).keys()
    }

    /// The context a view is given: the journal, the time, the language, the settings.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            store: &self.store,
            now: self.clock.now(),
            lang: self.lang,
            config: &self.config,
        }
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
        let ctx = Ctx {
            store: &self.store,
            now: self.clock.now(),
            lang: self.lang,
            config: &self.config,
        };
        self.views.screen_mut(view).load(&ctx)
    }

    /// The key tables in force, most specific first.
    pub fn tables(&self) -> Vec<&'static [Binding]> {
        if self.help_open {
            return vec![keys::HELP];
        }
        if self.confirm.is_some() {
            return vec![keys::CONFIRM];
        }
        if self.search.is_some() {
            return vec![super::search::KEYS];
        }
        if self.draft_offer.is_some() {
            return vec![keys::DRAFT_OFFER];
        }
        if self.debrief.is_some() && self.form.is_none() {
            return vec![super::views::debrief::KEYS];
        }
        match self.screen {
            Screen::Welcome => vec![keys::WELCOME, keys::GLOBAL],
            Screen::View(view) => vec![self.view_keys(view), keys::GLOBAL, keys::LIST],
        }
    }

    /// Turns a terminal event into actions and applies them.
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press && self.form.is_some() => {
                self.form_key(*key);
            }
            Event::Key(key)
                if key.kind == KeyEventKind::Press && self.search.is_some() && !self.help_open =>
            {
                self.message = None;
                self.search_key(*key);
            }
            Event::Paste(text) if self.search.is_some() => {
                if let Some(search) = &mut self.search {
                    search.paste(text, &self.store);
                }
            }
            Event::Key(key)
                if key.kind == KeyEventKind::Press
                    && self.debrief.is_some()
                    && self.confirm.is_none()
                    && self.draft_offer.is_none()
                    && !self.help_open =>
            {
                super::views::debrief::handle_key(self, *key);
            }
            Event::Paste(text) if self.form.is_none() && self.debrief.is_some() => {
                super::views::debrief::paste(self, text);
            }
            Event::Paste(text) => {
                let today = self.clock.today();
                if let Some(open) = &mut self.form
                    && open.form.paste(text, today) == FormOutcome::Changed
                {
                    self.save_draft();
                }
            }
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
            self.message = Some(self.error_text(&err));
        }
    }

    fn apply(&mut self, action: Action) -> store::Result<()> {
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
            }
            Action::CloseOverlay => {
                self.help_open = false;
                self.draft_offer = None;
            }
            Action::Undo => self.undo_last()?,
            Action::Search => {
                self.search = Some(super::search::SearchState::default());
            }
            Action::TogglePrivacy => self.hide_private = !self.hide_private,
            Action::Confirm(yes) => {
                if let Some(confirm) = self.confirm.take()
                    && yes
                {
                    match confirm.on_yes {
                        ConfirmAction::Delete { kind, id } => self.delete(kind, id)?,
                    }
                }
            }
            Action::RestoreDraft => self.restore_draft()?,
            Action::DiscardDraft => {
                if let Some(draft) = self.draft_offer.take() {
                    self.store.delete_draft(&draft.key)?;
                }
            }
            Action::Mentors(a) => super::views::mentors::update(self, a)?,
            Action::Today(a) => super::views::today::update(self, a)?,
            Action::Reflections(a) => super::views::reflections::update(self, a)?,
            Action::Debrief(a) => super::views::debrief::update(self, a)?,
            Action::Feedback(a) => super::views::feedback::update(self, a)?,
            Action::Commitments(a) => super::views::commitments::update(self, a)?,
            Action::Gratitude(a) => super::views::gratitude::update(self, a)?,
            Action::Goals(a) => super::views::goals::update(self, a)?,
            Action::Meetings(a) => super::views::meetings::update(self, a)?,
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
                // Start fresh: the first mentor (or candidate), then a goal.
                self.show(View::Mentors)?;
                super::views::mentors::update(self, super::views::mentors::MentorsAction::New)?;
            }
            Action::WelcomeDemo => {
                self.store = crate::demo::demo_store(self.clock.now())?;
                self.loaded = Default::default();
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
        // Revisiting a view whose data has not changed (here or in another process) since it
        // was loaded costs nothing; Today also follows the clock, to the minute.
        let now = self.clock.now();
        let moment = if view == View::Today {
            now.format("%F %R").to_string()
        } else {
            now.date().to_string()
        };
        let stamp = (self.store.change_stamp()?, moment);
        if self.loaded[view.index()].as_ref() == Some(&stamp) {
            return Ok(());
        }
        self.load(view)?;
        self.loaded[view.index()] = Some(stamp);
        Ok(())
    }

    fn page(&self) -> isize {
        (self.area.height.saturating_sub(8)).max(1) as isize
    }

    fn open(&mut self) -> store::Result<()> {
        if self.current_view() == View::Gratitude {
            return super::views::gratitude::open(self);
        }
        if self.current_view() == View::Meetings {
            return super::views::meetings::open_agenda(self);
        }
        if self.current_view() == View::Today
            && let Some(id) = self.views.today.next_meeting_id()
        {
            self.views.meetings.mode = super::views::meetings::Mode::List;
            if self.select_record(View::Meetings, id)? {
                // Enter on Today goes straight to preparing the meeting: its agenda builder.
                return super::views::meetings::open_agenda(self);
            }
        }
        Ok(())
    }

    fn move_cursor(&mut self, delta: isize) -> store::Result<()> {
        let view = self.current_view();
        let ctx = Ctx {
            store: &self.store,
            now: self.clock.now(),
            lang: self.lang,
            config: &self.config,
        };
        self.views.screen_mut(view).step(&ctx, delta)
    }

    fn search_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        use super::search::SearchOutcome;
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        if key.code == KeyCode::F(1) {
            self.help_open = true;
            return;
        }
        let Some(search) = &mut self.search else {
            return;
        };
        match search.handle_key(key, &self.store) {
            SearchOutcome::Nothing => {}
            SearchOutcome::Close => self.search = None,
            SearchOutcome::Open(i) => {
                let Some(hit) = search.hits.get(i).cloned() else {
                    return;
                };
                self.search = None;
                let result = super::search::target(&self.store, &hit)
                    .and_then(|(view, id)| self.select_record(view, id));
                match result {
                    Ok(true) => {}
                    Ok(false) => self.message = Some(self.text().common.not_in_view.to_string()),
                    Err(err) => self.message = Some(self.error_text(&err)),
                }
            }
        }
    }

    /// Shows `view` with the record `id` under the cursor; false when it is not in the list.
    pub fn select_record(&mut self, view: View, id: i64) -> store::Result<bool> {
        self.show(view)?;
        let ctx = Ctx {
            store: &self.store,
            now: self.clock.now(),
            lang: self.lang,
            config: &self.config,
        };
        self.views.screen_mut(view).select(&ctx, id)
    }

    /// A store error as the status bar shows it, in the interface language.
    pub fn error_text(&self, err: &store::StoreError) -> String {
        format!(
            "{}: {}",
            self.text().common.error_prefix,
            self.text().errors.store(err)
        )
    }

    /// Opens `form` for `purpose`; a draft left for the same form is restored into it.
    pub fn open_form(&mut self, mut form: super::form::Form, purpose: FormPurpose) {
        if let Ok(Some(draft)) = self.store.draft(&form.draft_key)
            && form.restore_draft(&draft).is_ok()
        {
            self.message = Some(self.text().form.draft_restored.to_string());
        }
        self.form = Some(OpenForm { form, purpose });
        forms::refresh(self);
    }

    /// Asks "delete this?" before deleting record `id` of `kind`, called `name`.
    pub fn ask_delete(&mut self, kind: RecordKind, id: i64, name: &str) {
        let name = crate::tui::ui::fit(&clean_line(name), 40);
        let noun = kind.label(&self.text().labels);
        self.confirm = Some(Confirm {
            prompt: fill!(self.text().common.confirm_delete, kind = noun, name = name),
            on_yes: ConfirmAction::Delete { kind, id },
        });
    }

    fn delete(&mut self, kind: RecordKind, id: i64) -> store::Result<()> {
        let deleted = self.store.delete_with_undo(kind, id)?;
        let noun = deleted.kind.label(&self.text().labels);
        self.message = Some(fill!(self.text().common.deleted, kind = noun));
        self.undo.push(deleted);
        self.load(self.current_view())
    }

    fn undo_last(&mut self) -> store::Result<()> {
        match self.undo.pop() {
            Some(deleted) => {
                self.store.undo_delete(&deleted)?;
                let noun = deleted.kind.label(&self.text().labels);
                self.message = Some(fill!(self.text().common.undone, kind = noun));
                self.load(self.current_view())
            }
            None => {
                self.message = Some(self.text().common.nothing_to_undo.to_string());
                Ok(())
            }
        }
    }

    fn restore_draft(&mut self) -> store::Result<()> {
        if let Some(draft) = self.draft_offer.take() {
            if super::views::debrief::restore(self, &draft.key)? {
                return Ok(());
            }
            match forms::reopen(self, &draft.key) {
                Some(open) => {
                    self.open_form(open.form, open.purpose);
                }
                // The record it belonged to is gone: the draft cannot be placed anywhere.
                None => self.store.delete_draft(&draft.key)?,
            }
        }
        Ok(())
    }

    fn save_draft(&mut self) {
        forms::refresh(self);
        if let Some(open) = &self.form
            && let Err(err) = self
                .store
                .save_draft(&open.form.draft_key, &open.form.to_draft())
        {
            self.message = Some(self.error_text(&err));
        }
    }

    /// A key for the open form. `Ctrl-C` still quits (the draft keeps the text).
    fn form_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        let today = self.clock.today();
        let Some(open) = &mut self.form else { return };
        match open.form.handle_key(key, today) {
            FormOutcome::Nothing => {}
            FormOutcome::Changed => self.save_draft(),
            FormOutcome::OpenEditor { field } => self.editor_request = Some(field),
            FormOutcome::Cancel => {
                if let Some(open) = self.form.take() {
                    let _ = self.store.delete_draft(&open.form.draft_key);
                }
            }
            FormOutcome::Save => self.save_form(),
        }
    }

    fn save_form(&mut self) {
        let Some(open) = self.form.take() else { return };
        self.message = None;
        match forms::save(self, &open.purpose, &open.form) {
            Ok(()) => {
                let _ = self.store.delete_draft(&open.form.draft_key);
                // A save that led on to another form (a review's prompts after its template)
                // or said something itself keeps its own message.
                if self.form.is_none() && self.message.is_none() {
                    let first_mentor = matches!(
                        open.purpose,
                        FormPurpose::Mentors(super::views::mentors::MentorForm::New)
                    ) && self
                        .store
                        .goal_summaries(1)
                        .map(|g| g.is_empty())
                        .unwrap_or(false);
                    let t = &self.text().common;
                    self.message = Some(
                        if first_mentor {
                            t.saved_next_goal
                        } else {
                            t.saved
                        }
                        .to_string(),
                    );
                }
            }
            Err(SaveError::Field { name, message }) => {
                let mut open = open;
                open.form.set_error(name, message);
                self.form = Some(open);
            }
            Err(SaveError::Store(err)) => {
                self.message = Some(self.error_text(&err));
                self.form = Some(open);
            }
        }
    }

    /// Puts text edited in `$EDITOR` back into the form field it came from.
    pub fn editor_done(&mut self, field: usize, result: std::io::Result<String>) {
        let today = self.clock.today();
        match result {
            Ok(text) => {
                if let Some(open) = &mut self.form
                    && open.form.set_field_text(field, &text, today) == FormOutcome::Changed
                {
                    self.save_draft();
                }
            }
            Err(err) => self.message = Some(fill!(self.text().form.editor_failed, error = err)),
        }
    }

    /// Draws the whole screen from state.
    pub fn render(&mut self, f: &mut Frame) {
        let area = f.area();
        self.area = area;
        let ui = Ui {
            lang: self.lang,
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
        if let Some(search) = &self.search {
            search.render(f, body, &ui);
        }
        if let Some(debrief) = &self.debrief {
            debrief.render(f, body, &ui);
        }
        if let Some(open) = &self.form {
            open.form.render(f, body, &ui);
        }
        if let Some(confirm) = &self.confirm {
            shell::draw_question(f, body, ui.t.common.key_delete_title, &confirm.prompt, &ui);
        }
        if let Some(draft) = &self.draft_offer {
            let when = draft.updated_at.format("%Y-%m-%d %H:%M").to_string();
            let text = fill!(
                ui.t.common.draft_found,
                when = when,
                preview = crate::tui::ui::fit(&draft.preview(), 60)
            );
            shell::draw_question(f, body, ui.t.common.draft_title, &text, &ui);
        }
        if self.help_open {
            let this_view = active.map(|v| self.view_keys(v));
            shell::draw_help_keys(f, body, active, this_view, self.help_scroll, &ui);
        }
    }

    fn render_view(&self, f: &mut Frame, area: Rect, view: View, ui: &Ui) {
        self.views.screen(view).render(f, area, ui);
    }
}
