//! The fit scorecard form (`s` on a candidate or an approached mentor): each criterion of
//! [`FitCriterion`] rated 1–5, or left empty while you do not know yet, with a note on why;
//! saved through [`Store::save_mentor_fit`](crate::store::Store::save_mentor_fit), one
//! scorecard per mentor.

use crate::domain::fit::{FitRating, MentorFit, RATING_MAX, RATING_MIN, is_choosing};
use crate::domain::text::clean_line;
use crate::domain::{FitCriterion, Mentor};
use crate::i18n::fill;
use crate::tui::ctx::Ctx;
use crate::tui::effect::SaveError;
use crate::tui::form::Form;

/// The note field of each criterion, in the order of [`FitCriterion::ALL`] (the rating
/// field is named by the criterion's code).
const NOTE_FIELDS: [&str; 8] = [
    "goals_note",
    "availability_note",
    "communication_note",
    "learning_style_note",
    "experience_note",
    "listening_note",
    "honest_feedback_note",
    "invested_note",
];

/// The note field of criterion `c`.
fn note_field(c: FitCriterion) -> &'static str {
    NOTE_FIELDS.get(c.index()).copied().unwrap_or("note")
}

/// True when mentor `m` can be given a scorecard: a candidate or an approached mentor.
pub fn can_score(m: &Mentor) -> bool {
    is_choosing(m.status)
}

/// The scorecard form of mentor `m`, filled from `fit` (its saved scorecard, if any).
pub fn fit_form(ctx: &Ctx, m: &Mentor, fit: Option<&MentorFit>) -> Form {
    let t = &ctx.text().fit;
    let mut builder = Form::builder(fill!(t.form_title, name = clean_line(&m.name)));
    for c in FitCriterion::ALL.iter().copied() {
        let saved = fit.and_then(|f| f.rating(c));
        let rating = saved.map(|r| r.rating.to_string()).unwrap_or_default();
        let note = saved.map(|r| r.note.as_str()).unwrap_or_default();
        builder = builder
            .number(c.code(), t.criterion(c))
            .value(c.code(), &rating)
            .hint(c.code(), t.rating_hint)
            .line(note_field(c), format!("  {}", t.note))
            .value(note_field(c), note);
    }
    // A new scorecard starts as private as its mentor.
    let private = fit.map_or(m.private, |f| f.private);
    builder
        .toggle("private", ctx.text().mentors.f_private)
        .checked("private", private)
        .build()
}

/// The ratings the form holds: a criterion left empty is not rated; a rating must be a
/// whole number from 1 to 5, and a note needs a rating (else the note would be lost).
pub fn ratings(ctx: &Ctx, form: &Form) -> Result<Vec<FitRating>, SaveError> {
    let mut out = Vec::new();
    for c in FitCriterion::ALL.iter().copied() {
        let raw = form.text(c.code());
        let note = form.text(note_field(c)).trim().to_string();
        if raw.trim().is_empty() && note.is_empty() {
            continue;
        }
        let bounds = f64::from(RATING_MIN)..=f64::from(RATING_MAX);
        match form.number(c.code()) {
            Some(r) if bounds.contains(&r) && r.fract() == 0.0 => out.push(FitRating {
                criterion: c.code().to_string(),
                rating: r as u8,
                note,
            }),
            _ => {
                return Err(SaveError::Field {
                    name: c.code(),
                    message: ctx.text().fit.rating_bad.to_string(),
                });
            }
        }
    }
    Ok(out)
}

/// Saves the scorecard of mentor `mentor_id` (replacing the one it had, keeping its uuid).
pub fn save_fit(ctx: &mut Ctx, mentor_id: i64, form: &Form) -> Result<(), SaveError> {
    let ratings = ratings(ctx, form)?;
    let uuid = ctx
        .store
        .mentor_fit(mentor_id)?
        .map(|f| f.uuid)
        .unwrap_or_default();
    ctx.store.save_mentor_fit(&MentorFit {
        uuid,
        mentor_id,
        ratings,
        private: form.toggle("private"),
        ..MentorFit::default()
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_note_field_per_criterion() {
        assert_eq!(NOTE_FIELDS.len(), FitCriterion::ALL.len());
        for c in FitCriterion::ALL {
            assert_eq!(note_field(*c), format!("{}_note", c.code()));
        }
    }
}
