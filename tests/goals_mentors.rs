//! The Goals and Mentors views end to end: forms driven by keys, the live SMART check, goal
//! revisions and progress, drafts across a restart, the mentor filter, contacts, health
//! checks, ending a relationship, and snapshots of both views and of the goal form.

mod common;

use common::*;
use mentee::i18n::Lang;
use mentee::tui::App;
use mentee::tui::keys::Action;
use mentee::tui::views::View;
use ratatui::crossterm::event::KeyCode;

fn goals_app(lang: Lang) -> App {
    let mut app = demo_app(lang);
    app.update(Action::ShowView(View::Goals));
    app
}

// ---- Goals ----------------------------------------------------------------------------------

#[test]
fn smart_panel_for_a_failing_and_a_passing_goal_in_english() {
    let mut app = goals_app(Lang::En);
    key(&mut app, 'n');
    typing(&mut app, "Improve my SQL");
    let screen = draw(&mut app, 160, 48);
    for text in [
        "SMART check",
        "✗ S Specific",
        "✗ M Measurable",
        "No metric or number",
        "How will you know you got there?",
        "✗ T Time-bound",
        "No due date",
        "Fails: S, M, A, R, T",
    ] {
        assert!(screen.contains(text), "{text:?} in\n{screen}");
    }
    // The check follows every change: a due date in the past fails T with its own reason.
    tab(&mut app, 8);
    typing(&mut app, "2026-01-05");
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("The due date has passed."), "{screen}");
    assert!(!screen.contains("No due date"), "{screen}");

    press(&mut app, KeyCode::Esc);
    key(&mut app, 'y');
    key(&mut app, 'e'); // the first demo goal is SMART
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("All five letters pass."), "{screen}");
    assert!(screen.contains("✓ M Measurable"), "{screen}");
}

#[test]
fn smart_panel_for_a_failing_and_a_passing_goal_in_indonesian() {
    let mut app = goals_app(Lang::Id);
    key(&mut app, 'n');
    typing(&mut app, "Meningkatkan SQL");
    let screen = draw(&mut app, 160, 48);
    for text in [
        "Cek SMART",
        "✗ M Terukur",
        "Belum ada ukuran atau angka",
        "✗ T Berbatas waktu",
        "Gagal: S, M, A, R, T",
    ] {
        assert!(screen.contains(text), "{text:?} in\n{screen}");
    }
    press(&mut app, KeyCode::Esc);
    key(&mut app, 'y');
    key(&mut app, 'e');
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("Kelima huruf lolos."), "{screen}");
}

#[test]
fn a_new_goal_is_saved_with_its_fields_and_marked_until_fixed() {
    let mut app = goals_app(Lang::En);
    let before = app.views.goals.list.rows().len();
    key(&mut app, 'n');
    typing(&mut app, "Ship the SQL course");
    tab(&mut app, 1);
    typing(&mut app, "Finish the window-functions course");
    tab(&mut app, 1);
    typing(&mut app, "modules done");
    tab(&mut app, 1);
    typing(&mut app, "2");
    tab(&mut app, 1);
    typing(&mut app, "10");
    tab(&mut app, 1);
    typing(&mut app, "modules");
    tab(&mut app, 3); // leave Achievable and Relevant empty: A and R fail
    typing(&mut app, "2027-03-01");
    tab(&mut app, 1);
    key(&mut app, ' '); // area: skills → network
    tab(&mut app, 1);
    key(&mut app, ' '); // mentor: none → the first mentor
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "saved even though it fails");
    assert_eq!(app.views.goals.list.rows().len(), before + 1);
    let saved = &app.views.goals.list.selected().unwrap().goal;
    assert_eq!(saved.title, "Ship the SQL course");
    assert_eq!(saved.specific, "Finish the window-functions course");
    assert_eq!(saved.metric, "modules done");
    assert_eq!((saved.baseline, saved.target), (Some(2.0), Some(10.0)));
    assert_eq!(saved.unit, "modules");
    assert_eq!(
        saved.due.map(|d| d.to_string()).as_deref(),
        Some("2027-03-01")
    );
    assert_eq!(saved.area, mentee::domain::GoalArea::Network);
    assert!(saved.mentor_id.is_some());
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("✗ AR"),
        "the list marks the failing letters\n{screen}"
    );
    assert!(screen.contains("SMART: fails A, R"), "{screen}");

    // Fixed: the mark goes.
    key(&mut app, 'e');
    tab(&mut app, 6);
    typing(&mut app, "Two evenings a week are free");
    tab(&mut app, 1);
    typing(&mut app, "The team is moving to analytics work");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    let screen = draw(&mut app, 160, 48);
    assert!(!screen.contains("SMART: fails"), "{screen}");
}

#[test]
fn a_bad_due_date_shows_the_inline_message_and_saves_nothing() {
    let mut app = goals_app(Lang::En);
    let before = app.store.goal_summaries(100).unwrap().len();
    key(&mut app, 'n');
    typing(&mut app, "Speak at a conference");
    tab(&mut app, 8);
    typing(&mut app, "2026-02-30");
    ctrl(&mut app, 's');
    assert!(app.form().is_some(), "the form stays open");
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("2026-02-30"), "{screen}");
    assert!(screen.contains("is not a real calendar date"), "{screen}");
    assert_eq!(app.store.goal_summaries(100).unwrap().len(), before);
}

#[test]
fn a_form_reads_dates_in_the_configured_format() {
    for (format, typed, due) in [
        (
            mentee::config::DateFormat::DayMonthYear,
            "01/03/2027",
            Some("2027-03-01"),
        ),
        (
            mentee::config::DateFormat::MonthDayYear,
            "03/01/2027",
            Some("2027-03-01"),
        ),
        // With the ISO format a slash date is ambiguous: refused, nothing saved.
        (mentee::config::DateFormat::Iso, "01/03/2027", None),
    ] {
        let mut app = goals_app(Lang::Id);
        app.config.date_format = format;
        let before = app.store.goal_summaries(100).unwrap().len();
        key(&mut app, 'n');
        typing(&mut app, "Bicara di konferensi");
        tab(&mut app, 8);
        typing(&mut app, typed);
        ctrl(&mut app, 's');
        let saved = app.store.goal_summaries(100).unwrap();
        match due {
            Some(due) => {
                assert!(app.form().is_none(), "{format:?}: saved");
                let goal = &app.views.goals.list.selected().unwrap().goal;
                assert_eq!(goal.title, "Bicara di konferensi");
                assert_eq!(goal.due.map(|d| d.to_string()).as_deref(), Some(due));
                assert_eq!(saved.len(), before + 1);
            }
            None => {
                assert!(app.form().is_some(), "{format:?}: the form stays open");
                assert_eq!(saved.len(), before);
            }
        }
    }
}

#[test]
fn a_target_change_needs_a_reason_and_records_a_revision() {
    let mut app = goals_app(Lang::En);
    let goal = app.views.goals.list.rows()[0].goal.clone();
    assert_eq!(goal.target, Some(1.0));
    key(&mut app, 'e');
    tab(&mut app, 4);
    press(&mut app, KeyCode::Backspace);
    typing(&mut app, "2");
    ctrl(&mut app, 's');
    assert!(app.form().is_some(), "refused without a reason");
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Target, due date or status changed: say why"),
        "{screen}"
    );
    assert_eq!(app.store.goal(goal.id).unwrap().target, Some(1.0));
    assert!(app.store.revisions_of(goal.id, 10).unwrap().is_empty());

    // The error put the focus on the reason field.
    typing(&mut app, "The meetup asked for a second talk");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    assert_eq!(app.store.goal(goal.id).unwrap().target, Some(2.0));
    let revs = app.store.revisions_of(goal.id, 10).unwrap();
    assert_eq!(revs.len(), 1);
    assert_eq!(revs[0].field, "target");
    assert_eq!(
        (revs[0].old_value.as_str(), revs[0].new_value.as_str()),
        ("1", "2")
    );
    assert_eq!(revs[0].reason, "The meetup asked for a second talk");
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("Revisions"), "{screen}");
    assert!(screen.contains("target: 1 → 2"), "{screen}");

    // An edit that changes none of the three needs no reason.
    key(&mut app, 'e');
    typing(&mut app, "!");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    assert_eq!(app.store.revisions_of(goal.id, 10).unwrap().len(), 1);
}

#[test]
fn a_progress_update_is_saved_and_shown() {
    let mut app = goals_app(Lang::En);
    let goal = app.views.goals.list.rows()[1].goal.clone();
    key(&mut app, 'j');
    let before = app.store.progress_of(goal.id, 50).unwrap().len();
    key(&mut app, 'p');
    assert!(app.form().is_some());
    tab(&mut app, 1); // the date is today already
    typing(&mut app, "3");
    tab(&mut app, 1);
    typing(&mut app, "Led the third review alone");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    let history = app.store.progress_of(goal.id, 50).unwrap();
    assert_eq!(history.len(), before + 1);
    let last = history.last().unwrap();
    assert_eq!((last.value, last.on), (3.0, now().date()));
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("Led the third review alone"), "{screen}");
}

#[test]
fn a_progress_update_needs_a_value() {
    let mut app = goals_app(Lang::En);
    key(&mut app, 'p');
    ctrl(&mut app, 's');
    assert!(app.form().is_some());
    assert!(draw(&mut app, 160, 48).contains("This field is required"));
}

#[test]
fn deleting_a_goal_can_be_undone() {
    let mut app = goals_app(Lang::En);
    let before = app.views.goals.list.rows().len();
    key(&mut app, 'd');
    assert!(app.confirm().is_some());
    key(&mut app, 'y');
    assert_eq!(app.views.goals.list.rows().len(), before - 1);
    key(&mut app, 'u');
    assert_eq!(app.views.goals.list.rows().len(), before);
}

#[test]
fn delete_and_undo_name_the_record_in_the_interface_language() {
    for (lang, asked, deleted, restored) in [
        (
            Lang::En,
            "Delete this goal:",
            "Deleted the goal.",
            "Restored the goal.",
        ),
        (
            Lang::Id,
            "Hapus sasaran ini:",
            "Dihapus: sasaran.",
            "Dipulihkan: sasaran.",
        ),
    ] {
        let mut app = goals_app(lang);
        key(&mut app, 'd');
        assert!(draw(&mut app, 160, 48).contains(asked), "{lang:?}");
        key(&mut app, 'y');
        let message = app.message.clone().unwrap_or_default();
        assert!(message.starts_with(deleted), "{lang:?}: {message}");
        key(&mut app, 'u');
        let message = app.message.clone().unwrap_or_default();
        assert_eq!(message, restored, "{lang:?}");
    }
}

#[test]
fn a_goal_draft_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let open = |path: &std::path::Path| {
        App::new(
            mentee::store::Store::open(path, false).unwrap(),
            mentee::config::Config::default(),
            Lang::En,
            mentee::domain::Clock::Fixed(now()),
            mentee::tui::theme::Theme::new(mentee::config::Theme::Dark, false),
            false,
        )
        .unwrap()
    };
    {
        let mut app = open(&path);
        key(&mut app, '2');
        key(&mut app, 'n');
        typing(&mut app, "Half a goal");
        tab(&mut app, 8);
        typing(&mut app, "2027-01-15");
        // Dropped without saving: as if the process died.
    }
    let mut app = open(&path);
    assert!(app.draft_offer().is_some(), "the draft is offered");
    assert!(draw(&mut app, 100, 30).contains("Half a goal"));
    key(&mut app, 'r');
    let open_form = app.form().expect("the form is back");
    assert_eq!(open_form.form.text("title"), "Half a goal");
    assert_eq!(open_form.form.text("due"), "2027-01-15");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    let goals = app.store.goal_summaries(10).unwrap();
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].goal.title, "Half a goal");
}

#[test]
fn goal_form_snapshots() {
    let mut app = goals_app(Lang::En);
    key(&mut app, 'n');
    typing(&mut app, "Improve my SQL");
    insta::assert_snapshot!("goal_form_en_160x48", draw(&mut app, 160, 48));
    insta::assert_snapshot!("goal_form_en_80x24", draw(&mut app, 80, 24));
    let mut app = goals_app(Lang::Id);
    key(&mut app, 'e');
    insta::assert_snapshot!("goal_form_id_edit_160x48", draw(&mut app, 160, 48));
}

#[test]
fn goals_view_snapshots() {
    let mut app = goals_app(Lang::En);
    for (w, h) in [(80, 24), (160, 48)] {
        insta::assert_snapshot!(format!("goals_en_{w}x{h}"), draw(&mut app, w, h));
    }
    key(&mut app, 'j');
    key(&mut app, 'j');
    key(&mut app, 'j');
    insta::assert_snapshot!("goals_en_failing_160x48", draw(&mut app, 160, 48));
    let mut app = goals_app(Lang::Id);
    insta::assert_snapshot!("goals_id_80x24", draw(&mut app, 80, 24));
}

#[test]
fn goals_view_draws_at_every_size() {
    let mut app = goals_app(Lang::En);
    for (w, h) in [(1, 1), (20, 5), (40, 12), (79, 23), (300, 100)] {
        draw(&mut app, w, h);
    }
    key(&mut app, 'n');
    for (w, h) in [(1, 1), (20, 5), (40, 12), (79, 23), (300, 100)] {
        draw(&mut app, w, h);
    }
}

// ---- Mentors --------------------------------------------------------------------------------

fn mentors_app(lang: Lang) -> App {
    let mut app = demo_app(lang);
    app.update(Action::ShowView(View::Mentors));
    app
}

fn names(app: &App) -> Vec<String> {
    app.views
        .mentors
        .list
        .rows()
        .iter()
        .map(|m| m.name.clone())
        .collect()
}

#[test]
fn f_cycles_the_status_filter_shown_in_the_title() {
    let mut app = mentors_app(Lang::En);
    assert_eq!(names(&app).len(), 5);
    key(&mut app, 'f');
    assert_eq!(names(&app), ["Sari Wijaya"], "candidate");
    assert!(draw(&mut app, 100, 30).contains("Mentors — candidate"));
    key(&mut app, 'f');
    assert_eq!(names(&app), ["Helen Park"], "approached");
    let screen = draw(&mut app, 100, 30);
    assert!(screen.contains("Mentors — approached"), "{screen}");
    key(&mut app, 'f');
    assert_eq!(names(&app), ["Daniel Okafor"], "active");
    key(&mut app, 'f');
    assert_eq!(names(&app), ["Tomás Ruiz"], "paused");
    key(&mut app, 'f');
    assert_eq!(names(&app), ["Nadia Putri"], "ended");
    key(&mut app, 'f');
    assert_eq!(names(&app).len(), 5, "all");
    assert!(draw(&mut app, 100, 30).contains(" Mentors "));
}

#[test]
fn a_logged_contact_updates_the_last_contact_and_the_initiated_share() {
    let mut app = mentors_app(Lang::En);
    let daniel = app.views.mentors.list.rows()[0].id;
    let before = app.store.contact_stats(daniel).unwrap();
    key(&mut app, 'c');
    assert!(app.form().is_some());
    tab(&mut app, 2); // date today, channel from the agreement
    key(&mut app, ' '); // initiative: me → mentor
    tab(&mut app, 1);
    typing(&mut app, "He checked in on the talk");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    let after = app.store.contact_stats(daniel).unwrap();
    assert_eq!(after.total, before.total + 1);
    assert_eq!(after.mine, before.mine, "the mentor took the initiative");
    assert_eq!(after.last, Some(now().date()));
    assert_eq!(after.last_from_mentor, Some(now().date()));
    let share = after.mine_percent().unwrap();
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains(&format!("{share}% initiated by me")),
        "{screen}"
    );
    assert!(screen.contains("Last contact: today"), "{screen}");
    assert!(screen.contains("within the cadence of 14 days"), "{screen}");
    assert!(screen.contains("He checked in on the talk"), "{screen}");
}

#[test]
fn a_candidate_without_reply_gets_a_follow_up_note_until_the_mentor_answers() {
    let mut app = mentors_app(Lang::En);
    for _ in 0..5 {
        if app.views.mentors.list.selected().map(|m| m.name.as_str()) == Some("Sari Wijaya") {
            break;
        }
        key(&mut app, 'j');
    }
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("No reply 10 days after"), "{screen}");
    key(&mut app, 'c');
    tab(&mut app, 2);
    key(&mut app, ' '); // she replied
    ctrl(&mut app, 's');
    let screen = draw(&mut app, 160, 48);
    assert!(!screen.contains("No reply"), "{screen}");
}

fn rate(app: &mut App, ratings: [char; 5], note: &str) {
    key(app, 'h');
    assert!(app.form().is_some());
    for r in ratings {
        tab(app, 1);
        key(app, r);
    }
    tab(app, 1);
    typing(app, note);
    ctrl(app, 's');
}

#[test]
fn a_health_check_is_saved_and_a_decline_shows_the_advice() {
    let mut app = mentors_app(Lang::En);
    let daniel = app.views.mentors.list.rows()[0].id;
    let screen = draw(&mut app, 160, 48);
    assert!(!screen.contains("Raise it openly"), "{screen}");

    // A rating outside 1–5 is refused at its field.
    key(&mut app, 'h');
    for r in ['7', '4', '4', '4', '4'] {
        tab(&mut app, 1);
        key(&mut app, r);
    }
    ctrl(&mut app, 's');
    assert!(app.form().is_some());
    assert!(app.store.health_checks_of(daniel, 20).unwrap().len() == 3);
    assert!(draw(&mut app, 160, 48).contains("Rate from 1 (poor) to 5 (great)"));
    press(&mut app, KeyCode::Esc);
    key(&mut app, 'y');

    let before = app.store.health_checks_of(daniel, 20).unwrap().len();
    rate(&mut app, ['4', '3', '4', '4', '3'], "Meetings got rushed");
    assert!(app.form().is_none());
    let checks = app.store.health_checks_of(daniel, 20).unwrap();
    assert_eq!(checks.len(), before + 1);
    let last = checks.last().unwrap();
    assert_eq!(last.ratings[1], ("feedback".to_string(), 3));
    assert_eq!(last.note, "Meetings got rushed");
    let screen = draw(&mut app, 160, 48);
    for text in [
        "3.6/5",
        "Feedback 3",
        "Raise it openly with your mentor.",
        "Look for a fix together.",
        "If it stays unproductive, end it graciously",
    ] {
        assert!(screen.contains(text), "{text:?} in\n{screen}");
    }
    // Better again: the advice goes.
    rate(&mut app, ['5', '5', '4', '5', '4'], "Talked it through");
    assert!(!draw(&mut app, 160, 48).contains("Raise it openly"));
    // One low rating is enough to bring it back.
    rate(
        &mut app,
        ['5', '5', '5', '5', '2'],
        "I keep skipping my homework",
    );
    assert!(draw(&mut app, 160, 48).contains("Raise it openly"));
}

#[test]
fn ending_a_relationship_writes_closing_notes_status_and_a_gratitude_draft() {
    let mut app = mentors_app(Lang::En);
    let daniel = app.views.mentors.list.rows()[0].clone();
    let thanks_before = app.store.gratitude_list(100).unwrap().len();
    key(&mut app, 'x');
    assert!(app.form().is_some());
    ctrl(&mut app, 's');
    assert!(app.form().is_some(), "what went well is required");
    typing(&mut app, "Candid feedback on every talk draft");
    tab(&mut app, 1);
    press(&mut app, KeyCode::End);
    typing(&mut app, "your reviews of my talk.");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    let m = app.store.mentor(daniel.id).unwrap();
    assert_eq!(m.status, mentee::domain::MentorStatus::Ended);
    assert_eq!(m.status_since, Some(now().date()));
    assert_eq!(m.closing_notes, "Candid feedback on every talk draft");
    let thanks = app.store.gratitude_list(100).unwrap();
    assert_eq!(thanks.len(), thanks_before + 1);
    let entry = thanks
        .iter()
        .find(|g| g.gratitude.on == now().date() && g.gratitude.mentor_id == Some(daniel.id))
        .expect("a thank-you for Daniel");
    assert!(!entry.gratitude.sent, "drafted, not sent");
    assert!(
        entry
            .gratitude
            .what_for
            .starts_with("Thank you, Daniel Okafor, for your time"),
        "{}",
        entry.gratitude.what_for
    );
    assert!(
        entry
            .gratitude
            .what_for
            .ends_with("your reviews of my talk.")
    );
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("What went well"), "{screen}");
    assert!(
        screen.contains("Candid feedback on every talk draft"),
        "{screen}"
    );
    key(&mut app, 'x');
    assert!(
        app.form().is_none(),
        "an ended relationship is not ended twice"
    );
}

#[test]
fn mentor_relationship_drafts_reopen() {
    use mentee::tui::overlay::Overlay;
    use mentee::tui::purpose::{FormPurpose, MentorForm};
    let mut app = mentors_app(Lang::En);
    let id = app.views.mentors.list.rows()[0].id;
    for (k, purpose) in [
        ('c', MentorForm::Contact(id)),
        ('h', MentorForm::Health(id)),
        ('x', MentorForm::Close(id)),
    ] {
        key(&mut app, k);
        typing(&mut app, "4");
        let purpose = FormPurpose::Mentors(purpose);
        let draft_key = purpose.draft_key();
        assert!(
            app.store.draft(&draft_key).unwrap().is_some(),
            "{draft_key}"
        );
        // As if the app had stopped there: the draft is offered back, and restored.
        app.overlays.clear();
        let draft = app
            .store
            .drafts()
            .unwrap()
            .into_iter()
            .find(|d| d.key == draft_key)
            .unwrap();
        app.overlays.push(Overlay::DraftOffer(draft));
        key(&mut app, 'r');
        assert_eq!(app.form().map(|o| &o.purpose), Some(&purpose));
        press(&mut app, KeyCode::Esc);
        key(&mut app, 'y');
        assert!(app.store.draft(&draft_key).unwrap().is_none());
    }
}

#[test]
fn mentors_view_snapshots() {
    let mut app = mentors_app(Lang::En);
    for (w, h) in [(80, 24), (160, 48)] {
        insta::assert_snapshot!(format!("mentors_en_{w}x{h}"), draw(&mut app, w, h));
    }
    // Sari, the candidate (after Helen, approached).
    key(&mut app, 'j');
    key(&mut app, 'j');
    insta::assert_snapshot!("mentors_en_candidate_160x48", draw(&mut app, 160, 48));
    key(&mut app, 'g');
    key(&mut app, 'h');
    insta::assert_snapshot!("mentors_en_health_form_160x48", draw(&mut app, 160, 48));
    let mut app = mentors_app(Lang::Id);
    insta::assert_snapshot!("mentors_id_80x24", draw(&mut app, 80, 24));
}

#[test]
fn mentors_view_draws_at_every_size() {
    let mut app = mentors_app(Lang::En);
    for k in ['f', 'f', 'f', 'h'] {
        key(&mut app, k);
        for (w, h) in [(1, 1), (20, 5), (40, 12), (79, 23), (300, 100)] {
            draw(&mut app, w, h);
        }
    }
}

// ---- Starting in the right place (issue 13 items 7 and 13) -----------------------------------

fn field_names(app: &App) -> Vec<String> {
    let form = &app.form().expect("a form is open").form;
    form.fields().iter().map(|f| f.name.clone()).collect()
}

#[test]
fn a_candidates_pitch_is_filled_with_the_name_and_why_them() {
    let mut app = mentors_app(Lang::En);
    key(&mut app, 'n');
    typing(&mut app, "Rina Hartono");
    tab(&mut app, 5); // status (candidate), relationship, contact, expertise, why them
    typing(&mut app, "you rebuilt the payments team.");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    let rina = app.store.mentors().unwrap();
    let rina = rina.iter().find(|m| m.name == "Rina Hartono").unwrap();
    assert!(
        rina.pitch_draft.starts_with("Hello Rina Hartono,"),
        "{}",
        rina.pitch_draft
    );
    assert!(
        rina.pitch_draft
            .contains("because you rebuilt the payments team."),
        "{}",
        rina.pitch_draft
    );
    assert!(!rina.pitch_draft.contains('{'), "{}", rina.pitch_draft);
}

#[test]
fn a_mentor_i_already_have_starts_with_the_agreement_and_no_pitch() {
    let mut app = mentors_app(Lang::En);
    key(&mut app, 'n');
    assert_eq!(field_names(&app)[..3], ["name", "status", "relationship"]);
    typing(&mut app, "Yusuf");
    tab(&mut app, 1);
    press(&mut app, KeyCode::Right); // candidate → approached
    press(&mut app, KeyCode::Right); // → active
    assert_eq!(
        field_names(&app)[..7],
        [
            "name", "status", "goals", "cadence", "end", "channel", "review"
        ]
    );
    tab(&mut app, 1); // the focus goes on to the agreement
    typing(&mut app, "Architecture");
    tab(&mut app, 1);
    typing(&mut app, "14");
    ctrl(&mut app, 's');
    assert!(app.form().is_none());
    let yusuf = app.store.mentors().unwrap();
    let yusuf = yusuf.iter().find(|m| m.name == "Yusuf").unwrap();
    assert_eq!(yusuf.status, mentee::domain::MentorStatus::Active);
    assert_eq!(yusuf.goals_covered, "Architecture");
    assert_eq!(yusuf.cadence_days, Some(14));
    assert_eq!(yusuf.pitch_draft, "", "never pitched: nothing stored");
    // Back to candidate: the agreement goes back below.
    key(&mut app, 'n');
    tab(&mut app, 1);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    assert_eq!(field_names(&app)[..3], ["name", "status", "relationship"]);
}

#[test]
fn a_new_goal_is_for_the_only_active_mentor() {
    let mut app = goals_app(Lang::En);
    let daniel = app
        .store
        .mentors()
        .unwrap()
        .into_iter()
        .find(|m| m.status == mentee::domain::MentorStatus::Active)
        .unwrap()
        .id;
    key(&mut app, 'n');
    assert_eq!(
        app.form().unwrap().form.choice("mentor"),
        daniel.to_string()
    );
    press(&mut app, KeyCode::Esc);
    // With a second active mentor, nobody is assumed.
    let mut other = mentee::domain::Mentor::new("Second");
    other.status = mentee::domain::MentorStatus::Active;
    app.store.save_mentor(&other).unwrap();
    key(&mut app, 'n');
    assert_eq!(app.form().unwrap().form.choice("mentor"), "");
}
