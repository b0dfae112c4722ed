//! The app's side of the recap overlay ([`crate::tui::recap`]) and of the kick-off's
//! agreement: opening the recap, its keys, the clipboard write (OSC 52 bytes kept for the run
//! loop, which owns the terminal), `$EDITOR` on the recap, marking the thanks sent, and the
//! mentor's form filled with the agreement a kick-off proposes.

use super::App;

use crate::domain::kickoff;
use crate::i18n::fill;
use crate::store;
use crate::store::scratch::{Scratch, ScratchFile};
use crate::tui::action::Action;
use crate::tui::editor;
use crate::tui::forms::FormPurpose;
use crate::tui::overlay::Overlay;
use crate::tui::purpose::MentorForm;
use crate::tui::recap::{self, RecapOverlay};

impl App {
    /// Opens the recap of meeting `id` over the view (or says why it has none).
    pub(super) fn open_recap(&mut self, id: i64) -> store::Result<()> {
        match RecapOverlay::open(&self.store, self.lang, id)? {
            Ok(overlay) => self.overlays.push(Overlay::Recap(Box::new(overlay))),
            Err(message) => self.message = Some(message),
        }
        Ok(())
    }

    /// A key of the recap on top.
    pub(super) fn apply_to_recap(&mut self, action: Action) -> store::Result<()> {
        let today = self.clock.today();
        let journal = self.store.path().map(std::path::Path::to_path_buf);
        let lang = self.lang;
        let Some(Overlay::Recap(o)) = self.overlays.last_mut() else {
            return Ok(());
        };
        let effect = recap::update(o, &action, lang, journal.as_deref(), today);
        self.apply_effect(effect)
    }

    /// Marks the thanks `ids` sent and says so; the recap on screen (if any) forgets them.
    pub(super) fn mark_thanks_sent(&mut self, ids: &[i64]) -> store::Result<()> {
        let changed = self.store.mark_thanks_sent(ids)?;
        for o in self.overlays.iter_mut() {
            if let Overlay::Recap(r) = o {
                r.unsent_thanks.retain(|id| !ids.contains(id));
            }
        }
        self.message = Some(fill!(self.text().recap.marked_sent, count = changed));
        let view = self.current_view();
        self.load(view)
    }

    /// The scratch file for the recap on top, holding its text (`None`, with a message, when
    /// it cannot be made).
    pub fn begin_recap_editor(&mut self) -> Option<(ScratchFile, String)> {
        let Some(Overlay::Recap(o)) = self.overlays.last() else {
            return None;
        };
        let text = o.text.clone();
        let stem = format!("recap-{}", o.meeting_id);
        match Scratch::for_journal(self.store.path())
            .and_then(|scratch| editor::create(&scratch, &stem, &text))
        {
            Ok(file) => Some((file, text)),
            Err(err) => {
                self.message = Some(fill!(self.text().form.editor_failed, error = err));
                None
            }
        }
    }

    /// Puts the text edited in `$EDITOR` back into the recap, then removes the file.
    pub fn recap_editor_done(&mut self, file: ScratchFile, result: std::io::Result<String>) {
        match result {
            Ok(text) => {
                if let Some(Overlay::Recap(o)) = self.overlays.last_mut() {
                    o.text = text;
                }
                self.message = Some(self.text().recap.edited.to_string());
            }
            Err(err) => self.message = Some(fill!(self.text().form.editor_failed, error = err)),
        }
        let _ = file.remove();
    }

    /// Opens the mentor's form of kick-off meeting `meeting_id` with the agreement it
    /// proposes filled in (the user checks it, then saves or drops it).
    pub(super) fn fill_agreement(&mut self, meeting_id: i64) -> store::Result<()> {
        let meeting = self.store.meeting(meeting_id)?;
        let mentor = self.store.mentor(meeting.mentor_id)?;
        let items = self.store.agenda_of(meeting_id)?;
        let next = self.store.recap_records(meeting_id)?.next;
        let proposal = kickoff::agreement(&mentor, &meeting, &items, next.as_ref());
        if !self.open_form(FormPurpose::Mentors(MentorForm::Edit(mentor.id)))? {
            return Ok(());
        }
        if proposal.is_empty() {
            self.message = Some(self.text().recap.agreement_nothing.to_string());
            return Ok(());
        }
        let today = self.clock.today();
        let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let values = [
            ("cadence", proposal.cadence_days.map(|d| d.to_string())),
            ("end", proposal.expected_end.map(date)),
            ("channel", proposal.channel),
            ("goals", proposal.goals_covered),
            ("agreement", proposal.agreement_notes),
        ];
        if let Some(Overlay::Form(open)) = self.overlays.last_mut() {
            for (name, value) in values {
                if let (Some(value), Some(i)) = (value, open.form.index(name)) {
                    let _ = open.form.set_field_text(i, &value, today);
                }
            }
        }
        self.save_draft();
        self.message = Some(self.text().recap.agreement_filled.to_string());
        Ok(())
    }
}
