//! What opens over a view, as one stack: a form, the debrief, the search, the offer of a draft
//! left behind, a y/n question, the help. Keys go to the top of the stack only, and the stack
//! is drawn from the bottom up, so the order in which things opened is the one priority there
//! is (nothing else decides which overlay has the keys).

use ratatui::Frame;
use ratatui::layout::Rect;

pub use super::effect::{Confirm, ConfirmAction};
use super::forms::OpenForm;
use super::keys::{self, Binding};
use super::search::SearchState;
use super::shell;
use super::ui::Ui;
use super::views::debrief::{self, Debrief};
use crate::domain::Draft;

/// One thing open over the view.
#[derive(Debug)]
pub enum Overlay {
    /// A form: every key that its table does not name edits a field.
    Form(OpenForm),
    /// The debrief of a meeting (its step's form gets the other keys).
    Debrief(Box<Debrief>),
    /// The search (`/`): typed keys go into the query.
    Search(SearchState),
    /// A draft left behind by an earlier run, offered back at start.
    DraftOffer(Draft),
    /// A y/n question.
    Confirm(Confirm),
    /// The help, scrolled this far.
    Help { scroll: u16 },
}

impl Overlay {
    /// The keys it answers to (also its status-bar hints).
    pub fn keys(&self) -> &'static [Binding] {
        match self {
            Overlay::Form(_) => keys::FORM,
            Overlay::Debrief(_) => debrief::KEYS,
            Overlay::Search(_) => super::search::KEYS,
            Overlay::DraftOffer(_) => keys::DRAFT_OFFER,
            Overlay::Confirm(_) => keys::CONFIRM,
            Overlay::Help { .. } => keys::HELP,
        }
    }

    /// True when the keys its table does not name are typed into it.
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Overlay::Form(_) | Overlay::Debrief(_) | Overlay::Search(_)
        )
    }

    /// Draws it over `body`; `help` is what the help shows (the view and its keys now).
    pub fn render(
        &self,
        f: &mut Frame,
        body: Rect,
        ui: &Ui,
        help: (Option<super::views::View>, Option<&'static [Binding]>),
    ) {
        match self {
            Overlay::Form(open) => open.form.render(f, body, ui),
            Overlay::Debrief(d) => d.render(f, body, ui),
            Overlay::Search(search) => search.render(f, body, ui),
            Overlay::DraftOffer(draft) => {
                let when = draft.updated_at.format("%Y-%m-%d %H:%M").to_string();
                let text = crate::fill!(
                    ui.t.common.draft_found,
                    when = when,
                    preview = super::ui::fit(&draft.preview(), 60)
                );
                shell::draw_question(f, body, ui.t.common.draft_title, &text, ui);
            }
            Overlay::Confirm(confirm) => {
                let title = match confirm.on_yes {
                    super::effect::ConfirmAction::Delete { .. } => ui.t.common.key_delete_title,
                    super::effect::ConfirmAction::Debrief { .. } => ui.t.debrief.confirm_title,
                };
                shell::draw_question(f, body, title, &confirm.prompt, ui);
            }
            Overlay::Help { scroll } => {
                shell::draw_help_keys(f, body, help.0, help.1, *scroll, ui);
            }
        }
    }
}

/// The open form in `stack`, if it is on top.
pub fn top_form(stack: &mut [Overlay]) -> Option<&mut OpenForm> {
    match stack.last_mut() {
        Some(Overlay::Form(open)) => Some(open),
        _ => None,
    }
}

/// The open debrief in `stack`, if it is on top.
pub fn top_debrief(stack: &mut [Overlay]) -> Option<&mut Debrief> {
    match stack.last_mut() {
        Some(Overlay::Debrief(d)) => Some(d),
        _ => None,
    }
}
