//! Is anyone else using the journal? Asked before a conversion replaces the file.
//!
//! SQLite cannot say: in WAL mode an idle connection of another process holds no lock on the
//! journal itself, so `BEGIN EXCLUSIVE` and leaving WAL mode both succeed while a TUI in
//! another terminal has the journal open, and that TUI would go on reading and writing the old,
//! replaced file. What such a connection does hold (Unix VFS) is a shared lock on the "dead
//! man switch" byte of the `-shm` file for as long as it is open, and read locks on the bytes
//! before it while it reads. `F_GETLK` reports a lock held by another process without taking
//! one and without seeing this process's own locks.
//!
//! The probe's file descriptor must stay open while this process's SQLite connection does:
//! closing any descriptor of a file releases all of the process's POSIX locks on it, SQLite's
//! included. [`Probe`] is therefore dropped only after the connection is closed.

use std::path::Path;

use super::error::{Result, StoreError};
use super::open::sibling;

/// An open probe of the journal's `-shm` file (none when there is no such file, or on systems
/// without POSIX locks). Drop it only after the journal's connection is closed.
pub struct Probe {
    #[cfg(unix)]
    _shm: Option<std::fs::File>,
}

/// The lock bytes of SQLite's Unix VFS in the `-shm` file: 8 WAL locks from offset 120
/// (`UNIX_SHM_BASE`), then the dead man switch at 128 (`UNIX_SHM_DMS`).
#[cfg(unix)]
const SHM_LOCKS: (i64, i64) = (120, 9);

/// Refuses with [`StoreError::InUse`] when another process has the journal at `path` open.
#[cfg(unix)]
pub fn ensure_alone(path: &Path) -> Result<Probe> {
    use std::os::fd::AsRawFd;
    let shm = match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(sibling(path, "-shm"))
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Probe { _shm: None }),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    // SAFETY: `flock` is a plain C struct for which all zeros is a valid value.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = libc::F_WRLCK as _;
    lock.l_whence = libc::SEEK_SET as _;
    lock.l_start = SHM_LOCKS.0 as _;
    lock.l_len = SHM_LOCKS.1 as _;
    // SAFETY: the descriptor is open for the whole call and `lock` is a valid, exclusive flock.
    let rc = unsafe { libc::fcntl(shm.as_raw_fd(), libc::F_GETLK, &mut lock) };
    if rc != 0 {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::last_os_error(),
        });
    }
    if i32::from(lock.l_type) != libc::F_UNLCK {
        return Err(StoreError::InUse {
            path: path.to_path_buf(),
        });
    }
    Ok(Probe { _shm: Some(shm) })
}

/// Without POSIX locks (Windows) a file open elsewhere cannot be renamed over, so the
/// conversion's own rename refuses.
#[cfg(not(unix))]
pub fn ensure_alone(_path: &Path) -> Result<Probe> {
    Ok(Probe {})
}
