//! `mentee export`, `mentee import` and `mentee backup`: taking the journal along.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::{CliError, Context};
use crate::i18n::fill;
use crate::transfer::{self, TransferError};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Everything, losslessly (see docs/export-format.md).
    Json,
    /// The whole journal as readable Markdown.
    Md,
    /// Meetings as iCalendar events.
    Ics,
}

impl From<TransferError> for CliError {
    fn from(err: TransferError) -> Self {
        match err {
            TransferError::Store(e) => CliError::Store(e),
            other => CliError::Message(other.to_string()),
        }
    }
}

/// Writes the export to `out`, or atomically to `file` (mode 0600).
pub fn export(
    ctx: &Context,
    format: ExportFormat,
    file: Option<&Path>,
    include_private: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let t = &ctx.lang.text().transfer;
    let store = ctx.open_store()?;
    let text = match format {
        ExportFormat::Json => transfer::export_json(&store, include_private),
        ExportFormat::Md => transfer::export_markdown(&store, include_private, ctx.lang),
        ExportFormat::Ics => transfer::export_ics(&store, include_private, ctx.lang),
    }
    .map_err(|e| match e {
        TransferError::Store(s) => CliError::Store(s),
        other => CliError::Message(other.message_in(ctx.lang)),
    })?;
    match file {
        Some(path) => transfer::write_atomic(path, text.as_bytes()).map_err(|e| {
            CliError::Message(fill!(t.cannot_write, path = path.display(), error = e))
        })?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

/// Validates `file` completely, then applies it in one transaction (unless `dry_run`).
pub fn import(
    ctx: &Context,
    file: &Path,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let t = &ctx.lang.text().transfer;
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::Message(fill!(t.cannot_read, path = file.display(), error = e)))?;
    let mut store = ctx.open_store()?;
    let report = transfer::import_json(&mut store, &text, dry_run).map_err(|e| match e {
        TransferError::Store(s) => CliError::Store(s),
        other => CliError::Message(format!(
            "{}: {}",
            file.display(),
            other.message_in(ctx.lang)
        )),
    })?;
    write!(out, "{}", report.render(ctx.lang))?;
    Ok(())
}

/// Copies the journal to `dest` with SQLite's online backup API.
pub fn backup(ctx: &Context, dest: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    if dest.exists() {
        return Err(CliError::Message(fill!(
            ctx.lang.text().transfer.backup_exists,
            path = dest.display()
        )));
    }
    let store = ctx.open_store()?;
    store.backup_to(dest)?;
    writeln!(
        out,
        "{}",
        fill!(
            ctx.lang.text().transfer.backup_written,
            path = dest.display()
        )
    )?;
    Ok(())
}
