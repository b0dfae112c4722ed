//! The key tables of the Meetings view's three screens. Help and the status bar read them.

pub use crate::tui::action::MeetingsAction;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::tui::keys::{Action, Binding, Key, bind};

const fn m(a: MeetingsAction) -> Action {
    Action::Meetings(a)
}

const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

/// Keys of the meetings list. `Enter` is the lists' open key; its row here only names it.
pub const KEYS: &[Binding] = &[
    // First, so that the status bar names it even at 80 columns.
    bind(
        &[],
        m(MeetingsAction::OpenAgenda),
        "Enter",
        |t| t.meetings.key_open,
        true,
    ),
    crate::tui::views::debrief::START,
    bind(
        &[Key::ch('n')],
        m(MeetingsAction::New),
        "n",
        |t| t.meetings.key_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        m(MeetingsAction::Edit),
        "e",
        |t| t.meetings.key_edit,
        false,
    ),
    bind(
        &[Key::ch('d'), Key::plain(KeyCode::Delete)],
        m(MeetingsAction::Delete),
        "d",
        |t| t.meetings.key_delete,
        false,
    ),
    bind(
        &[Key::ch('m')],
        m(MeetingsAction::InMeeting),
        "m",
        |t| t.meetings.key_live,
        false,
    ),
    bind(
        &[Key::ch('s')],
        m(MeetingsAction::Recap),
        "s",
        |t| t.recap.key_recap,
        false,
    ),
    bind(
        &[Key::ch('r')],
        m(MeetingsAction::ToggleReady),
        "r",
        |t| t.meetings.key_ready,
        false,
    ),
];

/// Keys of the agenda builder (they shadow the lists' and the global ones of the same key).
pub const AGENDA_KEYS: &[Binding] = &[
    bind(
        &[Key::ch('n')],
        m(MeetingsAction::NewItem),
        "n",
        |t| t.meetings.key_item_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        m(MeetingsAction::EditItem),
        "e",
        |t| t.meetings.key_item_edit,
        false,
    ),
    bind(
        &[Key::ch('d'), Key::plain(KeyCode::Delete)],
        m(MeetingsAction::DeleteItem),
        "d",
        |t| t.meetings.key_item_delete,
        false,
    ),
    bind(
        &[Key::ch('J'), shift(KeyCode::Down)],
        m(MeetingsAction::MoveItemDown),
        "J Shift-↓",
        |t| t.meetings.key_item_down,
        false,
    ),
    bind(
        &[Key::ch('K'), shift(KeyCode::Up)],
        m(MeetingsAction::MoveItemUp),
        "K Shift-↑",
        |t| t.meetings.key_item_up,
        false,
    ),
    bind(
        &[Key::ch('a')],
        m(MeetingsAction::AcceptSuggestion),
        "a",
        |t| t.meetings.key_accept,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Enter)],
        m(MeetingsAction::Activate),
        "Enter",
        |t| t.meetings.key_enter_builder,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::Tab)],
        m(MeetingsAction::SwitchPane),
        "Tab",
        |t| t.meetings.key_pane,
        true,
    ),
    bind(
        &[Key::ch('t')],
        m(MeetingsAction::ApplyTemplate),
        "t",
        |t| t.meetings.key_template,
        false,
    ),
    bind(
        &[Key::ch('r')],
        m(MeetingsAction::ToggleReady),
        "r",
        |t| t.meetings.key_ready,
        false,
    ),
    bind(
        &[Key::ch('m')],
        m(MeetingsAction::InMeeting),
        "m",
        |t| t.meetings.key_live,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        m(MeetingsAction::Back),
        "Esc",
        |t| t.meetings.key_back,
        true,
    ),
];

/// Keys of in-meeting mode.
pub const LIVE_KEYS: &[Binding] = &[
    bind(
        &[Key::ch(' '), Key::ch('x')],
        m(MeetingsAction::MarkDiscussed),
        "Space x",
        |t| t.meetings.key_tick,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Enter), Key::ch('e')],
        m(MeetingsAction::JotNote),
        "Enter e",
        |t| t.meetings.key_note,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        m(MeetingsAction::Back),
        "Esc",
        |t| t.meetings.key_leave_live,
        true,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::{GLOBAL, LIST, lookup};
    use ratatui::crossterm::event::KeyEvent;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn each_screen_maps_its_keys() {
        let none = KeyModifiers::NONE;
        let builder = [AGENDA_KEYS, GLOBAL, LIST];
        let cases = [
            (KeyCode::Char('n'), none, MeetingsAction::NewItem),
            (
                KeyCode::Char('J'),
                KeyModifiers::SHIFT,
                MeetingsAction::MoveItemDown,
            ),
            (
                KeyCode::Down,
                KeyModifiers::SHIFT,
                MeetingsAction::MoveItemDown,
            ),
            (KeyCode::Up, KeyModifiers::SHIFT, MeetingsAction::MoveItemUp),
            (KeyCode::Tab, none, MeetingsAction::SwitchPane),
            (KeyCode::Enter, none, MeetingsAction::Activate),
            (KeyCode::Esc, none, MeetingsAction::Back),
        ];
        for (code, mods, want) in cases {
            assert_eq!(
                lookup(&builder, &ev(code, mods)),
                Some(Action::Meetings(want)),
                "{code:?}"
            );
        }
        // Plain arrows still move the cursor.
        assert_eq!(
            lookup(&builder, &ev(KeyCode::Down, none)),
            Some(Action::MoveDown)
        );
        let live = [LIVE_KEYS, GLOBAL, LIST];
        for code in [KeyCode::Char(' '), KeyCode::Char('x')] {
            assert_eq!(
                lookup(&live, &ev(code, none)),
                Some(Action::Meetings(MeetingsAction::MarkDiscussed))
            );
        }
        assert_eq!(
            lookup(&[KEYS, GLOBAL, LIST], &ev(KeyCode::Enter, none)),
            Some(Action::Open),
            "Enter on the list is the lists' open key"
        );
        assert_eq!(
            lookup(
                &[KEYS, GLOBAL, LIST],
                &ev(KeyCode::Char('Q'), KeyModifiers::SHIFT)
            ),
            Some(Action::Meetings(MeetingsAction::ParkQuestion))
        );
    }

    #[test]
    fn no_key_is_bound_twice_within_a_screen_table() {
        for table in [KEYS, AGENDA_KEYS, LIVE_KEYS] {
            let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{a:?} bound twice");
            }
        }
    }
}
