//! The figures of a review period: what the Reflections view and `mentee review` show.
//!
//! A period is the half-open day range `[start, end)` from [`period_bounds`]. Meeting times are
//! local wall-clock times compared by their date, so a meeting at 23:30 on the last day counts
//! in that period. The store computes the raw counts with SQL aggregates into a
//! [`FigureInput`]; [`figures`] turns them into totals, rates, shares and averages.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

use super::dates::{add_days, add_months};
use super::keeprate::Tally;
use super::kinds::Period;
use super::records::Goal;

/// The days `[start, end)` of the week, month or quarter containing `containing`.
/// Weeks begin on `week_start`; months and quarters are calendar ones. The arithmetic
/// saturates at the ends of the calendar, so a damaged date never panics here.
pub fn period_bounds(
    period: Period,
    containing: NaiveDate,
    week_start: Weekday,
) -> (NaiveDate, NaiveDate) {
    let first_of =
        |month: u32| NaiveDate::from_ymd_opt(containing.year(), month, 1).unwrap_or(containing);
    match period {
        Period::Week => {
            let back = (containing.weekday().num_days_from_monday() + 7
                - week_start.num_days_from_monday())
                % 7;
            let start = add_days(containing, -i64::from(back));
            (start, add_days(start, 7))
        }
        Period::Month => {
            let start = first_of(containing.month());
            (start, add_months(start, 1))
        }
        Period::Quarter => {
            let start = first_of((containing.month() - 1) / 3 * 3 + 1);
            (start, add_months(start, 3))
        }
    }
}

/// The days `[start, end)` of the last complete `period` before the one containing `today`:
/// on a Monday (weeks starting Monday) the week that ended yesterday, on the 1st of a month
/// the month before.
pub fn previous_period_bounds(
    period: Period,
    today: NaiveDate,
    week_start: Weekday,
) -> (NaiveDate, NaiveDate) {
    let (start, _) = period_bounds(period, today, week_start);
    period_bounds(period, add_days(start, -1), week_start)
}

/// The days `[from, to]` as the half-open range `[from, to + 1)`; `None` when `to` is before
/// `from`.
pub fn custom_bounds(from: NaiveDate, to: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    (to >= from).then(|| (from, add_days(to, 1)))
}

/// The days `[start, end)` of a review of `period` beginning on `start`: a week starts where
/// the review says; months and quarters are calendar ones.
pub fn review_bounds(period: Period, start: NaiveDate) -> (NaiveDate, NaiveDate) {
    match period {
        Period::Week => (start, add_days(start, 7)),
        _ => period_bounds(period, start, Weekday::Mon),
    }
}

/// The last day of the half-open range ending (exclusively) on `end`.
pub fn last_day(end: NaiveDate) -> NaiveDate {
    add_days(end, -1)
}

/// True when the local time `at` falls on a day of `[start, end)`.
pub fn in_period(at: NaiveDateTime, start: NaiveDate, end: NaiveDate) -> bool {
    (start..end).contains(&at.date())
}

/// Meetings in the period with one mentor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorMeetings {
    pub mentor_id: i64,
    pub name: String,
    pub held: u32,
    pub cancelled: u32,
    /// Still marked planned.
    pub planned: u32,
}

/// Commitments made in the period by one owner, as they stand today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CommitmentCounts {
    pub made: u32,
    /// Done on or before the due date (see [`crate::domain::keeprate`] for the rules).
    pub kept: u32,
    pub late: u32,
    /// Still open, whether due or not.
    pub open: u32,
    /// Still open and past the due date.
    pub open_overdue: u32,
    /// Dropped, with a due date (counts as due and not kept).
    pub dropped: u32,
}

impl CommitmentCounts {
    /// The keep-rate tally of these commitments.
    pub fn tally(&self) -> Tally {
        Tally {
            kept: self.kept,
            late: self.late,
            open_overdue: self.open_overdue,
            dropped: self.dropped,
        }
    }
}

/// Progress updates of one goal around the period.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalProgressFacts {
    pub goal_id: i64,
    pub title: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// The last value before the period began.
    pub before: Option<f64>,
    /// The first and last values within the period.
    pub first_in: Option<f64>,
    pub last_in: Option<f64>,
    /// Updates within the period.
    pub updates: u32,
}

/// Health checks in the period with one mentor, as summed ratings.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthFacts {
    pub mentor_id: i64,
    pub name: String,
    pub checks: u32,
    pub ratings: u32,
    pub rating_sum: f64,
}

/// The raw counts of a period, from the store.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FigureInput {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub meetings: Vec<MentorMeetings>,
    /// Agenda items of the meetings held in the period.
    pub agenda_items: u32,
    pub agenda_discussed: u32,
    pub feedback_received: u32,
    /// Of the feedback received in the period, how much is now being tried or done.
    pub feedback_acted_on: u32,
    pub my_commitments: CommitmentCounts,
    pub mentor_commitments: CommitmentCounts,
    pub goals: Vec<GoalProgressFacts>,
    pub gratitude_noted: u32,
    pub gratitude_sent: u32,
    pub contacts: u32,
    pub contacts_i_initiated: u32,
    pub health: Vec<HealthFacts>,
    /// Wins dated in the period.
    pub wins: u32,
}

/// One goal's movement over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalChange {
    pub goal_id: i64,
    pub title: String,
    /// The value when the period began: the last one before it, else the goal's baseline,
    /// else (a goal with neither) the first one within it.
    pub from: f64,
    /// The last value within the period.
    pub to: f64,
    pub change: f64,
    /// Progress from baseline to target (0..=1) at `from` and `to`, when the goal has both.
    pub progress_from: Option<f64>,
    pub progress_to: Option<f64>,
    pub updates: u32,
}

/// A mentor's health-check average over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorHealth {
    pub mentor_id: i64,
    pub name: String,
    pub checks: u32,
    /// The mean of all ratings given in the period's checks.
    pub average: Option<f64>,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodFigures {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub meetings: Vec<MentorMeetings>,
    pub meetings_held: u32,
    pub meetings_cancelled: u32,
    pub agenda_items: u32,
    pub agenda_discussed: u32,
    pub feedback_received: u32,
    pub feedback_acted_on: u32,
    pub my_commitments: CommitmentCounts,
    pub mentor_commitments: CommitmentCounts,
    /// Keep rates of the commitments made in the period.
    pub my_keep_rate: Option<f64>,
    pub mentor_keep_rate: Option<f64>,
    pub goals: Vec<GoalChange>,
    pub gratitude_noted: u32,
    pub gratitude_sent: u32,
    pub contacts: u32,
    pub contacts_i_initiated: u32,
    /// The share of contacts I initiated, 0..=1.
    pub initiative_share: Option<f64>,
    pub health: Vec<MentorHealth>,
    /// Wins dated in the period.
    pub wins: u32,
}

fn ratio(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

fn goal_change(g: &GoalProgressFacts) -> Option<GoalChange> {
    let to = g.last_in?;
    // The first update ever is progress too: it counts from the baseline.
    let from = g.before.or(g.baseline).or(g.first_in)?;
    let mut goal = Goal::new(g.title.clone());
    goal.baseline = g.baseline;
    goal.target = g.target;
    Some(GoalChange {
        goal_id: g.goal_id,
        title: g.title.clone(),
        from,
        to,
        change: to - from,
        progress_from: goal.progress(Some(from)),
        progress_to: goal.progress(Some(to)),
        updates: g.updates,
    })
}

/// The figures of the period in `input`.
pub fn figures(input: &FigureInput) -> PeriodFigures {
    PeriodFigures {
        start: input.start,
        end: input.end,
        meetings: input.meetings.clone(),
        meetings_held: input.meetings.iter().map(|m| m.held).sum(),
        meetings_cancelled: input.meetings.iter().map(|m| m.cancelled).sum(),
        agenda_items: input.agenda_items,
        agenda_discussed: input.agenda_discussed,
        feedback_received: input.feedback_received,
        feedback_acted_on: input.feedback_acted_on,
        my_commitments: input.my_commitments,
        mentor_commitments: input.mentor_commitments,
        my_keep_rate: input.my_commitments.tally().rate(),
        mentor_keep_rate: input.mentor_commitments.tally().rate(),
        goals: input.goals.iter().filter_map(goal_change).collect(),
        gratitude_noted: input.gratitude_noted,
        gratitude_sent: input.gratitude_sent,
        contacts: input.contacts,
        contacts_i_initiated: input.contacts_i_initiated,
        initiative_share: ratio(input.contacts_i_initiated, input.contacts),
        health: input
            .health
            .iter()
            .map(|h| MentorHealth {
                mentor_id: h.mentor_id,
                name: h.name.clone(),
                checks: h.checks,
                average: (h.ratings > 0).then(|| h.rating_sum / f64::from(h.ratings)),
            })
            .collect(),
        wins: input.wins,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_start_on_the_configured_day() {
        // 2026-03-04 is a Wednesday.
        let wed = d(2026, 3, 4);
        assert_eq!(
            period_bounds(Period::Week, wed, Weekday::Mon),
            (d(2026, 3, 2), d(2026, 3, 9))
        );
        assert_eq!(
            period_bounds(Period::Week, wed, Weekday::Sun),
            (d(2026, 3, 1), d(2026, 3, 8))
        );
        // The start day itself begins a week; the day before ends the previous one.
        let sun = d(2026, 3, 1);
        assert_eq!(period_bounds(Period::Week, sun, Weekday::Sun).0, sun);
        assert_eq!(
            period_bounds(Period::Week, sun, Weekday::Mon),
            (d(2026, 2, 23), d(2026, 3, 2))
        );
        // Across a year end.
        assert_eq!(
            period_bounds(Period::Week, d(2027, 1, 1), Weekday::Mon),
            (d(2026, 12, 28), d(2027, 1, 4))
        );
    }

    #[test]
    fn periods_at_the_ends_of_the_calendar_never_panic() {
        for day in [NaiveDate::MIN, NaiveDate::MAX, d(262_142, 12, 30)] {
            for period in [Period::Week, Period::Month, Period::Quarter] {
                let (start, end) = period_bounds(period, day, Weekday::Sun);
                assert!(start <= end, "{period:?} of {day}");
                let (start, end) = review_bounds(period, day);
                assert!(start <= end);
                let _ = last_day(end);
                let _ = last_day(start);
            }
        }
        assert_eq!(
            review_bounds(Period::Week, d(2026, 3, 4)),
            (d(2026, 3, 4), d(2026, 3, 11))
        );
        assert_eq!(last_day(d(2026, 3, 1)), d(2026, 2, 28));
    }

    #[test]
    fn the_previous_period_is_the_last_complete_one() {
        // Monday 30 Nov 2026: the week that ended yesterday, not the empty new one.
        let monday = d(2026, 11, 30);
        assert_eq!(
            previous_period_bounds(Period::Week, monday, Weekday::Mon),
            (d(2026, 11, 23), d(2026, 11, 30))
        );
        // Weeks starting on Sunday: on a Sunday the week before, on a Monday too.
        assert_eq!(
            previous_period_bounds(Period::Week, d(2026, 11, 29), Weekday::Sun),
            (d(2026, 11, 22), d(2026, 11, 29))
        );
        assert_eq!(
            previous_period_bounds(Period::Week, monday, Weekday::Sun),
            (d(2026, 11, 22), d(2026, 11, 29))
        );
        // The 1st of a month and the last day of one.
        assert_eq!(
            previous_period_bounds(Period::Month, d(2026, 3, 1), Weekday::Mon),
            (d(2026, 2, 1), d(2026, 3, 1))
        );
        assert_eq!(
            previous_period_bounds(Period::Month, d(2026, 3, 31), Weekday::Mon),
            (d(2026, 2, 1), d(2026, 3, 1))
        );
        // Quarters across the new year.
        assert_eq!(
            previous_period_bounds(Period::Quarter, d(2026, 1, 1), Weekday::Mon),
            (d(2025, 10, 1), d(2026, 1, 1))
        );
        assert_eq!(
            previous_period_bounds(Period::Quarter, d(2026, 6, 30), Weekday::Mon),
            (d(2026, 1, 1), d(2026, 4, 1))
        );
    }

    #[test]
    fn a_custom_range_includes_both_days() {
        assert_eq!(
            custom_bounds(d(2026, 11, 1), d(2026, 11, 15)),
            Some((d(2026, 11, 1), d(2026, 11, 16)))
        );
        assert_eq!(
            custom_bounds(d(2026, 11, 15), d(2026, 11, 15)),
            Some((d(2026, 11, 15), d(2026, 11, 16)))
        );
        assert_eq!(custom_bounds(d(2026, 11, 15), d(2026, 11, 14)), None);
    }

    #[test]
    fn months_end_where_the_calendar_does() {
        assert_eq!(
            period_bounds(Period::Month, d(2026, 1, 31), Weekday::Mon),
            (d(2026, 1, 1), d(2026, 2, 1))
        );
        assert_eq!(
            period_bounds(Period::Month, d(2028, 2, 29), Weekday::Mon),
            (d(2028, 2, 1), d(2028, 3, 1))
        );
        assert_eq!(
            period_bounds(Period::Month, d(2026, 12, 31), Weekday::Mon),
            (d(2026, 12, 1), d(2027, 1, 1))
        );
    }

    #[test]
    fn quarters_are_calendar_quarters() {
        let q = |m, day| period_bounds(Period::Quarter, d(2026, m, day), Weekday::Mon);
        assert_eq!(q(1, 1), (d(2026, 1, 1), d(2026, 4, 1)));
        assert_eq!(q(3, 31), (d(2026, 1, 1), d(2026, 4, 1)));
        assert_eq!(q(4, 1), (d(2026, 4, 1), d(2026, 7, 1)));
        assert_eq!(q(9, 30), (d(2026, 7, 1), d(2026, 10, 1)));
        assert_eq!(q(12, 31), (d(2026, 10, 1), d(2027, 1, 1)));
    }

    #[test]
    fn a_late_meeting_on_the_last_day_counts_in_the_period() {
        let (start, end) = period_bounds(Period::Month, d(2026, 1, 15), Weekday::Mon);
        let late = d(2026, 1, 31).and_hms_opt(23, 30, 0).unwrap();
        let next = d(2026, 2, 1).and_hms_opt(0, 0, 0).unwrap();
        let first = d(2026, 1, 1).and_hms_opt(0, 0, 0).unwrap();
        assert!(in_period(late, start, end));
        assert!(in_period(first, start, end));
        assert!(!in_period(next, start, end));
    }

    fn input() -> FigureInput {
        FigureInput {
            start: d(2026, 3, 1),
            end: d(2026, 4, 1),
            meetings: vec![
                MentorMeetings {
                    mentor_id: 1,
                    name: "Ana".into(),
                    held: 2,
                    cancelled: 1,
                    planned: 0,
                },
                MentorMeetings {
                    mentor_id: 2,
                    name: "Budi".into(),
                    held: 1,
                    cancelled: 0,
                    planned: 1,
                },
            ],
            agenda_items: 8,
            agenda_discussed: 6,
            feedback_received: 4,
            feedback_acted_on: 3,
            my_commitments: CommitmentCounts {
                made: 6,
                kept: 2,
                late: 1,
                open: 2,
                open_overdue: 1,
                dropped: 0,
            },
            mentor_commitments: CommitmentCounts {
                made: 1,
                open: 1,
                ..CommitmentCounts::default()
            },
            contacts: 4,
            contacts_i_initiated: 3,
            gratitude_noted: 3,
            gratitude_sent: 2,
            ..FigureInput::default()
        }
    }

    #[test]
    fn totals_rates_and_shares() {
        let f = figures(&input());
        assert_eq!((f.meetings_held, f.meetings_cancelled), (3, 1));
        assert_eq!(f.my_keep_rate, Some(0.5));
        assert_eq!(f.mentor_keep_rate, None);
        assert_eq!(f.initiative_share, Some(0.75));
        assert_eq!((f.feedback_received, f.feedback_acted_on), (4, 3));
        assert_eq!((f.gratitude_noted, f.gratitude_sent), (3, 2));
        let empty = figures(&FigureInput::default());
        assert_eq!(empty.initiative_share, None);
        assert_eq!(empty.my_keep_rate, None);
    }

    #[test]
    fn goal_change_starts_from_the_value_before_the_period() {
        let mut i = input();
        let g = |id, before, first_in, last_in| GoalProgressFacts {
            goal_id: id,
            title: format!("goal {id}"),
            baseline: Some(0.0),
            target: Some(10.0),
            before,
            first_in,
            last_in,
            updates: 2,
        };
        i.goals = vec![
            g(1, Some(2.0), Some(4.0), Some(5.0)),
            g(2, None, Some(4.0), Some(5.0)), // first ever update in the period
            g(3, Some(2.0), None, None),      // no update in the period: left out
        ];
        let mut no_baseline = g(4, None, Some(4.0), Some(5.0));
        no_baseline.baseline = None;
        i.goals.push(no_baseline);
        let f = figures(&i);
        assert_eq!(f.goals.len(), 3);
        assert_eq!(
            (f.goals[0].from, f.goals[0].to, f.goals[0].change),
            (2.0, 5.0, 3.0)
        );
        assert_eq!(
            (f.goals[0].progress_from, f.goals[0].progress_to),
            (Some(0.2), Some(0.5))
        );
        // The first update ever counts from the baseline…
        assert_eq!((f.goals[1].from, f.goals[1].change), (0.0, 5.0));
        // …and, with no baseline either, from the first value within the period.
        assert_eq!((f.goals[2].from, f.goals[2].change), (4.0, 1.0));
    }

    #[test]
    fn one_first_update_counts_from_the_baseline() {
        let mut i = input();
        i.goals = vec![GoalProgressFacts {
            goal_id: 1,
            title: "talks".into(),
            baseline: Some(0.0),
            target: Some(4.0),
            before: None,
            first_in: Some(1.0),
            last_in: Some(1.0),
            updates: 1,
        }];
        let g = &figures(&i).goals[0];
        assert_eq!((g.from, g.to, g.change), (0.0, 1.0, 1.0));
        assert_eq!((g.progress_from, g.progress_to), (Some(0.0), Some(0.25)));
    }

    #[test]
    fn health_average_pools_the_ratings() {
        let mut i = input();
        i.health = vec![
            HealthFacts {
                mentor_id: 1,
                name: "Ana".into(),
                checks: 2,
                ratings: 4,
                rating_sum: 14.0,
            },
            HealthFacts {
                mentor_id: 2,
                name: "Budi".into(),
                checks: 1,
                ratings: 0,
                rating_sum: 0.0,
            },
        ];
        let f = figures(&i);
        assert_eq!(f.health[0].average, Some(3.5));
        assert_eq!(f.health[1].average, None);
    }
}
