//! Small journals built through the store API, and an app over them with a chosen config.

use chrono::{NaiveDate, NaiveDateTime};
use mentee::config::{Config, Theme as ThemeChoice};
use mentee::domain::*;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::tui::App;
use mentee::tui::theme::Theme;

pub fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

pub fn at(m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(m, day).and_hms_opt(h, min, 0).unwrap()
}

/// An app over `store` at the pinned instant (Friday 2026-11-27 09:00).
pub fn app_on(store: Store, config: Config, lang: Lang) -> App {
    App::new(
        store,
        config,
        lang,
        Clock::Fixed(super::common::now()),
        Theme::new(ThemeChoice::Dark, false),
        false,
    )
    .unwrap()
}

/// An active mentor since `since`, meeting every `cadence` days.
pub fn mentor(store: &Store, name: &str, since: NaiveDate, cadence: u32) -> i64 {
    let mut m = Mentor::new(name);
    m.status = MentorStatus::Active;
    m.status_since = Some(since);
    m.cadence_days = Some(cadence);
    store.save_mentor(&m).unwrap()
}

pub fn meeting(store: &Store, mentor_id: i64, starts: NaiveDateTime, status: MeetingStatus) -> i64 {
    store
        .save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id,
            starts_at: starts,
            minutes: 30,
            status,
            channel: String::new(),
            notes: String::new(),
            agenda_ready: false,
            private: false,
        })
        .unwrap()
}

pub fn item(store: &Store, meeting_id: i64, discussed: bool) {
    store
        .save_agenda_item(&AgendaItem {
            id: 0,
            uuid: String::new(),
            meeting_id,
            kind: AgendaKind::Topic,
            text: "topic".into(),
            outcome: String::new(),
            minutes: Some(10),
            position: 0,
            discussed,
            note: String::new(),
            goal_id: None,
            commitment_id: None,
            feedback_id: None,
            carried_from: None,
            source: None,
            private: false,
        })
        .unwrap();
}

pub fn commitment(
    store: &Store,
    owner: Party,
    created: NaiveDate,
    due: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
) {
    store
        .save_commitment(&Commitment {
            id: 0,
            uuid: String::new(),
            owner,
            text: "a promise".into(),
            due,
            status: if done_on.is_some() {
                CommitmentStatus::Done
            } else {
                CommitmentStatus::Open
            },
            done_on,
            result: String::new(),
            mentor_id: None,
            meeting_id: None,
            feedback_id: None,
            reported_on: None,
            created_on: created,
            private: false,
        })
        .unwrap();
}

pub fn feedback(store: &Store, mentor_id: i64, on: NaiveDate, status: FeedbackStatus) {
    store
        .save_feedback(&Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(mentor_id),
            meeting_id: None,
            received_on: on,
            kind: FeedbackKind::Suggestion,
            text: "advice".into(),
            reaction: String::new(),
            status,
            goal_id: None,
            private: false,
        })
        .unwrap();
}

pub fn thanks(store: &Store, mentor_id: i64, meeting_id: Option<i64>, on: NaiveDate, sent: bool) {
    store
        .save_gratitude(&Gratitude {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(mentor_id),
            meeting_id,
            commitment_id: None,
            on,
            what_for: "time".into(),
            sent,
            channel: String::new(),
            private: false,
        })
        .unwrap();
}

pub fn contact(store: &Store, mentor_id: i64, on: NaiveDate, who: Party) {
    store
        .save_contact(&Contact {
            id: 0,
            uuid: String::new(),
            mentor_id,
            on,
            channel: "chat".into(),
            initiative: who,
            note: String::new(),
            private: false,
        })
        .unwrap();
}

pub fn health(store: &Store, mentor_id: i64, on: NaiveDate, ratings: &[u8]) {
    store
        .save_health_check(&HealthCheck {
            id: 0,
            uuid: String::new(),
            mentor_id,
            on,
            ratings: ratings
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("q{i}"), *r))
                .collect(),
            note: String::new(),
            private: false,
        })
        .unwrap();
}

pub fn goal(store: &Store, title: &str, target: f64) -> i64 {
    let mut g = Goal::new(title);
    g.baseline = Some(0.0);
    g.target = Some(target);
    store.save_goal(&g).unwrap()
}

pub fn progress(store: &Store, goal_id: i64, on: NaiveDate, value: f64) {
    store
        .save_progress(&ProgressUpdate {
            id: 0,
            uuid: String::new(),
            goal_id,
            on,
            value,
            note: String::new(),
        })
        .unwrap();
}

pub fn reflection(store: &Store, period: Period, start: NaiveDate) -> i64 {
    store
        .save_reflection(&Reflection {
            id: 0,
            uuid: String::new(),
            period,
            period_start: start,
            template: "rolfe".into(),
            answers: vec![("what".into(), "a lot happened".into())],
            private: false,
        })
        .unwrap()
}

/// November 2026 with known figures (the same month `mentee review` is tested on):
/// meetings Ana 1 held + 1 cancelled, Budi 1 held on Sunday 22nd at 23:30 (and Ana's
/// 31 October 23:30 outside); agenda 3 of 4 discussed; feedback 3, 2 acted on; my
/// commitments 4 made: 1 kept, 1 late, 2 open → 33%; the mentor's 1 kept; goal 1 → 3 of 4;
/// thanks 1 sent of 2; contacts 4, 3 mine; Ana's health check 4 and 5.
pub fn november() -> Store {
    let s = Store::open_in_memory().unwrap();
    let ana = mentor(&s, "Ana Putri", d(1, 1), 365);
    let budi = mentor(&s, "Budi", d(1, 1), 365);
    let m1 = meeting(&s, ana, at(11, 2, 10, 0), MeetingStatus::Held);
    item(&s, m1, true);
    item(&s, m1, true);
    item(&s, m1, false);
    meeting(&s, ana, at(11, 16, 10, 0), MeetingStatus::Cancelled);
    let m3 = meeting(&s, budi, at(11, 22, 23, 30), MeetingStatus::Held);
    item(&s, m3, true);
    meeting(&s, ana, at(10, 31, 23, 30), MeetingStatus::Held);
    feedback(&s, ana, d(11, 3), FeedbackStatus::Trying);
    feedback(&s, ana, d(11, 4), FeedbackStatus::Done);
    feedback(&s, ana, d(11, 5), FeedbackStatus::Open);
    feedback(&s, ana, d(10, 5), FeedbackStatus::Done);
    commitment(&s, Party::Me, d(11, 2), Some(d(11, 10)), Some(d(11, 9)));
    commitment(&s, Party::Me, d(11, 2), Some(d(11, 10)), Some(d(11, 12)));
    commitment(&s, Party::Me, d(11, 2), Some(d(11, 20)), None);
    commitment(&s, Party::Me, d(11, 2), None, None);
    commitment(
        &s,
        Party::Mentor,
        d(11, 2),
        Some(d(11, 15)),
        Some(d(11, 15)),
    );
    commitment(&s, Party::Me, d(10, 2), Some(d(10, 10)), None);
    let g = goal(&s, "Give talks", 4.0);
    progress(&s, g, d(10, 15), 1.0);
    progress(&s, g, d(11, 5), 2.0);
    progress(&s, g, d(11, 20), 3.0);
    thanks(&s, ana, None, d(11, 3), true);
    thanks(&s, ana, None, d(11, 17), false);
    thanks(&s, ana, None, d(10, 3), true);
    contact(&s, budi, d(11, 1), Party::Me);
    contact(&s, budi, d(11, 8), Party::Me);
    contact(&s, budi, d(11, 9), Party::Mentor);
    contact(&s, budi, d(11, 26), Party::Me);
    health(&s, ana, d(11, 10), &[4, 5]);
    s
}
