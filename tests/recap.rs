//! `mentee recap` end to end: the message after a held meeting in English and Indonesian,
//! the meeting named by a date, a date word or a mentor's name, `-o FILE`, private records
//! left out, and the errors (no held meeting, a private meeting, an unknown or ambiguous
//! name). Journals are built with the library's store, then read through the binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveDateTime};
use mentee::domain::*;
use mentee::store::Store;
use tempfile::TempDir;

/// Friday 27 November 2026, 09:00.
const NOW: &str = "2026-11-27T09:00";

fn at(m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, m, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

struct Journal {
    dir: TempDir,
    db: PathBuf,
}

impl Journal {
    /// An empty journal.
    fn empty() -> Journal {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.db");
        Store::open(&db, false).unwrap();
        Journal { dir, db }
    }

    /// Daniel's meeting held yesterday (with private bits), a private mentor's meeting,
    /// and Dana with none held.
    fn with_meetings() -> Journal {
        let j = Journal::empty();
        let s = Store::open(&j.db, false).unwrap();
        let daniel = s.save_mentor(&Mentor::new("Daniel Okafor")).unwrap();
        s.save_mentor(&Mentor::new("Dana Lee")).unwrap();
        let secret = s
            .save_mentor(&Mentor {
                private: true,
                ..Mentor::new("Rahasia Putri")
            })
            .unwrap();
        let held = |mentor: i64, when: NaiveDateTime| {
            s.save_meeting(&Meeting {
                status: MeetingStatus::Held,
                ..Meeting::new(mentor, when, 45)
            })
            .unwrap()
        };
        let m = held(daniel, at(11, 26, 16));
        held(secret, at(11, 20, 10));
        held(daniel, at(11, 12, 16));
        s.save_meeting(&Meeting::new(daniel, at(12, 10, 10), 30))
            .unwrap();
        for (text, note, discussed, private) in [
            ("Conference talk", "Lead with the outage story", true, false),
            ("Salary talk", "A number to ask for", true, true),
            ("Side project", "", false, false),
        ] {
            s.save_agenda_item(&AgendaItem {
                note: note.into(),
                discussed,
                private,
                ..AgendaItem::new(m, AgendaKind::Topic, text)
            })
            .unwrap();
        }
        for (owner, text, due, private) in [
            (Party::Me, "Rewrite the outline", Some(day(12, 4)), false),
            (Party::Mentor, "Introduce me to Maya", None, false),
            (Party::Me, "Secret plan", None, true),
        ] {
            s.save_commitment(&Commitment {
                owner,
                due,
                private,
                mentor_id: Some(daniel),
                meeting_id: Some(m),
                ..Commitment::new(text, day(11, 26))
            })
            .unwrap();
        }
        s.save_gratitude(&Gratitude {
            mentor_id: Some(daniel),
            meeting_id: Some(m),
            ..Gratitude::new("The intro to Maya", day(11, 26))
        })
        .unwrap();
        j
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("mentee").unwrap();
        cmd.env("MENTEE_NOW", NOW)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("MENTEE_DB")
            .env("MENTEE_CONFIG", self.dir.path().join("no-such-config.toml"))
            .arg("--db")
            .arg(&self.db);
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one error line: {err:?}");
        err
    }
}

#[test]
fn the_recap_of_the_latest_held_meeting_in_english() {
    let j = Journal::with_meetings();
    let md = j.ok(&["recap"]);
    for want in [
        "Hi Daniel,\n\nThank you for your time on Thursday, 26 November 2026.",
        "**Thank you especially for**\n- The intro to Maya",
        "**What we discussed**\n- Conference talk: Lead with the outage story\n",
        "**What I will do**\n- Rewrite the outline (by Friday, 4 December 2026)",
        "**What you offered**\n- Introduce me to Maya",
        "**Our next meeting**\n- Thursday, 10 December 2026 at 10:00",
    ] {
        assert!(md.contains(want), "missing {want:?} in:\n{md}");
    }
    for secret in ["Salary", "number to ask", "Secret plan", "Side project"] {
        assert!(!md.contains(secret), "{secret} leaked:\n{md}");
    }
    let text = j.ok(&["recap", "--format", "text"]);
    assert!(text.contains("What we discussed:\n- Conference talk"));
    assert!(!text.contains("**"));
}

#[test]
fn the_recap_in_indonesian() {
    let j = Journal::with_meetings();
    let out = j.ok(&["--lang", "id", "recap", "--format", "text"]);
    for want in [
        "Halo Daniel,",
        "Terima kasih atas waktunya pada Kamis, 26 November 2026.",
        "Yang kita bahas:\n- Conference talk: Lead with the outage story",
        "Yang akan saya lakukan:\n- Rewrite the outline (paling lambat Jumat, 4 Desember 2026)",
        "Yang Anda tawarkan:",
        "Kamis, 10 Desember 2026 pukul 10.00",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }
}

#[test]
fn the_meeting_is_named_by_a_date_a_word_or_a_mentor() {
    let j = Journal::with_meetings();
    let latest = j.ok(&["recap"]);
    for when in [
        "2026-11-26",
        "yesterday",
        "kemarin",
        "thursday",
        "daniel",
        "Okafor",
    ] {
        assert_eq!(j.ok(&["recap", "--meeting", when]), latest, "{when}");
    }
    let earlier = j.ok(&["recap", "--meeting", "2026-11-12"]);
    assert!(earlier.contains("Thursday, 12 November 2026"), "{earlier}");
    assert!(!earlier.contains("Conference talk"));
}

#[test]
fn the_recap_is_written_to_a_file() {
    let j = Journal::with_meetings();
    let file = j.dir.path().join("recap.md");
    let out = j.ok(&["recap", "-o", file.to_str().unwrap()]);
    assert!(out.is_empty(), "{out}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), j.ok(&["recap"]));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let err = j.fails(&["recap", "-o", j.db.to_str().unwrap()]);
    assert!(!err.is_empty());
    assert_journal_intact(&j.db);
}

fn assert_journal_intact(db: &Path) {
    assert!(Store::open(db, false).is_ok());
}

#[test]
fn clear_errors() {
    let j = Journal::with_meetings();
    let err = j.fails(&["recap", "--meeting", "Rahasia"]);
    assert!(err.contains("is private"), "{err}");
    let err = j.fails(&["recap", "--meeting", "2026-11-01"]);
    assert!(
        err.contains("no held meeting on Sunday, 1 November 2026"),
        "{err}"
    );
    let err = j.fails(&["recap", "--meeting", "Dana"]);
    assert!(err.contains("no held meeting with Dana Lee"), "{err}");
    let err = j.fails(&["recap", "--meeting", "Da"]);
    assert!(
        err.contains("several mentors") && err.contains("Dana Lee"),
        "{err}"
    );
    let err = j.fails(&["recap", "--meeting", "zzz"]);
    assert!(err.contains("no date or mentor matches"), "{err}");
    let err = j.fails(&["--lang", "id", "recap", "--meeting", "Dana"]);
    assert!(err.contains("belum ada pertemuan"), "{err}");
    let empty = Journal::empty();
    let err = empty.fails(&["recap"]);
    assert!(err.contains("no held meeting yet"), "{err}");
}
