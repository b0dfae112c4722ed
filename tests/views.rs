//! Snapshots of every view on the empty and the demo journal, at 80×24 and 160×48, in English
//! and Indonesian; the welcome screen, help and "too small" message; and app-level key tests.

mod common;

use common::*;
use mentee::domain::RecordKind;
use mentee::i18n::Lang;
use mentee::tui::app::Screen;
use mentee::tui::keys::Action;
use mentee::tui::views::View;
use ratatui::crossterm::event::KeyModifiers;
use ratatui::crossterm::event::{Event, KeyCode, MouseButton, MouseEvent, MouseEventKind};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn name(view: View) -> &'static str {
    match view {
        View::Today => "1_today",
        View::Goals => "2_goals",
        View::Meetings => "3_meetings",
        View::Feedback => "4_feedback",
        View::Commitments => "5_commitments",
        View::Gratitude => "6_gratitude",
        View::Reflections => "7_reflections",
        View::Mentors => "8_mentors",
    }
}

#[test]
fn demo_views_in_english() {
    let mut app = demo_app(Lang::En);
    for view in View::ALL {
        app.update(Action::ShowView(*view));
        for (w, h) in SIZES {
            insta::assert_snapshot!(
                format!("demo_en_{}_{w}x{h}", name(*view)),
                draw(&mut app, w, h)
            );
        }
    }
}

#[test]
fn demo_views_in_indonesian() {
    let mut app = demo_app(Lang::Id);
    for view in View::ALL {
        app.update(Action::ShowView(*view));
        insta::assert_snapshot!(
            format!("demo_id_{}_80x24", name(*view)),
            draw(&mut app, 80, 24)
        );
    }
}

#[test]
fn empty_views_say_what_to_press() {
    let mut app = empty_app(Lang::En);
    for view in View::ALL {
        app.update(Action::ShowView(*view));
        for (w, h) in SIZES {
            insta::assert_snapshot!(
                format!("empty_en_{}_{w}x{h}", name(*view)),
                draw(&mut app, w, h)
            );
        }
    }
}

#[test]
fn welcome_screen_on_an_empty_journal() {
    for lang in [Lang::En, Lang::Id] {
        let mut app = empty_app(lang);
        assert_eq!(app.screen, Screen::Welcome);
        insta::assert_snapshot!(
            format!("welcome_{}_80x24", lang.code()),
            draw(&mut app, 80, 24)
        );
    }
}

#[test]
fn welcome_demo_key_opens_the_demo_never_the_users_file() {
    let mut app = empty_app(Lang::En);
    key(&mut app, 'd');
    assert!(app.demo);
    assert_eq!(app.screen, Screen::View(View::Today));
    assert!(app.store.path().is_none(), "the demo lives in memory");
    assert!(draw(&mut app, 100, 30).contains("Daniel Okafor"));
}

#[test]
fn welcome_fresh_key_goes_to_mentors() {
    let mut app = empty_app(Lang::En);
    key(&mut app, 'n');
    assert_eq!(app.screen, Screen::View(View::Mentors));
    assert!(app.form().is_some(), "the new-mentor form opens at once");
}

#[test]
fn help_overlay_lists_the_keys_of_the_tables() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '?');
    assert!(app.help_open());
    let screen = draw(&mut app, 100, 40);
    insta::assert_snapshot!("help_en_today_100x40", screen);
    for text in [
        "next view",
        "prepare the next meeting (its agenda)",
        "Be receptive to feedback",
    ] {
        assert!(screen.contains(text), "help shows {text:?}");
    }
    press(&mut app, KeyCode::Esc);
    assert!(!app.help_open());
    press(&mut app, KeyCode::F(1));
    assert!(app.help_open());
    let mut id = demo_app(Lang::Id);
    key(&mut id, '?');
    insta::assert_snapshot!("help_id_today_100x40", draw(&mut id, 100, 40));
}

#[test]
fn a_tiny_terminal_gets_a_message() {
    let mut app = demo_app(Lang::En);
    let screen = draw(&mut app, 30, 8);
    assert!(screen.contains("too small"), "{screen}");
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 5),
        (39, 11),
        (40, 12),
        (41, 13),
        (300, 100),
    ] {
        draw(&mut app, w, h);
    }
}

#[test]
fn views_switch_with_digits_tab_and_shift_tab() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '4');
    assert_eq!(app.screen, Screen::View(View::Feedback));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen, Screen::View(View::Commitments));
    app.handle_event(&Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
    app.handle_event(&Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
    assert_eq!(app.screen, Screen::View(View::Meetings));
    key(&mut app, 'q');
    assert!(app.quit);
}

#[test]
fn clicking_a_tab_opens_its_view() {
    let mut app = demo_app(Lang::En);
    let screen = draw(&mut app, 160, 48);
    let first_line = screen.lines().next().unwrap();
    let column = first_line.find("Mentors").unwrap() as u16 - 1; // the backend quotes each line
    app.handle_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row: 0,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.screen, Screen::View(View::Mentors));
}

#[test]
fn moving_the_cursor_updates_the_detail_pane() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '2');
    assert!(draw(&mut app, 160, 48).contains("Present our move to event sourcing"));
    key(&mut app, 'j');
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Run the fortnightly design review"),
        "{screen}"
    );
    key(&mut app, 'G');
    key(&mut app, 'g');
    assert!(draw(&mut app, 160, 48).contains("Present our move to event sourcing"));
}

#[test]
fn enter_on_today_opens_the_next_meeting() {
    let mut app = demo_app(Lang::En);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::View(View::Meetings));
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("Dry-run feedback on the talk"), "{screen}");
}

#[test]
fn help_scrolls_on_a_small_terminal() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '?');
    assert!(!draw(&mut app, 80, 24).contains("Find the right mentor"));
    for _ in 0..30 {
        key(&mut app, 'j');
    }
    assert!(app.help().unwrap_or(0) > 0);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Find the right mentor"), "{screen}");
}

#[test]
fn add_edit_delete_and_undo_a_mentor() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '8');
    key(&mut app, 'n');
    assert!(app.form().is_some());
    for c in "Ayu Lestari".chars() {
        key(&mut app, c);
    }
    let draft_key =
        mentee::tui::purpose::FormPurpose::Mentors(mentee::tui::purpose::MentorForm::New)
            .draft_key();
    assert!(
        app.store.draft(&draft_key).unwrap().is_some(),
        "typing saves a draft"
    );
    app.handle_event(&Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    assert!(app.form().is_none(), "saved and closed");
    assert!(
        app.store.draft(&draft_key).unwrap().is_none(),
        "the draft is gone once saved"
    );
    let names: Vec<String> = app
        .views
        .mentors
        .list
        .rows()
        .iter()
        .map(|m| m.name.clone())
        .collect();
    assert!(names.contains(&"Ayu Lestari".to_string()), "{names:?}");
    let pos = app.views.mentors.list.pos();
    assert_eq!(
        app.views.mentors.list.rows()[pos].name,
        "Ayu Lestari",
        "the cursor is on the new mentor"
    );
    assert!(
        app.views.mentors.list.rows()[pos]
            .pitch_draft
            .contains("informational conversation"),
        "pitch from the template"
    );

    key(&mut app, 'd');
    assert!(app.confirm().is_some());
    key(&mut app, 'n');
    // The demo's five mentors and the new one.
    assert_eq!(app.views.mentors.list.rows().len(), 6, "n keeps it");
    key(&mut app, 'd');
    key(&mut app, 'y');
    assert_eq!(app.views.mentors.list.rows().len(), 5);
    key(&mut app, 'u');
    assert_eq!(
        app.views.mentors.list.rows().len(),
        6,
        "u undoes the deletion"
    );
}

#[test]
fn a_draft_left_by_a_crash_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    {
        let store = mentee::store::Store::open(&path, false).unwrap();
        store
            .save_mentor(&mentee::domain::Mentor::new("Daniel"))
            .unwrap();
        store
            .save_draft(
                "mentor:new",
                r#"{"fields":{"name":"Half-typed name"},"focus":0}"#,
            )
            .unwrap();
    }
    let store = mentee::store::Store::open(&path, false).unwrap();
    let mut app = mentee::tui::App::new(
        store,
        mentee::config::Config::default(),
        Lang::En,
        mentee::domain::Clock::Fixed(now()),
        mentee::tui::theme::Theme::new(mentee::config::Theme::Dark, false),
        false,
    )
    .unwrap();
    assert!(app.draft_offer().is_some());
    let screen = draw(&mut app, 100, 30);
    assert!(screen.contains("Half-typed name"), "{screen}");
    key(&mut app, 'r');
    let open = app.form().expect("the form is back");
    assert_eq!(open.form.text("name"), "Half-typed name");
}

#[test]
fn search_finds_as_you_type_and_opens_the_record() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '/');
    assert!(app.search().is_some());
    for c in "shado".chars() {
        key(&mut app, c);
    }
    let hits = &app.search().unwrap().hits;
    assert!(!hits.is_empty());
    assert!(
        hits.iter().any(|h| h.kind == RecordKind::Feedback),
        "{hits:?}"
    );
    let screen = draw(&mut app, 100, 30);
    insta::assert_snapshot!("search_en_100x30", screen);
    // Open the feedback hit.
    let pos = app
        .search()
        .unwrap()
        .hits
        .iter()
        .position(|h| h.kind == RecordKind::Feedback)
        .unwrap();
    for _ in 0..pos {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.search().is_none());
    assert_eq!(app.screen, Screen::View(View::Feedback));
    let selected = app.views.feedback.list.selected().unwrap();
    assert!(selected.feedback.text.contains("Shadow a manager"));
}

#[test]
fn search_treats_fts_syntax_as_text() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '/');
    for c in "\"*-:(".chars() {
        key(&mut app, c);
        assert!(app.search().unwrap().error.is_none());
    }
    press(&mut app, KeyCode::Esc);
    assert!(app.search().is_none());
}

#[test]
fn ctrl_p_hides_private_text_and_says_so() {
    let mut app = demo_app(Lang::En);
    key(&mut app, '2');
    assert!(draw(&mut app, 160, 48).contains("Improve my SQL"));
    app.handle_event(&Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('p'),
        KeyModifiers::CONTROL,
    )));
    let screen = draw(&mut app, 160, 48);
    assert!(!screen.contains("Improve my SQL"), "{screen}");
    assert!(screen.contains("private hidden"));
    assert!(screen.contains("••• private •••"));
}

#[test]
fn long_lists_load_more_as_the_cursor_reaches_the_end() {
    let store = mentee::store::Store::open_in_memory().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for i in 0..900 {
        store
            .save_gratitude(&mentee::domain::Gratitude {
                id: 0,
                uuid: String::new(),
                mentor_id: None,
                meeting_id: None,
                commitment_id: None,
                on: day + chrono::Duration::days(i % 300),
                what_for: format!("thanks {i}"),
                sent: true,
                channel: String::new(),
                private: false,
            })
            .unwrap();
    }
    let mut app = mentee::tui::App::new(
        store,
        mentee::config::Config::default(),
        Lang::En,
        mentee::domain::Clock::Fixed(now()),
        mentee::tui::theme::Theme::new(mentee::config::Theme::Dark, false),
        false,
    )
    .unwrap();
    key(&mut app, '6');
    let first_page = app.views.gratitude.list.rows().len();
    assert!(first_page < 900, "the first page is bounded: {first_page}");
    for _ in 0..first_page {
        key(&mut app, 'j');
    }
    assert_eq!(
        app.views.gratitude.list.place(),
        (first_page, 900),
        "moving past the end loads the next rows and the cursor moves on into them"
    );
    key(&mut app, 'G');
    let list = &app.views.gratitude.list;
    assert_eq!(list.place(), (899, 900));
    assert_eq!(
        list.pos(),
        list.rows().len() - 1,
        "the last row is selected"
    );
    assert!(
        list.rows().len() <= first_page,
        "G loads the last page only, not every row before it: {}",
        list.rows().len()
    );
    let screen = draw(&mut app, 100, 30);
    assert!(screen.contains("900/900"), "{screen}");
}

#[test]
fn a_reflection_hit_is_named_by_its_template_not_its_code() {
    for (lang, name) in [
        (Lang::En, "Weekly review (GTD)"),
        (Lang::Id, "Tinjauan mingguan (GTD)"),
    ] {
        let mut app = demo_app(lang);
        key(&mut app, '/');
        for c in "inbox".chars() {
            key(&mut app, c);
        }
        let hit = app
            .search()
            .unwrap()
            .hits
            .iter()
            .find(|h| h.kind == RecordKind::Reflection)
            .cloned()
            .expect("the weekly review's answer is found");
        assert!(hit.snippet.starts_with(name), "{lang:?}: {}", hit.snippet);
        let screen = draw(&mut app, 100, 30);
        assert!(screen.contains(name), "{screen}");
        assert!(!screen.contains("gtd-weekly"), "{screen}");
    }
}

/// A search hit beyond the first page of a view's list (the lists load 200 rows at a time)
/// is loaded and selected, not silently missed.
#[test]
fn a_search_hit_beyond_the_loaded_page_is_selected() {
    use mentee::domain::{Goal, Mentor};
    let store = mentee::store::Store::open_in_memory().unwrap();
    for i in 0..450 {
        store
            .save_mentor(&Mentor::new(format!("Mentor {i:03}")))
            .unwrap();
        store.save_goal(&Goal::new(format!("Goal {i:03}"))).unwrap();
    }
    // Last in each list's order: mentors by name, undated goals by when they were added.
    store.save_mentor(&Mentor::new("Zz Zebrafish")).unwrap();
    store.save_goal(&Goal::new("Zebrafish care")).unwrap();
    let mut app = app_on_store(store, Lang::En, false);
    for (kind, view) in [
        (RecordKind::Mentor, View::Mentors),
        (RecordKind::Goal, View::Goals),
    ] {
        open_first_hit(&mut app, "zebrafish", kind);
        assert_eq!(app.screen, Screen::View(view));
        let selected = match view {
            View::Mentors => app.views.mentors.list.selected().map(|m| m.name.clone()),
            _ => app
                .views
                .goals
                .list
                .selected()
                .map(|g| g.goal.title.clone()),
        };
        assert!(
            selected.as_deref().is_some_and(|s| s.contains("Zebrafish")),
            "{view:?}: {selected:?}"
        );
    }
}

/// The loaded rows of the Mentors list are one stretch of the whole list's `order`, at most
/// two pages long, and the cursor's place in the whole list is its row there.
fn assert_stretch(app: &mentee::tui::App, order: &[i64], page: usize) {
    let list = &app.views.mentors.list;
    let ids: Vec<i64> = list.rows().iter().map(|m| m.id).collect();
    assert!(ids.len() <= 2 * page, "{} rows loaded", ids.len());
    let start = list.place().0 - list.pos();
    assert_eq!(ids, order[start..start + ids.len()]);
}

/// A list loads what the screen shows plus a margin, not a fixed 200 rows, and still goes
/// everywhere: `j` across the end of the page, PageDown, `G` to the last row (loading the
/// last page only), `k` back up to the first row, `gg`, in the one order of the whole list,
/// with a window of at most two pages.
#[test]
fn a_list_loads_a_screen_and_grows_across_its_end() {
    use mentee::domain::Mentor;
    use mentee::tui::views::list::PAGE_MARGIN;
    let store = mentee::store::Store::open_in_memory().unwrap();
    for i in 0..450 {
        store
            .save_mentor(&Mentor::new(format!("Mentor {i:03}")))
            .unwrap();
    }
    let order: Vec<i64> = store.mentors().unwrap().iter().map(|m| m.id).collect();
    let mut app = app_on_store(store, Lang::En, false);
    draw(&mut app, 160, 40);
    app.update(Action::ShowView(View::Mentors));
    let page = 40 + PAGE_MARGIN;
    assert_eq!(app.views.mentors.list.rows().len(), page);
    let ids = |app: &mentee::tui::App| -> Vec<i64> {
        app.views.mentors.list.rows().iter().map(|m| m.id).collect()
    };
    assert_eq!(ids(&app), order[..page]);
    // Down row by row, across the end of the page: every record in order, none skipped.
    for want in &order[1..page + 5] {
        key(&mut app, 'j');
        assert_eq!(app.views.mentors.list.selected_id(), Some(*want));
    }
    assert_stretch(&app, &order, page);
    press(&mut app, KeyCode::PageDown);
    assert!(app.views.mentors.list.place().0 > page + 4);
    assert_stretch(&app, &order, page);
    // `G`: the last row, from a load of the last page only.
    key(&mut app, 'G');
    assert_eq!(app.views.mentors.list.selected_id(), order.last().copied());
    assert_eq!(ids(&app), order[order.len() - page..]);
    let screen = draw(&mut app, 160, 40);
    assert!(screen.contains("Mentor 449"), "{screen}");
    assert!(screen.contains(" 450/450 "), "{screen}");
    // Up row by row from the end to the first: every record in order, the window moving
    // with the cursor and never more than two pages.
    for (i, want) in order.iter().enumerate().rev().skip(1) {
        key(&mut app, 'k');
        assert_eq!(app.views.mentors.list.selected_id(), Some(*want), "row {i}");
        assert_eq!(app.views.mentors.list.place(), (i, 450));
        assert_stretch(&app, &order, page);
    }
    // The counter says the place in the whole list, not among the loaded rows.
    key(&mut app, 'G');
    for _ in 0..page + 10 {
        key(&mut app, 'k');
    }
    let screen = draw(&mut app, 160, 40);
    let at = 450 - page - 10;
    assert!(screen.contains(&format!(" {at}/450 ")), "{screen}");
    // `gg` is the first page again.
    key(&mut app, 'g');
    key(&mut app, 'g');
    assert_eq!(app.views.mentors.list.selected_id(), order.first().copied());
    assert_eq!(ids(&app), order[..page]);

    // A taller terminal: the view is loaded again for it, its list fills the screen.
    let mut app = app_on_store(
        mentee::store::Store::open_in_memory().unwrap(),
        Lang::En,
        false,
    );
    for i in 0..450 {
        app.store
            .save_mentor(&Mentor::new(format!("Mentor {i:03}")))
            .unwrap();
    }
    draw(&mut app, 160, 24);
    app.update(Action::ShowView(View::Mentors));
    assert_eq!(app.views.mentors.list.rows().len(), 24 + PAGE_MARGIN);
    app.handle_event(&Event::Resize(160, 120));
    assert_eq!(app.views.mentors.list.rows().len(), 120 + PAGE_MARGIN);
    let screen = draw(&mut app, 160, 120);
    assert!(screen.contains("Mentor 100"), "{screen}");
}

/// `v` on Today, which has no list of its own, says where details are instead of asking to
/// select an entry there is no way to select.
#[test]
fn v_on_today_says_where_details_are() {
    for (lang, want) in [
        (Lang::En, "Enter opens the next meeting."),
        (Lang::Id, "Enter: pertemuan berikutnya."),
    ] {
        let mut app = demo_app(lang);
        key(&mut app, 'v');
        // Whole at 80 columns, beside the demo badge.
        let screen = draw(&mut app, 80, 24);
        assert!(screen.contains(want), "{screen}");
    }
}

/// A fit scorecard's note is found by search and opens its mentor on Mentors.
#[test]
fn a_scorecard_note_is_found_and_opens_its_mentor() {
    let mut app = demo_app(Lang::En);
    open_first_hit(&mut app, "promotion round", RecordKind::Mentor);
    assert_eq!(app.screen, Screen::View(View::Mentors));
    let m = app.views.mentors.list.selected().unwrap();
    let fit = app.views.mentors.fit.as_ref().expect("its scorecard");
    assert_eq!(fit.mentor_id, m.id);
    assert!(
        fit.ratings
            .iter()
            .any(|r| r.note.contains("promotion round"))
    );
}

/// With the window in the middle of a long list: an edit keeps the cursor on its record, a
/// deletion moves it to the record now in its place, and another filter starts again from
/// the first page of the new list.
#[test]
fn a_window_in_the_middle_keeps_its_record_and_a_filter_starts_again() {
    use mentee::domain::{Mentor, MentorStatus};
    use mentee::tui::action::MentorsAction;
    use mentee::tui::views::list::PAGE_MARGIN;
    let store = mentee::store::Store::open_in_memory().unwrap();
    for i in 0..450 {
        let mut m = Mentor::new(format!("Mentor {i:03}"));
        if i % 3 == 0 {
            m.status = MentorStatus::Paused;
        }
        store.save_mentor(&m).unwrap();
    }
    let order: Vec<i64> = store.mentors().unwrap().iter().map(|m| m.id).collect();
    let mut app = app_on_store(store, Lang::En, false);
    draw(&mut app, 160, 40);
    app.update(Action::ShowView(View::Mentors));
    let page = 40 + PAGE_MARGIN;
    key(&mut app, 'G');
    for _ in 0..200 {
        key(&mut app, 'k');
    }
    let at = 449 - 200;
    assert_eq!(app.views.mentors.list.selected_id(), Some(order[at]));
    assert!(app.views.mentors.list.place().0 > app.views.mentors.list.pos());
    // An edit that keeps its place, then a reload.
    let mut m = app.store.mentor(order[at]).unwrap();
    m.expertise = "edited".into();
    app.store.save_mentor(&m).unwrap();
    app.load(View::Mentors).unwrap();
    assert_eq!(app.views.mentors.list.selected_id(), Some(order[at]));
    assert_eq!(app.views.mentors.list.place(), (at, 450));
    // A deletion: the record after it takes its place.
    app.store.delete_mentor(order[at]).unwrap();
    app.load(View::Mentors).unwrap();
    assert_eq!(app.views.mentors.list.selected_id(), Some(order[at + 1]));
    assert_eq!(app.views.mentors.list.place(), (at, 449));
    // Another filter: the first page of the new list.
    app.update(Action::Mentors(MentorsAction::Filter));
    let list = &app.views.mentors.list;
    assert_eq!(
        list.place().0,
        list.pos(),
        "the window starts at the list's first row"
    );
    assert!(list.rows().len() <= page);
    assert!(
        list.rows()
            .iter()
            .all(|m| m.status == list.rows()[0].status)
    );
}
