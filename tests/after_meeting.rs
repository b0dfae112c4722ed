//! After the meeting: the debrief end to end (one save, all or nothing, kept as a draft),
//! the Feedback, Commitments and Gratitude views (filters, `x`, the keep rate, the nudge
//! list), the experiment chain into the next agenda and the gratitude nudges, and snapshots.

mod common;

use chrono::{Duration, NaiveDate};
use common::*;
use mentee::domain::nudges::{NudgeKind, nudges};
use mentee::domain::suggest::suggest;
use mentee::domain::{CommitmentStatus, FeedbackStatus, Gratitude, MeetingStatus, Party};
use mentee::i18n::Lang;
use mentee::store::{DebriefPlan, Store};
use mentee::tui::App;
use mentee::tui::keys::Action;
use mentee::tui::views::View;
use mentee::tui::views::debrief::steps::Step;
use ratatui::crossterm::event::{Event, KeyCode};

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, c);
    }
}

fn today() -> NaiveDate {
    now().date()
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The demo's most recent meeting (held two weeks ago), selected in the Meetings view.
fn select_latest_meeting(app: &mut App) -> i64 {
    let id = common::select_latest_meeting(app);
    assert!(
        app.views
            .meetings
            .list
            .selected()
            .unwrap()
            .meeting
            .starts_at
            < now()
    );
    id
}

fn step(app: &App) -> Step {
    app.debrief().expect("debrief open").step()
}

/// Walks every step of the debrief of meeting `id` with the keys a user presses.
fn debrief_every_step(app: &mut App, snap: Option<&str>) {
    let shot = |app: &mut App, name: &str| {
        if let Some(prefix) = snap {
            insta::assert_snapshot!(format!("{prefix}_{name}_80x24"), draw(app, 80, 24));
            if prefix.ends_with("en") {
                insta::assert_snapshot!(format!("{prefix}_{name}_160x48"), draw(app, 160, 48));
            }
        }
    };
    key(app, 'D');
    assert_eq!(step(app), Step::Discussed);
    shot(app, "1_discussed");
    // Untick the first item, tick the second, note a topic not on the agenda.
    key(app, ' ');
    press(app, KeyCode::Tab);
    key(app, ' ');
    press(app, KeyCode::Tab);
    typing(app, "Salary bands");
    ctrl(app, 's');
    assert_eq!(step(app), Step::Notes);
    typing(app, "Design reviews need a timebox");
    press(app, KeyCode::Tab);
    typing(app, "Helps the talk rehearsal");
    press(app, KeyCode::Tab);
    typing(app, "I rush when nervous");
    press(app, KeyCode::Tab);
    typing(app, "Rehearse the talk twice");
    press(app, KeyCode::Tab);
    typing(app, "How do you pick a mentee?");
    shot(app, "2_notes");
    ctrl(app, 's');
    assert_eq!(step(app), Step::Feedback);
    press(app, KeyCode::Tab);
    typing(app, "Slow down on the demo part");
    press(app, KeyCode::Tab);
    typing(app, "Fair point");
    ctrl(app, 's');
    assert_eq!(step(app), Step::Feedback, "an entry was added, same step");
    shot(app, "3_feedback");
    ctrl(app, 's');
    assert_eq!(step(app), Step::Commitments);
    // The "one action" note is offered as the first commitment; it needs a due date.
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    ctrl(app, 's');
    assert_eq!(
        app.debrief().unwrap().state.commitments.len(),
        0,
        "refused without a due date"
    );
    typing(app, "+1w");
    ctrl(app, 's');
    key(app, ' '); // owner: the mentor
    press(app, KeyCode::Tab);
    typing(app, "Send the salary band doc");
    press(app, KeyCode::Tab);
    typing(app, "friday");
    ctrl(app, 's');
    shot(app, "4_commitments");
    ctrl(app, 's');
    assert_eq!(step(app), Step::Thanks);
    typing(app, "Thanks for the candid talk");
    shot(app, "5_thanks");
    ctrl(app, 's');
    assert_eq!(step(app), Step::Next);
    typing(app, "+2w");
    shot(app, "6_next");
    ctrl(app, 's');
}

/// Saving a debrief shows the recap to send (issue 17); Esc closes it.
fn close_recap(app: &mut App) {
    assert!(
        matches!(
            app.overlays.last(),
            Some(mentee::tui::overlay::Overlay::Recap(_))
        ),
        "the recap opens after the debrief"
    );
    press(app, KeyCode::Esc);
    assert!(app.overlays.is_empty(), "Esc closes the recap");
}

#[test]
fn debrief_the_latest_demo_meeting_end_to_end() {
    let mut app = demo_app(Lang::En);
    let id = select_latest_meeting(&mut app);
    let meeting = app.store.meeting(id).unwrap();
    let agenda = app.store.agenda_of(id).unwrap();
    assert_eq!(agenda.len(), 2);
    let meetings_before = count(&app.store, "meetings");
    debrief_every_step(&mut app, Some("debrief_en"));
    assert!(app.debrief().is_none(), "{:?}", app.message);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("1 feedback, 2 commitments")
    );
    close_recap(&mut app);

    let s = &app.store;
    let m = s.meeting(id).unwrap();
    assert_eq!(m.status, MeetingStatus::Held);
    assert!(
        m.notes
            .contains("What stood out: Design reviews need a timebox")
    );
    assert!(m.notes.contains("One action: Rehearse the talk twice"));
    assert!(m.notes.starts_with(&meeting.notes), "earlier notes kept");
    let after = s.agenda_of(id).unwrap();
    assert_eq!(after.len(), 3);
    assert_eq!(after[0].discussed, !agenda[0].discussed);
    assert_eq!(after[1].discussed, !agenda[1].discussed);
    assert!(after[2].discussed && after[2].text == "Salary bands");

    let q = s.open_questions(50).unwrap();
    let q = q
        .iter()
        .find(|q| q.text == "How do you pick a mentee?")
        .unwrap();
    assert_eq!(q.mentor_id, Some(m.mentor_id));

    let fb = s.feedback_list(50).unwrap();
    let fb = &fb
        .iter()
        .find(|f| {
            f.feedback.meeting_id == Some(id) && f.feedback.text == "Slow down on the demo part"
        })
        .unwrap()
        .feedback;
    assert_eq!(fb.reaction, "Fair point");
    assert_eq!(fb.mentor_id, Some(m.mentor_id));
    assert_eq!(fb.status, FeedbackStatus::Open);

    let cs = s.commitment_list(50).unwrap();
    let mine = &cs
        .iter()
        .find(|c| c.commitment.text == "Rehearse the talk twice")
        .unwrap()
        .commitment;
    assert_eq!(mine.owner, Party::Me);
    assert_eq!(mine.due, Some(today() + Duration::weeks(1)));
    assert_eq!(mine.meeting_id, Some(id));
    let theirs = &cs
        .iter()
        .find(|c| c.commitment.text == "Send the salary band doc")
        .unwrap()
        .commitment;
    assert_eq!(theirs.owner, Party::Mentor);
    assert_eq!(
        theirs.due,
        Some(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap())
    );

    let g = s.gratitude_list(50).unwrap();
    let g = &g
        .iter()
        .find(|g| {
            g.gratitude.meeting_id == Some(id)
                && g.gratitude.what_for == "Thanks for the candid talk"
        })
        .unwrap()
        .gratitude;
    assert!(!g.sent);

    assert_eq!(count(s, "meetings"), meetings_before + 1);
    let next = s.upcoming_meetings(now(), 10).unwrap();
    let next = next
        .iter()
        .find(|n| n.meeting.starts_at.date() == today() + Duration::weeks(2))
        .expect("the next meeting is planned");
    assert_eq!(next.meeting.mentor_id, m.mentor_id);
    assert_eq!(next.meeting.minutes, m.minutes);
    assert_eq!(next.meeting.starts_at.time(), meeting.starts_at.time());
    assert_eq!(next.meeting.status, MeetingStatus::Planned);
    assert_eq!(
        s.draft(&mentee::tui::views::debrief::draft_key(id))
            .unwrap(),
        None,
        "draft gone"
    );

    // The results show in the three views.
    app.update(Action::ShowView(View::Feedback));
    assert!(draw(&mut app, 160, 48).contains("Slow down on the demo part"));
    app.update(Action::ShowView(View::Commitments));
    assert!(draw(&mut app, 160, 48).contains("Rehearse the talk twice"));
    app.update(Action::ShowView(View::Gratitude));
    assert!(draw(&mut app, 160, 48).contains("Thanks for the candid talk"));
}

#[test]
fn debrief_steps_in_indonesian() {
    let mut app = demo_app(Lang::Id);
    select_latest_meeting(&mut app);
    debrief_every_step(&mut app, Some("debrief_id"));
    assert!(app.debrief().is_none(), "{:?}", app.message);
}

fn plan_for(store: &Store, id: i64) -> DebriefPlan {
    let m = store.meeting(id).unwrap();
    let mut next = m.clone();
    next.id = 0;
    next.uuid = String::new();
    next.status = MeetingStatus::Planned;
    next.notes = String::new();
    next.starts_at += Duration::weeks(2);
    DebriefPlan {
        meeting_id: id,
        discussed: store
            .agenda_of(id)
            .unwrap()
            .iter()
            .map(|a| (a.id, !a.discussed))
            .collect(),
        also_discussed: vec!["Extra".into()],
        notes: "What stood out: much".into(),
        question: Some("A question".into()),
        feedback: Vec::new(),
        commitments: Vec::new(),
        thanks: None,
        next_meeting: Some(next),
        day: m.starts_at.date(),
        draft_key: mentee::tui::views::debrief::draft_key(id),
    }
}

/// A debrief left half-way by the version before typed drafts (its key was `debrief:ID`)
/// is still offered back after the upgrade, with everything typed.
#[test]
fn a_debrief_draft_of_the_previous_version_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let mut store = Store::open(&path, false).unwrap();
    mentee::demo::fill(&mut store, now()).unwrap();
    let open = |store: Store| {
        App::new(
            store,
            mentee::config::Config::default(),
            Lang::En,
            mentee::domain::Clock::Fixed(now()),
            mentee::tui::theme::Theme::new(mentee::config::Theme::Dark, false),
            false,
        )
        .unwrap()
    };
    let mut app = open(store);
    let id = select_latest_meeting(&mut app);
    key(&mut app, 'D');
    ctrl(&mut app, 's');
    typing(&mut app, "Typed before the upgrade");
    press(&mut app, KeyCode::Esc);
    let typed = mentee::tui::views::debrief::draft_key(id);
    // The previous version stored the same state under its own key.
    let legacy = format!("debrief:{id}");
    app.store.rename_draft(&typed, &legacy).unwrap();
    drop(app);
    let mut app = open(Store::open(&path, false).unwrap());
    assert_eq!(app.draft_offer().unwrap().key, typed, "converted once");
    assert_eq!(app.store.draft(&legacy).unwrap(), None);
    key(&mut app, 'r');
    let d = app.debrief().expect("the debrief is back");
    assert_eq!(d.form.text("stood_out"), "Typed before the upgrade");
}

#[test]
fn a_failing_debrief_save_writes_nothing() {
    let mut app = demo_app(Lang::En);
    let id = select_latest_meeting(&mut app);
    app.store
        .save_draft(&mentee::tui::views::debrief::draft_key(id), "{}")
        .unwrap();
    let tables = [
        "meetings",
        "agenda_items",
        "questions",
        "feedback",
        "commitments",
        "gratitude",
        "drafts",
    ];
    let before: Vec<i64> = tables.iter().map(|t| count(&app.store, t)).collect();
    let meeting = app.store.meeting(id).unwrap();
    let agenda = app.store.agenda_of(id).unwrap();

    // The next meeting violates the length constraint: the last write fails.
    let mut plan = plan_for(&app.store, id);
    if let Some(n) = &mut plan.next_meeting {
        n.minutes = 0;
    }
    assert!(app.store.save_debrief(&plan).is_err());
    // A next meeting with a mentor that does not exist: the foreign key refuses it.
    let mut plan = plan_for(&app.store, id);
    if let Some(n) = &mut plan.next_meeting {
        n.mentor_id = 9999;
    }
    assert!(app.store.save_debrief(&plan).is_err());

    let after: Vec<i64> = tables.iter().map(|t| count(&app.store, t)).collect();
    assert_eq!(before, after);
    assert_eq!(app.store.meeting(id).unwrap(), meeting);
    assert_eq!(app.store.agenda_of(id).unwrap(), agenda);

    // The same plan with a valid next meeting goes through.
    let plan = plan_for(&app.store, id);
    let saved = app.store.save_debrief(&plan).unwrap();
    assert!(saved.next_meeting.is_some() && saved.question.is_some());
    assert_eq!(count(&app.store, "drafts"), before[6] - 1);
}

#[test]
fn a_half_way_debrief_is_kept_as_a_draft_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let mut store = Store::open(&path, false).unwrap();
    mentee::demo::fill(&mut store, now()).unwrap();
    let open = |store: Store| {
        App::new(
            store,
            mentee::config::Config::default(),
            Lang::En,
            mentee::domain::Clock::Fixed(now()),
            mentee::tui::theme::Theme::new(mentee::config::Theme::Dark, false),
            false,
        )
        .unwrap()
    };
    let mut app = open(store);
    let id = select_latest_meeting(&mut app);
    key(&mut app, 'D');
    ctrl(&mut app, 's');
    typing(&mut app, "Half-typed thought");
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Advice to keep");
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Typing when it crashed");
    // Esc leaves, keeping everything.
    press(&mut app, KeyCode::Esc);
    assert!(app.debrief().is_none());
    assert!(
        app.store
            .draft(&mentee::tui::views::debrief::draft_key(id))
            .unwrap()
            .is_some()
    );
    assert_eq!(
        app.store.meeting(id).unwrap().notes,
        mentee::demo::demo_store(now())
            .unwrap()
            .meeting(id)
            .unwrap()
            .notes
    );
    // Opening the same debrief again picks it up where it was.
    key(&mut app, 'D');
    let d = app.debrief().unwrap();
    assert_eq!(d.step(), Step::Feedback);
    assert_eq!(d.state.feedback.len(), 1);
    assert_eq!(d.form.text("text"), "Typing when it crashed");
    // Back one step: the notes are still there.
    ctrl(&mut app, 'b');
    assert_eq!(
        app.debrief().unwrap().form.text("stood_out"),
        "Half-typed thought"
    );
    // A crash (the app is dropped without leaving): the next start offers the draft back.
    drop(app);
    let mut app = open(Store::open(&path, false).unwrap());
    assert_eq!(
        app.draft_offer().unwrap().key,
        mentee::tui::views::debrief::draft_key(id)
    );
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Advice to"), "{screen}");
    key(&mut app, 'r');
    let d = app.debrief().expect("the debrief is back");
    assert_eq!(d.step(), Step::Notes);
    assert_eq!(d.state.feedback[0].text, "Advice to keep");
    // Ctrl-D removes the last feedback noted; Ctrl-S through to the end saves.
    ctrl(&mut app, 's');
    ctrl(&mut app, 'd');
    assert!(app.debrief().unwrap().state.feedback.is_empty());
    for _ in 0..4 {
        ctrl(&mut app, 's');
    }
    ctrl(&mut app, 's');
    assert!(app.debrief().is_none(), "{:?}", app.message);
    assert_eq!(
        app.store
            .draft(&mentee::tui::views::debrief::draft_key(id))
            .unwrap(),
        None
    );
    assert!(
        app.store
            .meeting(id)
            .unwrap()
            .notes
            .contains("Half-typed thought")
    );
}

#[test]
fn a_bad_time_or_date_in_the_last_step_keeps_the_debrief_open() {
    let mut app = demo_app(Lang::En);
    select_latest_meeting(&mut app);
    key(&mut app, 'D');
    for _ in 0..5 {
        ctrl(&mut app, 's');
    }
    assert_eq!(step(&app), Step::Next);
    typing(&mut app, "someday");
    ctrl(&mut app, 's');
    assert!(app.debrief().is_some());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("someday"), "{screen}");
    press(&mut app, KeyCode::Backspace);
    for _ in 0.."someday".len() {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "25:99");
    ctrl(&mut app, 's');
    assert!(app.debrief().is_some());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("is not a time"), "{screen}");
}

#[test]
fn a_cancelled_meeting_is_not_debriefed() {
    let mut app = demo_app(Lang::En);
    let id = select_latest_meeting(&mut app);
    let mut m = app.store.meeting(id).unwrap();
    m.status = MeetingStatus::Cancelled;
    app.store.save_meeting(&m).unwrap();
    key(&mut app, 'D');
    assert!(app.debrief().is_none());
    assert!(app.message.as_deref().unwrap().contains("cancelled"));
}

#[test]
fn keep_rate_numbers_are_drawn() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Commitments));
    let screen = draw(&mut app, 160, 48);
    // Mine: kept 1 (on time), late 1, open overdue 1; the mentor's: kept 1, overdue 1.
    assert!(screen.contains("Me 33% kept (1 of 3)"), "{screen}");
    assert!(screen.contains("Mentor 50% kept (1 of 2)"), "{screen}");
    assert!(screen.contains("2026-11 ████░░░░░░  40% 2/5"), "{screen}");
    assert!(screen.contains("2026-10 —"), "{screen}");
}

#[test]
fn x_toggles_done_with_todays_date_and_back() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Commitments));
    let c = app.views.commitments.list.rows()[0].commitment.clone();
    assert_eq!(c.status, CommitmentStatus::Open);
    key(&mut app, 'x');
    let done = app.store.commitment(c.id).unwrap();
    assert_eq!(done.status, CommitmentStatus::Done);
    assert_eq!(done.done_on, Some(today()));
    assert!(
        app.views
            .commitments
            .list
            .rows()
            .iter()
            .all(|r| r.commitment.id != c.id),
        "left the open filter"
    );
    // Under "all" it is there to toggle back.
    for _ in 0..4 {
        key(&mut app, 'f');
    }
    let pos = app
        .views
        .commitments
        .list
        .rows()
        .iter()
        .position(|r| r.commitment.id == c.id)
        .unwrap();
    app.views.commitments.list.set_pos(pos);
    key(&mut app, 'x');
    let open = app.store.commitment(c.id).unwrap();
    assert_eq!(open.status, CommitmentStatus::Open);
    assert_eq!(open.done_on, None);
}

/// Issue 13, item 6: under "all", `x` re-sorts the list (done moves down), and the cursor
/// goes with the commitment, so a second `x` toggles the same one back.
#[test]
fn x_x_toggles_the_same_commitment_twice() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '5');
    // open → overdue → done → the mentor's → all
    for _ in 0..4 {
        key(&mut app, 'f');
    }
    assert!(draw(&mut app, 160, 48).contains("· all"));
    let first = app
        .views
        .commitments
        .list
        .selected()
        .unwrap()
        .commitment
        .clone();
    assert_eq!(first.status, CommitmentStatus::Open);
    key(&mut app, 'x');
    assert_eq!(
        app.store.commitment(first.id).unwrap().status,
        CommitmentStatus::Done
    );
    assert_eq!(
        app.views.commitments.list.selected_id(),
        Some(first.id),
        "the selection followed the commitment to its new row"
    );
    key(&mut app, 'x');
    assert_eq!(
        app.store.commitment(first.id).unwrap().status,
        CommitmentStatus::Open,
        "the second x toggled the same commitment back"
    );
    let done: Vec<_> = app
        .store
        .commitment_list(100)
        .unwrap()
        .into_iter()
        .filter(|r| r.commitment.done_on == Some(today()))
        .collect();
    assert!(
        done.is_empty(),
        "no other commitment was marked done: {done:?}"
    );
}

/// A filter change keeps the selection on its record when the new filter lists it too.
#[test]
fn a_filter_change_keeps_the_selected_record() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '5');
    // open → overdue → done → the mentor's: his open intro, then his shared checklist.
    for _ in 0..3 {
        key(&mut app, 'f');
    }
    key(&mut app, 'j');
    let checklist = app
        .views
        .commitments
        .list
        .selected()
        .unwrap()
        .commitment
        .clone();
    assert_eq!(checklist.status, CommitmentStatus::Done);
    // "all" lists it too, further down (after every open commitment): the cursor is on it.
    key(&mut app, 'f');
    assert!(app.views.commitments.list.pos() > 1);
    assert_eq!(app.views.commitments.list.selected_id(), Some(checklist.id));
}

#[test]
fn filters_cycle() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Commitments));
    let mut seen = vec![app.views.commitments.list.rows().len()];
    for _ in 0..5 {
        key(&mut app, 'f');
        seen.push(app.views.commitments.list.rows().len());
    }
    // open, overdue, done, the mentor's, all, and back to open.
    assert_eq!(seen, [4, 2, 3, 2, 7, 4]);
    assert!(draw(&mut app, 80, 24).contains("Commitments · open"));

    app.update(Action::ShowView(View::Feedback));
    let mut seen = vec![app.views.feedback.list.rows().len()];
    for _ in 0..5 {
        key(&mut app, 'f');
        seen.push(app.views.feedback.list.rows().len());
    }
    // all, open, trying, done, parked, all.
    assert_eq!(seen, [4, 1, 1, 2, 0, 4]);
    // By mentor: the selected feedback's mentor, and back.
    key(&mut app, 'm');
    assert!(app.views.feedback.filter.mentor_id.is_some());
    assert!(draw(&mut app, 80, 24).contains("Daniel Okafor"));
    key(&mut app, 'm');
    assert_eq!(app.views.feedback.filter.mentor_id, None);
}

#[test]
fn s_cycles_feedback_status_and_delete_has_undo() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Feedback));
    let fb = app.views.feedback.list.rows()[0].feedback.clone();
    key(&mut app, 's');
    assert_eq!(app.store.feedback(fb.id).unwrap().status, fb.status.next());
    key(&mut app, 'd');
    key(&mut app, 'y');
    assert!(app.store.feedback(fb.id).is_err());
    key(&mut app, 'u');
    assert!(app.store.feedback(fb.id).is_ok());
}

#[test]
fn add_and_edit_feedback_commitments_and_thanks() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Feedback));
    key(&mut app, 'n');
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Write shorter emails");
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    let fb = &app.views.feedback.list.selected().unwrap().feedback;
    assert_eq!(fb.text, "Write shorter emails");
    assert!(fb.mentor_id.is_some(), "the active mentor by default");

    app.update(Action::ShowView(View::Commitments));
    key(&mut app, 'n');
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Read the book");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "nonsense");
    ctrl(&mut app, 's');
    assert!(app.form().is_some(), "a bad date keeps the form open");
    for _ in 0.."nonsense".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "+3d");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    let c = &app.views.commitments.list.selected().unwrap().commitment;
    assert_eq!(
        (c.text.as_str(), c.due),
        ("Read the book", Some(today() + Duration::days(3)))
    );

    app.update(Action::ShowView(View::Gratitude));
    key(&mut app, 'n');
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "For the intro");
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    let g = app.views.gratitude.selected().unwrap().clone();
    assert_eq!(g.what_for, "For the intro");
    assert!(!g.sent);
    // `s` asks the channel and marks it sent; `s` again takes it back.
    key(&mut app, 's');
    typing(&mut app, " (sms)");
    ctrl(&mut app, 's');
    let sent = app.store.gratitude(g.id).unwrap();
    assert!(sent.sent && sent.channel.ends_with("(sms)"));
    key(&mut app, 's');
    assert!(!app.store.gratitude(g.id).unwrap().sent);
}

#[test]
fn the_experiment_chain_reaches_the_next_agenda_and_the_gratitude_nudges() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Feedback));
    key(&mut app, 'f'); // open feedback only
    let fb = app.views.feedback.list.rows()[0].feedback.clone();
    assert_eq!(fb.status, FeedbackStatus::Open);
    // t: try this → an experiment due in two weeks; the feedback is now "trying".
    key(&mut app, 't');
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    assert_eq!(
        app.store.feedback(fb.id).unwrap().status,
        FeedbackStatus::Trying
    );
    let cs = app.store.commitment_list(50).unwrap();
    let exp = cs
        .iter()
        .find(|c| c.commitment.feedback_id == Some(fb.id))
        .unwrap()
        .commitment
        .clone();
    assert_eq!(exp.owner, Party::Me);
    assert_eq!(exp.due, Some(today() + Duration::days(14)));

    // r in Commitments: the result.
    app.update(Action::ShowView(View::Commitments));
    let pos = app
        .views
        .commitments
        .list
        .rows()
        .iter()
        .position(|r| r.commitment.id == exp.id)
        .unwrap();
    app.views.commitments.list.set_pos(pos);
    key(&mut app, 'r');
    typing(&mut app, "It worked: fewer questions");
    ctrl(&mut app, 's');
    let exp = app.store.commitment(exp.id).unwrap();
    assert_eq!(exp.result, "It worked: fewer questions");
    assert_eq!(exp.status, CommitmentStatus::Done);

    // "Report back on it" is suggested for the next meeting with that mentor…
    let next = app.store.upcoming_meetings(now(), 1).unwrap()[0]
        .meeting
        .clone();
    let key_name = format!("report:{}", exp.id);
    let sugg = suggest(&app.store.suggest_input(next.id).unwrap(), now());
    let report = sugg
        .iter()
        .find(|s| s.key == key_name)
        .expect("report-back suggested");
    // …and Today says so (the Gratitude view keeps to thanks).
    let n = nudges(&app.store.nudge_input(now()).unwrap(), now());
    assert!(
        n.iter()
            .any(|n| n.kind == NudgeKind::ReportExperiment && n.commitment_id == Some(exp.id))
    );
    app.update(Action::ShowView(View::Today));
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("Report back to Daniel Okafor"), "{screen}");
    app.update(Action::ShowView(View::Gratitude));
    let screen = draw(&mut app, 160, 48);
    assert!(!screen.contains("Report back to Daniel Okafor"), "{screen}");

    // The report-back goes on the agenda and is ticked in that meeting's debrief.
    app.store
        .save_agenda_item(&report.to_agenda_item(next.id))
        .unwrap();
    app.update(Action::ShowView(View::Meetings));
    let pos = app
        .views
        .meetings
        .list
        .rows()
        .iter()
        .position(|r| r.meeting.id == next.id)
        .unwrap();
    app.views.meetings.list.set_pos(pos);
    app.views.meetings.load_detail(&app.store).unwrap();
    key(&mut app, 'D');
    key(&mut app, 'y'); // it is still ahead: yes, debrief it now
    let items = app.store.agenda_of(next.id).unwrap();
    let last = items.len() - 1;
    for _ in 0..last {
        press(&mut app, KeyCode::Tab);
    }
    key(&mut app, ' ');
    for _ in 0..6 {
        ctrl(&mut app, 's');
    }
    assert!(app.debrief().is_none(), "{:?}", app.message);
    close_recap(&mut app);
    assert_eq!(
        app.store.commitment(exp.id).unwrap().reported_on,
        Some(next.starts_at.date())
    );
    // Reported: the suggestion is gone, and "thank them for it" is nudged.
    let n = nudges(&app.store.nudge_input(now()).unwrap(), now());
    assert!(
        n.iter()
            .any(|n| n.kind == NudgeKind::ThankForExperiment && n.commitment_id == Some(exp.id))
    );

    // Enter on that nudge: a thanks form filled in for it, linked to the experiment.
    app.update(Action::ShowView(View::Gratitude));
    press(&mut app, KeyCode::Right);
    let pos = app
        .views
        .gratitude
        .nudges
        .rows()
        .iter()
        .position(|n| n.nudge.kind == NudgeKind::ThankForExperiment)
        .unwrap();
    app.views.gratitude.nudges.set_pos(pos);
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Thank Daniel Okafor for the advice"),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    let form = &app.form().expect("a thanks form").form;
    assert!(form.text("what_for").contains("It worked: fewer questions"));
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    let n = nudges(&app.store.nudge_input(now()).unwrap(), now());
    assert!(
        !n.iter().any(|n| n.commitment_id == Some(exp.id)),
        "thanked: no nudge left"
    );
    let g = app.store.gratitude_list(50).unwrap();
    assert!(g.iter().any(|g| g.gratitude.commitment_id == Some(exp.id)));
}

/// Thanks written but not sent for a week are nudged (Today and Gratitude), six days are
/// not; `Enter` on the nudge opens "mark as sent", and sending it clears the nudge.
#[test]
fn thanks_written_but_not_sent_for_a_week_are_nudged_until_sent() {
    let mut app = demo_app(Lang::En);
    let mentor = app.store.mentors().unwrap()[0].clone();
    let write = |app: &mut App, what: &str, ago: i64| {
        let g = Gratitude {
            mentor_id: Some(mentor.id),
            ..Gratitude::new(what, today() - Duration::days(ago))
        };
        app.store.save_gratitude(&g).unwrap()
    };
    let week = write(&mut app, "the intro to the platform team", 7);
    let six = write(&mut app, "the book tip", 6);
    let n = nudges(&app.store.nudge_input(now()).unwrap(), now());
    let send: Vec<_> = n
        .iter()
        .filter(|n| n.kind == NudgeKind::SendThanks)
        .map(|n| n.gratitude_id)
        .collect();
    assert!(send.contains(&Some(week)), "{n:?}");
    assert!(!send.contains(&Some(six)), "six days: not yet");
    let sentence = format!("Send the thanks you wrote to {}", mentor.name);

    app.update(Action::ShowView(View::Today));
    let screen = draw(&mut app, 160, 48);
    assert_eq!(screen.matches(&sentence).count(), 2, "{screen}");

    app.update(Action::ShowView(View::Gratitude));
    press(&mut app, KeyCode::Right);
    let pos = app
        .views
        .gratitude
        .nudges
        .rows()
        .iter()
        .position(|n| n.nudge.gratitude_id == Some(week))
        .expect("the unsent thanks is waiting");
    app.views.gratitude.nudges.set_pos(pos);
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains(&sentence), "{screen}");
    // The demo has an older unsent thanks of its own (for the same mentor).
    let before = app
        .views
        .gratitude
        .nudges
        .rows()
        .iter()
        .filter(|n| n.nudge.kind == NudgeKind::SendThanks)
        .count();
    assert_eq!(screen.matches(&sentence).count(), before, "{screen}");
    press(&mut app, KeyCode::Enter);
    assert!(app.form().is_some(), "the mark-as-sent form");
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("Mark the thanks as sent"), "{screen}");
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    assert!(app.store.gratitude(week).unwrap().sent);
    assert!(!app.store.gratitude(six).unwrap().sent);
    let n = nudges(&app.store.nudge_input(now()).unwrap(), now());
    assert!(!n.iter().any(|n| n.gratitude_id == Some(week)), "{n:?}");
    let waiting = |app: &App| {
        app.views
            .gratitude
            .nudges
            .rows()
            .iter()
            .filter(|n| n.nudge.kind == NudgeKind::SendThanks)
            .count()
    };
    assert_eq!(waiting(&app), before - 1, "sent: its nudge is gone");
    let screen = draw(&mut app, 160, 48);
    assert_eq!(screen.matches(&sentence).count(), before - 1, "{screen}");
    app.update(Action::ShowView(View::Today));
    let screen = draw(&mut app, 160, 48);
    assert_eq!(screen.matches(&sentence).count(), before - 1, "{screen}");
}

/// The same nudge in Indonesian, and a private mentor stays hidden in it.
#[test]
fn the_send_thanks_nudge_in_indonesian_keeps_a_private_mentor_hidden() {
    let mut app = demo_app(Lang::Id);
    let mut mentor = app.store.mentors().unwrap()[0].clone();
    mentor.private = true;
    app.store.save_mentor(&mentor).unwrap();
    let g = Gratitude {
        mentor_id: Some(mentor.id),
        ..Gratitude::new("perkenalan", today() - Duration::days(9))
    };
    app.store.save_gratitude(&g).unwrap();
    app.update(Action::ShowView(View::Gratitude));
    let line = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("Kirim ucapan terima kasih yang Anda tulis untuk"))
            .map(str::to_string)
    };
    let screen = draw(&mut app, 160, 48);
    let shown = line(&screen).unwrap_or_else(|| panic!("{screen}"));
    assert!(shown.contains(&mentor.name), "{shown}");
    ctrl(&mut app, 'p'); // hide private text
    for view in [View::Gratitude, View::Today] {
        app.update(Action::ShowView(view));
        let screen = draw(&mut app, 160, 48);
        let hidden = line(&screen).unwrap_or_else(|| panic!("{screen}"));
        assert!(!hidden.contains(&mentor.name), "{hidden}");
    }
}

#[test]
fn views_snapshots() {
    for (lang, sizes) in [
        (Lang::En, &[(80u16, 24u16), (160, 48)][..]),
        (Lang::Id, &[(80, 24)][..]),
    ] {
        let mut app = demo_app(lang);
        for (view, name) in [
            (View::Feedback, "4_feedback"),
            (View::Commitments, "5_commitments"),
            (View::Gratitude, "6_gratitude"),
        ] {
            app.update(Action::ShowView(view));
            for (w, h) in sizes {
                insta::assert_snapshot!(
                    format!("after_{}_{name}_{w}x{h}", lang.code()),
                    draw(&mut app, *w, *h)
                );
            }
        }
    }
}

#[test]
fn views_and_the_debrief_draw_at_every_size() {
    let mut app = demo_app(Lang::En);
    for view in [View::Feedback, View::Commitments, View::Gratitude] {
        app.update(Action::ShowView(view));
        for w in [1u16, 2, 5, 20, 40, 79, 120, 300] {
            for h in [1u16, 2, 5, 10, 24, 100] {
                draw(&mut app, w, h);
            }
        }
    }
    select_latest_meeting(&mut app);
    key(&mut app, 'D');
    for step in 0..6 {
        for w in [1u16, 2, 5, 20, 40, 79, 120, 300] {
            for h in [1u16, 2, 5, 10, 24, 100] {
                draw(&mut app, w, h);
            }
        }
        if step < 5 {
            ctrl(&mut app, 's');
        }
    }
}

#[test]
fn escape_sequences_in_debrief_text_are_neutralised() {
    let mut app = demo_app(Lang::En);
    select_latest_meeting(&mut app);
    key(&mut app, 'D');
    ctrl(&mut app, 's');
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Tab);
    app.handle_event(&Event::Paste("evil \u{1b}[2J text".into()));
    ctrl(&mut app, 's');
    let screen = draw(&mut app, 160, 48);
    assert!(!screen.contains('\u{1b}'));
    assert!(screen.contains("evil"));
}

#[test]
fn d_asks_before_debriefing_a_meeting_still_ahead() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Meetings));
    let m = app.views.meetings.list.selected().unwrap().meeting.clone();
    assert!(m.starts_at > now(), "the first row is the next meeting");
    key(&mut app, 'D');
    assert!(app.debrief().is_none(), "not without asking");
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Debrief now?")
            && screen.contains("has not happened")
            && screen.contains("mark it held?"),
        "{screen}"
    );
    key(&mut app, 'n');
    assert!(app.debrief().is_none());
    assert_eq!(
        app.store.meeting(m.id).unwrap().status,
        mentee::domain::MeetingStatus::Planned
    );
    key(&mut app, 'D');
    key(&mut app, 'y');
    assert_eq!(app.debrief().map(|d| d.meeting.id), Some(m.id));
}

#[test]
fn d_on_a_held_meeting_says_it_adds_to_the_earlier_debrief() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Meetings));
    let rows = app.views.meetings.list.rows().to_vec();
    let pos = rows
        .iter()
        .position(|s| s.meeting.status == mentee::domain::MeetingStatus::Held)
        .expect("the demo has a held meeting");
    for _ in 0..pos {
        key(&mut app, 'j');
    }
    let id = app.views.meetings.list.selected().unwrap().meeting.id;
    let earlier = app.store.outcomes_of(id, 500).unwrap();
    key(&mut app, 'D');
    assert!(app.debrief().is_some());
    assert_eq!(
        app.message.as_deref(),
        Some(
            format!(
                "Adds to the earlier debrief (feedback {}, commitments {}).",
                earlier.feedback.len(),
                earlier.commitments.len()
            )
            .as_str()
        )
    );
}

#[test]
fn gratitude_lists_thanks_and_leaves_report_backs_to_the_meeting() {
    let mut app = demo_app(Lang::En);
    let all = nudges(&app.store.nudge_input(now()).unwrap(), now());
    assert!(
        all.iter().any(|n| n.kind == NudgeKind::ReportExperiment),
        "the demo has an experiment to report back: {all:?}"
    );
    app.update(Action::ShowView(View::Gratitude));
    let kinds: Vec<NudgeKind> = app
        .views
        .gratitude
        .nudges
        .rows()
        .iter()
        .map(|n| n.nudge.kind)
        .collect();
    assert!(!kinds.contains(&NudgeKind::ReportExperiment), "{kinds:?}");
    let screen = draw(&mut app, 80, 24);
    assert!(!screen.contains("Report back"), "{screen}");
}
