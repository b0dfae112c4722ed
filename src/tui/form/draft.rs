//! Drafts: the raw state of a form as JSON, saved on every change and offered back after a
//! crash. `{"focus": 1, "fields": {"name": "Daniel", "status": "active", "private": true}}`.

use serde_json::{Map, Value};

use super::Form;
use super::field::Input;

/// A draft that could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// Not JSON at all.
    #[error("the draft is not readable: {0}")]
    Json(#[from] serde_json::Error),
    /// JSON, but not a form's draft.
    #[error("the draft does not hold form fields")]
    Shape,
}

impl Form {
    /// The form's raw state as JSON: each field's text (the code of a choice, `true`/`false`
    /// for a toggle) by name, and the focused field.
    pub fn to_draft(&self) -> String {
        let fields: Map<String, Value> = self
            .fields
            .iter()
            .map(|f| {
                let value = match &f.input {
                    Input::Toggle(on) => Value::Bool(*on),
                    _ => Value::String(f.raw()),
                };
                (f.name.clone(), value)
            })
            .collect();
        let mut draft = Map::new();
        draft.insert("focus".into(), Value::from(self.focus));
        draft.insert("fields".into(), Value::Object(fields));
        // What the form opened with: an edit restored after a crash still saves only what
        // the user changed, and keeps what others changed meanwhile.
        let opened: Map<String, Value> = (self.opened.iter())
            .map(|(name, raw)| (name.clone(), Value::String(raw.clone())))
            .collect();
        draft.insert("opened".into(), Value::Object(opened));
        Value::Object(draft).to_string()
    }

    /// Puts a draft's values back. Fields the form does not have are ignored (the form may
    /// have changed since), text is neutralised, and the form counts as changed. Errors show
    /// again when a field is left or on save.
    pub fn restore_draft(&mut self, json: &str) -> Result<(), DraftError> {
        let value: Value = serde_json::from_str(json)?;
        let Some(draft) = value.as_object() else {
            return Err(DraftError::Shape);
        };
        let Some(fields) = draft.get("fields").and_then(Value::as_object) else {
            return Err(DraftError::Shape);
        };
        for field in &mut self.fields {
            let raw = match fields.get(&field.name) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Bool(b)) => b.to_string(),
                Some(Value::Number(n)) => n.to_string(),
                _ => continue,
            };
            field.error = None;
            // A draft of an older version may hold more than a field takes: cut, and said.
            field.set_raw_within_limit(&raw);
        }
        if let Some(opened) = draft.get("opened").and_then(Value::as_object) {
            for (name, raw) in &mut self.opened {
                if let Some(Value::String(s)) = opened.get(name.as_str()) {
                    *raw = s.clone();
                }
            }
        }
        self.arrange();
        let focus = draft.get("focus").and_then(Value::as_u64).unwrap_or(0);
        self.set_focus(usize::try_from(focus).unwrap_or(usize::MAX));
        self.dirty = true;
        self.confirming_discard = false;
        Ok(())
    }
}
