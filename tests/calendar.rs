//! The calendar both ways (issue 17): invites from real-world shapes imported as planned
//! meetings (Google, Outlook with a Windows TZID and VTIMEZONE, a move, a cancellation, an
//! unmatched organiser), idempotent by UID; and the export checked against RFC 5545 and read
//! back by the same parser crate. Times are pinned with TZ=Asia/Jakarta (UTC+7, no DST).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use mentee::domain::{Commitment, Meeting, MeetingStatus, Mentor, Party};
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::transfer::{IcsOptions, export_ics_with, import_ics};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name)
}

fn mentee(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
        .env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env("TZ", "Asia/Jakarta")
        .arg("--db")
        .arg(db);
    cmd
}

fn run(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn refused(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().failure().get_output().stderr.clone()).unwrap()
}

/// A journal with Ayu (matched by e-mail) and Budi (matched by e-mail, other case).
fn journal(dir: &Path) -> PathBuf {
    let db = dir.join("journal.db");
    let store = Store::open(&db, false).unwrap();
    let mut ayu = Mentor::new("Ayu Lestari");
    ayu.contact = "Ayu.Lestari@example.com, +62 812 0000".into();
    store.save_mentor(&ayu).unwrap();
    let mut budi = Mentor::new("Budi Santoso");
    budi.contact = "budi.santoso@contoso.com".into();
    store.save_mentor(&budi).unwrap();
    store.save_mentor(&Mentor::new("Citra Wulandari")).unwrap();
    db
}

/// (start, minutes, status, mentor name, ics_uid, ics_sequence), by start.
fn meetings(db: &Path) -> Vec<(String, u32, String, String, Option<String>, i64)> {
    let store = Store::open(db, false).unwrap();
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT strftime('%Y-%m-%d %H:%M', m.starts_at), m.minutes, m.status, t.name,
                    m.ics_uid, m.ics_sequence
             FROM meetings m JOIN mentors t ON t.id = m.mentor_id ORDER BY m.starts_at",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

const GOOGLE_UID: &str = "7kq2v1c9g0google@google.com";

#[test]
fn a_google_invite_becomes_a_planned_meeting_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let out = run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("google.ics")));
    assert!(out.contains("1 meeting(s) added"), "{out}");
    let m = meetings(&db);
    assert_eq!(m.len(), 1);
    // 02:00Z is 09:00 in Jakarta; DTEND gives 45 minutes; the mentor by the organiser's mail.
    assert_eq!(m[0].0, "2026-12-03 09:00");
    assert_eq!(m[0].1, 45);
    assert_eq!(m[0].2, "planned");
    assert_eq!(m[0].3, "Ayu Lestari");
    assert_eq!(m[0].4.as_deref(), Some(GOOGLE_UID));
    // Re-import is a no-op.
    let again = run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("google.ics")));
    assert!(again.contains("1 unchanged"), "{again}");
    assert!(!again.contains("added"), "{again}");
    assert_eq!(meetings(&db), m);
}

#[test]
fn an_outlook_invite_with_windows_zones_is_converted_to_local_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let out = run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("outlook.ics")));
    assert!(out.contains("2 meeting(s) added"), "{out}");
    let m = meetings(&db);
    // SE Asia Standard Time is UTC+7, as Jakarta: 16:00 stays 16:00, an hour long.
    assert_eq!((m[0].0.as_str(), m[0].1), ("2026-12-10 16:00", 60));
    assert_eq!(m[0].3, "Budi Santoso");
    // W. Europe Standard Time in July is summer time (UTC+2, from the VTIMEZONE's rules):
    // 10:00 there is 08:00Z, 15:00 in Jakarta; DURATION:PT30M.
    assert_eq!((m[1].0.as_str(), m[1].1), ("2027-07-01 15:00", 30));
    assert_eq!(m[1].5, 2);
}

#[test]
fn the_same_invite_in_winter_uses_standard_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let winter = std::fs::read_to_string(fixture("outlook.ics"))
        .unwrap()
        .replace("20270701T100000", "20270115T100000");
    let file = dir.path().join("winter.ics");
    std::fs::write(&file, winter).unwrap();
    run(mentee(&db).args(["import", "--format", "ics"]).arg(&file));
    // 10:00 at UTC+1 is 09:00Z, 16:00 in Jakarta.
    assert!(
        meetings(&db).iter().any(|m| m.0 == "2027-01-15 16:00"),
        "{:?}",
        meetings(&db)
    );
}

#[test]
fn a_moved_invite_moves_the_meeting_and_a_cancellation_cancels_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("google.ics")));
    let out = run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("moved.ics")));
    assert!(out.contains("1 meeting(s) moved"), "{out}");
    let m = meetings(&db);
    assert_eq!(m.len(), 1, "moved, not duplicated");
    assert_eq!(
        (m[0].0.as_str(), m[0].1, m[0].5),
        ("2026-12-04 10:00", 60, 1)
    );
    // The older invite (SEQUENCE 0) arriving late does not move it back.
    let late = run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("google.ics")));
    assert!(late.contains("older"), "{late}");
    assert_eq!(meetings(&db)[0].0, "2026-12-04 10:00");
    let out = run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("cancelled.ics")));
    assert!(out.contains("1 meeting(s) cancelled"), "{out}");
    assert_eq!(meetings(&db)[0].2, "cancelled");
}

#[test]
fn a_held_meeting_is_never_changed_by_an_invite() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("google.ics")));
    {
        let store = Store::open(&db, false).unwrap();
        store
            .conn()
            .execute("UPDATE meetings SET status = 'held'", [])
            .unwrap();
    }
    let before = meetings(&db);
    for f in ["moved.ics", "cancelled.ics"] {
        let out = run(mentee(&db)
            .args(["import", "--format", "ics"])
            .arg(fixture(f)));
        assert!(out.contains("already held"), "{out}");
    }
    assert_eq!(meetings(&db), before);
}

#[test]
fn an_unmatched_organiser_is_listed_then_assigned_with_mentor() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let out = run(mentee(&db)
        .args(["import", "--format", "ics"])
        .arg(fixture("unmatched.ics")));
    assert!(out.contains("match no mentor"), "{out}");
    assert!(out.contains("2026-12-15 14:00"), "{out}");
    assert!(out.contains("Citra Dewi <citra@example.net>"), "{out}");
    assert!(
        meetings(&db).is_empty(),
        "not guessed (Citra Wulandari is not Citra Dewi)"
    );
    let out = run(mentee(&db)
        .args(["import", "--format", "ics", "--mentor", "citra wulandari"])
        .arg(fixture("unmatched.ics")));
    assert!(out.contains("1 meeting(s) added"), "{out}");
    let m = meetings(&db);
    // A floating time is already local.
    assert_eq!(
        (m[0].0.as_str(), m[0].3.as_str()),
        ("2026-12-15 14:00", "Citra Wulandari")
    );
    let err = refused(
        mentee(&db)
            .args(["import", "--format", "ics", "--mentor", "Nobody"])
            .arg(fixture("unmatched.ics")),
    );
    assert!(err.contains("no mentor is called \"Nobody\""), "{err}");
}

#[test]
fn a_dry_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let out = run(mentee(&db)
        .args(["import", "--format", "ics", "--dry-run"])
        .arg(fixture("outlook.ics")));
    assert!(
        out.contains("dry run") && out.contains("2 meeting(s) added"),
        "{out}"
    );
    assert!(meetings(&db).is_empty());
}

#[test]
fn bad_files_are_refused_with_a_clear_message_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal(dir.path());
    let json = dir.path().join("export.json");
    std::fs::write(&json, "{\"version\": 1}").unwrap();
    let err = refused(mentee(&db).args(["import", "--format", "ics"]).arg(&json));
    assert!(err.contains("is not an iCalendar file"), "{err}");
    let err = refused(
        mentee(&db)
            .args(["--lang", "id", "import", "--format", "ics"])
            .arg(&json),
    );
    assert!(err.contains("bukan berkas iCalendar"), "{err}");
    let err = refused(
        mentee(&db)
            .args(["import", "--format", "ics"])
            .arg(fixture("no_start.ics")),
    );
    assert!(err.contains("no-start-1 has no start (DTSTART)"), "{err}");
    let err = refused(
        mentee(&db)
            .args(["--lang", "id", "import", "--format", "ics"])
            .arg(fixture("no_start.ics")),
    );
    assert!(err.contains("tidak punya waktu mulai"), "{err}");
    let binary = dir.path().join("photo.ics");
    std::fs::write(&binary, [0xff_u8, 0xd8, 0xff, 0xe0]).unwrap();
    let err = refused(mentee(&db).args(["import", "--format", "ics"]).arg(&binary));
    assert!(err.contains("not UTF-8 text"), "{err}");
    let huge = dir.path().join("huge.ics");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(17 * 1024 * 1024).unwrap();
    let err = refused(mentee(&db).args(["import", "--format", "ics"]).arg(&huge));
    assert!(err.contains("larger than 16 MiB"), "{err}");
    // One good event and one bad: nothing at all is imported.
    let mixed = std::fs::read_to_string(fixture("google.ics"))
        .unwrap()
        .replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\r\nUID:bad-zone\r\nDTSTART;TZID=Mars/Olympus:20261201T100000\r\nEND:VEVENT\r\nEND:VCALENDAR",
        );
    let file = dir.path().join("mixed.ics");
    std::fs::write(&file, mixed).unwrap();
    let err = refused(mentee(&db).args(["import", "--format", "ics"]).arg(&file));
    assert!(err.contains("Mars/Olympus"), "{err}");
    assert!(meetings(&db).is_empty());
}

/// A journal with a planned meeting, a held one, a private one, and dated commitments.
fn export_journal() -> Store {
    let s = Store::open_in_memory().unwrap();
    let mut ayu = Mentor::new("Ayu, \"the\"; mentor\\");
    ayu.contact = "ayu@example.com".into();
    let ayu = s.save_mentor(&ayu).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut planned = Meeting::new(ayu, day.and_hms_opt(9, 0, 0).unwrap(), 45);
    planned.notes = format!("Line one\nline two; {}", "東京".repeat(30));
    s.save_meeting(&planned).unwrap();
    let mut held = Meeting::new(
        ayu,
        day.and_hms_opt(8, 0, 0).unwrap() - chrono::Duration::days(30),
        30,
    );
    held.status = MeetingStatus::Held;
    s.save_meeting(&held).unwrap();
    let mut secret = Meeting::new(ayu, day.and_hms_opt(15, 0, 0).unwrap(), 30);
    secret.private = true;
    s.save_meeting(&secret).unwrap();
    let mut mine = Commitment::new("Send the roadmap, v2", day);
    mine.due = Some(NaiveDate::from_ymd_opt(2026, 12, 10).unwrap());
    s.save_commitment(&mine).unwrap();
    let mut theirs = Commitment::new("Introduce me to Dewi", day);
    theirs.owner = Party::Mentor;
    theirs.mentor_id = Some(ayu);
    theirs.due = Some(NaiveDate::from_ymd_opt(2026, 12, 12).unwrap());
    s.save_commitment(&theirs).unwrap();
    s.save_commitment(&Commitment::new("No date", day)).unwrap();
    s
}

#[test]
fn the_export_is_valid_rfc5545_and_reads_back() {
    let s = export_journal();
    let ics = export_ics_with(
        &s,
        false,
        Lang::En,
        IcsOptions {
            reminder_minutes: 15,
        },
    )
    .unwrap();
    // CRLF everywhere, no line over 75 octets, folds only with a leading space.
    assert!(ics.ends_with("\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    // Escaping of , ; \ and newlines.
    assert!(
        unfolded.contains("SUMMARY:Mentoring: Ayu\\, \"the\"\\; mentor\\\\"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("DESCRIPTION:Line one\\nline two\\; 東京"),
        "{unfolded}"
    );
    // UTC stamps end in Z; every component has the properties a calendar needs to update it.
    for line in unfolded
        .lines()
        .filter(|l| l.starts_with("DTSTAMP") || l.starts_with("LAST-MODIFIED"))
    {
        assert!(
            line.ends_with('Z') && line.len() == line.find(':').unwrap() + 17,
            "{line}"
        );
    }
    assert_eq!(
        unfolded.matches("BEGIN:VEVENT").count(),
        2,
        "the private meeting stays out"
    );
    assert_eq!(
        unfolded.matches("BEGIN:VALARM").count(),
        1,
        "a reminder for the planned one only"
    );
    assert!(unfolded.contains("TRIGGER:-PT15M"));
    assert_eq!(
        unfolded.matches("BEGIN:VTODO").count(),
        2,
        "only dated commitments"
    );
    assert!(unfolded.contains("DUE;VALUE=DATE:20261210"));
    assert!(unfolded.contains("SUMMARY:Ayu\\, \"the\"\\; mentor\\\\ will: Introduce me to Dewi"));
    assert!(unfolded.contains("CATEGORIES:Mentor's commitment"));
    assert_eq!(unfolded.matches("SEQUENCE:").count(), 4);

    // The round trip through the parser the import uses.
    let text = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&text).unwrap();
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 2);
    let planned = events
        .iter()
        .find(|e| e.find_prop("DTSTART").unwrap().val.as_str() == "20261203T090000")
        .unwrap();
    assert_eq!(
        planned.find_prop("SUMMARY").unwrap().val.as_str(),
        "Mentoring: Ayu, \"the\"; mentor\\"
    );
    assert!(
        planned
            .find_prop("DESCRIPTION")
            .unwrap()
            .val
            .as_str()
            .starts_with("Line one\nline two; 東京東京")
    );
    assert_eq!(planned.components.len(), 1, "its VALARM");
    let todos = cal.components.iter().filter(|c| c.name == "VTODO").count();
    assert_eq!(todos, 2);

    // Stable UIDs: the same journal gives the same file; an edit raises SEQUENCE.
    assert_eq!(
        ics,
        export_ics_with(
            &s,
            false,
            Lang::En,
            IcsOptions {
                reminder_minutes: 15
            }
        )
        .unwrap()
    );
    let seq = |ics: &str| -> Vec<String> {
        ics.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("SEQUENCE:"))
            .map(str::to_string)
            .collect()
    };
    s.conn()
        .execute("UPDATE meetings SET minutes = 50 WHERE minutes = 45", [])
        .unwrap();
    let after = export_ics_with(
        &s,
        false,
        Lang::En,
        IcsOptions {
            reminder_minutes: 0,
        },
    )
    .unwrap();
    assert_ne!(seq(&ics), seq(&after));
    assert!(
        !after.contains("VALARM"),
        "reminder_minutes = 0: no reminder"
    );
    let private = export_ics_with(&s, true, Lang::En, IcsOptions::default()).unwrap();
    assert_eq!(private.matches("BEGIN:VEVENT").count(), 3);
}

#[test]
fn an_imported_invite_is_exported_with_its_own_uid_and_reimported_as_a_no_op() {
    let mut s = Store::open_in_memory().unwrap();
    let mut ayu = Mentor::new("Ayu Lestari");
    ayu.contact = "ayu.lestari@example.com".into();
    s.save_mentor(&ayu).unwrap();
    let google = std::fs::read_to_string(fixture("google.ics")).unwrap();
    let r = import_ics(&mut s, &google, None, false).unwrap();
    assert_eq!(r.added, 1);
    let ics = export_ics_with(&s, false, Lang::En, IcsOptions::default()).unwrap();
    assert!(ics.contains(&format!("UID:{GOOGLE_UID}")), "{ics}");
    // Our own export read back: the same UID, a SEQUENCE not older: nothing changes.
    let again = import_ics(&mut s, &ics, None, false).unwrap();
    assert_eq!(again.changed(), 0, "{again:?}");
}
