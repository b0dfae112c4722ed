//! The Reflections and Today views end to end: the period's figures beside a review on a
//! hand-built journal with known answers, reviews saved and edited, goals adjusted from a
//! review, user templates, every nudge rule on Today (firing and quiet), the activity heat
//! map, and snapshots of both views in both languages.

mod common;
#[path = "reflect_today/journal.rs"]
mod journal;

use common::*;
use journal::*;
use mentee::config::Config;
use mentee::domain::figures::{figures, period_bounds};
use mentee::domain::*;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::keys::Action;
use mentee::tui::theme::Theme;
use mentee::tui::views::View;
use mentee::tui::views::reflections::figure_lines;
use ratatui::crossterm::event::KeyCode;

fn config(cadence: Period, week_start: chrono::Weekday) -> Config {
    Config {
        reflection_cadence: cadence,
        week_start,
        ..Config::default()
    }
}

/// The figures panel of `[start, end)` as plain text, one line each.
fn panel_text(
    store: &Store,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    lang: Lang,
) -> String {
    let f = figures(&store.figure_input(start, end, now().date()).unwrap());
    let theme = Theme::new(mentee::config::Theme::Dark, false);
    figure_lines(
        &f,
        Period::Month,
        lang.text(),
        &theme,
        (Default::default(), lang),
    )
    .iter()
    .map(|l| {
        l.spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect::<String>()
    })
    .collect::<Vec<_>>()
    .join("\n")
}

#[test]
fn every_figure_of_a_month_is_shown_right() {
    let store = november();
    let (start, end) = period_bounds(Period::Month, d(11, 27), chrono::Weekday::Mon);
    let text = panel_text(&store, start, end, Lang::En);
    // The sentences are `mentee review`'s (one catalog), with a gauge where there is a ratio.
    for want in [
        "Review of the month 2026-11-01 to",
        "Meetings",
        // The 31 October 23:30 meeting stays in October: Ana has 1 held.
        "███░░░  50% Ana Putri: 1 held, 1 cancelled",
        "██████ 100% Budi: 1 held, 0 cancelled",
        "  In all: 2 held, 1 cancelled",
        "█████░  75% Agenda items discussed: 3 of 4",
        "████░░  67% 3 received, 2 acted on",
        "██░░░░  33% Mine: 4 made, 1 kept on time,",
        "██████ 100% My mentors': 1 made, 1 kept on",
        "█████░  75% Give talks: 1 → 3 (+2, 25% →",
        "███░░░  50% 1 sent of 2 noted",
        "█████░  75% 4 contacts, 3 initiated by me",
        "█████░  90% Ana Putri: average rating 4.5",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let id = panel_text(&store, start, end, Lang::Id);
    assert!(
        id.contains("Seluruhnya: 2 terlaksana, 1 dibatalkan"),
        "{id}"
    );
    assert!(id.contains("Milik saya: 4 dibuat"), "{id}");
    assert!(
        text.lines()
            .chain(id.lines())
            .all(|l| l.chars().count() <= 42),
        "a line wider than the panel"
    );
}

#[test]
fn an_empty_period_says_so_without_dividing_by_zero() {
    let store = november();
    let text = panel_text(&store, d(1, 1), d(2, 1), Lang::En);
    for want in [
        "  No meetings in this period.",
        "  Agenda items discussed: 0 of 0",
        "Mine: 0 made",
        "  No progress recorded in this period.",
        "  No health check in this period.",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

/// Starts a review with the chooser's defaults (or `rights` presses of → on the template).
fn start_review(app: &mut App, rights: usize) {
    app.update(Action::ShowView(View::Reflections));
    key(app, 'n');
    for _ in 0..rights {
        press(app, KeyCode::Right);
    }
    ctrl(app, 's');
}

#[test]
fn the_week_follows_the_configured_week_start_and_the_late_meeting_counts() {
    // Sunday weeks: 22–28 November, with Budi's Sunday 23:30 meeting.
    let mut app = app_on(
        november(),
        config(Period::Week, chrono::Weekday::Sun),
        Lang::En,
    );
    start_review(&mut app, 0);
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Review of the week: 2026-11-22 – 2026-11-28"),
        "{screen}"
    );
    assert!(screen.contains("Budi: 1 held, 0 cancelled"), "{screen}");
    // Monday weeks: 23–29 November, no meeting.
    let mut app = app_on(
        november(),
        config(Period::Week, chrono::Weekday::Mon),
        Lang::En,
    );
    start_review(&mut app, 0);
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Review of the week: 2026-11-23 – 2026-11-29"),
        "{screen}"
    );
    assert!(screen.contains("No meetings in this period."), "{screen}");
}

#[test]
fn a_review_is_saved_with_its_answers_then_edited_deleted_and_restored() {
    let mut app = app_on(
        november(),
        config(Period::Month, chrono::Weekday::Mon),
        Lang::En,
    );
    // Rolfe is the second template.
    start_review(&mut app, 1);
    assert!(draw(&mut app, 160, 48).contains("Review of the month: 2026-11-01 – 2026-11-30"));
    // Saving with no answer is refused, nothing lost.
    ctrl(&mut app, 's');
    assert!(app.form().is_some());
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("at least one prompt")
    );
    typing(&mut app, "Two talks given");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Ask Ana about slides");
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    let saved = app.store.reflections(10).unwrap();
    assert_eq!(saved.len(), 1);
    let r = &saved[0];
    assert_eq!(
        (r.period, r.period_start, r.template.as_str()),
        (Period::Month, d(11, 1), "rolfe")
    );
    assert_eq!(
        r.answers,
        [
            ("what".to_string(), "Two talks given".to_string()),
            ("so_what".to_string(), String::new()),
            ("now_what".to_string(), "Ask Ana about slides".to_string()),
        ]
    );
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("What happened in this period"), "{screen}");
    assert!(screen.contains("Two talks given"), "{screen}");

    // e: edit the answer.
    key(&mut app, 'e');
    typing(&mut app, ", well received");
    ctrl(&mut app, 's');
    let r = app.store.reflection(r.id).unwrap();
    assert_eq!(r.answers[0].1, "Two talks given, well received");

    // d: delete (asks), u: undo.
    key(&mut app, 'd');
    key(&mut app, 'y');
    assert!(app.store.reflections(10).unwrap().is_empty());
    key(&mut app, 'u');
    assert_eq!(app.store.reflections(10).unwrap().len(), 1);
}

#[test]
fn a_goal_adjusted_from_a_review_is_a_revision_citing_it() {
    let store = november();
    let r = reflection(&store, Period::Month, d(11, 1));
    let mut app = app_on(store, Config::default(), Lang::En);
    app.update(Action::ShowView(View::Reflections));
    // Nothing changed: refused (the focus goes to the target), nothing recorded.
    key(&mut app, 'a');
    ctrl(&mut app, 's');
    assert!(app.form().is_some());
    assert!(draw(&mut app, 120, 40).contains("Change the target, the due date or the status."));
    assert!(app.store.revisions_of(1, 10).unwrap().is_empty());
    typing(&mut app, "6");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "2027-03-31");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "two talks done, aim higher");
    ctrl(&mut app, 's');
    assert!(app.form().is_none(), "{:?}", app.message);
    let goal_id = app.store.goal_summaries(5).unwrap()[0].goal.id;
    let goal = app.store.goal(goal_id).unwrap();
    assert_eq!(goal.target, Some(6.0));
    assert_eq!(
        goal.due,
        Some(chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap())
    );
    let mut revs = app.store.revisions_of(goal_id, 10).unwrap();
    revs.sort_by(|a, b| a.field.cmp(&b.field));
    assert_eq!(revs.len(), 2);
    assert_eq!(
        (
            revs[0].field.as_str(),
            revs[0].old_value.as_str(),
            revs[0].new_value.as_str()
        ),
        ("due", "", "2027-03-31")
    );
    assert_eq!(
        (
            revs[1].field.as_str(),
            revs[1].old_value.as_str(),
            revs[1].new_value.as_str()
        ),
        ("target", "4", "6")
    );
    assert!(
        revs.iter()
            .all(|v| v.reflection_id == Some(r) && v.on == now().date())
    );
    assert_eq!(revs[0].reason, "two talks done, aim higher");
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Goal adjustments from this review"),
        "{screen}"
    );
    assert!(screen.contains("Give talks: target 4 → 6"), "{screen}");
}

#[test]
fn a_user_template_overrides_the_shipped_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/gtd-weekly.toml"),
        "title = { en = \"My weekly\", id = \"Mingguan saya\" }\n\
         [[prompt]]\ncode = \"wins\"\nlabel = \"Wins\"\ntext = \"What went well?\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("templates/broken.toml"), "title = [").unwrap();
    let config = Config {
        dir: Some(dir.path().to_path_buf()),
        ..Config::default()
    };
    let mut app = app_on(november(), config, Lang::En);
    app.update(Action::ShowView(View::Reflections));
    key(&mut app, 'n');
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("My weekly (your copy)"), "{screen}");
    assert!(!screen.contains("Weekly review (GTD)"), "{screen}");
    assert!(app.message.as_deref().unwrap_or("").contains("broken.toml"));
    ctrl(&mut app, 's');
    assert!(draw(&mut app, 160, 48).contains("Wins: What went well?"));
    typing(&mut app, "shipped the talk");
    ctrl(&mut app, 's');
    let r = &app.store.reflections(1).unwrap()[0];
    assert_eq!(r.template, "gtd-weekly");
    assert_eq!(
        r.answers,
        [("wins".to_string(), "shipped the talk".to_string())]
    );
}

#[test]
fn both_views_and_the_forms_draw_at_every_size() {
    let mut app = demo_app(Lang::Id);
    for setup in 0..4 {
        let mut app2 = demo_app(Lang::En);
        let a = if setup % 2 == 0 { &mut app } else { &mut app2 };
        a.update(Action::ShowView(if setup < 2 {
            View::Today
        } else {
            View::Reflections
        }));
        if setup == 3 {
            key(a, 'n');
        }
        for (w, h) in [
            (1, 1),
            (2, 3),
            (20, 5),
            (40, 12),
            (79, 23),
            (80, 24),
            (100, 30),
            (300, 100),
        ] {
            draw(a, w, h);
        }
    }
}

#[path = "reflect_today/today.rs"]
mod today;

#[path = "reflect_today/snapshots.rs"]
mod snapshots;
