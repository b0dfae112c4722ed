//! The eight views, by name, in tab order (keys 1–8), and which view shows which kind of
//! record.

use crate::domain::RecordKind;

/// The views, in tab order (keys 1–8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Today,
    Goals,
    Meetings,
    Feedback,
    Commitments,
    Gratitude,
    Reflections,
    Mentors,
}

impl View {
    /// All views in tab order.
    pub const ALL: &'static [View] = &[
        View::Today,
        View::Goals,
        View::Meetings,
        View::Feedback,
        View::Commitments,
        View::Gratitude,
        View::Reflections,
        View::Mentors,
    ];

    /// Position in the tab bar (0-based).
    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    /// The next view, wrapping.
    pub fn next(self) -> View {
        View::ALL[(self.index() + 1) % View::ALL.len()]
    }

    /// The previous view, wrapping.
    pub fn prev(self) -> View {
        View::ALL[(self.index() + View::ALL.len() - 1) % View::ALL.len()]
    }

    /// The view that lists records of `kind` (or their parent's: a contact shows with its
    /// mentor). Parked questions are asked in meetings.
    pub fn of_kind(kind: RecordKind) -> View {
        match kind {
            RecordKind::Mentor
            | RecordKind::Contact
            | RecordKind::HealthCheck
            | RecordKind::Resource => View::Mentors,
            RecordKind::Goal
            | RecordKind::GoalProgress
            | RecordKind::GoalRevision
            | RecordKind::Win => View::Goals,
            RecordKind::Meeting | RecordKind::AgendaItem | RecordKind::Question => View::Meetings,
            RecordKind::Feedback => View::Feedback,
            RecordKind::Commitment => View::Commitments,
            RecordKind::Gratitude => View::Gratitude,
            RecordKind::Reflection => View::Reflections,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_cycle() {
        assert_eq!(View::Today.prev(), View::Mentors);
        assert_eq!(View::Mentors.next(), View::Today);
        assert_eq!(View::Feedback.index(), 3);
    }
}
