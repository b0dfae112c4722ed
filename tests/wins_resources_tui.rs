//! Wins and recommendations in the app (issue 18): `w` on Goals and `Ctrl-W` in a debrief
//! open the one win form; `r` and `R` on Mentors note a recommendation and move one on. Each
//! path is driven by the keys a user presses and checked in the store, in both languages,
//! and with private text hidden (`Ctrl-P`) a private win or recommendation is not on screen.

mod common;

use chrono::NaiveDate;
use common::*;
use mentee::domain::{ResourceKind, ResourceStatus, Win};
use mentee::i18n::Lang;
use mentee::store::ResourceFilter;
use mentee::tui::App;
use mentee::tui::keys::Action;
use mentee::tui::views::View;
use ratatui::crossterm::event::KeyCode;

fn today() -> NaiveDate {
    now().date()
}

/// `w` on the selected goal, the form filled and saved: the win is in the store with the
/// goal, its mentor, today's date, and the goal's detail lists it.
fn win_from_goals(lang: Lang, what: &str) {
    let mut app = demo_app(lang);
    app.update(Action::ShowView(View::Goals));
    let goal = app.views.goals.list.selected().unwrap().goal.clone();
    key(&mut app, 'w');
    let form = app.form().expect("w opens the win form");
    assert_eq!(form.form.title, lang.text().wins.form_new);
    typing(&mut app, what);
    tab(&mut app, 4); // what → date → goal → mentor → evidence
    typing(&mut app, "https://example.com/slides");
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains(lang.text().wins.f_evidence), "{screen}");
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    assert_eq!(app.message.as_deref(), Some(lang.text().wins.saved));

    let (wins, _) = app.store.recent_wins_of_goal(goal.id, 10).unwrap();
    let saved = wins.iter().find(|w| w.win.what == what).expect("saved");
    assert_eq!(saved.win.on, today());
    assert_eq!(saved.win.goal_id, Some(goal.id));
    assert_eq!(
        saved.win.mentor_id, goal.mentor_id,
        "the goal's mentor helped"
    );
    assert_eq!(saved.win.evidence, "https://example.com/slides");
    assert_eq!(saved.win.meeting_id, None);
    assert!(!saved.win.private);

    // Back on the same goal, whose detail lists it first.
    assert_eq!(app.views.goals.list.selected().unwrap().goal.id, goal.id);
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains(what), "{screen}");
}

#[test]
fn w_on_goals_notes_a_win_for_the_selected_goal() {
    win_from_goals(Lang::En, "Gave the talk to 40 people");
}

#[test]
fn w_on_goals_notes_a_win_in_indonesian() {
    win_from_goals(Lang::Id, "Presentasi di depan 40 orang");
}

#[test]
fn a_goals_detail_lists_its_newest_wins_and_counts_the_rest() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Goals));
    let goal = app.views.goals.list.selected().unwrap().goal.id;
    for d in 1..=7 {
        let mut w = Win::new(format!("Numbered win {d}"), today() - chrono::Days::new(d));
        w.goal_id = Some(goal);
        app.store.save_win(&w).unwrap();
    }
    app.update(Action::ShowView(View::Today));
    app.update(Action::ShowView(View::Goals));
    key(&mut app, 'v');
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("Numbered win 1"), "{screen}");
    assert!(!screen.contains("Numbered win 7"), "bounded: {screen}");
    let (_, total) = app.store.recent_wins_of_goal(goal, 1).unwrap();
    assert!(screen.contains(&format!("Wins ({total})")), "{screen}");
    assert!(screen.contains("more"), "{screen}");
}

fn win_from_debrief(lang: Lang, what: &str) {
    let mut app = demo_app(lang);
    let meeting = select_latest_meeting(&mut app);
    let mentor = app.store.meeting(meeting).unwrap().mentor_id;
    key(&mut app, 'D');
    assert!(app.debrief().is_some());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Ctrl-W"), "the key is shown: {screen}");
    ctrl(&mut app, 'w');
    let form = app
        .form()
        .expect("Ctrl-W opens the win form over the debrief");
    assert!(form.form.title.starts_with(lang.text().wins.form_new));
    typing(&mut app, what);
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    assert!(app.debrief().is_some(), "the debrief goes on");
    assert_eq!(app.message.as_deref(), Some(lang.text().wins.saved));

    let wins = app
        .store
        .wins_between(Some(today()), Some(today()))
        .unwrap();
    let saved = wins.iter().find(|w| w.win.what == what).expect("saved");
    assert_eq!(saved.win.meeting_id, Some(meeting));
    assert_eq!(saved.win.mentor_id, Some(mentor), "the meeting's mentor");
    assert_eq!(saved.win.goal_id, None);
    // The debrief's keys are back.
    ctrl(&mut app, 's');
    assert!(app.debrief().is_some());
}

#[test]
fn ctrl_w_in_a_debrief_notes_a_win_with_the_meetings_mentor() {
    win_from_debrief(Lang::En, "Agreed to lead the next design review");
}

#[test]
fn ctrl_w_in_a_debrief_notes_a_win_in_indonesian() {
    win_from_debrief(Lang::Id, "Disepakati memimpin review desain berikutnya");
}

fn mentors_app(lang: Lang) -> App {
    let mut app = demo_app(lang);
    app.update(Action::ShowView(View::Mentors));
    app
}

fn recommend(lang: Lang, title: &str) {
    let mut app = mentors_app(lang);
    let mentor = app.views.mentors.list.selected().unwrap().id;
    key(&mut app, 'r');
    assert!(app.form().is_some(), "r opens the recommendation form");
    typing(&mut app, title);
    tab(&mut app, 1);
    key(&mut app, ' '); // book → article
    tab(&mut app, 3); // kind → link → goal → status
    key(&mut app, ' '); // to do → doing
    tab(&mut app, 1);
    typing(&mut app, "Write tests first");
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    let rows = app
        .store
        .resource_list(ResourceFilter {
            mentor_id: Some(mentor),
            ..Default::default()
        })
        .unwrap();
    let r = &rows
        .iter()
        .find(|r| r.resource.title == title)
        .expect("saved")
        .resource;
    assert_eq!(r.kind, ResourceKind::Article);
    assert_eq!(r.status, ResourceStatus::Doing);
    assert_eq!(r.takeaway, "Write tests first");
    assert_eq!(r.recommended_on, today());
    assert_eq!(r.done_on, None);
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains(title), "the detail lists it: {screen}");
}

#[test]
fn r_on_mentors_notes_a_recommendation() {
    recommend(Lang::En, "Test-Driven Development by Example");
}

#[test]
fn r_on_mentors_notes_a_recommendation_in_indonesian() {
    recommend(Lang::Id, "Artikel tentang pengujian");
}

/// The selected mentor's recommendations, in the section's order.
fn resources_of(app: &App, mentor: i64) -> Vec<mentee::store::ResourceRow> {
    app.store
        .resource_list(ResourceFilter {
            mentor_id: Some(mentor),
            ..Default::default()
        })
        .unwrap()
}

#[test]
fn capital_r_moves_a_recommendation_on_and_done_records_today() {
    for lang in [Lang::En, Lang::Id] {
        let mut app = mentors_app(lang);
        // The mentor with the most recommendations.
        let mut best = (0, 0);
        for i in 0..app.views.mentors.list.rows().len() {
            let id = app.views.mentors.list.rows()[i].id;
            let n = resources_of(&app, id).len();
            if n > best.1 {
                best = (i, n);
            }
        }
        for _ in 0..best.0 {
            key(&mut app, 'j');
        }
        let mentor = app.views.mentors.list.selected().unwrap().id;
        let rows = resources_of(&app, mentor);
        let open = rows
            .iter()
            .find(|r| r.resource.status.is_open())
            .expect("an open recommendation")
            .resource
            .clone();
        key(&mut app, 'R');
        let form = &app.form().expect("R opens a form").form;
        if rows.len() > 1 {
            // Which one: step the choice to the open one, then on to its form.
            assert_eq!(form.title, lang.text().resource_form.pick_title);
            let at = rows.iter().position(|r| r.resource.id == open.id).unwrap();
            for _ in 0..at {
                key(&mut app, ' ');
            }
            ctrl(&mut app, 's');
        }
        let form = &app.form().expect("the edit form").form;
        assert_eq!(form.title, lang.text().resource_form.edit_title);
        assert_eq!(form.text("title"), open.title);
        // The form opens on the status: step it to done.
        let steps = match open.status {
            ResourceStatus::Todo => 2,
            _ => 1,
        };
        for _ in 0..steps {
            key(&mut app, ' ');
        }
        tab(&mut app, 1);
        typing(&mut app, " Learned a lot.");
        ctrl(&mut app, 's');
        assert!(app.form().is_none(), "{lang:?}: {:?}", app.message);
        let now = app.store.resource(open.id).unwrap();
        assert_eq!(now.status, ResourceStatus::Done, "{lang:?}");
        assert_eq!(now.done_on, Some(today()));
        assert!(now.takeaway.ends_with("Learned a lot."), "{}", now.takeaway);
        assert_eq!(now.title, open.title, "the rest is kept");
    }
}

#[test]
fn capital_r_with_nothing_recommended_says_so() {
    let mut app = mentors_app(Lang::En);
    let store = &app.store;
    let lonely = store
        .save_mentor(&mentee::domain::Mentor::new("Nobody Recommends"))
        .unwrap();
    app.update(Action::ShowView(View::Today));
    app.update(Action::ShowView(View::Mentors));
    let at = app
        .views
        .mentors
        .list
        .rows()
        .iter()
        .position(|m| m.id == lonely)
        .expect("listed");
    for _ in 0..at {
        key(&mut app, 'j');
    }
    key(&mut app, 'R');
    assert!(app.form().is_none());
    assert_eq!(
        app.message.as_deref(),
        Some(Lang::En.text().resource_form.none_yet)
    );
}

#[test]
fn private_wins_and_recommendations_stay_hidden_with_ctrl_p() {
    for lang in [Lang::En, Lang::Id] {
        let mut app = demo_app(lang);
        app.update(Action::ShowView(View::Goals));
        let goal = app.views.goals.list.selected().unwrap().goal.id;
        let mut win = Win::new("SECRETWIN happened", today());
        win.goal_id = Some(goal);
        win.evidence = "SECRETEVIDENCE".into();
        win.private = true;
        app.store.save_win(&win).unwrap();
        app.update(Action::ShowView(View::Mentors));
        let mentor = app.views.mentors.list.selected().unwrap().id;
        let mut r = mentee::domain::Resource::new("SECRETBOOK", today());
        r.mentor_id = Some(mentor);
        r.takeaway = "SECRETTAKEAWAY".into();
        r.private = true;
        app.store.save_resource(&r).unwrap();

        ctrl(&mut app, 'p');
        let mut screens = Vec::new();
        app.update(Action::ShowView(View::Goals));
        screens.push(draw(&mut app, 160, 48));
        key(&mut app, 'v');
        screens.push(draw(&mut app, 160, 48));
        press(&mut app, KeyCode::Esc);
        app.update(Action::ShowView(View::Mentors));
        screens.push(draw(&mut app, 160, 48));
        key(&mut app, 'R');
        // Every option of the choice of which one (and, with only one, its form).
        for _ in 0..4 {
            screens.push(draw(&mut app, 80, 24));
            screens.push(draw(&mut app, 160, 48));
            key(&mut app, ' ');
        }
        assert!(app.form().is_some() || app.confirm().is_some(), "{lang:?}");
        for screen in &screens {
            assert!(!screen.contains("SECRET"), "{lang:?}: {screen}");
        }
        // Shown again, the same screens have them: the check above has teeth.
        press(&mut app, KeyCode::Esc);
        if app.form().is_some() {
            key(&mut app, 'y'); // discard the changed choice
        }
        assert!(app.form().is_none());
        ctrl(&mut app, 'p');
        app.update(Action::ShowView(View::Goals));
        key(&mut app, 'v');
        let goal_screen = draw(&mut app, 160, 48);
        assert!(goal_screen.contains("SECRETWIN"), "{goal_screen}");
        press(&mut app, KeyCode::Esc);
        app.update(Action::ShowView(View::Mentors));
        let mentor_screen = draw(&mut app, 160, 48);
        assert!(mentor_screen.contains("SECRETBOOK"), "{mentor_screen}");
    }
}

#[test]
fn the_win_and_recommendation_forms_at_80x24_in_both_languages() {
    let mut app = demo_app(Lang::En);
    app.update(Action::ShowView(View::Goals));
    key(&mut app, 'w');
    insta::assert_snapshot!("win_form_en_80x24", draw(&mut app, 80, 24));

    let mut app = demo_app(Lang::Id);
    select_latest_meeting(&mut app);
    key(&mut app, 'D');
    ctrl(&mut app, 'w');
    insta::assert_snapshot!("win_form_debrief_id_80x24", draw(&mut app, 80, 24));

    let mut app = mentors_app(Lang::Id);
    key(&mut app, 'r');
    insta::assert_snapshot!("resource_form_id_80x24", draw(&mut app, 80, 24));

    let mut app = mentors_app(Lang::En);
    key(&mut app, 'R');
    insta::assert_snapshot!("resource_pick_en_160x48", draw(&mut app, 160, 48));
    ctrl(&mut app, 's');
    insta::assert_snapshot!("resource_edit_en_80x24", draw(&mut app, 80, 24));
}
