//! A slipping relationship: a relationship health check that came out low.
//!
//! Pure. A check is low when any rating is 2 or less ([`LOW_RATING`]), or when its average
//! fell against the check before it (a single check has nothing to fall from). The questions
//! named are the ones rated 2 or less and the ones rated lower than last time. It stays
//! pending until a meeting is held after it (a check made on a meeting's day counts as made
//! after that meeting: the next one should take it up). Then:
//! - the next planned meeting with the mentor gets the agenda suggestion "How is our
//!   mentoring going?" ([`crate::domain::suggest`]);
//! - with no meeting planned, Today offers to plan one ([`crate::domain::nudges`], active
//!   mentors only).

use chrono::NaiveDate;

use super::records::HealthCheck;

/// A rating at or below this is low on its own.
pub const LOW_RATING: u8 = 2;

/// A mentor's latest health check and the one before it.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthTrend {
    pub latest: HealthCheck,
    pub previous: Option<HealthCheck>,
}

/// A low health check: what to talk about.
#[derive(Debug, Clone, PartialEq)]
pub struct LowHealth {
    pub check_id: i64,
    pub mentor_id: i64,
    pub on: NaiveDate,
    /// The questions rated low or lower than last time, with their rating, in asked order.
    pub questions: Vec<(String, u8)>,
    /// The average fell against the previous check.
    pub fell: bool,
    /// The check is private (so is what it suggests).
    pub private: bool,
}

/// The low check in `trend`, if its latest check is low.
pub fn low_health(trend: &HealthTrend) -> Option<LowHealth> {
    let latest = &trend.latest;
    let before = trend.previous.as_ref();
    let fell = match (latest.average(), before.and_then(HealthCheck::average)) {
        (Some(now), Some(then)) => now < then - 1e-9,
        _ => false,
    };
    let previous_rating = |code: &str| {
        before.and_then(|p| p.ratings.iter().find(|(q, _)| q == code).map(|(_, r)| *r))
    };
    let questions: Vec<(String, u8)> = latest
        .ratings
        .iter()
        .filter(|(q, r)| *r <= LOW_RATING || (fell && previous_rating(q).is_some_and(|p| *r < p)))
        .cloned()
        .collect();
    let any_low = latest.ratings.iter().any(|(_, r)| *r <= LOW_RATING);
    (fell || any_low).then_some(LowHealth {
        check_id: latest.id,
        mentor_id: latest.mentor_id,
        on: latest.on,
        questions,
        fell,
        private: latest.private,
    })
}

/// Whether a low check from `on` is still to be talked about, given the day of the latest
/// meeting held with the mentor (before the meeting being prepared, for an agenda).
pub fn pending(on: NaiveDate, last_held: Option<NaiveDate>) -> bool {
    last_held.is_none_or(|held| held <= on)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn check(id: i64, on: NaiveDate, ratings: &[(&str, u8)]) -> HealthCheck {
        HealthCheck {
            id,
            ratings: ratings.iter().map(|(q, r)| (q.to_string(), *r)).collect(),
            ..HealthCheck::new(7, on)
        }
    }

    fn trend(latest: HealthCheck, previous: Option<HealthCheck>) -> HealthTrend {
        HealthTrend { latest, previous }
    }

    #[test]
    fn a_falling_average_names_the_questions_that_fell() {
        let before = check(
            1,
            d(8, 1),
            &[("progress", 4), ("trust", 5), ("feedback", 3)],
        );
        let now = check(
            2,
            d(11, 1),
            &[("progress", 3), ("trust", 5), ("feedback", 3)],
        );
        let low = low_health(&trend(now, Some(before))).expect("the average fell");
        assert!(low.fell);
        assert_eq!(low.questions, [("progress".to_string(), 3)]);
        assert_eq!((low.check_id, low.mentor_id, low.on), (2, 7, d(11, 1)));
    }

    #[test]
    fn a_steady_or_rising_average_with_no_low_rating_is_fine() {
        let before = check(1, d(8, 1), &[("progress", 3), ("trust", 4)]);
        let same = check(2, d(11, 1), &[("progress", 4), ("trust", 3)]);
        assert_eq!(low_health(&trend(same, Some(before.clone()))), None);
        let better = check(3, d(11, 1), &[("progress", 4), ("trust", 4)]);
        assert_eq!(low_health(&trend(better, Some(before))), None);
    }

    #[test]
    fn a_rating_of_two_or_less_is_low_even_when_the_average_rose() {
        let before = check(1, d(8, 1), &[("progress", 1), ("trust", 2)]);
        let now = check(2, d(11, 1), &[("progress", 5), ("trust", 2)]);
        let low = low_health(&trend(now, Some(before))).expect("trust is rated 2");
        assert!(!low.fell);
        assert_eq!(low.questions, [("trust".to_string(), 2)]);
        let three = check(3, d(11, 1), &[("progress", 3), ("trust", 3)]);
        assert_eq!(low_health(&trend(three, None)), None, "3 is not low");
    }

    #[test]
    fn one_check_only_is_low_by_its_ratings_alone() {
        let only = check(
            1,
            d(11, 1),
            &[("progress", 4), ("trust", 1), ("feedback", 2)],
        );
        let low = low_health(&trend(only, None)).expect("two low ratings");
        assert!(!low.fell);
        assert_eq!(
            low.questions,
            [("trust".to_string(), 1), ("feedback".to_string(), 2)]
        );
        let good = check(2, d(11, 1), &[("progress", 4), ("trust", 4)]);
        assert_eq!(low_health(&trend(good, None)), None, "nothing to fall from");
        let empty = check(3, d(11, 1), &[]);
        assert_eq!(low_health(&trend(empty, None)), None, "nothing rated");
    }

    #[test]
    fn pending_until_a_meeting_is_held_after_the_check() {
        assert!(pending(d(11, 1), None));
        assert!(pending(d(11, 1), Some(d(10, 20))));
        assert!(
            pending(d(11, 1), Some(d(11, 1))),
            "the check followed the meeting"
        );
        assert!(!pending(d(11, 1), Some(d(11, 2))));
    }
}
