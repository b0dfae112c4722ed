//! Issue 12, item 3 in the app: two windows (two apps, two connections to one journal) edit
//! the same mentor. Each saves only the fields it changed; a field changed in both is asked
//! about (keep mine / take theirs, per field or for all, in both languages) before anything
//! is written — never a silent loss.

mod common;

use common::{draw, key, now, press};
use mentee::config::{Config, Theme as ThemeChoice};
use mentee::domain::{Clock, Mentor};
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn app_on(db: &std::path::Path, lang: Lang) -> App {
    App::new(
        Store::open(db, false).unwrap(),
        Config::default(),
        lang,
        Clock::Fixed(now()),
        Theme::new(ThemeChoice::Dark, false),
        false,
    )
    .unwrap()
}

/// A journal with one mentor, and two apps on it with the mentor's edit form open.
fn two_windows(lang: Lang) -> (tempfile::TempDir, std::path::PathBuf, App, App) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    {
        let store = Store::open(&db, false).unwrap();
        let mut m = Mentor::new("Daniel");
        m.contact = "daniel@old".into();
        m.expertise = "Rust".into();
        store.save_mentor(&m).unwrap();
    }
    let mut a = app_on(&db, lang);
    let mut b = app_on(&db, lang);
    for app in [&mut a, &mut b] {
        key(app, '8');
        key(app, 'e');
        assert!(app.form().is_some(), "the edit form is open");
    }
    (dir, db, a, b)
}

/// Moves to field `name` of the open form and types `text` at its end.
fn type_into(app: &mut App, name: &str, text: &str) {
    let index = app.form().unwrap().form.index(name).unwrap();
    while app.form().unwrap().form.focus() != index {
        press(app, KeyCode::Tab);
    }
    for c in text.chars() {
        key(app, c);
    }
}

fn save(app: &mut App) {
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
}

fn mentor(db: &std::path::Path) -> Mentor {
    Store::open(db, false).unwrap().mentors().unwrap().remove(0)
}

#[test]
fn a_changes_contact_b_changes_expertise_both_are_kept() {
    let (_dir, db, mut a, mut b) = two_windows(Lang::En);
    type_into(&mut a, "contact", " new");
    save(&mut a);
    assert!(a.form().is_none());
    type_into(&mut b, "expertise", ", SQL");
    save(&mut b);
    assert!(b.form().is_none(), "no conflict: saved");
    let m = mentor(&db);
    assert_eq!(m.contact, "daniel@old new", "A's change is still there");
    assert_eq!(m.expertise, "Rust, SQL");
    assert!(
        Store::open(&db, false)
            .unwrap()
            .drafts()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_same_field_changed_in_both_is_asked_about_take_theirs() {
    let (_dir, db, mut a, mut b) = two_windows(Lang::En);
    type_into(&mut a, "contact", " (A)");
    save(&mut a);
    type_into(&mut b, "contact", " (B)");
    type_into(&mut b, "expertise", ", SQL");
    save(&mut b);
    let screen = draw(&mut b, 100, 30);
    assert!(screen.contains("Changed in another window"), "{screen}");
    assert!(
        screen.contains("daniel@old (B)"),
        "mine is shown:\n{screen}"
    );
    assert!(
        screen.contains("daniel@old (A)"),
        "theirs is shown:\n{screen}"
    );
    assert!(screen.contains("take theirs"), "{screen}");
    // Nothing is written while the question is open.
    assert_eq!(mentor(&db).expertise, "Rust");
    key(&mut b, 't');
    assert!(b.form().is_none(), "saved after the answer");
    let m = mentor(&db);
    assert_eq!(m.contact, "daniel@old (A)", "theirs, as chosen");
    assert_eq!(m.expertise, "Rust, SQL", "my other change is saved");
    assert!(
        Store::open(&db, false)
            .unwrap()
            .drafts()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn keep_mine_and_back_to_the_form() {
    let (_dir, db, mut a, mut b) = two_windows(Lang::En);
    type_into(&mut a, "contact", " (A)");
    save(&mut a);
    type_into(&mut b, "contact", " (B)");
    save(&mut b);
    // Esc goes back to the form with nothing written; Ctrl-S asks again.
    press(&mut b, KeyCode::Esc);
    assert!(b.form().is_some());
    assert!(!draw(&mut b, 100, 30).contains("Changed in another window"));
    assert_eq!(mentor(&db).contact, "daniel@old (A)");
    save(&mut b);
    key(&mut b, 'm');
    assert!(b.form().is_none());
    assert_eq!(mentor(&db).contact, "daniel@old (B)", "mine, as chosen");
}

#[test]
fn several_fields_for_all_in_indonesian() {
    let (_dir, db, mut a, mut b) = two_windows(Lang::Id);
    type_into(&mut a, "contact", " (A)");
    type_into(&mut a, "expertise", " (A)");
    save(&mut a);
    type_into(&mut b, "contact", " (B)");
    type_into(&mut b, "expertise", " (B)");
    save(&mut b);
    let screen = draw(&mut b, 100, 30);
    assert!(screen.contains("Diubah di jendela lain"), "{screen}");
    assert!(screen.contains("1 dari 2"), "{screen}");
    assert!(screen.contains("yang lain untuk semua"), "{screen}");
    key(&mut b, 'T');
    let m = mentor(&db);
    assert_eq!(
        (m.contact.as_str(), m.expertise.as_str()),
        ("daniel@old (A)", "Rust (A)")
    );
}

#[test]
fn per_field_choices() {
    let (_dir, db, mut a, mut b) = two_windows(Lang::En);
    type_into(&mut a, "contact", " (A)");
    type_into(&mut a, "expertise", " (A)");
    save(&mut a);
    type_into(&mut b, "contact", " (B)");
    type_into(&mut b, "expertise", " (B)");
    save(&mut b);
    key(&mut b, 'm'); // contact: mine
    assert!(draw(&mut b, 100, 30).contains("2 of 2"));
    key(&mut b, 't'); // expertise: theirs
    let m = mentor(&db);
    assert_eq!(
        (m.contact.as_str(), m.expertise.as_str()),
        ("daniel@old (B)", "Rust (A)")
    );
}

/// Two apps on `db` with the edit form of the only record of view `view` open.
fn two_on(db: &std::path::Path, view: char) -> (App, App) {
    let mut a = app_on(db, Lang::En);
    let mut b = app_on(db, Lang::En);
    for app in [&mut a, &mut b] {
        key(app, view);
        key(app, 'e');
        assert!(app.form().is_some(), "the edit form is open");
    }
    (a, b)
}

#[test]
fn a_goal_edited_in_two_windows_keeps_both_and_its_revision() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let id = {
        let store = Store::open(&db, false).unwrap();
        let mut g = mentee::domain::Goal::new("Speak at the meetup");
        g.target = Some(1.0);
        store.save_goal(&g).unwrap()
    };
    let (mut a, mut b) = two_on(&db, '2');
    type_into(&mut a, "title", " in March");
    save(&mut a);
    assert!(a.form().is_none());
    type_into(&mut b, "target", "0");
    type_into(&mut b, "reason", "two talks");
    save(&mut b);
    assert!(b.form().is_none(), "no conflict: saved");
    let store = Store::open(&db, false).unwrap();
    let g = store.goal(id).unwrap();
    assert_eq!(
        g.title, "Speak at the meetup in March",
        "A's change is kept"
    );
    assert_eq!(g.target, Some(10.0));
    let revisions = store.revisions_of(id, 10).unwrap();
    assert_eq!(revisions.len(), 1, "only B's own change is a revision");
    assert_eq!(revisions[0].field, "target");
}

#[test]
fn feedback_edited_in_two_windows_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let id = {
        let store = Store::open(&db, false).unwrap();
        store.save_mentor(&Mentor::new("Daniel")).unwrap();
        let fb = mentee::domain::Feedback::new("Slow down when presenting", now().date());
        store.save_feedback(&fb).unwrap()
    };
    let (mut a, mut b) = two_on(&db, '4');
    type_into(&mut a, "text", ", and breathe");
    save(&mut a);
    type_into(&mut b, "reaction", "Fair point");
    save(&mut b);
    assert!(b.form().is_none(), "no conflict: saved");
    let fb = Store::open(&db, false).unwrap().feedback(id).unwrap();
    assert_eq!(fb.text, "Slow down when presenting, and breathe");
    assert_eq!(fb.reaction, "Fair point");
}

#[test]
fn an_edit_restored_from_its_draft_still_writes_only_what_the_user_changed() {
    let (_dir, db, mut a, b) = two_windows(Lang::En);
    drop(b);
    type_into(&mut a, "contact", " new");
    drop(a); // the window is gone; its draft stays
    {
        // Meanwhile, elsewhere: another field changes.
        let store = Store::open(&db, false).unwrap();
        let mut m = store.mentors().unwrap().remove(0);
        m.expertise = "Rust, SQL".into();
        store.save_mentor(&m).unwrap();
    }
    let mut c = app_on(&db, Lang::En);
    assert!(draw(&mut c, 100, 30).contains("Unsaved draft"));
    key(&mut c, 'r');
    assert!(c.form().is_some(), "the edit is back");
    save(&mut c);
    assert!(c.form().is_none(), "saved");
    let m = mentor(&db);
    assert_eq!(m.contact, "daniel@old new", "the restored change");
    assert_eq!(
        m.expertise, "Rust, SQL",
        "the change made meanwhile is kept, not overwritten by the draft's old value"
    );
}

/// Two windows change a goal's target and mentor: the question names the mentors (not their
/// ids), and the revision of a target kept as mine is written with the goal, while one given
/// up for the other window's is not.
#[test]
fn a_goal_conflict_names_choices_and_writes_the_kept_revisions() {
    for keep_my_target in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.db");
        let id = {
            let store = Store::open(&db, false).unwrap();
            store.save_mentor(&Mentor::new("Ana Wijaya")).unwrap();
            store.save_mentor(&Mentor::new("Budi Santoso")).unwrap();
            let mut g = mentee::domain::Goal::new("Speak at the meetup");
            g.target = Some(1.0);
            store.save_goal(&g).unwrap()
        };
        let (mut a, mut b) = two_on(&db, '2');
        type_into(&mut a, "target", "5");
        type_into(&mut a, "reason", "A's reason");
        type_into(&mut a, "mentor", " ");
        save(&mut a);
        assert!(a.form().is_none(), "A saved");
        type_into(&mut b, "target", "0");
        type_into(&mut b, "reason", "B's reason");
        type_into(&mut b, "mentor", "  ");
        save(&mut b);
        let screen = draw(&mut b, 100, 30);
        assert!(screen.contains("Changed in another window"), "{screen}");
        key(&mut b, if keep_my_target { 'm' } else { 't' });
        let screen = draw(&mut b, 100, 30);
        assert!(
            screen.contains("Ana Wijaya") && screen.contains("Budi Santoso"),
            "the mentors by name\n{screen}"
        );
        key(&mut b, 't'); // the mentor: theirs
        assert!(b.form().is_none(), "written after the last answer");
        let store = Store::open(&db, false).unwrap();
        let g = store.goal(id).unwrap();
        let revisions = store.revisions_of(id, 10).unwrap();
        let mut values: Vec<&str> = revisions.iter().map(|r| r.new_value.as_str()).collect();
        values.sort_unstable();
        if keep_my_target {
            assert_eq!(g.target, Some(10.0));
            assert_eq!(
                values,
                ["10", "15"],
                "A's and B's target changes: {revisions:?}"
            );
        } else {
            assert_eq!(g.target, Some(15.0));
            assert_eq!(
                values,
                ["15"],
                "only A's: B gave its change up: {revisions:?}"
            );
        }
    }
}
