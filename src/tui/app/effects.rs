//! Carrying out what a view asked for ([`Effect`]), and moving between views and records.

use super::{App, Screen, Stamp};

use crate::domain::RecordKind;
use crate::i18n::{Label, fill};
use crate::store;
use crate::tui::effect::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::view::View;
use crate::tui::views;

impl App {
    pub(super) fn current_view(&self) -> View {
        match self.screen {
            Screen::View(v) => v,
            Screen::Welcome => View::Today,
        }
    }

    pub(super) fn show(&mut self, view: View) -> store::Result<()> {
        self.screen = Screen::View(view);
        let stamp = self.stamp(view)?;
        self.bring_up_to(view, stamp)
    }

    /// What `view`'s data would be loaded from now: the journal's change stamp and the
    /// moment it follows (the minute for Today, which follows the clock; the day otherwise).
    fn stamp(&self, view: View) -> store::Result<Stamp> {
        Ok(self.stamp_with(view, self.store.change_stamp()?))
    }

    /// [`App::stamp`] with the journal's change stamp already read.
    fn stamp_with(&self, view: View, changes: (i64, u64)) -> Stamp {
        let now = self.clock.now();
        let moment = if view == View::Today {
            now.format("%F %R").to_string()
        } else {
            now.date().to_string()
        };
        (changes, moment)
    }

    /// Loads `view` unless it was loaded from `stamp` already: revisiting a view whose data
    /// has not changed (here or in another process) since it was loaded costs nothing.
    fn bring_up_to(&mut self, view: View, stamp: Stamp) -> store::Result<()> {
        if self.loaded[view.index()].as_ref() == Some(&stamp) {
            return Ok(());
        }
        self.load(view)?;
        self.loaded[view.index()] = Some(stamp);
        Ok(())
    }

    /// Loads, while the user does nothing, one view that is not on screen and whose data is
    /// not loaded from the journal as it is now, so that switching to it later only draws it
    /// (the run loop calls this while no key is waiting). The views after the one on screen
    /// come first, in tab order. Nothing on screen changes: a view that is loaded is drawn
    /// only when shown, and showing it checks the stamp again, so a change made meanwhile
    /// (here or in another process) is still loaded then.
    ///
    /// Returns false when there is nothing left to load: every view is up to date, an
    /// overlay is open (a form's draft is saved as it is typed), or the welcome screen is
    /// showing. A view whose load fails is not tried again until the journal changes; its
    /// visit loads it and shows the error.
    pub fn warm_next(&mut self) -> bool {
        let Screen::View(showing) = self.screen else {
            return false;
        };
        if !self.overlays.is_empty() {
            return false;
        }
        let Ok(changes) = self.store.change_stamp() else {
            return false;
        };
        let mut view = showing.next();
        while view != showing {
            let stamp = self.stamp_with(view, changes);
            let i = view.index();
            if self.loaded[i].as_ref() != Some(&stamp)
                && self.warm_tried[i].as_ref() != Some(&stamp)
            {
                self.warm_tried[i] = Some(stamp.clone());
                // An error is left for the visit to report (see above).
                let _ = self.bring_up_to(view, stamp);
                return true;
            }
            view = view.next();
        }
        false
    }

    pub(super) fn page(&self) -> isize {
        (self.area.height.saturating_sub(8)).max(1) as isize
    }

    /// `v`, and `Enter` where a view has no other use for it: the selected record's whole
    /// detail over the view (a word in the status bar when nothing is selected).
    pub(super) fn open_detail(&mut self) {
        let view = self.current_view();
        if self.views.screen(view).has_detail() {
            self.overlays
                .push(Overlay::Detail(crate::tui::detail::DetailState::new(view)));
        } else if view == View::Today {
            self.message = Some(self.text().common.no_detail_on_today.to_string());
        } else {
            self.message = Some(self.text().common.nothing_selected.to_string());
        }
    }

    /// `Enter` on a view: on Today, the next meeting's agenda builder; on a planned meeting,
    /// its agenda builder; on a nudge of Gratitude, a thanks for it; anywhere else the
    /// selected record's whole detail.
    pub(super) fn open(&mut self) -> store::Result<()> {
        let view = self.current_view();
        if view == View::Today {
            let Some(id) = self.views.today.next_meeting_id() else {
                return Ok(());
            };
            self.views.meetings.mode = views::meetings::Mode::List;
            if !self.select_record(View::Meetings, id)? {
                return Ok(());
            }
        }
        let (mut ctx, v, _) = self.parts();
        let effect = match ctx.showing {
            Some(View::Gratitude) if v.gratitude.focus == views::gratitude::Pane::Nudges => {
                views::gratitude::open(&mut ctx, &mut v.gratitude)?
            }
            Some(View::Meetings) if v.meetings.selected_is_planned() => {
                views::meetings::update::open_agenda(&mut ctx, &mut v.meetings)?
            }
            _ => Effect::Then(crate::tui::action::Action::Detail),
        };
        self.apply_effect(effect)
    }

    /// Does what a view asked for.
    pub(super) fn apply_effect(&mut self, effect: Effect) -> store::Result<()> {
        match effect {
            Effect::None => {}
            Effect::Message(text) => self.message = Some(text),
            Effect::OpenForm(purpose) => self.ask_open_form(purpose)?,
            Effect::Confirm(confirm) => self.ask(confirm),
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
            Effect::OpenRecap(id) => self.open_recap(id)?,
            Effect::Clipboard(text) => self.terminal_out.extend(crate::tui::recap::osc52(&text)),
            Effect::EditRecap => self.recap_editor_request = true,
            Effect::OpenCompare => {
                let compare = views::mentors::compare::CompareOverlay::open(&self.store)?;
                self.overlays.push(Overlay::Compare(compare));
            }
            Effect::Many(all) => {
                for effect in all {
                    self.apply_effect(effect)?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn move_cursor(&mut self, delta: isize) -> store::Result<()> {
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

    pub(super) fn delete(&mut self, kind: RecordKind, id: i64) -> store::Result<()> {
        let deleted = self.store.delete_with_undo(kind, id)?;
        let noun = deleted.kind.label(&self.text().labels);
        self.message = Some(fill!(self.text().common.deleted, kind = noun));
        self.undo.push(deleted);
        self.load(self.current_view())
    }

    pub(super) fn undo_last(&mut self) -> store::Result<()> {
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
}
