//! Encrypted journals through the real binary (issue 14): `mentee encrypt`, `decrypt` and
//! `passphrase`; the passphrase from `MENTEE_PASSPHRASE_COMMAND`; a wrong or missing one
//! changes nothing and exits non-zero with one clear line; `check`, `backup`, `export` and
//! `import` on an encrypted journal. The TUI's prompt is in `tests/pty_encrypted.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// Text of the demo journal that must never be found in an encrypted file.
/// Each is long enough (11 bytes or more) that ciphertext cannot hold it by
/// chance. A 3-byte needle such as "SQL" turned up in the demo journal's
/// half a megabyte of ciphertext about once in 30 runs and failed CI.
const NEEDLES: &[&str] = &[
    "Daniel Okafor",
    "Sari Wijaya",
    "Improve my SQL",
    "CREATE TABLE",
    "SQLite format 3",
];

fn mentee(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
        .env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env_remove("MENTEE_PASSPHRASE_COMMAND")
        .env_remove("MENTEE_NEW_PASSPHRASE_COMMAND")
        .arg("--db")
        .arg(db);
    cmd
}

/// `mentee` with the journal's passphrase coming from a command.
fn with_pass(db: &Path, passphrase: &str) -> Command {
    let mut cmd = mentee(db);
    cmd.env(
        "MENTEE_PASSPHRASE_COMMAND",
        format!("printf '%s\\n' '{passphrase}'"),
    );
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// Runs `cmd`, expects exit code 1 and one line on stderr; returns it.
fn refused(cmd: &mut Command) -> String {
    let out = cmd.assert().failure().code(1).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    stderr
}

fn contains(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// A journal with every kind of record: the demo's export, private entries included.
fn demo_journal(dir: &Path) -> (PathBuf, String) {
    let json = dir.join("demo.json");
    let mut demo = Command::cargo_bin("mentee").unwrap();
    demo.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("MENTEE_CONFIG", "/nonexistent/x.toml")
        .args(["--demo", "export", "--include-private", "-o"])
        .arg(&json)
        .assert()
        .success();
    let db = dir.join("journal.db");
    mentee(&db).arg("import").arg(&json).assert().success();
    let export = stdout(mentee(&db).args(["export", "--include-private"]));
    fs::remove_file(&json).unwrap();
    (db, export)
}

fn encrypt(db: &Path, passphrase: &str) -> String {
    stdout(
        mentee(db)
            .env(
                "MENTEE_NEW_PASSPHRASE_COMMAND",
                format!("printf '%s\\n' '{passphrase}'"),
            )
            .arg("encrypt"),
    )
}

#[test]
fn an_encrypted_journal_cannot_be_read_without_its_passphrase_and_works_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, export) = demo_journal(dir.path());
    assert!(
        contains(&fs::read(&db).unwrap(), "Daniel Okafor"),
        "plain text before"
    );
    let said = encrypt(&db, "correct horse");
    assert!(said.contains("is now encrypted"), "{said}");
    assert!(said.contains("overwritten with zeros"), "{said}");
    // What `strings` or `sqlite3` would see.
    let bytes = fs::read(&db).unwrap();
    for needle in NEEDLES {
        assert!(
            !contains(&bytes, needle),
            "{needle:?} is readable in the file"
        );
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    assert!(
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r
            .get::<_, i64>(0))
            .is_err(),
        "plain SQLite cannot read it"
    );
    drop(conn);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["journal.db"], "nothing left beside it");
    // With the passphrase from the command, everything works as before.
    let check = stdout(with_pass(&db, "correct horse").arg("check"));
    assert!(check.contains("encryption: SQLCipher 4."), "{check}");
    assert!(check.contains("256000 iterations"), "{check}");
    assert!(check.contains("integrity: ok"), "{check}");
    let status = stdout(with_pass(&db, "correct horse").arg("status"));
    assert!(!status.is_empty());
    let out = with_pass(&db, "correct horse")
        .args(["export", "--include-private"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), export);
    let warning = String::from_utf8(out.stderr).unwrap();
    assert!(warning.contains("the export is plain text"), "{warning}");
    // A plain journal's export says nothing of the kind.
    let plain = dir.path().join("plain.db");
    mentee(&plain)
        .args(["add", "question", "x"])
        .assert()
        .success();
    let out = mentee(&plain)
        .arg("export")
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stderr.is_empty());
    let check = stdout(mentee(&plain).arg("check"));
    assert!(check.contains("encryption: none"), "{check}");
}

#[test]
fn a_wrong_passphrase_changes_nothing_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = demo_journal(dir.path());
    encrypt(&db, "right");
    let before = fs::read(&db).unwrap();
    for args in [vec![], vec!["status"], vec!["check"]] {
        let line = refused(with_pass(&db, "wrong").args(&args));
        assert!(
            line.contains("wrong passphrase or not a mentee journal"),
            "{args:?}: {line}"
        );
        assert!(
            fs::read(&db).unwrap() == before,
            "{args:?}: the file changed"
        );
    }
    let line = refused(with_pass(&db, "wrong").args(["--lang", "id", "status"]));
    assert!(line.contains("frasa sandi salah"), "{line}");
    // No terminal and no command: a clear error, not a hang.
    let line = refused(mentee(&db).arg("status"));
    assert!(line.contains("MENTEE_PASSPHRASE_COMMAND"), "{line}");
    assert!(line.contains("left untouched"), "{line}");
    // A failing command.
    let line = refused(
        mentee(&db)
            .env("MENTEE_PASSPHRASE_COMMAND", "exit 3")
            .arg("status"),
    );
    assert!(line.contains("MENTEE_PASSPHRASE_COMMAND failed"), "{line}");
    assert!(fs::read(&db).unwrap() == before);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["journal.db"], "nothing created beside it");
}

#[test]
fn encrypt_then_decrypt_round_trips_to_an_identical_export() {
    let dir = tempfile::tempdir().unwrap();
    let (db, export) = demo_journal(dir.path());
    encrypt(&db, "pw");
    let said = stdout(with_pass(&db, "pw").arg("decrypt"));
    assert!(said.contains("is now a plain SQLite file"), "{said}");
    assert!(contains(&fs::read(&db).unwrap(), "SQLite format 3"));
    assert_eq!(
        stdout(mentee(&db).args(["export", "--include-private"])),
        export
    );
    // Nothing to do twice, in either direction.
    let line = refused(mentee(&db).arg("decrypt"));
    assert!(line.contains("is not encrypted"), "{line}");
    encrypt(&db, "pw");
    let line = refused(
        with_pass(&db, "pw")
            .env("MENTEE_NEW_PASSPHRASE_COMMAND", "echo other")
            .arg("encrypt"),
    );
    assert!(line.contains("already encrypted"), "{line}");
    // The demo has no file.
    let mut demo = Command::cargo_bin("mentee").unwrap();
    let out = demo
        .env("MENTEE_CONFIG", "/nonexistent/x.toml")
        .args(["--demo", "encrypt"])
        .assert()
        .failure()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("demo journal")
    );
}

#[test]
fn a_new_passphrase_replaces_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let (db, export) = demo_journal(dir.path());
    encrypt(&db, "old one");
    let said = stdout(
        with_pass(&db, "old one")
            .env("MENTEE_NEW_PASSPHRASE_COMMAND", "printf 'new one\\n'")
            .arg("passphrase"),
    );
    assert!(said.contains("passphrase of"), "{said}");
    let line = refused(with_pass(&db, "old one").arg("status"));
    assert!(line.contains("wrong passphrase"), "{line}");
    assert_eq!(
        stdout(with_pass(&db, "new one").args(["export", "--include-private"])),
        export
    );
    // An empty new passphrase, or none at all, changes nothing.
    let before = fs::read(&db).unwrap();
    let line = refused(
        with_pass(&db, "new one")
            .env("MENTEE_NEW_PASSPHRASE_COMMAND", "printf '\\n'")
            .arg("passphrase"),
    );
    assert!(line.contains("no passphrase"), "{line}");
    let line = refused(with_pass(&db, "new one").arg("passphrase"));
    assert!(line.contains("MENTEE_NEW_PASSPHRASE_COMMAND"), "{line}");
    assert!(fs::read(&db).unwrap() == before);
}

#[test]
fn backup_stays_encrypted_and_import_works_on_an_encrypted_journal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    mentee(&db)
        .args(["add", "question", "Is the Borealis offer worth it?"])
        .assert()
        .success();
    encrypt(&db, "pw");
    let copy = dir.path().join("copy.db");
    with_pass(&db, "pw")
        .arg("backup")
        .arg(&copy)
        .assert()
        .success();
    let bytes = fs::read(&copy).unwrap();
    assert!(!contains(&bytes, "Borealis") && !contains(&bytes, "SQLite format 3"));
    let export = stdout(with_pass(&copy, "pw").arg("export"));
    assert!(
        export.contains("Borealis"),
        "the copy opens with the passphrase"
    );
    // Import into the encrypted journal.
    let json = dir.path().join("more.json");
    let mut demo = Command::cargo_bin("mentee").unwrap();
    demo.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("MENTEE_CONFIG", "/nonexistent/x.toml")
        .args(["--demo", "export", "-o"])
        .arg(&json)
        .assert()
        .success();
    with_pass(&db, "pw")
        .arg("import")
        .arg(&json)
        .assert()
        .success();
    let bytes = fs::read(&db).unwrap();
    assert!(!contains(&bytes, "Daniel Okafor") && !contains(&bytes, "Borealis"));
    let export = stdout(with_pass(&db, "pw").arg("export"));
    assert!(export.contains("Rina") && export.contains("Borealis"));
    // Quick capture too.
    with_pass(&db, "pw")
        .args(["add", "question", "Zanzibar?"])
        .assert()
        .success();
    assert!(!contains(&fs::read(&db).unwrap(), "Zanzibar"));
}

#[test]
fn check_says_whether_the_journal_is_encrypted_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    mentee(&db)
        .args(["add", "question", "Is the Borealis offer worth it?"])
        .assert()
        .success();
    let json = |cmd: &mut Command| -> serde_json::Value {
        serde_json::from_str(&stdout(cmd.args(["check", "--format", "json"]))).unwrap()
    };
    assert_eq!(json(&mut mentee(&db))["encrypted"], false);
    encrypt(&db, "pw");
    let report = json(&mut with_pass(&db, "pw"));
    assert_eq!(report["encrypted"], true);
    assert_eq!(report["ok"], true);
    let check = stdout(with_pass(&db, "pw").args(["--lang", "id", "check"]));
    assert!(check.contains("enkripsi: SQLCipher 4."), "{check}");
    // The demo lives in memory, never encrypted.
    let mut demo = Command::cargo_bin("mentee").unwrap();
    demo.env("MENTEE_CONFIG", "/nonexistent/x.toml")
        .args(["--demo", "check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&mut demo)).unwrap();
    assert_eq!(report["encrypted"], false);
}

#[test]
fn a_journal_open_elsewhere_is_not_converted_and_exits_with_75() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    mentee(&db)
        .args(["add", "question", "Is the Borealis offer worth it?"])
        .assert()
        .success();
    // Another program (another mentee) has the journal open.
    let other = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = other
        .query_row("SELECT count(*) FROM questions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    let before = fs::read(&db).unwrap();
    let out = mentee(&db)
        .env("MENTEE_NEW_PASSPHRASE_COMMAND", "printf 'pw\\n'")
        .arg("encrypt")
        .assert()
        .failure()
        .code(75)
        .get_output()
        .clone();
    let line = String::from_utf8(out.stderr).unwrap();
    assert!(line.contains("close it and try again"), "{line}");
    assert!(fs::read(&db).unwrap() == before, "the journal changed");
    drop(other);
    assert!(encrypt(&db, "pw").contains("is now encrypted"));
}

#[test]
fn only_the_first_line_of_the_command_counts_and_no_argument_takes_a_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    mentee(&db)
        .args(["add", "question", "Is the Borealis offer worth it?"])
        .assert()
        .success();
    encrypt(&db, "pw");
    let export = stdout(
        mentee(&db)
            .env("MENTEE_PASSPHRASE_COMMAND", "printf 'pw\\nnot it\\n'")
            .arg("export"),
    );
    assert!(export.contains("Borealis"));
    // A passphrase on the command line would be seen by `ps` and kept in the shell history:
    // there is no option for it, anywhere.
    for args in [
        vec!["--passphrase", "pw", "status"],
        vec!["status", "--passphrase", "pw"],
        vec!["status", "--key", "pw"],
    ] {
        mentee(&db).args(&args).assert().failure().code(2);
    }
}
