//! `mentee import --format ics FILE`: calendar invites as planned meetings.

use std::io::{Read, Write};
use std::path::Path;

use clap::ValueEnum;

use super::{CliError, Context};
use crate::domain::text::clean_line;
use crate::i18n::fill;
use crate::transfer::{self, IcsError};

/// The import formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// A mentee JSON export (see docs/export-format.md).
    Json,
    /// Calendar invites (iCalendar), as planned meetings.
    Ics,
}

/// The most a calendar import reads: an invite is a few KiB, a whole calendar a few MiB.
pub const MAX_ICS_BYTES: u64 = 16 * 1024 * 1024;

/// Reads `file` (at most [`MAX_ICS_BYTES`], UTF-8), checks every event, then plans, moves and
/// cancels meetings all-or-nothing (only reports with `dry_run`).
pub fn import(
    ctx: &Context,
    file: &Path,
    mentor: Option<&str>,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let c = &ctx.lang.text().calendar;
    let shown = clean_line(&file.display().to_string()).into_owned();
    let cannot = |e: std::io::Error| {
        CliError::Message(fill!(
            ctx.lang.text().transfer.cannot_read,
            path = shown,
            error = e
        ))
    };
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .map_err(cannot)?
        .take(MAX_ICS_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_ICS_BYTES {
        return Err(CliError::Message(fill!(
            c.too_large,
            path = shown,
            limit = MAX_ICS_BYTES / (1024 * 1024)
        )));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| CliError::Message(fill!(c.not_text, path = shown)))?;
    let mut store = ctx.open_store()?;
    let report = transfer::import_ics(&mut store, &text, mentor, dry_run).map_err(|e| match e {
        IcsError::Store(s) => CliError::Store(s),
        other => CliError::Message(other.message_in(ctx.lang, &shown)),
    })?;
    let shown = write!(out, "{}", report.render(ctx.lang)).and_then(|()| out.flush());
    match shown {
        Err(e) if !dry_run => Err(CliError::SavedNotShown(e)),
        other => Ok(other?),
    }
}
