//! Writing a file so that readers see the old content or the new, never half of either:
//! a private temporary file beside the target, written and flushed to disk, then renamed
//! over the target, then (on Unix) the folder flushed so the rename itself survives a power
//! cut.
//!
//! The temporary file comes from `tempfile`: a short random name (`.mentee-XXXXXX.tmp`, so a
//! 255-byte target name still fits), mode 0600 on Unix, removed if anything fails, and
//! `persist` replaces the target atomically on every platform (`rename` on Unix,
//! `MoveFileExW` with `MOVEFILE_REPLACE_EXISTING` on Windows, where `std::fs::rename` alone
//! is not guaranteed to replace).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically; the file is created with mode 0600 (exports hold
/// private notes). On any failure the previous file at `path`, if any, is left as it was
/// and the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the content written by `fill`, through a buffer, as it is produced
/// (an export of any size is never held in memory). An error of `fill` is returned as it
/// is, and the temporary file removed.
pub fn write_atomic_with<E: From<io::Error>>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.file_name().is_none() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a file name", path.display()),
        )
        .into());
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".mentee-")
        .suffix(".tmp")
        .rand_bytes(6)
        .tempfile_in(&dir)?;
    let mut buffered = BufWriter::with_capacity(64 * 1024, Writeback::new(tmp.as_file_mut()));
    fill(&mut buffered)?;
    buffered.flush()?;
    drop(buffered);
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(sync_folder(&dir)?)
}

/// A file being written that asks the kernel to start writing each few megabytes to disk
/// as soon as they are written (Linux's `sync_file_range`, which does not wait), so the
/// final `sync_all` waits for the last few only, not for the whole file: the disk works
/// while the content is still being produced. `sync_all` still decides what is durable.
struct Writeback<'a> {
    file: &'a mut File,
    written: u64,
    started: u64,
}

/// How many bytes are written before their write to disk is started.
const WRITEBACK_EVERY: u64 = 4 * 1024 * 1024;

impl<'a> Writeback<'a> {
    fn new(file: &'a mut File) -> Writeback<'a> {
        Writeback {
            file,
            written: 0,
            started: 0,
        }
    }

    /// Starts writing out what was written since the last start (a hint: an error is
    /// left for `sync_all` to report).
    #[cfg(target_os = "linux")]
    fn start(&mut self) {
        use std::os::unix::io::AsRawFd;
        let (offset, len) = (
            self.started as libc::off64_t,
            (self.written - self.started) as libc::off64_t,
        );
        // SAFETY: the descriptor is open for as long as `self.file` is borrowed; the call
        // reads no memory of ours.
        unsafe {
            libc::sync_file_range(
                self.file.as_raw_fd(),
                offset,
                len,
                libc::SYNC_FILE_RANGE_WRITE,
            );
        }
        self.started = self.written;
    }

    #[cfg(not(target_os = "linux"))]
    fn start(&mut self) {
        self.started = self.written;
    }
}

impl Write for Writeback<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK_EVERY {
            self.start();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Flushes the folder entry so the rename is durable too (Unix; elsewhere the rename is).
#[cfg(unix)]
fn sync_folder(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect()
    }

    #[test]
    fn a_write_failing_halfway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.json");
        fs::write(&path, b"old content").unwrap();
        let err = write_atomic_with(&path, |f| -> io::Result<()> {
            f.write_all(b"new but only ha")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(fs::read(&path).unwrap(), b"old content");
        assert_eq!(
            names(dir.path()),
            vec![std::ffi::OsString::from("export.json")]
        );
    }

    #[test]
    fn a_255_byte_file_name_is_written_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{}.json", "e".repeat(250)));
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(names(dir.path()).len(), 1, "no temporary left");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
