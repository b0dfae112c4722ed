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

/// A journal with a few records, made by `mentee add` (which creates it).
fn journal(dir: &Path) -> std::path::PathBuf {
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

/// Every output path refuses the journal, its own files and anything that is not a regular
/// file, with one clear line, exit 1, and the journal byte-identical (issue 12 item 1).
#[test]
fn no_output_ever_replaces_the_journal_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let before = fs::read(&db).unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let link = dir.path().join("link.json");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let targets: Vec<(std::path::PathBuf, &str)> = vec![
        (db.clone(), "is the journal itself"),
        (dir.path().join(".").join("j.db"), "is the journal itself"),
        (link, "is the journal itself"),
        (dir.path().join("j.db-wal"), "belongs to the journal"),
        (dir.path().join("j.db-shm"), "belongs to the journal"),
        (
            dir.path().join("j.db.before-v5.bak"),
            "belongs to the journal",
        ),
        (fifo.clone(), "is not a regular file"),
        (dir.path().to_path_buf(), "is not a regular file"),
    ];
    let commands: [&[&str]; 6] = [
        &["export", "-o"],
        &["export", "--format", "md", "-o"],
        &["export", "--format", "ics", "-o"],
        &["agenda", "-o"],
        &["review", "-o"],
        &["backup"],
    ];
    for (target, want) in &targets {
        for args in commands {
            let err = fails(
                mentee(dir.path())
                    .arg("--db")
                    .arg(&db)
                    .args(args)
                    .arg(target),
                1,
            );
            assert!(err.contains(want), "{args:?} {}: {err}", target.display());
            assert_eq!(
                fs::read(&db).unwrap(),
                before,
                "{args:?} {}",
                target.display()
            );
        }
    }
    assert!(
        !fs::metadata(&fifo).unwrap().is_file(),
        "the FIFO is still one"
    );
    // A new file, and an existing file of the user's, are fine; the output is private.
    let review = dir.path().join("review.md");
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["review", "-o"])
        .arg(&review));
    assert!(
        fs::read_to_string(&review)
            .unwrap()
            .starts_with("# Review of the week")
    );
    let agenda = dir.path().join("agenda.json");
    ok(mentee(dir.path())
        .args(["--demo", "agenda", "--format", "json", "-o"])
        .arg(&agenda));
    assert!(fs::read_to_string(&agenda).unwrap().contains("\"items\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&review).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

/// `export -o` to a valid 255-byte file name works: the temporary file beside it has a short
/// name of its own (issue 12 item 15).
#[test]
fn export_to_a_255_byte_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let target = dir.path().join(format!("{}.json", "e".repeat(250)));
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["export", "-o"])
        .arg(&target));
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .contains("How did you decide?")
    );
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
