//! One field of a form: its kind, its input state (a text area, a choice or a toggle), its
//! inline error, and the checks that turn the raw text into a value.

use chrono::NaiveDate;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::dates::{DateError, SlashDates, parse_optional_date_as, parse_time};
use crate::domain::limits::{Breach, MAX_TEXT_CHARS};
use crate::domain::text::{clean_line, clean_multiline};
use crate::i18n::{Text, fill};

/// What a field holds and how it is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text; Enter moves to the next field.
    Line,
    /// Several lines of text, `height` rows tall on screen.
    Multi { height: u16 },
    /// A date as the user types it (`tomorrow`, `+3d`, `2026-12-01`), checked as typed.
    Date,
    /// A number (`12`, `12.5`, `12,5`) or nothing.
    Number,
    /// A time of day (`14:30`, `9.30`, `9am`), checked when the field is left.
    Time,
    /// One of a fixed list of options, cycled with Space / ← / →.
    Choice,
    /// Yes or no, flipped with Space.
    Toggle,
}

impl FieldKind {
    /// True for kinds edited in a text area.
    pub fn is_text(self) -> bool {
        !matches!(self, FieldKind::Choice | FieldKind::Toggle)
    }

    /// True when the text may hold line breaks.
    pub fn is_multiline(self) -> bool {
        matches!(self, FieldKind::Multi { .. })
    }
}

/// Why a field cannot be saved as it is. Turned into words at drawing time, in the user's
/// language.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldError {
    /// A required field is empty.
    Required,
    /// The text of a number field is not a number.
    BadNumber(String),
    /// The text of a date field is not a date.
    BadDate(DateError),
    /// The text of a time field is not a time of day.
    BadTime(String),
    /// A message from the caller ([`super::Form::set_error`]).
    Custom(String),
    /// Text that would go over [`MAX_TEXT_CHARS`] (typed, pasted or back from `$EDITOR`):
    /// `chars` is what it would have been; `left_out` characters were not put in (0: a key
    /// was not typed).
    OverLimit { chars: usize, left_out: usize },
}

impl FieldError {
    /// The message to show beside the field.
    pub fn message(&self, text: &Text) -> String {
        let t = &text.form;
        match self {
            FieldError::Required | FieldError::BadDate(DateError::Empty) => t.required.to_string(),
            FieldError::BadNumber(text) => fill!(t.bad_number, text = quoted(text)),
            FieldError::BadTime(text) => fill!(t.bad_time, text = quoted(text)),
            FieldError::BadDate(DateError::Impossible(text)) => {
                fill!(t.date_impossible, text = quoted(text))
            }
            FieldError::BadDate(DateError::Unknown(text)) => {
                fill!(t.date_unknown, text = quoted(text))
            }
            FieldError::BadDate(DateError::OutOfRange(text)) => {
                fill!(t.date_out_of_range, text = quoted(text))
            }
            FieldError::Custom(msg) => clean_line(msg).into_owned(),
            FieldError::OverLimit { chars, left_out } => {
                // The limit's own words, as the store, `mentee add` and the import say them.
                let problem = text.trust.breach(&Breach::TooLong {
                    chars: *chars,
                    max: MAX_TEXT_CHARS,
                });
                if *left_out == 0 {
                    fill!(text.saving.limit_not_typed, problem = problem)
                } else {
                    fill!(
                        text.saving.limit_left_out,
                        problem = problem,
                        count = left_out
                    )
                }
            }
        }
    }
}

/// User text quoted for a message, made safe and kept short.
fn quoted(text: &str) -> String {
    format!("“{}”", crate::tui::ui::fit(&clean_line(text), 24))
}

/// The editable state of a field.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    Text(Box<TextArea<'static>>),
    Choice {
        /// (code, label) pairs.
        options: Vec<(String, String)>,
        index: usize,
    },
    Toggle(bool),
}

/// One field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    /// The name the caller reads the value by (also the key in drafts).
    pub name: String,
    /// The label shown beside the field.
    pub label: String,
    pub kind: FieldKind,
    /// Saving is refused while this field is empty.
    pub required: bool,
    pub(crate) input: Input,
    pub(crate) error: Option<FieldError>,
    /// Shown under the field while it has the focus (the question a field answers).
    pub hint: Option<String>,
    /// Its place in the order the form was built in.
    pub(crate) built_at: usize,
}

impl Field {
    /// How this field names the values it stores: a choice's (code, label) pairs, a yes/no
    /// field's ("1", yes) and ("0", no); `None` for text.
    pub fn value_names(&self, t: &crate::i18n::FormText) -> Option<Vec<(String, String)>> {
        match &self.input {
            Input::Choice { options, .. } => Some(options.clone()),
            Input::Toggle(_) => Some(vec![
                ("1".to_string(), t.toggle_on.to_string()),
                ("0".to_string(), t.toggle_off.to_string()),
            ]),
            Input::Text(_) => None,
        }
    }

    pub(crate) fn new(name: &str, label: &str, kind: FieldKind) -> Field {
        let input = match kind {
            FieldKind::Choice => Input::Choice {
                options: Vec::new(),
                index: 0,
            },
            FieldKind::Toggle => Input::Toggle(false),
            _ => Input::Text(Box::new(new_textarea(kind))),
        };
        Field {
            name: name.to_string(),
            label: label.to_string(),
            kind,
            required: false,
            input,
            error: None,
            hint: None,
            built_at: 0,
        }
    }

    /// The inline error, if any.
    pub fn error(&self) -> Option<&FieldError> {
        self.error.as_ref()
    }

    /// The raw text of a text field (lines joined with `\n`); the code of a choice;
    /// `true`/`false` for a toggle.
    pub fn raw(&self) -> String {
        match &self.input {
            Input::Text(area) => area.lines().join("\n"),
            Input::Choice { options, index } => options
                .get(*index)
                .map(|(code, _)| code.clone())
                .unwrap_or_default(),
            Input::Toggle(on) => on.to_string(),
        }
    }

    /// Replaces the value from text: neutralised text for text fields, the option with this
    /// code for a choice (unknown codes are ignored), `true`/`yes`/`1` for a toggle.
    pub(crate) fn set_raw(&mut self, text: &str) {
        let kind = self.kind;
        match &mut self.input {
            Input::Text(area) => {
                let clean = safe_text(text, kind.is_multiline());
                let mut fresh = new_textarea(kind);
                fresh.set_cursor_style(area.cursor_style());
                fresh.insert_str(clean);
                **area = fresh;
            }
            Input::Choice { options, index } => {
                if let Some(i) = options.iter().position(|(code, _)| code == text) {
                    *index = i;
                }
            }
            Input::Toggle(on) => {
                *on = matches!(text.trim(), "true" | "yes" | "1");
            }
        }
    }

    /// The length of a text field's text in characters (line breaks count one each).
    pub fn chars(&self) -> usize {
        match &self.input {
            Input::Text(area) => text_chars(area),
            _ => 0,
        }
    }

    /// [`Field::set_raw`] keeping at most [`MAX_TEXT_CHARS`] characters of a text (what
    /// `$EDITOR` or a draft gives back); over it, the rest is left out and the field says so.
    pub(crate) fn set_raw_within_limit(&mut self, text: &str) {
        let clean = safe_text(text, self.kind.is_multiline());
        let chars = clean.chars().count();
        if !self.kind.is_text() || chars <= MAX_TEXT_CHARS {
            self.set_raw(&clean);
            return;
        }
        let kept: String = clean.chars().take(MAX_TEXT_CHARS).collect();
        self.set_raw(&kept);
        self.error = Some(FieldError::OverLimit {
            chars,
            left_out: chars - MAX_TEXT_CHARS,
        });
    }

    /// True when nothing was entered (a toggle and a choice are never empty).
    pub fn is_empty(&self) -> bool {
        match &self.input {
            Input::Text(area) => area.lines().iter().all(|l| l.trim().is_empty()),
            Input::Choice { options, .. } => options.is_empty(),
            Input::Toggle(_) => false,
        }
    }

    /// Checks the text as it is now: a date or number that does not read, or (when
    /// `saving`) a required field left empty.
    pub(crate) fn check(
        &self,
        today: NaiveDate,
        slash: SlashDates,
        saving: bool,
    ) -> Option<FieldError> {
        if saving && self.required && self.is_empty() {
            return Some(FieldError::Required);
        }
        match self.kind {
            FieldKind::Date => parse_optional_date_as(&self.raw(), today, slash)
                .err()
                .map(FieldError::BadDate),
            FieldKind::Number => parse_number(&self.raw())
                .err()
                .map(|_| FieldError::BadNumber(self.raw().trim().to_string())),
            FieldKind::Time if parse_time(&self.raw()).is_none() && !self.is_empty() => {
                Some(FieldError::BadTime(self.raw().trim().to_string()))
            }
            _ => None,
        }
    }

    /// Shows the cursor only in the focused field.
    pub(crate) fn set_focused(&mut self, focused: bool) {
        if let Input::Text(area) = &mut self.input {
            area.set_cursor_style(if focused {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            });
        }
    }
}

/// The characters in a text area, line breaks included (as [`Field::raw`] joins them).
pub(crate) fn text_chars(area: &TextArea<'static>) -> usize {
    let lines = area.lines();
    lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
}

/// The text area's length in characters when it is over [`MAX_TEXT_CHARS`].
pub(crate) fn over_limit(area: &TextArea<'static>) -> Option<usize> {
    let lines = area.lines();
    let bytes = lines.iter().map(String::len).sum::<usize>() + lines.len().saturating_sub(1);
    // Bytes bound characters from above: most texts are decided without counting.
    if bytes <= MAX_TEXT_CHARS {
        return None;
    }
    Some(text_chars(area)).filter(|&chars| chars > MAX_TEXT_CHARS)
}

/// A text area for a field of `kind`: no underlined cursor line, soft wrap for long notes.
fn new_textarea(kind: FieldKind) -> TextArea<'static> {
    let mut area = TextArea::default();
    area.set_cursor_line_style(Style::default());
    area.set_cursor_style(Style::default());
    if kind.is_multiline() {
        area.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    area
}

/// Text made safe to hold in a field: control characters and escape sequences become
/// visible placeholders; line breaks survive only in multi-line fields.
pub(crate) fn safe_text(text: &str, multiline: bool) -> String {
    if multiline {
        clean_multiline(text).into_owned()
    } else {
        clean_line(text).into_owned()
    }
}

/// The text of a number field does not read as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// Reads a number as typed: `12`, `-3`, `12.5` or `12,5`; empty is `Ok(None)`.
pub fn parse_number(text: &str) -> Result<Option<f64>, NotANumber> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let separators = digits.chars().filter(|c| matches!(c, '.' | ',')).count();
    let shaped = separators <= 1
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
    if !shaped {
        return Err(NotANumber);
    }
    text.replace(',', ".")
        .parse::<f64>()
        .map(Some)
        .map_err(|_| NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_typed() {
        assert_eq!(parse_number("12"), Ok(Some(12.0)));
        assert_eq!(parse_number(" 12.5 "), Ok(Some(12.5)));
        assert_eq!(parse_number("12,5"), Ok(Some(12.5)));
        assert_eq!(parse_number("-3"), Ok(Some(-3.0)));
        assert_eq!(parse_number(".5"), Ok(Some(0.5)));
        assert_eq!(parse_number(""), Ok(None));
        for bad in [
            "abc", "1.2.3", "1,2.3", "inf", "NaN", "1e5", "-", ".", "12 kg",
        ] {
            assert_eq!(parse_number(bad), Err(NotANumber), "{bad:?}");
        }
    }
}
