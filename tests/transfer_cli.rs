//! `mentee export`, `import` and `backup` through the real binary, and a backup taken while
//! another connection keeps writing.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use assert_cmd::Command;
use mentee::domain::Mentor;
use mentee::store::Store;

fn mentee(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
        .env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .arg("--db")
        .arg(db);
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn export_import_round_trip_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let demo_json = dir.path().join("demo.json");
    // The demo journal, exported with private entries, is the source.
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("MENTEE_CONFIG", "/nonexistent/x.toml");
    cmd.args(["--demo", "export", "--include-private", "-o"])
        .arg(&demo_json)
        .assert()
        .success();
    assert_eq!(
        fs::metadata(&demo_json).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let db = dir.path().join("journal.db");
    let dry = stdout(mentee(&db).args(["import", "--dry-run"]).arg(&demo_json));
    assert!(dry.contains("dry run") || dry.contains("would"), "{dry}");
    assert!(
        stdout(mentee(&db).arg("check")).contains("records: 0"),
        "a dry run writes nothing"
    );

    stdout(mentee(&db).arg("import").arg(&demo_json));
    let again = stdout(mentee(&db).arg("import").arg(&demo_json));
    assert!(again.contains("unchanged"), "{again}");
    let exported = stdout(mentee(&db).args(["export", "--include-private"]));
    assert_eq!(
        exported,
        fs::read_to_string(&demo_json).unwrap(),
        "lossless round trip"
    );

    let public = stdout(mentee(&db).arg("export"));
    assert!(
        !public.contains("Improve my SQL"),
        "private goals stay out by default"
    );
    let md = stdout(mentee(&db).args(["export", "--format", "md"]));
    assert!(md.contains("# Mentoring journal"));
    let ics = stdout(mentee(&db).args(["export", "--format", "ics"]));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
}

#[test]
fn a_broken_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    mentee(&db).arg("check").assert().success();
    let before = stdout(mentee(&db).args(["export", "--include-private"]));
    let bad = dir.path().join("bad.json");
    fs::write(
        &bad,
        r#"{"format": "mentee-journal", "version": 1, "commitments": [{"uuid": "nope"}]}"#,
    )
    .unwrap();
    let out = mentee(&db)
        .arg("import")
        .arg(&bad)
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("commitments[0]"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(
        stdout(mentee(&db).args(["export", "--include-private"])),
        before
    );
    let out = mentee(&db)
        .arg("import")
        .arg(dir.path().join("missing.json"))
        .assert()
        .failure()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("cannot read")
    );
}

#[test]
fn backup_refuses_to_overwrite_and_writes_a_private_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    mentee(&db).arg("check").assert().success();
    let copy = dir.path().join("copy.db");
    stdout(mentee(&db).arg("backup").arg(&copy));
    assert_eq!(
        fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let out = mentee(&db)
        .arg("backup")
        .arg(&copy)
        .assert()
        .failure()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("already exists")
    );
    assert!(stdout(mentee(&copy).arg("check")).contains("integrity: ok"));
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let store = Store::open(&db, false).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, stop) = (db.clone(), stop.clone());
        thread::spawn(move || {
            let other = Store::open(&db, false).unwrap();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                other
                    .save_mentor(&Mentor::new(format!("Mentor {n}")))
                    .unwrap();
                n += 1;
            }
            n
        })
    };
    for i in 0..5 {
        let copy = dir.path().join(format!("copy{i}.db"));
        store.backup_to(&copy).unwrap();
        let copy = Store::open(&copy, false).unwrap();
        let report = copy.check().unwrap();
        assert_eq!(report.integrity, ["ok"]);
        let mentors = report
            .counts
            .0
            .iter()
            .find(|(k, _)| *k == "mentors")
            .unwrap()
            .1;
        let indexed: i64 = copy
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE kind = 'mentor'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(mentors, indexed, "the copy is one consistent snapshot");
    }
    stop.store(true, Ordering::Relaxed);
    assert!(writer.join().unwrap() > 0);
}
