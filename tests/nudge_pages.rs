//! `Store::nudge_page` gives every window of the nudges of some kinds, and their count, as
//! the rules give them over the whole journal's input (`Store::nudge_input_whole`, no list cut
//! at the store's limit): each kind alone and Gratitude's kinds together, on generated
//! journals from empty to a few thousand records, at several "now"s, and on one with more
//! unsent thanks and introductions than the store's limit and ties on the same day.

#[path = "../benches/common/generate/mod.rs"]
mod generate;
mod nudge_fixtures;

use chrono::{Duration, NaiveDateTime};
use generate::default_today;
use mentee::domain::nudges::{Nudge, NudgeKind, nudges};
use mentee::domain::*;
use mentee::store::{Store, Window};
use nudge_fixtures::{journal, nows};

/// [`journal`] with 150 unsent thanks and 130 done introductions more than the store's limit
/// of 100 would read, on a few days each (ties on the day, with and without a mentor), some
/// thanked already, and a thanks dated ahead for an active mentor.
fn crowded(seed: u64) -> Store {
    let s = journal(1_500, seed);
    let mentors: Vec<i64> = s.mentors().unwrap().iter().map(|m| m.id).collect();
    let today = default_today();
    for i in 0..150usize {
        let g = Gratitude {
            mentor_id: (i % 5 != 0).then(|| mentors[(i * 7) % mentors.len()]),
            ..Gratitude::new(
                format!("unsent {i}"),
                today - Duration::days(3 + (i % 20) as i64),
            )
        };
        s.save_gratitude(&g).unwrap();
    }
    for i in 0..130usize {
        let r = Resource {
            kind: ResourceKind::Person,
            status: ResourceStatus::Done,
            done_on: (i % 9 != 0).then(|| today - Duration::days((i % 11) as i64)),
            mentor_id: Some(mentors[(i * 3) % mentors.len()]),
            ..Resource::new(format!("person {i}"), today - Duration::days(60))
        };
        let id = s.save_resource(&r).unwrap();
        if i % 6 == 0 {
            let g = s
                .save_gratitude(&Gratitude::new("for the intro", today))
                .unwrap();
            s.link_thanks_to_resource(g, Some(id)).unwrap();
        }
    }
    let active = s
        .mentors()
        .unwrap()
        .into_iter()
        .find(|m| m.status == MentorStatus::Active)
        .unwrap();
    let ahead = Gratitude {
        mentor_id: Some(active.id),
        sent: true,
        ..Gratitude::new("dated ahead", today + Duration::days(5))
    };
    s.save_gratitude(&ahead).unwrap();
    s
}

/// Windows of a list of `len` rows: from the start, the middle and the end (the store walks
/// back from a part's end there), one row, every row, and past the end.
fn windows(len: usize) -> Vec<Window> {
    let mut out = vec![
        Window::first(1),
        Window::first(7),
        Window::first(len + 3),
        Window::last(1),
        Window::last(9),
        Window { start: 1, len },
        Window {
            start: len / 2,
            len: 5,
        },
        Window {
            start: len / 3,
            len: len / 2 + 1,
        },
        Window {
            start: len.saturating_sub(2),
            len: 2,
        },
        Window {
            start: len + 10,
            len: 4,
        },
    ];
    out.retain(|w| w.len > 0);
    out
}

/// Every window of the nudges of `kinds` from the store equals that stretch of `want`.
fn check(s: &Store, now: NaiveDateTime, kinds: &[NudgeKind], want: &[Nudge]) {
    let total = want.len();
    for w in windows(total) {
        let page = s.nudge_page(now, kinds, w).unwrap();
        let from = w.start.min(total.saturating_sub(w.len));
        let to = (from + w.len).min(total);
        assert_eq!(page.total, total, "{kinds:?} count at {now}, window {w:?}");
        assert_eq!(page.start, from, "{kinds:?} at {now}, window {w:?}");
        assert_eq!(
            page.rows,
            want[from..to],
            "{kinds:?} at {now}, window {w:?}"
        );
    }
}

fn check_journal(s: &Store) -> usize {
    let gratitude = mentee::tui::views::gratitude::KINDS;
    let mut seen = 0;
    for now in nows() {
        let all = nudges(&s.nudge_input_whole(now).unwrap(), now);
        for kind in NudgeKind::ALL {
            let want: Vec<Nudge> = all.iter().filter(|n| n.kind == kind).cloned().collect();
            seen += want.len();
            check(s, now, &[kind], &want);
        }
        let want: Vec<Nudge> = all
            .iter()
            .filter(|n| gratitude.contains(&n.kind))
            .cloned()
            .collect();
        check(s, now, &gratitude, &want);
    }
    seen
}

#[test]
fn every_window_and_count_of_every_kind_is_the_rules_over_the_whole_journal() {
    assert_eq!(check_journal(&journal(0, 1)), 0, "an empty journal");
    for (records, seed) in [(12, 2), (60, 3), (400, 4), (4_000, 5)] {
        let seen = check_journal(&journal(records, seed));
        assert!(records < 100 || seen > 0, "{records} records nudge");
    }
}

#[test]
fn more_nudges_of_a_kind_than_the_store_reads_at_once_are_all_counted_and_reached() {
    let s = crowded(6);
    let now = nows()[0];
    let all = nudges(&s.nudge_input_whole(now).unwrap(), now);
    let count = |kind| all.iter().filter(|n| n.kind == kind).count();
    assert!(
        count(NudgeKind::SendThanks) > 100,
        "{}",
        count(NudgeKind::SendThanks)
    );
    assert!(
        count(NudgeKind::ThankForIntroduction) > 100,
        "{}",
        count(NudgeKind::ThankForIntroduction)
    );
    check_journal(&s);
}

/// Day by day over two months, so that each rule's boundary day (a meeting 30 days ago, a
/// thanks written 7 days ago, a mentor thanked 42 days ago) falls on some "now": each kind's
/// whole list and count.
#[test]
fn each_kind_is_the_rules_over_the_whole_journal_day_by_day() {
    for (records, seed) in [(400, 7), (1_500, 8)] {
        let s = journal(records, seed);
        // Active mentors thanked once each, some weeks apart: each is thanked exactly six
        // weeks before one of the days below (and one also has a thanks dated ahead).
        for k in 0..6i64 {
            let m = Mentor {
                status: MentorStatus::Active,
                status_since: Some(default_today() - Duration::days(300)),
                ..Mentor::new(format!("thanked once {k}"))
            };
            let id = s.save_mentor(&m).unwrap();
            let on = default_today() - Duration::days(45 + 11 * k);
            let g = Gratitude {
                mentor_id: Some(id),
                ..Gratitude::new("once", on)
            };
            s.save_gratitude(&g).unwrap();
            // An experiment of that mentor's, reported on a day 30 days before one below.
            let f = Feedback {
                mentor_id: Some(id),
                ..Feedback::new("try it", on - Duration::days(20))
            };
            let feedback_id = s.save_feedback(&f).unwrap();
            let c = Commitment {
                feedback_id: Some(feedback_id),
                result: "it worked".into(),
                reported_on: Some(on + Duration::days(5)),
                ..Commitment::new("try it", on - Duration::days(19))
            };
            s.save_commitment(&c).unwrap();
            if k == 0 {
                let ahead = Gratitude {
                    mentor_id: Some(id),
                    ..Gratitude::new("ahead", default_today() + Duration::days(3))
                };
                s.save_gratitude(&ahead).unwrap();
            }
        }
        for day in -60..5 {
            let now = (default_today() + Duration::days(day))
                .and_hms_opt(9, 0, 0)
                .unwrap();
            let all = nudges(&s.nudge_input_whole(now).unwrap(), now);
            for kind in NudgeKind::ALL {
                let want: Vec<Nudge> = all.iter().filter(|n| n.kind == kind).cloned().collect();
                // Not from the first row: the kind is counted, not only read.
                let every = Window {
                    start: 1,
                    len: usize::MAX / 2,
                };
                let page = s.nudge_page(now, &[kind], every).unwrap();
                assert_eq!(
                    (page.total, &page.rows),
                    (want.len(), &want),
                    "{kind:?} at {now}"
                );
            }
        }
    }
}
