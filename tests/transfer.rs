//! Export, import and backup as a library: round trips, idempotence, every kind of broken
//! file, the Markdown and iCalendar exports, and the atomic file write.

use chrono::{NaiveDate, NaiveDateTime};
use mentee::domain::*;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::transfer::{
    ImportReport, Problem, TransferError, export_ics, export_json, export_markdown, import_json,
    write_atomic,
};
use serde_json::{Value, json};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// A journal with every record kind, references between them, and private records.
fn fixture() -> Store {
    let s = Store::open_in_memory().unwrap();
    let mut ayu = Mentor::new("Ayu Lestari");
    ayu.status = MentorStatus::Active;
    ayu.status_since = Some(day("2026-01-05"));
    ayu.goals_covered = "Public speaking; architecture".into();
    ayu.cadence_days = Some(14);
    ayu.channel = "video call".into();
    ayu.review_on = Some(day("2026-04-01"));
    let ayu = s.save_mentor(&ayu).unwrap();
    let mut budi = Mentor::new("Budi (secret)");
    budi.private = true;
    let budi = s.save_mentor(&budi).unwrap();

    s.save_contact(&Contact {
        id: 0,
        uuid: String::new(),
        mentor_id: ayu,
        on: day("2026-01-06"),
        channel: "chat".into(),
        initiative: Party::Me,
        note: "asked about talks".into(),
        private: false,
    })
    .unwrap();
    s.save_health_check(&HealthCheck {
        id: 0,
        uuid: String::new(),
        mentor_id: ayu,
        on: day("2026-02-01"),
        ratings: vec![("progress".into(), 4), ("trust".into(), 5)],
        note: "good".into(),
        private: false,
    })
    .unwrap();

    let mut talks = Goal::new("Give two conference talks");
    talks.specific = "Talk at two meetups".into();
    talks.metric = "talks given".into();
    talks.baseline = Some(0.0);
    talks.target = Some(2.0);
    talks.unit = "talks".into();
    talks.due = Some(day("2026-06-30"));
    talks.area = GoalArea::Confidence;
    talks.mentor_id = Some(ayu);
    let talks = s.save_goal(&talks).unwrap();
    let mut secret_goal = Goal::new("Change jobs");
    secret_goal.private = true;
    let secret_goal = s.save_goal(&secret_goal).unwrap();

    let reflection = s
        .save_reflection(&Reflection {
            id: 0,
            uuid: String::new(),
            period: Period::Month,
            period_start: day("2026-01-01"),
            template: "monthly".into(),
            answers: vec![("wins".into(), "First talk, \"done\"\nline two".into())],
            private: false,
        })
        .unwrap();
    s.save_progress(&ProgressUpdate {
        id: 0,
        uuid: String::new(),
        goal_id: talks,
        on: day("2026-02-10"),
        value: 1.5,
        note: "half a talk?".into(),
    })
    .unwrap();
    s.save_revision(&GoalRevision {
        id: 0,
        uuid: String::new(),
        goal_id: talks,
        on: day("2026-02-11"),
        field: "target".into(),
        old_value: "1".into(),
        new_value: "2".into(),
        reason: "ambitious".into(),
        reflection_id: Some(reflection),
    })
    .unwrap();

    let meeting = s
        .save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id: ayu,
            starts_at: at("2026-02-03 23:30"),
            minutes: 45,
            status: MeetingStatus::Held,
            channel: "Zoom; link, later\\".into(),
            notes: "Talked about talks.\nNext: outline".into(),
            agenda_ready: true,
            private: false,
        })
        .unwrap();
    s.save_meeting(&Meeting {
        id: 0,
        uuid: String::new(),
        mentor_id: budi,
        starts_at: at("2026-02-04 10:00"),
        minutes: 30,
        status: MeetingStatus::Cancelled,
        channel: String::new(),
        notes: String::new(),
        agenda_ready: false,
        private: false,
    })
    .unwrap();

    let feedback = s
        .save_feedback(&Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(ayu),
            meeting_id: Some(meeting),
            received_on: day("2026-02-03"),
            kind: FeedbackKind::Suggestion,
            text: "Slow down when speaking".into(),
            reaction: "fair".into(),
            status: FeedbackStatus::Trying,
            goal_id: Some(talks),
            private: false,
        })
        .unwrap();
    let secret_feedback = s
        .save_feedback(&Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(ayu),
            meeting_id: None,
            received_on: day("2026-02-05"),
            kind: FeedbackKind::Critique,
            text: "Private critique".into(),
            reaction: String::new(),
            status: FeedbackStatus::Open,
            goal_id: Some(secret_goal),
            private: true,
        })
        .unwrap();
    let commitment = s
        .save_commitment(&Commitment {
            id: 0,
            uuid: String::new(),
            owner: Party::Me,
            text: "Record a practice talk".into(),
            due: Some(day("2026-02-17")),
            status: CommitmentStatus::Done,
            done_on: Some(day("2026-02-15")),
            result: "slower is better".into(),
            mentor_id: Some(ayu),
            meeting_id: Some(meeting),
            feedback_id: Some(feedback),
            reported_on: None,
            created_on: day("2026-02-03"),
            private: false,
        })
        .unwrap();
    s.save_commitment(&Commitment {
        id: 0,
        uuid: String::new(),
        owner: Party::Mentor,
        text: "Send reading list".into(),
        due: None,
        status: CommitmentStatus::Open,
        done_on: None,
        result: String::new(),
        mentor_id: Some(ayu),
        meeting_id: None,
        feedback_id: Some(secret_feedback),
        reported_on: None,
        created_on: day("2026-02-05"),
        private: false,
    })
    .unwrap();

    let first = s
        .save_agenda_item(&AgendaItem {
            id: 0,
            uuid: String::new(),
            meeting_id: meeting,
            kind: AgendaKind::Question,
            text: "How do I pick a topic?".into(),
            outcome: "pick what you know".into(),
            minutes: Some(10),
            position: 0,
            discussed: true,
            note: String::new(),
            goal_id: Some(talks),
            commitment_id: None,
            feedback_id: None,
            carried_from: None,
            source: None,
            private: false,
        })
        .unwrap();
    let second = s
        .save_agenda_item(&AgendaItem {
            id: 0,
            uuid: String::new(),
            meeting_id: meeting,
            kind: AgendaKind::Update,
            text: "Practice talk result".into(),
            outcome: String::new(),
            minutes: None,
            position: 0,
            discussed: false,
            note: "bring the video".into(),
            goal_id: None,
            commitment_id: Some(commitment),
            feedback_id: Some(feedback),
            carried_from: Some(first),
            source: Some("commitment:1".into()),
            private: false,
        })
        .unwrap();
    s.save_question(&Question {
        id: 0,
        uuid: String::new(),
        text: "What did you wish you knew at my stage?".into(),
        mentor_id: Some(ayu),
        agenda_item_id: Some(second),
        private: false,
    })
    .unwrap();
    s.save_gratitude(&Gratitude {
        id: 0,
        uuid: String::new(),
        mentor_id: Some(ayu),
        meeting_id: Some(meeting),
        commitment_id: Some(commitment),
        on: day("2026-02-16"),
        what_for: "the slow-down tip".into(),
        sent: true,
        channel: "email".into(),
        private: false,
    })
    .unwrap();
    s
}

fn doc(store: &Store) -> Value {
    serde_json::from_str(&export_json(store, true).unwrap()).unwrap()
}

fn problems(err: TransferError) -> Vec<String> {
    match err {
        TransferError::Invalid(problems) => problems.iter().map(Problem::to_string).collect(),
        other => panic!("expected problems, got {other}"),
    }
}

#[test]
fn export_has_every_kind_in_order_with_references_by_uuid() {
    let store = fixture();
    let d = doc(&store);
    // serde_json sorts keys when parsing, so check the order on the text itself.
    let text = export_json(&store, true).unwrap();
    let order = [
        "\"format\"",
        "\"version\"",
        "\"mentors\"",
        "\"contacts\"",
        "\"health_checks\"",
        "\"goals\"",
        "\"goal_progress\"",
        "\"goal_revisions\"",
        "\"meetings\"",
        "\"agenda_items\"",
        "\"questions\"",
        "\"feedback\"",
        "\"commitments\"",
        "\"gratitude\"",
        "\"reflections\"",
        "\"wins\"",
        "\"resources\"",
        "\"mentor_fit\"",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|k| text.find(&format!("\n  {k}: ")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert_eq!(d.as_object().unwrap().len(), order.len());
    assert_eq!(d["format"], "mentee-journal");
    assert_eq!(d["version"], 3);
    let ayu = d["mentors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Ayu Lestari")
        .unwrap();
    let meeting = d["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["minutes"] == 45)
        .unwrap();
    assert_eq!(meeting["mentor"], ayu["uuid"]);
    assert_eq!(meeting["starts_at"], "2026-02-03 23:30:00");
    assert_eq!(meeting["agenda_ready"], true);
    assert!(meeting.get("mentor_id").is_none() && meeting.get("id").is_none());
    for field in ["uuid", "created_at", "updated_at", "private"] {
        assert!(ayu.get(field).is_some(), "{field}");
    }
    assert_eq!(
        d["health_checks"][0]["ratings"],
        json!([{"question": "progress", "rating": 4}, {"question": "trust", "rating": 5}])
    );
    assert!(!text.contains("drafts"));
}

#[test]
fn export_import_export_is_identical() {
    let source = fixture();
    source.save_draft("goal:new", "{\"title\":\"x\"}").unwrap();
    for include_private in [true, false] {
        let first = export_json(&source, include_private).unwrap();
        let mut target = Store::open_in_memory().unwrap();
        let report = import_json(&mut target, &first, false).unwrap();
        assert_eq!(report.kind("agenda_items").unwrap().added, 2);
        assert_eq!(report.changed(), report.total());
        let second = export_json(&target, true).unwrap();
        assert_eq!(first, second, "include_private = {include_private}");
        // The imported journal reads back through the ordinary store API.
        let mentors = if include_private { 2 } else { 1 };
        assert_eq!(target.mentors().unwrap().len(), mentors);
    }
}

#[test]
fn importing_twice_changes_nothing() {
    let source = fixture();
    let text = export_json(&source, true).unwrap();
    let mut target = Store::open_in_memory().unwrap();
    import_json(&mut target, &text, false).unwrap();
    let before = export_json(&target, true).unwrap();
    let report = import_json(&mut target, &text, false).unwrap();
    assert_eq!(report.changed(), 0, "{report}");
    assert_eq!(report.kind("mentors").unwrap().unchanged, 2);
    assert_eq!(export_json(&target, true).unwrap(), before);
    // And into the journal it came from: everything is already there.
    let mut source = source;
    let report = import_json(&mut source, &text, false).unwrap();
    assert_eq!(report.changed(), 0, "{report}");
    assert_eq!(export_json(&source, true).unwrap(), text);
}

#[test]
fn same_uuid_updates_in_place_and_keeps_the_files_timestamps() {
    let mut store = fixture();
    let mut d = doc(&store);
    let goal = d["goals"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|g| g["title"] == "Give two conference talks")
        .unwrap();
    goal["title"] = json!("Give three talks");
    goal["updated_at"] = json!("2030-01-01T00:00:00Z");
    let report = import_json(&mut store, &d.to_string(), false).unwrap();
    let goals = report.kind("goals").unwrap();
    assert_eq!((goals.added, goals.updated, goals.unchanged), (0, 1, 1));
    assert_eq!(report.changed(), 1);
    let after = doc(&store);
    assert_eq!(after["goals"].as_array().unwrap().len(), 2);
    let goal = after["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["title"] == "Give three talks")
        .unwrap();
    assert_eq!(goal["updated_at"], "2030-01-01T00:00:00Z");
}

#[test]
fn dry_run_reports_without_writing() {
    let text = export_json(&fixture(), true).unwrap();
    let mut target = Store::open_in_memory().unwrap();
    let empty = export_json(&target, true).unwrap();
    let report: ImportReport = import_json(&mut target, &text, true).unwrap();
    assert!(report.dry_run);
    assert_eq!(report.kind("meetings").unwrap().added, 2);
    assert_eq!(export_json(&target, true).unwrap(), empty);
    let shown = report.to_string();
    assert!(
        shown.contains("meetings: 2 added, 0 updated, 0 unchanged"),
        "{shown}"
    );
}

#[test]
fn private_records_are_left_out_with_what_depends_on_them() {
    let store = fixture();
    let public: Value = serde_json::from_str(&export_json(&store, false).unwrap()).unwrap();
    let text = public.to_string();
    for secret in ["Budi", "Private critique", "Change jobs"] {
        assert!(!text.contains(secret), "{secret}");
    }
    // The meeting with the private mentor cannot exist without them.
    assert_eq!(public["meetings"].as_array().unwrap().len(), 1);
    // A public commitment that pointed at private feedback keeps existing, unlinked.
    let list = public["commitments"].as_array().unwrap();
    let reading = list
        .iter()
        .find(|c| c["text"] == "Send reading list")
        .unwrap();
    assert_eq!(reading["feedback"], Value::Null);
    assert!(list.iter().all(|c| c["private"] == false));
}

type Break = Box<dyn Fn(&mut Value)>;

fn set(pointer: &'static str, value: Value) -> Break {
    Box::new(move |d: &mut Value| *d.pointer_mut(pointer).unwrap() = value.clone())
}

fn edit(f: impl Fn(&mut Value) + 'static) -> Break {
    Box::new(f)
}

/// A valid export broken one way at a time: each gives exactly its one message, in a dry
/// run and a real one, and the journal stays byte-for-byte the same.
#[test]
fn every_broken_file_is_refused_with_its_exact_message() {
    let mut store = fixture();
    let base = doc(&store);
    let ghost = "5f0c7d2e-1111-4222-8333-944455556666";
    let goal0 = base["goals"][0]["uuid"].as_str().unwrap().to_string();
    let long = "x".repeat(100_001);
    let over = "text of 100001 characters is over the limit of 100000";
    let cases: Vec<(Break, String)> = vec![
        (
            set("/version", json!(9)),
            "version: format version 9 is newer than this mentee supports (3)".into(),
        ),
        (
            set("/format", json!("other-app")),
            "format: \"other-app\" is not \"mentee-journal\"; is this a mentee export?".into(),
        ),
        (
            set("/commitments/0/due_on", json!("2026-02-30")),
            "commitments[0].due_on: \"2026-02-30\" is not a date (YYYY-MM-DD)".into(),
        ),
        (
            set("/meetings/0/mentor", json!(ghost)),
            format!(
                "meetings[0].mentor: no mentor with uuid \"{ghost}\" in the file or the journal"
            ),
        ),
        (
            set("/goals/0/status", json!("finished")),
            "goals[0].status: \"finished\" is not a goal status; \
             expected one of: active, achieved, paused, dropped"
                .into(),
        ),
        (
            set("/agenda_items/0/kind", json!("chat")),
            "agenda_items[0].kind: \"chat\" is not a agenda item kind; \
             expected one of: topic, question, update, ask"
                .into(),
        ),
        (
            set("/mentors/0/uuid", json!("not-a-uuid")),
            "mentors[0].uuid: \"not-a-uuid\" is not a UUID".into(),
        ),
        (
            edit(|d| {
                d["meetings"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("starts_at");
            }),
            "meetings[0].starts_at: required field is missing".into(),
        ),
        (
            set("/meetings/0/starts_at", json!("next tuesday")),
            "meetings[0].starts_at: \"next tuesday\" is not a local time (YYYY-MM-DD HH:MM)".into(),
        ),
        (
            set("/meetings/0/minutes", json!("thirty")),
            "meetings[0].minutes: expected a whole number, found a string".into(),
        ),
        (
            set("/meetings/0/minutes", json!(0)),
            "meetings[0].minutes: 0 is outside the accepted range 1 to 1440".into(),
        ),
        (
            set("/agenda_items/0/minutes", json!(4_294_967_295u64)),
            "agenda_items[0].minutes: 4294967295 is outside the accepted range 0 to 1440".into(),
        ),
        (
            set("/agenda_items/0/minutes", json!(u64::MAX)),
            "agenda_items[0].minutes: 18446744073709551615 is outside the accepted range \
             0 to 1440"
                .into(),
        ),
        (
            set("/meetings/0/minutes", json!(1e9)),
            "meetings[0].minutes: expected a whole number, found the number 1000000000.0".into(),
        ),
        (
            set("/version", json!(1e30)),
            "version: 1e+30 is not a format version; this mentee reads versions 1 to 3".into(),
        ),
        (
            set("/health_checks/0/ratings/0/rating", json!(7)),
            "health_checks[0].ratings[0].rating: 7 is outside the accepted range 1 to 5".into(),
        ),
        (
            set("/goals/0/target", json!(1e300)),
            "goals[0].target: 1e+300 is outside the accepted range -1e15 to 1e15".into(),
        ),
        (
            set("/mentors/0/created_at", json!("0000-01-01T00:00:00+01:00")),
            "mentors[0].created_at: -0001-12-31T23:00:00+00:00 is outside the supported dates \
             (1900-01-01 to 9999-12-31)"
                .into(),
        ),
        (
            set("/commitments/0/due_on", json!("1899-12-31")),
            "commitments[0].due_on: 1899-12-31 is outside the supported dates \
             (1900-01-01 to 9999-12-31)"
                .into(),
        ),
        (
            set("/meetings/0/starts_at", json!("+262142-12-30 10:00")),
            "meetings[0].starts_at: +262142-12-30 10:00:00 is outside the supported dates \
             (1900-01-01 to 9999-12-31)"
                .into(),
        ),
        (
            edit(|d| d["x\u{1b}]0;PWNED\u{7}"] = json!([])),
            "x\u{241b}]0;PWNED\u{2407}: unknown record kind".into(),
        ),
        (
            set("/reflections/0/answers/0/answer", json!(long)),
            format!("reflections[0].answers[0].answer: {over}"),
        ),
        (
            set("/feedback/0/text", json!(long)),
            format!("feedback[0].text: {over}"),
        ),
        (
            set("/mentors/0/name", json!("  ")),
            "mentors[0].name: must not be empty".into(),
        ),
        (
            set("/feedback/0/private", json!("yes")),
            "feedback[0].private: expected true or false, found a string".into(),
        ),
        (
            set("/gratitude/0/created_at", json!("yesterday")),
            "gratitude[0].created_at: \"yesterday\" is not an RFC 3339 timestamp \
             (2026-01-31T09:00:00Z)"
                .into(),
        ),
        (
            set("/contacts/0/on_date", json!(20260106)),
            "contacts[0].on_date: expected a date string, found the number 20260106".into(),
        ),
        (
            edit(|d| d["commitments"][0]["due"] = json!("2026-01-01")),
            "commitments[0].due: unknown field".into(),
        ),
        (
            edit(|d| d["metings"] = json!([])),
            "metings: unknown record kind".into(),
        ),
        (
            set("/questions", json!({})),
            "questions: expected an array, found an object".into(),
        ),
        (
            set("/goal_progress/0", json!("progress")),
            "goal_progress[0]: expected an object, found a string".into(),
        ),
        (
            edit(|d| {
                let copy = d["goals"][0].clone();
                d["goals"].as_array_mut().unwrap().push(copy);
            }),
            format!("goals[2].uuid: uuid \"{goal0}\" is used twice (also at goals[0])"),
        ),
        (
            set("/goals/0/mentor", json!(42)),
            "goals[0].mentor: expected a UUID string, found the number 42".into(),
        ),
        (
            set("/contacts/0/initiative", Value::Null),
            "contacts[0].initiative: expected a string, found null".into(),
        ),
        (
            set("", json!([1, 2])),
            "document: expected a JSON object, found an array".into(),
        ),
    ];
    assert!(cases.len() >= 12);
    let before = export_json(&store, true).unwrap();
    let counts_before = store.counts().unwrap();
    for (i, (breaker, expected)) in cases.iter().enumerate() {
        let mut d = base.clone();
        breaker(&mut d);
        for dry_run in [true, false] {
            let err = import_json(&mut store, &d.to_string(), dry_run).unwrap_err();
            assert_eq!(problems(err), vec![expected.clone()], "case {i}");
        }
        let after = export_json(&store, true).unwrap();
        assert!(after == before, "case {i} changed the journal");
    }
    assert_eq!(store.counts().unwrap(), counts_before);
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = doc(&fixture());
    d["commitments"][0]["due_on"] = json!("2026-13-01");
    d["goals"][1]["area"] = json!("cooking");
    d["mentors"] = json!([]);
    let err = import_json(&mut store, &d.to_string(), false).unwrap_err();
    let list = problems(err);
    let has = |prefix: &str| list.iter().any(|p| p.starts_with(prefix));
    assert!(has("commitments[0].due_on: "), "{list:#?}");
    assert!(has("goals[1].area: \"cooking\""), "{list:#?}");
    // Without the mentors, every reference to them is reported too.
    assert!(has("contacts[0].mentor: no mentor with uuid"), "{list:#?}");
    assert!(list.len() >= 5);
    assert!(store.is_empty().unwrap());
}

#[test]
fn not_json_is_a_json_error_and_problems_display_as_path_colon_message() {
    let mut store = Store::open_in_memory().unwrap();
    let err = import_json(&mut store, "{\"format\": ", false).unwrap_err();
    assert!(matches!(err, TransferError::Json(_)));
    assert!(
        err.to_string().starts_with("the file is not valid JSON"),
        "{err}"
    );
    let err = TransferError::Invalid(vec![Problem {
        path: "a[1].b".into(),
        message: "bad".into(),
    }]);
    assert_eq!(
        err.to_string(),
        "the file has 1 problem; nothing was imported:\n  a[1].b: bad"
    );
}

#[test]
fn a_minimal_hand_written_file_takes_the_defaults() {
    let mut store = Store::open_in_memory().unwrap();
    let text = r#"{"format": "mentee-journal", "version": 1,
        "mentors": [{"uuid": "5F0C7D2E-1111-4222-8333-944455556666",
                     "created_at": "2026-01-01T10:00:00+07:00",
                     "updated_at": "2026-01-01T10:00:00+07:00", "name": "Sari"}],
        "meetings": [{"uuid": "6f0c7d2e-1111-4222-8333-944455556666",
                      "created_at": "2026-01-01T03:00:00Z", "updated_at": "2026-01-01T03:00:00Z",
                      "mentor": "5f0c7d2e-1111-4222-8333-944455556666",
                      "starts_at": "2026-01-08T09:30"}]}"#;
    let report = import_json(&mut store, text, false).unwrap();
    assert_eq!(report.changed(), 2);
    let d = doc(&store);
    assert_eq!(
        d["mentors"][0]["uuid"],
        "5f0c7d2e-1111-4222-8333-944455556666"
    );
    assert_eq!(d["mentors"][0]["created_at"], "2026-01-01T03:00:00Z");
    assert_eq!(d["mentors"][0]["status"], "candidate");
    assert_eq!(d["meetings"][0]["starts_at"], "2026-01-08 09:30:00");
    assert_eq!(d["meetings"][0]["minutes"], 30);
    // And the store reads it back as a domain value.
    assert_eq!(store.mentors().unwrap()[0].name, "Sari");
    let again = import_json(&mut store, text, false).unwrap();
    assert_eq!(again.changed(), 0);
}

#[test]
fn markdown_shows_the_whole_journal_and_neutralises_escapes() {
    let store = fixture();
    let mut evil = Mentor::new("Eve\u{1b}[2J\u{1b}]0;pwned\u{7}");
    evil.research_notes = "line one\n\u{1b}[31mred\u{202e}".into();
    store.save_mentor(&evil).unwrap();
    let md = export_markdown(&store, false, Lang::En).unwrap();
    for expected in [
        "# Mentoring journal",
        "### Ayu Lestari",
        "- **Meet every:** 14 days",
        "### Give two conference talks",
        "- **Measurable:** talks given (from 0 to 2 talks)",
        "- 2026-02-10: 1.5 talks half a talk?",
        "- 2026-02-11: target 1 → 2 (ambitious)",
        "### 2026-02-03 23:30 with Ayu Lestari",
        "- [x] How do I pick a topic? (question, 10 min)",
        "  - outcome: pick what you know",
        "> Slow down when speaking",
        "- [x] Record a practice talk (me, due 2026-02-17, done 2026-02-15)",
        "(sent by email)",
        "### month from 2026-01-01",
        "- **wins:** First talk, \"done\"\n  line two",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    assert!(
        md.contains('\u{241b}'),
        "escape shown as a visible placeholder"
    );
    assert!(!md.contains("Budi") && !md.contains("Change jobs"));
    let full = export_markdown(&store, true, Lang::En).unwrap();
    assert!(full.contains("### Budi (secret) _(private)_"));
    let empty = export_markdown(&Store::open_in_memory().unwrap(), true, Lang::En).unwrap();
    assert!(empty.contains("_The journal is empty._"));
}

#[test]
fn markdown_says_who_reached_out_and_titles_reflection_answers() {
    let store = fixture();
    let ayu = store.mentors().unwrap()[0].id;
    store
        .save_contact(&Contact {
            id: 0,
            uuid: String::new(),
            mentor_id: ayu,
            on: day("2026-01-07"),
            channel: "email".into(),
            initiative: Party::Mentor,
            note: "sent a link".into(),
            private: false,
        })
        .unwrap();
    store
        .save_reflection(&Reflection {
            id: 0,
            uuid: String::new(),
            period: Period::Week,
            period_start: day("2026-01-12"),
            template: "gtd-weekly".into(),
            answers: vec![("get_clear".into(), "inbox zero".into())],
            private: false,
        })
        .unwrap();
    let en = export_markdown(&store, true, Lang::En).unwrap();
    for expected in [
        "2026-01-06 chat (I reached out): asked about talks",
        "2026-01-07 email (Ayu Lestari reached out): sent a link",
        "- **Get clear:** inbox zero",
        // A template the journal does not know keeps the answer's code.
        "- **wins:** First talk",
    ] {
        assert!(en.contains(expected), "missing {expected:?} in\n{en}");
    }
    assert!(!en.contains("me reached out") && !en.contains("get_clear"));
    let id = export_markdown(&store, true, Lang::Id).unwrap();
    for expected in [
        "2026-01-06 chat (saya yang menghubungi): asked about talks",
        "2026-01-07 email (Ayu Lestari yang menghubungi): sent a link",
        "- **Jernihkan:** inbox zero",
    ] {
        assert!(id.contains(expected), "missing {expected:?} in\n{id}");
    }
}

#[test]
fn ics_has_one_valid_vevent_per_meeting() {
    let store = fixture();
    let ics = export_ics(&store, true, Lang::En).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
    let d = doc(&store);
    let held = d["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["minutes"] == 45)
        .unwrap();
    for expected in [
        format!("UID:{}@mentee\r\n", held["uuid"].as_str().unwrap()),
        "DTSTART:20260203T233000\r\nDTEND:20260204T001500\r\n".into(),
        "SUMMARY:Mentoring: Ayu Lestari\r\nSTATUS:CONFIRMED\r\n".into(),
        "LOCATION:Zoom\\; link\\, later\\\\\r\n".into(),
        "DESCRIPTION:Talked about talks.\\nNext: outline\\n\\nAgenda:\\n- How do I pick a topic?\\n- Practice talk result\r\n".into(),
        "SUMMARY:Mentoring: Budi (secret)\r\nSTATUS:CANCELLED\r\n".into(),
    ] {
        assert!(unfolded.contains(&expected), "missing {expected:?} in\n{unfolded}");
    }
    // The meeting with a private mentor is not in a public calendar.
    let public = export_ics(&store, false, Lang::En).unwrap();
    assert_eq!(public.matches("BEGIN:VEVENT").count(), 1);
    assert!(!public.contains("Budi"));
}

#[test]
fn ics_folds_long_lines_without_splitting_characters() {
    let store = Store::open_in_memory().unwrap();
    let mentor = store.save_mentor(&Mentor::new("Ayu")).unwrap();
    store
        .save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            starts_at: at("2026-03-01 09:00"),
            minutes: 30,
            status: MeetingStatus::Planned,
            channel: String::new(),
            notes: format!("{}\u{1b}[2J", "東京で会いましょう; ".repeat(12)),
            agenda_ready: false,
            private: false,
        })
        .unwrap();
    let ics = export_ics(&store, false, Lang::En).unwrap();
    let description: Vec<&str> = ics
        .split("\r\n")
        .skip_while(|l| !l.starts_with("DESCRIPTION:"))
        .take_while(|l| l.starts_with("DESCRIPTION:") || l.starts_with(' '))
        .collect();
    assert!(description.len() > 3, "{ics}");
    assert!(description.iter().all(|l| l.len() <= 75));
    // Unfolding (dropping CRLF + the one leading space) gives back the escaped text whole.
    let joined: String = description
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                &l["DESCRIPTION:".len()..]
            } else {
                &l[1..]
            }
        })
        .collect();
    assert!(
        joined.starts_with(&"東京で会いましょう\\; ".repeat(12)),
        "{joined}"
    );
    assert!(!ics.contains('\u{1b}'));
}

#[test]
fn atomic_write_creates_a_private_file_and_replaces_whole() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    write_atomic(&path, b"first").unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    write_atomic(&path, b"second, longer").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second, longer");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp left"
    );
}

#[test]
fn atomic_write_that_fails_leaves_the_existing_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    // The target is a folder: the rename fails after the temp file was fully written.
    let target = dir.path().join("export.json");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep"), b"kept").unwrap();
    assert!(write_atomic(&target, b"new").is_err());
    assert_eq!(std::fs::read(target.join("keep")).unwrap(), b"kept");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp left"
    );
    // A folder that does not exist: nothing is created.
    let missing = dir.path().join("nope").join("x.json");
    assert!(write_atomic(&missing, b"x").is_err());
    assert!(!missing.exists());
}

#[test]
fn references_may_point_forwards_in_the_file() {
    let source = fixture();
    let original = export_json(&source, true).unwrap();
    let mut d: Value = serde_json::from_str(&original).unwrap();
    for key in ["commitments", "feedback", "mentors", "goals"] {
        d[key].as_array_mut().unwrap().reverse();
    }
    // The carried-over item before the item it carries over.
    let items = d["agenda_items"].as_array_mut().unwrap();
    items.sort_by_key(|i| i["carried_from"].is_null());
    assert!(!items[0]["carried_from"].is_null());
    let mut target = Store::open_in_memory().unwrap();
    import_json(&mut target, &d.to_string(), false).unwrap();
    assert_eq!(export_json(&target, true).unwrap(), original);
}

#[test]
fn indonesian_markdown_and_calendar_translate_the_words_and_still_neutralise_user_text() {
    let store = fixture();
    let mut evil = Mentor::new("Eve\u{1b}[2J\u{1b}]0;pwned\u{7}");
    evil.research_notes = "line one\n\u{1b}[31mred\u{202e}".into();
    store.save_mentor(&evil).unwrap();
    let md = export_markdown(&store, true, Lang::Id).unwrap();
    for expected in [
        "# Jurnal mentoring\n",
        "## Mentor\n",
        "- **Bertemu setiap:** 14 hari",
        "- **Terukur:** talks given (dari 0 ke 2 talks)",
        "- 2026-02-11: target 1 → 2 (ambitious)",
        "### 2026-02-03 23:30 dengan Ayu Lestari",
        "(pertanyaan, 10 mnt)",
        "  - hasil: pick what you know",
        "(saya, jatuh tempo 2026-02-17, selesai 2026-02-15)",
        "(terkirim lewat email)",
        "### Budi (secret) _(pribadi)_",
        "**Catatan riset**",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    for english in [
        "Mentoring journal",
        "## Goals",
        "## Meetings",
        "**Research notes**",
        "(question,",
        " with Ayu",
        "_(private)_",
    ] {
        assert!(
            !md.contains(english),
            "{english:?} left in English in\n{md}"
        );
    }
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    assert!(md.contains('\u{241b}'));

    let ics = export_ics(&store, true, Lang::Id)
        .unwrap()
        .replace("\r\n ", "");
    assert!(
        ics.contains("SUMMARY:Pertemuan mentoring: Ayu Lestari\r\n"),
        "{ics}"
    );
    assert!(!ics.contains("SUMMARY:Mentoring:"), "{ics}");
    assert!(!ics.replace("\r\n", "").chars().any(char::is_control));
}

#[test]
fn problems_and_reports_in_indonesian_keep_the_paths_and_english_display() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = doc(&fixture());
    d["commitments"][0]["due_on"] = json!("2026-02-30");
    d["goals"][1]["area"] = json!("cooking\u{1b}[2J");
    d["meetings"][0]["minutes"] = json!(0);
    let err = import_json(&mut store, &d.to_string(), false).unwrap_err();
    let TransferError::Invalid(list) = &err else {
        panic!("expected problems, got {err}");
    };
    let id = err.message_in(Lang::Id);
    assert!(
        id.starts_with("berkas ini punya 3 masalah; tidak ada yang diimpor:"),
        "{id}"
    );
    for p in list {
        assert!(id.contains(&format!("\n  {}: ", p.path)), "{id}");
        assert_eq!(p.message_in(Lang::En), p.to_string());
    }
    assert!(id.contains("commitments[0].due_on: \"2026-02-30\" bukan tanggal (YYYY-MM-DD)"));
    assert!(id.contains("meetings[0].minutes: 0 di luar rentang yang diterima, 1 sampai 1440"));
    assert!(id.contains("goals[1].area: \"cooking\\u{1b}[2J\" bukan bidang sasaran"));
    assert!(!id.contains('\u{1b}'));
    assert_eq!(err.message_in(Lang::En), err.to_string());

    let text = export_json(&fixture(), true).unwrap();
    let report = import_json(&mut store, &text, true).unwrap();
    let id = report.render(Lang::Id);
    assert!(id.starts_with("uji coba: tidak ada yang ditulis\n"), "{id}");
    assert!(
        id.contains("\nmentors: 2 ditambahkan, 0 diperbarui, 0 tidak berubah\n"),
        "{id}"
    );
    assert_eq!(report.render(Lang::En), report.to_string());
}
