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

pub use super::view::View;
pub use list::{Cursor, LIST_LIMIT, list_and_detail};

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
