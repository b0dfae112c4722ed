//! The app's side of what opens over a view: answering the overlay on top, opening a form
//! (with its draft), saving it through its view, offering a draft back, the debrief.

use super::App;

use crate::domain::RecordKind;
use crate::i18n::fill;
use crate::store;
use crate::tui::action::Action;
use crate::tui::effect::{Confirm, ConfirmAction, Effect, SaveError};
use crate::tui::form::FormOutcome;
use crate::tui::forms::{self, FormPurpose, OpenForm};
use crate::tui::overlay::{self, Overlay};
use crate::tui::purpose::DraftKey;
use crate::tui::search::SearchOutcome;
use crate::tui::views;

impl App {
    /// An action while an overlay is open: it goes to the one on top.
    pub(super) fn apply_to_overlay(&mut self, action: Action) -> store::Result<()> {
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
                        ConfirmAction::Debrief { meeting_id } => self.open_debrief(meeting_id)?,
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
    pub(super) fn open_hit(&mut self, i: usize) {
        let Some(Overlay::Search(search)) = self.overlays.last() else {
            return;
        };
        let Some(hit) = search.hits.get(i).cloned() else {
            return;
        };
        self.overlays.pop();
        let result = crate::tui::search::target(&self.store, &hit)
            .and_then(|(view, id)| self.select_record(view, id));
        match result {
            Ok(true) => {}
            Ok(false) => self.message = Some(self.text().common.not_in_view.to_string()),
            Err(err) => self.message = Some(self.error_text(&err)),
        }
    }

    /// What a key or a paste did to the open form.
    pub(super) fn form_outcome(&mut self, outcome: FormOutcome) {
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

    /// Opens the debrief of meeting `id` over the view.
    pub(super) fn open_debrief(&mut self, id: i64) -> store::Result<()> {
        let (mut ctx, _, _) = self.parts();
        let (debrief, effect) = views::debrief::open(&mut ctx, id)?;
        if let Some(d) = debrief {
            self.overlays.push(Overlay::Debrief(Box::new(d)));
        }
        self.message = None;
        self.apply_effect(effect)
    }

    /// Opens the form for `purpose`, with the draft left for it if any; false when the
    /// record it edits no longer exists.
    pub(super) fn open_form(&mut self, purpose: FormPurpose) -> store::Result<bool> {
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

    /// `r` on the offer of a draft: opens the form (or the debrief) it was typed into.
    pub(super) fn restore_draft(&mut self) -> store::Result<()> {
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
    pub(super) fn save_draft(&mut self) {
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
    pub(super) fn save_form(&mut self) {
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
}
