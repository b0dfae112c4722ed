//! `mentee export`, `mentee import` and `mentee backup`: taking the journal along.

use std::io::{Read, Write};
use std::path::Path;

use clap::ValueEnum;

use super::{CliError, Context};
use crate::domain::text::clean_line;
use crate::i18n::fill;
use crate::store::{Store, StoreError};
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
        CliError::Message(fill!(
            ctx.lang.text().transfer.cannot_write,
            path = clean_line(&path.display().to_string()),
            error = e
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
        if store.is_encrypted() {
            // The journal is encrypted; what leaves it here is not.
            eprintln!("mentee: {}", ctx.lang.text().cipher.export_plain);
        }
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

/// The most an import reads: a larger file (or `/dev/zero`) is refused with a clear message
/// instead of running out of memory.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Validates `file` completely, then applies it in one transaction (unless `dry_run`). Into
/// a journal that does not exist yet, the file is validated first and the journal created
/// only for a file that passed: a refused import creates nothing.
pub fn import(
    ctx: &Context,
    file: &Path,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let text = read_import(ctx, file)?;
    let refused = |e: TransferError| match e {
        TransferError::Store(s) => CliError::Store(s),
        other => CliError::Message(format!(
            "{}: {}",
            clean_line(&file.display().to_string()),
            other.message_in(ctx.lang)
        )),
    };
    let report = match ctx.open_store() {
        Ok(mut store) => transfer::import_json(&mut store, &text, dry_run).map_err(refused)?,
        Err(CliError::Store(StoreError::NoJournal { .. })) => {
            let empty = Store::open_in_memory()?;
            let checked = transfer::validate_json(&empty, &text).map_err(refused)?;
            let mut store = if dry_run {
                empty
            } else {
                ctx.open_or_create_store()?.0
            };
            transfer::apply_import(&mut store, &checked, dry_run).map_err(refused)?
        }
        Err(other) => return Err(other),
    };
    let shown = write!(out, "{}", report.render(ctx.lang)).and_then(|()| out.flush());
    match shown {
        Err(e) if !dry_run => Err(CliError::SavedNotShown(e)),
        other => Ok(other?),
    }
}

/// Reads an import file as text, at most [`MAX_IMPORT_BYTES`].
fn read_import(ctx: &Context, file: &Path) -> Result<String, CliError> {
    let t = ctx.lang.text();
    let shown = clean_line(&file.display().to_string()).into_owned();
    let cannot = |e: std::io::Error| {
        CliError::Message(fill!(t.transfer.cannot_read, path = shown, error = e))
    };
    let too_large = || {
        CliError::Message(fill!(
            t.trust.import_too_large,
            path = shown,
            limit = MAX_IMPORT_BYTES / (1024 * 1024)
        ))
    };
    let mut handle = std::fs::File::open(file).map_err(cannot)?;
    if handle
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > MAX_IMPORT_BYTES)
    {
        return Err(too_large());
    }
    // A JSON export starts with `{` (after a byte-order mark and blanks): a file that does not
    // (`/dev/zero`, a photo) is refused from its first bytes instead of read to the limit.
    let mut bytes = Vec::new();
    (&mut handle)
        .take(4096)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    let start = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    if let Some(first) = start.iter().find(|b| !b.is_ascii_whitespace())
        && *first != b'{'
        && let Err(err) = serde_json::from_slice::<serde_json::Value>(start)
        && err.is_syntax()
    {
        return Err(CliError::Message(format!(
            "{shown}: {}",
            fill!(t.transfer.not_json, error = err)
        )));
    }
    handle
        .take(MAX_IMPORT_BYTES + 1 - bytes.len() as u64)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map_err(|_| CliError::Message(fill!(t.trust.import_not_text, path = shown)))
}

/// Copies the journal to `dest` with SQLite's online backup API.
pub fn backup(ctx: &Context, dest: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    guard_output(ctx, dest)?;
    if dest.exists() {
        return Err(CliError::Message(fill!(
            ctx.lang.text().transfer.backup_exists,
            path = clean_line(&dest.display().to_string())
        )));
    }
    let store = ctx.open_store()?;
    store.backup_to(dest)?;
    let shown = clean_line(&dest.display().to_string()).into_owned();
    writeln!(
        out,
        "{}",
        fill!(ctx.lang.text().transfer.backup_written, path = shown)
    )
    .and_then(|()| out.flush())
    .map_err(CliError::SavedNotShown)
}
