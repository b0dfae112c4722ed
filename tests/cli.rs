//! End-to-end tests of the scriptable subcommands on the real binary: `status`, `agenda`,
//! `review` and `add`, each with a journal in a temporary folder, a pinned clock
//! (`MENTEE_NOW`), `LANG=C` and no config file. Hand-built journals are written with the
//! library's store, then read back through the binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveDateTime};
use mentee::domain::*;
use mentee::store::Store;
use tempfile::TempDir;

/// Friday 27 November 2026, 09:00.
const NOW: &str = "2026-11-27T09:00";

struct Journal {
    dir: TempDir,
    db: PathBuf,
}

impl Journal {
    fn new() -> Journal {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.db");
        Journal { dir, db }
    }

    /// `mentee --db <journal>` with the test environment.
    fn cmd(&self) -> Command {
        let mut cmd = base(self.dir.path());
        cmd.arg("--db").arg(&self.db);
        cmd
    }

    /// Runs `args`, expecting success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `args`, expecting failure with one line on stderr; returns that line.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one error line: {err:?}");
        err
    }

    /// The record counts `mentee check` prints.
    fn counts(&self) -> String {
        self.ok(&["check"])
            .lines()
            .filter(|l| l.starts_with("records") || l.starts_with("  "))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn store(&self) -> Store {
        Store::open(&self.db, false).unwrap()
    }
}

/// `mentee` with the test environment and no journal option.
fn base(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", NOW)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"));
    cmd
}

fn demo(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = base(dir.path()).arg("--demo").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn at(m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(m, day).and_hms_opt(h, min, 0).unwrap()
}

fn mentor(store: &Store, name: &str) -> i64 {
    let mut m = Mentor::new(name);
    m.status = MentorStatus::Active;
    m.status_since = Some(d(1, 1));
    m.cadence_days = Some(365);
    store.save_mentor(&m).unwrap()
}

fn meeting(store: &Store, mentor_id: i64, starts: NaiveDateTime, status: MeetingStatus) -> i64 {
    store
        .save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id,
            starts_at: starts,
            minutes: 30,
            status,
            channel: String::new(),
            notes: String::new(),
            agenda_ready: false,
            private: false,
        })
        .unwrap()
}

fn item(store: &Store, meeting_id: i64, text: &str, minutes: Option<u32>, discussed: bool) {
    store
        .save_agenda_item(&AgendaItem {
            id: 0,
            uuid: String::new(),
            meeting_id,
            kind: AgendaKind::Topic,
            text: text.into(),
            outcome: String::new(),
            minutes,
            position: 0,
            discussed,
            note: String::new(),
            goal_id: None,
            commitment_id: None,
            feedback_id: None,
            carried_from: None,
            source: None,
            private: false,
        })
        .unwrap();
}

fn commitment(
    store: &Store,
    owner: Party,
    created: NaiveDate,
    due: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
) {
    store
        .save_commitment(&Commitment {
            id: 0,
            uuid: String::new(),
            owner,
            text: "a promise".into(),
            due,
            status: if done_on.is_some() {
                CommitmentStatus::Done
            } else {
                CommitmentStatus::Open
            },
            done_on,
            result: String::new(),
            mentor_id: None,
            meeting_id: None,
            feedback_id: None,
            reported_on: None,
            created_on: created,
            private: false,
        })
        .unwrap();
}

// ---------------------------------------------------------------------------------- status

#[test]
fn status_on_an_empty_journal_is_one_line() {
    let j = Journal::new();
    drop(j.store()); // an empty journal (status never creates one)
    let out = j.ok(&["status"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("journal is empty"), "{out}");
}

#[test]
fn status_when_nothing_needs_attention_says_so_in_one_line() {
    let j = Journal::new();
    {
        let s = j.store();
        let ana = mentor(&s, "Ana");
        // Contact, thanks and a health check recently; a reflection this week.
        s.save_contact(&Contact {
            id: 0,
            uuid: String::new(),
            mentor_id: ana,
            on: d(11, 20),
            channel: "chat".into(),
            initiative: Party::Me,
            note: String::new(),
            private: false,
        })
        .unwrap();
        s.save_gratitude(&Gratitude {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(ana),
            meeting_id: None,
            commitment_id: None,
            on: d(11, 20),
            what_for: "the intro".into(),
            sent: true,
            channel: String::new(),
            private: false,
        })
        .unwrap();
        s.save_health_check(&HealthCheck {
            id: 0,
            uuid: String::new(),
            mentor_id: ana,
            on: d(11, 20),
            ratings: vec![("progress".into(), 4)],
            note: String::new(),
            private: false,
        })
        .unwrap();
        s.save_reflection(&Reflection {
            id: 0,
            uuid: String::new(),
            period: Period::Week,
            period_start: d(11, 23),
            template: "weekly".into(),
            answers: vec![],
            private: false,
        })
        .unwrap();
    }
    let out = j.ok(&["status"]);
    assert_eq!(out, "All clear: nothing needs your attention.\n");
}

#[test]
fn status_on_the_demo_names_the_next_meeting_overdue_and_nudges() {
    let out = demo(&["status"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Next meeting: Daniel Okafor, 2026-11-29 16:00 (in 2 d 7 h); agenda: draft (2 items, 25 of 45 min)"
    );
    assert_eq!(lines[1], "Overdue commitments: 1 of mine, 1 of my mentors'");
    assert_eq!(lines.len(), 5, "meeting, overdue and three nudges: {out}");
    // The demo's thanks of 14 November is still not sent.
    assert_eq!(
        lines[2], "Send the thanks you wrote to Daniel Okafor on 2026-11-14.",
        "{out}"
    );
    assert!(
        lines[3].starts_with("Report back to Daniel Okafor"),
        "{out}"
    );
}

#[test]
fn status_says_a_nudge_once_and_still_gives_three() {
    let j = Journal::new();
    {
        let s = j.store();
        let ana = mentor(&s, "Ana");
        let budi = mentor(&s, "Budi");
        let citra = mentor(&s, "Citra");
        // Two passed meetings with Ana on one day, not yet debriefed, read the same:
        // "Debrief the meeting with Ana on 2026-11-22". They come first, so the top three
        // must reach past them.
        meeting(&s, ana, at(11, 22, 9, 0), MeetingStatus::Planned);
        meeting(&s, ana, at(11, 22, 15, 0), MeetingStatus::Planned);
        meeting(&s, budi, at(11, 24, 9, 0), MeetingStatus::Planned);
        meeting(&s, citra, at(11, 23, 9, 0), MeetingStatus::Planned);
    }
    let out = j.ok(&["status"]);
    let nudges: Vec<&str> = out.lines().filter(|l| l.starts_with("Debrief")).collect();
    assert_eq!(nudges.len(), 3, "{out}");
    assert_eq!(
        nudges.iter().filter(|l| l.contains("Ana")).count(),
        1,
        "{out}"
    );
    assert!(nudges.iter().any(|l| l.contains("Budi")), "{out}");
    // The JSON lists every nudge, each sentence once.
    let json = j.ok(&["status", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let texts: Vec<&str> = value["nudges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("Debrief the meeting with Ana"))
            .count(),
        1,
        "{json}"
    );
    assert!(texts.len() > 3, "{json}");
}

/// `status --format json` lists every nudge, as docs/json-output.md says: a part of the
/// nudges' input with more rows than a view's list holds (here 130 thanks written and not
/// sent) is not cut at the first hundred.
#[test]
fn status_json_lists_every_nudge_of_a_long_part() {
    let j = Journal::new();
    {
        let s = j.store();
        let ana = mentor(&s, "Ana");
        for i in 0..130 {
            let mut g = Gratitude::new(format!("thanks {i}"), d(1, 1) + chrono::Duration::days(i));
            g.mentor_id = Some(ana);
            s.save_gratitude(&g).unwrap();
        }
    }
    let json = j.ok(&["status", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let unsent = value["nudges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "send_thanks")
        .count();
    assert_eq!(unsent, 130);
}

#[test]
fn status_in_indonesian() {
    let out = demo(&["--lang", "id", "status"]);
    assert!(
        out.starts_with("Pertemuan berikutnya: Budi Santoso, 2026-11-29 16:00 (2 hari 7 jam lagi)"),
        "{out}"
    );
    assert!(out.contains("Komitmen terlambat: 1 milik saya"), "{out}");
}

// ---------------------------------------------------------------------------------- agenda

#[test]
fn status_hides_a_private_mentor_unless_asked() {
    let j = Journal::new();
    {
        let s = j.store();
        let id = mentor(&s, "Rahasia Santoso");
        let mut m = s.mentor(id).unwrap();
        m.private = true;
        s.save_mentor(&m).unwrap();
        meeting(&s, id, at(11, 30, 10, 0), MeetingStatus::Planned);
    }
    for args in [&["status"][..], &["status", "--format", "json"]] {
        let out = j.ok(args);
        assert!(!out.contains("Rahasia"), "{args:?}: {out}");
        assert!(out.contains("(private mentor)"), "{args:?}: {out}");
    }
    let out = j.ok(&["--lang", "id", "status"]);
    assert!(
        out.contains("(mentor pribadi)") && !out.contains("Rahasia"),
        "{out}"
    );
    let out = j.ok(&["status", "--include-private"]);
    assert!(out.contains("Rahasia Santoso"), "{out}");
}

#[test]
fn agenda_markdown_of_the_demo() {
    insta::assert_snapshot!("agenda_demo_md", demo(&["agenda"]));
}

#[test]
fn agenda_markdown_in_indonesian() {
    insta::assert_snapshot!("agenda_demo_md_id", demo(&["--lang", "id", "agenda"]));
}

#[test]
fn agenda_json_of_the_demo() {
    let out = demo(&["agenda", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["mentor"], "Daniel Okafor");
    assert_eq!(v["starts_at"], "2026-11-29T16:00");
    assert_eq!(v["minutes"], 45);
    assert_eq!(v["planned_minutes"], 25);
    assert_eq!(v["over_by"], 0);
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    assert_eq!(v["items"][1]["kind"], "topic");
    assert_eq!(v["items"][1]["outcome"], "Three concrete fixes");
    assert_eq!(v["items"][1]["minutes"], 20);
    assert_eq!(v["items"][1]["discussed"], false);
    assert_eq!(v["meeting"].as_str().unwrap().len(), 36, "a UUID");
}

#[test]
fn agenda_without_an_upcoming_meeting_fails_clearly() {
    let j = Journal::new();
    {
        let s = j.store();
        let ana = mentor(&s, "Ana");
        meeting(&s, ana, at(11, 2, 10, 0), MeetingStatus::Held);
    }
    let err = j.fails(&["agenda"]);
    assert_eq!(
        err,
        "mentee: no upcoming meeting is planned; plan one in the Meetings view (run mentee, press 3)\n"
    );
    j.cmd().arg("agenda").assert().code(1);
}

#[test]
fn agenda_of_a_given_meeting_by_number_or_uuid_and_unknown_ids() {
    let j = Journal::new();
    let (past, uuid) = {
        let s = j.store();
        let ana = mentor(&s, "Ana");
        let past = meeting(&s, ana, at(11, 2, 10, 0), MeetingStatus::Held);
        item(&s, past, "Career talk", Some(20), true);
        item(&s, past, "Salary question", Some(15), false);
        (past, s.meeting(past).unwrap().uuid)
    };
    let out = j.ok(&["agenda", "--meeting", &past.to_string()]);
    assert!(
        out.starts_with("# Meeting with Ana: 2026-11-02 10:00 (30 min)\n"),
        "{out}"
    );
    assert!(
        out.contains("1. **topic** (20 min, discussed): Career talk\n"),
        "{out}"
    );
    assert!(
        out.contains("Over time: 35 of 30 min planned, 5 min too many."),
        "the time box warns when over: {out}"
    );
    assert_eq!(j.ok(&["agenda", "--meeting", &uuid]), out);
    let err = j.fails(&["agenda", "--meeting", "999"]);
    assert!(err.contains("no meeting 999"), "{err}");
    let err = j.fails(&["agenda", "--meeting", "not-a-uuid"]);
    assert!(err.contains("no meeting not-a-uuid"), "{err}");
}

#[test]
fn agenda_of_a_meeting_given_by_date_or_mentor_name() {
    let j = Journal::new();
    {
        let s = j.store();
        let ana = mentor(&s, "Ana Putri");
        let budi = mentor(&s, "Budi");
        mentor(&s, "Anton");
        let held = meeting(&s, ana, at(11, 2, 10, 0), MeetingStatus::Held);
        item(&s, held, "Held one", Some(10), true);
        let next = meeting(&s, ana, at(11, 29, 16, 0), MeetingStatus::Planned);
        item(&s, next, "Next one", Some(10), false);
        let budis = meeting(&s, budi, at(11, 2, 14, 0), MeetingStatus::Held);
        item(&s, budis, "Budi's", Some(10), true);
    }
    let title = |args: &[&str]| j.ok(args).lines().next().unwrap_or_default().to_string();
    // A mentor's name (any case, or a unique part of it): the next meeting with them…
    let next = "# Meeting with Ana Putri: 2026-11-29 16:00 (30 min)";
    assert_eq!(title(&["agenda", "--meeting", "ana putri"]), next);
    assert_eq!(title(&["agenda", "--meeting", "Putri"]), next);
    // …else the latest one.
    assert_eq!(
        title(&["agenda", "--meeting", "Budi"]),
        "# Meeting with Budi: 2026-11-02 14:00 (30 min)"
    );
    // A date or a date word (now is Friday 2026-11-27).
    assert_eq!(title(&["agenda", "--meeting", "2026-11-29"]), next);
    assert_eq!(title(&["agenda", "--meeting", "sunday"]), next);
    // Two meetings that day: say which there are.
    let err = j.fails(&["agenda", "--meeting", "2026-11-02"]);
    assert!(
        err.contains("several meetings on 2026-11-02:")
            && err.contains("(Ana Putri at 10:00)")
            && err.contains("(Budi at 14:00)"),
        "{err}"
    );
    let err = j.fails(&["agenda", "--meeting", "2026-11-03"]);
    assert!(err.contains("no meeting on 2026-11-03"), "{err}");
    let err = j.fails(&["agenda", "--meeting", "an"]);
    assert!(
        err.contains("several mentors match an: Ana Putri, Anton"),
        "{err}"
    );
    let err = j.fails(&["agenda", "--meeting", "Anton"]);
    assert!(err.contains("no meeting with Anton yet"), "{err}");
    // The number keeps working.
    assert_eq!(title(&["agenda", "--meeting", "2"]), next);
}

#[test]
fn agenda_leaves_private_items_out_unless_asked() {
    let j = Journal::new();
    {
        let s = j.store();
        let ana = mentor(&s, "Ana");
        let m = meeting(&s, ana, at(11, 30, 10, 0), MeetingStatus::Planned);
        item(&s, m, "Shared topic", Some(10), false);
        let mut secret = s.agenda_of(m).unwrap().remove(0);
        secret.id = 0;
        secret.uuid = String::new();
        secret.position = 0;
        secret.text = "My salary worries".into();
        secret.private = true;
        s.save_agenda_item(&secret).unwrap();
    }
    let out = j.ok(&["agenda"]);
    assert!(
        out.contains("Shared topic") && !out.contains("salary"),
        "{out}"
    );
    assert!(out.contains("Time box: 10 of 30 min planned."), "{out}");
    let out = j.ok(&["agenda", "--include-private"]);
    assert!(
        out.contains("2. **topic** (10 min): My salary worries"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------- review

/// November 2026 with known answers (see each comment), plus records outside it.
fn review_journal() -> Journal {
    let j = Journal::new();
    let s = j.store();
    let ana = mentor(&s, "Ana Putri");
    let budi = mentor(&s, "Budi");
    // Meetings: Ana 1 held + 1 cancelled, Budi 1 held (Sunday 22nd at 23:30); agenda 3 of 4.
    let m1 = meeting(&s, ana, at(11, 2, 10, 0), MeetingStatus::Held);
    item(&s, m1, "one", Some(10), true);
    item(&s, m1, "two", Some(10), true);
    item(&s, m1, "three", None, false);
    meeting(&s, ana, at(11, 16, 10, 0), MeetingStatus::Cancelled);
    let m3 = meeting(&s, budi, at(11, 22, 23, 30), MeetingStatus::Held);
    item(&s, m3, "late-night topic", Some(10), true);
    meeting(&s, ana, at(10, 31, 23, 30), MeetingStatus::Held);
    meeting(&s, budi, at(12, 1, 9, 0), MeetingStatus::Planned);
    // Feedback: 3 in November, 2 acted on (trying, done); 1 in October.
    for (day, status) in [
        (d(11, 3), FeedbackStatus::Trying),
        (d(11, 4), FeedbackStatus::Done),
        (d(11, 5), FeedbackStatus::Open),
        (d(10, 5), FeedbackStatus::Done),
    ] {
        s.save_feedback(&Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(ana),
            meeting_id: None,
            received_on: day,
            kind: FeedbackKind::Suggestion,
            text: "advice".into(),
            reaction: String::new(),
            status,
            goal_id: None,
            private: false,
        })
        .unwrap();
    }
    // Commitments made in November: mine 4 (kept, late, open overdue, open undated) → 1/3;
    // the mentor's 1 kept → 100%. One from October does not count.
    commitment(&s, Party::Me, d(11, 2), Some(d(11, 10)), Some(d(11, 9)));
    commitment(&s, Party::Me, d(11, 2), Some(d(11, 10)), Some(d(11, 12)));
    commitment(&s, Party::Me, d(11, 2), Some(d(11, 20)), None);
    commitment(&s, Party::Me, d(11, 2), None, None);
    commitment(
        &s,
        Party::Mentor,
        d(11, 2),
        Some(d(11, 15)),
        Some(d(11, 15)),
    );
    commitment(&s, Party::Me, d(10, 2), Some(d(10, 10)), None);
    // A goal from 0 to 4: 1 before November, then 2 and 3 → 1 → 3 (+2), 25% → 75%.
    let mut goal = Goal::new("Give talks");
    goal.baseline = Some(0.0);
    goal.target = Some(4.0);
    let g = s.save_goal(&goal).unwrap();
    for (day, value) in [(d(10, 15), 1.0), (d(11, 5), 2.0), (d(11, 20), 3.0)] {
        s.save_progress(&ProgressUpdate {
            id: 0,
            uuid: String::new(),
            goal_id: g,
            on: day,
            value,
            note: String::new(),
        })
        .unwrap();
    }
    // Gratitude: 2 noted in November, 1 sent.
    for (day, sent) in [(d(11, 3), true), (d(11, 17), false), (d(10, 3), true)] {
        s.save_gratitude(&Gratitude {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(ana),
            meeting_id: None,
            commitment_id: None,
            on: day,
            what_for: "time".into(),
            sent,
            channel: String::new(),
            private: false,
        })
        .unwrap();
    }
    // Contacts: 4 in November, 3 on my initiative → 75%.
    for (day, who) in [
        (d(11, 1), Party::Me),
        (d(11, 8), Party::Me),
        (d(11, 9), Party::Mentor),
        (d(11, 26), Party::Me),
    ] {
        s.save_contact(&Contact {
            id: 0,
            uuid: String::new(),
            mentor_id: budi,
            on: day,
            channel: "chat".into(),
            initiative: who,
            note: String::new(),
            private: false,
        })
        .unwrap();
    }
    // Health: Ana 4 and 5 → 4.5 over one check.
    s.save_health_check(&HealthCheck {
        id: 0,
        uuid: String::new(),
        mentor_id: ana,
        on: d(11, 10),
        ratings: vec![("progress".into(), 4), ("trust".into(), 5)],
        note: String::new(),
        private: false,
    })
    .unwrap();
    drop(s);
    j
}

#[test]
fn review_month_markdown_has_the_known_figures() {
    let j = review_journal();
    let out = j.ok(&["review", "--period", "month"]);
    let expected = "\
# Review of the month 2026-11-01 to 2026-11-30

## Meetings

- Ana Putri: 1 held, 1 cancelled
- Budi: 1 held, 0 cancelled
- In all: 2 held, 1 cancelled
- Agenda items discussed: 3 of 4

## Feedback

- 3 received, 2 acted on

## Commitments

- Mine: 4 made, 1 kept on time, 1 late, 2 open; keep rate 33%
- My mentors': 1 made, 1 kept on time, 0 late, 0 open; keep rate 100%

## Goal progress

- Give talks: 1 → 3 (+2, 25% → 75%), 2 updates

## Wins

- 0 wins noted

## Gratitude

- 1 sent of 2 noted

## Contacts

- 4 contacts, 3 initiated by me (75%)

## Health checks

- Ana Putri: average rating 4.5 (checks: 1)
";
    assert_eq!(out, expected);
}

#[test]
fn review_month_json_has_the_known_figures() {
    let j = review_journal();
    let out = j.ok(&["review", "--period", "month", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["period"], "month");
    assert_eq!(v["start"], "2026-11-01");
    assert_eq!(v["end"], "2026-11-30");
    assert_eq!(v["meetings"]["held"], 2);
    assert_eq!(v["meetings"]["cancelled"], 1);
    assert_eq!(v["meetings"]["per_mentor"][0]["mentor"], "Ana Putri");
    assert_eq!(v["agenda_items"]["total"], 4);
    assert_eq!(v["agenda_items"]["discussed"], 3);
    assert_eq!(v["feedback"]["received"], 3);
    assert_eq!(v["feedback"]["acted_on"], 2);
    let mine = &v["commitments"]["mine"];
    assert_eq!(
        (
            &mine["made"],
            &mine["kept"],
            &mine["late"],
            &mine["open"],
            &mine["open_overdue"]
        ),
        (&4.into(), &1.into(), &1.into(), &2.into(), &1.into())
    );
    let rate = mine["keep_rate"].as_f64().unwrap();
    assert!((rate - 1.0 / 3.0).abs() < 1e-9, "{rate}");
    assert_eq!(v["commitments"]["mentors"]["keep_rate"], 1.0);
    assert_eq!(v["goals"][0]["goal"], "Give talks");
    assert_eq!(v["goals"][0]["change"], 2.0);
    assert_eq!(v["goals"][0]["progress_to"], 0.75);
    assert_eq!(v["gratitude"]["noted"], 2);
    assert_eq!(v["gratitude"]["sent"], 1);
    assert_eq!(v["contacts"]["initiative_share"], 0.75);
    assert_eq!(v["health_checks"][0]["average"], 4.5);
}

#[test]
fn review_week_follows_the_configured_week_start() {
    let j = review_journal();
    // Default: weeks begin on Monday, 23–29 November; the Sunday 23:30 meeting is outside.
    let out = j.ok(&["review"]);
    assert!(
        out.starts_with("# Review of the week 2026-11-23 to 2026-11-29\n"),
        "{out}"
    );
    assert!(out.contains("- No meetings in this period.\n"), "{out}");
    // With week_start = sunday: 22–28 November, and Budi's 23:30 meeting counts.
    let config = j.dir.path().join("config.toml");
    std::fs::write(&config, "week_start = \"sunday\"\n").unwrap();
    let out = j
        .cmd()
        .env("MENTEE_CONFIG", &config)
        .arg("review")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.starts_with("# Review of the week 2026-11-22 to 2026-11-28\n"),
        "{out}"
    );
    assert!(out.contains("- Budi: 1 held, 0 cancelled\n"), "{out}");
    assert!(out.contains("- Agenda items discussed: 1 of 1\n"), "{out}");
}

#[test]
fn review_in_indonesian() {
    let j = review_journal();
    let out = j.ok(&["--lang", "id", "review", "--period", "month"]);
    assert!(
        out.starts_with("# Tinjauan bulanan 2026-11-01 sampai 2026-11-30\n"),
        "{out}"
    );
    assert!(out.contains("- 3 diterima, 2 ditindaklanjuti\n"), "{out}");
}

// ---------------------------------------------------------------------------------- add

fn with_mentors() -> Journal {
    let j = Journal::new();
    let s = j.store();
    for name in ["Daniel Okafor", "Sari Wijaya", "Sarah Lee", "Dani"] {
        mentor(&s, name);
    }
    drop(s);
    j
}

#[test]
fn add_every_kind() {
    let j = with_mentors();
    assert_eq!(
        j.ok(&[
            "add", "question", "--mentor", "sari", "How", "do", "you", "plan?"
        ]),
        "Question parked in the question bank: How do you plan?; mentor: Sari Wijaya\n"
    );
    let out = j.ok(&["add", "goal", "--due", "+2w", "Give a talk"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Goal set: Give a talk; due 2026-12-11");
    assert!(
        lines[1].starts_with("SMART check: not yet S (Specific), M (Measurable)"),
        "{out}"
    );
    assert_eq!(
        j.ok(&["add", "feedback", "--mentor", "DANI", "Open with the story"]),
        "Feedback noted (suggestion): Open with the story; mentor: Dani\n"
    );
    assert_eq!(
        j.ok(&[
            "add",
            "commitment",
            "--mentor",
            "daniel",
            "--owner",
            "mentor",
            "--due",
            "tomorrow",
            "--private",
            "Send the article"
        ]),
        "Commitment noted (mentor): Send the article; mentor: Daniel Okafor; due 2026-11-28; private\n"
    );
    assert_eq!(
        j.ok(&["add", "thanks", "For the intro"]),
        "Thanks noted, not yet sent: For the intro\n"
    );
    j.ok(&["add", "feedback", "--kind", "praise", "Great slides"]);

    let s = j.store();
    let q = s.open_questions(10).unwrap();
    assert_eq!((q.len(), q[0].text.as_str()), (1, "How do you plan?"));
    assert!(q[0].mentor_id.is_some());
    let g = s.goal_summaries(10).unwrap();
    assert_eq!(g[0].goal.title, "Give a talk");
    assert_eq!(g[0].goal.due, Some(d(12, 11)));
    let f = s.feedback_list(10).unwrap();
    assert_eq!(f.len(), 2);
    for row in &f {
        assert_eq!(row.feedback.received_on, d(11, 27));
        assert_eq!(row.feedback.status, FeedbackStatus::Open);
    }
    let kinds: Vec<_> = f.iter().map(|r| r.feedback.kind).collect();
    assert!(kinds.contains(&FeedbackKind::Praise) && kinds.contains(&FeedbackKind::Suggestion));
    let c = &s.commitment_list(10).unwrap()[0];
    assert_eq!(c.commitment.owner, Party::Mentor);
    assert_eq!(c.commitment.due, Some(d(11, 28)));
    assert!(c.commitment.private);
    assert_eq!(c.mentor_name.as_deref(), Some("Daniel Okafor"));
    let t = &s.gratitude_list(10).unwrap()[0];
    assert!(!t.gratitude.sent);
    assert_eq!(t.gratitude.on, d(11, 27));
}

#[test]
fn add_errors_save_nothing() {
    let j = with_mentors();
    let before = j.counts();
    let err = j.fails(&["add", "feedback", "--mentor", "zoe", "hello"]);
    assert_eq!(
        err,
        "mentee: no mentor matches \"zoe\"; mentors: Dani, Daniel Okafor, Sarah Lee, Sari Wijaya\n"
    );
    let err = j.fails(&["add", "commitment", "--mentor", "sa", "hello"]);
    assert_eq!(
        err,
        "mentee: \"sa\" matches several mentors: Sarah Lee, Sari Wijaya; type more of the name\n"
    );
    let err = j.fails(&["add", "commitment", "--due", "2026-02-30", "hello"]);
    assert_eq!(
        err,
        "mentee: --due: \"2026-02-30\" is not a real calendar date\n"
    );
    let err = j.fails(&["add", "question", "   "]);
    assert!(err.starts_with("mentee: nothing to add"), "{err}");
    let err = j.fails(&["add", "thanks"]);
    assert!(err.starts_with("mentee: nothing to add"), "{err}");
    let err = j.fails(&["add", "thanks", "--owner", "mentor", "hi"]);
    assert_eq!(err, "mentee: --owner does not apply to thanks\n");
    assert_eq!(j.counts(), before, "nothing saved");
    // An exact name wins over the prefix it shares with another mentor.
    j.ok(&["add", "thanks", "--mentor", "dani", "hi"]);
    assert_ne!(j.counts(), before);
}

#[test]
fn add_errors_in_indonesian() {
    let j = with_mentors();
    let err = j.fails(&["--lang", "id", "add", "feedback", "--mentor", "sa", "halo"]);
    assert!(err.contains("cocok dengan beberapa mentor"), "{err}");
    let out = j.ok(&[
        "--lang",
        "id",
        "add",
        "commitment",
        "--due",
        "besok",
        "Kirim artikel",
    ]);
    assert_eq!(
        out,
        "Komitmen dicatat (saya): Kirim artikel; jatuh tempo 2026-11-28\n"
    );
}

// ---------------------------------------------------------------------------------- safety

#[test]
fn escape_sequences_in_user_text_are_neutralised() {
    let j = Journal::new();
    {
        let s = j.store();
        let evil = mentor(&s, "Eve\u{1b}[31m");
        let m = meeting(&s, evil, at(11, 30, 10, 0), MeetingStatus::Planned);
        item(
            &s,
            m,
            "clear\u{1b}[2J\u{1b}]0;pwned\u{7} screen",
            Some(5),
            false,
        );
    }
    let out = j.ok(&["add", "question", "bell\u{7}\u{1b}[2Jhere"]);
    let status = j.ok(&["status"]);
    let agenda = j.ok(&["agenda"]);
    let json = j.ok(&["agenda", "--format", "json"]);
    for text in [&out, &status, &agenda, &json] {
        assert!(!text.contains('\u{1b}'), "raw ESC in {text:?}");
        assert!(!text.contains('\u{7}'), "raw BEL in {text:?}");
    }
    assert!(out.contains("bell\u{2407}\u{241b}[2Jhere"), "{out}");
    assert!(status.contains("Eve\u{241b}[31m"), "{status}");
    assert!(
        agenda.contains("clear\u{241b}[2J\u{241b}]0;pwned\u{2407} screen"),
        "{agenda}"
    );
}
