//! The one set of limits every entry point applies: whatever the app accepts — typed into a
//! form, pasted, read back from `$EDITOR`, given to `mentee add` or imported — it can export and
//! import again, and the other parts of the app can compute with it without overflowing.
//!
//! Each limit has one check function and one message ([`Breach`], worded in the `trust`
//! catalog), so a form field, the command line, the store and the import validator say the
//! same thing. A form field calls e.g. `limits::check_text("contact", &text)`; the store calls
//! [`WithinLimits::check_limits`] on every record it inserts or updates, so no entry point can
//! bypass them.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::records::*;
use super::text::clean_line;

/// The longest text accepted in one field, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// The first supported calendar day.
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("1900-01-01 is a date"),
};

/// The last supported calendar day: four-digit years keep dates sortable as text.
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => panic!("9999-12-31 is a date"),
};

/// The largest magnitude of a measured number (goal baseline, target, progress value): a
/// million billion, so every whole number in range is exact and sums stay finite.
pub const MAX_NUMBER: f64 = 1e15;

/// An inclusive range of whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: i64,
    pub max: i64,
}

/// A meeting's length in minutes: up to a whole day.
pub const MEETING_MINUTES: Range = Range { min: 1, max: 1440 };
/// An agenda item's time box in minutes (0 = no time needed).
pub const ITEM_MINUTES: Range = Range { min: 0, max: 1440 };
/// How often to meet a mentor, in days: up to ten years.
pub const CADENCE_DAYS: Range = Range { min: 1, max: 3660 };
/// A health-check rating.
pub const RATING: Range = Range { min: 1, max: 5 };
/// An agenda item's position in its agenda.
pub const POSITION: Range = Range {
    min: -1_000_000_000,
    max: 1_000_000_000,
};

/// What is wrong with a value. Values are kept as text so a message can quote them exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breach {
    /// A text longer than [`MAX_TEXT_CHARS`]: (its length in characters, the limit).
    TooLong { chars: usize, max: usize },
    /// A text that must say something is blank.
    Blank,
    /// A date (or the day of a time or timestamp) outside [`MIN_DATE`]..=[`MAX_DATE`].
    DateOutOfRange(String),
    /// A whole number outside its [`Range`].
    OutOfRange { value: String, min: i64, max: i64 },
    /// A measured number beyond ±[`MAX_NUMBER`] (or not finite).
    NumberOutOfRange(String),
}

impl fmt::Display for Breach {
    /// The English message; every language's is in the `trust` catalog
    /// ([`crate::i18n::TrustText::breach`]), whose English matches this one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Breach::TooLong { chars, max } => {
                write!(f, "text of {chars} characters is over the limit of {max}")
            }
            Breach::Blank => f.write_str("must not be empty"),
            Breach::DateOutOfRange(date) => write!(
                f,
                "{} is outside the supported dates ({MIN_DATE} to {MAX_DATE})",
                clean_line(date)
            ),
            Breach::OutOfRange { value, min, max } => write!(
                f,
                "{} is outside the accepted range {min} to {max}",
                clean_line(value)
            ),
            Breach::NumberOutOfRange(value) => write!(
                f,
                "{} is outside the accepted range -{MAX_NUMBER:e} to {MAX_NUMBER:e}",
                clean_line(value)
            ),
        }
    }
}

/// A value over a limit, with the field it was given for (`name`, `contact`, `due`…).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {breach}")]
pub struct LimitError {
    pub field: &'static str,
    pub breach: Breach,
}

fn breach(field: &'static str, breach: Breach) -> LimitError {
    LimitError { field, breach }
}

/// Free text: at most [`MAX_TEXT_CHARS`] characters.
pub fn check_text(field: &'static str, text: &str) -> Result<(), LimitError> {
    // Bytes bound characters from above: most texts are decided without counting.
    if text.len() <= MAX_TEXT_CHARS {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(breach(
            field,
            Breach::TooLong {
                chars,
                max: MAX_TEXT_CHARS,
            },
        ));
    }
    Ok(())
}

/// A name, title or item text: not blank, and at most [`MAX_TEXT_CHARS`] characters.
pub fn check_title(field: &'static str, text: &str) -> Result<(), LimitError> {
    if text.trim().is_empty() {
        return Err(breach(field, Breach::Blank));
    }
    check_text(field, text)
}

/// True when `day` is a supported date.
pub fn date_in_range(day: NaiveDate) -> bool {
    (MIN_DATE..=MAX_DATE).contains(&day)
}

/// A calendar date within [`MIN_DATE`]..=[`MAX_DATE`].
pub fn check_date(field: &'static str, day: NaiveDate) -> Result<(), LimitError> {
    if date_in_range(day) {
        Ok(())
    } else {
        Err(breach(field, Breach::DateOutOfRange(day.to_string())))
    }
}

/// An optional date: none, or a supported one.
pub fn check_opt_date(field: &'static str, day: Option<NaiveDate>) -> Result<(), LimitError> {
    day.map_or(Ok(()), |d| check_date(field, d))
}

/// A local time whose day is a supported date.
pub fn check_time(field: &'static str, at: NaiveDateTime) -> Result<(), LimitError> {
    if date_in_range(at.date()) {
        Ok(())
    } else {
        Err(breach(field, Breach::DateOutOfRange(at.to_string())))
    }
}

/// A timestamp (`created_at`, `updated_at`) whose UTC day is a supported date.
pub fn check_stamp(field: &'static str, at: DateTime<Utc>) -> Result<(), LimitError> {
    if date_in_range(at.date_naive()) {
        Ok(())
    } else {
        Err(breach(field, Breach::DateOutOfRange(at.to_rfc3339())))
    }
}

/// A whole number within `range`.
pub fn check_int(field: &'static str, value: i64, range: Range) -> Result<(), LimitError> {
    if (range.min..=range.max).contains(&value) {
        Ok(())
    } else {
        Err(breach(
            field,
            Breach::OutOfRange {
                value: value.to_string(),
                min: range.min,
                max: range.max,
            },
        ))
    }
}

/// An optional whole number: none, or one within `range`.
pub fn check_opt_int(
    field: &'static str,
    value: Option<impl Into<i64>>,
    range: Range,
) -> Result<(), LimitError> {
    value.map_or(Ok(()), |v| check_int(field, v.into(), range))
}

/// A measured number: finite, and within ±[`MAX_NUMBER`].
pub fn check_number(field: &'static str, value: f64) -> Result<(), LimitError> {
    if value.is_finite() && value.abs() <= MAX_NUMBER {
        Ok(())
    } else {
        // Shortest form that reads back the same: 1e300, not three hundred digits.
        let shown =
            serde_json::Number::from_f64(value).map_or(value.to_string(), |n| n.to_string());
        Err(breach(field, Breach::NumberOutOfRange(shown)))
    }
}

/// An optional measured number.
pub fn check_opt_number(field: &'static str, value: Option<f64>) -> Result<(), LimitError> {
    value.map_or(Ok(()), |v| check_number(field, v))
}

/// A record whose every field is within the limits. The store checks this before every insert
/// and update; a form can check a whole record before saving it.
pub trait WithinLimits {
    /// The first field over a limit, if any.
    fn check_limits(&self) -> Result<(), LimitError>;
}

impl WithinLimits for Mentor {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_title("name", &self.name)?;
        for (field, text) in [
            ("contact", &self.contact),
            ("expertise", &self.expertise),
            ("why_them", &self.why_them),
            ("research_notes", &self.research_notes),
            ("pitch_draft", &self.pitch_draft),
            ("goals_covered", &self.goals_covered),
            ("channel", &self.channel),
            ("closing_notes", &self.closing_notes),
            ("agreement_notes", &self.agreement_notes),
        ] {
            check_text(field, text)?;
        }
        check_opt_date("status_since", self.status_since)?;
        check_opt_int("cadence_days", self.cadence_days, CADENCE_DAYS)?;
        check_opt_date("expected_end", self.expected_end)?;
        check_opt_date("review_on", self.review_on)
    }
}

impl WithinLimits for Contact {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_date("on_date", self.on)?;
        check_text("channel", &self.channel)?;
        check_text("note", &self.note)
    }
}

impl WithinLimits for HealthCheck {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_date("on_date", self.on)?;
        for (question, rating) in &self.ratings {
            check_title("question", question)?;
            check_int("rating", i64::from(*rating), RATING)?;
        }
        check_text("note", &self.note)
    }
}

impl WithinLimits for Goal {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_title("title", &self.title)?;
        for (field, text) in [
            ("specific", &self.specific),
            ("metric", &self.metric),
            ("unit", &self.unit),
            ("achievable", &self.achievable),
            ("relevant", &self.relevant),
        ] {
            check_text(field, text)?;
        }
        check_opt_number("baseline", self.baseline)?;
        check_opt_number("target", self.target)?;
        check_opt_date("due_on", self.due)
    }
}

impl WithinLimits for ProgressUpdate {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_date("on_date", self.on)?;
        check_number("value", self.value)?;
        check_text("note", &self.note)
    }
}

impl WithinLimits for GoalRevision {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_date("on_date", self.on)?;
        check_text("old_value", &self.old_value)?;
        check_text("new_value", &self.new_value)?;
        check_text("reason", &self.reason)
    }
}

impl WithinLimits for Meeting {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_time("starts_at", self.starts_at)?;
        check_int("minutes", i64::from(self.minutes), MEETING_MINUTES)?;
        check_text("channel", &self.channel)?;
        check_text("notes", &self.notes)
    }
}

impl WithinLimits for AgendaItem {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_title("text", &self.text)?;
        check_text("outcome", &self.outcome)?;
        check_opt_int("minutes", self.minutes, ITEM_MINUTES)?;
        check_int("position", self.position, POSITION)?;
        check_text("note", &self.note)?;
        check_text("source", self.source.as_deref().unwrap_or_default())
    }
}

impl WithinLimits for Question {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_title("text", &self.text)
    }
}

impl WithinLimits for Feedback {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_date("received_on", self.received_on)?;
        check_title("text", &self.text)?;
        check_text("reaction", &self.reaction)
    }
}

impl WithinLimits for Commitment {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_title("text", &self.text)?;
        check_opt_date("due_on", self.due)?;
        check_opt_date("done_on", self.done_on)?;
        check_text("result", &self.result)?;
        check_opt_date("reported_on", self.reported_on)?;
        check_date("created_on", self.created_on)
    }
}

impl WithinLimits for Gratitude {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_date("on_date", self.on)?;
        check_title("what_for", &self.what_for)?;
        check_text("channel", &self.channel)
    }
}

impl WithinLimits for super::win::Win {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_date("on_date", self.on)?;
        check_title("what", &self.what)?;
        check_text("evidence", &self.evidence)
    }
}

impl WithinLimits for Reflection {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_date("period_start", self.period_start)?;
        check_text("template", &self.template)?;
        for (prompt, answer) in &self.answers {
            check_title("prompt", prompt)?;
            check_text("answer", answer)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn text_at_and_over_the_limit() {
        assert!(check_text("note", &"x".repeat(MAX_TEXT_CHARS)).is_ok());
        // Multi-byte characters count as one each.
        assert!(check_text("note", &"é".repeat(MAX_TEXT_CHARS)).is_ok());
        let err = check_text("note", &"é".repeat(MAX_TEXT_CHARS + 1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "note: text of 100001 characters is over the limit of 100000"
        );
        assert_eq!(check_title("name", "  ").unwrap_err().breach, Breach::Blank);
    }

    #[test]
    fn dates_times_and_stamps_have_one_range() {
        assert!(check_date("due", MIN_DATE).is_ok());
        assert!(check_date("due", MAX_DATE).is_ok());
        let err = check_date("due", d(1899, 12, 31)).unwrap_err();
        assert_eq!(
            err.breach.to_string(),
            "1899-12-31 is outside the supported dates (1900-01-01 to 9999-12-31)"
        );
        assert!(check_date("due", d(10000, 1, 1)).is_err());
        let late = d(9999, 12, 31).and_hms_opt(23, 59, 0).unwrap();
        assert!(check_time("starts_at", late).is_ok());
        let stamp = DateTime::parse_from_rfc3339("0000-01-01T00:00:00+01:00").unwrap();
        assert!(check_stamp("created_at", stamp.to_utc()).is_err());
    }

    #[test]
    fn numbers_and_ranges() {
        assert!(check_int("minutes", 1440, MEETING_MINUTES).is_ok());
        let err = check_int("minutes", 4_294_967_295, ITEM_MINUTES).unwrap_err();
        assert_eq!(
            err.breach.to_string(),
            "4294967295 is outside the accepted range 0 to 1440"
        );
        assert!(check_number("value", -MAX_NUMBER).is_ok());
        assert!(check_number("value", f64::NAN).is_err());
        assert!(check_number("value", 1e16).is_err());
    }

    #[test]
    fn records_are_checked_field_by_field() {
        let mut m = Mentor::new("Ana");
        assert!(m.check_limits().is_ok());
        m.cadence_days = Some(0);
        assert_eq!(m.check_limits().unwrap_err().field, "cadence_days");
        m.cadence_days = Some(14);
        m.review_on = Some(d(20000, 1, 1));
        assert_eq!(m.check_limits().unwrap_err().field, "review_on");
    }
}
