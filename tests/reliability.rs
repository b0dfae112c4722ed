//! The promises of docs/RELIABILITY.md, each proven here: nothing acknowledged is lost when a
//! process is killed, an import is all-or-nothing, drafts survive a crash, a panic restores
//! the terminal, bad files are refused untouched, two instances share a journal, and user text
//! never reaches the terminal raw.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::pty::{Session, find};
use mentee::domain::{Mentor, Question};
use mentee::store::Store;

fn mentee() -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
        .env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env_remove("MENTEE_DB");
    cmd
}

/// Re-runs this test binary as a child that executes one `#[ignore]`d helper test.
fn child(helper: &str, db: &Path, extra: &[(&str, &str)]) -> StdCommand {
    let mut cmd = StdCommand::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        helper,
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("MENTEE_CHILD_DB", db)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd
}

/// Child: saves questions one by one, printing `ack N` after each save returned.
#[test]
#[ignore = "run as a child process by killed_mid_stream_loses_no_acknowledged_save"]
fn child_save_stream() {
    let Ok(db) = std::env::var("MENTEE_CHILD_DB") else {
        return;
    };
    let store = Store::open(Path::new(&db), false).unwrap();
    for n in 0.. {
        let q = Question {
            id: 0,
            uuid: String::new(),
            text: format!("question {n}"),
            mentor_id: None,
            agenda_item_id: None,
            private: false,
        };
        store.save_question(&q).unwrap();
        println!("ack {n}");
    }
}

#[test]
fn killed_mid_stream_loses_no_acknowledged_save() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    Store::open(&db, false).unwrap();
    let mut proc = child("child_save_stream", &db, &[]).spawn().unwrap();
    let mut lines = BufReader::new(proc.stdout.take().unwrap()).lines();
    let mut last_ack = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("ack ") {
            last_ack = Some(n.parse::<i64>().unwrap());
            if last_ack >= Some(200) {
                break;
            }
        }
    }
    proc.kill().unwrap(); // SIGKILL
    proc.wait().unwrap();
    let last_ack = last_ack.expect("the child acknowledged saves");
    let store = Store::open(&db, false).unwrap();
    let report = store.check().unwrap();
    assert_eq!(report.integrity, ["ok"]);
    let saved: Vec<String> = store
        .open_questions(1_000_000)
        .unwrap()
        .into_iter()
        .map(|q| q.text)
        .collect();
    for n in 0..=last_ack {
        assert!(
            saved.contains(&format!("question {n}")),
            "acknowledged save {n} is in the file"
        );
    }
}

/// Child: imports the file in MENTEE_IMPORT, printing `start` first.
#[test]
#[ignore = "run as a child process by killed_during_import_leaves_the_journal_as_it_was"]
fn child_import() {
    let Ok(db) = std::env::var("MENTEE_CHILD_DB") else {
        return;
    };
    let text = fs::read_to_string(std::env::var("MENTEE_IMPORT").unwrap()).unwrap();
    let mut store = Store::open(Path::new(&db), false).unwrap();
    println!("start");
    mentee::transfer::import_json(&mut store, &text, false).unwrap();
    println!("done");
}

/// A large import document: many mentors with goals, built through the store and exported.
fn big_export(dir: &Path) -> std::path::PathBuf {
    let mut store = Store::open_in_memory().unwrap();
    store
        .transaction(|s| {
            for i in 0..4000 {
                let id = s.save_mentor(&Mentor::new(format!("Mentor {i}")))?;
                let mut g = mentee::domain::Goal::new(format!("Goal {i} with some words to index"));
                g.mentor_id = Some(id);
                s.save_goal(&g)?;
            }
            Ok(())
        })
        .unwrap();
    let path = dir.join("big.json");
    fs::write(&path, mentee::transfer::export_json(&store, true).unwrap()).unwrap();
    path
}

#[test]
fn killed_during_import_leaves_the_journal_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = big_export(dir.path());
    let db = dir.path().join("journal.db");
    {
        let store = Store::open(&db, false).unwrap();
        store.save_mentor(&Mentor::new("Already here")).unwrap();
    }
    let before = mentee::transfer::export_json(&Store::open(&db, false).unwrap(), true).unwrap();
    // The journal with the whole import in it, for a kill that lands after the commit.
    let after = {
        let whole = dir.path().join("whole.db");
        fs::copy(&db, &whole).unwrap();
        let mut store = Store::open(&whole, false).unwrap();
        let text = fs::read_to_string(&file).unwrap();
        mentee::transfer::import_json(&mut store, &text, false).unwrap();
        mentee::transfer::export_json(&store, true).unwrap()
    };
    let mut killed_mid_import = 0;
    for delay_ms in [5u64, 20, 60] {
        let mut proc = child(
            "child_import",
            &db,
            &[("MENTEE_IMPORT", file.to_str().unwrap())],
        )
        .spawn()
        .unwrap();
        let mut out = BufReader::new(proc.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("start") {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        proc.kill().unwrap();
        proc.wait().unwrap();
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut rest);
        let store = Store::open(&db, false).unwrap();
        assert_eq!(store.check().unwrap().integrity, ["ok"]);
        let now = mentee::transfer::export_json(&store, true).unwrap();
        if rest.contains("done") || now != before {
            // Finished, or killed between the commit and saying so: all of it is there.
            assert!(
                now == after,
                "killed after {delay_ms} ms: a part of the import"
            );
            return;
        }
        assert_eq!(
            now, before,
            "killed after {delay_ms} ms: the journal is exactly as before"
        );
        killed_mid_import += 1;
    }
    assert!(killed_mid_import > 0);
}

/// The real binary importing into a journal that does not exist, killed at several points:
/// there is never a journal at the path until it is complete — what a kill leaves is at most
/// the hidden file the journal was being built in (`.journal.db.import-<pid>`), and the
/// import runs again as if nothing had happened, removing those files (issue 19).
#[test]
fn killed_during_an_import_into_a_new_journal_leaves_no_journal() {
    let dir = tempfile::tempdir().unwrap();
    let file = big_export(dir.path());
    let folder = dir.path().join("new");
    fs::create_dir(&folder).unwrap();
    let db = folder.join("journal.db");
    let binary = assert_cmd::cargo::cargo_bin("mentee");
    let mut killed = 0;
    for delay_ms in [100u64, 300, 700, 1200, 2000] {
        let mut proc = StdCommand::new(&binary)
            .env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
            .env("MENTEE_NOW", "2026-11-27T09:00")
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let pid = proc.id();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let finished = proc.try_wait().unwrap().is_some();
        let _ = proc.kill();
        proc.wait().unwrap();
        if finished {
            break;
        }
        if db.exists() {
            // The kill came after the journal was put in place (between `try_wait` and
            // `kill`): what is there must then be the whole import, never a part.
            let store = Store::open_existing(&db).unwrap();
            assert_eq!(
                mentee::transfer::export_json(&store, true).unwrap(),
                fs::read_to_string(&file).unwrap(),
                "killed after {delay_ms} ms: a journal appeared, so it is complete"
            );
            break;
        }
        killed += 1;
        let left: Vec<String> = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let aside = format!(".journal.db.import-{pid}");
        assert!(
            left.iter().all(|n| n.starts_with(&aside)),
            "killed after {delay_ms} ms: {left:?}"
        );
    }
    assert!(killed > 0, "the import was never killed half-way");
    // The next import clears what the killed ones left.
    mentee()
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .success();
    let left: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".journal.db.import-"))
        .collect();
    assert_eq!(left, Vec::<String>::new());
    let store = Store::open_existing(&db).unwrap();
    assert_eq!(store.check().unwrap().integrity, ["ok"]);
    assert_eq!(
        mentee::transfer::export_json(&store, true).unwrap(),
        fs::read_to_string(&file).unwrap()
    );
}

#[test]
fn a_draft_survives_a_killed_process_and_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    {
        let store = Store::open(&db, false).unwrap();
        store.save_mentor(&Mentor::new("Daniel")).unwrap();
    }
    let db_arg = db.to_str().unwrap();
    let mut s = Session::start(&["--db", db_arg], 30, 100);
    s.wait_for("Next meeting");
    s.send(b"8");
    s.wait_for("Find the right mentor");
    s.send(b"n");
    s.wait_for("New mentor");
    s.send("Ayu Lestari, met at PyCon".as_bytes());
    s.wait_for("met at PyCon");
    s.child.kill().unwrap(); // SIGKILL: no chance to clean up
    s.wait_exit();
    let mut again = Session::start(&["--db", db_arg], 30, 100);
    again.wait_for("Unsaved draft");
    // The offer names the form and what it holds.
    again.wait_for("An unsaved mentor");
    again.wait_for("Ayu Lestari");
    again.send(b"r");
    again.wait_for("New mentor");
    again.send(b"\x13"); // Ctrl-S saves the restored text
    again.wait_for("Saved");
    again.send(b"q");
    assert!(again.wait_exit().success());
    let store = Store::open(&db, false).unwrap();
    assert!(
        store
            .mentors()
            .unwrap()
            .iter()
            .any(|m| m.name == "Ayu Lestari, met at PyCon")
    );
    assert!(store.drafts().unwrap().is_empty());
}

#[test]
fn a_panic_restores_the_terminal_and_exits_non_zero() {
    let mut s = Session::start_with(&["--demo"], 24, 80, &[("MENTEE_TEST_PANIC", "1")]);
    let status = s.wait_exit();
    assert!(!status.success(), "non-zero exit after a panic");
    let enter = find(&s.raw, b"\x1b[?1049h").expect("the app had entered the alternate screen");
    let leave = find(&s.raw, b"\x1b[?1049l").expect("and left it");
    assert!(leave > enter);
    assert!(
        find(&s.raw, b"\x1b[?25h").unwrap() > enter,
        "cursor shown again"
    );
    assert!(!s.parser.screen().alternate_screen());
    let text = String::from_utf8_lossy(&s.raw);
    assert!(text.contains("mentee crashed"), "the message is printed");
    assert!(text.contains("test fault"), "with what happened");
}

#[test]
fn a_truncated_journal_is_refused_by_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    {
        let store = Store::open(&db, false).unwrap();
        for i in 0..300 {
            store
                .save_mentor(&Mentor::new(format!("Mentor {i} {}", "x".repeat(200))))
                .unwrap();
        }
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .unwrap();
    }
    let bytes = fs::read(&db).unwrap();
    fs::write(&db, &bytes[..bytes.len() / 3]).unwrap();
    let cut = fs::read(&db).unwrap();
    let out = mentee()
        .args(["--db", db.to_str().unwrap(), "check"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("is damaged"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
    assert_eq!(fs::read(&db).unwrap(), cut, "untouched");
}

#[test]
fn a_corrupted_page_is_reported_not_crashed_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    {
        let store = Store::open(&db, false).unwrap();
        for i in 0..300 {
            store
                .save_mentor(&Mentor::new(format!("Mentor {i} {}", "x".repeat(200))))
                .unwrap();
        }
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .unwrap();
    }
    let mut bytes = fs::read(&db).unwrap();
    // Scribble over a page in the middle (the header stays valid).
    let page = 4096 * 10;
    for b in &mut bytes[page..page + 4096] {
        *b = 0xA5;
    }
    fs::write(&db, &bytes).unwrap();
    let out = mentee()
        .args(["--db", db.to_str().unwrap(), "check"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("damaged") || stderr.contains("malformed"),
        "{stderr}"
    );
}

#[test]
fn a_read_only_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    fs::create_dir(&folder).unwrap();
    let db = folder.join("journal.db");
    Store::open(&db, false).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o500)).unwrap();
    let before = fs::read(&db).unwrap();
    let out = mentee()
        .args(["--db", db.to_str().unwrap(), "check"])
        .assert()
        .failure()
        .get_output()
        .clone();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read(&db).unwrap(), before);
}

#[test]
fn a_journal_locked_beyond_the_busy_timeout_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    Store::open(&db, false).unwrap();
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE mentors SET name = name;",
        )
        .unwrap();
    // The real binary, its busy timeout shortened from 5 s (a debug-build-only knob).
    let timeout = Duration::from_millis(300);
    let started = Instant::now();
    let out = mentee()
        .env(
            "MENTEE_TEST_BUSY_TIMEOUT_MS",
            timeout.as_millis().to_string(),
        )
        .args(["--db", db.to_str().unwrap(), "check"])
        .assert()
        .failure()
        .get_output()
        .clone();
    assert!(
        started.elapsed() >= timeout,
        "it waited for the busy timeout first"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("locked by another program"), "{stderr}");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    // Unlocked, the same command succeeds.
    mentee()
        .args(["--db", db.to_str().unwrap(), "check"])
        .assert()
        .success();
}

#[test]
fn two_instances_share_a_journal_without_lock_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let store = Store::open(&db, false).unwrap();
    store.save_mentor(&Mentor::new("Daniel")).unwrap();
    let mut app = mentee::tui::App::new(
        store,
        mentee::config::Config::default(),
        mentee::i18n::Lang::En,
        mentee::domain::Clock::Fixed(common::now()),
        mentee::tui::theme::Theme::new(mentee::config::Theme::Dark, false),
        false,
    )
    .unwrap();
    common::key(&mut app, '6');
    for i in 0..15 {
        let out = mentee()
            .args([
                "--db",
                db.to_str().unwrap(),
                "add",
                "thanks",
                "--mentor",
                "dan",
                &format!("thanks number {i}"),
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains("locked"));
        // The TUI keeps reading and drawing in between.
        common::key(&mut app, 'j');
        common::draw(&mut app, 80, 24);
    }
    common::key(&mut app, '1');
    common::key(&mut app, '6');
    assert_eq!(
        app.views.gratitude.list.rows().len(),
        15,
        "the TUI shows the new records on reload"
    );
}

#[test]
fn escape_sequences_are_neutralised_on_screen_and_in_cli_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let db_arg = db.to_str().unwrap();
    let evil = "pwn\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{202e}gnp.exe\u{200b}!";
    mentee()
        .args(["--db", db_arg, "add", "goal", evil])
        .assert()
        .success();
    mentee()
        .args(["--db", db_arg, "add", "question", evil])
        .assert()
        .success();
    for args in [
        vec!["status"],
        vec!["review"],
        vec!["export", "--format", "md"],
        vec!["export", "--format", "ics"],
    ] {
        let mut all = vec!["--db", db_arg];
        all.extend(args.iter());
        let out = mentee().args(&all).assert().success().get_output().clone();
        let text = String::from_utf8(out.stdout).unwrap();
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}'] {
            assert!(!text.contains(bad), "{args:?} printed {bad:?} raw");
        }
    }
    // On screen: the goal title is drawn with visible placeholders.
    let store = Store::open(&db, false).unwrap();
    let mut app = mentee::tui::App::new(
        store,
        mentee::config::Config::default(),
        mentee::i18n::Lang::En,
        mentee::domain::Clock::Fixed(common::now()),
        mentee::tui::theme::Theme::new(mentee::config::Theme::Dark, false),
        false,
    )
    .unwrap();
    common::key(&mut app, '2');
    let screen = common::draw(&mut app, 160, 48);
    assert!(screen.contains("pwn␛"), "{screen}");
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}'] {
        assert!(!screen.contains(bad));
    }
}

#[test]
fn files_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a/b/journal.db");
    let store = Store::open(&db, true).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
    store.save_draft("mentor:new", "{}").unwrap();
    let backup = dir.path().join("backup.db");
    store.backup_to(&backup).unwrap();
    assert_eq!(mode(&backup), 0o600);
    let export = dir.path().join("export.json");
    mentee::transfer::write_atomic(&export, b"{}").unwrap();
    assert_eq!(mode(&export), 0o600);
    let wal = dir.path().join("a/b/journal.db-wal");
    if wal.exists() {
        assert_eq!(
            mode(&wal) & 0o077,
            0,
            "the write-ahead log follows the journal's mode"
        );
    }
}
