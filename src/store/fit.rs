//! The fit scorecard of candidate and approached mentors (`mentor_fit`, one row per mentor,
//! ratings as JSON) and the candidates to compare side by side.

use rusqlite::{OptionalExtension, params};

use super::sql::{now_stamp, uuid_or_new};
use super::{Result, Store, StoreError};
use crate::domain::fit::{Candidate, FitRating, MentorFit, rank};
use crate::domain::{MentorStatus, Relationship};

impl Store {
    /// The scorecard of mentor `mentor_id` (`None` when none was written).
    pub fn mentor_fit(&self, mentor_id: i64) -> Result<Option<MentorFit>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, uuid, mentor_id, ratings, private FROM mentor_fit WHERE mentor_id = ?1",
            )?
            .query_row([mentor_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            })
            .optional()?;
        row.map(|(id, uuid, mentor_id, ratings, private)| {
            Ok(MentorFit {
                id,
                uuid,
                mentor_id,
                ratings: parse_ratings(&ratings)?,
                private,
            }
            .sorted())
        })
        .transpose()
    }

    /// Writes the scorecard of `fit.mentor_id` (one per mentor: a second save replaces the
    /// ratings); returns its row id. Ratings are checked (known criteria, once, 1..=5).
    pub fn save_mentor_fit(&self, fit: &MentorFit) -> Result<i64> {
        fit.check()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let ratings =
            serde_json::to_string(&fit.ratings).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let now = now_stamp();
        self.conn.execute(
            "INSERT INTO mentor_fit (uuid, created_at, updated_at, private, mentor_id, ratings)
             VALUES (?1, ?2, ?2, ?3, ?4, ?5)
             ON CONFLICT (mentor_id) DO UPDATE SET updated_at = excluded.updated_at,
                 private = excluded.private, ratings = excluded.ratings",
            params![
                uuid_or_new(&fit.uuid),
                now,
                fit.private,
                fit.mentor_id,
                ratings
            ],
        )?;
        Ok(self.conn.query_row(
            "SELECT id FROM mentor_fit WHERE mentor_id = ?1",
            [fit.mentor_id],
            |r| r.get(0),
        )?)
    }

    /// Every candidate and approached mentor with their scorecard (empty when none), the
    /// best average first (see [`rank`]).
    pub fn candidates(&self) -> Result<Vec<Candidate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.name, m.status, m.private, f.id, f.uuid, f.ratings, f.private
             FROM mentors m LEFT JOIN mentor_fit f ON f.mentor_id = m.id
             WHERE m.status IN ('candidate', 'approached')",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, MentorStatus>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<bool>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mentor_id, name, status, private, fit_id, uuid, ratings, fit_private) = row?;
            let fit = MentorFit {
                id: fit_id.unwrap_or(0),
                uuid: uuid.unwrap_or_default(),
                mentor_id,
                ratings: parse_ratings(ratings.as_deref().unwrap_or("[]"))?,
                private: fit_private.unwrap_or(false),
            }
            .sorted();
            out.push(Candidate {
                mentor_id,
                name,
                status,
                private: private || fit.private,
                fit,
            });
        }
        rank(&mut out);
        Ok(out)
    }

    /// Mentors of one kind of relationship (all of them for `None`), in pipeline order.
    pub fn mentors_of_kind(
        &self,
        kind: Option<Relationship>,
    ) -> Result<Vec<crate::domain::Mentor>> {
        let mut all = self.mentors()?;
        if let Some(kind) = kind {
            all.retain(|m| m.relationship == kind);
        }
        Ok(all)
    }
}

/// The JSON ratings column; a damaged one is an error naming the table, not a panic.
fn parse_ratings(json: &str) -> Result<Vec<FitRating>> {
    serde_json::from_str(json).map_err(|e| StoreError::Invalid(format!("mentor_fit.ratings: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{FitCriterion, Mentor};

    fn rating(c: FitCriterion, rating: u8, note: &str) -> FitRating {
        FitRating {
            criterion: c.code().into(),
            rating,
            note: note.into(),
        }
    }

    #[test]
    fn a_scorecard_is_saved_replaced_and_compared() {
        let store = Store::open_in_memory().unwrap();
        let mut ana = Mentor::new("Ana");
        ana.relationship = Relationship::Coach;
        let ana = store.save_mentor(&ana).unwrap();
        let mut budi = Mentor::new("Budi");
        budi.status = MentorStatus::Approached;
        let budi = store.save_mentor(&budi).unwrap();
        let mut eko = Mentor::new("Eko");
        eko.status = MentorStatus::Active;
        store.save_mentor(&eko).unwrap();
        assert_eq!(store.mentor(ana).unwrap().relationship, Relationship::Coach);

        let mut fit = MentorFit {
            mentor_id: ana,
            ratings: vec![rating(FitCriterion::Listening, 3, "kind")],
            ..MentorFit::default()
        };
        let id = store.save_mentor_fit(&fit).unwrap();
        fit.ratings = vec![
            rating(FitCriterion::Invested, 2, ""),
            rating(FitCriterion::Goals, 4, "exactly my goals"),
        ];
        assert_eq!(store.save_mentor_fit(&fit).unwrap(), id, "one per mentor");
        let saved = store.mentor_fit(ana).unwrap().unwrap();
        assert_eq!(saved.ratings[0].criterion, "goals");
        assert_eq!(saved.total(), 6);
        fit.ratings = vec![rating(FitCriterion::Goals, 9, "")];
        assert!(store.save_mentor_fit(&fit).is_err(), "ratings are 1..=5");
        store
            .save_mentor_fit(&MentorFit {
                mentor_id: budi,
                ratings: vec![rating(FitCriterion::Goals, 5, "")],
                ..MentorFit::default()
            })
            .unwrap();

        let list = store.candidates().unwrap();
        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Budi", "Ana"], "active mentors are not candidates");
        assert_eq!(
            store
                .mentors_of_kind(Some(Relationship::Coach))
                .unwrap()
                .len(),
            1
        );
        assert_eq!(store.mentors_of_kind(None).unwrap().len(), 3);
    }
}
