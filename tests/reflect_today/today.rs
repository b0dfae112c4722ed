//! Today: each nudge rule appears when it fires and stays away when it should not, the
//! debrief offer, and the heat map's counts.

use super::common::*;
use super::journal::*;
use mentee::config::Config;
use mentee::domain::*;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::app::Screen;
use mentee::tui::keys::Action;
use mentee::tui::views::View;

/// Today on `store` at 160×48 (the pinned instant: Friday 2026-11-27 09:00).
fn today_screen(store: Store) -> String {
    let mut app = app_on(store, Config::default(), Lang::En);
    app.update(Action::ShowView(View::Today));
    draw(&mut app, 160, 48)
}

/// A journal with one mentor set up by `f`, and a reflection this week (so that nudge is quiet).
fn with(f: impl FnOnce(&Store, i64)) -> Store {
    let s = Store::open_in_memory().unwrap();
    reflection(&s, Period::Week, d(11, 23));
    let id = mentor(&s, "Ana Putri", d(11, 20), 14);
    f(&s, id);
    s
}

fn check(name: &str, sentence: &str, fires: Store, quiet: Store) {
    let on = today_screen(fires);
    assert!(on.contains(sentence), "{name}: missing {sentence:?}\n{on}");
    let off = today_screen(quiet);
    assert!(
        !off.contains(sentence),
        "{name}: {sentence:?} should be quiet\n{off}"
    );
}

#[test]
fn no_contact_beyond_the_cadence() {
    // A meeting is planned, so "plan a meeting" (which says more) stays quiet.
    check(
        "no contact",
        "No contact with Ana Putri for 15 days.",
        with(|s, m| {
            contact(s, m, d(11, 12), Party::Me);
            meeting(s, m, at(12, 3, 10, 0), MeetingStatus::Planned);
        }),
        // On the cadence day itself it is still quiet.
        with(|s, m| {
            contact(s, m, d(11, 13), Party::Me);
            meeting(s, m, at(12, 3, 10, 0), MeetingStatus::Planned);
        }),
    );
}

#[test]
fn thanks_pending_after_a_held_meeting() {
    check(
        "thanks pending",
        "Thank Ana Putri for the meeting on 2026-11-24.",
        with(|s, m| {
            meeting(s, m, at(11, 24, 10, 0), MeetingStatus::Held);
        }),
        with(|s, m| {
            let id = meeting(s, m, at(11, 24, 10, 0), MeetingStatus::Held);
            thanks(s, m, Some(id), d(11, 24), true);
        }),
    );
}

#[test]
fn reflection_due() {
    // Friday 27 November: the week that just ended is 16–22 November.
    let due = Store::open_in_memory().unwrap();
    reflection(&due, Period::Week, d(11, 9));
    let done = Store::open_in_memory().unwrap();
    reflection(&done, Period::Week, d(11, 16));
    check(
        "reflection",
        "Reflect on last week (2026-11-16 – 2026-11-22).",
        due,
        done,
    );
}

#[test]
fn health_check_due() {
    check(
        "health check",
        "Time for a relationship health check with Ana Putri.",
        with(|s, m| {
            let mut a = s.mentor(m).unwrap();
            a.status_since = Some(d(8, 1));
            s.save_mentor(&a).unwrap();
        }),
        with(|s, m| {
            let mut a = s.mentor(m).unwrap();
            a.status_since = Some(d(8, 1));
            s.save_mentor(&a).unwrap();
            health(s, m, d(11, 1), &[4]);
        }),
    );
}

#[test]
fn agreement_review_due() {
    let review = |on| {
        move |s: &Store, m| {
            let mut a = s.mentor(m).unwrap();
            a.review_on = Some(on);
            s.save_mentor(&a).unwrap();
        }
    };
    check(
        "agreement review",
        "Review the mentoring agreement with Ana Putri (due 2026-11-27).",
        with(review(d(11, 27))),
        with(review(d(11, 28))),
    );
}

#[test]
fn candidate_not_followed_up_after_a_week() {
    let approached = |since| {
        move |s: &Store, m| {
            let mut a = s.mentor(m).unwrap();
            a.status = MentorStatus::Approached;
            a.status_since = Some(since);
            s.save_mentor(&a).unwrap();
        }
    };
    check(
        "follow up",
        "Follow up with Ana Putri: no reply for 8 days.",
        with(approached(d(11, 19))),
        with(approached(d(11, 20))),
    );
    // A reply from the mentor since the approach quiets it too.
    let replied = with(|s, m| {
        approached(d(11, 19))(s, m);
        contact(s, m, d(11, 21), Party::Mentor);
    });
    assert!(!today_screen(replied).contains("Follow up with"));
}

#[test]
fn debrief_offer_for_a_meeting_whose_time_has_passed() {
    let passed = with(|s, m| {
        meeting(s, m, at(11, 26, 16, 0), MeetingStatus::Planned);
    });
    let coming = with(|s, m| {
        meeting(s, m, at(11, 28, 16, 0), MeetingStatus::Planned);
    });
    check(
        "debrief",
        "Debrief the meeting with Ana Putri on 2026-11-26.  [b: debrief it]",
        passed,
        coming,
    );
    // b opens that meeting in the Meetings view.
    let store = with(|s, m| {
        meeting(s, m, at(11, 30, 16, 0), MeetingStatus::Planned);
        meeting(s, m, at(11, 26, 16, 0), MeetingStatus::Planned);
    });
    let mut app = app_on(store, Config::default(), Lang::En);
    app.update(Action::ShowView(View::Today));
    key(&mut app, 'b');
    assert_eq!(app.screen, Screen::View(View::Meetings));
    let meetings = &app.views.meetings;
    let selected = &meetings.list.selected().unwrap().meeting;
    assert_eq!(selected.starts_at, at(11, 26, 16, 0));
    // Without one, b says so.
    let mut app = app_on(with(|_, _| {}), Config::default(), Lang::En);
    app.update(Action::ShowView(View::Today));
    key(&mut app, 'b');
    assert_eq!(app.screen, Screen::View(View::Today));
    assert_eq!(
        app.message.as_deref(),
        Some("No meeting is waiting for a debrief.")
    );
}

#[test]
fn nudges_speak_indonesian() {
    let store = with(|s, m| {
        contact(s, m, d(11, 12), Party::Me);
        meeting(s, m, at(12, 3, 10, 0), MeetingStatus::Planned);
    });
    let mut app = app_on(store, Config::default(), Lang::Id);
    app.update(Action::ShowView(View::Today));
    let screen = draw(&mut app, 160, 48);
    assert!(
        screen.contains("Tidak ada kontak dengan Ana Putri selama 15 hari."),
        "{screen}"
    );
}

#[test]
fn heat_map_counts_each_kind_per_day_within_twelve_weeks() {
    let s = Store::open_in_memory().unwrap();
    let m = mentor(&s, "Ana Putri", d(1, 1), 30);
    // Thursday 26 November: a held meeting at 23:30, a cancelled one (not counted), a
    // contact, a done commitment, feedback and thanks → 5.
    meeting(&s, m, at(11, 26, 23, 30), MeetingStatus::Held);
    meeting(&s, m, at(11, 26, 10, 0), MeetingStatus::Cancelled);
    contact(&s, m, d(11, 26), Party::Me);
    commitment(&s, Party::Me, d(11, 1), Some(d(11, 30)), Some(d(11, 26)));
    feedback(&s, m, d(11, 26), FeedbackStatus::Open);
    thanks(&s, m, None, d(11, 26), false);
    // Monday 7 September, the first day shown: 2 contacts. The day before: not shown.
    contact(&s, m, d(9, 7), Party::Me);
    contact(&s, m, d(9, 7), Party::Mentor);
    contact(&s, m, d(9, 6), Party::Me);
    // An open commitment is not activity.
    commitment(&s, Party::Me, d(11, 25), Some(d(11, 30)), None);
    let first = mentee::tui::views::today::first_day(d(11, 27), chrono::Weekday::Mon);
    assert_eq!(first, d(9, 7));
    let days = s.activity_by_day(first, d(11, 28)).unwrap();
    assert_eq!(days.len(), 82);
    let thursday = days[80];
    assert_eq!(
        (
            thursday.meetings,
            thursday.contacts,
            thursday.commitments_done,
            thursday.feedback,
            thursday.gratitude
        ),
        (1, 1, 1, 1, 1)
    );
    assert_eq!(days[0].contacts, 2);
    assert_eq!(days.iter().map(|d| d.total()).sum::<u32>(), 7);
    let grid = mentee::tui::views::today::grid(&days, first, d(11, 27));
    assert_eq!(grid[3][11], Some(5));
    assert_eq!(grid[0][0], Some(2));
    assert_eq!(grid[5][11], None);
    // The range is bounded: asking for more still reads 84 days at most.
    assert_eq!(s.activity_by_day(d(1, 1), d(11, 28)).unwrap().len(), 84);
    let screen = today_screen(s);
    assert!(screen.contains("Activity, last 12 weeks"), "{screen}");
    assert!(
        screen.contains("1 meeting · 3 contacts · 1 done · 1 feedback · 1 thanks"),
        "{screen}"
    );
    assert!(screen.contains("Th · · · · · · · · · · · █"), "{screen}");
    assert!(screen.contains("Mo ▒ ·"), "{screen}");
}
