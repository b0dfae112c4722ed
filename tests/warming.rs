//! Views loaded ahead of their visit (`App::warm_next`, called by the run loop while no key
//! is waiting): each view not on screen is loaded once, nothing on screen changes, a visit
//! afterwards shows exactly what a cold visit shows, a change made meanwhile in another
//! window still shows at the visit, and a view whose load fails is left for its visit to
//! report, without being tried over and over.

mod common;

use common::{app_on_store, draw, key};
use mentee::domain::Commitment;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;

const KEYS: [char; 8] = ['1', '2', '3', '4', '5', '6', '7', '8'];

/// The demo journal in a file (so a second connection can change it), and an app on it.
fn demo_file() -> (tempfile::TempDir, std::path::PathBuf, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let mut store = Store::open(&path, false).unwrap();
    mentee::demo::fill(&mut store, common::now()).unwrap();
    let app = app_on_store(store, Lang::En, false);
    (dir, path, app)
}

/// Calls `warm_next` until it says nothing is left; how many views it loaded.
fn warm_all(app: &mut App) -> usize {
    let mut loaded = 0;
    while app.warm_next() {
        loaded += 1;
        assert!(loaded <= 7, "warming never ends");
    }
    loaded
}

#[test]
fn every_view_but_the_one_on_screen_is_loaded_once_and_the_screen_does_not_change() {
    let (_dir, _path, mut app) = demo_file();
    let before = draw(&mut app, 120, 40);
    assert_eq!(warm_all(&mut app), 7, "the seven views not on screen");
    assert_eq!(
        warm_all(&mut app),
        0,
        "nothing left until the journal changes"
    );
    assert_eq!(draw(&mut app, 120, 40), before, "the screen is the same");
}

#[test]
fn a_view_loaded_ahead_shows_what_a_cold_visit_shows() {
    for lang in [Lang::En, Lang::Id] {
        let mut warm = app_on_store(mentee::demo::demo_store(common::now()).unwrap(), lang, true);
        let mut cold = app_on_store(mentee::demo::demo_store(common::now()).unwrap(), lang, true);
        for (w, h) in [(80, 24), (160, 48)] {
            draw(&mut warm, w, h);
            draw(&mut cold, w, h);
            warm_all(&mut warm);
            for k in KEYS.iter().rev() {
                key(&mut warm, *k);
                key(&mut cold, *k);
                assert_eq!(
                    draw(&mut warm, w, h),
                    draw(&mut cold, w, h),
                    "view {k} at {w}x{h} in {lang:?}"
                );
            }
        }
    }
}

#[test]
fn a_change_made_elsewhere_after_warming_shows_at_the_visit() {
    let (_dir, path, mut app) = demo_file();
    draw(&mut app, 160, 48);
    warm_all(&mut app);
    let other = Store::open(&path, false).unwrap();
    let mut c = Commitment::new("Send the warmed-up summary to Ayu", common::now().date());
    c.due = Some(common::now().date());
    other.save_commitment(&c).unwrap();
    key(&mut app, '5');
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Send the warmed-up summary"),
        "the commitment made in the other window shows:\n{screen}"
    );
    // And the journal having changed, the views are loaded ahead again.
    assert_eq!(warm_all(&mut app), 7);
}

#[test]
fn nothing_is_loaded_ahead_under_an_overlay_or_on_the_welcome_screen() {
    let (_dir, _path, mut app) = demo_file();
    draw(&mut app, 120, 40);
    key(&mut app, '?');
    assert!(!app.warm_next(), "the help is open");
    let mut empty = common::empty_app(Lang::En);
    draw(&mut empty, 120, 40);
    assert!(!empty.warm_next(), "the welcome screen");
}

#[test]
fn a_view_that_fails_to_load_is_reported_at_its_visit_and_not_retried_meanwhile() {
    let (_dir, path, mut app) = demo_file();
    draw(&mut app, 120, 40);
    // Another program breaks one table of the journal.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("DROP TABLE gratitude").unwrap();
    let loaded = warm_all(&mut app);
    assert!(loaded <= 7, "each view is tried once: {loaded}");
    assert_eq!(warm_all(&mut app), 0, "a failed view is not tried again");
    key(&mut app, '6');
    let screen = draw(&mut app, 120, 40);
    assert!(
        screen.contains("no such table"),
        "the visit says what went wrong:\n{screen}"
    );
}
