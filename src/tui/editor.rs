//! Editing one form field in the user's own editor (`Ctrl-E` in a form).
//!
//! The text goes into a private file in the journal's scratch folder
//! ([`crate::store::scratch`]: `<journal folder>/.<journal>.edit/`, 0700, the file 0600 —
//! never the shared `/tmp`), the editor from `$VISUAL` or `$EDITOR` (else `vi`) runs on it,
//! and the file is read back. Before the editor starts, the form's draft is saved with a note
//! of the file ([`mark_draft`]); the file is removed only once its text is back in the form
//! and the draft. After a kill -9 while the editor was open, [`recover`] puts the file's text
//! into that draft at the next start, which offers it back. When the editor fails, the
//! caller keeps the field as it was.
//!
//! The terminal is the caller's job: the editor needs the real screen, so suspend the
//! full-screen mode first and take it back afterwards (see `crate::tui::run`).

use std::io;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::store::scratch::{Scratch, ScratchFile};
use crate::store::{self, Store};

/// The editor to run: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// A new scratch file holding `initial` for the editor (with the final newline editors
/// expect; [`edit_file`] takes it off again).
pub fn create(scratch: &Scratch, stem: &str, initial: &str) -> io::Result<ScratchFile> {
    let mut text = initial.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    scratch.create(stem, &text)
}

/// Runs the user's editor on `file` and returns its text; `initial` is what was put in it.
pub fn edit_file(file: &ScratchFile, initial: &str) -> io::Result<String> {
    edit_with(&editor_command(), file, initial)
}

/// Runs `command` (a shell command line such as `code --wait`; the file name is added as its
/// last argument) on `file`. An error when the editor cannot start or exits non-zero.
pub fn edit_with(command: &str, file: &ScratchFile, initial: &str) -> io::Result<String> {
    let status = shell(command, file.path()).status()?;
    if !status.success() {
        return Err(io::Error::other(format!("{command}: {status}")));
    }
    Ok(trim_added_newline(file.read()?, initial))
}

/// Takes off the newline [`create`] added for the editor.
fn trim_added_newline(mut edited: String, initial: &str) -> String {
    if !initial.ends_with('\n') {
        if edited.ends_with("\r\n") {
            edited.truncate(edited.len() - 2);
        } else if edited.ends_with('\n') {
            edited.pop();
        }
    }
    edited
}

/// The draft `json` with a note that field `field` is being edited in the scratch file
/// `file` (its name), so [`recover`] knows where the text goes after a crash.
pub fn mark_draft(json: &str, field: &str, file: &Path) -> String {
    let Ok(Value::Object(mut draft)) = serde_json::from_str::<Value>(json) else {
        return json.to_string();
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    draft.insert(
        "editor".into(),
        serde_json::json!({ "field": field, "file": name }),
    );
    Value::Object(draft).to_string()
}

/// At start: puts the text of every scratch file left by a killed run into the draft that
/// notes it (that draft is then offered back), and removes the file once the draft is saved.
/// A file no draft notes is left where it is (its text is never thrown away). Returns how
/// many were recovered.
pub fn recover(store: &Store) -> store::Result<usize> {
    let Ok(Some(scratch)) = Scratch::existing(store.path()) else {
        return Ok(0);
    };
    let Ok(leftovers) = scratch.leftovers() else {
        return Ok(0);
    };
    let drafts = store.drafts()?;
    let mut recovered = 0;
    for left in leftovers {
        let name = left
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for draft in &drafts {
            let Ok(Value::Object(mut json)) = serde_json::from_str::<Value>(&draft.payload) else {
                continue;
            };
            let noted = json.get("editor").and_then(|e| {
                let file = e.get("file")?.as_str()?;
                let field = e.get("field")?.as_str()?;
                (file == name).then(|| field.to_string())
            });
            let Some(field) = noted else {
                continue;
            };
            let text = left.text.strip_suffix('\n').unwrap_or(&left.text);
            if let Some(Value::Object(fields)) = json.get_mut("fields") {
                fields.insert(field, Value::String(text.to_string()));
            }
            json.remove("editor");
            store.save_draft(&draft.key, &Value::Object(json).to_string())?;
            // The text is safe in the journal now.
            let _ = left.remove();
            recovered += 1;
            break;
        }
    }
    Ok(recovered)
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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

    fn edit(scratch: &Scratch, command: &str, initial: &str) -> io::Result<String> {
        let file = create(scratch, "test", initial)?;
        let result = edit_with(command, &file, initial);
        file.remove()?;
        result
    }

    #[cfg(unix)]
    #[test]
    fn the_editor_changes_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let scratch = Scratch::for_journal(Some(&dir.path().join("j.db"))).unwrap();
        let editor = script(dir.path());
        assert_eq!(edit(&scratch, &editor, "hello").unwrap(), "hello\nadded");
        assert_eq!(
            edit(&scratch, &editor, "two\nlines\n").unwrap(),
            "two\nlines\nadded\n"
        );
        // Arguments in the command line reach the editor; the file name comes last.
        assert_eq!(
            edit(&scratch, &format!("{editor} 'with args'"), "x").unwrap(),
            "x\nwith args"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_editor_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let scratch = Scratch::for_journal(Some(&dir.path().join("j.db"))).unwrap();
        assert!(edit(&scratch, "false", "keep").is_err());
        assert!(edit(&scratch, "exit 3;", "keep").is_err());
        assert!(edit(&scratch, "/no/such/editor", "keep").is_err());
    }

    #[test]
    fn the_file_lives_in_the_journals_private_folder_not_in_tmp() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("j.db");
        let scratch = Scratch::for_journal(Some(&journal)).unwrap();
        let file = create(&scratch, "{\"feedback\":\"new\"}", "text").unwrap();
        assert!(file.path().starts_with(dir.path().join(".j.db.edit")));
        assert_eq!(file.read().unwrap(), "text\n");
        file.remove().unwrap();
    }

    #[test]
    fn a_leftover_goes_into_the_draft_that_notes_it_and_is_then_removed() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("j.db");
        let store = Store::open(&journal, false).unwrap();
        let scratch = Scratch::for_journal(Some(&journal)).unwrap();
        // A file left by a process that is gone, and the draft that noted it.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        let path = scratch.dir().join(format!("k.{pid}.0.md"));
        fs::write(&path, "typed in the editor\n").unwrap();
        let draft = r#"{"focus":0,"fields":{"text":"before","reaction":""}}"#;
        store
            .save_draft("k", &mark_draft(draft, "text", &path))
            .unwrap();
        // A file no draft notes stays.
        let other = scratch.dir().join(format!("x.{pid}.1.md"));
        fs::write(&other, "unclaimed").unwrap();
        assert_eq!(recover(&store).unwrap(), 1);
        let back: Value = serde_json::from_str(&store.draft("k").unwrap().unwrap()).unwrap();
        assert_eq!(back["fields"]["text"], "typed in the editor");
        assert!(back.get("editor").is_none());
        assert!(!path.exists(), "removed once the draft holds its text");
        assert!(other.exists());
    }
}
