//! The real binary keeping the promises of issue 12 ("trust"): what it accepts it can import
//! again, outputs never overwrite the journal, read-only commands never create one, failures
//! read as the app's own sentence with nothing raw from a file or an argument.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// `mentee` with the test environment (pinned clock, English, no config, no MENTEE_DB).
fn mentee(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"));
    cmd
}

/// Runs `cmd`, expecting failure with one line on stderr and exit `code`; returns the line.
fn fails(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert_eq!(err.lines().count(), 1, "one error line: {err:?}");
    assert!(err.starts_with("mentee: "), "{err}");
    err
}

fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn add_refuses_a_text_over_the_limit_and_what_it_accepts_imports_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    // 100,000 characters exactly, as 1,000 words (one argument may not exceed 128 KiB).
    let mut words = vec!["é".repeat(99); 1000];
    words[0].push('é');
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["add", "question"])
        .args(&words));
    let over = "x".repeat(110_000);
    let err = fails(
        mentee(dir.path())
            .arg("--db")
            .arg(&db)
            .args(["add", "question", &over]),
        1,
    );
    assert!(
        err.contains("text of 110000 characters is over the limit of 100000"),
        "{err}"
    );
    let err = fails(
        mentee(dir.path()).arg("--db").arg(&db).args([
            "add",
            "commitment",
            "--due",
            "+95005452d",
            "call",
        ]),
        1,
    );
    assert!(err.contains("is outside the supported dates"), "{err}");
    // What was accepted goes out and comes back in.
    let export = dir.path().join("out.json");
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["export", "-o"])
        .arg(&export));
    let copy = dir.path().join("copy.db");
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&copy)
        .arg("import")
        .arg(&export));
    let again = ok(mentee(dir.path()).arg("--db").arg(&copy).arg("export"));
    assert_eq!(again, fs::read_to_string(&export).unwrap());
}
