//! `mentee export`, `mentee import` and `mentee backup`: taking the journal along.

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use clap::ValueEnum;

use super::{CliError, Context};
use crate::domain::text::clean_line;
use crate::i18n::fill;
use crate::store::aside::{NewJournal, Placed};
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

/// Runs `produce` writing to `out` (buffered), or — with `file` — guards the path first and
/// writes the output atomically (mode 0600) as it is produced. Every `-o` of the command
/// line goes here.
pub fn emit(
    ctx: &Context,
    file: Option<&Path>,
    out: &mut dyn Write,
    produce: impl FnOnce(&mut dyn Write) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let Some(path) = file else {
        let mut buffered = BufWriter::with_capacity(64 * 1024, out);
        produce(&mut buffered)?;
        return Ok(buffered.flush()?);
    };
    guard_output(ctx, path)?;
    let cannot_write = |e: &dyn std::fmt::Display| {
        CliError::Message(fill!(
            ctx.lang.text().transfer.cannot_write,
            path = clean_line(&path.display().to_string()),
            error = e
        ))
    };
    /// Why the atomic write failed: the file, or the content.
    enum Failed {
        File(io::Error),
        Produce(CliError),
    }
    impl From<io::Error> for Failed {
        fn from(e: io::Error) -> Self {
            Failed::File(e)
        }
    }
    transfer::write_atomic_with(path, |w| {
        let mut noted = Noted {
            inner: w,
            error: None,
        };
        match produce(&mut noted) {
            Ok(()) => Ok(()),
            // A write to the file failed inside `produce` (a full disk): said as a file error.
            Err(_) if noted.error.is_some() => Err(Failed::File(noted.error.take().map_or_else(
                || io::Error::other("write failed"),
                |(kind, text)| io::Error::new(kind, text),
            ))),
            Err(e) => Err(Failed::Produce(e)),
        }
    })
    .map_err(|f| match f {
        Failed::File(e) => cannot_write(&e),
        Failed::Produce(e) => e,
    })
}

/// A writer that remembers its first error (the producer may turn it into its own).
struct Noted<'a> {
    inner: &'a mut dyn Write,
    error: Option<(io::ErrorKind, String)>,
}

impl Noted<'_> {
    fn note<T>(&mut self, r: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &r {
            self.error.get_or_insert((e.kind(), e.to_string()));
        }
        r
    }
}

impl Write for Noted<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }
    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
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
    let failed = |e| match e {
        TransferError::Store(s) => CliError::Store(s),
        TransferError::Io(e) => CliError::Output(e),
        other => CliError::Message(other.message_in(ctx.lang)),
    };
    emit(ctx, file, out, |w| {
        let store = ctx.open_store()?;
        if store.is_encrypted() {
            // The journal is encrypted; what leaves it here is not.
            eprintln!("mentee: {}", ctx.lang.text().cipher.export_plain);
        }
        let text = match format {
            // Written record by record as the rows are read.
            ExportFormat::Json => {
                return transfer::write_json(&store, include_private, w).map_err(failed);
            }
            ExportFormat::Md => transfer::export_markdown(&store, include_private, ctx.lang),
            ExportFormat::Ics => transfer::export_ics_with(
                &store,
                include_private,
                ctx.lang,
                transfer::IcsOptions {
                    reminder_minutes: ctx.config.reminder_minutes,
                },
            ),
        }
        .map_err(failed)?;
        Ok(w.write_all(text.as_bytes())?)
    })
}

/// The most an import reads: a larger file (or `/dev/zero`) is refused with a clear message
/// instead of running out of memory.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Validates `file` completely, then applies it in one transaction (unless `dry_run`). Into
/// a journal that does not exist yet, the file is validated first and the journal created
/// only for a file that passed: a refused import creates nothing, and the new journal is
/// built aside and appears whole ([`into_new_journal`]). The file is read as a stream,
/// once: its checked records wait in a temporary database, not in memory.
pub fn import(
    ctx: &Context,
    file: &Path,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let opened = open_import(ctx, file)?;
    let store = match ctx.open_store() {
        Ok(store) => Some(store),
        Err(CliError::Store(StoreError::NoJournal { .. })) => None,
        Err(other) => return Err(other),
    };
    if store.is_none()
        && !dry_run
        && let Some(new) = aside_now(ctx)?
    {
        return write_while_checking(ctx, file, opened, new, out);
    }
    let checked = match &store {
        Some(store) => read_import(ctx, file, opened, store, None)?,
        None => read_import(ctx, file, opened, &Store::open_in_memory()?, None)?,
    };
    let report = match store {
        Some(mut store) => transfer::apply_import(&mut store, &checked, dry_run),
        None if dry_run => transfer::apply_import(&mut Store::open_in_memory()?, &checked, true),
        None => return into_new_journal(ctx, file, &checked, out),
    }
    .map_err(|e| refused(ctx, file, e))?;
    show_report(&report, ctx, dry_run, out)
}

/// Imports a file that passed into a journal that does not exist yet: the journal is built
/// aside and renamed into place whole ([`NewJournal`]: no write-ahead log to write and merge
/// while it is not the journal), never over a journal another program created meanwhile.
/// A path with SQLite's files of a deleted journal beside it gets its journal the usual way.
fn into_new_journal(
    ctx: &Context,
    file: &Path,
    checked: &transfer::CheckedImport,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (path, folder) = ctx.journal_target()?;
    let Some(mut new) = NewJournal::create(&path, folder)? else {
        let mut store = ctx.open_or_create_store()?.0;
        let report = transfer::apply_import(&mut store, checked, false)
            .map_err(|e| refused(ctx, file, e))?;
        return show_report(&report, ctx, false, out);
    };
    let report =
        transfer::apply_import(new.store()?, checked, false).map_err(|e| refused(ctx, file, e))?;
    placed(ctx, new, &report, out)
}

/// The new journal an import fills while it checks its file ([`write_while_checking`]), when
/// that can start before the file is checked without leaving anything behind if the file is
/// refused: the journal's folder exists (it is never created for a refused file) and the
/// aside file could be made there. None otherwise: the file is checked first, then the
/// journal created as before (and any error said then, after the file's problems).
fn aside_now(ctx: &Context) -> Result<Option<NewJournal>, CliError> {
    let Ok((path, folder)) = ctx.journal_target() else {
        return Ok(None);
    };
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Ok(None);
    }
    Ok(NewJournal::create(&path, folder).ok().flatten())
}

/// Imports into a journal that does not exist yet while the file is read and checked: each
/// record that passes is written into the new journal aside by a second thread
/// ([`transfer::direct`]). A file with a problem is refused with every problem, as
/// [`read_import`] finds them, and the aside file removed; a file that passes is completed
/// and renamed into place. If the writer stopped on something it does not handle (a kind
/// given twice), the checked records are imported the usual way ([`into_new_journal`]).
fn write_while_checking(
    ctx: &Context,
    file: &Path,
    opened: Opened,
    mut new: NewJournal,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let against = Store::open_in_memory()?;
    let (checked, rows) = transfer::direct::write_while_checking(new.store()?, |passed| {
        read_import(ctx, file, opened, &against, Some(passed))
    });
    let checked = checked?;
    let Some(rows) = rows else {
        drop(new);
        return into_new_journal(ctx, file, &checked, out);
    };
    let report =
        transfer::direct::finish(new.store()?, rows).map_err(|e| refused(ctx, file, e.into()))?;
    placed(ctx, new, &report, out)
}

/// Renames a filled new journal into place and shows the report, or says that a journal
/// appeared at its path meanwhile (then nothing was imported).
fn placed(
    ctx: &Context,
    new: NewJournal,
    report: &transfer::ImportReport,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let path = new.target().to_path_buf();
    match new.finish()? {
        Placed::Done => show_report(report, ctx, false, out),
        Placed::JournalAppeared => Err(CliError::Message(fill!(
            ctx.lang.text().transfer.journal_appeared,
            path = clean_line(&path.display().to_string())
        ))),
    }
}

/// Writes the import's report; once the import is saved, a report that cannot be shown
/// says so apart.
fn show_report(
    report: &transfer::ImportReport,
    ctx: &Context,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let shown = write!(out, "{}", report.render(ctx.lang)).and_then(|()| out.flush());
    match shown {
        Err(e) if !dry_run => Err(CliError::SavedNotShown(e)),
        other => Ok(other?),
    }
}

/// An import refused: the file's name, then why.
fn refused(ctx: &Context, file: &Path, e: TransferError) -> CliError {
    match e {
        TransferError::Store(s) => CliError::Store(s),
        other => CliError::Message(format!(
            "{}: {}",
            clean_line(&file.display().to_string()),
            other.message_in(ctx.lang)
        )),
    }
}

/// An import file opened, with its first bytes already read.
struct Opened {
    handle: std::fs::File,
    start: Vec<u8>,
}

/// Opens an import file and refuses, before reading it, one larger than
/// [`MAX_IMPORT_BYTES`] or one whose first bytes show it is not JSON (`/dev/zero`, a photo).
fn open_import(ctx: &Context, file: &Path) -> Result<Opened, CliError> {
    let t = ctx.lang.text();
    let shown = clean_line(&file.display().to_string()).into_owned();
    let cannot = |e: std::io::Error| {
        CliError::Message(fill!(t.transfer.cannot_read, path = shown, error = e))
    };
    let mut handle = std::fs::File::open(file).map_err(cannot)?;
    if handle
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > MAX_IMPORT_BYTES)
    {
        return Err(too_large(ctx, file));
    }
    // A JSON export starts with `{` (after a byte-order mark and blanks): a file that does not
    // is refused from its first bytes instead of read to the limit.
    let mut start = Vec::new();
    (&mut handle)
        .take(4096)
        .read_to_end(&mut start)
        .map_err(cannot)?;
    let body = start.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&start);
    if let Some(first) = body.iter().find(|b| !b.is_ascii_whitespace())
        && *first != b'{'
        && let Err(err) = serde_json::from_slice::<serde_json::Value>(body)
        && err.is_syntax()
    {
        return Err(CliError::Message(format!(
            "{shown}: {}",
            fill!(t.transfer.not_json, error = err)
        )));
    }
    Ok(Opened { handle, start })
}

fn too_large(ctx: &Context, file: &Path) -> CliError {
    CliError::Message(fill!(
        ctx.lang.text().trust.import_too_large,
        path = clean_line(&file.display().to_string()),
        limit = MAX_IMPORT_BYTES / (1024 * 1024)
    ))
}

/// Reads and validates the opened file as a stream, at most [`MAX_IMPORT_BYTES`]; a file
/// that is not UTF-8 text is refused as such, as before any JSON error.
fn read_import(
    ctx: &Context,
    file: &Path,
    opened: Opened,
    against: &Store,
    passed: Option<&mut dyn transfer::Passed>,
) -> Result<transfer::CheckedImport, CliError> {
    let t = ctx.lang.text();
    let shown = clean_line(&file.display().to_string()).into_owned();
    let mut reader = Guarded {
        inner: std::io::Cursor::new(opened.start)
            .chain(opened.handle)
            .take(MAX_IMPORT_BYTES + 1),
        read: 0,
        carry: Vec::new(),
        not_text: false,
        error: None,
    };
    let checked = transfer::validate_json_passing(against, &mut reader, passed);
    if matches!(checked, Err(TransferError::Json(_))) {
        // The rest of the file decides between "not text" and the JSON error.
        let _ = io::copy(&mut reader, &mut io::sink());
    }
    if let Some(e) = reader.error.take() {
        return Err(CliError::Message(fill!(
            t.transfer.cannot_read,
            path = shown,
            error = e
        )));
    }
    if reader.read > MAX_IMPORT_BYTES {
        return Err(too_large(ctx, file));
    }
    if reader.not_text || (checked.is_ok() && !reader.carry.is_empty()) {
        return Err(CliError::Message(fill!(
            t.trust.import_not_text,
            path = shown
        )));
    }
    checked.map_err(|e| refused(ctx, file, e))
}

/// The import file as read: counts its bytes and checks, as they pass, that they are UTF-8.
struct Guarded<R> {
    inner: R,
    read: u64,
    /// The start of a character cut by the end of the last read.
    carry: Vec<u8>,
    not_text: bool,
    error: Option<io::Error>,
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = match self.inner.read(buf) {
            Ok(n) => n,
            Err(e) => {
                let again = io::Error::new(e.kind(), e.to_string());
                self.error.get_or_insert(e);
                return Err(again);
            }
        };
        self.read += n as u64;
        if n == 0 {
            self.not_text |= !self.carry.is_empty();
            return Ok(0);
        }
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(&buf[..n]);
        if let Err(e) = std::str::from_utf8(&bytes) {
            match e.error_len() {
                Some(_) => self.not_text = true,
                None => self.carry = bytes[e.valid_up_to()..].to_vec(),
            }
        }
        Ok(n)
    }
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
