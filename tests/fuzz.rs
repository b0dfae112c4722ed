//! Property tests, bounded so `cargo test` stays quick: the date parser, the config loader and
//! the import validator never panic on any input; random keys against the demo never panic and
//! leave the store consistent; every view and overlay draws at every size from 1×1 to 300×100.

mod common;

use std::cell::RefCell;
use std::path::Path;

use chrono::NaiveDate;
use mentee::config::Config;
use mentee::domain::{Goal, Mentor, Question, parse_date};
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::keys::Action;
use mentee::tui::views::View;
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_date_parser_never_panics(input in "\\PC{0,30}") {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let _ = parse_date(&input, today);
    }

    #[test]
    fn iso_dates_round_trip(y in 1900i32..2200, m in 1u32..=12, d in 1u32..=31) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let text = format!("{y:04}-{m:02}-{d:02}");
        match NaiveDate::from_ymd_opt(y, m, d) {
            Some(date) => prop_assert_eq!(parse_date(&text, today), Ok(date)),
            None => prop_assert!(parse_date(&text, today).is_err()),
        }
    }

    #[test]
    fn the_config_loader_never_panics(input in "[a-z_ =\"0-9\\[\\]\n.#-]{0,80}") {
        let _ = Config::parse(&input, Path::new("config.toml"));
    }

    #[test]
    fn offsets_in_words_never_panic(n in any::<i64>(), unit in "[dwm]|hari|minggu|bulan") {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let _ = parse_date(&format!("+{n}{unit}"), today);
        let _ = parse_date(&format!("{n} {unit}"), today);
    }
}

/// A value to put where a field was, to shake the validator.
fn junk() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        "\\PC{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::json!("2026-02-30")),
        Just(serde_json::json!([1, 2])),
        Just(serde_json::json!({"x": 1})),
    ]
}

#[test]
fn the_import_validator_never_panics_and_a_refused_file_changes_nothing() {
    let source = mentee::demo::demo_store(common::now()).unwrap();
    let export: serde_json::Value =
        serde_json::from_str(&mentee::transfer::export_json(&source, true).unwrap()).unwrap();
    let mut runner = TestRunner::new(RunnerConfig {
        cases: 96,
        ..RunnerConfig::default()
    });
    let fresh = || {
        let store = Store::open_in_memory().unwrap();
        store.save_mentor(&Mentor::new("Already here")).unwrap();
        store
    };
    let with_export = |store: Store| {
        let export = mentee::transfer::export_json(&store, true).unwrap();
        (store, export)
    };
    let target = RefCell::new(with_export(fresh()));
    runner
        .run(
            &(
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                junk(),
            ),
            |(kind_i, field_i, value)| {
                let mut doc = export.clone();
                let obj = doc.as_object_mut().unwrap();
                let arrays: Vec<String> = obj
                    .iter()
                    .filter(|(_, v)| v.as_array().is_some_and(|a| !a.is_empty()))
                    .map(|(k, _)| k.clone())
                    .collect();
                let kind = kind_i.get(&arrays).clone();
                let record = obj.get_mut(&kind).unwrap().as_array_mut().unwrap()[0]
                    .as_object_mut()
                    .unwrap();
                let keys: Vec<String> = record.keys().cloned().collect();
                let key = field_i.get(&keys).clone();
                record.insert(key, value);
                let text = doc.to_string();
                let mut guard = target.borrow_mut();
                let (store, before) = &mut *guard;
                // A dry run and a real run: either may refuse, neither may panic.
                let _ = mentee::transfer::import_json(store, &text, true);
                if mentee::transfer::import_json(store, &text, false).is_err() {
                    prop_assert_eq!(&mentee::transfer::export_json(store, true).unwrap(), before);
                } else {
                    // Accepted: start again from the original journal for the next case.
                    *guard = with_export(fresh());
                }
                Ok(())
            },
        )
        .unwrap();
}

/// Keys a user might press, weighted toward the interesting ones.
fn keys() -> impl Strategy<Value = KeyEvent> {
    let plain = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    prop_oneof![
        4 => prop::sample::select(vec!['1', '2', '3', '4', '5', '6', '7', '8', 'j', 'k', 'g', 'G', 'n', 'e', 'd', 'y', 'u', 'x', 'a', '/', '?', 'r', 's', 'f', 't', 'c', 'h', 'p', 'm', 'b', 'Q', ' ', 'z', 'é', '東'])
            .prop_map(move |c| plain(KeyCode::Char(c))),
        2 => prop::sample::select(vec![KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Up, KeyCode::Down, KeyCode::Backspace, KeyCode::PageDown, KeyCode::F(1), KeyCode::Left, KeyCode::Right])
            .prop_map(plain),
        1 => prop::sample::select(vec!['s', 'e', 'p', 'u'])
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

#[test]
fn random_keys_against_the_demo_never_panic_and_keep_the_store_consistent() {
    let mut runner = TestRunner::new(RunnerConfig {
        cases: 40,
        ..RunnerConfig::default()
    });
    runner
        .run(&prop::collection::vec(keys(), 1..80), |presses| {
            let mut app = common::demo_app(Lang::En);
            // Ctrl-E would start a real editor: leave it out of the random walk.
            for key in presses {
                app.handle_event(&Event::Key(key));
                app.editor_request = None;
                if app.quit {
                    break;
                }
                common::draw(&mut app, 100, 30);
            }
            let report = app.store.check().unwrap();
            prop_assert_eq!(report.integrity, vec!["ok".to_string()]);
            prop_assert_eq!(report.foreign_key_problems, 0);
            Ok(())
        })
        .unwrap();
}

/// A journal with many records, wide characters and very long lines.
fn huge_app() -> App {
    let mut store = Store::open_in_memory().unwrap();
    store
        .transaction(|s| {
            let long = "Belajar 東京 ☕ café 🚀 ".repeat(500); // ~10,000 characters
            for i in 0..300 {
                let id = s.save_mentor(&Mentor::new(format!(
                    "メンター {i} {}",
                    if i % 7 == 0 { &long } else { "Ana" }
                )))?;
                let mut g = Goal::new(if i % 5 == 0 {
                    long.clone()
                } else {
                    format!("目標 {i} 🎯")
                });
                g.mentor_id = Some(id);
                g.baseline = Some(0.0);
                g.target = Some(10.0);
                s.save_goal(&g)?;
                s.save_question(&Question {
                    id: 0,
                    uuid: String::new(),
                    text: long.clone(),
                    mentor_id: Some(id),
                    agenda_item_id: None,
                    private: i % 2 == 0,
                })?;
            }
            Ok(())
        })
        .unwrap();
    let mut app = App::new(
        store,
        Config::default(),
        Lang::Id,
        mentee::domain::Clock::Fixed(common::now()),
        mentee::tui::theme::Theme::new(mentee::config::Theme::Dark, true),
        false,
    )
    .unwrap();
    app.update(Action::ShowView(View::Today));
    app
}

#[test]
fn every_view_and_overlay_draws_at_every_size() {
    let apps = RefCell::new([
        common::empty_app(Lang::En),
        common::demo_app(Lang::En),
        huge_app(),
    ]);
    let mut runner = TestRunner::new(RunnerConfig {
        cases: 300,
        ..RunnerConfig::default()
    });
    runner
        .run(
            &(0usize..3, 0usize..8, 0usize..5, 1u16..=300, 1u16..=100),
            |(a, v, overlay, w, h)| {
                let mut apps = apps.borrow_mut();
                let app = &mut apps[a];
                app.overlays.clear();
                app.update(Action::ShowView(View::ALL[v]));
                match overlay {
                    1 => app.update(Action::ToggleHelp),
                    2 => {
                        app.update(Action::Search);
                        for c in "caf".chars() {
                            app.handle_event(&Event::Key(KeyEvent::new(
                                KeyCode::Char(c),
                                KeyModifiers::NONE,
                            )));
                        }
                    }
                    3 => {
                        app.update(Action::ShowView(View::Mentors));
                        app.handle_event(&Event::Key(KeyEvent::new(
                            KeyCode::Char('n'),
                            KeyModifiers::NONE,
                        )));
                    }
                    4 => app.ask_delete(mentee::domain::RecordKind::Mentor, 1, &"東京".repeat(200)),
                    _ => {}
                }
                common::draw(app, w, h);
                Ok(())
            },
        )
        .unwrap();
    // The corners of the range, always.
    for app in apps.borrow_mut().iter_mut() {
        for (w, h) in [(1, 1), (300, 100), (1, 100), (300, 1), (40, 12), (39, 11)] {
            common::draw(app, w, h);
        }
    }
}
