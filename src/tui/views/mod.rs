//! The eight views, one module each, plus what they share: the view list and the cursor.
//!
//! A view holds what it shows (loaded from the store by `load`, never while drawing) and a
//! cursor; `render` draws from that state only.

pub mod commitments;
pub mod debrief;
pub mod feedback;
pub mod goals;
pub mod gratitude;
pub mod list;
pub mod meetings;
pub mod mentors;
pub mod reflections;
pub mod screen;
pub mod today;

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use crate::domain::RecordKind;

/// The state of every view.
#[derive(Debug, Default)]
pub struct Views {
    pub today: today::TodayView,
    pub goals: goals::GoalsView,
    pub meetings: meetings::MeetingsView,
    pub feedback: feedback::FeedbackView,
    pub commitments: commitments::CommitmentsView,
    pub gratitude: gratitude::GratitudeView,
    pub reflections: reflections::ReflectionsView,
    pub mentors: mentors::MentorsView,
}

impl Views {
    /// The state of `view`, as the app drives every view.
    pub fn screen(&self, view: View) -> &dyn screen::Screen {
        match view {
            View::Today => &self.today,
            View::Goals => &self.goals,
            View::Meetings => &self.meetings,
            View::Feedback => &self.feedback,
            View::Commitments => &self.commitments,
            View::Gratitude => &self.gratitude,
            View::Reflections => &self.reflections,
            View::Mentors => &self.mentors,
        }
    }

    /// The state of `view`, to change it.
    pub fn screen_mut(&mut self, view: View) -> &mut dyn screen::Screen {
        match view {
            View::Today => &mut self.today,
            View::Goals => &mut self.goals,
            View::Meetings => &mut self.meetings,
            View::Feedback => &mut self.feedback,
            View::Commitments => &mut self.commitments,
            View::Gratitude => &mut self.gratitude,
            View::Reflections => &mut self.reflections,
            View::Mentors => &mut self.mentors,
        }
    }
}

/// A list loads this many rows at first (the newest or most relevant first) and grows by
/// pages as the cursor reaches its end, so opening a view costs the same on any journal.
pub const LIST_LIMIT: usize = 200;

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
            RecordKind::Mentor | RecordKind::Contact | RecordKind::HealthCheck => View::Mentors,
            RecordKind::Goal | RecordKind::GoalProgress | RecordKind::GoalRevision => View::Goals,
            RecordKind::Meeting | RecordKind::AgendaItem | RecordKind::Question => View::Meetings,
            RecordKind::Feedback => View::Feedback,
            RecordKind::Commitment => View::Commitments,
            RecordKind::Gratitude => View::Gratitude,
            RecordKind::Reflection => View::Reflections,
        }
    }
}

/// A position in a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub pos: usize,
}

impl Cursor {
    /// Moves by `delta` rows within a list of `len` rows.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.pos = 0;
            return;
        }
        let pos = self.pos as isize + delta;
        self.pos = pos.clamp(0, len as isize - 1) as usize;
    }

    /// Keeps the cursor inside a list that may have shrunk.
    pub fn clamp(&mut self, len: usize) {
        self.pos = self.pos.min(len.saturating_sub(1));
    }
}

/// Splits a view into a list and a detail pane: side by side when wide, stacked otherwise.
pub fn list_and_detail(area: Rect) -> (Rect, Rect) {
    let (direction, list_share) = if area.width >= 110 {
        (Direction::Horizontal, 58)
    } else {
        (Direction::Vertical, 55)
    };
    let parts = Layout::default()
        .direction(direction)
        .constraints([
            Constraint::Percentage(list_share),
            Constraint::Percentage(100 - list_share),
        ])
        .split(area);
    (parts[0], parts[1])
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

    #[test]
    fn cursor_stays_in_range() {
        let mut c = Cursor::default();
        c.step(5, 3);
        assert_eq!(c.pos, 2);
        c.step(-10, 3);
        assert_eq!(c.pos, 0);
        c.step(1, 0);
        assert_eq!(c.pos, 0);
    }
}
