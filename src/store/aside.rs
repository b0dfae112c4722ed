//! A new journal built aside: a large import into a journal that does not exist yet fills a
//! private file beside the journal's path, and only a finished journal appears there, whole.
//!
//! The file (`.<journal name>.import-<pid>`, mode 0600, in the journal's folder so that the
//! final rename is atomic) is created by the code that creates every journal (the same
//! checks, migrations and settings), then written without a write-ahead log and without
//! waiting for the disk (`journal_mode = MEMORY`, `synchronous = OFF`): it is not the
//! journal yet, so a crash loses nothing — the user still has the import file and no journal.
//! That saves writing every page twice (log, then checkpoint) and one of the two `fsync`s of
//! an import into a new journal. [`NewJournal::finish`] puts the journal's own settings back
//! (write-ahead log, `synchronous = FULL`: the header ends as a normally created journal's),
//! flushes the file to disk, renames it to the journal's path — never over a journal that
//! appeared there meanwhile ([`Placed::JournalAppeared`]) — and flushes the folder.
//!
//! Dropped unfinished (a refused file, a store error), the aside file is removed. A killed
//! import leaves it behind: an unfinished journal nobody uses, safe to delete, and removed
//! by the next import into a new journal at the same path (docs/RELIABILITY.md). New journals are plain (encryption is `mentee encrypt`, later), so
//! the aside file is plain like the journal it becomes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::Store;
use super::cipher::NoUnlock;
use super::error::{Result, StoreError};
use super::open::{IfMissing, sibling};

/// The files SQLite may keep beside a database: a leftover of one at the journal's path
/// could be replayed into the new journal, and the aside file's must go with it.
const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// The longest file name most file systems take, in bytes.
const MAX_NAME: usize = 255;
/// The most digits of a process id.
const ASIDE_DIGITS: usize = 10;

/// A new journal being filled aside; see the module documentation.
pub struct NewJournal {
    /// None once finished (or while closing).
    store: Option<Store>,
    aside: PathBuf,
    target: PathBuf,
    /// True once the file is the journal: nothing to remove then.
    placed: bool,
}

/// Where a finished [`NewJournal`] went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    /// It is the journal now.
    Done,
    /// A journal appeared at the path while this one was filled (another program created
    /// it): that one was left as it was, and this one removed.
    JournalAppeared,
}

impl NewJournal {
    /// Starts a new journal for `target`, which does not exist: the aside file beside it,
    /// created and migrated as [`Store::open`] creates a journal (`create_folder` as there),
    /// then set to be written without a log. None when `target` exists after all, has
    /// SQLite's files of a journal beside it (left when one was deleted without them), or a
    /// name too long to make the aside file's from: the caller creates the journal the usual
    /// way then (which judges those files).
    pub fn create(target: &Path, create_folder: bool) -> Result<Option<NewJournal>> {
        let taken = |p: &Path| fs::symlink_metadata(p).is_ok();
        if taken(target) || SIDE_FILES.iter().any(|s| taken(&sibling(target, s))) {
            return Ok(None);
        }
        let Some(name) = target.file_name() else {
            return Ok(None);
        };
        let prefix = format!(".{}.import-", name.to_string_lossy());
        if prefix.len() + ASIDE_DIGITS + "-journal".len() > MAX_NAME {
            return Ok(None); // a name too long for the aside file's: the usual way
        }
        // Files of this kind are killed imports' (of a process that had our id, or of one
        // that is gone): nobody uses them.
        remove_abandoned(target, &prefix);
        let aside = target.with_file_name(format!("{prefix}{}", std::process::id()));
        remove_with_side_files(&aside);
        let mut journal = NewJournal {
            store: None,
            aside,
            target: target.to_path_buf(),
            placed: false,
        };
        let store = Store::open_unlocked(
            &journal.aside,
            IfMissing::Create {
                folder: create_folder,
            },
            &mut NoUnlock,
        )?;
        // Leaving WAL mode merges the migrations' log into the file and removes it.
        let _mode: String = store
            .conn
            .query_row("PRAGMA journal_mode = MEMORY", [], |r| r.get(0))?;
        store.conn.execute_batch("PRAGMA synchronous = OFF")?;
        journal.store = Some(store);
        Ok(Some(journal))
    }

    /// The journal to fill.
    pub fn store(&mut self) -> Result<&mut Store> {
        self.store
            .as_mut()
            .ok_or_else(|| StoreError::Invalid("the new journal is closed".into()))
    }

    /// The journal's path, where the file goes once finished.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// The aside file (while it is not the journal).
    pub fn aside_path(&self) -> &Path {
        &self.aside
    }

    /// Gives the file the journal's settings, flushes it to disk and renames it to the
    /// journal's path, unless a journal appeared there meanwhile (then it is removed, and
    /// the other journal left as it was).
    pub fn finish(mut self) -> Result<Placed> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        if let Some(store) = self.store.take() {
            store.conn.execute_batch("PRAGMA synchronous = FULL")?;
            let mode: String = store
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Invalid(format!(
                    "the new journal stayed in journal mode {mode}"
                )));
            }
            // The last connection closing merges and removes its (empty) log files.
            store.conn.close().map_err(|(_, e)| StoreError::Sqlite(e))?;
        }
        fs::File::open(&self.aside)
            .and_then(|f| f.sync_all())
            .map_err(io(&self.aside))?;
        match rename_no_replace(&self.aside, &self.target) {
            Ok(()) => self.placed = true,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Ok(Placed::JournalAppeared);
            }
            Err(e) => return Err(io(&self.target)(e)),
        }
        sync_folder(&self.target).map_err(io(&self.target))?;
        Ok(Placed::Done)
    }
}

impl Drop for NewJournal {
    fn drop(&mut self) {
        // Closed before its file is removed.
        drop(self.store.take());
        if !self.placed {
            remove_with_side_files(&self.aside);
        }
    }
}

/// Removes, beside `target`, the aside files (`<prefix><pid>` and their SQLite side files)
/// of imports whose process no longer runs: what a killed import leaves is cleared by the
/// next import into the same journal. A live process's file is left to it.
fn remove_abandoned(target: &Path, prefix: &str) {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(prefix)) else {
            continue;
        };
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (pid, side) = rest.split_at(digits);
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if (side.is_empty() || SIDE_FILES.contains(&side))
            && (pid == std::process::id() || !process_runs(pid))
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// True unless the system says no process `pid` runs (a signal 0 is only a question).
#[cfg(unix)]
fn process_runs(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    if pid <= 0 {
        return true;
    }
    // SAFETY: signal 0 sends nothing; it only checks that the process exists.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_runs(_pid: u32) -> bool {
    true
}

/// Removes `path` and SQLite's files beside it, whichever exist.
fn remove_with_side_files(path: &Path) {
    let _ = fs::remove_file(path);
    for side in SIDE_FILES {
        let _ = fs::remove_file(sibling(path, side));
    }
}

/// Renames `from` to `to` unless `to` exists (then `AlreadyExists`), atomically:
/// `renameat2(RENAME_NOREPLACE)` on Linux; a hard link then the removal of `from` where that
/// is missing (another system, a file system without the flag).
fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| {
            CString::new(p.as_os_str().as_bytes())
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
        };
        let (c_from, c_to) = (c(from)?, c(to)?);
        // SAFETY: both are NUL-terminated strings that outlive the call, which only reads them.
        let done = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                c_from.as_ptr(),
                libc::AT_FDCWD,
                c_to.as_ptr(),
                libc::RENAME_NOREPLACE,
            )
        };
        if done == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        if !matches!(err.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) {
            return Err(err);
        }
    }
    // A link fails if `to` exists; once it is made, `from` is only a second name.
    fs::hard_link(from, to)?;
    fs::remove_file(from)
}

/// Flushes the folder holding `path`, so a rename into it survives a power cut (Unix).
fn sync_folder(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
#[path = "aside_tests.rs"]
mod tests;
