//! The fit scorecard in the TUI: `s` on a candidate or an approached mentor fills in or edits
//! the scorecard (a rating 1–5 or empty, with a note), `S` shows the candidates side by side
//! and scrolls sideways through those that do not fit, in both languages.

mod common;

use common::{demo_app, draw, empty_app, key, press};
use mentee::domain::fit::{FitRating, MentorFit};
use mentee::domain::{FitCriterion, Mentor};
use mentee::i18n::Lang;
use mentee::tui::App;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn ctrl_s(a: &mut App) {
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
}

fn typed(a: &mut App, text: &str) {
    for c in text.chars() {
        key(a, c);
    }
}

/// Selects the mentor named `name` in the Mentors view; its id.
fn select(a: &mut App, name: &str) -> i64 {
    key(a, '8');
    key(a, 'g');
    for _ in 0..10 {
        if let Some(m) = a.views.mentors.list.selected()
            && m.name == name
        {
            return m.id;
        }
        key(a, 'j');
    }
    panic!("{name} is not listed");
}

#[test]
fn the_scorecard_is_edited_from_mentors_and_saved_through_the_store() {
    for lang in [Lang::En, Lang::Id] {
        let t = lang.text();
        let mut a = demo_app(lang);
        let helen = select(&mut a, "Helen Park");
        let before = a.store.mentor_fit(helen).unwrap().unwrap();
        key(&mut a, 's');
        assert!(a.form().is_some(), "{lang:?}");
        let screen = draw(&mut a, 80, 24);
        insta::assert_snapshot!(format!("scorecard_form_{}_80x24", lang.code()), screen);
        assert!(
            screen.contains(t.fit.criterion(FitCriterion::Goals)),
            "{screen}"
        );
        assert!(screen.contains("Knows the promotion round"), "{screen}");
        // To "Learning style" (each criterion has its rating, then its note).
        for _ in 0..6 {
            press(&mut a, KeyCode::Tab);
        }
        typed(&mut a, "7");
        ctrl_s(&mut a);
        assert!(a.form().is_some(), "a rating of 7 is refused");
        assert!(draw(&mut a, 80, 24).contains(t.fit.rating_bad));
        press(&mut a, KeyCode::Backspace);
        typed(&mut a, "3");
        press(&mut a, KeyCode::Tab);
        typed(&mut a, "likes pairing");
        ctrl_s(&mut a);
        assert!(a.form().is_none(), "{}", draw(&mut a, 80, 24));
        let after = a.store.mentor_fit(helen).unwrap().unwrap();
        assert_eq!(after.uuid, before.uuid, "the same scorecard, edited");
        let learning = after.rating(FitCriterion::LearningStyle).unwrap();
        assert_eq!(
            (learning.rating, learning.note.as_str()),
            (3, "likes pairing")
        );
        assert_eq!(after.ratings.len(), before.ratings.len() + 1);
        // The detail shows the new rating.
        let detail = draw(&mut a, 160, 48);
        assert!(detail.contains("likes pairing"), "{detail}");

        // A note without its rating is refused (the note would be lost).
        key(&mut a, 's');
        press(&mut a, KeyCode::Backspace);
        ctrl_s(&mut a);
        assert!(a.form().is_some());
        assert!(draw(&mut a, 80, 24).contains(t.fit.rating_bad));
    }
}

#[test]
fn only_candidates_and_approached_mentors_have_a_scorecard() {
    for lang in [Lang::En, Lang::Id] {
        let mut a = demo_app(lang);
        select(&mut a, "Daniel Okafor");
        key(&mut a, 's');
        assert!(a.form().is_none());
        assert_eq!(a.message.as_deref(), Some(lang.text().fit.only_choosing));
        // A candidate without a scorecard starts from an empty one.
        let id = select(&mut a, "Sari Wijaya");
        a.store
            .conn()
            .execute("DELETE FROM mentor_fit WHERE mentor_id = ?1", [id])
            .unwrap();
        select(&mut a, "Sari Wijaya");
        let screen = draw(&mut a, 160, 48);
        // (The line wraps in the pane: its first words.)
        let (words, _) = lang.text().fit.detail_fit_empty.split_once(':').unwrap();
        assert!(screen.contains(words), "{screen}");
        key(&mut a, 's');
        assert!(a.form().is_some());
        typed(&mut a, "4");
        ctrl_s(&mut a);
        let fit = a.store.mentor_fit(id).unwrap().unwrap();
        assert_eq!(fit.ratings.len(), 1);
        assert_eq!(fit.total(), 4);
    }
}

#[test]
fn candidates_side_by_side_fit_80x24_and_scroll_sideways() {
    for lang in [Lang::En, Lang::Id] {
        let t = lang.text();
        let mut a = demo_app(lang);
        key(&mut a, '8');
        key(&mut a, 'S');
        let screen = draw(&mut a, 80, 24);
        for text in [
            t.fit.compare_title,
            "Sari Wijaya",
            "Helen Park",
            t.fit.total,
            t.fit.average,
        ] {
            assert!(screen.contains(text), "{text:?}\n{screen}");
        }
        // Best average first: Sari (4.2) before Helen (3.7).
        assert!(screen.find("Sari Wijaya") < screen.find("Helen Park"));
        insta::assert_snapshot!(format!("compare_{}_80x24", lang.code()), screen);
        press(&mut a, KeyCode::Esc);
        assert!(!draw(&mut a, 80, 24).contains(t.fit.compare_title));
    }

    // Six candidates (best first: Ana, Bayu … Fajar): as many columns as fit, then ← →
    // through the rest.
    let mut a = empty_app(Lang::En);
    for (i, name) in ["Ana", "Bayu", "Citra", "Dewi", "Eko", "Fajar"]
        .iter()
        .enumerate()
    {
        let id = a.store.save_mentor(&Mentor::new(*name)).unwrap();
        a.store
            .save_mentor_fit(&MentorFit {
                mentor_id: id,
                ratings: vec![FitRating {
                    criterion: FitCriterion::Goals.code().into(),
                    rating: (6 - i as u8).min(5),
                    note: String::new(),
                }],
                ..MentorFit::default()
            })
            .unwrap();
    }
    key(&mut a, '8');
    key(&mut a, 'S');
    let first = draw(&mut a, 80, 24);
    assert!(first.contains("1–3/6"), "{first}");
    assert!(first.contains("Ana") && !first.contains("Dewi"), "{first}");
    for _ in 0..5 {
        press(&mut a, KeyCode::Right);
    }
    let last = draw(&mut a, 80, 24);
    assert!(last.contains("4–6/6"), "stops at the last one: {last}");
    assert!(last.contains("Fajar") && !last.contains("Ana "), "{last}");
    key(&mut a, 'h');
    assert!(draw(&mut a, 80, 24).contains("3–5/6"));
    // Wide, they all fit.
    let wide = draw(&mut a, 160, 48);
    assert!(wide.contains("Ana") && wide.contains("Fajar"), "{wide}");
    assert_eq!(
        a.store.candidates().unwrap().len(),
        6,
        "only candidates and approached mentors"
    );
}
