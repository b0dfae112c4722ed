//! The form every view uses to add or edit a record, independent of any record kind.
//!
//! A view builds a [`Form`] with a few builder calls (labels come from its catalog); the app
//! feeds it key presses and acts on the [`FormOutcome`] (the draft is stored under a key
//! derived from what the form is for, `crate::tui::purpose::FormPurpose`):
//!
//! ```ignore
//! let mut form = Form::builder(t.goals.new_title)
//!     .line("title", t.goals.title).required("title")
//!     .date("due", t.goals.due)
//!     .choice("status", t.goals.status, statuses)
//!     .value("status", "active")
//!     .build();
//! match form.handle_key(key, today) {
//!     FormOutcome::Changed => store.save_draft(&purpose.draft_key(), &form.to_draft())?,
//!     FormOutcome::Save => { /* read form.text("title"), form.date("due", today)… */ }
//!     FormOutcome::Cancel => store.delete_draft(&purpose.draft_key())?,
//!     FormOutcome::OpenEditor { field } => { /* see crate::tui::editor */ }
//!     FormOutcome::Nothing => {}
//! }
//! ```
//!
//! Text typed, pasted or restored from a draft is neutralised on the way in (control
//! characters and escape sequences become visible placeholders), so what the text areas draw
//! is always safe. The caller handles `Ctrl-C` before handing keys to the form.

mod builder;
mod draft;
mod field;
#[cfg(test)]
mod limit_tests;
mod render;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::text::{Line, Span};

pub use builder::FormBuilder;
pub use draft::DraftError;
pub use field::{Field, FieldError, FieldKind, NotANumber, parse_number};
use field::{Input, over_limit, safe_text, text_chars};

use crate::domain::dates::{SlashDates, parse_optional_date_as};
use crate::domain::limits::MAX_TEXT_CHARS;
use crate::domain::text::clean_line;

/// Lines with their text neutralised.
fn clean_lines(lines: Vec<Line<'static>>) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|line| {
            let spans: Vec<Span<'static>> = line
                .spans
                .into_iter()
                .map(|s| Span::styled(clean_line(&s.content).into_owned(), s.style))
                .collect();
            Line::from(spans).style(line.style)
        })
        .collect()
}

/// What a key did to the form; the caller acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    /// Nothing the caller needs to know (focus moved, a question was asked…).
    Nothing,
    /// A value changed: the caller saves the draft.
    Changed,
    /// `Ctrl-S` with every field valid: the caller reads the values and saves the record.
    Save,
    /// `Esc` on an unchanged form, or a confirmed discard: the caller closes the form.
    Cancel,
    /// `Ctrl-E` on a text field: the caller opens it in `$EDITOR`.
    OpenEditor { field: usize },
}

/// A form: titled fields, one focused, with inline errors and an optional side panel.
#[derive(Debug, Clone)]
pub struct Form {
    /// The popup's title.
    pub title: String,
    fields: Vec<Field>,
    focus: usize,
    /// Something was changed since the form was opened (or a draft was restored).
    dirty: bool,
    /// `Esc` on a changed form asked "discard?", waiting for y / n.
    confirming_discard: bool,
    /// The last `Ctrl-S` was refused because of errors (says so until the next key).
    save_refused: bool,
    side_panel: Vec<Line<'static>>,
    /// Each field's raw value when the form was first opened (kept in its draft), so an
    /// edit saves only what the user changed (`crate::tui::edit`).
    opened: Vec<(String, String)>,
    /// The side panel's short form, used below the fields of a narrow form (`None`: the
    /// side panel itself).
    compact_panel: Option<Vec<Line<'static>>>,
    /// Fields brought forward by a choice (see [`FormBuilder::bring_forward`]).
    forward: Vec<BringForward>,
    /// How its date fields read `01/12/2026`: as the configured display format writes dates
    /// (see [`Form::read_slash_dates`]).
    slash: SlashDates,
}

/// While choice `choice` holds one of `codes`, `fields` come right after it.
#[derive(Debug, Clone)]
struct BringForward {
    choice: String,
    codes: Vec<String>,
    fields: Vec<String>,
}

impl Form {
    /// Starts building a form titled `title`.
    pub fn builder(title: impl Into<String>) -> FormBuilder {
        FormBuilder {
            form: Form {
                title: title.into(),
                fields: Vec::new(),
                focus: 0,
                dirty: false,
                confirming_discard: false,
                save_refused: false,
                side_panel: Vec::new(),
                opened: Vec::new(),
                compact_panel: None,
                forward: Vec::new(),
                slash: SlashDates::Refused,
            },
        }
    }

    /// Date fields read `01/12/2026` the way `slash` says (the configured date format), as
    /// the command line does; set by whoever opens the form.
    pub fn read_slash_dates(&mut self, slash: SlashDates) {
        self.slash = slash;
    }

    /// How the date fields read `01/12/2026`.
    pub fn slash_dates(&self) -> SlashDates {
        self.slash
    }

    /// The fields, in order.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The index of the focused field.
    pub fn focus(&self) -> usize {
        self.focus
    }

    /// Moves the focus to field `index` (clamped).
    pub fn set_focus(&mut self, index: usize) {
        self.focus = index.min(self.fields.len().saturating_sub(1));
        self.sync_focus();
    }

    /// True when something was changed since the form was opened.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// True while the form asks whether to discard the changes.
    pub fn is_confirming_discard(&self) -> bool {
        self.confirming_discard
    }

    /// The index of field `name`.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The raw text of field `name` (lines joined with `\n`; empty for an unknown field).
    pub fn text(&self, name: &str) -> String {
        self.field(name).map(Field::raw).unwrap_or_default()
    }

    /// The text of field number `index` (for `$EDITOR`).
    pub fn field_text(&self, index: usize) -> String {
        self.fields.get(index).map(Field::raw).unwrap_or_default()
    }

    /// The date in field `name`, or `None` when it is empty or does not read.
    pub fn date(&self, name: &str, today: NaiveDate) -> Option<NaiveDate> {
        parse_optional_date_as(&self.text(name), today, self.slash)
            .ok()
            .flatten()
    }

    /// The time of day in field `name`, or `None` when it is empty or does not read.
    pub fn time(&self, name: &str) -> Option<chrono::NaiveTime> {
        crate::domain::dates::parse_time(&self.text(name))
    }

    /// The number in field `name`, or `None` when it is empty or does not read.
    pub fn number(&self, name: &str) -> Option<f64> {
        parse_number(&self.text(name)).ok().flatten()
    }

    /// The code of the chosen option of field `name` (empty when there is none).
    pub fn choice(&self, name: &str) -> &str {
        match self.field(name).map(|f| &f.input) {
            Some(Input::Choice { options, index }) => {
                options.get(*index).map_or("", |(code, _)| code.as_str())
            }
            _ => "",
        }
    }

    /// The state of toggle `name` (`false` for an unknown field).
    pub fn toggle(&self, name: &str) -> bool {
        matches!(
            self.field(name).map(|f| &f.input),
            Some(Input::Toggle(true))
        )
    }

    /// Shows `message` beside field `name` (e.g. "a mentor with this name exists") and moves
    /// the focus there. Cleared when the field changes or on the next save.
    pub fn set_error(&mut self, name: &str, message: impl Into<String>) {
        if let Some(i) = self.index(name) {
            self.fields[i].error = Some(FieldError::Custom(message.into()));
            self.set_focus(i);
        }
    }

    /// Lines drawn beside the fields when the screen is wide (≥ 100 columns), below them
    /// otherwise: a live check or a checklist. Span text is neutralised.
    pub fn set_side_panel(&mut self, lines: Vec<Line<'static>>) {
        self.side_panel = clean_lines(lines);
    }

    /// The side panel's short form for a narrow form, where it sits below the fields and
    /// shares their height (the SMART check: one line per letter).
    pub fn set_compact_panel(&mut self, lines: Vec<Line<'static>>) {
        self.compact_panel = Some(clean_lines(lines));
    }

    /// Remembers every field's value as the one the form opened with (done by `build`).
    pub(crate) fn mark_opened(&mut self) {
        self.opened = self
            .fields
            .iter()
            .map(|f| (f.name.clone(), f.raw()))
            .collect();
    }

    /// The form with the values it opened with (what the record was when the user began).
    pub fn as_opened(&self) -> Form {
        let mut form = self.clone();
        for field in &mut form.fields {
            if let Some((_, raw)) = self.opened.iter().find(|(n, _)| *n == field.name) {
                field.set_raw(raw);
            }
        }
        form
    }

    /// Replaces the text of field `index` (the result of `$EDITOR`). Line breaks become
    /// spaces in one-line fields. `Changed` when the text is different.
    pub fn set_field_text(&mut self, index: usize, text: &str, today: NaiveDate) -> FormOutcome {
        let Some(field) = self.fields.get_mut(index) else {
            return FormOutcome::Nothing;
        };
        if !field.kind.is_text() || field.raw() == safe_text(text, field.kind.is_multiline()) {
            return FormOutcome::Nothing;
        }
        field.set_raw_within_limit(text);
        field.set_focused(index == self.focus);
        self.changed_keeping_limit(index, today)
    }

    /// Inserts pasted text at the cursor of the focused text field.
    pub fn paste(&mut self, text: &str, today: NaiveDate) -> FormOutcome {
        if self.confirming_discard {
            return FormOutcome::Nothing;
        }
        let focus = self.focus;
        let Some(Field {
            input: Input::Text(area),
            kind,
            ..
        }) = self.fields.get_mut(focus)
        else {
            return FormOutcome::Nothing;
        };
        let clean = safe_text(text, kind.is_multiline());
        // What fits under the limit goes in; the rest is left out, and the field says how much.
        let have = text_chars(area);
        let pasted = clean.chars().count();
        let room = MAX_TEXT_CHARS.saturating_sub(have);
        let (put, left_out) = if pasted > room {
            (clean.chars().take(room).collect(), pasted - room)
        } else {
            (clean, 0)
        };
        let inserted = !put.is_empty() && area.insert_str(put);
        let outcome = if inserted {
            self.changed(focus, today)
        } else {
            FormOutcome::Nothing
        };
        if left_out > 0 {
            self.fields[focus].error = Some(FieldError::OverLimit {
                chars: have + pasted,
                left_out,
            });
        }
        outcome
    }

    /// Handles one key. Only presses (and repeats) count; releases are ignored.
    pub fn handle_key(&mut self, key: KeyEvent, today: NaiveDate) -> FormOutcome {
        if key.kind == KeyEventKind::Release {
            return FormOutcome::Nothing;
        }
        self.save_refused = false;
        if self.confirming_discard {
            return self.answer_discard(key);
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Char('s' | 'S') if ctrl => self.try_save(today),
            KeyCode::Char('e' | 'E') if ctrl => match self.fields.get(self.focus) {
                Some(f) if f.kind.is_text() => FormOutcome::OpenEditor { field: self.focus },
                _ => FormOutcome::Nothing,
            },
            KeyCode::Esc if self.dirty => {
                self.confirming_discard = true;
                FormOutcome::Nothing
            }
            KeyCode::Esc => FormOutcome::Cancel,
            KeyCode::BackTab => self.move_focus(-1, today),
            KeyCode::Tab if shift => self.move_focus(-1, today),
            KeyCode::Tab if !ctrl => self.move_focus(1, today),
            _ => self.edit_focused(key, today),
        }
    }

    fn answer_discard(&mut self, key: KeyEvent) -> FormOutcome {
        match key.code {
            KeyCode::Char('y' | 'Y') => FormOutcome::Cancel,
            KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                self.confirming_discard = false;
                FormOutcome::Nothing
            }
            _ => FormOutcome::Nothing,
        }
    }

    /// Checks every field; `Save` when all are fine, otherwise focuses the first bad one.
    fn try_save(&mut self, today: NaiveDate) -> FormOutcome {
        for field in &mut self.fields {
            field.error = field.check(today, self.slash, true);
        }
        match self.fields.iter().position(|f| f.error.is_some()) {
            None => FormOutcome::Save,
            Some(first) => {
                self.save_refused = true;
                self.set_focus(first);
                FormOutcome::Nothing
            }
        }
    }

    /// Leaves the focused field (showing its error, if any) for the next or previous one.
    fn move_focus(&mut self, delta: isize, today: NaiveDate) -> FormOutcome {
        let len = self.fields.len();
        if len == 0 {
            return FormOutcome::Nothing;
        }
        if let Some(field) = self.fields.get_mut(self.focus)
            && let Some(err) = field.check(today, self.slash, false)
        {
            field.error = Some(err);
        }
        self.focus = (self.focus as isize + delta).rem_euclid(len as isize) as usize;
        self.sync_focus();
        FormOutcome::Nothing
    }

    fn edit_focused(&mut self, key: KeyEvent, today: NaiveDate) -> FormOutcome {
        let focus = self.focus;
        let Some(field) = self.fields.get_mut(focus) else {
            return FormOutcome::Nothing;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let single = !field.kind.is_multiline();
        let is_enter = matches!(key.code, KeyCode::Enter | KeyCode::Char('\n' | '\r'))
            || (ctrl && key.code == KeyCode::Char('m'));
        if single && (is_enter || key.code == KeyCode::Down) {
            return self.move_focus(1, today);
        }
        if single && key.code == KeyCode::Up {
            return self.move_focus(-1, today);
        }
        let changed = match &mut field.input {
            Input::Choice { options, index } => {
                let step = match key.code {
                    KeyCode::Char(' ') | KeyCode::Right => 1,
                    KeyCode::Left => -1,
                    _ => 0,
                };
                let len = options.len() as isize;
                if step != 0 && len > 1 {
                    *index = (*index as isize + step).rem_euclid(len) as usize;
                    true
                } else {
                    false
                }
            }
            Input::Toggle(on) => {
                if key.code == KeyCode::Char(' ') {
                    *on = !*on;
                    true
                } else {
                    false
                }
            }
            Input::Text(area) => match key.code {
                // A character that is not safe to hold goes in as its visible placeholder.
                KeyCode::Char(c) if !ctrl && !alt => {
                    let typed = c.to_string();
                    let clean = safe_text(&typed, !single);
                    if clean == typed {
                        area.input(key)
                    } else {
                        area.insert_str(clean)
                    }
                }
                _ => area.input(key),
            },
        };
        if !changed {
            return FormOutcome::Nothing;
        }
        if let Input::Text(area) = &mut field.input
            && let Some(chars) = over_limit(area)
        {
            // A key (a character, a yank) that would go over the limit is not typed.
            area.undo();
            field.error = Some(FieldError::OverLimit { chars, left_out: 0 });
            return FormOutcome::Nothing;
        }
        let was_choice = matches!(field.input, Input::Choice { .. });
        if single
            && let Input::Text(area) = &field.input
            && area.lines().len() > 1
        {
            // A one-line field never keeps a line break, whatever the text area was told.
            let joined = area.lines().join(" ");
            field.set_raw(&joined);
            field.set_focused(true);
        }
        let outcome = self.changed(focus, today);
        if was_choice {
            self.arrange();
        }
        outcome
    }

    /// Puts the fields a choice brings forward right after it (keeping the focus on the same
    /// field), and the others back in the order they were built in.
    fn arrange(&mut self) {
        if self.forward.is_empty() {
            return;
        }
        let focused = self.fields.get(self.focus).map(|f| f.name.clone());
        self.fields.sort_by_key(|f| f.built_at);
        for rule in self.forward.clone() {
            if !rule.codes.iter().any(|c| c == self.choice(&rule.choice)) {
                continue;
            }
            let mut moved = Vec::new();
            for name in &rule.fields {
                if let Some(i) = self
                    .index(name)
                    .filter(|i| self.fields[*i].name != rule.choice)
                {
                    moved.push(self.fields.remove(i));
                }
            }
            // The choice is there (it holds one of the codes), so nothing moved is lost.
            let after = self.index(&rule.choice).unwrap_or(0);
            for (k, field) in moved.into_iter().enumerate() {
                self.fields.insert(after + 1 + k, field);
            }
        }
        if let Some(i) = focused.and_then(|name| self.index(&name)) {
            self.focus = i;
        }
    }

    /// Records a change to field `index`: the form is dirty, and an error shown there is
    /// re-checked so it disappears as soon as the text is right.
    fn changed(&mut self, index: usize, today: NaiveDate) -> FormOutcome {
        self.dirty = true;
        if let Some(field) = self.fields.get_mut(index)
            && field.error.is_some()
        {
            field.error = field.check(today, self.slash, false);
        }
        FormOutcome::Changed
    }

    /// [`Form::changed`] for a field whose text was just cut to the limit: its message stays.
    fn changed_keeping_limit(&mut self, index: usize, today: NaiveDate) -> FormOutcome {
        let cut = self.fields.get(index).and_then(|f| match f.error {
            Some(FieldError::OverLimit { .. }) => f.error.clone(),
            _ => None,
        });
        let outcome = self.changed(index, today);
        if let (Some(err), Some(field)) = (cut, self.fields.get_mut(index)) {
            field.error = Some(err);
        }
        outcome
    }

    /// Shows the text cursor in the focused field only.
    fn sync_focus(&mut self) {
        let focus = self.focus;
        for (i, field) in self.fields.iter_mut().enumerate() {
            field.set_focused(i == focus);
        }
    }
}
