//! What an open form is for: one enum per view that has forms, and [`FormPurpose`] over
//! them. A purpose names the record a form edits; the form is built from it, saved through
//! it, and its draft is stored under a key derived from it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::nudges::NudgeKind;
use crate::domain::{Period, RecordKind};

/// What an open form is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormPurpose {
    Mentors(MentorForm),
    Reflections(ReflectionForm),
    Goals(GoalForm),
    Meetings(MeetingForm),
    Feedback(FeedbackForm),
    Commitments(CommitmentForm),
    Gratitude(GratitudeForm),
}

/// Which mentor a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentorForm {
    /// A new mentor or candidate.
    New,
    /// The mentor with this id.
    Edit(i64),
    /// A contact with the mentor with this id.
    Contact(i64),
    /// A health check of the relationship with this mentor.
    Health(i64),
    /// Ending the relationship with this mentor.
    Close(i64),
    /// The fit scorecard of this candidate or approached mentor.
    Fit(i64),
    /// A new recommendation or introduction from the mentor with this id.
    Resource(i64),
    /// Choosing which of this mentor's recommendations to move on (when there are several).
    UpdateResource(i64),
    /// The recommendation or introduction with this id: its status, takeaway and the rest.
    EditResource(i64),
}

/// What a feedback form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackForm {
    New,
    Edit(i64),
    /// "Try this": an experiment from feedback `id`.
    Try(i64),
}

/// What a goal form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalForm {
    /// A new goal.
    New,
    /// The goal with this id.
    Edit(i64),
    /// A progress update for the goal with this id.
    Progress(i64),
    /// A new win, for this goal (the Goals view's `w`) or from the debrief of this meeting
    /// (its mentor preselected): one form for both.
    Win {
        goal: Option<i64>,
        meeting: Option<i64>,
    },
}

/// What a Meetings form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingForm {
    /// A new meeting.
    New,
    /// A new meeting with this mentor (from a nudge), on the date the cadence proposes.
    Plan(i64),
    /// The meeting with this id.
    Edit(i64),
    /// A new item on the agenda of this meeting.
    NewItem(i64),
    /// The agenda item with this id.
    EditItem(i64),
    /// The in-meeting note of the agenda item with this id.
    Note(i64),
    /// A question for the question bank.
    Question,
}

/// What a thanks form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GratitudeForm {
    /// New thanks, for an experiment when `commitment_id` is set.
    New {
        commitment_id: Option<i64>,
    },
    /// Thanks filled in for a nudge (`t` or `Enter` on the nudge list).
    Thank(NudgeRef),
    Edit(i64),
    /// `s`: mark entry `id` sent, asking the channel.
    Sent(i64),
}

/// What a commitment form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentForm {
    New,
    Edit(i64),
    /// The result of experiment `id`.
    Result(i64),
}

/// What a Reflections form is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReflectionForm {
    /// Choosing the template and the period of a new review.
    Start,
    /// A new review from `template` of the `period` beginning on `start`.
    New {
        template: String,
        #[serde(with = "code")]
        period: Period,
        #[serde(with = "code")]
        start: NaiveDate,
    },
    /// The review with this id.
    Edit(i64),
    /// Adjusting a goal from the review with this id.
    AdjustGoal(i64),
}

/// The nudge a thanks form was opened for: which kind, about which records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NudgeRef {
    pub kind: NudgeKind,
    pub mentor_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub commitment_id: Option<i64>,
    /// The introduction a thanks is for (the thanks is linked to it when saved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<i64>,
}

/// What a draft was typed into: a form, or the debrief of a meeting. Its key in the store
/// is this value as JSON (`{"goals":{"edit":12}}`, `{"debrief":4}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DraftKey {
    Form(FormPurpose),
    Debrief { debrief: i64 },
}

impl DraftKey {
    /// The key the draft is stored under.
    pub fn key(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored key back: this version's JSON, or a key as versions before typed
    /// drafts wrote it (`goal:12`, `reflection:new:rolfe:week:2026-11-23`, `debrief:4`),
    /// so that text typed before an upgrade is still offered back. The only place such
    /// keys are read.
    pub fn parse(key: &str) -> Option<DraftKey> {
        if key.starts_with('{') {
            return serde_json::from_str(key).ok();
        }
        legacy(key)
    }
}

impl FormPurpose {
    /// The kind of record the form writes (the offer of a draft names the form by it).
    pub fn kind(&self) -> RecordKind {
        use RecordKind as K;
        match self {
            FormPurpose::Mentors(MentorForm::Contact(_)) => K::Contact,
            FormPurpose::Mentors(MentorForm::Health(_)) => K::HealthCheck,
            FormPurpose::Mentors(
                MentorForm::Resource(_)
                | MentorForm::UpdateResource(_)
                | MentorForm::EditResource(_),
            ) => K::Resource,
            FormPurpose::Mentors(_) => K::Mentor,
            FormPurpose::Reflections(ReflectionForm::AdjustGoal(_)) => K::GoalRevision,
            FormPurpose::Reflections(_) => K::Reflection,
            FormPurpose::Goals(GoalForm::Progress(_)) => K::GoalProgress,
            FormPurpose::Goals(GoalForm::Win { .. }) => K::Win,
            FormPurpose::Goals(_) => K::Goal,
            FormPurpose::Meetings(MeetingForm::NewItem(_) | MeetingForm::EditItem(_)) => {
                K::AgendaItem
            }
            FormPurpose::Meetings(MeetingForm::Question) => K::Question,
            FormPurpose::Meetings(_) => K::Meeting,
            FormPurpose::Feedback(_) => K::Feedback,
            FormPurpose::Commitments(_) => K::Commitment,
            FormPurpose::Gratitude(_) => K::Gratitude,
        }
    }

    /// The key this form's draft is stored under.
    pub fn draft_key(&self) -> String {
        DraftKey::Form(self.clone()).key()
    }

    /// The saved record whose text the form shows (the one it edits, or the one it is
    /// opened from), if any: while private text is hidden, a private one is not opened
    /// without asking.
    pub fn record(&self) -> Option<(RecordKind, i64)> {
        use RecordKind as K;
        match *self {
            FormPurpose::Mentors(
                MentorForm::Edit(id)
                | MentorForm::Contact(id)
                | MentorForm::Health(id)
                | MentorForm::Close(id)
                | MentorForm::Fit(id)
                | MentorForm::Resource(id)
                | MentorForm::UpdateResource(id),
            ) => Some((K::Mentor, id)),
            FormPurpose::Mentors(MentorForm::EditResource(id)) => Some((K::Resource, id)),
            FormPurpose::Goals(GoalForm::Edit(id) | GoalForm::Progress(id)) => Some((K::Goal, id)),
            FormPurpose::Goals(GoalForm::Win { goal, meeting }) => goal
                .map(|id| (K::Goal, id))
                .or(meeting.map(|id| (K::Meeting, id))),
            FormPurpose::Meetings(MeetingForm::Plan(id)) => Some((K::Mentor, id)),
            FormPurpose::Meetings(MeetingForm::Edit(id) | MeetingForm::NewItem(id)) => {
                Some((K::Meeting, id))
            }
            FormPurpose::Meetings(MeetingForm::EditItem(id) | MeetingForm::Note(id)) => {
                Some((K::AgendaItem, id))
            }
            FormPurpose::Feedback(FeedbackForm::Edit(id) | FeedbackForm::Try(id)) => {
                Some((K::Feedback, id))
            }
            FormPurpose::Commitments(CommitmentForm::Edit(id) | CommitmentForm::Result(id)) => {
                Some((K::Commitment, id))
            }
            FormPurpose::Gratitude(GratitudeForm::Edit(id) | GratitudeForm::Sent(id)) => {
                Some((K::Gratitude, id))
            }
            FormPurpose::Gratitude(GratitudeForm::New {
                commitment_id: Some(id),
            }) => Some((K::Commitment, id)),
            FormPurpose::Gratitude(GratitudeForm::Thank(n)) => n
                .commitment_id
                .map(|id| (K::Commitment, id))
                .or(n.meeting_id.map(|id| (K::Meeting, id))),
            FormPurpose::Reflections(ReflectionForm::Edit(id) | ReflectionForm::AdjustGoal(id)) => {
                Some((K::Reflection, id))
            }
            _ => None,
        }
    }
}

/// A key of the string protocol drafts used before typed drafts.
fn legacy(key: &str) -> Option<DraftKey> {
    let parts: Vec<&str> = key.split(':').collect();
    let id = |i: usize| parts.get(i).and_then(|p| p.parse::<i64>().ok());
    let form = |p: FormPurpose| Some(DraftKey::Form(p));
    let (&prefix, rest) = parts.split_first()?;
    let kind = RecordKind::ALL
        .iter()
        .copied()
        .find(|k| k.draft_prefix() == prefix);
    match (kind, rest) {
        (Some(RecordKind::Mentor), ["new"]) => form(FormPurpose::Mentors(MentorForm::New)),
        (Some(RecordKind::Mentor), [_]) => form(FormPurpose::Mentors(MentorForm::Edit(id(1)?))),
        (Some(RecordKind::Mentor), [_, what]) => {
            let m = id(1)?;
            form(FormPurpose::Mentors(match *what {
                "contact" => MentorForm::Contact(m),
                "health" => MentorForm::Health(m),
                "close" => MentorForm::Close(m),
                _ => return None,
            }))
        }
        (Some(RecordKind::Goal), ["new"]) => form(FormPurpose::Goals(GoalForm::New)),
        (Some(RecordKind::Goal), [_]) => form(FormPurpose::Goals(GoalForm::Edit(id(1)?))),
        (Some(RecordKind::Goal), [_, "progress"]) => {
            form(FormPurpose::Goals(GoalForm::Progress(id(1)?)))
        }
        (Some(RecordKind::Meeting), ["new"]) => form(FormPurpose::Meetings(MeetingForm::New)),
        (Some(RecordKind::Meeting), [_]) => form(FormPurpose::Meetings(MeetingForm::Edit(id(1)?))),
        (Some(RecordKind::AgendaItem), ["new", _]) => {
            form(FormPurpose::Meetings(MeetingForm::NewItem(id(2)?)))
        }
        (Some(RecordKind::AgendaItem), [_]) => {
            form(FormPurpose::Meetings(MeetingForm::EditItem(id(1)?)))
        }
        (Some(RecordKind::Question), ["new"]) => form(FormPurpose::Meetings(MeetingForm::Question)),
        (Some(RecordKind::Feedback), ["new"]) => form(FormPurpose::Feedback(FeedbackForm::New)),
        (Some(RecordKind::Feedback), [_]) => {
            form(FormPurpose::Feedback(FeedbackForm::Edit(id(1)?)))
        }
        (Some(RecordKind::Commitment), ["new"]) => {
            form(FormPurpose::Commitments(CommitmentForm::New))
        }
        (Some(RecordKind::Commitment), [_]) => {
            form(FormPurpose::Commitments(CommitmentForm::Edit(id(1)?)))
        }
        (Some(RecordKind::Gratitude), ["new"]) => {
            form(FormPurpose::Gratitude(GratitudeForm::New {
                commitment_id: None,
            }))
        }
        (Some(RecordKind::Gratitude), ["new", nudge]) => form(FormPurpose::Gratitude(
            GratitudeForm::Thank(legacy_nudge(nudge)?),
        )),
        (Some(RecordKind::Gratitude), [_]) => {
            form(FormPurpose::Gratitude(GratitudeForm::Edit(id(1)?)))
        }
        (Some(RecordKind::Reflection), ["start"]) => {
            form(FormPurpose::Reflections(ReflectionForm::Start))
        }
        (Some(RecordKind::Reflection), ["new", template, period, start]) => {
            form(FormPurpose::Reflections(ReflectionForm::New {
                template: template.to_string(),
                period: period.parse().ok()?,
                start: start.parse().ok()?,
            }))
        }
        (Some(RecordKind::Reflection), ["edit", _]) => {
            form(FormPurpose::Reflections(ReflectionForm::Edit(id(2)?)))
        }
        (Some(RecordKind::Reflection), ["goal", _]) => {
            form(FormPurpose::Reflections(ReflectionForm::AdjustGoal(id(2)?)))
        }
        // Purposes that were spelled with a word of their own.
        (None, [_]) => match prefix {
            "note" => form(FormPurpose::Meetings(MeetingForm::Note(id(1)?))),
            "experiment" => form(FormPurpose::Feedback(FeedbackForm::Try(id(1)?))),
            "result" => form(FormPurpose::Commitments(CommitmentForm::Result(id(1)?))),
            "thanks-sent" => form(FormPurpose::Gratitude(GratitudeForm::Sent(id(1)?))),
            "debrief" => Some(DraftKey::Debrief { debrief: id(1)? }),
            _ => None,
        },
        _ => None,
    }
}

/// A nudge as the old thanks-draft keys spelled it: `thankspending-3-12-` (kind, mentor,
/// meeting, commitment; empty when none).
fn legacy_nudge(text: &str) -> Option<NudgeRef> {
    let parts: Vec<&str> = text.split('-').collect();
    let [kind, mentor, meeting, commitment] = parts.as_slice() else {
        return None;
    };
    let kind = match *kind {
        "thankspending" => NudgeKind::ThanksPending,
        "reportexperiment" => NudgeKind::ReportExperiment,
        "thankforexperiment" => NudgeKind::ThankForExperiment,
        "mentornotthanked" => NudgeKind::MentorNotThanked,
        _ => return None,
    };
    let id = |s: &str| s.parse::<i64>().ok();
    Some(NudgeRef {
        kind,
        mentor_id: id(mentor),
        meeting_id: id(meeting),
        commitment_id: id(commitment),
        resource_id: None,
    })
}

/// A vocabulary value as its code, a date as `YYYY-MM-DD`, in JSON.
mod code {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<T: std::fmt::Display, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    pub fn deserialize<'de, T, D>(d: D) -> Result<T, D::Error>
    where
        T: std::str::FromStr,
        T::Err: std::fmt::Display,
        D: Deserializer<'de>,
    {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_purpose() -> Vec<FormPurpose> {
        let nudge = NudgeRef {
            kind: NudgeKind::ThankForExperiment,
            mentor_id: Some(1),
            meeting_id: None,
            commitment_id: Some(7),
            resource_id: None,
        };
        vec![
            FormPurpose::Mentors(MentorForm::New),
            FormPurpose::Mentors(MentorForm::Edit(3)),
            FormPurpose::Mentors(MentorForm::Contact(3)),
            FormPurpose::Mentors(MentorForm::Health(3)),
            FormPurpose::Mentors(MentorForm::Close(3)),
            FormPurpose::Mentors(MentorForm::Resource(3)),
            FormPurpose::Mentors(MentorForm::UpdateResource(3)),
            FormPurpose::Mentors(MentorForm::EditResource(7)),
            FormPurpose::Goals(GoalForm::New),
            FormPurpose::Goals(GoalForm::Edit(12)),
            FormPurpose::Goals(GoalForm::Progress(12)),
            FormPurpose::Goals(GoalForm::Win {
                goal: Some(12),
                meeting: None,
            }),
            FormPurpose::Goals(GoalForm::Win {
                goal: None,
                meeting: Some(4),
            }),
            FormPurpose::Meetings(MeetingForm::New),
            FormPurpose::Meetings(MeetingForm::Plan(3)),
            FormPurpose::Meetings(MeetingForm::Edit(4)),
            FormPurpose::Meetings(MeetingForm::NewItem(4)),
            FormPurpose::Meetings(MeetingForm::EditItem(9)),
            FormPurpose::Meetings(MeetingForm::Note(9)),
            FormPurpose::Meetings(MeetingForm::Question),
            FormPurpose::Feedback(FeedbackForm::New),
            FormPurpose::Feedback(FeedbackForm::Edit(2)),
            FormPurpose::Feedback(FeedbackForm::Try(2)),
            FormPurpose::Commitments(CommitmentForm::New),
            FormPurpose::Commitments(CommitmentForm::Edit(5)),
            FormPurpose::Commitments(CommitmentForm::Result(5)),
            FormPurpose::Gratitude(GratitudeForm::New {
                commitment_id: None,
            }),
            FormPurpose::Gratitude(GratitudeForm::Thank(nudge)),
            FormPurpose::Gratitude(GratitudeForm::Edit(6)),
            FormPurpose::Gratitude(GratitudeForm::Sent(6)),
            FormPurpose::Reflections(ReflectionForm::Start),
            FormPurpose::Reflections(ReflectionForm::New {
                template: "gtd-weekly".into(),
                period: Period::Week,
                start: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            }),
            FormPurpose::Reflections(ReflectionForm::Edit(8)),
            FormPurpose::Reflections(ReflectionForm::AdjustGoal(8)),
        ]
    }

    #[test]
    fn every_key_reads_back_as_its_purpose_and_keys_differ() {
        let purposes = every_purpose();
        let keys: std::collections::HashSet<String> =
            purposes.iter().map(FormPurpose::draft_key).collect();
        assert_eq!(keys.len(), purposes.len());
        for p in purposes {
            assert_eq!(DraftKey::parse(&p.draft_key()), Some(DraftKey::Form(p)));
        }
        let debrief = DraftKey::Debrief { debrief: 4 };
        assert_eq!(debrief.key(), r#"{"debrief":4}"#);
        assert_eq!(DraftKey::parse(&debrief.key()), Some(debrief));
        assert_eq!(
            FormPurpose::Goals(GoalForm::Edit(12)).draft_key(),
            r#"{"goals":{"edit":12}}"#
        );
    }

    #[test]
    fn keys_written_before_typed_drafts_still_read() {
        let nudge = NudgeRef {
            kind: NudgeKind::ThankForExperiment,
            mentor_id: Some(1),
            meeting_id: None,
            commitment_id: Some(7),
            resource_id: None,
        };
        let cases = [
            ("mentor:new", FormPurpose::Mentors(MentorForm::New)),
            ("mentor:3", FormPurpose::Mentors(MentorForm::Edit(3))),
            (
                "mentor:3:health",
                FormPurpose::Mentors(MentorForm::Health(3)),
            ),
            ("goal:12", FormPurpose::Goals(GoalForm::Edit(12))),
            (
                "goal:12:progress",
                FormPurpose::Goals(GoalForm::Progress(12)),
            ),
            (
                "agenda:new:4",
                FormPurpose::Meetings(MeetingForm::NewItem(4)),
            ),
            ("agenda:9", FormPurpose::Meetings(MeetingForm::EditItem(9))),
            ("note:9", FormPurpose::Meetings(MeetingForm::Note(9))),
            ("question:new", FormPurpose::Meetings(MeetingForm::Question)),
            ("experiment:2", FormPurpose::Feedback(FeedbackForm::Try(2))),
            (
                "result:5",
                FormPurpose::Commitments(CommitmentForm::Result(5)),
            ),
            (
                "thanks-sent:6",
                FormPurpose::Gratitude(GratitudeForm::Sent(6)),
            ),
            (
                "thanks:new:thankforexperiment-1--7",
                FormPurpose::Gratitude(GratitudeForm::Thank(nudge)),
            ),
            (
                "reflection:new:gtd-weekly:week:2026-11-23",
                FormPurpose::Reflections(ReflectionForm::New {
                    template: "gtd-weekly".into(),
                    period: Period::Week,
                    start: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                }),
            ),
            (
                "reflection:goal:8",
                FormPurpose::Reflections(ReflectionForm::AdjustGoal(8)),
            ),
        ];
        for (key, want) in cases {
            assert_eq!(DraftKey::parse(key), Some(DraftKey::Form(want)), "{key}");
        }
        assert_eq!(
            DraftKey::parse("debrief:4"),
            Some(DraftKey::Debrief { debrief: 4 })
        );
        for bad in [
            "",
            "goal",
            "goal:x",
            "mentor:3:party",
            "nothing:1",
            "{not json",
        ] {
            assert_eq!(DraftKey::parse(bad), None, "{bad}");
        }
    }
}
