//! Helpers shared by the binary tests of issue 12 (`trust_cli.rs`, `trust_files.rs`):
//! the binary with a test environment, and small assertions on its output.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// `mentee` with the test environment (pinned clock, English, no config, no MENTEE_DB).
pub fn mentee(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"));
    cmd
}

/// [`mentee`] as a plain `std::process::Command` (to wire its standard streams).
pub fn mentee_std(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("mentee"));
    cmd.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"));
    cmd
}

/// Runs `cmd`, expecting failure with one line on stderr and exit `code`; returns the line.
pub fn fails(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert_eq!(err.lines().count(), 1, "one error line: {err:?}");
    assert!(err.starts_with("mentee: "), "{err}");
    err
}

pub fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A journal with a few records, made by `mentee add` (which creates it).
pub fn journal(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("j.db");
    ok(mentee(dir)
        .arg("--db")
        .arg(&db)
        .args(["add", "question", "How did you decide?"]));
    ok(mentee(dir)
        .arg("--db")
        .arg(&db)
        .args(["add", "--private", "goal", "Secret goal"]));
    db
}

pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
