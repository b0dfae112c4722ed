//! What is wrong with an import file, as a message code with its arguments, so one problem
//! can be shown in any interface language. [`fmt::Display`] gives the English text; the JSON
//! paths and the codes a file must contain stay as they are in every language.
//!
//! Values quoted from the file are shown with `{:?}` (or as JSON), so a control character
//! hidden in the file is printed escaped, never run by the terminal.

use std::fmt;

use serde_json::Value;

use crate::domain::UnknownCode;
use crate::domain::limits::Breach;
use crate::i18n::{Lang, TransferText, fill};

/// The shape a value should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    JsonObject,
    Array,
    Object,
    String,
    Uuid,
    Date,
    DateTime,
    WholeNumber,
    Number,
    Bool,
}

/// The JSON type a value had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Found {
    /// The type of `v`.
    pub fn of(v: &Value) -> Found {
        match v {
            Value::Null => Found::Null,
            Value::Bool(_) => Found::Bool,
            Value::Number(_) => Found::Number,
            Value::String(_) => Found::String,
            Value::Array(_) => Found::Array,
            Value::Object(_) => Found::Object,
        }
    }
}

/// What is wrong at one JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Text shown as given in every language (what `"…".into()` makes).
    Text(String),
    /// A value of the wrong JSON type.
    Expected {
        want: Want,
        found: Found,
    },
    /// A number where something else was expected, e.g. `1e9` for a whole number: the number
    /// is quoted as read.
    ExpectedNot {
        want: Want,
        number: String,
    },
    /// A top-level key that is no record kind.
    UnknownKind,
    /// A key that is no field of the record.
    UnknownField,
    /// `format` is missing (`None`) or is not ours (the value, as JSON).
    NotOurs(Option<String>),
    /// A required field is missing.
    Missing,
    /// `version` is newer than this program reads: (found, supported).
    NewerVersion(i64, i64),
    /// `version` is not a version (the value, as JSON).
    NotAVersion(String),
    /// A uuid used by two records of one kind: (uuid, kind key, index of the first).
    UuidTwice(String, &'static str, usize),
    NotAStamp(String),
    NotAUuid(String),
    /// A value over one of the domain's limits: the same words as every other entry point.
    Limit(Breach),
    NotADate(String),
    NotATime(String),
    /// A code of no vocabulary value.
    UnknownCode(UnknownCode),
    /// A reference to nothing: (target kind key, uuid).
    NoTarget(&'static str, String),
    /// A fit criterion rated twice in one scorecard: the path of the first rating.
    CriterionTwice(String),
    /// A second scorecard for one mentor in the file: the path of the first.
    OnePerTwice(String),
    /// The mentor already has a scorecard with another uuid in the journal: its uuid.
    OnePerInJournal(String),
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::Text(text.to_string())
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Text(text)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl Message {
    /// The message in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        let t = &lang.text().transfer;
        match self {
            Message::Text(text) => text.clone(),
            Message::Expected { want, found } => {
                fill!(
                    t.expected,
                    want = want_text(*want, t),
                    found = found_text(*found, t)
                )
            }
            Message::ExpectedNot { want, number } => fill!(
                t.expected,
                want = want_text(*want, t),
                found = fill!(lang.text().trust.found_number_value, value = number)
            ),
            Message::UnknownKind => t.unknown_kind.to_string(),
            Message::UnknownField => t.unknown_field.to_string(),
            Message::NotOurs(None) => t.not_ours_missing.to_string(),
            Message::NotOurs(Some(value)) => fill!(
                t.not_ours,
                value = value,
                expected = format!("{:?}", super::schema::FORMAT_NAME)
            ),
            Message::Missing => t.missing.to_string(),
            Message::NewerVersion(found, supported) => {
                fill!(t.newer_version, found = found, supported = supported)
            }
            Message::NotAVersion(value) => fill!(
                t.not_a_version,
                value = value,
                latest = super::schema::FORMAT_VERSION
            ),
            Message::UuidTwice(uuid, kind, first) => fill!(
                t.uuid_twice,
                uuid = format!("{uuid:?}"),
                first = format!("{kind}[{first}]")
            ),
            Message::NotAStamp(s) => fill!(t.not_a_stamp, value = format!("{s:?}")),
            Message::NotAUuid(s) => fill!(t.not_a_uuid, value = format!("{s:?}")),
            Message::Limit(breach) => lang.text().trust.breach(breach),
            Message::NotADate(s) => fill!(t.not_a_date, value = format!("{s:?}")),
            Message::NotATime(s) => fill!(t.not_a_time, value = format!("{s:?}")),
            Message::UnknownCode(e) => fill!(
                t.unknown_code,
                value = format!("{:?}", e.value),
                vocabulary = vocabulary(e.kind, t),
                expected = e.expected
            ),
            Message::CriterionTwice(first) => fill!(t.criterion_twice, first = first),
            Message::OnePerTwice(first) => fill!(t.fit_twice, first = first),
            Message::OnePerInJournal(uuid) => {
                fill!(t.fit_in_journal, uuid = format!("{uuid:?}"))
            }
            Message::NoTarget(kind, uuid) => {
                fill!(
                    t.no_target,
                    kind = noun(kind, t),
                    uuid = format!("{uuid:?}")
                )
            }
        }
    }
}

fn want_text(want: Want, t: &TransferText) -> &'static str {
    match want {
        Want::JsonObject => t.want_json_object,
        Want::Array => t.want_array,
        Want::Object => t.want_object,
        Want::String => t.want_string,
        Want::Uuid => t.want_uuid,
        Want::Date => t.want_date,
        Want::DateTime => t.want_time,
        Want::WholeNumber => t.want_whole,
        Want::Number => t.want_number,
        Want::Bool => t.want_bool,
    }
}

fn found_text(found: Found, t: &TransferText) -> &'static str {
    match found {
        Found::Null => t.found_null,
        Found::Bool => t.found_bool,
        Found::Number => t.found_number,
        Found::String => t.found_string,
        Found::Array => t.found_array,
        Found::Object => t.found_object,
    }
}

/// The name of a vocabulary (the English one [`UnknownCode::kind`] carries) in `t`.
fn vocabulary(kind: &'static str, t: &TransferText) -> &'static str {
    match kind {
        "mentor status" => t.vocab_mentor_status,
        "party (me or mentor)" => t.vocab_party,
        "goal area" => t.vocab_goal_area,
        "goal status" => t.vocab_goal_status,
        "meeting status" => t.vocab_meeting_status,
        "agenda readiness" => t.vocab_readiness,
        "agenda item kind" => t.vocab_agenda_kind,
        "feedback kind" => t.vocab_feedback_kind,
        "feedback status" => t.vocab_feedback_status,
        "commitment status" => t.vocab_commitment_status,
        "period" => t.vocab_period,
        "resource kind" => t.vocab_resource_kind,
        "resource status" => t.vocab_resource_status,
        "fit criterion" => t.vocab_fit_criterion,
        "relationship" => t.vocab_relationship,
        "goal revision field" => t.vocab_revision_field,
        other => other,
    }
}

/// One record of the kind with this key, e.g. `mentors` → "mentor".
fn noun(key: &str, t: &TransferText) -> &'static str {
    match key {
        "mentors" => t.noun_mentor,
        "contacts" => t.noun_contact,
        "health_checks" => t.noun_health_check,
        "goals" => t.noun_goal,
        "goal_progress" => t.noun_progress,
        "goal_revisions" => t.noun_revision,
        "meetings" => t.noun_meeting,
        "agenda_items" => t.noun_agenda_item,
        "questions" => t.noun_question,
        "feedback" => t.noun_feedback,
        "commitments" => t.noun_commitment,
        "gratitude" => t.noun_gratitude,
        "resources" => t.noun_resource,
        "wins" => t.noun_win,
        super::schema::MENTOR_FIT => t.noun_fit,
        _ => t.noun_reflection,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kinds::*;
    use crate::transfer::schema::KINDS;

    #[test]
    fn every_vocabulary_and_kind_has_its_name_in_the_catalog() {
        let en = &Lang::En.text().transfer;
        let id = &Lang::Id.text().transfer;
        let kinds = [
            "x".parse::<MentorStatus>().err(),
            "x".parse::<Party>().err(),
            "x".parse::<GoalArea>().err(),
            "x".parse::<GoalStatus>().err(),
            "x".parse::<MeetingStatus>().err(),
            "x".parse::<AgendaReadiness>().err(),
            "x".parse::<AgendaKind>().err(),
            "x".parse::<FeedbackKind>().err(),
            "x".parse::<FeedbackStatus>().err(),
            "x".parse::<CommitmentStatus>().err(),
            "x".parse::<Period>().err(),
            "x".parse::<ResourceKind>().err(),
            "x".parse::<ResourceStatus>().err(),
            "x".parse::<FitCriterion>().err(),
            "x".parse::<Relationship>().err(),
        ];
        for e in kinds.into_iter().flatten() {
            assert_eq!(vocabulary(e.kind, en), e.kind);
            assert_ne!(vocabulary(e.kind, id), e.kind, "{} untranslated", e.kind);
        }
        let nouns: std::collections::HashSet<&str> =
            KINDS.iter().map(|kind| noun(kind.key, en)).collect();
        assert_eq!(nouns.len(), KINDS.len(), "each kind has its own noun");
    }

    #[test]
    fn english_display_and_indonesian_text() {
        let m = Message::NotADate("2026-02-30".into());
        assert_eq!(m.to_string(), "\"2026-02-30\" is not a date (YYYY-MM-DD)");
        assert_eq!(
            m.text_in(Lang::Id),
            "\"2026-02-30\" bukan tanggal (YYYY-MM-DD)"
        );
        let m = Message::NotAStamp("\u{1b}[2J".into());
        assert!(!m.text_in(Lang::Id).contains('\u{1b}'));
    }
}
