//! The fit scorecard for choosing a mentor: each criterion ([`FitCriterion`]) rated 1–5 with
//! a note, and the side-by-side comparison of the candidates (criteria as rows, candidates as
//! columns, with totals and averages).

use super::kinds::{FitCriterion, MentorStatus};

/// The lowest and highest rating of a criterion.
pub const RATING_MIN: u8 = 1;
/// The highest rating of a criterion.
pub const RATING_MAX: u8 = 5;

/// One criterion's rating and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FitRating {
    /// The criterion's code (see [`FitCriterion`]).
    pub criterion: String,
    /// 1..=5.
    pub rating: u8,
    /// Why this rating (may be empty).
    #[serde(default)]
    pub note: String,
}

/// The scorecard of one mentor (one per mentor).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MentorFit {
    pub id: i64,
    pub uuid: String,
    pub mentor_id: i64,
    pub ratings: Vec<FitRating>,
    pub private: bool,
}

/// A rating outside 1..=5 or an unknown criterion.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FitError {
    #[error("{0:?} is not a fit criterion")]
    UnknownCriterion(String),
    #[error("a rating is 1 to 5, not {0}")]
    Rating(u8),
    #[error("{0:?} is rated twice")]
    Twice(String),
}

impl MentorFit {
    /// The rating of `criterion`, if given.
    pub fn rating(&self, criterion: FitCriterion) -> Option<&FitRating> {
        self.ratings
            .iter()
            .find(|r| r.criterion == criterion.code())
    }

    /// Checks every rating: a known criterion, once, rated 1..=5.
    pub fn check(&self) -> Result<(), FitError> {
        for (i, r) in self.ratings.iter().enumerate() {
            if r.criterion.parse::<FitCriterion>().is_err() {
                return Err(FitError::UnknownCriterion(r.criterion.clone()));
            }
            if !(RATING_MIN..=RATING_MAX).contains(&r.rating) {
                return Err(FitError::Rating(r.rating));
            }
            if self.ratings[..i].iter().any(|o| o.criterion == r.criterion) {
                return Err(FitError::Twice(r.criterion.clone()));
            }
        }
        Ok(())
    }

    /// The sum of the ratings given.
    pub fn total(&self) -> u32 {
        self.ratings.iter().map(|r| u32::from(r.rating)).sum()
    }

    /// The average of the ratings given (`None` when nothing is rated yet).
    pub fn average(&self) -> Option<f64> {
        let n = self.ratings.len();
        (n > 0).then(|| f64::from(self.total()) / n as f64)
    }

    /// The ratings in the criteria's order (unknown codes dropped).
    pub fn sorted(mut self) -> Self {
        self.ratings
            .retain(|r| r.criterion.parse::<FitCriterion>().is_ok());
        self.ratings.sort_by_key(|r| {
            r.criterion
                .parse::<FitCriterion>()
                .map(FitCriterion::index)
                .unwrap_or(usize::MAX)
        });
        self
    }
}

/// True for the mentors a scorecard is for: candidates and approached mentors.
pub fn is_choosing(status: MentorStatus) -> bool {
    matches!(status, MentorStatus::Candidate | MentorStatus::Approached)
}

/// One candidate in the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub mentor_id: i64,
    pub name: String,
    pub status: MentorStatus,
    pub private: bool,
    pub fit: MentorFit,
}

/// The comparison's order: the best average first, then unrated ones, by name.
pub fn rank(candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| {
        let key = |c: &Candidate| c.fit.average().map(|v| -v);
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(c: FitCriterion, rating: u8) -> FitRating {
        FitRating {
            criterion: c.code().into(),
            rating,
            note: String::new(),
        }
    }

    fn fit(ratings: Vec<FitRating>) -> MentorFit {
        MentorFit {
            ratings,
            ..MentorFit::default()
        }
    }

    #[test]
    fn totals_and_averages_count_only_rated_criteria() {
        let f = fit(vec![
            r(FitCriterion::Goals, 5),
            r(FitCriterion::Listening, 4),
            r(FitCriterion::Availability, 2),
        ]);
        assert_eq!(f.total(), 11);
        assert!((f.average().unwrap() - 11.0 / 3.0).abs() < 1e-9);
        assert_eq!(fit(vec![]).average(), None);
        assert_eq!(fit(vec![]).total(), 0);
    }

    #[test]
    fn check_refuses_bad_ratings() {
        assert_eq!(
            fit(vec![r(FitCriterion::Goals, 0)]).check(),
            Err(FitError::Rating(0))
        );
        assert_eq!(
            fit(vec![r(FitCriterion::Goals, 6)]).check(),
            Err(FitError::Rating(6))
        );
        assert!(matches!(
            fit(vec![r(FitCriterion::Goals, 3), r(FitCriterion::Goals, 4)]).check(),
            Err(FitError::Twice(_))
        ));
        let mut odd = fit(vec![r(FitCriterion::Goals, 3)]);
        odd.ratings[0].criterion = "charm".into();
        assert!(matches!(odd.check(), Err(FitError::UnknownCriterion(_))));
        assert_eq!(fit(vec![r(FitCriterion::Invested, 1)]).check(), Ok(()));
    }

    #[test]
    fn sorted_follows_the_criteria_order() {
        let f = fit(vec![
            r(FitCriterion::Invested, 3),
            r(FitCriterion::Goals, 4),
        ])
        .sorted();
        assert_eq!(f.ratings[0].criterion, "goals");
        assert_eq!(f.ratings[1].criterion, "invested");
    }

    #[test]
    fn candidates_rank_by_average_then_name() {
        let c = |name: &str, ratings| Candidate {
            mentor_id: 0,
            name: name.into(),
            status: MentorStatus::Candidate,
            private: false,
            fit: fit(ratings),
        };
        let mut list = vec![
            c("Zoe", vec![]),
            c("bob", vec![r(FitCriterion::Goals, 3)]),
            c("Ana", vec![r(FitCriterion::Goals, 3)]),
            c(
                "Eko",
                vec![r(FitCriterion::Goals, 5), r(FitCriterion::Listening, 4)],
            ),
        ];
        rank(&mut list);
        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Eko", "Ana", "bob", "Zoe"]);
        assert!(is_choosing(MentorStatus::Approached));
        assert!(!is_choosing(MentorStatus::Active));
    }
}
