//! The Meetings view end to end on the demo journal: planning meetings, the agenda builder
//! (suggestions from every source, items added, edited, reordered and deleted, the template,
//! the time box, readiness), in-meeting mode (ticks and notes saved at once), parking a
//! question from another view, and snapshots of the three screens.

mod common;

use std::collections::HashSet;

use common::*;
use mentee::config::{Config, Theme as ThemeChoice};
use mentee::domain::suggest::SuggestionReason;
use mentee::domain::{AgendaReadiness, Clock, MeetingStatus};
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::keys::Action;
use mentee::tui::theme::Theme;
use mentee::tui::views::View;
use mentee::tui::views::meetings::Mode;
use mentee::tui::views::meetings::agenda::Pane;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn ctrl_s(app: &mut App) {
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, c);
    }
}

/// The demo, on the Meetings view, with the upcoming meeting's builder open.
fn builder(lang: Lang) -> App {
    let mut app = demo_app(lang);
    key(&mut app, '3');
    assert_eq!(
        app.views.meetings.list.pos(),
        0,
        "the upcoming meeting is first"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.meetings.mode, Mode::Builder);
    app
}

fn meeting_id(app: &App) -> i64 {
    app.views
        .meetings
        .builder
        .meeting_id()
        .expect("a meeting is open")
}

fn item_texts(app: &App) -> Vec<String> {
    app.store
        .agenda_of(meeting_id(app))
        .unwrap()
        .into_iter()
        .map(|a| a.text)
        .collect()
}

#[test]
fn suggestions_from_every_source_are_accepted_once_and_disappear() {
    let mut app = builder(Lang::En);
    let id = meeting_id(&app);
    let before = app.store.agenda_of(id).unwrap().len();
    let offered = app.views.meetings.builder.suggestions.clone();
    let reasons: HashSet<SuggestionReason> = offered.iter().map(|s| s.reason).collect();
    for reason in [
        SuggestionReason::CarryOver,
        SuggestionReason::ReportExperiment,
        SuggestionReason::MyCommitmentOverdue,
        SuggestionReason::MyCommitmentDue,
        SuggestionReason::MentorCommitmentOverdue,
        SuggestionReason::OpenFeedback,
        SuggestionReason::GoalWithoutProgress,
        SuggestionReason::ParkedQuestion,
    ] {
        assert!(reasons.contains(&reason), "the demo offers {reason:?}");
    }
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("parked question"), "{screen}");
    assert!(screen.contains("not discussed last time"), "{screen}");

    press(&mut app, KeyCode::Tab);
    assert_eq!(app.views.meetings.builder.pane, Pane::Suggestions);
    // The first with `a`, the second with Enter; each accepted one leaves the list.
    let first = offered[0].key.clone();
    key(&mut app, 'a');
    let keys: Vec<String> = app
        .views
        .meetings
        .builder
        .suggestions
        .iter()
        .map(|s| s.key.clone())
        .collect();
    assert!(!keys.contains(&first), "accepted {first} disappears");
    assert_eq!(keys.len(), offered.len() - 1);
    press(&mut app, KeyCode::Enter);
    for _ in 0..offered.len() {
        key(&mut app, 'a');
    }
    assert!(app.views.meetings.builder.suggestions.is_empty());
    assert!(draw(&mut app, 80, 24).contains("Nothing to suggest"));
    key(&mut app, 'a');
    assert_eq!(
        app.message.as_deref(),
        Some("No suggestion selected."),
        "nothing twice"
    );

    let agenda = app.store.agenda_of(id).unwrap();
    assert_eq!(agenda.len(), before + offered.len());
    let sources: Vec<String> = agenda.iter().filter_map(|a| a.source.clone()).collect();
    let unique: HashSet<&String> = sources.iter().collect();
    assert_eq!(unique.len(), sources.len(), "no suggestion accepted twice");
    for s in &offered {
        assert!(sources.contains(&s.key), "{} is on the agenda", s.key);
    }
    // The parked question now points at its agenda item and is no longer parked.
    let q = offered
        .iter()
        .find(|s| s.reason == SuggestionReason::ParkedQuestion)
        .unwrap();
    let question = app.store.question(q.question_id.unwrap()).unwrap();
    let item = agenda
        .iter()
        .find(|a| a.source.as_deref() == Some(q.key.as_str()))
        .unwrap();
    assert_eq!(question.agenda_item_id, Some(item.id));
    assert!(
        app.store
            .open_questions(50)
            .unwrap()
            .iter()
            .all(|o| o.id != question.id)
    );
    // A fresh computation agrees: nothing is suggested again.
    let again = mentee::domain::suggest::suggest(&app.store.suggest_input(id).unwrap(), now());
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn items_are_added_edited_reordered_and_deleted_with_undo() {
    let mut app = builder(Lang::En);
    key(&mut app, 'n');
    assert!(app.form().is_some());
    // kind (choice) → text → minutes → outcome.
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Which meetup slot suits a first talk?");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "abc");
    ctrl_s(&mut app);
    assert!(app.form().is_some(), "bad minutes keep the form open");
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "7");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "A slot picked");
    ctrl_s(&mut app);
    assert!(app.form().is_none(), "saved: {:?}", app.message);
    let texts = item_texts(&app);
    assert_eq!(texts.len(), 3);
    assert_eq!(texts[2], "Which meetup slot suits a first talk?");
    let new = app.store.agenda_of(meeting_id(&app)).unwrap()[2].clone();
    assert_eq!(
        (new.minutes, new.outcome.as_str()),
        (Some(7), "A slot picked")
    );
    assert_eq!(
        app.views.meetings.builder.items_cursor.pos, 2,
        "cursor on the new item"
    );

    // Reorder: K twice brings it to the top, J (and Shift-↓) moves it down again.
    key(&mut app, 'K');
    key(&mut app, 'K');
    key(&mut app, 'K');
    assert_eq!(item_texts(&app)[0], "Which meetup slot suits a first talk?");
    assert_eq!(app.views.meetings.builder.items_cursor.pos, 0);
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Down,
        KeyModifiers::SHIFT,
    )));
    assert_eq!(item_texts(&app)[1], "Which meetup slot suits a first talk?");
    let positions: Vec<i64> = app
        .store
        .agenda_of(meeting_id(&app))
        .unwrap()
        .iter()
        .map(|a| a.position)
        .collect();
    assert_eq!(positions, vec![1, 2, 3], "positions renumbered");

    // Edit the item under the cursor.
    key(&mut app, 'e');
    press(&mut app, KeyCode::Tab);
    typed(&mut app, " (spring)");
    ctrl_s(&mut app);
    assert_eq!(
        item_texts(&app)[1],
        "Which meetup slot suits a first talk? (spring)"
    );

    // Delete asks, then `u` puts it back.
    key(&mut app, 'd');
    assert!(app.confirm().is_some());
    key(&mut app, 'y');
    assert_eq!(item_texts(&app).len(), 2);
    assert_eq!(
        app.views.meetings.mode,
        Mode::Builder,
        "still in the builder"
    );
    key(&mut app, 'u');
    assert_eq!(item_texts(&app).len(), 3);
    assert_eq!(
        app.views.meetings.builder.items.len(),
        3,
        "the view is reloaded"
    );

    // Help lists the builder's keys from its table.
    key(&mut app, '?');
    let help = draw(&mut app, 100, 48);
    for text in [
        "move the item up",
        "accept the suggestion",
        "start an empty agenda",
    ] {
        assert!(help.contains(text), "help shows {text:?}:\n{help}");
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.meetings.mode, Mode::List);
}

/// The style of the first cell of `needle` on the screen.
fn style_of(app: &mut App, w: u16, h: u16, needle: &str) -> Option<ratatui::style::Style> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.render(f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    for y in 0..h {
        let row: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
        if let Some(byte) = row.find(needle) {
            let x = row[..byte].chars().count() as u16;
            return Some(buf[(x, y)].style());
        }
    }
    None
}

#[test]
fn the_time_box_warns_when_the_agenda_is_over_the_length() {
    let mut app = builder(Lang::En);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("25 of 45 min planned · 20 min free"),
        "{screen}"
    );
    key(&mut app, 'n');
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Career track decision");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "30");
    ctrl_s(&mut app);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("55 of 45 min planned — over by 10 min — respect their time"),
        "{screen}"
    );
    // Marking it ready says it runs over.
    key(&mut app, 'r');
    assert_eq!(
        app.message.as_deref(),
        Some(
            "Agenda marked ready, but it runs over: 55 of 45 min planned, 10 min too many. \
             Trim it to respect their time."
        )
    );
    let danger = Theme::new(ThemeChoice::Dark, false).danger;
    let drawn = style_of(&mut app, 80, 24, "55 of 45").unwrap();
    assert!(
        drawn.add_modifier.contains(danger.add_modifier),
        "{drawn:?}"
    );
    assert_eq!(
        drawn.fg.filter(|c| *c != ratatui::style::Color::Reset),
        danger.fg
    );
    // The list's detail pane and in-meeting mode say so too.
    press(&mut app, KeyCode::Esc);
    assert!(draw(&mut app, 80, 24).contains("over by 10 min"));
}

#[test]
fn readiness_toggles_and_shows_in_the_list_and_today() {
    let mut app = builder(Lang::En);
    let id = meeting_id(&app);
    key(&mut app, 'r');
    assert_eq!(app.message.as_deref(), Some("Agenda marked ready."));
    assert!(app.store.meeting(id).unwrap().agenda_ready);
    assert!(draw(&mut app, 80, 24).contains("agenda: ready"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.views.meetings.list.rows()[0].readiness,
        AgendaReadiness::Ready
    );
    assert!(draw(&mut app, 80, 24).contains("ready"));
    key(&mut app, '1');
    assert!(draw(&mut app, 100, 30).contains("agenda: ready"));
    key(&mut app, '3');
    key(&mut app, 'r');
    assert_eq!(
        app.views.meetings.list.rows()[0].readiness,
        AgendaReadiness::Draft
    );
    key(&mut app, '1');
    assert!(draw(&mut app, 100, 30).contains("agenda: draft"));
}

#[test]
fn an_empty_agenda_starts_from_the_template_and_cannot_be_ready() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '3');
    key(&mut app, 'n');
    // mentor (choice, Daniel first) → date → time → minutes (default 30). The date and time
    // proposed: every 14 days after the meeting planned on 29 Nov at 16:00 (issue 17).
    let form = &app.form().unwrap().form;
    assert_eq!(
        (form.text("date"), form.text("time")),
        ("2026-12-13".into(), "16:00".into())
    );
    let clear = |app: &mut App| {
        for _ in 0..12 {
            press(app, KeyCode::Backspace);
        }
    };
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    typed(&mut app, "2026-12-10");
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    typed(&mut app, "25:00");
    ctrl_s(&mut app);
    assert!(app.form().is_some(), "a bad time keeps the form open");
    assert!(draw(&mut app, 100, 30).contains("is not a time; use 14:30, 9.30 or 9am"));
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    // Times read as people write them.
    typed(&mut app, "10.30am");
    ctrl_s(&mut app);
    assert!(app.form().is_none(), "{:?}", app.message);
    let s = app.views.meetings.selected().unwrap().clone();
    assert_eq!(s.meeting.starts_at.to_string(), "2026-12-10 10:30:00");
    assert_eq!(s.meeting.minutes, 30, "the configured default length");
    assert_eq!(s.readiness, AgendaReadiness::None);

    press(&mut app, KeyCode::Enter);
    key(&mut app, 'r');
    assert_eq!(
        app.message.as_deref(),
        Some("Add items before marking the agenda ready.")
    );
    key(&mut app, 't');
    let texts = item_texts(&app);
    assert_eq!(texts.len(), 9);
    assert!(texts[0].starts_with("Check-in"));
    assert!(texts.iter().any(|t| t.contains("Traffic light per goal")));
    assert!(texts.last().unwrap().contains("owner and date"));
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("28 of 30 min planned · 2 min free"),
        "{screen}"
    );
    key(&mut app, 't');
    assert_eq!(
        item_texts(&app).len(),
        9,
        "the template fills an empty agenda only"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("already has items")
    );
}

#[test]
fn a_meeting_is_edited_to_held_and_deleted_with_undo() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '3');
    let total = app.views.meetings.list.rows().len();
    // A held meeting has no builder: Enter shows it whole, with what came out of it.
    key(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.meetings.mode, Mode::List);
    assert_eq!(app.overlays.len(), 1, "the meeting's whole record");
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("What came out of it"), "{screen}");
    press(&mut app, KeyCode::Esc);

    key(&mut app, 'g');
    key(&mut app, 'e');
    // mentor → date → time → minutes → status: cycle planned → held.
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    key(&mut app, ' ');
    ctrl_s(&mut app);
    assert!(app.form().is_none(), "{:?}", app.message);

    let held: Vec<_> = app
        .views
        .meetings
        .list
        .rows()
        .iter()
        .filter(|r| r.meeting.status == MeetingStatus::Held)
        .collect();
    assert_eq!(held.len(), 4, "the meeting held early is still listed");
    let v = &app.views.meetings;
    assert!(!v.list.rows().iter().any(|r| v.is_upcoming(r)));

    key(&mut app, 'd');
    key(&mut app, 'y');
    assert_eq!(app.views.meetings.list.rows().len(), total - 1);
    key(&mut app, 'u');
    assert_eq!(app.views.meetings.list.rows().len(), total);
}

#[test]
fn ticks_and_notes_are_saved_at_once_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    {
        let mut store = Store::open(&path, false).unwrap();
        mentee::demo::fill(&mut store, now()).unwrap();
    }
    let open = || {
        App::new(
            Store::open(&path, false).unwrap(),
            Config::default(),
            Lang::En,
            Clock::Fixed(now()),
            Theme::new(ThemeChoice::Dark, false),
            false,
        )
        .unwrap()
    };
    let mut app = open();
    key(&mut app, '3');
    key(&mut app, 'm');
    assert_eq!(app.views.meetings.mode, Mode::Live);
    key(&mut app, 'x');
    key(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "Open with the outage story");
    ctrl_s(&mut app);
    assert!(app.form().is_none());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("1 of 2 discussed"), "{screen}");
    assert!(screen.contains("✎ Open with the outage story"), "{screen}");
    key(&mut app, ' ');
    key(&mut app, ' ');
    drop(app);

    let mut app = open();
    key(&mut app, '3');
    let id = app.views.meetings.list.rows()[0].meeting.id;
    let agenda = app.store.agenda_of(id).unwrap();
    assert!(agenda[0].discussed, "the tick was saved");
    assert!(!agenda[1].discussed, "ticked twice is unticked");
    assert_eq!(agenda[1].note, "Open with the outage story");
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("[x] update"), "{screen}");
    assert!(screen.contains("✎ Open with the outage story"), "{screen}");
}

#[test]
fn in_meeting_mode_shows_the_elapsed_time_against_the_length() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '3');
    key(&mut app, 'm');
    assert!(draw(&mut app, 80, 24).contains("Starts in 2 days at 16:00"));
    assert_eq!(
        app.tick_interval().as_secs(),
        1,
        "the clock ticks every second"
    );
    // Twelve minutes into the meeting.
    let start = app.views.meetings.list.rows()[0].meeting.starts_at;
    app.clock = Clock::Fixed(start + chrono::Duration::seconds(12 * 60 + 5));
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Elapsed 12:05 of 45 min"), "{screen}");
    assert!(
        screen.contains("Now: Slides drafted; dry run done"),
        "{screen}"
    );
    assert!(
        screen.contains("5 min planned · ends by minute 5"),
        "{screen}"
    );
    key(&mut app, 'j');
    assert!(draw(&mut app, 80, 24).contains("20 min planned · ends by minute 25"));
    app.clock = Clock::Fixed(start + chrono::Duration::minutes(50));
    assert!(draw(&mut app, 80, 24).contains("over time by 5 min"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.meetings.mode, Mode::List);
    assert_eq!(app.tick_interval().as_secs(), 60);
}

#[test]
fn q_parks_a_question_from_another_view() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '5');
    key(&mut app, 'Q');
    assert!(app.form().is_some(), "Q opens the question form");
    typed(&mut app, "What would you do in my first 90 days?");
    ctrl_s(&mut app);
    assert!(app.form().is_none());
    assert_eq!(
        app.screen,
        mentee::tui::app::Screen::View(View::Commitments)
    );
    let parked = app.store.open_questions(50).unwrap();
    assert!(
        parked
            .iter()
            .any(|q| q.text == "What would you do in my first 90 days?" && q.mentor_id.is_none())
    );
    // It is suggested for the next meeting.
    key(&mut app, '3');
    press(&mut app, KeyCode::Enter);
    assert!(
        app.views
            .meetings
            .builder
            .suggestions
            .iter()
            .any(|s| s.text == "What would you do in my first 90 days?")
    );
    // An empty question is refused and nothing is saved.
    key(&mut app, 'Q');
    ctrl_s(&mut app);
    assert!(app.form().is_some());
    press(&mut app, KeyCode::Esc);
}

#[test]
fn snapshots_of_the_list_the_builder_and_in_meeting_mode() {
    for (lang, sizes) in [
        (Lang::En, &[(80u16, 24u16), (160, 48)][..]),
        (Lang::Id, &[(80, 24)][..]),
    ] {
        let code = lang.code();
        let mut app = builder(lang);
        press(&mut app, KeyCode::Esc);
        for &(w, h) in sizes {
            insta::assert_snapshot!(format!("list_{code}_{w}x{h}"), draw(&mut app, w, h));
        }
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Tab);
        for &(w, h) in sizes {
            insta::assert_snapshot!(format!("builder_{code}_{w}x{h}"), draw(&mut app, w, h));
        }
        key(&mut app, 'm');
        key(&mut app, 'x');
        let start = app
            .views
            .meetings
            .builder
            .meeting
            .as_ref()
            .unwrap()
            .meeting
            .starts_at;
        app.clock = Clock::Fixed(start + chrono::Duration::seconds(7 * 60 + 30));
        for &(w, h) in sizes {
            insta::assert_snapshot!(format!("live_{code}_{w}x{h}"), draw(&mut app, w, h));
        }
    }
}

#[test]
fn every_screen_draws_at_any_size() {
    let mut app = builder(Lang::En);
    for action in [None, Some('m')] {
        if let Some(c) = action {
            key(&mut app, c);
        }
        for w in [1u16, 2, 10, 39, 40, 41, 60, 80, 109, 110, 300] {
            for h in [1u16, 2, 5, 11, 12, 13, 24, 100] {
                draw(&mut app, w, h);
            }
        }
    }
    app.update(Action::ShowView(View::Today));
    app.update(Action::ShowView(View::Meetings));
    assert_eq!(
        app.views.meetings.mode,
        Mode::Live,
        "coming back keeps the screen"
    );
}
