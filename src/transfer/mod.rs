//! Getting the journal out and back in: the lossless JSON export and its all-or-nothing,
//! idempotent import; a readable Markdown export; meetings as iCalendar; and the atomic
//! file write the CLI uses to put any of them on disk.
//!
//! The JSON format is described as data in [`schema`] and documented for people in
//! `docs/export-format.md`. Export, validation and import all walk the same tables.

mod atomic;
mod ics;
mod import;
mod json;
mod markdown;
mod read;
pub mod schema;
mod validate;

use std::fmt;

pub use atomic::write_atomic;
pub use ics::export_ics;
pub use import::{ImportReport, KindReport, import_json};
pub use json::export_json;
pub use markdown::export_markdown;

use crate::store::StoreError;

/// One thing wrong with an import file, at a JSON path such as `meetings[3].mentor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: `version`, `commitments[12].due_on`, `health_checks[0].ratings[2].rating`.
    pub path: String,
    /// What is wrong, e.g. `"2026-02-30" is not a date (YYYY-MM-DD)`.
    pub message: String,
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

fn invalid_message(problems: &[Problem]) -> String {
    let mut out = match problems.len() {
        1 => "the file has 1 problem; nothing was imported:".to_string(),
        n => format!("the file has {n} problems; nothing was imported:"),
    };
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        out.push_str("\n  ");
        out.push_str(&p.to_string());
    }
    if problems.len() > SHOWN_PROBLEMS {
        out.push_str(&format!(
            "\n  … and {} more",
            problems.len() - SHOWN_PROBLEMS
        ));
    }
    out
}
