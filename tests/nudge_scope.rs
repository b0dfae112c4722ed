//! The nudges from a bounded input are the nudges from the whole one: a view that lists some
//! kinds reads only the parts of the input those kinds come from (`Store::nudge_input_of`),
//! and the first nudges of Today are found reading the parts in priority order only until
//! they are settled (`Store::top_nudges`). Checked on generated journals, at several "now"s, for every
//! kind, Gratitude's kinds, and several limits.

mod common;
#[path = "../benches/common/generate/mod.rs"]
mod generate;
mod nudge_fixtures;

use chrono::Duration;
use mentee::domain::nudges::{Nudge, NudgeKind, NudgeSettings, NudgeSource, nudges, sources};
use mentee::domain::*;
use mentee::i18n::Lang;
use mentee::tui::views::View;
use mentee::tui::views::gratitude::NUDGES_AHEAD;
use nudge_fixtures::{journal, nows};
use ratatui::crossterm::event::KeyCode;

fn of(all: &[Nudge], kinds: &[NudgeKind]) -> Vec<Nudge> {
    all.iter()
        .filter(|n| kinds.contains(&n.kind))
        .cloned()
        .collect()
}

#[test]
fn the_parts_a_kind_comes_from_give_the_same_nudges_of_that_kind() {
    let gratitude = mentee::tui::views::gratitude::KINDS;
    for seed in [1, 2] {
        let s = journal(4_000, seed);
        for now in nows() {
            let all = nudges(&s.nudge_input(now).unwrap(), now);
            let mut seen = 0;
            let mut check = |kinds: &[NudgeKind]| {
                let bounded = s.nudge_input_of(now, &sources(kinds)).unwrap();
                let want = of(&all, kinds);
                seen += want.len();
                assert_eq!(
                    of(&nudges(&bounded, now), kinds),
                    want,
                    "{kinds:?} at {now}"
                );
            };
            for kind in NudgeKind::ALL {
                check(&[kind]);
            }
            check(&gratitude);
            assert!(seen > 0, "the journal nudges about something at {now}");
        }
    }
}

#[test]
fn every_part_is_read_for_the_whole_input_and_gratitude_reads_no_candidate() {
    use MentorStatus::*;
    let all = sources(&NudgeKind::ALL);
    assert_eq!(all.len(), 11, "{all:?}");
    for status in [Candidate, Approached, Active, Paused] {
        assert!(all.contains(&NudgeSource::Mentors(status)), "{status:?}");
    }
    assert!(!all.contains(&NudgeSource::Mentors(Ended)));
    let gratitude = sources(&mentee::tui::views::gratitude::KINDS);
    assert!(gratitude.contains(&NudgeSource::Mentors(Active)));
    assert!(!gratitude.contains(&NudgeSource::Mentors(Candidate)));
    assert!(!gratitude.contains(&NudgeSource::PlannedMeetings));
}

#[test]
fn the_first_nudges_are_the_first_of_all_whether_or_not_the_pipeline_is_read() {
    let settings = NudgeSettings::default();
    for seed in [3, 4] {
        let s = journal(4_000, seed);
        for now in nows() {
            let mut input = s.nudge_input(now).unwrap();
            input.settings = settings;
            let all = nudges(&input, now);
            for limit in [1, 3, 10, 40, 200, 100_000] {
                let want: Vec<Nudge> = all.iter().take(limit).cloned().collect();
                assert_eq!(
                    s.top_nudges(now, settings, limit).unwrap(),
                    want,
                    "limit {limit} at {now}"
                );
            }
        }
    }
}

/// Gratitude looks up what its nudges name (a mentor, an experiment) only near the cursor:
/// the far ones wait, and are looked up, named on screen, when the cursor reaches them.
#[test]
fn gratitude_names_its_nudges_as_the_cursor_reaches_them() {
    let many = NUDGES_AHEAD + 30;
    let store = with_unsent_thanks(many);
    let mentor = store.mentors().unwrap()[0].clone();
    let mut app = common::app_on_store(store, Lang::En, true);
    app.update(mentee::tui::keys::Action::ShowView(View::Gratitude));
    common::press(&mut app, KeyCode::Right);
    let v = &app.views.gratitude;
    let rows = v.nudges.rows();
    assert!(rows.len() > many, "{}", rows.len());
    assert!(
        rows[..NUDGES_AHEAD]
            .iter()
            .all(|n| n.nudge.mentor_id.is_none() || n.mentor_name.is_some())
    );
    let last = rows.len() - 1;
    assert!(rows[last].nudge.mentor_id.is_some());
    assert_eq!(rows[last].mentor_name, None, "not looked up yet");
    common::key(&mut app, 'G');
    let v = &app.views.gratitude;
    assert_eq!(v.nudges.pos(), last);
    assert!(
        v.nudges
            .rows()
            .iter()
            .all(|n| n.nudge.mentor_id.is_none() || n.mentor_name.is_some())
    );
    let screen = common::draw(&mut app, 160, 48);
    let sentence = format!("Send the thanks you wrote to {}", mentor.name);
    assert!(screen.contains(&sentence), "{screen}");
    assert!(
        screen.contains(&format!(" {}/{} ", last + 1, last + 1)),
        "{screen}"
    );
}

/// The nudge pane loads a screen of nudges and the store counts the rest: the title says the
/// true count, and moving across the end of the loaded window, `G` and back up reach every
/// nudge in the rules' order, each named on screen when the cursor is on it.
#[test]
fn gratitude_loads_a_screen_of_nudges_and_reaches_every_one_in_order() {
    use mentee::tui::views::list::PAGE_MARGIN;
    let store = mentee::demo::demo_store(common::now()).unwrap();
    let mentor = store.mentors().unwrap()[0].clone();
    for i in 0..300 {
        let g = Gratitude {
            mentor_id: Some(mentor.id),
            ..Gratitude::new(
                format!("thanks {i}"),
                common::now().date() - Duration::days(8 + (i % 40) as i64),
            )
        };
        store.save_gratitude(&g).unwrap();
    }
    let now = common::now();
    let kinds = mentee::tui::views::gratitude::KINDS;
    let want: Vec<Nudge> = nudges(&store.nudge_input_whole(now).unwrap(), now)
        .into_iter()
        .filter(|n| kinds.contains(&n.kind))
        .collect();
    assert!(want.len() > 300, "{}", want.len());
    let mut app = common::app_on_store(store, Lang::En, true);
    common::draw(&mut app, 160, 40);
    app.update(mentee::tui::keys::Action::ShowView(View::Gratitude));
    common::press(&mut app, KeyCode::Right);
    let page = 40 + PAGE_MARGIN;
    assert_eq!(app.views.gratitude.nudges.rows().len(), page);
    let screen = common::draw(&mut app, 160, 40);
    assert!(
        screen.contains(&format!("({})", want.len())),
        "the true count: {screen}"
    );
    let selected = |app: &mentee::tui::App| {
        let v = &app.views.gratitude;
        (
            v.nudges.place().0,
            v.selected_nudge().map(|n| n.nudge.clone()),
        )
    };
    for (i, n) in want.iter().enumerate().take(page + 10).skip(1) {
        common::key(&mut app, 'j');
        assert_eq!(selected(&app), (i, Some(n.clone())), "row {i}");
    }
    assert!(app.views.gratitude.nudges.rows().len() <= 2 * page);
    common::key(&mut app, 'G');
    let last = want.len() - 1;
    assert_eq!(selected(&app), (last, want.last().cloned()));
    let screen = common::draw(&mut app, 160, 40);
    assert!(
        screen.contains(&format!(" {}/{} ", last + 1, last + 1)),
        "{screen}"
    );
    for i in (last - page - 10..last).rev() {
        common::key(&mut app, 'k');
        assert_eq!(selected(&app), (i, Some(want[i].clone())), "row {i}");
        let v = &app.views.gratitude;
        let n = v.selected_nudge().unwrap();
        assert!(
            n.nudge.mentor_id.is_none() || n.mentor_name.is_some(),
            "row {i} named"
        );
    }
}

/// The demo journal with `thanks` more thanks written and not sent, a day apart.
fn with_unsent_thanks(thanks: usize) -> mentee::store::Store {
    let store = mentee::demo::demo_store(common::now()).unwrap();
    let mentor = store.mentors().unwrap()[0].clone();
    for i in 0..thanks {
        let g = Gratitude {
            mentor_id: Some(mentor.id),
            ..Gratitude::new(
                format!("thanks {i}"),
                common::now().date() - Duration::days(8 + i as i64),
            )
        };
        store.save_gratitude(&g).unwrap();
    }
    store
}

/// Today reads only its first nudges (`Store::top_nudges`), so past them it cannot count:
/// with hundreds of thanks waiting its last line says "at least", never a count that is
/// only the rest of what it loaded; with few nudges the count is exact.
#[test]
fn today_says_at_least_when_more_nudges_wait_than_it_read() {
    for (lang, at_least, exact) in [
        (Lang::En, "… and at least ", "… and "),
        (Lang::Id, "… dan sedikitnya ", "… dan "),
    ] {
        for (width, height) in [(80, 24), (160, 48)] {
            let mut app = common::app_on_store(with_unsent_thanks(300), lang, true);
            let screen = common::draw(&mut app, width, height);
            assert!(app.views.today.more_nudges, "{screen}");
            assert!(
                screen.contains(at_least),
                "{lang:?} {width}x{height}: {screen}"
            );
            // A few nudges more than the panel holds: counted exactly.
            let mut app = common::app_on_store(with_unsent_thanks(30), lang, true);
            let screen = common::draw(&mut app, width, height);
            assert!(!app.views.today.more_nudges);
            assert!(
                !screen.contains(at_least),
                "{lang:?} {width}x{height}: {screen}"
            );
            assert!(
                screen.contains(exact),
                "{lang:?} {width}x{height}: {screen}"
            );
        }
    }
}
