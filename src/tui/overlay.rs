//! What opens over a view, as one stack: a form, the debrief, the search, the offer of a draft
//! left behind, a y/n question, the help, a record's whole detail. Keys go to the top of the stack only, and the stack
//! is drawn from the bottom up, so the order in which things opened is the one priority there
//! is (nothing else decides which overlay has the keys).

use ratatui::Frame;
use ratatui::layout::Rect;

use super::detail::DetailState;
use super::edit::ConflictPrompt;
pub use super::effect::{Confirm, ConfirmAction};
use super::forms::OpenForm;
use super::keys::{self, Binding};
use super::purpose::DraftKey;
use super::recap::RecapOverlay;
use super::search::SearchState;
use super::shell;
use super::ui::Ui;
use super::views::debrief::{self, Debrief};
use super::views::mentors::compare::{self, CompareOverlay};
use super::views::screen::Detail;
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
    /// Whose value to keep for fields changed here and elsewhere (over the form it came from).
    Conflict(ConflictPrompt),
    /// The help, scrolled this far.
    Help { scroll: u16 },
    /// The whole detail of the selected record of a view (`Enter` or `v` on its list).
    Detail(DetailState),
    /// The recap of a held meeting, to send the mentor.
    Recap(Box<RecapOverlay>),
    /// The candidates' fit scorecards side by side (`S` in Mentors).
    Compare(CompareOverlay),
}

/// What an overlay may show of what is under it: the view, its keys as they are now (for the
/// help) and its selected record's whole detail.
pub struct Under<'a> {
    pub view: Option<super::views::View>,
    pub keys: Option<&'static [Binding]>,
    pub detail: Option<&'a Detail>,
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
            Overlay::Conflict(_) => super::edit::KEYS,
            Overlay::Help { .. } => keys::HELP,
            Overlay::Detail(_) => keys::DETAIL,
            Overlay::Recap(r) => r.keys(),
            Overlay::Compare(_) => compare::KEYS,
        }
    }

    /// True when the keys its table does not name are typed into it.
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Overlay::Form(_) | Overlay::Debrief(_) | Overlay::Search(_)
        ) || matches!(self, Overlay::Recap(r) if r.takes_text())
    }

    /// Draws it over `body`; `under` is what the help and the detail show.
    pub fn render(&self, f: &mut Frame, body: Rect, ui: &Ui, under: &Under<'_>) {
        match self {
            Overlay::Form(open) => open.form.render(f, body, ui),
            Overlay::Debrief(d) => d.render(f, body, ui),
            Overlay::Search(search) => search.render(f, body, ui),
            Overlay::DraftOffer(draft) => {
                let text = draft_offer_text(draft, ui);
                shell::draw_question(f, body, ui.t.common.draft_title, &text, ui);
            }
            Overlay::Confirm(confirm) => {
                shell::draw_question(f, body, confirm.title(ui.t), &confirm.prompt, ui);
            }
            Overlay::Conflict(prompt) => prompt.render(f, body, ui),
            Overlay::Help { scroll } => {
                shell::draw_help_keys(f, body, under.view, under.keys, *scroll, ui);
            }
            Overlay::Detail(detail) => detail.render(f, body, under.detail, ui),
            Overlay::Recap(r) => r.render(f, body, ui),
            Overlay::Compare(c) => c.render(f, body, ui),
        }
    }
}

/// The offer of a draft in words: which form it was (a debrief, a goal…), when, and a
/// summary of what it holds (a debrief's feedback and commitments, a form's first words).
pub fn draft_offer_text(draft: &Draft, ui: &Ui) -> String {
    use crate::i18n::Label;
    let c = &ui.t.common;
    let when = draft.updated_at.format("%Y-%m-%d %H:%M").to_string();
    let preview = super::ui::fit(&draft.preview(), 50);
    let (form, summary) = match DraftKey::parse(&draft.key) {
        Some(DraftKey::Debrief { .. }) => {
            let state: Option<debrief::DebriefState> = serde_json::from_str(&draft.payload).ok();
            let (feedback, commitments) = state
                .map(|s| (s.feedback.len(), s.commitments.len()))
                .unwrap_or_default();
            let counts = crate::fill!(
                c.draft_debrief_summary,
                feedback = feedback,
                commitments = commitments
            );
            let summary = if preview.is_empty() {
                counts
            } else {
                format!("{counts}; “{preview}”")
            };
            (ui.t.debrief.key_debrief.to_string(), summary)
        }
        Some(DraftKey::Form(purpose)) => (
            purpose.kind().label(&ui.t.labels).to_string(),
            format!("“{preview}”"),
        ),
        None => (String::new(), format!("“{preview}”")),
    };
    crate::fill!(c.draft_found, form = form, when = when, summary = summary)
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
