//! Ctrl-P ("private hidden") hides every private line (issue 14): a journal where every record
//! of every kind is private, each text field holding a marker, walked with private text hidden
//! through every view, detail, overlay and form the keys reach, at 80×24 and at a wide size;
//! no marker may be on screen. Opening an edit form on a private record asks first.

mod common;

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use common::{draw, now};
use mentee::config::{Config, Theme as ThemeChoice};
use mentee::domain::*;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::effect::ConfirmAction;
use mentee::tui::keys::{Action, FormKey};
use mentee::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rusqlite::Connection;
use rusqlite::backup::Backup;

/// Every marker starts with this; none of the app's own words contain it.
const MARK: &str = "QQ";

/// A marker for one field: `QQ07 secret`, unique per field.
fn m(n: u32) -> String {
    format!("{MARK}{n:02} secret")
}

fn day(offset: i64) -> NaiveDate {
    now().date() + Duration::days(offset)
}

/// The journal: one private record (or two, where the views tell kinds apart) of every kind,
/// every text field a marker.
fn journal() -> Store {
    let s = Store::open_in_memory().unwrap();
    let mut mentor = Mentor::new(m(1));
    mentor.contact = m(2);
    mentor.expertise = m(3);
    mentor.why_them = m(4);
    mentor.research_notes = m(5);
    mentor.pitch_draft = m(6);
    mentor.status = MentorStatus::Active;
    mentor.status_since = Some(day(-90));
    mentor.goals_covered = m(7);
    mentor.cadence_days = Some(14);
    mentor.expected_end = Some(day(120));
    mentor.channel = m(8);
    mentor.review_on = Some(day(-1));
    mentor.closing_notes = m(9);
    mentor.private = true;
    let mentor_id = s.save_mentor(&mentor).unwrap();
    let mut candidate = Mentor::new(m(10));
    candidate.status = MentorStatus::Approached;
    candidate.status_since = Some(day(-10));
    candidate.pitch_draft = m(11);
    candidate.private = true;
    let candidate_id = s.save_mentor(&candidate).unwrap();
    // The candidate's fit scorecard: its notes show in the detail, the scorecard form (`s`)
    // and (the name) in the comparison (`S`).
    let rating = |c: FitCriterion, rating: u8, note: String| mentee::domain::fit::FitRating {
        criterion: c.code().to_string(),
        rating,
        note,
    };
    s.save_mentor_fit(&mentee::domain::fit::MentorFit {
        mentor_id: candidate_id,
        ratings: vec![
            rating(FitCriterion::Goals, 4, m(61)),
            rating(FitCriterion::Listening, 3, m(62)),
        ],
        private: true,
        ..Default::default()
    })
    .unwrap();

    let mut contact = Contact::new(mentor_id, day(-20));
    contact.channel = m(12);
    contact.note = m(13);
    contact.private = true;
    s.save_contact(&contact).unwrap();
    let mut health = HealthCheck::new(mentor_id, day(-30));
    health.ratings = vec![("progress".into(), 4), ("feedback".into(), 2)];
    health.note = m(14);
    health.private = true;
    s.save_health_check(&health).unwrap();

    let mut goal = Goal::new(m(15));
    goal.specific = m(16);
    goal.metric = m(17);
    goal.baseline = Some(1.0);
    goal.target = Some(10.0);
    goal.unit = m(18);
    goal.achievable = m(19);
    goal.relevant = m(20);
    goal.due = Some(day(60));
    goal.mentor_id = Some(mentor_id);
    goal.private = true;
    let goal_id = s.save_goal(&goal).unwrap();
    let mut progress = ProgressUpdate::new(goal_id, day(-40), 3.0);
    progress.note = m(21);
    s.save_progress(&progress).unwrap();
    let mut revision = GoalRevision::new(goal_id, day(-35), "target", m(22), m(23));
    revision.reason = m(24);
    s.save_revision(&revision).unwrap();

    let at = |d: i64, h: u32| day(d).and_hms_opt(h, 0, 0).unwrap();
    let mut held = Meeting::new(mentor_id, at(-14, 10), 45);
    held.status = MeetingStatus::Held;
    held.channel = m(25);
    held.notes = m(26);
    held.private = true;
    let held_id = s.save_meeting(&held).unwrap();
    // The meeting that just ended (a debrief is due) and the next one (the agenda builder).
    let mut ended = Meeting::new(mentor_id, at(0, 7), 45);
    ended.channel = m(27);
    ended.private = true;
    let ended_id = s.save_meeting(&ended).unwrap();
    let mut next = Meeting::new(mentor_id, at(3, 10), 45);
    next.channel = m(28);
    next.notes = m(29);
    next.private = true;
    let next_id = s.save_meeting(&next).unwrap();
    let item = |meeting: i64, n: u32, discussed: bool| {
        let mut a = AgendaItem::new(meeting, AgendaKind::Topic, m(n));
        a.outcome = m(n + 1);
        a.note = m(n + 2);
        a.discussed = discussed;
        a.minutes = Some(10);
        a.goal_id = Some(goal_id);
        a.private = true;
        s.save_agenda_item(&a).unwrap();
    };
    item(held_id, 30, true);
    item(held_id, 33, false); // not discussed: suggested again
    item(ended_id, 36, false);
    item(next_id, 39, false);

    let mut question = Question::new(m(42));
    question.mentor_id = Some(mentor_id);
    question.private = true;
    s.save_question(&question).unwrap();

    let mut fb = Feedback::new(m(43), day(-14));
    fb.reaction = m(44);
    fb.mentor_id = Some(mentor_id);
    fb.meeting_id = Some(held_id);
    fb.goal_id = Some(goal_id);
    fb.private = true;
    let fb_id = s.save_feedback(&fb).unwrap();
    let mut tried = Feedback::new(m(45), day(-13));
    tried.mentor_id = Some(mentor_id);
    tried.status = FeedbackStatus::Trying;
    tried.private = true;
    let tried_id = s.save_feedback(&tried).unwrap();

    let mut mine = Commitment::new(m(46), day(-14));
    mine.due = Some(day(-2));
    mine.mentor_id = Some(mentor_id);
    mine.meeting_id = Some(held_id);
    mine.private = true;
    s.save_commitment(&mine).unwrap();
    let mut theirs = Commitment::new(m(47), day(-14));
    theirs.owner = Party::Mentor;
    theirs.due = Some(day(2));
    theirs.mentor_id = Some(mentor_id);
    theirs.private = true;
    s.save_commitment(&theirs).unwrap();
    let mut experiment = Commitment::new(m(48), day(-13));
    experiment.feedback_id = Some(tried_id);
    experiment.result = m(49);
    experiment.due = Some(day(-5));
    experiment.status = CommitmentStatus::Done;
    experiment.done_on = Some(day(-6));
    experiment.private = true;
    let experiment_id = s.save_commitment(&experiment).unwrap();
    let _ = fb_id;

    let mut thanks = Gratitude::new(m(50), day(-12));
    thanks.mentor_id = Some(mentor_id);
    thanks.commitment_id = Some(experiment_id);
    thanks.private = true;
    s.save_gratitude(&thanks).unwrap();
    let mut sent = Gratitude::new(m(51), day(-11));
    sent.mentor_id = Some(mentor_id);
    sent.sent = true;
    sent.channel = m(52);
    sent.private = true;
    s.save_gratitude(&sent).unwrap();

    let mut reflection = Reflection::new(Period::Week, day(-11), "gtd-weekly");
    reflection.answers = vec![
        ("get_clear".into(), m(53)),
        ("get_current".into(), m(54)),
        ("get_creative".into(), m(55)),
    ];
    reflection.private = true;
    s.save_reflection(&reflection).unwrap();

    // An active mentor never met, past the cadence, whose only health check is low: Today
    // names them in the "plan a meeting" and "slipping relationship" nudges.
    let mut slipping = Mentor::new(m(56));
    slipping.status = MentorStatus::Active;
    slipping.status_since = Some(day(-60));
    slipping.cadence_days = Some(7);
    slipping.private = true;
    let slipping_id = s.save_mentor(&slipping).unwrap();
    let mut low = HealthCheck::new(slipping_id, day(-5));
    low.ratings = vec![("trust".into(), 1)];
    low.private = true;
    s.save_health_check(&low).unwrap();
    let mut win = Win::new(m(57), day(-10));
    win.evidence = m(58);
    win.goal_id = Some(goal_id);
    win.mentor_id = Some(mentor_id);
    win.private = true;
    s.save_win(&win).unwrap();
    // A private recommendation from the mentor: the Mentors view's section, `R`'s choice and
    // its form.
    let mut book = Resource::new(m(59), day(-12));
    book.takeaway = m(60);
    book.mentor_id = Some(mentor_id);
    book.private = true;
    s.save_resource(&book).unwrap();
    s
}

/// The last marker number used in [`journal`].
const LAST: u32 = 62;

thread_local! {
    /// [`journal`], built once per test thread: the walk starts a fresh app for every key
    /// path it tries, and building the journal (the schema's migrations, then every record)
    /// was most of the test's time.
    static TEMPLATE: Store = journal();
}

/// A fresh copy of [`journal`] (SQLite's online backup of the thread's template into a new
/// in-memory database): what one path's keys change stays in that path's copy.
fn journal_copy() -> Store {
    TEMPLATE.with(|template| {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
        conn.set_prepared_statement_cache_capacity(256);
        Backup::new(template.conn(), &mut conn)
            .unwrap()
            .run_to_completion(i32::MAX, std::time::Duration::ZERO, None)
            .unwrap();
        Store::from_connection(conn, None).unwrap()
    })
}

fn app(lang: Lang) -> App {
    App::new(
        journal_copy(),
        Config::default(),
        lang,
        Clock::Fixed(now()),
        Theme::new(ThemeChoice::Dark, false),
        false,
    )
    .unwrap()
}

fn send(app: &mut App, key: KeyEvent) {
    app.handle_event(&Event::Key(key));
}

fn ctrl_p(app: &mut App) {
    send(
        app,
        KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL),
    );
}

/// The keys a user can press now: the first key of every row of the tables in force, except
/// those that leave (quit), switch views (each view is walked from its own start) or toggle
/// privacy.
fn keys_now(app: &App) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    for table in app.tables() {
        for b in table {
            // "Show private text?" — yes shows it, by design.
            let shows = matches!(
                app.confirm().map(|c| &c.on_yes),
                Some(ConfirmAction::ShowPrivate(_))
            );
            if shows && b.action == Action::Confirm(true) {
                continue;
            }
            if matches!(
                b.action,
                Action::Quit
                    | Action::TogglePrivacy
                    | Action::ShowView(_)
                    | Action::NextView
                    | Action::PrevView
                    | Action::Form(FormKey::Editor)
            ) {
                continue;
            }
            if let Some(k) = b.keys.first() {
                let e = KeyEvent::new(k.code, k.mods);
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
    }
    out
}

/// Walks what the keys reach from view `view_key` and returns every screen drawn (at 80×24
/// and 160×48). A form or the debrief is walked field by field (Tab) and step by step
/// (Ctrl-S) rather than branched, so the walk stays small.
fn walk(lang: Lang, hidden: bool, view_key: char, depth: usize) -> Vec<String> {
    let start = |keys: &[KeyEvent]| {
        let mut a = app(lang);
        if hidden {
            ctrl_p(&mut a);
        }
        send(
            &mut a,
            KeyEvent::new(KeyCode::Char(view_key), KeyModifiers::NONE),
        );
        for k in keys {
            send(&mut a, *k);
        }
        a
    };
    let mut screens = Vec::new();
    let mut seen = HashSet::new();
    let mut queue: Vec<Vec<KeyEvent>> = vec![Vec::new()];
    while let Some(path) = queue.pop() {
        let mut a = start(&path);
        let small = draw(&mut a, 80, 24);
        let wide = draw(&mut a, 160, 48);
        let fresh = seen.insert(wide.clone());
        screens.push(small);
        screens.push(wide);
        if !fresh {
            continue;
        }
        if a.form().is_some() || a.debrief().is_some() {
            screens.extend(through_overlay(&mut a));
            continue;
        }
        if a.search().is_some() {
            for c in "secret".chars() {
                send(&mut a, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            }
            screens.push(draw(&mut a, 80, 24));
            screens.push(draw(&mut a, 160, 48));
            send(&mut a, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            screens.push(draw(&mut a, 80, 24));
            continue;
        }
        if path.len() >= depth {
            continue;
        }
        for k in keys_now(&a) {
            let mut next = path.clone();
            next.push(k);
            queue.push(next);
        }
    }
    screens
}

/// Every field of the open form (Tab), every step of the open debrief (Ctrl-S, with each
/// step's fields), drawn at both sizes.
fn through_overlay(a: &mut App) -> Vec<String> {
    let mut screens = Vec::new();
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    let next = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let steps = if a.debrief().is_some() { 8 } else { 1 };
    for _ in 0..steps {
        for _ in 0..24 {
            send(a, tab);
            screens.push(draw(a, 80, 24));
            screens.push(draw(a, 160, 48));
        }
        if a.debrief().is_none() {
            break;
        }
        send(a, next);
        screens.push(draw(a, 80, 24));
        screens.push(draw(a, 160, 48));
    }
    screens
}

/// The markers on `screen`.
fn markers(screen: &str) -> Vec<u32> {
    // One pass over the screen for the marker's occurrences (a search per number made this
    // the walk's hottest loop).
    let mut found: Vec<u32> = screen
        .match_indices(MARK)
        .filter_map(|(at, _)| screen.get(at + MARK.len()..at + MARK.len() + 2))
        .filter_map(|digits| digits.parse().ok())
        .filter(|n| (1..=LAST).contains(n))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

const VIEW_KEYS: [char; 8] = ['1', '2', '3', '4', '5', '6', '7', '8'];

#[test]
fn with_private_text_hidden_no_private_text_is_on_any_screen() {
    no_private_text_on_any_screen(Lang::En);
}

#[test]
fn with_private_text_hidden_no_private_text_is_on_any_screen_in_indonesian() {
    no_private_text_on_any_screen(Lang::Id);
}

fn no_private_text_on_any_screen(lang: Lang) {
    let mut leaks = Vec::new();
    {
        for view in VIEW_KEYS {
            for screen in walk(lang, true, view, 3) {
                let first = format!("view {view} ({lang:?}) shows {:?}:", markers(&screen));
                if screen.contains(MARK) && !leaks.iter().any(|l: &String| l.starts_with(&first)) {
                    leaks.push(format!(
                        "view {view} ({lang:?}) shows {:?}:\n{screen}",
                        markers(&screen)
                    ));
                }
            }
        }
    }
    let all: HashSet<_> = leaks
        .iter()
        .map(|l| l.lines().next().unwrap_or(""))
        .collect();
    assert!(
        leaks.is_empty(),
        "{} screens leak: {all:#?}\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}

#[test]
fn the_walk_reaches_the_text_it_checks() {
    // Shown, the same walk finds (nearly) every marker: the test above has teeth.
    let mut found = HashSet::new();
    for view in VIEW_KEYS {
        for screen in walk(Lang::En, false, view, 3) {
            found.extend(markers(&screen));
        }
    }
    let missing: Vec<u32> = (1..=LAST).filter(|n| !found.contains(n)).collect();
    assert!(missing.is_empty(), "never shown: {missing:?}");
}

#[test]
fn editing_a_private_record_while_hidden_asks_first() {
    for lang in [Lang::En, Lang::Id] {
        let t = lang.text();
        // No: nothing opens and private text stays hidden.
        let mut a = app(lang);
        ctrl_p(&mut a);
        send(
            &mut a,
            KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE),
        );
        send(
            &mut a,
            KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE),
        );
        assert!(a.form().is_none());
        let screen = draw(&mut a, 80, 24);
        assert!(screen.contains(t.common.show_private_title), "{screen}");
        assert!(!screen.contains(MARK), "{screen}");
        send(
            &mut a,
            KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE),
        );
        assert!(a.form().is_none());
        assert!(a.hide_private);
        assert!(!draw(&mut a, 80, 24).contains(MARK));
        // Yes: private text is shown again and the form opens on the record.
        send(
            &mut a,
            KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE),
        );
        send(
            &mut a,
            KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE),
        );
        assert!(!a.hide_private);
        assert!(a.form().is_some());
        let screen = draw(&mut a, 160, 48);
        assert!(screen.contains(MARK), "{screen}");
    }
    // Shown: the form opens at once.
    let mut a = app(Lang::En);
    send(
        &mut a,
        KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE),
    );
    send(
        &mut a,
        KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE),
    );
    assert!(a.form().is_some());
}

/// Presses `c` in `a`.
fn press(a: &mut App, c: char) {
    send(a, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

/// The Mentors view with the approached candidate (the one with a scorecard) selected.
fn at_the_candidate(hidden: bool) -> App {
    let mut a = app(Lang::En);
    if hidden {
        ctrl_p(&mut a);
    }
    press(&mut a, '8');
    for _ in 0..5 {
        let selected = a.views.mentors.list.selected().map(|m| m.status);
        if selected == Some(MentorStatus::Approached) {
            break;
        }
        press(&mut a, 'j');
    }
    a
}

#[test]
fn the_scorecard_form_and_the_comparison_hide_a_private_candidate() {
    let t = Lang::En.text();
    // Hidden: the comparison names no private mentor, the scorecard form asks first.
    let mut a = at_the_candidate(true);
    press(&mut a, 'S');
    for (w, h) in [(80, 24), (160, 48)] {
        let screen = draw(&mut a, w, h);
        assert!(screen.contains(t.fit.compare_title), "{screen}");
        assert!(screen.contains(t.common.hidden_name), "{screen}");
        assert!(
            screen.contains("4/5"),
            "the ratings are not private text: {screen}"
        );
        assert!(!screen.contains(MARK), "{screen}");
    }
    send(&mut a, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut a, 's');
    assert!(
        a.form().is_none(),
        "a private mentor's scorecard asks first"
    );
    let screen = draw(&mut a, 80, 24);
    assert!(screen.contains(t.common.show_private_title), "{screen}");
    assert!(!screen.contains(MARK), "{screen}");
    // Shown: the same keys show the name and open the form with the notes.
    let mut a = at_the_candidate(false);
    press(&mut a, 'S');
    assert!(draw(&mut a, 160, 48).contains(&m(10)));
    send(&mut a, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut a, 's');
    assert!(a.form().is_some());
    let screen = draw(&mut a, 160, 48);
    assert!(
        screen.contains(&m(61)) && screen.contains(&m(10)),
        "{screen}"
    );
}
