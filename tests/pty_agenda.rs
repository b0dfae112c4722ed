//! End to end in a pseudo-terminal: on a journal file, open the upcoming meeting's agenda
//! builder, accept suggestions with one key each, quit, then `mentee agenda` prints them.

mod common;

use common::pty::Session;

#[test]
fn accepted_suggestions_are_printed_by_mentee_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    {
        let now =
            chrono::NaiveDateTime::parse_from_str("2026-11-27 09:00", "%Y-%m-%d %H:%M").unwrap();
        let mut store = mentee::store::Store::open(&db, false).unwrap();
        mentee::demo::fill(&mut store, now).unwrap();
    }
    let db_arg = db.to_str().unwrap();
    let mut s = Session::start(&["--db", db_arg], 24, 80);
    s.wait_for("Next meeting");
    s.send(b"3");
    s.wait_for("Upcoming");
    s.send(b"\r");
    s.wait_for("Agenda builder");
    s.wait_for("Suggestions (13)");
    s.send(b"\t");
    s.wait_for("a: accept");
    s.send(b"a");
    s.wait_for("Suggestions (12)");
    s.send(b"a");
    s.wait_for("Suggestions (11)");
    s.send(b"a");
    s.wait_for("Suggestions (10)");
    s.wait_for("Agenda (5)");
    s.send(b"q");
    assert!(s.wait_exit().success());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mentee"))
        .args(["--db", db_arg, "agenda"])
        .env("MENTEE_NOW", "2026-11-27T09:00")
        .env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    for text in [
        "Slides drafted; dry run done",
        "Dry-run feedback on the talk",
        "How to handle a review that runs over time?",
        "Rewrite the outline to open with the outage story",
        "Timebox the next design review and record decisions",
    ] {
        assert!(md.contains(text), "`mentee agenda` prints {text:?}:\n{md}");
    }
}
