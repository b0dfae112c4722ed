//! Two windows editing the same record (issue 12 item 3), through two connections to one
//! journal file: an edit saves only the fields it changed; a change made elsewhere to other
//! fields is kept (merged); the same field changed on both sides is a conflict the user
//! resolves (keep mine / take theirs) — never a silent loss. One mechanism for every record
//! kind with an edit form.

use chrono::{NaiveDate, NaiveDateTime};
use mentee::domain::*;
use mentee::store::{Editable, Resolution, Store, StoreError, UpdateOutcome};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn at(m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(m, day).and_hms_opt(h, 0, 0).unwrap()
}

/// Two instances (two "windows") on one journal file.
fn two_windows() -> (tempfile::TempDir, Store, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    let a = Store::open(&path, false).unwrap();
    let b = Store::open(&path, false).unwrap();
    (dir, a, b)
}

#[test]
fn the_issue_scenario_a_changes_contact_b_changes_expertise_both_are_kept() {
    let (_dir, mut a, mut b) = two_windows();
    let id = a.save_mentor(&Mentor::new("Ayu")).unwrap();
    // Both forms open on the same mentor.
    let form_a = a.mentor(id).unwrap();
    let form_b = b.mentor(id).unwrap();
    let mut edited_a = form_a.clone();
    edited_a.contact = "ayu@example.org".into();
    assert!(matches!(
        a.update(&form_a, &edited_a).unwrap(),
        UpdateOutcome::Saved { .. }
    ));
    let mut edited_b = form_b.clone();
    edited_b.expertise = "public speaking".into();
    assert_eq!(
        b.update(&form_b, &edited_b).unwrap(),
        UpdateOutcome::Merged {
            version: 2,
            theirs: vec!["contact"]
        }
    );
    let now = a.mentor(id).unwrap();
    assert_eq!(now.contact, "ayu@example.org", "A's change is not lost");
    assert_eq!(now.expertise, "public speaking");
}

#[test]
fn the_same_field_changed_twice_is_a_conflict_resolved_by_the_user() {
    for how in [Resolution::KeepMine, Resolution::TakeTheirs] {
        let (_dir, mut a, mut b) = two_windows();
        let id = a.save_mentor(&Mentor::new("Ayu")).unwrap();
        let form = b.mentor(id).unwrap();
        let mut theirs = a.mentor(id).unwrap();
        theirs.contact = "theirs@example.org".into();
        a.update(&form, &theirs).unwrap();
        let mut mine = form.clone();
        mine.contact = "mine@example.org".into();
        mine.channel = "coffee".into();
        let UpdateOutcome::Conflict(conflict) = b.update(&form, &mine).unwrap() else {
            panic!("a conflict");
        };
        assert_eq!(conflict.fields, vec!["contact"]);
        assert_eq!(conflict.theirs.contact, "theirs@example.org");
        // Nothing was written by the refused save.
        assert_eq!(b.mentor(id).unwrap().channel, "");
        let outcome = b.resolve(&form, &mine, &conflict, how).unwrap();
        assert!(
            matches!(outcome, UpdateOutcome::Saved { .. }),
            "{outcome:?}"
        );
        let now = a.mentor(id).unwrap();
        assert_eq!(now.channel, "coffee", "my other change is saved either way");
        match how {
            Resolution::KeepMine => assert_eq!(now.contact, "mine@example.org"),
            Resolution::TakeTheirs => assert_eq!(now.contact, "theirs@example.org"),
        }
    }
}

#[test]
fn a_resolution_meets_a_newer_change_as_a_new_conflict() {
    let (_dir, mut a, mut b) = two_windows();
    let id = a.save_mentor(&Mentor::new("Ayu")).unwrap();
    let form = b.mentor(id).unwrap();
    let mut first = form.clone();
    first.contact = "one".into();
    a.update(&form, &first).unwrap();
    let mut mine = form.clone();
    mine.contact = "mine".into();
    let UpdateOutcome::Conflict(conflict) = b.update(&form, &mine).unwrap() else {
        panic!("conflict");
    };
    let mut second = a.mentor(id).unwrap();
    let seen = second.clone();
    second.contact = "two".into();
    a.update(&seen, &second).unwrap();
    let again = b
        .resolve(&form, &mine, &conflict, Resolution::KeepMine)
        .unwrap();
    let UpdateOutcome::Conflict(again) = again else {
        panic!("{again:?}");
    };
    assert_eq!(again.theirs.contact, "two");
}

#[test]
fn unchanged_deleted_and_over_the_limit() {
    let (_dir, mut a, b) = two_windows();
    let id = a.save_mentor(&Mentor::new("Ayu")).unwrap();
    let form = a.mentor(id).unwrap();
    assert_eq!(a.update(&form, &form).unwrap(), UpdateOutcome::Unchanged);
    let mut long = form.clone();
    long.research_notes = "x".repeat(100_001);
    assert!(matches!(a.update(&form, &long), Err(StoreError::Limit(_))));
    b.delete_mentor(id).unwrap();
    let mut edited = form.clone();
    edited.contact = "x".into();
    assert!(matches!(
        a.update(&form, &edited),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn every_change_raises_the_version_whatever_path_made_it() {
    let (_dir, a, b) = two_windows();
    let mentor = a.save_mentor(&Mentor::new("Ayu")).unwrap();
    let meeting = a
        .save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            starts_at: at(12, 1, 16),
            minutes: 45,
            status: MeetingStatus::Planned,
            channel: String::new(),
            notes: String::new(),
            agenda_ready: false,
            private: false,
        })
        .unwrap();
    assert_eq!(b.version_of::<Meeting>(meeting).unwrap(), 0);
    a.set_agenda_ready(meeting, true).unwrap();
    assert_eq!(b.version_of::<Meeting>(meeting).unwrap(), 1);
    let mut m = a.meeting(meeting).unwrap();
    m.notes = "x".into();
    a.save_meeting(&m).unwrap();
    assert_eq!(b.version_of::<Meeting>(meeting).unwrap(), 2);
}

/// The same two scenarios for one record kind: other fields merge, the same field conflicts.
fn both_scenarios<T: Editable + std::fmt::Debug + PartialEq>(
    a: &mut Store,
    b: &mut Store,
    id: i64,
    change_one: impl Fn(&mut T, &str),
    change_other: impl Fn(&mut T),
) {
    let form = T::load(b, id).unwrap();
    let mut theirs = T::load(a, id).unwrap();
    change_one(&mut theirs, "theirs");
    let seen = T::load(a, id).unwrap();
    assert!(matches!(
        a.update(&seen, &theirs).unwrap(),
        UpdateOutcome::Saved { .. }
    ));
    let mut other = form.clone();
    change_other(&mut other);
    let outcome = b.update(&form, &other).unwrap();
    assert!(
        matches!(outcome, UpdateOutcome::Merged { .. }),
        "{}: {outcome:?}",
        T::KIND
    );
    let merged = T::load(a, id).unwrap();
    let mut expect = other.clone();
    change_one(&mut expect, "theirs");
    assert_eq!(
        merged.fields().unwrap(),
        expect.fields().unwrap(),
        "{}",
        T::KIND
    );
    let mut stale = form.clone();
    change_one(&mut stale, "mine");
    let outcome = b.update(&form, &stale).unwrap();
    assert!(
        matches!(outcome, UpdateOutcome::Conflict(_)),
        "{}: {outcome:?}",
        T::KIND
    );
    assert_eq!(
        T::load(a, id).unwrap(),
        merged,
        "{}: nothing written",
        T::KIND
    );
}

#[test]
fn one_mechanism_for_every_record_kind_with_an_edit_form() {
    let (_dir, mut a, mut b) = two_windows();
    let mentor = a.save_mentor(&Mentor::new("Ayu")).unwrap();
    let goal = a.save_goal(&Goal::new("Talks")).unwrap();
    let meeting = a
        .save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            starts_at: at(12, 1, 16),
            minutes: 45,
            status: MeetingStatus::Planned,
            channel: String::new(),
            notes: String::new(),
            agenda_ready: false,
            private: false,
        })
        .unwrap();
    let item = a
        .save_agenda_item(&AgendaItem {
            id: 0,
            uuid: String::new(),
            meeting_id: meeting,
            kind: AgendaKind::Topic,
            text: "Slides".into(),
            outcome: String::new(),
            minutes: Some(10),
            position: 0,
            discussed: false,
            note: String::new(),
            goal_id: None,
            commitment_id: None,
            feedback_id: None,
            carried_from: None,
            source: None,
            private: false,
        })
        .unwrap();
    let feedback = a
        .save_feedback(&Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(mentor),
            meeting_id: None,
            received_on: d(11, 1),
            kind: FeedbackKind::Suggestion,
            text: "Open with a story".into(),
            reaction: String::new(),
            status: FeedbackStatus::Open,
            goal_id: None,
            private: false,
        })
        .unwrap();
    let commitment = a
        .save_commitment(&Commitment {
            id: 0,
            uuid: String::new(),
            owner: Party::Me,
            text: "Send slides".into(),
            due: None,
            status: CommitmentStatus::Open,
            done_on: None,
            result: String::new(),
            mentor_id: None,
            meeting_id: None,
            feedback_id: None,
            reported_on: None,
            created_on: d(11, 1),
            private: false,
        })
        .unwrap();
    let thanks = a
        .save_gratitude(&Gratitude {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(mentor),
            meeting_id: None,
            commitment_id: None,
            on: d(11, 2),
            what_for: "the intro".into(),
            sent: false,
            channel: String::new(),
            private: false,
        })
        .unwrap();
    let reflection = a
        .save_reflection(&Reflection {
            id: 0,
            uuid: String::new(),
            period: Period::Week,
            period_start: d(11, 2),
            template: "weekly".into(),
            answers: vec![("wins".into(), "one".into())],
            private: false,
        })
        .unwrap();
    let question = a
        .save_question(&Question {
            id: 0,
            uuid: String::new(),
            text: "How did you decide?".into(),
            mentor_id: None,
            agenda_item_id: None,
            private: false,
        })
        .unwrap();
    let contact = a
        .save_contact(&Contact {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            on: d(11, 3),
            channel: "chat".into(),
            initiative: Party::Me,
            note: String::new(),
            private: false,
        })
        .unwrap();
    let health = a
        .save_health_check(&HealthCheck {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            on: d(11, 4),
            ratings: vec![("trust".into(), 4)],
            note: String::new(),
            private: false,
        })
        .unwrap();
    let (a, b) = (&mut a, &mut b);
    both_scenarios::<Mentor>(
        a,
        b,
        mentor,
        |m, v| m.contact = v.into(),
        |m| m.private = true,
    );
    both_scenarios::<Goal>(
        a,
        b,
        goal,
        |g, v| g.metric = v.into(),
        |g| g.target = Some(2.0),
    );
    both_scenarios::<Meeting>(a, b, meeting, |m, v| m.notes = v.into(), |m| m.minutes = 60);
    both_scenarios::<AgendaItem>(a, b, item, |i, v| i.note = v.into(), |i| i.discussed = true);
    both_scenarios::<Feedback>(
        a,
        b,
        feedback,
        |f, v| f.reaction = v.into(),
        |f| f.status = FeedbackStatus::Trying,
    );
    both_scenarios::<Commitment>(
        a,
        b,
        commitment,
        |c, v| c.result = v.into(),
        |c| c.due = Some(d(12, 24)),
    );
    both_scenarios::<Gratitude>(a, b, thanks, |g, v| g.channel = v.into(), |g| g.sent = true);
    both_scenarios::<Reflection>(
        a,
        b,
        reflection,
        |r, v| r.template = v.into(),
        |r| r.answers[0].1 = "two".into(),
    );
    both_scenarios::<Question>(
        a,
        b,
        question,
        |q, v| q.text = v.into(),
        |q| q.private = true,
    );
    both_scenarios::<Contact>(
        a,
        b,
        contact,
        |c, v| c.note = v.into(),
        |c| c.channel = "call".into(),
    );
    both_scenarios::<HealthCheck>(
        a,
        b,
        health,
        |h, v| h.note = v.into(),
        |h| h.ratings[0].1 = 5,
    );
}
