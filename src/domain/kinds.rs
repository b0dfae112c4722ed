//! The closed vocabularies of the journal: pipeline statuses, goal areas, item kinds, owners.
//!
//! Each is a plain enum with a stable lowercase code used in the database, the export format
//! and the command line. Labels for the screen live in the i18n catalogs, not here.

use std::fmt;
use std::str::FromStr;

/// An unknown code for one of the vocabularies, e.g. `status "finished"`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a {kind}; expected one of: {expected}")]
pub struct UnknownCode {
    /// What was being parsed ("mentor status").
    pub kind: &'static str,
    /// The rejected text.
    pub value: String,
    /// The accepted codes, comma separated.
    pub expected: String,
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable code stored in the database and the export.
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// Position in [`Self::ALL`], handy for label tables.
            pub fn index(self) -> usize {
                Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
            }
            /// The next value in [`Self::ALL`], wrapping around (used by cycling form fields).
            pub fn next(self) -> Self {
                Self::ALL[(self.index() + 1) % Self::ALL.len()]
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.code()) }
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim().to_ascii_lowercase().as_str() {
                    $($code => Ok($name::$variant),)+
                    _ => Err(UnknownCode {
                        kind: $what,
                        value: s.to_string(),
                        expected: [$($code),+].join(", "),
                    }),
                }
            }
        }
    };
}

vocabulary!(
    /// Where a mentor is in the pipeline, from the article's "finding the right mentor".
    MentorStatus, "mentor status", {
        Candidate => "candidate", Approached => "approached", Active => "active",
        Paused => "paused", Ended => "ended",
    }
);

vocabulary!(
    /// The kind of a mentor relationship (the FAQ's mentoring vs coaching): a mentor shares
    /// experience over the long run, a coach trains a skill for a set time, a sponsor speaks
    /// up for you, a peer learns alongside you, a reverse mentor is junior and teaches you.
    Relationship, "relationship", {
        Mentor => "mentor", Coach => "coach", Sponsor => "sponsor", Peer => "peer",
        Reverse => "reverse",
    }
);

vocabulary!(
    /// A criterion of the fit scorecard for choosing a mentor: the match with your goals,
    /// availability, communication and learning style, and the FAQ's qualities of a good
    /// mentor.
    FitCriterion, "fit criterion", {
        Goals => "goals", Availability => "availability", Communication => "communication",
        LearningStyle => "learning_style", Experience => "experience", Listening => "listening",
        HonestFeedback => "honest_feedback", Invested => "invested",
    }
);

vocabulary!(
    /// Who took the initiative for a contact, or who owns a commitment.
    Party, "party (me or mentor)", { Me => "me", Mentor => "mentor" }
);

vocabulary!(
    /// The article's benefits of mentoring, used as goal areas.
    GoalArea, "goal area", {
        Skills => "skills", Network => "network", Confidence => "confidence",
        Decisions => "decisions", Career => "career", JobSatisfaction => "job-satisfaction",
        Leadership => "leadership",
    }
);

vocabulary!(
    /// Lifecycle of a goal.
    GoalStatus, "goal status", {
        Active => "active", Achieved => "achieved", Paused => "paused", Dropped => "dropped",
    }
);

vocabulary!(
    /// Lifecycle of a meeting.
    MeetingStatus, "meeting status", { Planned => "planned", Held => "held", Cancelled => "cancelled" }
);

vocabulary!(
    /// How far the agenda of a planned meeting has come.
    AgendaReadiness, "agenda readiness", { None => "none", Draft => "draft", Ready => "ready" }
);

vocabulary!(
    /// The kind of an agenda item.
    AgendaKind, "agenda item kind", {
        Topic => "topic", Question => "question", Update => "update", Ask => "ask",
    }
);

vocabulary!(
    /// The kind of a piece of feedback.
    FeedbackKind, "feedback kind", { Praise => "praise", Suggestion => "suggestion", Critique => "critique" }
);

vocabulary!(
    /// What the mentee has done with a piece of feedback.
    FeedbackStatus, "feedback status", {
        Open => "open", Trying => "trying", Done => "done", Parked => "parked",
    }
);

vocabulary!(
    /// Lifecycle of a commitment.
    CommitmentStatus, "commitment status", { Open => "open", Done => "done", Dropped => "dropped" }
);

vocabulary!(
    /// The span a reflection covers.
    Period, "period", { Week => "week", Month => "month", Quarter => "quarter" }
);

vocabulary!(
    /// Every kind of record the journal holds. The code is the kind's name in the search
    /// index; the table, the search code, the parent shown with it and the draft prefix
    /// below are the only place these are spelled. Its name on screen is in the catalog
    /// (`i18n::Labels::record_kind`).
    RecordKind, "record kind", {
        Mentor => "mentor", Contact => "contact", HealthCheck => "health_check",
        Goal => "goal", GoalProgress => "goal_progress", GoalRevision => "goal_revision",
        Meeting => "meeting", AgendaItem => "agenda_item", Question => "question",
        Feedback => "feedback", Commitment => "commitment", Gratitude => "gratitude",
        Reflection => "reflection", Win => "win", Resource => "resource",
    }
);

impl RecordKind {
    /// The table holding this kind (also the kind's array in the JSON export).
    pub const fn table(self) -> &'static str {
        match self {
            RecordKind::Mentor => "mentors",
            RecordKind::Contact => "contacts",
            RecordKind::HealthCheck => "health_checks",
            RecordKind::Goal => "goals",
            RecordKind::GoalProgress => "goal_progress",
            RecordKind::GoalRevision => "goal_revisions",
            RecordKind::Meeting => "meetings",
            RecordKind::AgendaItem => "agenda_items",
            RecordKind::Question => "questions",
            RecordKind::Feedback => "feedback",
            RecordKind::Commitment => "commitments",
            RecordKind::Gratitude => "gratitude",
            RecordKind::Reflection => "reflections",
            RecordKind::Resource => "resources",
            RecordKind::Win => "wins",
        }
    }

    /// The kind's number in the search index: an entry's rowid is `id * 16 + search_code`
    /// (migration 002; wins are 14 and resources 15, migration 008).
    pub const fn search_code(self) -> i64 {
        match self {
            RecordKind::Resource => 15,
            _ => self as i64 + 1,
        }
    }

    /// The record a record of this kind is shown with, and the column pointing at it: a
    /// contact or a health check with its mentor, a progress update or a revision with its
    /// goal, an agenda item with its meeting. `None` for a kind shown on its own.
    pub const fn parent(self) -> Option<(RecordKind, &'static str)> {
        match self {
            RecordKind::Contact | RecordKind::HealthCheck => {
                Some((RecordKind::Mentor, "mentor_id"))
            }
            RecordKind::GoalProgress | RecordKind::GoalRevision => {
                Some((RecordKind::Goal, "goal_id"))
            }
            RecordKind::AgendaItem => Some((RecordKind::Meeting, "meeting_id")),
            _ => None,
        }
    }

    /// The first word of the draft keys of this kind's forms as versions before typed drafts
    /// wrote them (`goal:12`, `agenda:new:4`); read when such a draft is offered back.
    pub const fn draft_prefix(self) -> &'static str {
        match self {
            RecordKind::Mentor => "mentor",
            RecordKind::Contact => "contact",
            RecordKind::HealthCheck => "health",
            RecordKind::Goal => "goal",
            RecordKind::GoalProgress => "progress",
            RecordKind::GoalRevision => "revision",
            RecordKind::Meeting => "meeting",
            RecordKind::AgendaItem => "agenda",
            RecordKind::Question => "question",
            RecordKind::Feedback => "feedback",
            RecordKind::Commitment => "commitment",
            RecordKind::Gratitude => "thanks",
            RecordKind::Reflection => "reflection",
            RecordKind::Resource => "resource",
            RecordKind::Win => "win",
        }
    }

    /// The kind stored in `table`.
    pub fn of_table(table: &str) -> Option<RecordKind> {
        RecordKind::ALL.iter().copied().find(|k| k.table() == table)
    }
}

vocabulary!(
    /// What a mentor recommended: something to read, learn, use or attend, or a person they
    /// introduced (an introduction).
    ResourceKind, "resource kind", {
        Book => "book", Article => "article", Course => "course", Tool => "tool",
        Event => "event", Person => "person", Other => "other",
    }
);

vocabulary!(
    /// How far the mentee has come with a recommendation.
    ResourceStatus, "resource status", {
        Todo => "todo", Doing => "doing", Done => "done", Dropped => "dropped",
    }
);

impl ResourceStatus {
    /// Still to act on: to do or doing.
    pub fn is_open(self) -> bool {
        matches!(self, ResourceStatus::Todo | ResourceStatus::Doing)
    }
}

impl FeedbackKind {
    /// Praise is acknowledged, never acted on: it does not wait for action (on Today, in
    /// agenda suggestions), and `s` acknowledges it in one key.
    pub fn waits_for_action(self) -> bool {
        self != FeedbackKind::Praise
    }
}

impl FeedbackStatus {
    /// The status `s` moves feedback of `kind` to: praise goes straight to done
    /// (acknowledged) and back; the rest walks open → trying → done → parked.
    pub fn next_for(self, kind: FeedbackKind) -> FeedbackStatus {
        match (kind.waits_for_action(), self) {
            (false, FeedbackStatus::Done) => FeedbackStatus::Open,
            (false, _) => FeedbackStatus::Done,
            (true, status) => status.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn praise_is_acknowledged_in_one_key() {
        use super::{FeedbackKind, FeedbackStatus};
        let praise = FeedbackKind::Praise;
        assert_eq!(FeedbackStatus::Open.next_for(praise), FeedbackStatus::Done);
        assert_eq!(FeedbackStatus::Done.next_for(praise), FeedbackStatus::Open);
        assert_eq!(
            FeedbackStatus::Trying.next_for(praise),
            FeedbackStatus::Done
        );
        let advice = FeedbackKind::Suggestion;
        assert_eq!(
            FeedbackStatus::Open.next_for(advice),
            FeedbackStatus::Trying
        );
        assert!(!praise.waits_for_action() && advice.waits_for_action());
    }

    use super::*;

    #[test]
    fn codes_round_trip_for_every_vocabulary() {
        for s in MentorStatus::ALL {
            assert_eq!(s.code().parse::<MentorStatus>().unwrap(), *s);
        }
        for a in GoalArea::ALL {
            assert_eq!(a.code().parse::<GoalArea>().unwrap(), *a);
        }
        assert_eq!(
            " Active ".parse::<GoalStatus>().unwrap(),
            GoalStatus::Active
        );
    }

    #[test]
    fn unknown_code_names_the_accepted_values() {
        let err = "finished".parse::<CommitmentStatus>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"finished\" is not a commitment status; expected one of: open, done, dropped"
        );
    }

    #[test]
    fn record_kinds_have_distinct_tables_codes_and_prefixes() {
        let tables: std::collections::HashSet<_> =
            RecordKind::ALL.iter().map(|k| k.table()).collect();
        let codes: std::collections::HashSet<_> =
            RecordKind::ALL.iter().map(|k| k.search_code()).collect();
        let prefixes: std::collections::HashSet<_> =
            RecordKind::ALL.iter().map(|k| k.draft_prefix()).collect();
        assert_eq!(tables.len(), RecordKind::ALL.len());
        assert_eq!(codes.len(), RecordKind::ALL.len());
        assert_eq!(prefixes.len(), RecordKind::ALL.len());
        assert!(
            codes.iter().all(|c| (1..16).contains(c)),
            "fits the rowid's 4 bits"
        );
        // The search index's numbers (migration 002) in the order of the enum.
        assert_eq!(RecordKind::Mentor.search_code(), 1);
        assert_eq!(RecordKind::Reflection.search_code(), 13);
        assert_eq!(RecordKind::Resource.search_code(), 15);
        // Migration 008's triggers file wins under 14.
        assert_eq!(RecordKind::Win.search_code(), 14);
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::of_table(kind.table()), Some(*kind));
            if let Some((parent, _)) = kind.parent() {
                assert_eq!(parent.parent(), None, "one level only");
            }
        }
    }

    #[test]
    fn next_wraps_around() {
        assert_eq!(Party::Mentor.next(), Party::Me);
        assert_eq!(MentorStatus::Candidate.next(), MentorStatus::Approached);
    }
}
