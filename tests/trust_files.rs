//! The real binary facing journal files the system refuses (issue 12 items 10 and 12): a
//! FIFO or a device, a lock held by another program, another user's file, a full disk, a
//! backup cut short — each in the app's own words, with nothing left beside the journal.

#[path = "trust/helpers.rs"]
mod helpers;

use std::fs;
use std::path::Path;

use helpers::*;

/// A FIFO, a folder or `/dev/null` as the journal: "not a regular file", and nothing is
/// created beside it (issue 12 item 10).
#[test]
fn a_journal_path_that_is_not_a_regular_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for path in [fifo.clone(), dir.path().to_path_buf(), "/dev/null".into()] {
        for args in [&["check"][..], &["add", "question", "x"]] {
            let err = fails(mentee(dir.path()).arg("--db").arg(&path).args(args), 1);
            assert!(err.contains("is not a regular file"), "{err}");
        }
    }
    assert_eq!(names(dir.path()), ["fifo"]);
    assert!(!Path::new("/dev/null-journal").exists());
}

/// A journal locked by another program: the app's own words, never SQLite's.
#[test]
fn a_journal_locked_by_another_program_reads_as_the_apps_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;
         INSERT INTO questions (uuid, created_at, updated_at, text)
         VALUES ('x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'held');",
    )
    .unwrap();
    // 75 (EX_TEMPFAIL): a script can tell "try again" from a failure.
    let err = fails(mentee(dir.path()).arg("--db").arg(&db).arg("status"), 75);
    assert!(err.contains("is locked by another program"), "{err}");
    assert!(!err.contains("database"), "{err}");
    drop(conn);
}

#[cfg(unix)]
/// Another user's journal we may read but not write: "read-only", refused before SQLite
/// runs, nothing created beside it. Needs root to play the other user (skipped otherwise).
#[test]
fn another_users_journal_is_read_only_and_nothing_is_created_beside_it() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 || !Path::new("/usr/bin/setpriv").exists() {
        eprintln!("skipped: needs root and setpriv to run as another user");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&db, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let before = fs::read(&db).unwrap();
    let exe = assert_cmd::cargo::cargo_bin("mentee");
    let out = std::process::Command::new("/usr/bin/setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&exe)
        .arg("--db")
        .arg(&db)
        .arg("check")
        .env("MENTEE_CONFIG", dir.path().join("none.toml"))
        .env("LANG", "C")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is read-only"), "{err}");
    assert!(!err.contains("attempt to write"), "{err}");
    assert_eq!(names(dir.path()), ["j.db"]);
    assert_eq!(fs::read(&db).unwrap(), before);
}

#[cfg(unix)]
/// A backup that fails half-way (here: the file-size limit, as a full disk would) leaves no
/// partial file, so the retry works instead of saying "already exists" (issue 12 item 12).
#[test]
fn a_failed_backup_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let copy = dir.path().join("copy.db");
    let exe = assert_cmd::cargo::cargo_bin("mentee");
    // Ignore SIGXFSZ so writes past the limit fail with an error instead of killing us.
    let script = "trap '' XFSZ; ulimit -f 100; exec \"$0\" \"$@\"";
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(&exe)
        .arg("--db")
        .arg(&db)
        .arg("backup")
        .arg(&copy)
        .env("MENTEE_CONFIG", dir.path().join("none.toml"))
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(!copy.exists(), "the partial copy was removed");
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("backup")
        .arg(&copy));
    assert!(ok(mentee(dir.path()).arg("--db").arg(&copy).arg("check")).contains("integrity: ok"));
}

/// A small file system mounted for one test, unmounted when dropped.
#[cfg(target_os = "linux")]
struct Tmpfs(tempfile::TempDir);

#[cfg(target_os = "linux")]
impl Tmpfs {
    /// Mounts `size` of tmpfs; None when not allowed (not root, no mount namespace rights).
    fn mount(size: &str) -> Option<Tmpfs> {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return None;
        }
        let dir = tempfile::tempdir().ok()?;
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then_some(Tmpfs(dir))
    }

    fn path(&self) -> &Path {
        self.0.path()
    }
}

#[cfg(target_os = "linux")]
impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.0.path())
            .status();
    }
}

/// A full disk: every command says "the disk is full" in the app's words (never "disk I/O
/// error"), and nothing is left beside the journal (issue 12 item 10). Needs root to mount a
/// small file system (skipped otherwise).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_reads_as_the_apps_own_words_and_leaves_nothing_behind() {
    let Some(fs) = Tmpfs::mount("2m") else {
        eprintln!("skipped: needs root to mount a small tmpfs");
        return;
    };
    let dir = fs.path();
    let db = dir.join("j.db");
    ok(mentee(dir)
        .arg("--db")
        .arg(&db)
        .args(["add", "question", "before"]));
    let before = fs::read(&db).unwrap();
    // Fill the disk.
    let mut fill = fs::File::create(dir.join("fill")).unwrap();
    let block = vec![0u8; 64 * 1024];
    while std::io::Write::write_all(&mut fill, &block).is_ok() {}
    drop(fill);
    for args in [
        &["check"][..],
        &["status"],
        &["add", "question", "after"],
        &["export", "-o", "out.json"],
    ] {
        let err = fails(
            mentee(dir).current_dir(dir).arg("--db").arg(&db).args(args),
            1,
        );
        assert!(err.contains("is full"), "{args:?}: {err}");
        assert!(!err.contains("I/O"), "{args:?}: {err}");
    }
    let err = fails(
        mentee(dir)
            .arg("--db")
            .arg(dir.join("new.db"))
            .args(["add", "question", "x"]),
        1,
    );
    assert!(err.contains("is full"), "{err}");
    assert_eq!(names(dir), ["fill", "j.db"]);
    assert_eq!(fs::read(&db).unwrap(), before);
}
