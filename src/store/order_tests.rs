//! The bounded list walks (one index range per status, stopping at the limit) return exactly
//! what one sort over every row returned, for every limit, ties and undated rows included.

use chrono::{Duration, NaiveDate};

use super::*;
use crate::domain::nudges;
use crate::domain::*;

fn ids(store: &Store, sql: &str, limit: i64) -> Vec<i64> {
    let mut st = store.conn().prepare(sql).unwrap();
    st.query_map([limit], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

const LIMITS: [usize; 6] = [0, 1, 5, 17, 60, 10_000];

/// The goal statuses, in an order that is not the list's.
const GOAL_STATUSES: [GoalStatus; 4] = [
    GoalStatus::Active,
    GoalStatus::Achieved,
    GoalStatus::Paused,
    GoalStatus::Dropped,
];

#[test]
fn goal_summaries_keep_the_order_of_one_sort_over_all() {
    let s = Store::open_in_memory().unwrap();
    let mentor = s.save_mentor(&Mentor::new("Ana")).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    for i in 0..80i64 {
        let mut g = Goal::new(format!("goal {i}"));
        g.status = GOAL_STATUSES[(i * 7 % 4) as usize];
        // Ties on the due date, and one in five undated.
        g.due = (i % 5 != 0).then(|| day + Duration::days(i * 13 % 9));
        g.mentor_id = (i % 3 == 0).then_some(mentor);
        let id = s.save_goal(&g).unwrap();
        // Up to three updates, out of date order, two on one day (the later one wins).
        let days = [(3, 1.0), (1, 2.0), (3, 3.0)];
        for (ago, value) in days.iter().take((i % 4) as usize) {
            s.save_progress(&ProgressUpdate {
                id: 0,
                uuid: String::new(),
                goal_id: id,
                on: day - Duration::days(*ago),
                value: i as f64 + value,
                note: String::new(),
            })
            .unwrap();
        }
    }
    let newest = |id: i64| -> (Option<f64>, Option<NaiveDate>) {
        s.conn
            .query_row(
                "SELECT value, on_date FROM goal_progress WHERE goal_id = ?1
                 ORDER BY on_date DESC, id DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap_or((None, None))
    };
    let last_day = |id: i64| -> Option<NaiveDate> {
        s.conn
            .query_row(
                "SELECT max(on_date) FROM goal_progress WHERE goal_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    let one_sort = "SELECT id FROM goals ORDER BY CASE status WHEN 'active' THEN 0
        WHEN 'paused' THEN 1 WHEN 'achieved' THEN 2 ELSE 3 END, due_on IS NULL, due_on, id
        LIMIT ?1";
    for limit in LIMITS {
        let got = s.goal_summaries(limit).unwrap();
        let got_ids: Vec<i64> = got.iter().map(|g| g.goal.id).collect();
        assert_eq!(got_ids, ids(&s, one_sort, limit as i64), "limit {limit}");
        for g in &got {
            let name = g.goal.mentor_id.map(|_| "Ana".to_string());
            assert_eq!(g.mentor_name, name);
            assert_eq!(g.latest.is_some(), g.last_update.is_some());
            assert_eq!((g.latest, g.last_update), newest(g.goal.id));
            assert_eq!(g.last_update, last_day(g.goal.id));
        }
    }
}

#[test]
fn mentor_list_keeps_the_pipeline_order_of_one_sort_over_all() {
    let s = Store::open_in_memory().unwrap();
    let statuses = MentorStatus::ALL;
    for i in 0..70usize {
        // Names repeat (and differ only in case) so ties fall back to the id.
        let name = ["ana", "Budi", "Ana", "cici", "Dewi"][i % 5];
        let mut m = Mentor::new(name);
        m.status = statuses[i * 3 % statuses.len()];
        s.save_mentor(&m).unwrap();
    }
    let one_sort = "SELECT id FROM mentors ORDER BY CASE status
        WHEN 'active' THEN 0 WHEN 'approached' THEN 1 WHEN 'candidate' THEN 2
        WHEN 'paused' THEN 3 ELSE 4 END, name COLLATE NOCASE, id LIMIT ?1";
    for limit in LIMITS {
        let got: Vec<i64> = s.mentor_list(limit).unwrap().iter().map(|m| m.id).collect();
        assert_eq!(got, ids(&s, one_sort, limit as i64), "limit {limit}");
    }
    assert_eq!(s.mentors().unwrap().len(), 70);
}

#[test]
fn a_filtered_mentor_list_is_the_one_sort_over_all_kept_to_the_filter() {
    let s = Store::open_in_memory().unwrap();
    let statuses = MentorStatus::ALL;
    let kinds = Relationship::ALL;
    for i in 0..90usize {
        let name = ["ana", "Budi", "Ana", "cici", "Dewi"][i % 5];
        let mut m = Mentor::new(name);
        m.status = statuses[i * 3 % statuses.len()];
        m.relationship = kinds[i * 7 % kinds.len()];
        s.save_mentor(&m).unwrap();
    }
    let order = "ORDER BY CASE status
        WHEN 'active' THEN 0 WHEN 'approached' THEN 1 WHEN 'candidate' THEN 2
        WHEN 'paused' THEN 3 ELSE 4 END, name COLLATE NOCASE, id";
    let mut status_choices: Vec<Option<MentorStatus>> = vec![None];
    status_choices.extend(statuses.iter().copied().map(Some));
    let mut kind_choices: Vec<Option<Relationship>> = vec![None];
    kind_choices.extend(kinds.iter().copied().map(Some));
    for status in &status_choices {
        for kind in &kind_choices {
            for limit in LIMITS {
                let got: Vec<i64> = s
                    .mentor_list_of(*status, *kind, limit)
                    .unwrap()
                    .iter()
                    .map(|m| m.id)
                    .collect();
                let sql = format!(
                    "SELECT id FROM mentors WHERE (?2 IS NULL OR status = ?2)
                     AND (?3 IS NULL OR relationship = ?3) {order} LIMIT ?1"
                );
                let want: Vec<i64> = s
                    .conn()
                    .prepare(&sql)
                    .unwrap()
                    .query_map(rusqlite::params![limit as i64, status, kind], |r| r.get(0))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                assert_eq!(got, want, "{status:?} {kind:?} limit {limit}");
            }
        }
    }
}

#[test]
fn experiment_facts_are_the_newest_of_one_scan_over_every_experiment() {
    let s = Store::open_in_memory().unwrap();
    let ana = s.save_mentor(&Mentor::new("Ana")).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let feedback = s
        .save_feedback(&Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(ana),
            meeting_id: None,
            received_on: day,
            kind: FeedbackKind::Suggestion,
            text: "try it".into(),
            reaction: String::new(),
            status: FeedbackStatus::Trying,
            goal_id: None,
            private: false,
        })
        .unwrap();
    let statuses = [
        CommitmentStatus::Done,
        CommitmentStatus::Open,
        CommitmentStatus::Dropped,
    ];
    for i in 0..400i64 {
        s.save_commitment(&Commitment {
            id: 0,
            uuid: String::new(),
            owner: Party::Me,
            text: format!("experiment {i}"),
            due: Some(day),
            status: statuses[(i % 3) as usize],
            done_on: None,
            result: if i % 7 == 0 {
                String::new()
            } else {
                "went well".into()
            },
            mentor_id: (i % 2 == 0).then_some(ana),
            meeting_id: None,
            feedback_id: (i % 11 != 0).then_some(feedback),
            // Unreported, or reported on a day spread over a year.
            reported_on: (i % 4 != 0).then(|| day + Duration::days(i * 37 % 365)),
            created_on: day,
            private: false,
        })
        .unwrap();
    }
    let mut one_scan = s
        .conn()
        .prepare(
            "SELECT c.id FROM commitments c
             WHERE c.feedback_id IS NOT NULL AND c.result != '' AND c.status != 'dropped'
               AND (c.reported_on IS NULL OR c.reported_on >= ?1)
             ORDER BY c.id DESC LIMIT 100",
        )
        .unwrap();
    for offset in [0, 30, 200, 340, 400] {
        let now = (day + Duration::days(offset)).and_hms_opt(9, 0, 0).unwrap();
        let since = now.date() - Duration::days(nudges::THANKS_WINDOW_DAYS);
        let want: Vec<i64> = one_scan
            .query_map([since], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let got: Vec<i64> = s
            .nudge_input(now)
            .unwrap()
            .experiments
            .iter()
            .map(|e| e.commitment_id)
            .collect();
        assert_eq!(got, want, "{now}");
    }
}

/// Every window of the Meetings list is that stretch of the whole list: the upcoming planned
/// meetings soonest first, then every other meeting newest first (planned ones already
/// started, and held or cancelled ones dated later, included), ties by id.
#[test]
fn every_meeting_window_is_that_stretch_of_upcoming_then_past() {
    use super::window::Window;
    let store = Store::open_in_memory().unwrap();
    let mentor = store.save_mentor(&Mentor::new("Ayu")).unwrap();
    let now = NaiveDate::from_ymd_opt(2026, 11, 27)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let statuses = [
        MeetingStatus::Planned,
        MeetingStatus::Held,
        MeetingStatus::Cancelled,
    ];
    let mut all = Vec::new();
    for i in 0..90i64 {
        // Hours from -40 to +49, some sharing a start.
        let at = now + Duration::hours(i % 45 * 2 - 40);
        let mut m = Meeting::new(mentor, at, 30);
        m.status = statuses[(i % 7 % 3) as usize];
        let id = store.save_meeting(&m).unwrap();
        all.push((id, at, m.status));
    }
    let up = |&(_, at, s): &(i64, chrono::NaiveDateTime, MeetingStatus)| {
        s == MeetingStatus::Planned && at >= now
    };
    let mut upcoming: Vec<_> = all.iter().filter(|m| up(m)).collect();
    upcoming.sort_by_key(|m| (m.1, m.0));
    let mut past: Vec<_> = all.iter().filter(|m| !up(m)).collect();
    past.sort_by_key(|m| std::cmp::Reverse((m.1, m.0)));
    assert!(upcoming.len() > 10 && past.len() > 10);
    let order: Vec<i64> = upcoming.iter().chain(&past).map(|m| m.0).collect();
    let total = order.len();
    for start in [
        0,
        1,
        5,
        upcoming.len() - 3,
        upcoming.len(),
        60,
        total - 4,
        usize::MAX,
    ] {
        for len in [1, 4, 9, 30, total + 1] {
            let page = store.meeting_page(now, Window { start, len }).unwrap();
            let from = start.min(total.saturating_sub(len));
            let ids: Vec<i64> = page.rows.iter().map(|r| r.meeting.id).collect();
            assert_eq!(ids, order[from..(from + len).min(total)], "{start} {len}");
            assert_eq!((page.start, page.total), (from, total), "{start} {len}");
        }
    }
}

/// Every window of the Goals list is that stretch of the one sort over every goal, and says
/// how many goals there are (the first page counts the table, the others each part).
#[test]
fn every_goal_window_is_that_stretch_of_the_one_sort_and_counts_every_goal() {
    use super::window::Window;
    let s = Store::open_in_memory().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let one_sort = "SELECT id FROM goals ORDER BY CASE status WHEN 'active' THEN 0
        WHEN 'paused' THEN 1 WHEN 'achieved' THEN 2 ELSE 3 END, due_on IS NULL, due_on, id
        LIMIT ?1";
    for n in [0i64, 1, 7, 70] {
        for i in 0..n - s.goal_summaries(1000).unwrap().len() as i64 {
            let mut g = Goal::new(format!("goal {i}"));
            g.status = GOAL_STATUSES[(i * 5 % 4) as usize];
            g.due = (i % 4 != 0).then(|| day + Duration::days(i * 11 % 7));
            s.save_goal(&g).unwrap();
        }
        let order = ids(&s, one_sort, 1000);
        let total = order.len();
        assert_eq!(total, n as usize);
        for start in [0, 1, 5, total / 2, total.saturating_sub(3), usize::MAX] {
            for len in [1, 4, 9, 30, total, total + 1] {
                if len == 0 {
                    continue;
                }
                let page = s.goal_page(Window { start, len }).unwrap();
                let from = start.min(total.saturating_sub(len));
                let got: Vec<i64> = page.rows.iter().map(|r| r.goal.id).collect();
                assert_eq!(got, order[from..(from + len).min(total)], "{start} {len}");
                assert_eq!((page.start, page.total), (from, total), "{start} {len}");
            }
        }
    }
}
