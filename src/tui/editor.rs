//! Editing one form field in the user's own editor (`Ctrl-E` in a form).
//!
//! The text goes into a private temporary file (a fresh `0700` folder, the file `0600`), the
//! editor from `$VISUAL` or `$EDITOR` (else `vi`) runs on it, and the file is read back and
//! removed. When the editor fails, the caller keeps the field as it was.
//!
//! The terminal is the caller's job: the editor needs the real screen, so suspend the
//! full-screen mode first and take it back afterwards:
//!
//! ```ignore
//! terminal::restore();                       // leave the alternate screen, raw mode off
//! let result = editor::edit_in_editor(&form.field_text(field));
//! let mut guard = TerminalGuard::enter()?;   // back to full screen…
//! guard.terminal.clear()?;                   // …and redraw everything
//! match result {
//!     Ok(text) => form.set_field_text(field, &text, today),    // `Changed`: save the draft
//!     Err(e) => message = fill!(t.form.editor_failed, error = e),  // the field is unchanged
//! };
//! ```

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

/// The editor to run: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Edits `initial` in the user's editor and returns the new text.
pub fn edit_in_editor(initial: &str) -> io::Result<String> {
    edit_with(&editor_command(), initial)
}

/// Edits `initial` with `command` (a shell command line such as `code --wait`; the file name
/// is added as its last argument). An error when the editor cannot start or exits non-zero.
pub fn edit_with(command: &str, initial: &str) -> io::Result<String> {
    let file = TempText::create()?;
    let mut text = initial.to_string();
    // Editors expect a final newline; it is taken off again below.
    let added_newline = !text.ends_with('\n');
    if added_newline {
        text.push('\n');
    }
    file.write(&text)?;
    let status = shell(command, &file.path).status()?;
    if !status.success() {
        return Err(io::Error::other(format!("{command}: {status}")));
    }
    let mut bytes = Vec::new();
    File::open(&file.path)?.read_to_end(&mut bytes)?;
    let mut edited = String::from_utf8_lossy(&bytes).into_owned();
    if added_newline {
        if edited.ends_with("\r\n") {
            edited.truncate(edited.len() - 2);
        } else if edited.ends_with('\n') {
            edited.pop();
        }
    }
    Ok(edited)
}

/// `sh -c '<command> "$1"' sh <file>`: the command line may carry its own arguments, and the
/// file name is passed as data, never parsed by the shell.
#[cfg(unix)]
fn shell(command: &str, file: &Path) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("sh")
        .arg(file);
    cmd
}

#[cfg(not(unix))]
fn shell(command: &str, file: &Path) -> Command {
    let mut words = command.split_whitespace();
    let mut cmd = Command::new(words.next().unwrap_or("notepad"));
    cmd.args(words).arg(file);
    cmd
}

/// A private temporary file, removed (with its folder) when dropped.
struct TempText {
    dir: PathBuf,
    path: PathBuf,
}

impl TempText {
    /// A fresh folder only the user may enter, holding an empty file only the user may read.
    fn create() -> io::Result<TempText> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("mentee-edit-{}-{n}", std::process::id()));
        let mut builder = DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        // Fails if the folder exists: someone else's folder is never reused.
        builder.create(&dir)?;
        let path = dir.join("mentee.md");
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let temp = TempText { dir, path };
        options.open(&temp.path)?;
        Ok(temp)
    }

    fn write(&self, text: &str) -> io::Result<()> {
        let mut file = OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&self.path)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()
    }
}

impl Drop for TempText {
    fn drop(&mut self) {
        // Editors may leave swap or backup files beside it; the folder is ours alone.
        let _ = fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small "editor": appends its first argument (or "added") as a line.
    fn script(dir: &Path) -> String {
        let path = dir.join("append.sh");
        fs::write(
            &path,
            "#!/bin/sh\nif [ $# -gt 1 ]; then echo \"$1\" >> \"$2\"; else echo added >> \"$1\"; fi\n",
        )
        .unwrap();
        format!("sh '{}'", path.display())
    }

    #[cfg(unix)]
    #[test]
    fn the_editor_changes_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let editor = script(dir.path());
        assert_eq!(edit_with(&editor, "hello").unwrap(), "hello\nadded");
        assert_eq!(
            edit_with(&editor, "two\nlines\n").unwrap(),
            "two\nlines\nadded\n"
        );
        // Arguments in the command line reach the editor; the file name comes last.
        assert_eq!(
            edit_with(&format!("{editor} 'with args'"), "x").unwrap(),
            "x\nwith args"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_editor_is_an_error() {
        assert!(edit_with("false", "keep").is_err());
        assert!(edit_with("exit 3;", "keep").is_err());
        assert!(edit_with("/no/such/editor", "keep").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn the_temp_file_is_private_and_removed() {
        use std::os::unix::fs::PermissionsExt;
        let temp = TempText::create().unwrap();
        let file_mode = fs::metadata(&temp.path).unwrap().permissions().mode();
        let dir_mode = fs::metadata(&temp.dir).unwrap().permissions().mode();
        assert_eq!(file_mode & 0o777, 0o600);
        assert_eq!(dir_mode & 0o777, 0o700);
        let dir = temp.dir.clone();
        drop(temp);
        assert!(!dir.exists());
    }

    #[test]
    fn some_editor_is_always_chosen() {
        // Whatever the environment says, a command comes back (`vi` at worst).
        assert!(!editor_command().trim().is_empty());
    }
}
