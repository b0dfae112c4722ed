//! What a view asks the app to do after a key or a save: the views change their own state
//! and the journal through the [`super::ctx::Ctx`] they are given, and return an [`Effect`]
//! for everything else (a message, a form, a question, another view), which only the app
//! applies.

use super::keys::Action;
use super::purpose::FormPurpose;
use super::ui::fit;
use super::view::View;
use crate::domain::RecordKind;
use crate::domain::text::clean_line;
use crate::i18n::{Label, Text, fill};
use crate::store::StoreError;

/// What should happen next.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Effect {
    /// Nothing more.
    #[default]
    None,
    /// Say this in the status bar.
    Message(String),
    /// Open the form for this purpose (with its draft, if one was left).
    OpenForm(FormPurpose),
    /// Ask this before going on.
    Confirm(Confirm),
    /// Load the view on screen again.
    Reload,
    /// Load `view` again with record `id` selected (the screen stays where it is).
    Select(View, i64),
    /// Show `view` with record `id` selected.
    Show(View, i64),
    /// Close the overlay on top (the debrief when it is done).
    Close,
    /// Go on with this action.
    Then(Action),
    /// These, in order.
    Many(Vec<Effect>),
    /// Open the recap of held meeting `id` over the view.
    OpenRecap(i64),
    /// Put this text on the clipboard: the app writes it to the terminal as OSC 52.
    Clipboard(String),
    /// Open the recap on top in `$EDITOR` (the run loop, which owns the terminal, does it).
    EditRecap,
    /// Open the candidates' scorecards side by side over the view.
    OpenCompare,
}

impl Effect {
    /// This effect, then `next`.
    pub fn and(self, next: Effect) -> Effect {
        match (self, next) {
            (Effect::None, next) => next,
            (first, Effect::None) => first,
            (Effect::Many(mut all), next) => {
                all.push(next);
                Effect::Many(all)
            }
            (first, next) => Effect::Many(vec![first, next]),
        }
    }

    /// A message from the catalog.
    pub fn say(text: impl Into<String>) -> Effect {
        Effect::Message(text.into())
    }
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
    /// Show private text again and open this form (asked before a private record's form
    /// opens while private text is hidden).
    ShowPrivate(FormPurpose),
    /// Debrief meeting `meeting_id` though it has not happened yet.
    Debrief { meeting_id: i64 },
    /// Mark these thanks sent (after the recap was copied or saved).
    MarkThanksSent { ids: Vec<i64> },
    /// Open the mentor's form with the agreement kick-off meeting `meeting_id` proposes.
    FillAgreement { meeting_id: i64 },
}

impl Confirm {
    /// "Delete this goal: “Talk at the meetup”?" before deleting record `id` of `kind`.
    pub fn delete(t: &Text, kind: RecordKind, id: i64, name: &str) -> Confirm {
        let name = fit(&clean_line(name), 40);
        Confirm {
            prompt: fill!(
                t.common.confirm_delete,
                kind = kind.label(&t.labels),
                name = name
            ),
            on_yes: ConfirmAction::Delete { kind, id },
        }
    }

    /// "Show private text?" before the form for `purpose` shows a private record.
    pub fn show_private(t: &Text, purpose: FormPurpose) -> Confirm {
        Confirm {
            prompt: t.common.show_private_question.to_string(),
            on_yes: ConfirmAction::ShowPrivate(purpose),
        }
    }

    /// The question's title.
    pub fn title(&self, t: &'static Text) -> &'static str {
        match self.on_yes {
            ConfirmAction::Delete { .. } => t.common.key_delete_title,
            ConfirmAction::ShowPrivate(_) => t.common.show_private_title,
            ConfirmAction::Debrief { .. } => t.debrief.confirm_title,
            ConfirmAction::MarkThanksSent { .. } => t.recap.mark_sent_title,
            ConfirmAction::FillAgreement { .. } => t.recap.agreement_title,
        }
    }
}

/// Why a form could not be saved.
#[derive(Debug)]
pub enum SaveError {
    /// A field's value is refused: shown beside the field, the form stays open.
    Field { name: &'static str, message: String },
    /// The store failed: shown in the status bar, the form stays open.
    Store(StoreError),
    /// The record was changed elsewhere since the form opened, in fields this edit changed
    /// too: nothing was written; the user chooses whose value each field keeps.
    Conflict(EditConflict),
}

/// An edit that met a change made elsewhere to the same fields (see `crate::tui::edit`).
#[derive(Debug)]
pub struct EditConflict {
    /// The fields changed on both sides, in the record's order.
    pub fields: Vec<ConflictField>,
    /// The edit, waiting for the user's choice.
    pub edit: Box<dyn PendingEdit>,
}

/// One field changed here and elsewhere: its label and both values as text (`None`: empty).
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictField {
    pub column: &'static str,
    pub label: String,
    pub mine: Option<String>,
    pub theirs: Option<String>,
}

/// An edit not written yet because of a conflict.
pub trait PendingEdit: std::fmt::Debug {
    /// Writes the edit with the other side's values for the fields in `theirs` and mine for
    /// every other field it changed. `Some` when the record changed again meanwhile: a new
    /// conflict to resolve.
    fn resolve(
        &self,
        store: &mut crate::store::Store,
        theirs: &[&'static str],
    ) -> crate::store::Result<Option<EditConflict>>;
}

impl From<StoreError> for SaveError {
    fn from(err: StoreError) -> Self {
        SaveError::Store(err)
    }
}
