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
        !db.exists(),
        "a dry run writes nothing, not even a new journal"
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
    drop(Store::open(&db, false).unwrap());
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
    drop(Store::open(&db, false).unwrap());
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

fn demo(lang: &str) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("MENTEE_CONFIG", "/nonexistent/x.toml")
        .env("LANG", "C")
        .args(["--demo", "--lang", lang]);
    cmd
}

#[test]
fn markdown_and_calendar_export_in_indonesian() {
    let md = stdout(demo("id").args(["export", "--format", "md"]));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    for expected in [
        "# Jurnal mentoring",
        "## Mentor",
        "## Sasaran",
        "## Pertemuan",
        "## Umpan balik",
        "## Komitmen",
    ] {
        assert!(
            headings.contains(&expected),
            "{expected:?} in {headings:#?}"
        );
    }
    for english in [
        "# Mentoring journal",
        "## Mentors",
        "## Goals",
        "## Meetings",
        "## Feedback",
        "## Commitments",
        "## Gratitude",
        "## Reflections",
        "## Question bank",
    ] {
        assert!(!headings.contains(&english), "{english:?} in {headings:#?}");
    }
    for label in [
        "- **Bertemu setiap:** 14 hari",
        "*terlaksana, 45 menit*",
        "**Agenda**",
    ] {
        assert!(md.contains(label), "missing {label:?} in\n{md}");
    }
    assert!(!md.contains("*held, "), "meeting status printed as a code");
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
    let english = stdout(demo("en").args(["export", "--format", "md"]));
    assert!(english.starts_with("# Mentoring journal\n"));
    assert!(english.contains("*held, 45 minutes*"));

    let ics = stdout(demo("id").args(["export", "--format", "ics"])).replace("\r\n ", "");
    assert!(ics.contains("SUMMARY:Pertemuan mentoring: "), "{ics}");
    assert!(!ics.contains("SUMMARY:Mentoring: "), "{ics}");
}

#[test]
fn import_problems_and_report_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let bad = dir.path().join("bad.json");
    fs::write(
        &bad,
        r#"{"format": "mentee-journal", "version": 1,
            "commitments": [{"uuid": "nope", "created_at": "2026-01-01T00:00:00Z",
              "updated_at": "2026-01-01T00:00:00Z", "owner": "me", "text": "x",
              "due_on": "2026-02-30", "created_on": "2026-01-01"}]}"#,
    )
    .unwrap();
    let stderr = |lang: &str| {
        let out = mentee(&db)
            .args(["--lang", lang, "import"])
            .arg(&bad)
            .assert()
            .failure()
            .get_output()
            .clone();
        String::from_utf8(out.stderr).unwrap()
    };
    let en = stderr("en");
    let id = stderr("id");
    assert!(
        en.contains("the file has 2 problems; nothing was imported:"),
        "{en}"
    );
    assert!(
        en.contains("  commitments[0].uuid: \"nope\" is not a UUID\n"),
        "{en}"
    );
    assert!(
        id.contains("berkas ini punya 2 masalah; tidak ada yang diimpor:"),
        "{id}"
    );
    assert!(
        id.contains("  commitments[0].uuid: \"nope\" bukan UUID\n"),
        "{id}"
    );
    assert!(
        id.contains("  commitments[0].due_on: \"2026-02-30\" bukan tanggal (YYYY-MM-DD)\n"),
        "{id}"
    );
    assert!(!id.contains("is not a"), "{id}");
    let paths = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix("  "))
            .filter_map(|l| l.split(": ").next().map(str::to_string))
            .collect()
    };
    assert_eq!(paths(&en), paths(&id));

    let good = dir.path().join("good.json");
    fs::write(
        &good,
        stdout(demo("id").args(["export", "--include-private"])),
    )
    .unwrap();
    let report = stdout(
        mentee(&db)
            .args(["--lang", "id", "import", "--dry-run"])
            .arg(&good),
    );
    assert!(
        report.starts_with("uji coba: tidak ada yang ditulis\n"),
        "{report}"
    );
    assert!(
        report.contains("meetings: 4 ditambahkan, 0 diperbarui, 0 tidak berubah"),
        "{report}"
    );
    assert!(!report.contains("added"), "{report}");
    stdout(mentee(&db).args(["--lang", "id", "import"]).arg(&good));
    let again = stdout(mentee(&db).args(["--lang", "id", "import"]).arg(&good));
    assert!(
        again.contains("0 ditambahkan, 0 diperbarui, 4 tidak berubah"),
        "{again}"
    );
}

#[test]
fn a_large_import_rebuilds_the_search_index_and_merges() {
    let mut source = Store::open_in_memory().unwrap();
    source
        .transaction(|s| {
            for i in 0..2500 {
                s.save_mentor(&Mentor::new(format!("Imported mentor {i} kopi")))?;
            }
            Ok(())
        })
        .unwrap();
    let text = mentee::transfer::export_json(&source, true).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut target = Store::open(&dir.path().join("j.db"), false).unwrap();
    target
        .save_mentor(&Mentor::new("Already here teh"))
        .unwrap();
    mentee::transfer::import_json(&mut target, &text, false).unwrap();
    let indexed: i64 = target
        .conn()
        .query_row(
            "SELECT count(*) FROM search WHERE search MATCH 'kopi'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexed, 2500, "imported rows are indexed");
    assert_eq!(target.search("kopi", 50).unwrap().len(), 50);
    assert_eq!(
        target.search("teh", 10).unwrap().len(),
        1,
        "existing rows stay indexed"
    );
    target
        .save_mentor(&Mentor::new("After the import susu"))
        .unwrap();
    assert_eq!(
        target.search("susu", 10).unwrap().len(),
        1,
        "the triggers are back"
    );
    let again = mentee::transfer::import_json(&mut target, &text, false).unwrap();
    assert_eq!(again.changed(), 0, "importing twice changes nothing");
    assert_eq!(target.check().unwrap().integrity, ["ok"]);
}

/// The files in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    found
}

/// A journal's settings and schema as a reader sees them: journal mode, page size, user
/// version, application id, encoding, vacuum, every schema entry, the file's permissions.
fn settings_of(path: &Path) -> (Vec<String>, Vec<(String, String)>, u32) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let pragmas = [
        "journal_mode",
        "page_size",
        "user_version",
        "application_id",
        "encoding",
        "auto_vacuum",
    ]
    .iter()
    .map(|p| {
        conn.query_row(&format!("PRAGMA {p}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .map(|v| format!("{p} = {v:?}"))
        .unwrap()
    })
    .collect();
    let mut stmt = conn
        .prepare("SELECT name, coalesce(sql, '') FROM sqlite_master ORDER BY name")
        .unwrap();
    let schema = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mode = fs::metadata(path).unwrap().permissions().mode() & 0o777;
    (pragmas, schema, mode)
}

/// An import into a journal that does not exist builds it aside and renames it into place:
/// the journal it leaves is the one `mentee` creates (write-ahead log, schema, settings,
/// mode 0600) with the file's records, and nothing else is left in the folder — neither
/// after a refused file nor after a good one (issue 19).
#[test]
fn an_import_into_a_new_journal_leaves_the_journal_mentee_creates_and_nothing_else() {
    let mut source = Store::open_in_memory().unwrap();
    source
        .transaction(|s| {
            for i in 0..2500 {
                s.save_mentor(&Mentor::new(format!("Imported mentor {i} kopi")))?;
            }
            Ok(())
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.json");
    fs::write(&file, mentee::transfer::export_json(&source, true).unwrap()).unwrap();
    let bad = dir.path().join("bad.json");
    fs::write(
        &bad,
        r#"{"format": "mentee-journal", "version": 1, "mentors": [{}]}"#,
    )
    .unwrap();
    let normal = dir.path().join("normal.db");
    drop(Store::open(&normal, false).unwrap());
    let folder = dir.path().join("new");
    fs::create_dir(&folder).unwrap();
    let db = folder.join("journal.db");

    mentee(&db).arg("import").arg(&bad).assert().failure();
    assert_eq!(names_in(&folder), Vec::<String>::new());
    mentee(&db)
        .args(["import", "--dry-run"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(names_in(&folder), Vec::<String>::new());

    let report = stdout(mentee(&db).arg("import").arg(&file));
    assert!(report.contains("mentors: 2500 added"), "{report}");
    assert_eq!(names_in(&folder), ["journal.db"]);
    assert_eq!(settings_of(&db), settings_of(&normal));
    assert_eq!(settings_of(&db).0[0], "journal_mode = Text(\"wal\")");
    assert_eq!(settings_of(&db).2, 0o600);
    let store = Store::open_existing(&db).unwrap();
    assert_eq!(store.check().unwrap().integrity, ["ok"]);
    assert_eq!(store.search("kopi", 50).unwrap().len(), 50);
    drop(store);
    assert_eq!(
        stdout(mentee(&db).args(["export", "--include-private"])),
        fs::read_to_string(&file).unwrap()
    );
    let again = stdout(mentee(&db).arg("import").arg(&file));
    assert!(
        again.contains("0 added, 0 updated, 2500 unchanged"),
        "{again}"
    );
}

/// The import reads its file as a stream, yet a file that is not UTF-8 text is still refused
/// as such, wherever the bad byte is (beyond the first bytes looked at, after a JSON error,
/// a character cut by the end of the file), and nothing is imported or created.
#[test]
fn an_import_that_is_not_utf8_is_refused_as_such_wherever_the_byte_is() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.db");
    drop(Store::open(&source, false).unwrap());
    let note = "x".repeat(6_000);
    let good = format!(
        r#"{{"format": "mentee-journal", "version": 1, "mentors": [{{"uuid": "00000000-0000-4000-8000-00000000000a",
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            "name": "Ayu", "research_notes": "{note}"}}]}}"#
    );
    let at = good.find("xxxx").unwrap() + 5_000;
    let latin1 = [&good.as_bytes()[..at], b"\xe9", &good.as_bytes()[at + 1..]].concat();
    let early_error = [b"{\"format\": ]  ", &latin1[..]].concat();
    let cut = [good.as_bytes(), "é".as_bytes().split_at(1).0].concat();
    for (name, bytes) in [("latin1", latin1), ("early", early_error), ("cut", cut)] {
        let file = dir.path().join(format!("{name}.json"));
        fs::write(&file, bytes).unwrap();
        let fresh = dir.path().join(format!("{name}.db"));
        let out = mentee(&fresh)
            .arg("import")
            .arg(&file)
            .assert()
            .failure()
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("is not UTF-8 text"), "{name}: {stderr}");
        assert!(!fresh.exists(), "{name}: a refused import creates nothing");
    }
    // The same file in UTF-8 imports.
    let file = dir.path().join("good.json");
    fs::write(&file, good).unwrap();
    stdout(mentee(&source).arg("import").arg(&file));
}

/// The file of `doc` with its keys in `order` after the header.
fn file_in_order(doc: &serde_json::Value, order: &[&str]) -> String {
    let mut parts = vec![
        format!("\"format\": {}", doc["format"]),
        format!("\"version\": {}", doc["version"]),
    ];
    parts.extend(order.iter().map(|k| format!("\"{k}\": {}", doc[*k])));
    format!("{{{}}}", parts.join(",\n"))
}

/// The export of a journal of 3,000 records (1,500 mentors and a contact with each).
fn large_export(dir: &Path) -> serde_json::Value {
    let db = dir.join("large.db");
    let mut store = Store::open(&db, false).unwrap();
    store
        .transaction(|s| {
            for i in 0..1500 {
                let id = s.save_mentor(&Mentor::new(format!("Mentor {i} kopi")))?;
                let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
                let mut contact = mentee::domain::Contact::new(id, on);
                contact.note = format!("Talked about tea {i}");
                s.save_contact(&contact)?;
            }
            Ok(())
        })
        .unwrap();
    drop(store);
    serde_json::from_str(&stdout(mentee(&db).args(["export", "--include-private"]))).unwrap()
}

/// An import into a new journal writes while it reads (issue 19, sixth pass), yet a file
/// with problems — early, and late after thousands of records were written — is refused
/// with exactly the problems (and exit code) of checking alone, and leaves nothing.
#[test]
fn a_bad_file_into_a_new_journal_leaves_nothing_and_reports_what_checking_alone_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = large_export(dir.path());
    doc["mentors"][2]["name"] = serde_json::json!(42);
    let last = doc["contacts"].as_array().unwrap().len() - 1;
    doc["contacts"][last]["mentor"] = serde_json::json!("0b0e8d4c-2f6e-4a39-9d51-6a1f1f0c2a77");
    doc["contacts"][last - 1]["uuid"] = doc["contacts"][0]["uuid"].clone();
    let order = ["mentors", "contacts"];
    let bad = dir.path().join("bad.json");
    fs::write(&bad, file_in_order(&doc, &order)).unwrap();
    let folder = dir.path().join("new");
    fs::create_dir(&folder).unwrap();
    let db = folder.join("journal.db");
    let run = |dry: bool| {
        let mut cmd = mentee(&db);
        cmd.arg("import");
        if dry {
            cmd.arg("--dry-run"); // checks only: the import as it was before
        }
        let out = cmd.arg(&bad).assert().failure().get_output().clone();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let (alone, written) = (run(true), run(false));
    assert_eq!(written, alone);
    for found in [
        "mentors[2].name",
        "contacts[1498].uuid",
        "contacts[1499].mentor",
    ] {
        assert!(alone.1.contains(found), "{found}: {}", alone.1);
    }
    assert_eq!(names_in(&folder), Vec::<String>::new());
}

/// Files the writing-while-reading import does not handle (a kind given twice, a kind
/// before the one it needs) are imported the usual way: into a new journal they give what
/// they give into a journal that exists.
#[test]
fn into_a_new_journal_any_order_of_kinds_gives_what_an_existing_journal_gets() {
    let dir = tempfile::tempdir().unwrap();
    let doc = large_export(dir.path());
    let files = [
        ("usual", vec!["mentors", "contacts"]),
        ("reordered", vec!["contacts", "mentors"]),
        ("twice", vec!["mentors", "contacts", "mentors"]),
    ];
    for (name, order) in files {
        let file = dir.path().join(format!("{name}.json"));
        fs::write(&file, file_in_order(&doc, &order)).unwrap();
        let new = dir.path().join(format!("{name}-new.db"));
        let existing = dir.path().join(format!("{name}-existing.db"));
        drop(Store::open(&existing, false).unwrap());
        let report = stdout(mentee(&new).arg("import").arg(&file));
        assert_eq!(report, stdout(mentee(&existing).arg("import").arg(&file)));
        assert!(report.contains("contacts: 1500 added"), "{name}: {report}");
        let export = |db: &Path| stdout(mentee(db).args(["export", "--include-private"]));
        assert_eq!(export(&new), export(&existing), "{name}");
        let store = Store::open_existing(&new).unwrap();
        assert_eq!(store.check().unwrap().integrity, ["ok"], "{name}");
        assert_eq!(store.search("tea", 5).unwrap().len(), 5, "{name}");
    }
}
