//! Key bindings: one table per context, each row a key, the action it triggers and its help
//! text. The help overlay and the status-bar hints are drawn from these same tables, so what
//! the help says is always what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::MeetingsAction;
pub use super::action::{Action, FormKey};
use super::view::View;
use crate::i18n::Text;

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// A key pressed alone (Shift is ignored for characters).
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }
    /// A character key.
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    /// Control plus a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// True when `event` is this key. Shift is part of the character for letters and symbols.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        // Shift is part of a character ('G', '?'), but a modifier of other keys (Shift-Tab).
        let (mods, wanted) = if matches!(event.code, KeyCode::Char(_)) {
            (
                event.modifiers - KeyModifiers::SHIFT,
                self.mods - KeyModifiers::SHIFT,
            )
        } else {
            (event.modifiers, self.mods)
        };
        let code_eq = match (self.code, event.code) {
            // Some terminals send BackTab, others Shift+Tab.
            (KeyCode::BackTab, KeyCode::Tab) => {
                return event.modifiers.contains(KeyModifiers::SHIFT);
            }
            (KeyCode::BackTab, KeyCode::BackTab) => return true,
            (a, b) => a == b,
        };
        code_eq && mods == wanted
    }
}

/// One row of a key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys that trigger the action.
    pub keys: &'static [Key],
    pub action: Action,
    /// How the keys are written in help ("j ↓"); empty hides the row from help.
    pub label: &'static str,
    /// The help text.
    pub help: fn(&Text) -> &'static str,
    /// Also shown as a hint in the status bar.
    pub hint: bool,
}

impl Binding {
    /// How the keys are written, in the interface language ("Spasi x").
    pub fn key_label(&self, t: &Text) -> String {
        self.label.replace("Space", t.common.key_space)
    }
}

pub const fn bind(
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: fn(&Text) -> &'static str,
    hint: bool,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        help,
        hint,
    }
}

/// Keys that work in every view.
pub const GLOBAL: &[Binding] = &[
    bind(
        &[Key::ch('1')],
        Action::ShowView(View::Today),
        "1–8",
        |t| t.common.key_views,
        false,
    ),
    bind(
        &[Key::ch('2')],
        Action::ShowView(View::Goals),
        "",
        |t| t.common.key_views,
        false,
    ),
    bind(
        &[Key::ch('3')],
        Action::ShowView(View::Meetings),
        "",
        |t| t.common.key_views,
        false,
    ),
    bind(
        &[Key::ch('4')],
        Action::ShowView(View::Feedback),
        "",
        |t| t.common.key_views,
        false,
    ),
    bind(
        &[Key::ch('5')],
        Action::ShowView(View::Commitments),
        "",
        |t| t.common.key_views,
        false,
    ),
    bind(
        &[Key::ch('6')],
        Action::ShowView(View::Gratitude),
        "",
        |t| t.common.key_views,
        false,
    ),
    bind(
        &[Key::ch('7')],
        Action::ShowView(View::Reflections),
        "",
        |t| t.common.key_views,
        false,
    ),
    bind(
        &[Key::ch('8')],
        Action::ShowView(View::Mentors),
        "",
        |t| t.common.key_views,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::Tab)],
        Action::NextView,
        "Tab",
        |t| t.common.key_next_view,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::BackTab)],
        Action::PrevView,
        "Shift-Tab",
        |t| t.common.key_prev_view,
        false,
    ),
    bind(
        &[Key::ch('?'), Key::plain(KeyCode::F(1))],
        Action::ToggleHelp,
        "? F1",
        |t| t.common.key_help,
        true,
    ),
    bind(
        &[Key::ch('/')],
        Action::Search,
        "/",
        |t| t.common.key_search,
        true,
    ),
    bind(
        &[Key::ch('u')],
        Action::Undo,
        "u",
        |t| t.common.key_undo,
        false,
    ),
    bind(
        &[Key::ctrl('p')],
        Action::TogglePrivacy,
        "Ctrl-P",
        |t| t.common.key_privacy,
        false,
    ),
    bind(
        &[Key::ch('q'), Key::ctrl('c')],
        Action::Quit,
        "q Ctrl-C",
        |t| t.common.key_quit,
        true,
    ),
    bind(
        &[Key::ch('Q')],
        Action::Meetings(MeetingsAction::ParkQuestion),
        "Q",
        |t| t.meetings.key_park,
        false,
    ),
];

/// Keys of every list.
pub const LIST: &[Binding] = &[
    bind(
        &[Key::ch('j'), Key::plain(KeyCode::Down)],
        Action::MoveDown,
        "j k ↓ ↑",
        |t| t.common.key_move,
        false,
    ),
    bind(
        &[Key::ch('k'), Key::plain(KeyCode::Up)],
        Action::MoveUp,
        "",
        |t| t.common.key_move,
        false,
    ),
    bind(
        &[Key::ch('g'), Key::plain(KeyCode::Home)],
        Action::Top,
        "g G",
        |t| t.common.key_top_bottom,
        false,
    ),
    bind(
        &[Key::ch('G'), Key::plain(KeyCode::End)],
        Action::Bottom,
        "",
        |t| t.common.key_top_bottom,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::PageUp)],
        Action::PageUp,
        "PgUp PgDn",
        |t| t.common.key_page,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::PageDown)],
        Action::PageDown,
        "",
        |t| t.common.key_page,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::Enter)],
        Action::Open,
        "Enter",
        |t| t.common.key_open,
        false,
    ),
    bind(
        &[Key::ch('v')],
        Action::Detail,
        "v",
        |t| t.common.key_detail,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        |t| t.common.key_back,
        false,
    ),
];

/// `?`/F1 for help, in an overlay's table (in help, not in the status bar).
pub const HELP_UNHINTED: Binding = bind(
    &[Key::ch('?'), Key::plain(KeyCode::F(1))],
    Action::ToggleHelp,
    "? F1",
    |t| t.common.key_help,
    false,
);

/// `q`/Ctrl-C to quit, in an overlay's table (in help, not in the status bar).
pub const QUIT_UNHINTED: Binding = bind(
    &[Key::ch('q'), Key::ctrl('c')],
    Action::Quit,
    "q Ctrl-C",
    |t| t.common.key_quit,
    false,
);

/// Keys of a record's whole detail (`Enter` or `v` on a list): it scrolls, `Esc` goes back
/// to the list with the same record selected.
pub const DETAIL: &[Binding] = &[
    bind(
        &[Key::ch('j'), Key::plain(KeyCode::Down)],
        Action::MoveDown,
        "j k ↓ ↑",
        |t| t.common.key_scroll,
        true,
    ),
    bind(
        &[Key::ch('k'), Key::plain(KeyCode::Up)],
        Action::MoveUp,
        "",
        |t| t.common.key_scroll,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::PageDown), Key::ch(' ')],
        Action::PageDown,
        "PgDn PgUp",
        |t| t.common.key_page,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::PageUp)],
        Action::PageUp,
        "",
        |t| t.common.key_page,
        false,
    ),
    bind(
        &[Key::ch('g'), Key::plain(KeyCode::Home)],
        Action::Top,
        "g G",
        |t| t.common.key_top_bottom,
        false,
    ),
    bind(
        &[Key::ch('G'), Key::plain(KeyCode::End)],
        Action::Bottom,
        "",
        |t| t.common.key_top_bottom,
        false,
    ),
    bind(
        &[
            Key::plain(KeyCode::Esc),
            Key::plain(KeyCode::Enter),
            Key::plain(KeyCode::Backspace),
            Key::ch('v'),
        ],
        Action::CloseOverlay,
        "Esc",
        |t| t.common.key_back,
        true,
    ),
    HELP_UNHINTED,
    QUIT_UNHINTED,
];

/// Keys of the welcome screen.
pub const WELCOME: &[Binding] = &[
    bind(
        &[Key::ch('n'), Key::plain(KeyCode::Enter)],
        Action::WelcomeFresh,
        "n",
        |t| t.common.key_welcome_fresh,
        true,
    ),
    bind(
        &[Key::ch('d')],
        Action::WelcomeDemo,
        "d",
        |t| t.common.key_welcome_demo,
        true,
    ),
    bind(
        &[Key::ch('q'), Key::ctrl('c'), Key::plain(KeyCode::Esc)],
        Action::Quit,
        "q",
        |t| t.common.key_quit,
        true,
    ),
];

/// Keys while the help overlay is open.
pub const HELP: &[Binding] = &[
    bind(
        &[
            Key::plain(KeyCode::Esc),
            Key::ch('?'),
            Key::plain(KeyCode::F(1)),
            Key::ch('q'),
        ],
        Action::CloseOverlay,
        "Esc ?",
        |t| t.common.key_close,
        true,
    ),
    bind(
        &[Key::ch('j'), Key::plain(KeyCode::Down)],
        Action::MoveDown,
        "j k ↓ ↑",
        |t| t.common.key_scroll,
        true,
    ),
    bind(
        &[Key::ch('k'), Key::plain(KeyCode::Up)],
        Action::MoveUp,
        "",
        |t| t.common.key_scroll,
        false,
    ),
    bind(
        &[Key::ctrl('c')],
        Action::Quit,
        "Ctrl-C",
        |t| t.common.key_quit,
        false,
    ),
];

/// Keys of a y/n question.
pub const CONFIRM: &[Binding] = &[
    bind(
        &[Key::ch('y')],
        Action::Confirm(true),
        "y",
        |t| t.common.key_yes,
        true,
    ),
    bind(
        &[Key::ch('n'), Key::plain(KeyCode::Esc)],
        Action::Confirm(false),
        "n Esc",
        |t| t.common.key_no,
        true,
    ),
    bind(
        &[Key::ctrl('c')],
        Action::Quit,
        "Ctrl-C",
        |t| t.common.key_quit,
        false,
    ),
];

/// Keys of an open form; every other key edits the focused field.
pub const FORM: &[Binding] = &[
    bind(
        &[Key::plain(KeyCode::Tab)],
        Action::Form(FormKey::Next),
        "Tab",
        |t| t.form.key_next_field,
        true,
    ),
    bind(
        &[Key::ctrl('s')],
        Action::Form(FormKey::Save),
        "Ctrl-S",
        |t| t.form.key_save,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::Form(FormKey::Cancel),
        "Esc",
        |t| t.form.key_cancel,
        true,
    ),
    bind(
        &[Key::ctrl('e')],
        Action::Form(FormKey::Editor),
        "Ctrl-E",
        |t| t.form.key_editor,
        true,
    ),
    bind(
        &[Key::ctrl('c')],
        Action::Quit,
        "Ctrl-C",
        |t| t.common.key_quit,
        false,
    ),
];

/// The hints of `table` on one line, `separator` between them ("Tab next field · …").
pub fn hint_line(table: &[Binding], t: &Text, separator: &str) -> String {
    table
        .iter()
        .filter(|b| b.hint && !b.label.is_empty())
        .map(|b| format!("{} {}", b.key_label(t), (b.help)(t)))
        .collect::<Vec<_>>()
        .join(separator)
}

/// Keys of the offer to restore a draft left behind.
pub const DRAFT_OFFER: &[Binding] = &[
    bind(
        &[Key::ch('r'), Key::plain(KeyCode::Enter)],
        Action::RestoreDraft,
        "r",
        |t| t.common.key_restore,
        true,
    ),
    bind(
        &[Key::ch('x')],
        Action::DiscardDraft,
        "x",
        |t| t.common.key_discard,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::CloseOverlay,
        "Esc",
        |t| t.common.key_later,
        true,
    ),
    bind(
        &[Key::ctrl('c')],
        Action::Quit,
        "Ctrl-C",
        |t| t.common.key_quit,
        false,
    ),
];

/// The first action bound to `event` in `tables`, searched in order.
pub fn lookup(tables: &[&[Binding]], event: &KeyEvent) -> Option<Action> {
    tables
        .iter()
        .flat_map(|table| table.iter())
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action.clone())
}
