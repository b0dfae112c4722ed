//! What the operating system allows with a file, asked without changing anything: may we
//! write it, may we create files in its folder, is its disk full — and creating files and
//! folders private from their first byte. Unix answers through `faccessat` and `statvfs`;
//! elsewhere the portable answers (the read-only attribute; no disk check) are used.

use std::fs::{self, Metadata};
use std::io;
use std::path::Path;

/// True when this process may write `path` (whose metadata is `meta`). A file with no write
/// bit at all is read-only even for root, who could otherwise write anything.
#[cfg(unix)]
pub fn writable(path: &Path, meta: &Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o222 != 0 && may(path, libc::W_OK)
}

/// True when this process may create and remove files in `dir` (SQLite's `-wal` and `-shm`).
#[cfg(unix)]
pub fn folder_writable(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let bits = fs::metadata(dir).map_or(0o700, |m| m.permissions().mode());
    bits & 0o222 != 0 && may(dir, libc::W_OK | libc::X_OK)
}

/// `faccessat` with the effective ids: what the kernel would allow us, for a file owned by
/// someone else too.
#[cfg(unix)]
fn may(path: &Path, mode: libc::c_int) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: c_path is a valid NUL-terminated string that outlives the call; faccessat only
    // reads it and has no other effect.
    unsafe { libc::faccessat(libc::AT_FDCWD, c_path.as_ptr(), mode, libc::AT_EACCESS) == 0 }
}

/// True when the file system holding `path` has (next to) no space left for us.
#[cfg(unix)]
pub fn disk_full(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(c_path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::zeroed();
    // SAFETY: c_path is NUL-terminated; statvfs writes only into `stat`, which is large enough.
    let ok = unsafe { libc::statvfs(c_path.as_ptr(), stat.as_mut_ptr()) == 0 };
    if !ok {
        return false;
    }
    // SAFETY: statvfs succeeded, so `stat` is initialised.
    let stat = unsafe { stat.assume_init() };
    // The field types differ between systems (u32 on macOS), hence the conversions.
    #[allow(clippy::useless_conversion)]
    let free = u64::from(stat.f_bavail).saturating_mul(u64::from(stat.f_frsize));
    free < 64 * 1024
}

/// Creates `path` (which must not exist), mode 0600.
#[cfg(unix)]
pub fn create_private(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// Makes `dir` private to its owner (mode 0700).
#[cfg(unix)]
pub fn make_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
}

/// True when this process may write `path`: not marked read-only.
#[cfg(not(unix))]
pub fn writable(_path: &Path, meta: &Metadata) -> bool {
    !meta.permissions().readonly()
}

/// True when `dir` is not marked read-only.
#[cfg(not(unix))]
pub fn folder_writable(dir: &Path) -> bool {
    fs::metadata(dir).is_ok_and(|m| !m.permissions().readonly())
}

/// No portable way to ask: SQLite's own "disk full" code still says it.
#[cfg(not(unix))]
pub fn disk_full(_path: &Path) -> bool {
    false
}

/// Creates `path` (which must not exist); its folder's permissions keep it private.
#[cfg(not(unix))]
pub fn create_private(path: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// Folders in the user's profile are private by default outside Unix.
#[cfg(not(unix))]
pub fn make_private_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn permissions_are_asked_not_tried() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        create_private(&path).unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert!(writable(&path, &fs::metadata(&path).unwrap()));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        assert!(
            !writable(&path, &fs::metadata(&path).unwrap()),
            "not even root"
        );
        assert!(folder_writable(dir.path()));
        assert!(!disk_full(&path));
        assert!(create_private(&path).is_err(), "never replaces");
    }
}
