//! `mentee export`, `mentee import` and `mentee backup`: taking the journal along.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::{CliError, Context};
use crate::domain::text::clean_line;
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

/// Refuses an output path that is the journal, one of its files, or not a regular file
/// ([`transfer::check_output`]): checked before any work, so nothing is written.
pub fn guard_output(ctx: &Context, file: &Path) -> Result<(), CliError> {
    transfer::check_output(file, ctx.journal_path().as_deref())
        .map_err(|e| CliError::Message(e.message_in(ctx.lang)))
}

/// Runs `produce` writing to `out`, or — with `file` — guards the path first, collects the
/// output and writes it atomically (mode 0600). Every `-o` of the command line goes here.
pub fn emit(
    ctx: &Context,
    file: Option<&Path>,
    out: &mut dyn Write,
    produce: impl FnOnce(&mut dyn Write) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let Some(path) = file else {
        return produce(out);
    };
    guard_output(ctx, path)?;
    let mut bytes = Vec::new();
    produce(&mut bytes)?;
    transfer::write_atomic(path, &bytes).map_err(|e| {
        CliError::Message(fill(
            ctx.lang.text().transfer.cannot_write,
            &[&clean_line(&path.display().to_string()), &e],
        ))
    })
}

/// Writes the export to `out`, or atomically to `file` (mode 0600).
pub fn export(
    ctx: &Context,
    format: ExportFormat,
    file: Option<&Path>,
    include_private: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    emit(ctx, file, out, |w| {
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
        Ok(w.write_all(text.as_bytes())?)
    })
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
        .map_err(|e| CliError::Message(fill(t.cannot_read, &[&file.display(), &e])))?;
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
    guard_output(ctx, dest)?;
    if dest.exists() {
        return Err(CliError::Message(fill(
            ctx.lang.text().transfer.backup_exists,
            &[&dest.display()],
        )));
    }
    let store = ctx.open_store()?;
    store.backup_to(dest)?;
    writeln!(
        out,
        "{}",
        fill(ctx.lang.text().transfer.backup_written, &[&dest.display()])
    )?;
    Ok(())
}
