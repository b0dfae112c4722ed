//! The app: one owner of the store, the current screen, the views' state and the overlays.
//!
//! Terminal events become [`Action`]s through the key tables; only [`App::update`] changes
//! state or writes to the store; [`App::render`] draws from state and never queries.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::action::DebriefAction;
use super::ctx::Ctx;
use super::effect::Effect;
use super::form::FormOutcome;
use super::forms::{self, FormPurpose, OpenForm, SaveError};
use super::keys::{self, Action, Binding};
use super::overlay::{self, Confirm, ConfirmAction, Overlay};
use super::purpose::{DraftKey, MentorForm};
use super::search::SearchState;
use super::shell;
use super::theme::Theme;
use super::ui::Ui;
use super::views::{self, debrief::Debrief};
use super::views::{View, Views};
use crate::config::Config;
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
    /// What each view was loaded from (the journal's change stamp and the day), so showing
    /// it again reloads only when something changed.
    loaded: [Option<((i64, u64), String)>; 8],
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
            hide_private: false,
            views: Views::default(),
            message: None,
            quit: false,
            area: Rect::default(),
            overlays: Vec::new(),
            undo: Vec::new(),
            editor_request: None,
            loaded: Default::default(),
        };
        // Drafts stored by an older version under a key of its own string protocol are
        // moved to their typed key once, here; then every draft reads back the same way.
        for draft in app.store.drafts()? {
            if let Some(key) = DraftKey::parse(&draft.key) {
                app.store.rename_draft(&draft.key, &key.key())?;
            }
        }
        if let Some(draft) = app.store.drafts()?.into_iter().next() {
            app.overlays.push(Overlay::DraftOffer(draft));
        }
        if let Screen::View(view) = screen {
            app.load(view)?;
        }
        Ok(app)
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
            _ => None,
        };
        if let Some(action) = action {
            self.update(action);
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
            Action::Search => self.overlays.push(Overlay::Search(SearchState::default())),
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
                    self.open_debrief(id)?;
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
            Action::Back => {}
            Action::WelcomeFresh => {
                // Start fresh: the first mentor (or candidate), then a goal.
                self.show(View::Mentors)?;
                self.open_form(FormPurpose::Mentors(MentorForm::New))?;
            }
            Action::WelcomeDemo => {
                self.store = crate::demo::demo_store(self.clock.now())?;
                self.loaded = Default::default();
                self.demo = true;
                self.show(View::Today)?;
            }
            // The overlays' own actions, with none open.
            Action::CloseOverlay
            | Action::Confirm(_)
            | Action::RestoreDraft
            | Action::DiscardDraft
            | Action::Input(_)
            | Action::Paste(_)
            | Action::Form(_) => {}
        }
        Ok(())
    }

    /// An action while an overlay is open: it goes to the one on top.
    fn apply_to_overlay(&mut self, action: Action) -> store::Result<()> {
        let today = self.clock.today();
        match (self.overlays.last_mut(), action) {
            (_, Action::Quit) => self.quit = true,
            (Some(Overlay::Help { .. }), Action::ToggleHelp | Action::CloseOverlay) => {
                self.overlays.pop();
            }
            (Some(Overlay::Help { scroll }), Action::MoveDown) => {
                *scroll = scroll.saturating_add(1)
            }
            (Some(Overlay::Help { scroll }), Action::MoveUp) => *scroll = scroll.saturating_sub(1),
            (Some(_), Action::ToggleHelp) => self.overlays.push(Overlay::Help { scroll: 0 }),
            (Some(Overlay::DraftOffer(_) | Overlay::Search(_)), Action::CloseOverlay) => {
                self.overlays.pop();
            }
            (Some(Overlay::Confirm(_)), Action::Confirm(yes)) => {
                if let Some(Overlay::Confirm(confirm)) = self.overlays.pop()
                    && yes
                {
                    match confirm.on_yes {
                        ConfirmAction::Delete { kind, id } => self.delete(kind, id)?,
                    }
                }
            }
            (Some(Overlay::DraftOffer(_)), Action::RestoreDraft) => self.restore_draft()?,
            (Some(Overlay::DraftOffer(_)), Action::DiscardDraft) => {
                if let Some(Overlay::DraftOffer(draft)) = self.overlays.pop() {
                    self.store.delete_draft(&draft.key)?;
                }
            }
            (Some(Overlay::Search(search)), Action::MoveDown) => {
                search.cursor.step(1, search.hits.len())
            }
            (Some(Overlay::Search(search)), Action::MoveUp) => {
                search.cursor.step(-1, search.hits.len())
            }
            (Some(Overlay::Search(search)), Action::Open) => {
                let i = search.cursor.pos;
                self.open_hit(i);
            }
            (Some(Overlay::Search(search)), Action::Input(key)) => {
                use super::search::SearchOutcome;
                match search.handle_key(key, &self.store) {
                    SearchOutcome::Nothing => {}
                    SearchOutcome::Close => {
                        self.overlays.pop();
                    }
                    SearchOutcome::Open(i) => self.open_hit(i),
                }
            }
            (Some(Overlay::Search(search)), Action::Paste(text)) => {
                search.paste(&text, &self.store)
            }
            (Some(Overlay::Form(open)), Action::Form(key)) => {
                let outcome = open.form.handle_key(key.event(), today);
                self.form_outcome(outcome);
            }
            (Some(Overlay::Form(open)), Action::Input(key)) => {
                let outcome = open.form.handle_key(key, today);
                self.form_outcome(outcome);
            }
            (Some(Overlay::Form(open)), Action::Paste(text)) => {
                let outcome = open.form.paste(&text, today);
                self.form_outcome(outcome);
            }
            (
                Some(Overlay::Debrief(_)),
                a @ (Action::Debrief(_) | Action::Input(_) | Action::Paste(_)),
            ) => {
                let (mut ctx, _, overlays) = self.parts();
                let Some(d) = overlay::top_debrief(overlays) else {
                    return Ok(());
                };
                let effect = match a {
                    Action::Debrief(a) => views::debrief::update(&mut ctx, d, a)?,
                    Action::Input(key) => views::debrief::key(&mut ctx, d, key)?,
                    Action::Paste(text) => views::debrief::paste(&mut ctx, d, &text),
                    _ => Effect::None,
                };
                self.apply_effect(effect)?;
            }
            // Tab clicks and the wheel reach the view under a form, as before overlays.
            (Some(Overlay::Form(_) | Overlay::Debrief(_)), a @ Action::ShowView(_)) => {
                let stack = std::mem::take(&mut self.overlays);
                let result = self.apply(a);
                self.overlays = stack;
                result?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Closes the search and shows the record of hit `i`.
    fn open_hit(&mut self, i: usize) {
        let Some(Overlay::Search(search)) = self.overlays.last() else {
            return;
        };
        let Some(hit) = search.hits.get(i).cloned() else {
            return;
        };
        self.overlays.pop();
        let result = super::search::target(&self.store, &hit)
            .and_then(|(view, id)| self.select_record(view, id));
        match result {
            Ok(true) => {}
            Ok(false) => self.message = Some(self.text().common.not_in_view.to_string()),
            Err(err) => self.message = Some(self.error_text(&err)),
        }
    }

    /// What a key or a paste did to the open form.
    fn form_outcome(&mut self, outcome: FormOutcome) {
        match outcome {
            FormOutcome::Nothing => {}
            FormOutcome::Changed => self.save_draft(),
            FormOutcome::OpenEditor { field } => self.editor_request = Some(field),
            FormOutcome::Cancel => {
                if let Some(Overlay::Form(open)) = self.overlays.pop() {
                    let _ = self.store.delete_draft(&open.purpose.draft_key());
                }
            }
            FormOutcome::Save => self.save_form(),
        }
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

    /// `Enter` on a view.
    fn open(&mut self) -> store::Result<()> {
        let view = self.current_view();
        if view == View::Today
            && let Some(id) = self.views.today.next_meeting_id()
        {
            self.views.meetings.mode = views::meetings::Mode::List;
            if !self.select_record(View::Meetings, id)? {
                return Ok(());
            }
        }
        let (mut ctx, v, _) = self.parts();
        let effect = match ctx.showing {
            Some(View::Gratitude) => views::gratitude::open(&mut ctx, &mut v.gratitude)?,
            // Enter on Today goes straight to preparing the meeting: its agenda builder.
            Some(View::Meetings) => {
                views::meetings::update::open_agenda(&mut ctx, &mut v.meetings)?
            }
            _ => Effect::None,
        };
        self.apply_effect(effect)
    }

    /// Does what a view asked for.
    fn apply_effect(&mut self, effect: Effect) -> store::Result<()> {
        match effect {
            Effect::None => {}
            Effect::Message(text) => self.message = Some(text),
            Effect::OpenForm(purpose) => {
                self.open_form(purpose)?;
            }
            Effect::Confirm(confirm) => self.overlays.push(Overlay::Confirm(confirm)),
            Effect::Reload => {
                if let Screen::View(view) = self.screen {
                    self.load(view)?;
                }
            }
            Effect::Select(view, id) => {
                self.load(view)?;
                let (ctx, views, _) = self.parts();
                views.screen_mut(view).select(&ctx, id)?;
            }
            Effect::Show(view, id) => {
                self.select_record(view, id)?;
            }
            Effect::Close => {
                self.overlays.pop();
            }
            Effect::Then(action) => self.apply(action)?,
            Effect::Many(all) => {
                for effect in all {
                    self.apply_effect(effect)?;
                }
            }
        }
        Ok(())
    }

    /// Opens the debrief of meeting `id` over the view.
    fn open_debrief(&mut self, id: i64) -> store::Result<()> {
        let (mut ctx, _, _) = self.parts();
        let (debrief, effect) = views::debrief::open(&mut ctx, id)?;
        if let Some(d) = debrief {
            self.overlays.push(Overlay::Debrief(Box::new(d)));
        }
        self.message = None;
        self.apply_effect(effect)
    }

    fn move_cursor(&mut self, delta: isize) -> store::Result<()> {
        let view = self.current_view();
        let (ctx, views, _) = self.parts();
        views.screen_mut(view).step(&ctx, delta)
    }

    /// Shows `view` with the record `id` under the cursor; false when it is not in the list.
    pub fn select_record(&mut self, view: View, id: i64) -> store::Result<bool> {
        self.show(view)?;
        let (ctx, views, _) = self.parts();
        views.screen_mut(view).select(&ctx, id)
    }

    /// A store error as the status bar shows it, in the interface language.
    pub fn error_text(&self, err: &store::StoreError) -> String {
        format!(
            "{}: {}",
            self.text().common.error_prefix,
            self.text().errors.store(err)
        )
    }

    /// Opens the form for `purpose`, with the draft left for it if any; false when the
    /// record it edits no longer exists.
    fn open_form(&mut self, purpose: FormPurpose) -> store::Result<bool> {
        let (ctx, views, overlays) = self.parts();
        let Some(mut form) = forms::build(&ctx, views, &purpose)? else {
            return Ok(false);
        };
        let restored = matches!(ctx.store.draft(&purpose.draft_key()), Ok(Some(draft))
            if form.restore_draft(&draft).is_ok());
        let mut open = OpenForm { form, purpose };
        forms::refresh(&ctx, &mut open);
        overlays.push(Overlay::Form(open));
        if restored {
            self.message = Some(self.text().form.draft_restored.to_string());
        }
        Ok(true)
    }

    /// Asks "delete this?" before deleting record `id` of `kind`, called `name`.
    pub fn ask_delete(&mut self, kind: RecordKind, id: i64, name: &str) {
        let confirm = Confirm::delete(self.text(), kind, id, name);
        self.overlays.push(Overlay::Confirm(confirm));
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

    /// `r` on the offer of a draft: opens the form (or the debrief) it was typed into.
    fn restore_draft(&mut self) -> store::Result<()> {
        let Some(Overlay::DraftOffer(draft)) = self.overlays.pop() else {
            return Ok(());
        };
        let opened = match DraftKey::parse(&draft.key) {
            Some(DraftKey::Debrief { debrief: id }) if self.store.meeting(id).is_ok() => {
                self.open_debrief(id)?;
                true
            }
            Some(DraftKey::Form(purpose)) => self.open_form(purpose)?,
            _ => false,
        };
        if !opened {
            // The record it belonged to is gone: the draft cannot be placed anywhere.
            self.store.delete_draft(&draft.key)?;
        }
        Ok(())
    }

    /// Saves the open form's text as its draft (after every change).
    fn save_draft(&mut self) {
        let (ctx, _, overlays) = self.parts();
        let Some(open) = overlay::top_form(overlays) else {
            return;
        };
        forms::refresh(&ctx, open);
        let saved = ctx
            .store
            .save_draft(&open.purpose.draft_key(), &open.form.to_draft());
        if let Err(err) = saved {
            self.message = Some(self.error_text(&err));
        }
    }

    /// `Ctrl-S` on a form whose fields are fine: saves it through its view.
    fn save_form(&mut self) {
        let Some(Overlay::Form(mut open)) = self.overlays.pop() else {
            return;
        };
        self.message = None;
        let (mut ctx, views, _) = self.parts();
        match forms::save(&mut ctx, views, &open.purpose, &open.form) {
            Ok(effect) => {
                let _ = self.store.delete_draft(&open.purpose.draft_key());
                if let Err(err) = self.apply_effect(effect) {
                    self.message = Some(self.error_text(&err));
                }
                // A save that led on to another form (a review's prompts after its template)
                // or said something itself keeps its own message.
                if self.form().is_none() && self.message.is_none() {
                    self.message = Some(self.text().common.saved.to_string());
                }
            }
            Err(SaveError::Field { name, message }) => {
                open.form.set_error(name, message);
                self.overlays.push(Overlay::Form(open));
            }
            Err(SaveError::Store(err)) => {
                self.message = Some(self.error_text(&err));
                self.overlays.push(Overlay::Form(open));
            }
        }
    }

    /// Puts text edited in `$EDITOR` back into the form field it came from.
    pub fn editor_done(&mut self, field: usize, result: std::io::Result<String>) {
        let today = self.clock.today();
        match result {
            Ok(text) => {
                if let Some(open) = overlay::top_form(&mut self.overlays)
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
        let this_view = active.map(|v| self.view_keys(v));
        for overlay in &self.overlays {
            overlay.render(f, body, &ui, (active, this_view));
        }
    }

    fn render_view(&self, f: &mut Frame, area: Rect, view: View, ui: &Ui) {
        self.views.screen(view).render(f, area, ui);
    }
}
