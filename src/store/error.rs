//! Everything that can go wrong opening or using a journal file, each with one clear line.
//! The `Display` text is English, for logs and tests; what the user reads comes from the
//! catalog (`i18n::ErrorsText::store`), in the interface language.

use std::path::PathBuf;

use crate::domain::RecordKind;

/// A store failure. Opening failures leave the file byte-for-byte as it was.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder that should hold the journal does not exist.
    #[error("cannot open {path}: the folder {dir} does not exist")]
    MissingDirectory { path: PathBuf, dir: PathBuf },
    /// The file is not an SQLite database at all.
    #[error("{path} is not a mentee journal (it is not an SQLite database); it was left untouched")]
    NotSqlite { path: PathBuf },
    /// An SQLite database, but some other program's.
    #[error("{path} is an SQLite database but not a mentee journal; it was left untouched")]
    NotJournal { path: PathBuf },
    /// Written by a newer mentee: we must not guess at its schema.
    #[error(
        "{path} was written by a newer mentee (journal version {found}, this program knows up to {supported}); upgrade mentee to open it — the file was left untouched"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// Shorter than its own header says, or otherwise damaged.
    #[error("{path} is damaged ({detail}); it was left untouched — restore it from a backup")]
    Corrupt { path: PathBuf, detail: String },
    /// The file or its folder cannot be written.
    #[error("{path} is read-only ({detail}); mentee needs to write to the journal and its folder")]
    ReadOnly { path: PathBuf, detail: String },
    /// There is no journal at the path, and the command does not create one.
    #[error("no journal at {path}; run mentee to create one there, or check the --db path")]
    NoJournal { path: PathBuf },
    /// The path names a device, a FIFO, a folder — anything but a regular file.
    #[error(
        "{path} is not a regular file, so it cannot be a journal; nothing was created beside it"
    )]
    NotRegularFile { path: PathBuf },
    /// The disk holding the journal has no space left.
    #[error(
        "the disk holding {path} is full; free some space and try again (the journal was left as it was)"
    )]
    DiskFull { path: PathBuf },
    /// Another program holds the write lock beyond the busy timeout.
    #[error("{path} is locked by another program that is writing to it; try again in a moment")]
    Locked { path: PathBuf },
    /// An encrypted journal (or a file that may be one) for which no passphrase fitted.
    #[error("{path}: wrong passphrase or not a mentee journal; it was left untouched")]
    WrongPassphrase { path: PathBuf },
    /// The passphrase of a file that may be an encrypted journal could not be had.
    #[error("cannot open {path}: {source}; it was left untouched")]
    Unlock {
        path: PathBuf,
        source: super::cipher::UnlockError,
    },
    /// A conversion needs the journal to itself, and another program has it open.
    #[error(
        "{path} is open in another mentee (or another program); close it and try again — nothing was changed"
    )]
    InUse { path: PathBuf },
    /// The converted copy did not match the journal, so it was not used.
    #[error(
        "the converted copy of {path} did not match it ({detail}); the journal was left as it was"
    )]
    Mismatch { path: PathBuf, detail: String },
    /// The cryptography itself failed (OpenSSL).
    #[error("encryption failed: {0}")]
    Cipher(String),
    /// A file system error around the journal.
    #[error("cannot use {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A record that the caller asked for does not exist (any more).
    #[error("no such {kind} (id {id})")]
    NotFound { kind: RecordKind, id: i64 },
    /// An adjustment that changes nothing.
    #[error("nothing to change")]
    NothingToChange,
    /// A refusal worded by the caller (an internal check, or text already in the
    /// interface language).
    #[error("{0}")]
    Invalid(String),
    /// A value over one of the domain's limits ([`crate::domain::limits`]): the field and the
    /// limit are named, in the same words every entry point uses.
    #[error("{0}")]
    Limit(#[from] crate::domain::limits::LimitError),
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// This error as the user should read it about the journal at `path`: SQLite's own
    /// busy, read-only, full-disk and damage codes become the app's errors.
    pub fn about(self, path: &std::path::Path) -> StoreError {
        match self {
            StoreError::Sqlite(e) => super::open::classify(path, e),
            other => other,
        }
    }

    /// True when the underlying SQLite error is "busy" or "locked".
    pub fn is_busy(err: &rusqlite::Error) -> bool {
        matches!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    /// True when SQLite says the file is damaged or not a database.
    pub fn is_corrupt(err: &rusqlite::Error) -> bool {
        matches!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
        )
    }
}

/// Shorthand for store results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
