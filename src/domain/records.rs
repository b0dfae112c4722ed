//! The journal's records as plain Rust values, one struct per record kind.
//!
//! `id` is the SQLite row id (0 for a record not yet saved); `uuid` is the stable identity that
//! export and import use to merge journals across machines. Dates are calendar days; meeting
//! times are local wall-clock times, because a mentee thinks of "Tuesday at 23:30" in their
//! own time zone.

use chrono::{NaiveDate, NaiveDateTime};

use super::kinds::*;

/// A mentor or a candidate mentor, with the mentoring agreement once active.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentor {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub contact: String,
    pub expertise: String,
    pub why_them: String,
    pub research_notes: String,
    pub pitch_draft: String,
    pub status: MentorStatus,
    /// When the status last changed (used for "approached a week ago, no reply").
    pub status_since: Option<NaiveDate>,
    /// The agreement: which goals the mentoring covers.
    pub goals_covered: String,
    /// The agreement: how often to meet, in days.
    pub cadence_days: Option<u32>,
    /// The agreement: expected end of the relationship.
    pub expected_end: Option<NaiveDate>,
    /// The agreement: preferred channel (video call, coffee, chat…).
    pub channel: String,
    /// The agreement: when to review how it is going.
    pub review_on: Option<NaiveDate>,
    /// The closing step: what went well.
    pub closing_notes: String,
    /// What the kick-off agreed beyond the fields above (confidentiality, how feedback is
    /// given, expectations).
    pub agreement_notes: String,
    /// The kind of relationship (mentor, coach, sponsor, peer, reverse mentor).
    pub relationship: Relationship,
    pub private: bool,
}

impl Mentor {
    /// A new candidate with only a name.
    pub fn new(name: impl Into<String>) -> Self {
        Mentor {
            id: 0,
            uuid: String::new(),
            name: name.into(),
            contact: String::new(),
            expertise: String::new(),
            why_them: String::new(),
            research_notes: String::new(),
            pitch_draft: String::new(),
            status: MentorStatus::Candidate,
            status_since: None,
            goals_covered: String::new(),
            cadence_days: None,
            expected_end: None,
            channel: String::new(),
            review_on: None,
            closing_notes: String::new(),
            agreement_notes: String::new(),
            relationship: Relationship::Mentor,
            private: false,
        }
    }
}

/// One contact with a mentor, for the "be proactive" figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub id: i64,
    pub uuid: String,
    pub mentor_id: i64,
    pub on: NaiveDate,
    pub channel: String,
    pub initiative: Party,
    pub note: String,
    pub private: bool,
}

impl Contact {
    /// A contact I initiated with mentor `mentor_id` on `on`, with no channel or note yet.
    pub fn new(mentor_id: i64, on: NaiveDate) -> Self {
        Contact {
            id: 0,
            uuid: String::new(),
            mentor_id,
            on,
            channel: String::new(),
            initiative: Party::Me,
            note: String::new(),
            private: false,
        }
    }
}

/// A periodic relationship health check: 1–5 ratings per shipped question and a note.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthCheck {
    pub id: i64,
    pub uuid: String,
    pub mentor_id: i64,
    pub on: NaiveDate,
    /// (question code, rating 1–5), in the order of the shipped question list.
    pub ratings: Vec<(String, u8)>,
    pub note: String,
    pub private: bool,
}

impl HealthCheck {
    /// A health check of the relationship with mentor `mentor_id` on `on`, not yet rated.
    pub fn new(mentor_id: i64, on: NaiveDate) -> Self {
        HealthCheck {
            id: 0,
            uuid: String::new(),
            mentor_id,
            on,
            ratings: Vec::new(),
            note: String::new(),
            private: false,
        }
    }

    /// The mean rating, or `None` when nothing was rated.
    pub fn average(&self) -> Option<f64> {
        if self.ratings.is_empty() {
            return None;
        }
        let sum: u32 = self.ratings.iter().map(|(_, r)| u32::from(*r)).sum();
        Some(f64::from(sum) / self.ratings.len() as f64)
    }
}

/// A SMART goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: i64,
    pub uuid: String,
    pub title: String,
    pub specific: String,
    pub metric: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub unit: String,
    pub achievable: String,
    pub relevant: String,
    pub due: Option<NaiveDate>,
    pub area: GoalArea,
    pub status: GoalStatus,
    pub mentor_id: Option<i64>,
    pub private: bool,
}

impl Goal {
    /// A new, empty active goal in the skills area.
    pub fn new(title: impl Into<String>) -> Self {
        Goal {
            id: 0,
            uuid: String::new(),
            title: title.into(),
            specific: String::new(),
            metric: String::new(),
            baseline: None,
            target: None,
            unit: String::new(),
            achievable: String::new(),
            relevant: String::new(),
            due: None,
            area: GoalArea::Skills,
            status: GoalStatus::Active,
            mentor_id: None,
            private: false,
        }
    }

    /// Progress from baseline to target as a ratio in 0..=1, given the latest measured value.
    pub fn progress(&self, latest: Option<f64>) -> Option<f64> {
        let (base, target, value) = (self.baseline?, self.target?, latest?);
        let span = target - base;
        if span.abs() < f64::EPSILON {
            return Some(if (value - target).abs() < f64::EPSILON {
                1.0
            } else {
                0.0
            });
        }
        Some(((value - base) / span).clamp(0.0, 1.0))
    }
}

/// One measurement of a goal's metric.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressUpdate {
    pub id: i64,
    pub uuid: String,
    pub goal_id: i64,
    pub on: NaiveDate,
    pub value: f64,
    pub note: String,
}

impl ProgressUpdate {
    /// The value `value` of goal `goal_id`'s metric on `on`, without a note.
    pub fn new(goal_id: i64, on: NaiveDate, value: f64) -> Self {
        ProgressUpdate {
            id: 0,
            uuid: String::new(),
            goal_id,
            on,
            value,
            note: String::new(),
        }
    }
}

/// A change to a goal's target, due date or status, with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRevision {
    pub id: i64,
    pub uuid: String,
    pub goal_id: i64,
    pub on: NaiveDate,
    /// Which field changed: `target`, `due` or `status`.
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    pub reason: String,
    /// The reflection this change came out of, if any.
    pub reflection_id: Option<i64>,
}

impl GoalRevision {
    /// Goal `goal_id`'s `field` changed from `old_value` to `new_value` on `on`, with no
    /// reason given yet and not from a reflection.
    pub fn new(
        goal_id: i64,
        on: NaiveDate,
        field: &str,
        old_value: impl Into<String>,
        new_value: impl Into<String>,
    ) -> Self {
        GoalRevision {
            id: 0,
            uuid: String::new(),
            goal_id,
            on,
            field: field.to_string(),
            old_value: old_value.into(),
            new_value: new_value.into(),
            reason: String::new(),
            reflection_id: None,
        }
    }
}

/// A meeting with a mentor.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: i64,
    pub uuid: String,
    pub mentor_id: i64,
    pub starts_at: NaiveDateTime,
    pub minutes: u32,
    pub status: MeetingStatus,
    pub channel: String,
    pub notes: String,
    /// Set by the mentee when the agenda is ready to send.
    pub agenda_ready: bool,
    pub private: bool,
}

impl Meeting {
    /// A planned meeting with mentor `mentor_id` at `starts_at`, `minutes` long.
    pub fn new(mentor_id: i64, starts_at: NaiveDateTime, minutes: u32) -> Self {
        Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id,
            starts_at,
            minutes,
            status: MeetingStatus::Planned,
            channel: String::new(),
            notes: String::new(),
            agenda_ready: false,
            private: false,
        }
    }
}

/// One item of a meeting's agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub id: i64,
    pub uuid: String,
    pub meeting_id: i64,
    pub kind: AgendaKind,
    pub text: String,
    pub outcome: String,
    pub minutes: Option<u32>,
    pub position: i64,
    pub discussed: bool,
    pub note: String,
    pub goal_id: Option<i64>,
    pub commitment_id: Option<i64>,
    pub feedback_id: Option<i64>,
    /// The undiscussed item of an earlier meeting this one carries over.
    pub carried_from: Option<i64>,
    /// The suggestion this item was accepted from (keeps suggestions from reappearing).
    pub source: Option<String>,
    pub private: bool,
}

impl AgendaItem {
    /// An item of `kind` on meeting `meeting_id`'s agenda, appended when saved (position 0),
    /// not discussed, with the kind's default minutes ([`AgendaKind::default_minutes`]) and
    /// no links.
    pub fn new(meeting_id: i64, kind: AgendaKind, text: impl Into<String>) -> Self {
        AgendaItem {
            id: 0,
            uuid: String::new(),
            meeting_id,
            kind,
            text: text.into(),
            outcome: String::new(),
            minutes: Some(kind.default_minutes()),
            position: 0,
            discussed: false,
            note: String::new(),
            goal_id: None,
            commitment_id: None,
            feedback_id: None,
            carried_from: None,
            source: None,
            private: false,
        }
    }
}

/// A question parked in the question bank for a future meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: i64,
    pub uuid: String,
    pub text: String,
    pub mentor_id: Option<i64>,
    /// The agenda item it was moved into, once asked.
    pub agenda_item_id: Option<i64>,
    pub private: bool,
}

impl Question {
    /// A question for any mentor, not yet asked.
    pub fn new(text: impl Into<String>) -> Self {
        Question {
            id: 0,
            uuid: String::new(),
            text: text.into(),
            mentor_id: None,
            agenda_item_id: None,
            private: false,
        }
    }
}

/// A piece of feedback received.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub id: i64,
    pub uuid: String,
    pub mentor_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub received_on: NaiveDate,
    pub kind: FeedbackKind,
    pub text: String,
    pub reaction: String,
    pub status: FeedbackStatus,
    pub goal_id: Option<i64>,
    pub private: bool,
}

impl Feedback {
    /// A suggestion received on `received_on`, open, from no mentor in particular yet.
    pub fn new(text: impl Into<String>, received_on: NaiveDate) -> Self {
        Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: None,
            meeting_id: None,
            received_on,
            kind: FeedbackKind::Suggestion,
            text: text.into(),
            reaction: String::new(),
            status: FeedbackStatus::Open,
            goal_id: None,
            private: false,
        }
    }
}

/// An action item: mine or the mentor's. An experiment is a commitment born of feedback.
#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    pub id: i64,
    pub uuid: String,
    pub owner: Party,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub status: CommitmentStatus,
    pub done_on: Option<NaiveDate>,
    /// For an experiment: what happened when I tried it.
    pub result: String,
    pub mentor_id: Option<i64>,
    pub meeting_id: Option<i64>,
    /// The feedback this commitment tries out (makes it an experiment).
    pub feedback_id: Option<i64>,
    /// When the experiment's result was reported back to the mentor.
    pub reported_on: Option<NaiveDate>,
    pub created_on: NaiveDate,
    pub private: bool,
}

impl Commitment {
    /// An open commitment of mine made on `created_on`, with no due date.
    pub fn new(text: impl Into<String>, created_on: NaiveDate) -> Self {
        Commitment {
            id: 0,
            uuid: String::new(),
            owner: Party::Me,
            text: text.into(),
            due: None,
            status: CommitmentStatus::Open,
            done_on: None,
            result: String::new(),
            mentor_id: None,
            meeting_id: None,
            feedback_id: None,
            reported_on: None,
            created_on,
            private: false,
        }
    }
}

/// Thanks, noted or sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Gratitude {
    pub id: i64,
    pub uuid: String,
    pub mentor_id: Option<i64>,
    pub meeting_id: Option<i64>,
    /// The experiment this thanks is for, if any.
    pub commitment_id: Option<i64>,
    pub on: NaiveDate,
    pub what_for: String,
    pub sent: bool,
    pub channel: String,
    pub private: bool,
}

impl Gratitude {
    /// Thanks for `what_for`, noted on `on` and not sent yet.
    pub fn new(what_for: impl Into<String>, on: NaiveDate) -> Self {
        Gratitude {
            id: 0,
            uuid: String::new(),
            mentor_id: None,
            meeting_id: None,
            commitment_id: None,
            on,
            what_for: what_for.into(),
            sent: false,
            channel: String::new(),
            private: false,
        }
    }
}

/// A periodic reflection with its template's answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Reflection {
    pub id: i64,
    pub uuid: String,
    pub period: Period,
    pub period_start: NaiveDate,
    pub template: String,
    /// (prompt code, answer), in the template's order.
    pub answers: Vec<(String, String)>,
    pub private: bool,
}

impl Reflection {
    /// A review of the `period` beginning on `period_start`, from `template`, not answered.
    pub fn new(period: Period, period_start: NaiveDate, template: impl Into<String>) -> Self {
        Reflection {
            id: 0,
            uuid: String::new(),
            period,
            period_start,
            template: template.into(),
            answers: Vec::new(),
            private: false,
        }
    }
}

/// Unsaved form text, kept so a crash loses nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Which form: e.g. `goal:new`, `goal:<uuid>`.
    pub key: String,
    /// The form's fields as JSON.
    pub payload: String,
    pub updated_at: NaiveDateTime,
}

impl Draft {
    /// A few words of what was typed, for the "restore it?" question: the form's title or
    /// name field when it has one, otherwise its first non-empty text.
    pub fn preview(&self) -> String {
        let value: serde_json::Value = serde_json::from_str(&self.payload).unwrap_or_default();
        let fields = value.get("fields").unwrap_or(&value);
        let text = preferred_text(fields)
            .or_else(|| {
                // Otherwise the first real sentence rather than a code like "suggestion".
                let mut texts = Vec::new();
                collect_strings(fields, &mut texts);
                let words = |s: &&String| s.split_whitespace().count() > 1;
                texts
                    .iter()
                    .find(words)
                    .or(texts.iter().find(|s| !s.trim().is_empty()))
                    .cloned()
            })
            .unwrap_or_default();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The first non-empty title / name / text / what-for found, depth first.
fn preferred_text(value: &serde_json::Value) -> Option<String> {
    const KEYS: [&str; 5] = ["title", "name", "text", "what_for", "what"];
    match value {
        serde_json::Value::Object(map) => KEYS
            .iter()
            .filter_map(|k| map.get(*k).and_then(|v| v.as_str()))
            .find(|s| !s.trim().is_empty())
            .map(str::to_string)
            .or_else(|| map.values().find_map(preferred_text)),
        serde_json::Value::Array(items) => items.iter().find_map(preferred_text),
        _ => None,
    }
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_progress_is_clamped_ratio_between_baseline_and_target() {
        let mut g = Goal::new("Talks");
        g.baseline = Some(0.0);
        g.target = Some(4.0);
        assert_eq!(g.progress(Some(1.0)), Some(0.25));
        assert_eq!(g.progress(Some(9.0)), Some(1.0));
        assert_eq!(g.progress(None), None);
        // A goal to go down (e.g. hours of overtime) works the same way.
        g.baseline = Some(10.0);
        g.target = Some(5.0);
        assert_eq!(g.progress(Some(7.5)), Some(0.5));
    }

    #[test]
    fn draft_preview_prefers_the_title_or_name() {
        let draft = |payload: &str| Draft {
            key: "k".into(),
            payload: payload.into(),
            updated_at: NaiveDateTime::default(),
        };
        assert_eq!(
            draft(r#"{"fields":{"channel":"zoom","name":"Ayu  Lestari"}}"#).preview(),
            "Ayu Lestari"
        );
        assert_eq!(
            draft(r#"{"fields":{"channel":"zoom","name":""}}"#).preview(),
            "zoom"
        );
        assert_eq!(draft("not json").preview(), "");
    }

    #[test]
    fn health_check_average() {
        let mut h = HealthCheck::new(1, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(h.average(), None);
        h.ratings = vec![("progress".into(), 4), ("trust".into(), 5)];
        assert_eq!(h.average(), Some(4.5));
    }
}
