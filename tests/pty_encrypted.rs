//! The TUI on an encrypted journal, in a real pseudo-terminal (issue 14): the passphrase is
//! asked before the first frame, nothing typed is echoed, a wrong one may be typed again
//! (three tries), and three wrong ones end with one clear line, a non-zero exit and the file
//! byte-identical.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::pty::{Session, find};

/// A journal with a mentor, encrypted with `passphrase` through the binary.
fn encrypted_journal(dir: &Path, passphrase: &str) -> PathBuf {
    let db = dir.join("journal.db");
    let run = |args: &[&str]| {
        let mut cmd = Command::cargo_bin("mentee").unwrap();
        cmd.env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
            .env("MENTEE_NOW", "2026-11-27T09:00")
            .env("LANG", "C")
            .env_remove("MENTEE_PASSPHRASE_COMMAND")
            .env(
                "MENTEE_NEW_PASSPHRASE_COMMAND",
                format!("printf '%s\\n' '{passphrase}'"),
            )
            .arg("--db")
            .arg(&db)
            .args(args)
            .assert()
            .success();
    };
    run(&["add", "question", "Ask about the Borealis offer"]);
    run(&["encrypt"]);
    db
}

/// Waits until the prompt was shown `n` times (the earlier ones stay on screen).
fn prompts(s: &mut Session, n: usize) {
    prompts_in(s, "Passphrase for", n);
}

/// Waits until `prompt` was shown `n` times.
fn prompts_in(s: &mut Session, prompt: &str, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while s.parser.screen().contents().matches(prompt).count() < n {
        assert!(Instant::now() < deadline, "prompt {n} did not show");
        s.pump(Duration::from_millis(50));
    }
}

#[test]
fn the_tui_asks_for_the_passphrase_before_the_first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let db = encrypted_journal(dir.path(), "hunter2 horse");
    let db_arg = db.to_str().unwrap();
    let mut s = Session::start(&["--db", db_arg], 24, 100);
    s.wait_for("Passphrase for");
    assert!(
        !s.parser.screen().alternate_screen(),
        "asked before the terminal is set up"
    );
    s.send(b"not it\r");
    s.wait_for("Wrong passphrase; try again (2 of 3)");
    prompts(&mut s, 2);
    s.send(b"hunter2 horse\r");
    s.wait_for("Be proactive");
    assert!(s.parser.screen().alternate_screen(), "the TUI is up");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    for typed in ["not it", "hunter2"] {
        assert!(
            find(&s.raw, typed.as_bytes()).is_none(),
            "{typed:?} was echoed"
        );
    }
}

#[test]
fn three_wrong_passphrases_end_with_one_clear_line_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = encrypted_journal(dir.path(), "right");
    let before = fs::read(&db).unwrap();
    let mut s = Session::start(&["--db", db.to_str().unwrap()], 24, 100);
    for attempt in 1..=3 {
        prompts(&mut s, attempt);
        s.send(b"wrong\r");
    }
    let status = s.wait_exit();
    assert!(!status.success());
    assert!(
        find(&s.raw, b"wrong passphrase or not a mentee journal").is_some(),
        "{}",
        String::from_utf8_lossy(&s.raw)
    );
    assert!(fs::read(&db).unwrap() == before, "the journal changed");
    // Esc at the prompt gives up at once, also without changing anything.
    let mut s = Session::start(&["--db", db.to_str().unwrap()], 24, 100);
    s.wait_for("Passphrase for");
    s.send(b"\x1b");
    let status = s.wait_exit();
    assert!(!status.success());
    assert!(find(&s.raw, b"no passphrase was given").is_some());
    assert!(fs::read(&db).unwrap() == before, "the journal changed");
}

#[test]
fn a_command_asks_on_the_terminal_without_echo_and_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let db = encrypted_journal(dir.path(), "hunter2 horse");
    let db_arg = db.to_str().unwrap();
    let mut s = Session::start(&["--db", db_arg, "export"], 24, 100);
    s.wait_for("Passphrase for");
    s.send(b"hunter2 horse\r");
    s.wait_for("Borealis");
    assert!(s.wait_exit().success());
    assert!(
        find(&s.raw, b"hunter2").is_none(),
        "the passphrase was echoed"
    );
    assert!(find(&s.raw, b"the export is plain text").is_some());
    // The prompt and a wrong passphrase in Indonesian.
    let before = fs::read(&db).unwrap();
    let mut s = Session::start(&["--db", db_arg, "--lang", "id", "status"], 24, 100);
    for attempt in 1..=3 {
        prompts_in(&mut s, "Frasa sandi untuk", attempt);
        s.send(b"salah\r");
    }
    assert!(!s.wait_exit().success());
    assert!(find(&s.raw, b"frasa sandi salah").is_some());
    assert!(fs::read(&db).unwrap() == before, "the journal changed");
}
