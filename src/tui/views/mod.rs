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

#[cfg(test)]
mod key_tests {
    use super::*;
    use crate::tui::keys::Action;
    use crate::tui::keys::{Binding, GLOBAL, HELP, Key, LIST, WELCOME, lookup};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn view_tables(view: View) -> Vec<&'static [Binding]> {
        vec![Views::default().screen(view).keys(), GLOBAL, LIST]
    }

    #[test]
    fn key_to_action_table() {
        let none = KeyModifiers::NONE;
        let cases: &[(KeyCode, KeyModifiers, Option<Action>)] = &[
            (
                KeyCode::Char('1'),
                none,
                Some(Action::ShowView(View::Today)),
            ),
            (
                KeyCode::Char('5'),
                none,
                Some(Action::ShowView(View::Commitments)),
            ),
            (
                KeyCode::Char('8'),
                none,
                Some(Action::ShowView(View::Mentors)),
            ),
            (KeyCode::Tab, none, Some(Action::NextView)),
            (
                KeyCode::BackTab,
                KeyModifiers::SHIFT,
                Some(Action::PrevView),
            ),
            (KeyCode::Tab, KeyModifiers::SHIFT, Some(Action::PrevView)),
            (
                KeyCode::Char('?'),
                KeyModifiers::SHIFT,
                Some(Action::ToggleHelp),
            ),
            (KeyCode::F(1), none, Some(Action::ToggleHelp)),
            (KeyCode::Char('q'), none, Some(Action::Quit)),
            (
                KeyCode::Char('c'),
                KeyModifiers::CONTROL,
                Some(Action::Quit),
            ),
            (KeyCode::Char('j'), none, Some(Action::MoveDown)),
            (KeyCode::Down, none, Some(Action::MoveDown)),
            (KeyCode::Char('k'), none, Some(Action::MoveUp)),
            (KeyCode::Char('g'), none, Some(Action::Top)),
            (
                KeyCode::Char('G'),
                KeyModifiers::SHIFT,
                Some(Action::Bottom),
            ),
            (KeyCode::PageDown, none, Some(Action::PageDown)),
            (KeyCode::Enter, none, Some(Action::Open)),
            (KeyCode::Esc, none, Some(Action::Back)),
            (KeyCode::Char('c'), none, None),
            (KeyCode::Char('z'), none, None),
        ];
        for (code, mods, want) in cases {
            assert_eq!(
                lookup(&view_tables(View::Goals), &ev(*code, *mods)),
                *want,
                "{code:?} {mods:?}"
            );
        }
    }

    #[test]
    fn today_has_its_own_open_key() {
        let m = ev(KeyCode::Char('m'), KeyModifiers::NONE);
        assert_eq!(lookup(&view_tables(View::Today), &m), Some(Action::Open));
        assert_eq!(lookup(&view_tables(View::Goals), &m), None);
    }

    #[test]
    fn welcome_and_help_tables() {
        let d = ev(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(lookup(&[WELCOME], &d), Some(Action::WelcomeDemo));
        let esc = ev(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(lookup(&[HELP], &esc), Some(Action::CloseOverlay));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for view in View::ALL {
            let tables = view_tables(*view);
            let keys: Vec<Key> = tables
                .iter()
                .flat_map(|t| t.iter())
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, a) in keys.iter().enumerate() {
                for b in &keys[i + 1..] {
                    // The same key in a view table and a shared one would shadow silently.
                    assert!(
                        a != b || *view == View::Today && a.code == KeyCode::Enter,
                        "{view:?}: {a:?} bound twice"
                    );
                }
            }
        }
    }
}
