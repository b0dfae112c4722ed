//! The relationship with a mentor over time: the contact log form, the health check (its
//! shipped questions, its form, and when its trend calls for the article's advice), and the
//! closing step that ends a relationship with a thank-you draft.

use chrono::NaiveDate;
use ratatui::text::Line;

use crate::domain::text::clean_line;
use crate::domain::{Contact, Gratitude, HealthCheck, Mentor, MentorStatus, Party};
use crate::i18n::{Label, fill};
use crate::tui::ctx::Ctx;
use crate::tui::effect::SaveError;
use crate::tui::form::Form;
use crate::tui::ui::wrap;

/// Field names of the rating fields, one per question (at most this many questions).
const RATING_FIELDS: [&str; 10] = [
    "rating0", "rating1", "rating2", "rating3", "rating4", "rating5", "rating6", "rating7",
    "rating8", "rating9",
];

#[cfg(test)]
use crate::assets::health_questions::parse_questions;
pub use crate::assets::health_questions::{HealthQuestion, question_label, questions};
use crate::domain::slipping::{HealthTrend, low_health};

/// True when the latest check calls for the article's advice: its average fell below the
/// previous check's, or any rating is 2 or less ([`low_health`]). `checks` are oldest first.
pub fn needs_attention(checks: &[HealthCheck]) -> bool {
    let mut checks = checks.iter().rev().cloned();
    checks.next().is_some_and(|latest| {
        low_health(&HealthTrend {
            latest,
            previous: checks.next(),
        })
        .is_some()
    })
}

/// The contact form: date, channel, who took the initiative, note.
pub fn contact_form(ctx: &Ctx, m: &Mentor) -> Form {
    let t = &ctx.text().mentors;
    let labels = &ctx.text().labels;
    let parties = Party::ALL
        .iter()
        .map(|p| (p.code().to_string(), p.label(labels).to_string()))
        .collect();
    Form::builder(fill!(t.contact_form, name = clean_line(&m.name)))
        .date("on", t.f_on)
        .required("on")
        .value("on", &ctx.today().to_string())
        .line("channel", t.f_channel)
        .value("channel", &m.channel)
        .choice("initiative", t.f_initiative, parties)
        .line("note", t.f_note)
        .toggle("private", t.f_private)
        .checked("private", m.private)
        .build()
}

/// The health-check form: one 1–5 rating per shipped question and a note; the questions in
/// full beside the fields.
pub fn health_form(ctx: &Ctx, m: &Mentor) -> Form {
    let t = &ctx.text().mentors;
    let mut builder = Form::builder(fill!(t.health_form, name = clean_line(&m.name)))
        .date("on", t.f_on)
        .required("on")
        .value("on", &ctx.today().to_string());
    let mut panel = vec![Line::styled(t.health_scale, ctx.theme.title)];
    for (q, name) in questions().iter().zip(RATING_FIELDS) {
        // Not marked required: an empty or bad rating gets the 1–5 message when saving.
        builder = builder.number(name, q.label(ctx.lang));
        panel.push(Line::from(format!("• {}", q.label(ctx.lang))));
        for part in wrap(q.text(ctx.lang), 40, 0) {
            panel.push(Line::styled(format!("  {part}"), ctx.theme.dim));
        }
    }
    let mut form = builder
        .multi("note", t.f_note, 3)
        .toggle("private", t.f_private)
        .checked("private", m.private)
        .build();
    form.set_side_panel(panel);
    form
}

/// The closing form: what went well, and a thank-you draft started from a template.
pub fn close_form(ctx: &Ctx, m: &Mentor) -> Form {
    let t = &ctx.text().mentors;
    let name = clean_line(&m.name);
    Form::builder(fill!(t.close_form, name = name))
        .multi("closing", t.f_closing, 4)
        .required("closing")
        .value("closing", &m.closing_notes)
        .multi("thanks", t.f_thanks, 4)
        .required("thanks")
        .value("thanks", &fill!(t.thanks_template, name = name))
        .build()
}

/// Saves a contact for mentor `mentor_id`.
pub fn save_contact(ctx: &mut Ctx, mentor_id: i64, form: &Form) -> Result<(), SaveError> {
    let today = ctx.today();
    ctx.store.save_contact(&Contact {
        channel: clean_line(form.text("channel").trim()).into_owned(),
        initiative: form.choice("initiative").parse().unwrap_or(Party::Me),
        note: clean_line(form.text("note").trim()).into_owned(),
        private: form.toggle("private"),
        ..Contact::new(mentor_id, form.date("on", today).unwrap_or(today))
    })?;
    Ok(())
}

/// Saves a health check for mentor `mentor_id`; a rating outside 1–5 is refused at its field.
pub fn save_health(ctx: &mut Ctx, mentor_id: i64, form: &Form) -> Result<(), SaveError> {
    let today = ctx.today();
    let mut ratings = Vec::new();
    for (q, name) in questions().iter().zip(RATING_FIELDS) {
        match form.number(name) {
            Some(r) if (1.0..=5.0).contains(&r) && r.fract() == 0.0 => {
                ratings.push((q.code.clone(), r as u8));
            }
            _ => {
                return Err(SaveError::Field {
                    name,
                    message: ctx.text().mentors.rating_bad.to_string(),
                });
            }
        }
    }
    ctx.store.save_health_check(&HealthCheck {
        ratings,
        note: form.text("note"),
        private: form.toggle("private"),
        ..HealthCheck::new(mentor_id, form.date("on", today).unwrap_or(today))
    })?;
    Ok(())
}

/// Ends the relationship: closing notes, status ended, and the thank-you saved as an unsent
/// gratitude entry for the mentor.
pub fn save_close(ctx: &mut Ctx, mentor_id: i64, form: &Form) -> Result<(), SaveError> {
    let today: NaiveDate = ctx.today();
    // Only the fields this form changes are written (`crate::tui::edit`): an edit of the
    // mentor made meanwhile in another window is kept. The app saves both in one transaction.
    let closing = |_: &mut Ctx, form: &Form, m: &mut crate::domain::Mentor| {
        m.closing_notes = form.text("closing");
        Ok(())
    };
    let ended = |ctx: &Ctx, m: &mut crate::domain::Mentor| {
        if m.status != MentorStatus::Ended {
            m.status = MentorStatus::Ended;
            m.status_since = Some(ctx.today());
        }
    };
    crate::tui::edit::save_edit_and(ctx, mentor_id, form, closing, ended)?;
    let m = ctx.store.mentor(mentor_id)?;
    let thanks = Gratitude {
        mentor_id: Some(m.id),
        channel: m.channel.clone(),
        private: m.private,
        ..Gratitude::new(form.text("thanks"), today)
    };
    ctx.store.save_gratitude(&thanks)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn check(day: u32, ratings: &[u8]) -> HealthCheck {
        HealthCheck {
            ratings: ratings.iter().map(|r| ("q".to_string(), *r)).collect(),
            ..HealthCheck::new(
                1,
                NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default(),
            )
        }
    }

    #[test]
    fn the_shipped_questions_are_complete_in_both_languages() {
        let qs = questions();
        let codes: Vec<&str> = qs.iter().map(|q| q.code.as_str()).collect();
        assert_eq!(
            codes,
            ["progress", "feedback", "cadence", "trust", "follow_through"]
        );
        for q in qs {
            for text in [&q.en, &q.id, &q.label_en, &q.label_id] {
                assert!(!text.trim().is_empty(), "{}", q.code);
            }
            assert!(q.label_en.chars().count() <= 13 && q.label_id.chars().count() <= 13);
        }
        assert_eq!(question_label("trust", Lang::Id), "Rasa percaya");
        assert_eq!(question_label("gone", Lang::En), "gone");
    }

    #[test]
    fn attention_when_the_average_declines_or_a_rating_is_low() {
        assert!(!needs_attention(&[]));
        assert!(!needs_attention(&[check(1, &[3, 3])]));
        assert!(needs_attention(&[check(1, &[2, 5])]));
        assert!(!needs_attention(&[check(1, &[3, 4]), check(2, &[4, 4])]));
        assert!(!needs_attention(&[check(1, &[4, 4]), check(2, &[4, 4])]));
        assert!(needs_attention(&[check(1, &[4, 5]), check(2, &[4, 4])]));
    }

    #[test]
    fn a_broken_question_file_gives_no_questions_rather_than_a_crash() {
        assert_eq!(parse_questions("not toml ["), None);
    }
}
