//! The store: the journal in one SQLite file, behind a typed API that speaks domain types.
//!
//! One module per record kind adds its methods to [`Store`]. The store knows SQLite and the
//! domain, nothing of the screen. Opening is careful (see [`open`]): a file that is not ours,
//! is newer, damaged, read-only or locked is refused with one clear error and left untouched.

pub(crate) mod access;
mod alone;
pub mod aside;
pub mod backup;
pub mod bulk;
pub mod cipher;
pub mod convert;
mod error;
mod hmac_sha512;
pub mod migrate;
pub mod open;
mod page_crypto;
mod page_one;
mod sql;

mod agenda;
mod capture;
mod commitments;
mod contacts;
mod debrief;
mod drafts;
pub mod edit;
mod feedback;
mod fit;
mod goals;
mod gratitude;
mod health;
mod insights;
mod meetings;
mod mentors;
mod nudge_pages;
mod plans;
mod privacy;
mod questions;
pub mod recap;
mod reflections;
mod resources;
pub mod scratch;
pub mod sealed;
pub mod search;
mod stats;
mod today;
mod trash;
mod wal;
pub mod window;
mod wins;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use commitments::CommitmentRow;
pub use contacts::ContactStats;
pub use debrief::{CommitmentFilter, DebriefPlan, DebriefSaved, FeedbackFilter};
pub use edit::{Conflict, Editable, Resolution, UpdateOutcome};
pub use error::{Result, StoreError};
pub use feedback::FeedbackRow;
pub use goals::GoalSummary;
pub use gratitude::GratitudeRow;
pub use meetings::MeetingOutcomes;
pub use meetings::MeetingSummary;
pub use reflections::ReflectionRevision;
pub use resources::{MAX_RESOURCES, ResourceFilter, ResourceRow};
pub use stats::{Counts, HealthReport};
pub use today::{DayActivity, MAX_ACTIVITY_DAYS};
pub use trash::Deleted;
pub use window::{Page, Window};

/// An open journal.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The backup copy taken before a migration at open, if one was needed.
    migrated_backup: Option<PathBuf>,
    /// The key of an encrypted journal (None for a plain one).
    key: Option<cipher::Key>,
}

impl Store {
    /// Opens (or creates) the journal at `path`, migrating it to the current schema.
    /// `create_parent` allows creating the missing folder (only for the default location).
    pub fn open(path: &Path, create_parent: bool) -> Result<Store> {
        Self::open_with(
            path,
            open::IfMissing::Create {
                folder: create_parent,
            },
        )
    }

    /// Opens an existing journal; a missing one is [`StoreError::NoJournal`], and nothing is
    /// created (read-only commands, a failed import).
    pub fn open_existing(path: &Path) -> Result<Store> {
        Self::open_with(path, open::IfMissing::Refuse)
    }

    /// Opens the journal at `path`, creating a missing one or not as `missing` says.
    pub fn open_with(path: &Path, missing: open::IfMissing) -> Result<Store> {
        Self::open_unlocked(path, missing, &mut cipher::NoUnlock)
    }

    /// Opens the journal at `path`, which may be encrypted: its passphrase comes from
    /// `unlock` (see [`cipher::Unlock`]).
    pub fn open_unlocked(
        path: &Path,
        missing: open::IfMissing,
        unlock: &mut dyn cipher::Unlock,
    ) -> Result<Store> {
        let (mut conn, key) = open::open_unlocked(path, missing, unlock)?;
        let migrated_backup =
            migrate::migrate_keyed(&mut conn, Some(path), key.as_ref(), migrate::LATEST_VERSION)
                .map_err(|e| match e {
                    StoreError::Sqlite(err) => open::classify(path, err),
                    other => other,
                })?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            migrated_backup,
            key,
        })
    }

    /// A fresh journal in memory (tests, the demo).
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        conn.set_prepared_statement_cache_capacity(256);
        open::stable_plans(&conn)?;
        migrate::migrate(&mut conn, None)?;
        Ok(Store {
            conn,
            path: None,
            migrated_backup: None,
            key: None,
        })
    }

    /// Wraps an already configured connection (tests of older schema versions).
    pub fn from_connection(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let migrated_backup = migrate::migrate(&mut conn, path.as_deref())?;
        Ok(Store {
            conn,
            path,
            migrated_backup,
            key: None,
        })
    }

    /// The file behind this journal (None in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The copy made before migrating this file at open, if any.
    pub fn migrated_backup(&self) -> Option<&Path> {
        self.migrated_backup.as_deref()
    }

    /// The raw connection, for modules that run their own queries (search, import, figures).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction: all of it is saved, or nothing. Inside another
    /// transaction ([`Store::transaction_mut`]) it is a savepoint of that one, so a save made
    /// of several steps can be part of a larger one (a record and the end of its draft).
    pub fn transaction<T>(&mut self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.transaction_mut(|s| f(s))
    }

    /// [`Store::transaction`] for work that needs the store mutably (an edit through
    /// [`Store::update`], which opens its own): all of it is saved, or nothing. Any error type
    /// that a store error converts into rolls it back.
    pub fn transaction_mut<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            self.conn
                .execute_batch("SAVEPOINT nested")
                .map_err(StoreError::from)?;
            return match f(self) {
                Ok(value) => {
                    self.conn
                        .execute_batch("RELEASE nested")
                        .map_err(StoreError::from)?;
                    Ok(value)
                }
                Err(err) => {
                    let _ = self
                        .conn
                        .execute_batch("ROLLBACK TO nested; RELEASE nested");
                    Err(err)
                }
            };
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(StoreError::from)?;
        match f(self) {
            Ok(value) => {
                self.conn
                    .execute_batch("COMMIT")
                    .map_err(StoreError::from)?;
                Ok(value)
            }
            Err(err) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(err)
            }
        }
    }

    /// Copies the journal to `dest` with SQLite's online backup (consistent while others write).
    /// The copy of an encrypted journal is encrypted and opens with the same passphrase.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        backup::backup_keyed(&self.conn, dest, self.key.as_ref())
    }

    /// True when the journal file is encrypted (SQLCipher).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Changes whenever the journal changes, by this connection or another process: views
    /// compare it to skip reloading what they already show.
    pub fn change_stamp(&self) -> Result<(i64, u64)> {
        // Asked before every view switch and while idle: the statement is kept prepared.
        let version: i64 = self
            .conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        Ok((version, self.conn.total_changes()))
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(migrate::version(&self.conn)?)
    }
}

#[cfg(test)]
mod fit_search_tests;
#[cfg(test)]
mod growth_tests;
#[cfg(test)]
mod open_tests;
#[cfg(test)]
mod order_tests;
#[cfg(test)]
mod summary_tests;
#[cfg(test)]
mod tests;
