//! The one check every output path passes before anything is written to it (`export -o`,
//! `backup`, `agenda -o`, `review -o`): an output never replaces the journal, the files that
//! belong to it (its write-ahead log `-wal`, its shared memory `-shm`, its rollback
//! `-journal`, the copies taken before a migration) or anything that is not a regular file —
//! a device, a FIFO, a folder. A new path, or an existing regular file of the user's, is fine.
//!
//! Files are compared by identity when they exist (so a symlink or a hard link to the journal
//! is caught) and by folder and name otherwise (so `-o journal.db-wal` is refused even before
//! SQLite creates the log).

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::domain::text::clean_line;
use crate::i18n::{Lang, fill};

/// Why an output path was refused. Nothing was written; the journal is as it was.
#[derive(Debug)]
pub enum OutputRefused {
    /// The output is the journal itself.
    Journal { path: PathBuf },
    /// The output is one of the journal's own files (`-wal`, `-shm`, `-journal`, a migration
    /// backup).
    JournalFile { path: PathBuf, journal: PathBuf },
    /// The output exists and is not a regular file (a device, a FIFO, a folder…).
    NotRegular { path: PathBuf },
}

impl OutputRefused {
    /// The message in `lang`; paths are neutralised.
    pub fn message_in(&self, lang: Lang) -> String {
        let t = &lang.text().trust;
        let shown = |p: &Path| clean_line(&p.display().to_string()).into_owned();
        match self {
            OutputRefused::Journal { path } => fill!(t.out_is_journal, path = shown(path)),
            OutputRefused::JournalFile { path, journal } => {
                fill!(
                    t.out_is_journal_file,
                    path = shown(path),
                    journal = shown(journal)
                )
            }
            OutputRefused::NotRegular { path } => fill!(t.out_not_regular, path = shown(path)),
        }
    }
}

impl fmt::Display for OutputRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl std::error::Error for OutputRefused {}

/// Checks that `output` may be written, given the journal at `journal` (None for the demo).
pub fn check_output(output: &Path, journal: Option<&Path>) -> Result<(), OutputRefused> {
    match fs::metadata(output) {
        Ok(meta) if !meta.is_file() => {
            return Err(OutputRefused::NotRegular {
                path: output.to_path_buf(),
            });
        }
        _ => {}
    }
    let Some(journal) = journal else {
        return Ok(());
    };
    let refused = |is_journal: bool| {
        if is_journal {
            OutputRefused::Journal {
                path: output.to_path_buf(),
            }
        } else {
            OutputRefused::JournalFile {
                path: output.to_path_buf(),
                journal: journal.to_path_buf(),
            }
        }
    };
    // By identity: the output names an existing file that is the journal or one of its files.
    if let Some(out) = identity(output) {
        if identity(journal).as_ref() == Some(&out) {
            return Err(refused(true));
        }
        for sibling in journal_files(journal).unwrap_or_default() {
            if identity(&sibling).as_ref() == Some(&out) {
                return Err(refused(false));
            }
        }
    }
    // By folder and name: also the files SQLite has not created yet.
    let (Some(out_dir), Some(out_name)) = (folder_of(output), output.file_name()) else {
        return Ok(());
    };
    let (Some(journal_dir), Some(journal_name)) = (folder_of(journal), journal.file_name()) else {
        return Ok(());
    };
    if out_dir != journal_dir {
        return Ok(());
    }
    let (out_name, journal_name) = (out_name.to_string_lossy(), journal_name.to_string_lossy());
    if out_name == journal_name {
        return Err(refused(true));
    }
    if is_journal_file_name(&out_name, &journal_name) {
        return Err(refused(false));
    }
    Ok(())
}

/// True when `name` is one of the names SQLite or the migrations give to files of the journal
/// called `journal`: `-wal`, `-shm`, `-journal`, `.before-vN.bak` (and its numbered variants).
pub fn is_journal_file_name(name: &str, journal: &str) -> bool {
    let Some(rest) = name.strip_prefix(journal) else {
        return false;
    };
    if matches!(rest, "-wal" | "-shm" | "-journal") {
        return true;
    }
    rest.strip_prefix(".before-v")
        .and_then(|r| r.strip_suffix(".bak"))
        .is_some_and(|v| {
            !v.is_empty()
                && v.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The journal's own files that exist now, in its folder.
fn journal_files(journal: &Path) -> io::Result<Vec<PathBuf>> {
    let dir = match journal.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Some(name) = journal.file_name() else {
        return Ok(Vec::new());
    };
    let name = name.to_string_lossy();
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if is_journal_file_name(&entry.file_name().to_string_lossy(), &name) {
            out.push(entry.path());
        }
    }
    Ok(out)
}

/// The canonical folder holding `path` (which need not exist).
fn folder_of(path: &Path) -> Option<PathBuf> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::canonicalize(dir).ok()
}

/// What makes two paths the same file: device and inode on Unix, the canonical path elsewhere.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// What makes two paths the same file: device and inode on Unix, the canonical path elsewhere.
#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    fs::canonicalize(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_file_names() {
        for name in [
            "j.db-wal",
            "j.db-shm",
            "j.db-journal",
            "j.db.before-v5.bak",
            "j.db.before-v5.2.bak",
        ] {
            assert!(is_journal_file_name(name, "j.db"), "{name}");
        }
        for name in [
            "j.db",
            "j.db.json",
            "j.db.before-v.bak",
            "k.db-wal",
            "j.db-wal2",
        ] {
            assert!(!is_journal_file_name(name, "j.db"), "{name}");
        }
    }

    #[test]
    fn the_journal_its_files_and_non_regular_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("j.db");
        fs::write(&journal, b"journal").unwrap();
        let check = |p: &Path| check_output(p, Some(&journal));
        assert!(matches!(
            check(&journal),
            Err(OutputRefused::Journal { .. })
        ));
        // Another spelling of the same path.
        let dotted = dir.path().join(".").join("j.db");
        assert!(matches!(check(&dotted), Err(OutputRefused::Journal { .. })));
        for name in ["j.db-wal", "j.db-shm", "j.db.before-v5.bak"] {
            assert!(
                matches!(
                    check(&dir.path().join(name)),
                    Err(OutputRefused::JournalFile { .. })
                ),
                "{name}"
            );
        }
        assert!(matches!(
            check(dir.path()),
            Err(OutputRefused::NotRegular { .. })
        ));
        assert!(check(&dir.path().join("export.json")).is_ok());
        fs::write(dir.path().join("old.json"), b"{}").unwrap();
        assert!(check(&dir.path().join("old.json")).is_ok());
        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&journal, &link).unwrap();
            assert!(matches!(check(&link), Err(OutputRefused::Journal { .. })));
            let hard = dir.path().join("hard.json");
            fs::hard_link(&journal, &hard).unwrap();
            assert!(matches!(check(&hard), Err(OutputRefused::Journal { .. })));
        }
    }
}
