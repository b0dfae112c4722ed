//! Saving an edit form without losing a change made elsewhere (issue 12, item 3).
//!
//! A form remembers the values it opened with ([`Form::as_opened`], kept in its draft too).
//! [`save_edit`] reads the record as it is now and applies both the opened values and the
//! edited ones to it — the same view function for both — so the two records differ exactly
//! in the fields the user changed. [`Store::update`] then writes only those, merging a
//! change made elsewhere to other fields; a field changed on both sides is an
//! [`EditConflict`], which the app asks about field by field ([`ConflictPrompt`]: keep mine /
//! take theirs, or either for all) before anything is written.

use std::rc::Rc;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use rusqlite::types::Value;

use super::action::{Action, Resolve};
use super::ctx::Ctx;
use super::effect::{ConflictField, EditConflict, PendingEdit, SaveError};
use super::form::Form;
use super::keys::{Binding, Key, bind};
use super::ui::{Ui, fit};
use crate::domain::text::clean_line;
use crate::i18n::fill;
use crate::store::{self, Conflict, Editable, Resolution, Store, UpdateOutcome};

/// Saves the edit of record `id` made in `form`: `apply` puts a form's values into a record
/// (the view's own function, used for both the opened and the edited values). Only the
/// fields the user changed are written; a conflict is `SaveError::Conflict`.
pub fn save_edit<T>(
    ctx: &mut Ctx,
    id: i64,
    form: &Form,
    apply: impl Fn(&mut Ctx, &Form, &mut T) -> Result<(), SaveError>,
) -> Result<(), SaveError>
where
    T: Editable + std::fmt::Debug + 'static,
{
    save_edit_and(ctx, id, form, apply, |_, _| {})
}

/// [`save_edit`] for a form that also changes the record whatever its values (marking thanks
/// sent, ending a mentorship): `always` is applied to the edited record only.
pub fn save_edit_and<T>(
    ctx: &mut Ctx,
    id: i64,
    form: &Form,
    apply: impl Fn(&mut Ctx, &Form, &mut T) -> Result<(), SaveError>,
    always: impl Fn(&Ctx, &mut T),
) -> Result<(), SaveError>
where
    T: Editable + std::fmt::Debug + 'static,
{
    save_edit_then(ctx, id, form, apply, always, FollowUp::none())
}

/// What an edit writes beside the record once it is written (a goal's revisions), told
/// which columns ended up as the other window's ("take theirs"), whose changes are then
/// not the user's. It runs in the same transaction as the record's write, whether that
/// comes at once or after a conflict's answers.
#[derive(Clone)]
pub struct FollowUp(Rc<FollowUpWrite>);

/// The writes of a [`FollowUp`]: given the store and the columns taken as theirs.
type FollowUpWrite = dyn Fn(&Store, &[&'static str]) -> store::Result<()>;

impl FollowUp {
    /// Writes `write`'s records after the edit.
    pub fn new(write: impl Fn(&Store, &[&'static str]) -> store::Result<()> + 'static) -> Self {
        FollowUp(Rc::new(write))
    }

    /// Nothing beside the record.
    pub fn none() -> Self {
        FollowUp::new(|_, _| Ok(()))
    }
}

impl std::fmt::Debug for FollowUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FollowUp")
    }
}

/// [`save_edit_and`] with `follow` written beside the record (see [`FollowUp`]).
pub fn save_edit_then<T>(
    ctx: &mut Ctx,
    id: i64,
    form: &Form,
    apply: impl Fn(&mut Ctx, &Form, &mut T) -> Result<(), SaveError>,
    always: impl Fn(&Ctx, &mut T),
    follow: FollowUp,
) -> Result<(), SaveError>
where
    T: Editable + std::fmt::Debug + 'static,
{
    let now = T::load(ctx.store, id)?;
    let mut original = now.clone();
    apply(ctx, &form.as_opened(), &mut original)?;
    let mut edited = now;
    apply(ctx, form, &mut edited)?;
    always(ctx, &mut edited);
    match ctx.store.update(&original, &edited)? {
        UpdateOutcome::Conflict(conflict) => {
            let labels = form
                .fields()
                .iter()
                .map(|f| (f.name.clone(), f.label.clone()))
                .collect();
            let t = &ctx.text().form;
            let names = form
                .fields()
                .iter()
                .filter_map(|f| Some((f.name.clone(), f.value_names(t)?)))
                .collect();
            let pending = Pending {
                original,
                edited,
                conflict,
                labels,
                names,
                follow,
            };
            Err(SaveError::Conflict(pending.into_conflict()?))
        }
        _ => Ok((follow.0)(ctx.store, &[])?),
    }
}

/// An edit waiting for the user's choice.
#[derive(Debug)]
struct Pending<T> {
    original: T,
    edited: T,
    conflict: Conflict<T>,
    /// The form's (field name, label) pairs, to name the fields in the question.
    labels: Vec<(String, String)>,
    /// The (code, label) pairs of the form's choices and yes/no fields, by field name, so
    /// the question shows a mentor's name or "yes", not the id or 1 that is stored.
    names: Vec<(String, Vec<(String, String)>)>,
    follow: FollowUp,
}

impl<T: Editable + std::fmt::Debug + 'static> Pending<T> {
    fn into_conflict(self) -> store::Result<EditConflict> {
        let mine = self.edited.fields()?;
        let theirs = self.conflict.theirs.fields()?;
        let fields = mine
            .into_iter()
            .zip(theirs)
            .filter(|((column, _), _)| self.conflict.fields.contains(column))
            .map(|((column, m), (_, t))| {
                let names = field_of(column, |name| {
                    self.names.iter().find(|(n, _)| n == name).map(|(_, o)| o)
                });
                ConflictField {
                    column,
                    label: label(&self.labels, column),
                    mine: shown(&m, names.map(Vec::as_slice)),
                    theirs: shown(&t, names.map(Vec::as_slice)),
                }
            })
            .collect();
        Ok(EditConflict {
            fields,
            edit: Box::new(self),
        })
    }
}

impl<T: Editable + std::fmt::Debug + 'static> PendingEdit for Pending<T> {
    fn resolve(
        &self,
        store: &mut Store,
        theirs: &[&'static str],
    ) -> store::Result<Option<EditConflict>> {
        // `TakeTheirs` for the fields chosen so; every other field the edit changed (the
        // conflicting ones kept as mine included) is written as mine.
        let chosen = Conflict {
            fields: (self.conflict.fields.iter())
                .filter(|c| theirs.contains(c))
                .copied()
                .collect(),
            theirs: self.conflict.theirs.clone(),
        };
        match store.resolve(
            &self.original,
            &self.edited,
            &chosen,
            Resolution::TakeTheirs,
        )? {
            UpdateOutcome::Conflict(conflict) => Ok(Some(
                Pending {
                    original: self.original.clone(),
                    edited: self.edited.clone(),
                    conflict,
                    labels: self.labels.clone(),
                    names: self.names.clone(),
                    follow: self.follow.clone(),
                }
                .into_conflict()?,
            )),
            _ => {
                (self.follow.0)(store, &chosen.fields)?;
                Ok(None)
            }
        }
    }
}

/// The label of the form field a column is edited in (the column's name, made readable,
/// when no field matches).
fn label(labels: &[(String, String)], column: &str) -> String {
    field_of(column, |name| labels.iter().find(|(n, _)| n == name))
        .map_or_else(|| column.replace('_', " "), |(_, l)| l.clone())
}

/// What `find` gives for the form field a column is edited in: the field named as the
/// column, or by its alias (`due_on` is edited in `due`, `mentor_id` in `mentor`).
fn field_of<'a, T>(column: &str, find: impl Fn(&str) -> Option<&'a T>) -> Option<&'a T> {
    const ALIASES: &[(&str, &str)] = &[
        ("research_notes", "research"),
        ("pitch_draft", "pitch"),
        ("goals_covered", "goals"),
        ("cadence_days", "cadence"),
        ("expected_end", "end"),
        ("review_on", "review"),
        ("due_on", "due"),
        ("done_on", "done"),
        ("received_on", "date"),
        ("on_date", "date"),
        ("starts_at", "date"),
        ("closing_notes", "closing"),
    ];
    let alias = ALIASES
        .iter()
        .find(|(c, _)| *c == column)
        .map(|(_, f)| *f)
        .or_else(|| column.strip_suffix("_id"));
    [Some(column), alias].into_iter().flatten().find_map(find)
}

/// A stored value as the question shows it, named as the form's choice names it (`names`:
/// its (code, label) pairs) when it has one; `None` for nothing.
fn shown(value: &Value, names: Option<&[(String, String)]>) -> Option<String> {
    let stored = match value {
        Value::Null => return None,
        Value::Integer(i) => i.to_string(),
        Value::Real(x) => x.to_string(),
        Value::Text(s) if s.trim().is_empty() => return None,
        Value::Text(s) => s.clone(),
        Value::Blob(b) => return Some(format!("{} bytes", b.len())),
    };
    let named = names
        .and_then(|options| options.iter().find(|(code, _)| *code == stored))
        .map(|(_, label)| label.clone());
    Some(named.unwrap_or(stored))
}

/// The question asked over the form: one conflicting field at a time.
#[derive(Debug)]
pub struct ConflictPrompt {
    pub conflict: EditConflict,
    /// The field being asked about.
    pub at: usize,
    /// The fields answered "take theirs" so far.
    pub theirs: Vec<&'static str>,
}

impl ConflictPrompt {
    /// Asks about `conflict` from its first field.
    pub fn new(conflict: EditConflict) -> ConflictPrompt {
        ConflictPrompt {
            conflict,
            at: 0,
            theirs: Vec::new(),
        }
    }

    /// Takes one answer; true when every field is answered (the edit can be written).
    pub fn answer(&mut self, how: Resolve) -> bool {
        let fields = &self.conflict.fields;
        let rest = fields.get(self.at..).unwrap_or_default();
        match how {
            Resolve::Mine => self.at += 1,
            Resolve::Theirs => {
                if let Some(f) = rest.first() {
                    self.theirs.push(f.column);
                }
                self.at += 1;
            }
            Resolve::MineForAll => self.at = fields.len(),
            Resolve::TheirsForAll => {
                self.theirs.extend(rest.iter().map(|f| f.column));
                self.at = fields.len();
            }
        }
        self.at >= fields.len()
    }

    /// Draws the question about the current field over `area`.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.saving;
        let Some(field) = self.conflict.fields.get(self.at) else {
            return;
        };
        let width = area.width.clamp(20, 76);
        let value = |v: &Option<String>| {
            let text = v.as_deref().map_or(t.conflict_empty.to_string(), |s| {
                clean_line(&s.replace('\n', " ")).into_owned()
            });
            fit(&text, usize::from(width.saturating_sub(14)))
        };
        let lines = vec![
            Line::from(fill!(
                t.conflict_field,
                field = clean_line(&field.label),
                at = self.at + 1,
                total = self.conflict.fields.len()
            )),
            Line::from(""),
            Line::from(fill!(t.conflict_mine, value = value(&field.mine))),
            Line::from(fill!(t.conflict_theirs, value = value(&field.theirs))),
        ];
        let popup = super::shell::centered(area, width, 9);
        f.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ui.theme.warn)
            .title(ratatui::text::Span::styled(
                format!(" {} ", t.conflict_title),
                ui.theme.warn,
            ));
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            popup,
        );
    }
}

/// Keys of the question about a conflicting field.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('m')],
        Action::Resolve(Resolve::Mine),
        "m",
        |t| t.saving.key_keep_mine,
        true,
    ),
    bind(
        &[Key::ch('t')],
        Action::Resolve(Resolve::Theirs),
        "t",
        |t| t.saving.key_take_theirs,
        true,
    ),
    bind(
        &[Key::ch('M')],
        Action::Resolve(Resolve::MineForAll),
        "M",
        |t| t.saving.key_mine_for_all,
        true,
    ),
    bind(
        &[Key::ch('T')],
        Action::Resolve(Resolve::TheirsForAll),
        "T",
        |t| t.saving.key_theirs_for_all,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::CloseOverlay,
        "Esc",
        |t| t.saving.key_back_to_form,
        true,
    ),
    bind(
        &[Key::ctrl('c')],
        Action::Quit,
        "Ctrl-C",
        |t| t.common.key_quit,
        false,
    ),
];
