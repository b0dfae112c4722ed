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

#[cfg(test)]
mod tests {
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
    fn next_wraps_around() {
        assert_eq!(Party::Mentor.next(), Party::Me);
        assert_eq!(MentorStatus::Candidate.next(), MentorStatus::Approached);
    }
}
