//! Getting the journal out and back in: the lossless JSON export and its all-or-nothing,
//! idempotent import; a readable Markdown export; meetings as iCalendar; and the atomic
//! file write the CLI uses to put any of them on disk.
//!
//! The JSON format is described as data in [`schema`] and documented for people in
//! `docs/export-format.md`. Export, validation and import all walk the same tables.

mod atomic;
#[cfg(test)]
mod bulk_tests;
pub mod direct;
pub mod guard;
mod ics;
mod ics_apply;
mod ics_in;
mod ics_zone;
mod import;
mod json;
mod markdown;
mod markdown_fit;
mod message;
mod read;
pub mod schema;
mod staging;
mod validate;

use std::fmt;

pub use atomic::{write_atomic, write_atomic_with};
pub use guard::{OutputRefused, check_output};
pub use ics::{IcsOptions, export_ics, export_ics_with};
pub use ics_apply::Unmatched;
pub use ics_in::{IcsError, IcsReport, import_ics};
pub use import::{
    CheckedImport, ImportReport, KindReport, apply_import, import_json, validate_json,
    validate_json_passing,
};
pub use json::{export_json, write_json};
pub use markdown::export_markdown;
pub use message::{Found, Message, Want};
pub use validate::Passed;

use crate::i18n::{Lang, fill};
use crate::store::StoreError;

/// One thing wrong with an import file, at a JSON path such as `meetings[3].mentor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: `version`, `commitments[12].due_on`, `health_checks[0].ratings[2].rating`.
    pub path: String,
    /// What is wrong, e.g. `"2026-02-30" is not a date (YYYY-MM-DD)` in English.
    pub message: Message,
}

impl Problem {
    /// `path: message`, the message in `lang` (the path is the same in every language).
    pub fn message_in(&self, lang: Lang) -> String {
        format!("{}: {}", self.path, self.message.text_in(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// How many problems [`TransferError::Invalid`] shows before summing up the rest.
const SHOWN_PROBLEMS: usize = 50;

/// Why an export or import failed. Callers can tell a bad file from a broken journal.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// The import file was read but has problems; nothing was written.
    #[error("{}", invalid_message(.0))]
    Invalid(Vec<Problem>),
    /// The import file is not JSON at all; nothing was written.
    #[error("the file is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The journal could not be read or written (an import is rolled back).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl TransferError {
    /// The error in `lang` (what `Display` gives is the English one). Store and file errors
    /// and the JSON parser's own explanation are shown as they come.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            TransferError::Invalid(problems) => invalid_message_in(problems, lang),
            TransferError::Json(e) => fill!(lang.text().transfer.not_json, error = e),
            other => other.to_string(),
        }
    }
}

fn invalid_message(problems: &[Problem]) -> String {
    invalid_message_in(problems, Lang::En)
}

fn invalid_message_in(problems: &[Problem], lang: Lang) -> String {
    let t = &lang.text().transfer;
    let mut out = match problems.len() {
        1 => t.invalid_one.to_string(),
        n => fill!(t.invalid_many, count = n),
    };
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        out.push_str("\n  ");
        out.push_str(&p.message_in(lang));
    }
    if problems.len() > SHOWN_PROBLEMS {
        out.push_str("\n  ");
        out.push_str(&fill!(
            t.invalid_more,
            count = (problems.len() - SHOWN_PROBLEMS)
        ));
    }
    out
}
