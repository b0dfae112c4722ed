//! The recap and the kick-off in the TUI: `s` on a held meeting shows the recap, `c` asks the
//! app to write it to the terminal as OSC 52 (the exact bytes), then asks to mark the thanks
//! sent; `s` elsewhere says why not; the first meeting with a mentor offers the kick-off
//! agenda, and its agreement is filled into the mentor's form from what was noted.

mod common;

use common::*;
use mentee::domain::kickoff::SOURCE_PREFIX;
use mentee::domain::*;
use mentee::i18n::Lang;
use mentee::tui::effect::{Confirm, ConfirmAction};
use mentee::tui::keys::Action;
use mentee::tui::overlay::Overlay;
use mentee::tui::views::View;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn recap_text(app: &mentee::tui::App) -> Option<String> {
    app.overlays.iter().rev().find_map(|o| match o {
        Overlay::Recap(r) => Some(r.text.clone()),
        _ => None,
    })
}

#[test]
fn s_shows_the_recap_and_c_copies_it_with_osc52() {
    for lang in [Lang::En, Lang::Id] {
        let mut app = demo_app(lang);
        let id = app.store.latest_held_meeting(None).unwrap().unwrap();
        assert!(app.select_record(View::Meetings, id).unwrap());
        key(&mut app, 's');
        let text = recap_text(&app).expect("the recap is open");
        let screen = draw(&mut app, 80, 24);
        let (title, hello) = match lang {
            Lang::En => ("Recap for Daniel", "Hi Daniel,"),
            Lang::Id => ("Rekap untuk Daniel", "Halo Daniel,"),
        };
        assert!(screen.contains(title), "{screen}");
        assert!(
            screen.contains("OSC 52"),
            "the overlay says how copying works: {screen}"
        );
        assert!(text.starts_with(hello), "{text}");
        assert!(app.terminal_out.is_empty());
        key(&mut app, 'c');
        let mut want = b"\x1b]52;c;".to_vec();
        want.extend(mentee::tui::recap::base64(text.as_bytes()).bytes());
        want.push(0x07);
        assert_eq!(app.terminal_out, want, "the effect's bytes");
        // The demo's thanks for that meeting are not sent: asked, and marked on `y`.
        let confirm = app.confirm().expect("asks about the thanks");
        let ConfirmAction::MarkThanksSent { ids } = confirm.on_yes.clone() else {
            panic!("{confirm:?}");
        };
        assert!(!ids.is_empty());
        key(&mut app, 'y');
        for g in ids {
            assert!(app.store.gratitude(g).unwrap().sent);
        }
        assert!(recap_text(&app).is_some(), "the recap stays open");
        press(&mut app, KeyCode::Esc);
        assert!(app.overlays.is_empty());
    }
}

#[test]
fn the_recap_is_drawn_at_both_sizes() {
    let mut app = demo_app(Lang::En);
    let id = app.store.latest_held_meeting(None).unwrap().unwrap();
    app.select_record(View::Meetings, id).unwrap();
    key(&mut app, 's');
    let wide = draw(&mut app, 160, 48);
    assert!(
        wide.contains("What we discussed") || wide.contains("Thank you"),
        "{wide}"
    );
    key(&mut app, 'w');
    let saving = draw(&mut app, 80, 24);
    assert!(
        saving.contains("File: recap-2026-11-27-daniel.txt"),
        "{saving}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(
        recap_text(&app).is_some(),
        "Esc leaves the file name, not the recap"
    );
}

#[test]
fn s_on_a_planned_meeting_says_why_there_is_no_recap() {
    let mut app = demo_app(Lang::En);
    let planned = app.store.upcoming_meetings(now(), 1).unwrap()[0].meeting.id;
    app.select_record(View::Meetings, planned).unwrap();
    key(&mut app, 's');
    assert!(recap_text(&app).is_none());
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("after a meeting is held"),
        "{:?}",
        app.message
    );
}

#[test]
fn the_first_meeting_offers_the_kickoff_and_fills_the_agreement() {
    let mut app = empty_app(Lang::En);
    let mentor = app
        .store
        .save_mentor(&Mentor {
            status: MentorStatus::Active,
            ..Mentor::new("Maya Chen")
        })
        .unwrap();
    let start = now() + chrono::Duration::days(1);
    let meeting = app
        .store
        .save_meeting(&Meeting {
            channel: "video call".into(),
            ..Meeting::new(mentor, start, 30)
        })
        .unwrap();
    app.update(Action::ShowView(View::Meetings));
    assert!(app.select_record(View::Meetings, meeting).unwrap());
    press(&mut app, KeyCode::Enter);
    assert!(app.views.meetings.builder.kickoff);
    assert!(draw(&mut app, 160, 48).contains("kick-off"));
    key(&mut app, 't');
    let items = app.store.agenda_of(meeting).unwrap();
    assert!(items.len() >= 6);
    // What was decided, noted on the kick-off items.
    for item in &items {
        let note = match item
            .source
            .as_deref()
            .and_then(|s| s.strip_prefix(SOURCE_PREFIX))
        {
            Some("cadence") => "every 3 weeks",
            Some("duration") => "6 months",
            Some("goals") => "Staff promotion",
            Some("feedback") => "Direct, in writing",
            _ => continue,
        };
        app.store.set_agenda_note(item.id, note).unwrap();
    }
    app.overlays.push(Overlay::Confirm(Confirm {
        prompt: "fill?".into(),
        on_yes: ConfirmAction::FillAgreement {
            meeting_id: meeting,
        },
    }));
    key(&mut app, 'y');
    assert!(app.form().is_some(), "the mentor's form is open");
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    let m = app.store.mentor(mentor).unwrap();
    assert_eq!(m.cadence_days, Some(21));
    assert_eq!(m.expected_end, chrono::NaiveDate::from_ymd_opt(2027, 5, 28));
    assert_eq!(m.channel, "video call");
    assert_eq!(m.goals_covered, "Staff promotion");
    assert!(m.agreement_notes.contains("Direct, in writing"), "{m:?}");
}

#[test]
fn a_later_meeting_is_not_a_kickoff() {
    let mut app = demo_app(Lang::En);
    let planned = app.store.upcoming_meetings(now(), 1).unwrap()[0].meeting.id;
    app.select_record(View::Meetings, planned).unwrap();
    press(&mut app, KeyCode::Enter);
    assert!(!app.views.meetings.builder.kickoff);
}
