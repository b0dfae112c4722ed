//! The real binary keeping the promises of issue 12 ("trust"): what it accepts it can import
//! again, outputs never overwrite the journal, read-only commands never create one, and every
//! message reads as the app's own sentence with nothing raw from a file or an argument.
//! (`trust_files.rs` has the journal files the system refuses: locked, read-only, full.)

#[path = "trust/helpers.rs"]
mod helpers;

use std::fs;

use helpers::*;

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

/// A typo in `--db` never creates a journal: read-only commands and a refused import say
/// "no journal at PATH"; only `add` (saying so) and an import that passed create one
/// (issue 12 item 13).
#[test]
fn a_typo_never_creates_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("jurnal.db");
    let bad = dir.path().join("bad.json");
    fs::write(
        &bad,
        r#"{"format": "mentee-journal", "version": 1, "mentors": [{}]}"#,
    )
    .unwrap();
    let good = dir.path().join("good.json");
    ok(mentee(dir.path())
        .args(["--demo", "export", "-o"])
        .arg(&good));
    let commands: [&[&str]; 8] = [
        &["check"],
        &["status"],
        &["export"],
        &["review"],
        &["agenda"],
        &["backup", "copy.db"],
        &["import", "bad.json"],
        &["import", "--dry-run", "good.json"],
    ];
    for args in commands {
        let mut cmd = mentee(dir.path());
        cmd.current_dir(dir.path())
            .arg("--db")
            .arg(&typo)
            .args(args);
        let out = cmd.output().unwrap();
        assert!(!out.status.success() || args[0] == "import", "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        if args != ["import", "--dry-run", "good.json"] && args != ["import", "bad.json"] {
            assert!(err.contains("no journal at "), "{args:?}: {err}");
        }
        assert_eq!(names(dir.path()), ["bad.json", "good.json"], "{args:?}");
    }
    // A good import creates the journal it was asked to fill.
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&typo)
        .arg("import")
        .arg(&good));
    assert!(typo.exists());
    // add creates one too, and says so on stderr (stdout stays the confirmation).
    let fresh = dir.path().join("fresh.db");
    let out = mentee(dir.path())
        .arg("--db")
        .arg(&fresh)
        .args(["add", "question", "Why?"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("created a new journal at "),
        "{out:?}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Question parked in the question bank: Why?\n"
    );
}

/// Paths may be any bytes; text that is not UTF-8 is a clear usage error, exit 2 (item 6).
#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(OsStr::from_bytes(b"j\x9b.db"));
    let out = ok(mentee(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["add", "question", "ok"]));
    assert!(out.contains("Question parked"), "{out}");
    assert!(db.exists());
    let err = fails(
        mentee(dir.path())
            .arg("--db")
            .arg(&db)
            .args(["add", "question"])
            .arg(OsStr::from_bytes(b"a\x9bb")),
        2,
    );
    assert!(err.contains("is not UTF-8 text"), "{err}");
    assert!(!err.contains('\u{9b}'), "{err:?}");
}

/// No error message carries an escape sequence from a file, a key or a path (item 8).
#[test]
fn error_messages_neutralise_what_came_from_files_and_paths() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let evil = dir.path().join("e.json");
    fs::write(
        &evil,
        "{\"format\":\"mentee-journal\",\"version\":1,\"x\\u001b]0;PWNED\\u0007\":[]}",
    )
    .unwrap();
    let config = dir.path().join("c.toml");
    fs::write(&config, "colour\u{1b}[31m = 1\n").unwrap();
    let config2 = dir.path().join("d.toml");
    fs::write(&config2, "\"col\u{1b}]0;x\u{7}\" = 1\n").unwrap();
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec![
            "--db".into(),
            db.clone().into(),
            "import".into(),
            evil.into(),
        ],
        vec![
            "--db".into(),
            dir.path().join("x\u{1b}]0;PWNED\u{7}.db").into(),
            "check".into(),
        ],
        vec![
            "--config".into(),
            config.into(),
            "--db".into(),
            db.clone().into(),
            "status".into(),
        ],
        vec![
            "--config".into(),
            config2.into(),
            "--db".into(),
            db.into(),
            "status".into(),
        ],
    ];
    for args in cases {
        let out = mentee(dir.path()).args(&args).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        // 66: "no journal at PATH" (the path with the escape); 1: the config errors.
        let code = if err.contains("no journal at") { 66 } else { 1 };
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(
            !err.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {err:?}"
        );
        if args.iter().any(|a| a.to_string_lossy().contains("PWNED")) {
            assert!(
                err.contains("\u{241b}]0;PWNED\u{2407}"),
                "shown, not run: {err}"
            );
        }
    }
}

/// `mentee export | head -1` ends quietly with 0; a confirmation that cannot be written
/// after a save says the entry was saved (item 9).
#[test]
fn output_errors_tell_the_truth() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = mentee_std(dir.path())
        .args(["--demo", "export"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let db = journal(dir.path());
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = mentee_std(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["add", "question", "Saved anyway?"])
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("was saved") && err.contains("do not repeat it"),
        "{err}"
    );
    let export = ok(mentee(dir.path()).arg("--db").arg(&db).arg("export"));
    assert!(export.contains("Saved anyway?"));
}

/// `--config missing.toml` is an error, `--config /dev/zero` is refused at once, and an empty
/// `MENTEE_DB` or `MENTEE_CONFIG` means unset (item 13).
#[test]
fn config_and_environment_are_taken_at_their_word() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let err = fails(
        mentee(dir.path())
            .args(["--config", "missing.toml", "--db"])
            .arg(&db)
            .arg("status"),
        1,
    );
    assert!(
        err.contains("missing.toml given with --config does not exist"),
        "{err}"
    );
    let err = fails(
        mentee(dir.path())
            .args(["--config", "/dev/zero", "--db"])
            .arg(&db)
            .arg("status"),
        1,
    );
    assert!(err.contains("is not a regular file"), "{err}");
    // Empty variables are unset: the default journal (in a private home here) is used.
    let home = dir.path().join("home");
    fs::create_dir(&home).unwrap();
    let err = fails(
        mentee(dir.path())
            .env("MENTEE_DB", "")
            .env("MENTEE_CONFIG", "")
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .arg("status"),
        66,
    );
    assert!(
        err.contains("no journal at ") && err.contains("journal.db"),
        "{err}"
    );
}

/// Imports: a byte-order mark is accepted; `/dev/zero` and a huge file are refused at once
/// with a clear message (items 13 and 14).
#[test]
fn import_reads_text_within_a_limit() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let export = ok(mentee(dir.path()).arg("--db").arg(&db).arg("export"));
    let bom = dir.path().join("bom.json");
    fs::write(&bom, format!("\u{feff}{export}")).unwrap();
    let copy = dir.path().join("copy.db");
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&copy)
        .arg("import")
        .arg(&bom));
    let err = fails(
        mentee(dir.path())
            .arg("--db")
            .arg(&db)
            .args(["import", "/dev/zero"]),
        1,
    );
    assert!(err.contains("is not valid JSON"), "{err}");
    let big = dir.path().join("big.json");
    fs::File::create(&big)
        .unwrap()
        .set_len(257 * 1024 * 1024)
        .unwrap();
    let err = fails(
        mentee(dir.path())
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&big),
        1,
    );
    assert!(err.contains("is larger than 256 MiB"), "{err}");
}
