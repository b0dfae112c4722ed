//! Building a form: its fields in order, their first values, which ones are required.

use super::Form;
use super::field::{Field, FieldKind, Input};
use crate::domain::text::clean_line;

/// Builds a [`Form`]: `Form::builder(title).line("name", label).required("name").build()`.
#[derive(Debug, Clone)]
pub struct FormBuilder {
    pub(super) form: Form,
}

impl FormBuilder {
    fn with_field(
        mut self,
        name: impl Into<String>,
        label: impl Into<String>,
        kind: FieldKind,
    ) -> FormBuilder {
        let name = name.into();
        debug_assert!(
            self.form.index(&name).is_none(),
            "two fields named {name:?}"
        );
        let mut field = Field::new(&name, &label.into(), kind);
        field.built_at = self.form.fields.len();
        self.form.fields.push(field);
        self
    }

    /// Adds a one-line text field.
    pub fn line(self, name: impl Into<String>, label: impl Into<String>) -> FormBuilder {
        self.with_field(name, label, FieldKind::Line)
    }

    /// Adds a multi-line text field `height` rows tall.
    pub fn multi(
        self,
        name: impl Into<String>,
        label: impl Into<String>,
        height: u16,
    ) -> FormBuilder {
        let height = height.max(1);
        self.with_field(name, label, FieldKind::Multi { height })
    }

    /// Adds a date field (`2026-12-01`, `tomorrow`, `+3d`, `jumat`…); empty means no date.
    pub fn date(self, name: impl Into<String>, label: impl Into<String>) -> FormBuilder {
        self.with_field(name, label, FieldKind::Date)
    }

    /// Adds a time-of-day field (`14:30`, `9.30`, `9am`); empty means no time.
    pub fn time(self, name: impl Into<String>, label: impl Into<String>) -> FormBuilder {
        self.with_field(name, label, FieldKind::Time)
    }

    /// Adds a number field (`12`, `12.5`, `12,5`); empty means no number.
    pub fn number(self, name: impl Into<String>, label: impl Into<String>) -> FormBuilder {
        self.with_field(name, label, FieldKind::Number)
    }

    /// Adds a choice among `(code, label)` options; the first is chosen until told otherwise.
    pub fn choice(
        self,
        name: impl Into<String>,
        label: impl Into<String>,
        options: Vec<(String, String)>,
    ) -> FormBuilder {
        let mut builder = self.with_field(name, label, FieldKind::Choice);
        if let Some(Field {
            input: Input::Choice { options: o, .. },
            ..
        }) = builder.form.fields.last_mut()
        {
            *o = options
                .into_iter()
                .map(|(code, label)| (code, clean_line(&label).into_owned()))
                .collect();
        }
        builder
    }

    /// Adds a yes/no toggle (off until told otherwise).
    pub fn toggle(self, name: impl Into<String>, label: impl Into<String>) -> FormBuilder {
        self.with_field(name, label, FieldKind::Toggle)
    }

    /// Sets the initial value of field `name`: text for text fields, the code of a choice,
    /// `true`/`false` for a toggle. Does not count as a change.
    pub fn value(mut self, name: &str, value: &str) -> FormBuilder {
        debug_assert!(self.form.index(name).is_some(), "no field named {name:?}");
        if let Some(i) = self.form.index(name) {
            self.form.fields[i].set_raw(value);
        }
        self
    }

    /// Sets the initial state of a toggle.
    pub fn checked(self, name: &str, on: bool) -> FormBuilder {
        self.value(name, if on { "true" } else { "false" })
    }

    /// Shows `text` under field `name` while it has the focus (the question it answers).
    pub fn hint(mut self, name: &str, text: &str) -> FormBuilder {
        if let Some(field) = self.form.fields.iter_mut().find(|f| f.name == name) {
            field.hint = Some(crate::domain::text::clean_line(text).into_owned());
        }
        self
    }

    /// Marks field `name` as required: saving is refused while it is empty.
    pub fn required(mut self, name: &str) -> FormBuilder {
        debug_assert!(self.form.index(name).is_some(), "no field named {name:?}");
        if let Some(i) = self.form.index(name) {
            self.form.fields[i].required = true;
        }
        self
    }

    /// While choice `choice` holds one of `codes`, `fields` come right after it, in that
    /// order (a mentor I already have brings the agreement's fields up); otherwise they stay
    /// where they were added.
    pub fn bring_forward(mut self, choice: &str, codes: &[&str], fields: &[&str]) -> FormBuilder {
        debug_assert!(
            self.form.index(choice).is_some(),
            "no field named {choice:?}"
        );
        self.form.forward.push(super::BringForward {
            choice: choice.to_string(),
            codes: codes.iter().map(|c| c.to_string()).collect(),
            fields: fields.iter().map(|f| f.to_string()).collect(),
        });
        self
    }

    /// The form, focused on its first field.
    pub fn build(mut self) -> Form {
        self.form.arrange();
        self.form.set_focus(0);
        self.form.mark_opened();
        self.form
    }
}
