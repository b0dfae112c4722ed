//! A private scratch folder beside the journal, for text that lives outside the journal for
//! a while — the file `$EDITOR` edits (`Ctrl-E` in a form) — so that text survives a killed
//! process and can be offered back (as a draft) at the next start.
//!
//! **Where**: `<journal folder>/.<journal file name>.edit/`, mode 0700 — for the default
//! journal that is inside the platform data folder (`~/.local/share/mentee/.journal.db.edit/`).
//! Beside the journal rather than in `/tmp`: `/tmp` is shared with other users and may be
//! emptied at boot, and a leftover belongs to the journal it was typed for. A journal in
//! memory (the demo) gets a fresh private folder in the system's temporary folder instead.
//!
//! **Files**: `<stem>.<pid>.<n>.md`, mode 0600, one per edit; the process that made one
//! removes it once it has read the text back. A file whose process is no longer running is a
//! leftover: [`Scratch::leftovers`] lists them with their text, for the app to offer back and
//! then [`Leftover::remove`].
//!
//! **Import staging**: `import-<pid>-<random>.db`, mode 0600, the records of an import file
//! once checked and before they are written (see `transfer::staging`); removed when the
//! import ends, or by the next import when its process was killed.

use std::fs::{self, DirBuilder, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// The most read back from one leftover file (four times the longest accepted text, in bytes).
const MAX_LEFTOVER_BYTES: u64 = 4 * crate::domain::limits::MAX_TEXT_CHARS as u64;

/// The scratch folder of one journal.
#[derive(Debug, Clone)]
pub struct Scratch {
    dir: PathBuf,
}

/// One file of text in the scratch folder.
#[derive(Debug)]
pub struct ScratchFile {
    path: PathBuf,
}

/// Text left in the scratch folder by a process that did not finish.
#[derive(Debug, Clone, PartialEq)]
pub struct Leftover {
    pub path: PathBuf,
    /// The stem the file was made with (e.g. the form's draft key, made file-safe).
    pub stem: String,
    /// The text, read as UTF-8 (invalid bytes become U+FFFD).
    pub text: String,
    pub modified: SystemTime,
}

impl Scratch {
    /// The folder for the journal at `journal` (`None`: a journal in memory), created private
    /// when missing. Anything at that path that is not a plain folder (a symlink planted by
    /// someone else, a file) is refused.
    pub fn for_journal(journal: Option<&Path>) -> io::Result<Scratch> {
        let dir = match journal {
            Some(path) => {
                let name = path.file_name().ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidInput, "the journal has no file name")
                })?;
                let mut hidden = std::ffi::OsString::from(".");
                hidden.push(name);
                hidden.push(".edit");
                path.with_file_name(hidden)
            }
            None => {
                static N: AtomicU64 = AtomicU64::new(0);
                let n = N.fetch_add(1, Ordering::Relaxed);
                std::env::temp_dir().join(format!("mentee-edit-{}-{n}", std::process::id()))
            }
        };
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} is not a folder", dir.display()),
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                #[cfg_attr(not(unix), allow(unused_mut))]
                let mut builder = DirBuilder::new();
                #[cfg(unix)]
                {
                    use std::os::unix::fs::DirBuilderExt;
                    builder.mode(0o700);
                }
                builder.create(&dir)?;
            }
            Err(e) => return Err(e),
        }
        super::access::make_private_dir(&dir)?;
        Ok(Scratch { dir })
    }

    /// The folder of the journal at `journal` if it was made already (`None` for a journal in
    /// memory, or before anything was ever edited in `$EDITOR`): looking for leftovers at
    /// start creates nothing.
    pub fn existing(journal: Option<&Path>) -> io::Result<Option<Scratch>> {
        let Some(path) = journal else {
            return Ok(None);
        };
        let Some(name) = path.file_name() else {
            return Ok(None);
        };
        let mut hidden = std::ffi::OsString::from(".");
        hidden.push(name);
        hidden.push(".edit");
        match fs::symlink_metadata(path.with_file_name(hidden)) {
            Ok(meta) if meta.is_dir() => Scratch::for_journal(journal).map(Some),
            _ => Ok(None),
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A new private file holding `text`, named after `stem` (any text; made file-safe).
    pub fn create(&self, stem: &str, text: &str) -> io::Result<ScratchFile> {
        static N: AtomicU64 = AtomicU64::new(0);
        let stem = safe_stem(stem);
        loop {
            let n = N.fetch_add(1, Ordering::Relaxed);
            let path = self
                .dir
                .join(format!("{stem}.{}.{n}.md", std::process::id()));
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            match options.open(&path) {
                Ok(mut file) => {
                    file.write_all(text.as_bytes())?;
                    file.sync_all()?;
                    return Ok(ScratchFile { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Every file left by a process that is no longer running, oldest first.
    pub fn leftovers(&self) -> io::Result<Vec<Leftover>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((stem, pid)) = parse_name(&name) else {
                continue; // an editor's swap or backup file
            };
            let meta = entry.metadata()?;
            if !meta.is_file() || process_alive(pid) {
                continue;
            }
            let mut bytes = Vec::new();
            fs::File::open(entry.path())?
                .take(MAX_LEFTOVER_BYTES)
                .read_to_end(&mut bytes)?;
            out.push(Leftover {
                path: entry.path(),
                stem: stem.to_string(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
                modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            });
        }
        out.sort_by(|a, b| (a.modified, &a.path).cmp(&(b.modified, &b.path)));
        Ok(out)
    }
}

/// A file for an import's checked records while they wait to be written
/// (`import-<pid>-<random>.db`, mode 0600), removed when dropped.
pub struct StagingFile {
    file: tempfile::NamedTempFile,
}

impl StagingFile {
    /// The file's path.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// The open file (read and write).
    pub fn file(&self) -> &fs::File {
        self.file.as_file()
    }
}

impl Scratch {
    /// A private folder made by the caller (a temporary one) used as a scratch folder.
    pub fn in_folder(dir: &Path) -> Scratch {
        Scratch {
            dir: dir.to_path_buf(),
        }
    }

    /// A new staging file in this folder. The staging files of processes that are no longer
    /// running (a killed import) are removed first: they hold nothing anyone can use.
    pub fn staging_file(&self) -> io::Result<StagingFile> {
        for entry in fs::read_dir(&self.dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(pid) = staging_pid(&name)
                && !process_alive(pid)
            {
                let _ = fs::remove_file(entry.path());
            }
        }
        let file = tempfile::Builder::new()
            .prefix(&format!("import-{}-", std::process::id()))
            .suffix(".db")
            .tempfile_in(&self.dir)?;
        Ok(StagingFile { file })
    }
}

/// The process id in a staging file's name (`import-<pid>-<random>.db`).
fn staging_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix("import-")?.strip_suffix(".db")?;
    rest.split_once('-')?.0.parse().ok()
}

impl ScratchFile {
    /// The file's path (given to the editor).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text now in the file (after the editor), at most [`MAX_LEFTOVER_BYTES`].
    pub fn read(&self) -> io::Result<String> {
        let mut bytes = Vec::new();
        fs::File::open(&self.path)?
            .take(MAX_LEFTOVER_BYTES)
            .read_to_end(&mut bytes)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Removes the file, once its text is safe elsewhere (back in the form and its draft).
    pub fn remove(self) -> io::Result<()> {
        fs::remove_file(&self.path)
    }
}

impl Leftover {
    /// Forgets the leftover, once its text is safe elsewhere (offered back as a draft).
    pub fn remove(self) -> io::Result<()> {
        fs::remove_file(&self.path)
    }
}

/// `stem` with everything but ASCII letters, digits, `-` and `_` as `_`, at most 40 long.
fn safe_stem(stem: &str) -> String {
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if safe.is_empty() { "text".into() } else { safe }
}

/// `<stem>.<pid>.<n>.md` → (stem, pid).
fn parse_name(name: &str) -> Option<(&str, u32)> {
    let rest = name.strip_suffix(".md")?;
    let (rest, n) = rest.rsplit_once('.')?;
    let (stem, pid) = rest.rsplit_once('.')?;
    n.parse::<u64>().ok()?;
    Some((stem, pid.parse().ok()?))
}

/// True when a process with this id is running (it may be ours, or another instance's).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists and may be signalled.
    let alive = unsafe { libc::kill(pid, 0) } == 0;
    alive || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Without a portable check, only this process's own files count as in use.
#[cfg(not(unix))]
fn process_alive(pid: u32) -> bool {
    pid == std::process::id()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id of a process that has finished.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn the_folder_is_beside_the_journal_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.db");
        let scratch = Scratch::for_journal(Some(&journal)).unwrap();
        assert_eq!(scratch.dir(), dir.path().join(".journal.db.edit"));
        let file = scratch.create("goal:new", "typed text").unwrap();
        assert_eq!(file.read().unwrap(), "typed text");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(scratch.dir()), 0o700);
            assert_eq!(mode(file.path()), 0o600);
        }
        // The file of a running process (ours) is not a leftover.
        assert!(scratch.leftovers().unwrap().is_empty());
        file.remove().unwrap();
        // Opening it again reuses the folder.
        Scratch::for_journal(Some(&journal)).unwrap();
    }

    #[test]
    fn text_of_a_killed_process_is_offered_back_once() {
        let dir = tempfile::tempdir().unwrap();
        let scratch = Scratch::for_journal(Some(&dir.path().join("j.db"))).unwrap();
        let pid = dead_pid();
        fs::write(
            scratch.dir().join(format!("feedback_new.{pid}.0.md")),
            "half-written feedback",
        )
        .unwrap();
        fs::write(scratch.dir().join(".feedback_new.swp"), "vim's swap").unwrap();
        let left = scratch.leftovers().unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].stem, "feedback_new");
        assert_eq!(left[0].text, "half-written feedback");
        left.into_iter().next().unwrap().remove().unwrap();
        assert!(scratch.leftovers().unwrap().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(".j.db.edit")).unwrap();
        assert!(Scratch::for_journal(Some(&dir.path().join("j.db"))).is_err());
    }

    #[test]
    fn names() {
        assert_eq!(safe_stem("goal:12/é"), "goal_12__");
        assert_eq!(safe_stem(""), "text");
        assert_eq!(parse_name("goal_new.123.4.md"), Some(("goal_new", 123)));
        assert_eq!(parse_name("goal.md"), None);
        assert_eq!(parse_name(".goal.md.swp"), None);
    }

    #[test]
    fn a_journal_in_memory_gets_a_private_temporary_folder() {
        let scratch = Scratch::for_journal(None).unwrap();
        assert!(scratch.dir().starts_with(std::env::temp_dir()));
        fs::remove_dir_all(scratch.dir()).unwrap();
    }
}
