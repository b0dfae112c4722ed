//! Issue 12 (items 3, 4 and 12) with the real binary in a pseudo-terminal:
//! - a kill at any moment after `Ctrl-S` never leaves both the record and its draft (which
//!   restored and saved again would be a duplicate), nor neither (a loss);
//! - two TUI processes editing the same mentor: the second is asked (keep mine / take
//!   theirs), nothing is lost silently;
//! - text being edited in `$EDITOR` when the app is killed lives in the private scratch folder
//!   beside the journal (never `/tmp`) and is offered back as a draft at the next start.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::Session;
use mentee::domain::Mentor;
use mentee::store::Store;

fn journal_with_a_mentor(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("journal.db");
    let store = Store::open(&db, false).unwrap();
    let mut m = Mentor::new("Daniel");
    m.contact = "daniel@old".into();
    store.save_mentor(&m).unwrap();
    db
}

/// Feedback entries whose text is `text`, and drafts whose payload holds it.
fn saved_and_drafted(db: &Path, text: &str) -> (usize, usize) {
    let store = Store::open(db, false).unwrap();
    let saved: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM feedback WHERE text = ?1",
            [text],
            |r| r.get(0),
        )
        .unwrap();
    let drafted = store
        .drafts()
        .unwrap()
        .iter()
        .filter(|d| d.payload.contains(text))
        .count();
    (saved as usize, drafted)
}

#[test]
fn a_kill_at_any_moment_after_ctrl_s_never_duplicates_nor_loses() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal_with_a_mentor(dir.path());
    let db_arg = db.to_str().unwrap();
    // Kill points spread over the first few milliseconds after Ctrl-S (where the save and
    // the end of the draft happen), from "before it starts" to "after it is done".
    let runs = 12;
    let mut outcomes = (0, 0);
    for run in 0..runs {
        let text = format!("entry number {run}");
        let mut s = Session::start(&["--db", db_arg], 30, 100);
        s.wait_for("Next meeting");
        s.send(b"4");
        s.send(b"n");
        s.wait_for("New feedback");
        s.send(b"\t"); // from the kind to what was said
        s.send(text.as_bytes());
        s.wait_for(&text);
        s.send(b"\x13"); // Ctrl-S
        std::thread::sleep(Duration::from_micros(run * 300));
        s.child.kill().unwrap(); // SIGKILL
        s.wait_exit();
        let (saved, drafted) = saved_and_drafted(&db, &text);
        assert_eq!(
            saved + drafted,
            1,
            "run {run}: {saved} saved and {drafted} drafts — exactly one of them, never both \
             (a duplicate once restored) nor neither (a loss)"
        );
        if saved == 1 {
            outcomes.0 += 1;
        } else {
            outcomes.1 += 1;
            // Out of the way of the next run's start (the draft was checked above).
            let store = Store::open(&db, false).unwrap();
            for d in store.drafts().unwrap() {
                store.delete_draft(&d.key).unwrap();
            }
        }
    }
    let store = Store::open(&db, false).unwrap();
    assert_eq!(
        store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .unwrap(),
        "ok"
    );
    eprintln!(
        "saved {} times, draft kept {} times",
        outcomes.0, outcomes.1
    );
}

#[test]
fn two_tui_processes_edit_one_mentor_and_the_second_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal_with_a_mentor(dir.path());
    let db_arg = db.to_str().unwrap();
    let mut a = Session::start(&["--db", db_arg], 30, 100);
    let mut b = Session::start(&["--db", db_arg], 30, 100);
    for s in [&mut a, &mut b] {
        s.wait_for("Next meeting");
        s.send(b"8");
        s.wait_for("Daniel");
        s.send(b"e");
        s.wait_for("Edit mentor");
    }
    // The name is the first field: each window adds to it.
    a.send(b" from A");
    a.wait_for("Daniel from A");
    a.send(b"\x13");
    a.wait_for("Saved");
    b.send(b" from B");
    b.wait_for("Daniel from B");
    b.send(b"\x13");
    b.wait_for("Changed in another window");
    b.wait_for("Daniel from A");
    b.send(b"m"); // keep mine
    b.wait_for("Saved, with the other window");
    for s in [&mut a, &mut b] {
        s.send(b"q");
        assert!(s.wait_exit().success());
    }
    let store = Store::open(&db, false).unwrap();
    let names: Vec<String> = store
        .mentors()
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Daniel from B"]);
    assert!(store.drafts().unwrap().is_empty());
}

#[cfg(unix)]
#[test]
fn editor_text_survives_a_kill_in_the_private_folder_and_comes_back_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal_with_a_mentor(dir.path());
    let db_arg = db.to_str().unwrap();
    // An "editor" that writes its text, then stays open a while (the app is killed meanwhile).
    let script = dir.path().join("editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'Ayu, written in the editor\\n' > \"$1\"\nsleep 3\n",
    )
    .unwrap();
    let editor = format!("sh {}", script.display());
    let env = [("EDITOR", editor.as_str()), ("VISUAL", "")];
    let mut s = Session::start_with(&["--db", db_arg], 30, 100, &env);
    s.wait_for("Next meeting");
    s.send(b"8");
    s.wait_for("Daniel");
    s.send(b"n");
    s.wait_for("New mentor");
    s.send(b"Ayu");
    s.wait_for("Ayu");
    s.send(b"\x05"); // Ctrl-E on the name
    // The file is in the private folder beside the journal, with the editor's text.
    let folder = dir.path().join(".journal.db.edit");
    let deadline = Instant::now() + Duration::from_secs(20);
    let file = loop {
        let found = std::fs::read_dir(&folder).ok().and_then(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("in the editor")))
        });
        if let Some(file) = found {
            break file;
        }
        assert!(Instant::now() < deadline, "no scratch file in {folder:?}");
        std::thread::sleep(Duration::from_millis(20));
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&file), 0o600);
    }
    s.child.kill().unwrap(); // SIGKILL while the editor is open
    s.wait_exit();
    let mut again = Session::start(&["--db", db_arg], 30, 100);
    again.wait_for("Unsaved draft");
    again.wait_for("Ayu, written in");
    assert!(
        !file.exists(),
        "the file is removed once its text is in the draft"
    );
    again.send(b"r");
    again.wait_for("New mentor");
    again.send(b"\x13");
    again.wait_for("Saved");
    again.send(b"q");
    assert!(again.wait_exit().success());
    let store = Store::open(&db, false).unwrap();
    assert!(
        store
            .mentors()
            .unwrap()
            .iter()
            .any(|m| m.name == "Ayu, written in the editor")
    );
    assert!(store.drafts().unwrap().is_empty());
}
