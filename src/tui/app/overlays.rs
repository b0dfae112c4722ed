//! The app's side of what opens over a view: answering the overlay on top, opening a form
//! (with its draft), saving it through its view, offering a draft back, the debrief.

use super::App;

use crate::domain::RecordKind;
use crate::i18n::fill;
use crate::store;
use crate::store::scratch::{Scratch, ScratchFile};
use crate::tui::action::{Action, MentorsAction, Resolve};
use crate::tui::ctx::Ctx;
use crate::tui::edit::ConflictPrompt;
use crate::tui::editor;
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
            (
                Some(Overlay::Recap(_)),
                a @ (Action::Recap(_)
                | Action::MoveDown
                | Action::MoveUp
                | Action::CloseOverlay
                | Action::Input(_)
                | Action::Paste(_)),
            ) => self.apply_to_recap(a)?,
            (Some(Overlay::Help { .. }), Action::ToggleHelp | Action::CloseOverlay) => {
                self.overlays.pop();
            }
            (Some(Overlay::Help { scroll }), Action::MoveDown) => {
                *scroll = scroll.saturating_add(1)
            }
            (Some(Overlay::Help { scroll }), Action::MoveUp) => *scroll = scroll.saturating_sub(1),
            (Some(_), Action::ToggleHelp) => self.overlays.push(Overlay::Help { scroll: 0 }),
            (Some(Overlay::Detail(_)), Action::CloseOverlay) => {
                self.overlays.pop();
            }
            (Some(Overlay::Detail(d)), a @ (Action::MoveDown | Action::MoveUp)) => {
                d.scroll_by(if a == Action::MoveDown { 1 } else { -1 })
            }
            (Some(Overlay::Detail(d)), a @ (Action::PageDown | Action::PageUp)) => {
                d.page(if a == Action::PageDown { 1 } else { -1 })
            }
            (Some(Overlay::Detail(d)), Action::Top) => d.scroll = 0,
            (Some(Overlay::Detail(d)), Action::Bottom) => d.scroll = d.max_scroll(),
            (Some(Overlay::Compare(c)), Action::Mentors(MentorsAction::CompareLeft)) => {
                c.scroll(-1)
            }
            (Some(Overlay::Compare(c)), Action::Mentors(MentorsAction::CompareRight)) => {
                c.scroll(1)
            }
            (
                Some(Overlay::DraftOffer(_) | Overlay::Search(_) | Overlay::Compare(_)),
                Action::CloseOverlay,
            ) => {
                self.overlays.pop();
            }
            (Some(Overlay::Confirm(_)), Action::Confirm(yes)) => {
                if let Some(Overlay::Confirm(confirm)) = self.overlays.pop()
                    && yes
                {
                    match confirm.on_yes {
                        ConfirmAction::Delete { kind, id } => self.delete(kind, id)?,
                        ConfirmAction::ShowPrivate(purpose) => {
                            self.hide_private = false;
                            self.open_form(purpose)?;
                        }
                        ConfirmAction::Debrief { meeting_id } => self.open_debrief(meeting_id)?,
                        ConfirmAction::MarkThanksSent { ids } => self.mark_thanks_sent(&ids)?,
                        ConfirmAction::FillAgreement { meeting_id } => {
                            self.fill_agreement(meeting_id)?
                        }
                    }
                }
            }
            (Some(Overlay::DraftOffer(_)), Action::RestoreDraft) => self.restore_draft()?,
            (Some(Overlay::Conflict(_)), Action::Resolve(how)) => self.resolve_conflict(how)?,
            // Back to the form, nothing written; `Ctrl-S` asks again.
            (Some(Overlay::Conflict(_)), Action::CloseOverlay) => {
                self.overlays.pop();
            }
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
        form.read_slash_dates(ctx.config.date_format.slash_dates());
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
        self.ask(confirm);
    }

    /// Opens the form for `purpose` as a user asked (a key, a view's effect): while private
    /// text is hidden, a form on a private record first asks whether to show it.
    pub(super) fn ask_open_form(&mut self, purpose: FormPurpose) -> store::Result<()> {
        if let Some((kind, id)) = purpose.record()
            && self.hide_private
        {
            let privacy = match self.store.privacy(kind, id) {
                Err(store::StoreError::NotFound { .. }) => Default::default(),
                other => other?,
            };
            if self.masking().asks_before_edit(privacy) {
                let confirm = Confirm::show_private(self.text(), purpose);
                self.overlays.push(Overlay::Confirm(confirm));
                return Ok(());
            }
        }
        self.open_form(purpose)?;
        Ok(())
    }

    /// Puts a y/n question on the stack. A question about a private record names it by
    /// the placeholder while private text is hidden.
    pub(super) fn ask(&mut self, confirm: Confirm) {
        let confirm = match confirm.on_yes {
            ConfirmAction::Delete { kind, id }
                if self.hide_private
                    && self
                        .store
                        .privacy(kind, id)
                        .is_ok_and(|p| self.masking().text(p).is_some()) =>
            {
                Confirm::delete(self.text(), kind, id, self.text().common.hidden_text)
            }
            _ => confirm,
        };
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

    /// `Ctrl-S` on a form whose fields are fine: saves it through its view. The record and
    /// the end of its draft are one transaction: a crash leaves either the draft (nothing
    /// saved) or the record (no draft), never both — restoring the draft would save it twice.
    pub(super) fn save_form(&mut self) {
        let Some(Overlay::Form(mut open)) = self.overlays.pop() else {
            return;
        };
        self.message = None;
        let key = open.purpose.draft_key();
        let (ctx, views, _) = self.parts();
        let Ctx {
            store,
            now,
            lang,
            config,
            theme,
            hide_private,
            showing,
            height,
        } = ctx;
        let saved = store.save_with_draft_mut(&key, |store| {
            let mut ctx = Ctx {
                store,
                now,
                lang,
                config,
                theme,
                hide_private,
                showing,
                height,
            };
            forms::save(&mut ctx, views, &open.purpose, &open.form)
        });
        match saved {
            Ok(effect) => {
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
            Err(SaveError::Conflict(conflict)) => {
                // Nothing was written: the form stays, and the question goes over it.
                self.overlays.push(Overlay::Form(open));
                self.overlays
                    .push(Overlay::Conflict(ConflictPrompt::new(conflict)));
            }
        }
    }

    /// An answer about a field changed on both sides; after the last one, the edit is
    /// written (with the end of its draft, in one transaction).
    pub(super) fn resolve_conflict(&mut self, how: Resolve) -> store::Result<()> {
        let Some(Overlay::Conflict(prompt)) = self.overlays.last_mut() else {
            return Ok(());
        };
        if !prompt.answer(how) {
            return Ok(());
        }
        let Some(Overlay::Conflict(prompt)) = self.overlays.pop() else {
            return Ok(());
        };
        let Some(Overlay::Form(open)) = self.overlays.last() else {
            return Ok(());
        };
        let key = open.purpose.draft_key();
        let result = self
            .store
            .save_with_draft_mut(&key, |s| prompt.conflict.edit.resolve(s, &prompt.theirs));
        match result {
            Ok(None) => {
                self.overlays.pop();
                self.apply_effect(Effect::Reload)?;
                self.message = Some(self.text().saving.conflict_saved.to_string());
            }
            Ok(Some(again)) => {
                self.overlays
                    .push(Overlay::Conflict(ConflictPrompt::new(again)));
                self.message = Some(self.text().saving.conflict_again.to_string());
            }
            Err(err) => self.message = Some(self.error_text(&err)),
        }
        Ok(())
    }

    /// `Ctrl-E`: the scratch file for field `field` of the open form, with the field's text,
    /// and the form's draft saved noting it (so a crash while the editor is open loses
    /// nothing). `None` (with a message) when the file cannot be made.
    pub fn begin_editor(&mut self, field: usize) -> Option<(ScratchFile, String)> {
        let open = self.form()?;
        let name = open.form.fields().get(field)?.name.clone();
        let text = open.form.field_text(field);
        let key = open.purpose.draft_key();
        let draft = open.form.to_draft();
        let made = Scratch::for_journal(self.store.path())
            .and_then(|scratch| editor::create(&scratch, &key, &text));
        let file = match made {
            Ok(file) => file,
            Err(err) => {
                self.message = Some(fill!(self.text().form.editor_failed, error = err));
                return None;
            }
        };
        let marked = editor::mark_draft(&draft, &name, file.path());
        if let Err(err) = self.store.save_draft(&key, &marked) {
            self.message = Some(self.error_text(&err));
            let _ = file.remove();
            return None;
        }
        Some((file, text))
    }

    /// Puts text edited in `$EDITOR` back into the form field it came from (cut to the
    /// limit, and said), saves the draft, then removes the scratch file.
    pub fn editor_done(
        &mut self,
        field: usize,
        file: ScratchFile,
        result: std::io::Result<String>,
    ) {
        let today = self.clock.today();
        if let Err(err) = &result {
            self.message = Some(fill!(self.text().form.editor_failed, error = err));
        }
        let Some(open) = overlay::top_form(&mut self.overlays) else {
            return;
        };
        if let Ok(text) = &result {
            open.form.set_field_text(field, text, today);
        }
        if open.form.is_dirty() {
            self.save_draft();
        } else {
            // The draft saved for the editor held nothing new.
            let _ = self.store.delete_draft(&open.purpose.draft_key());
        }
        let _ = file.remove();
    }
}
