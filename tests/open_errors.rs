//! The real binary facing bad journal files: one clear line on stderr, a non-zero exit, the
//! file byte-for-byte unchanged — both for the TUI and for a subcommand. A new journal is 0600.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command;

fn mentee() -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
        .env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env_remove("MENTEE_DB");
    cmd
}

/// Runs mentee on `path` (TUI and `check`) and checks the refusal.
fn refused(path: &Path, expect: &str) {
    let before = fs::read(path).unwrap();
    for args in [
        vec!["--db", path.to_str().unwrap()],
        vec!["--db", path.to_str().unwrap(), "check"],
    ] {
        let out = mentee()
            .args(&args)
            .assert()
            .failure()
            .code(1)
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
        assert!(stderr.starts_with("mentee: "), "{stderr}");
        assert!(stderr.contains(expect), "{args:?}: {stderr}");
        assert!(
            out.stdout.is_empty(),
            "nothing drawn, the terminal untouched"
        );
        assert_eq!(
            fs::read(path).unwrap(),
            before,
            "byte-identical after {args:?}"
        );
    }
}

fn make_journal(path: &Path) {
    mentee()
        .args(["--db", path.to_str().unwrap(), "add", "question", "x"])
        .assert()
        .success();
}

#[test]
fn a_random_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    fs::write(&path, "Dear diary, today I met my mentor.\n".repeat(50)).unwrap();
    refused(
        &path,
        "is not a mentee journal (it is not an SQLite database)",
    );
}

#[test]
fn a_newer_journal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    make_journal(&path);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 42).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let _ = fs::remove_file(dir.path().join("newer.db-wal"));
    let _ = fs::remove_file(dir.path().join("newer.db-shm"));
    refused(&path, "was written by a newer mentee (journal version 42");
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("music.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (x);")
        .unwrap();
    refused(&path, "is an SQLite database but not a mentee journal");
}

#[test]
fn a_missing_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/journal.db");
    let out = mentee()
        .args(["--db", path.to_str().unwrap(), "add", "question", "x"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!path.parent().unwrap().exists());
}

#[test]
fn a_new_journal_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    make_journal(&path);
    let out = mentee()
        .args(["--db", path.to_str().unwrap(), "check"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("integrity: ok"), "{stdout}");
    let version = format!("schema version: {}", mentee::store::migrate::LATEST_VERSION);
    assert!(stdout.contains(&version), "{stdout}");
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn mentee_db_environment_variable_selects_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("env.db");
    mentee()
        .env("MENTEE_DB", &path)
        .args(["add", "question", "x"])
        .assert()
        .success();
    assert!(path.exists());
}

#[test]
fn the_demo_never_touches_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.db");
    let out = mentee()
        .args(["--db", path.to_str().unwrap(), "--demo", "check"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("demo, in memory")
    );
    assert!(
        !path.exists(),
        "--demo never creates or opens the user's file"
    );
}

#[test]
fn version_help_and_bad_language() {
    let version = mentee()
        .arg("--version")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(version).unwrap().contains("mentee 0.1.0"));
    let help = mentee()
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(help).unwrap().contains("--demo"));
    let out = mentee()
        .args(["--lang", "fr", "check"])
        .assert()
        .failure()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("[possible values: en, id]")
    );
}

#[test]
fn a_bad_config_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, "theme = \"neon\"\n").unwrap();
    let out = mentee()
        .env("MENTEE_CONFIG", &config)
        .args(["--demo", "check"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "theme = \"neon\" is not accepted; use \"dark\", \"light\" or \"high-contrast\""
        ),
        "{stderr}"
    );
}

#[test]
fn errors_speak_indonesian_with_lang_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    fs::write(&path, "bukan jurnal".repeat(20)).unwrap();
    let out = mentee()
        .args(["--lang", "id", "--db", path.to_str().unwrap(), "check"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("bukan jurnal mentee"), "{stderr}");
    let config = dir.path().join("config.toml");
    fs::write(&config, "language = \"id\"\nweek_start = \"someday\"\n").unwrap();
    let out = mentee()
        .env("MENTEE_CONFIG", &config)
        .env("LANG", "id_ID.UTF-8")
        .args(["--demo", "check"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("tidak diterima"), "{stderr}");
}

#[test]
fn help_speaks_indonesian_with_lang_id() {
    let out = mentee()
        .args(["--lang", "id", "--help"])
        .assert()
        .success()
        .get_output()
        .clone();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("Pemakaian:") && help.contains("Jurnal mentoring pribadi"),
        "{help}"
    );
    let out = mentee()
        .env("LANG", "id_ID.UTF-8")
        .args(["add", "--help"])
        .assert()
        .success()
        .get_output()
        .clone();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Catat cepat"), "$LANG is enough: {help}");
    let out = mentee()
        .args(["--help"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stdout).unwrap().contains("Usage:"),
        "English stays English"
    );
}
