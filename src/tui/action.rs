//! Everything a key can ask the app to do, by name: the app's own actions and each view's.
//! Only `App::update` acts on them; the key tables (`keys.rs` and each view's) map keys to
//! them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::view::View;

/// Whose value a field changed on both sides keeps (`crate::tui::edit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolve {
    /// Mine, for this field.
    Mine,
    /// Theirs, for this field.
    Theirs,
    /// Mine, for this field and the ones still to ask about.
    MineForAll,
    /// Theirs, for this field and the ones still to ask about.
    TheirsForAll,
}

/// Everything a key can ask the app to do. Only `App::update` acts on these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    ShowView(View),
    NextView,
    PrevView,
    ToggleHelp,
    CloseOverlay,
    MoveUp,
    MoveDown,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    Back,
    /// `v` (and `Enter` where a view has no other use for it): the selected record's whole
    /// detail, full screen and scrollable.
    Detail,
    WelcomeFresh,
    WelcomeDemo,
    /// `u`: put back the last deleted record.
    Undo,
    /// `/`: open the search overlay.
    Search,
    /// `Ctrl-P`: hide or show private text (for screen sharing).
    TogglePrivacy,
    /// The answer to a y/n question.
    Confirm(bool),
    /// Offer of a draft left behind: restore it, or throw it away.
    RestoreDraft,
    DiscardDraft,
    /// The answer about a field changed here and in another window.
    Resolve(Resolve),
    /// Keys of the Mentors view.
    Mentors(MentorsAction),
    /// Keys of the Today view.
    Today(TodayAction),
    /// Keys of the Reflections view.
    Reflections(ReflectionsAction),
    /// Keys of the Goals view.
    Goals(GoalsAction),
    /// Keys of the Meetings view (and `Q`, park a question, from anywhere).
    Meetings(MeetingsAction),
    /// The debrief of a meeting (and the Meetings view's `D`).
    Debrief(DebriefAction),
    /// Keys of the Feedback view.
    Feedback(FeedbackAction),
    /// Keys of the Commitments view.
    Commitments(CommitmentsAction),
    /// Keys of the Gratitude view.
    Gratitude(GratitudeAction),
    /// Keys of the recap overlay.
    Recap(RecapAction),
    /// A key typed into the overlay on top (a form's field, the search query, a debrief
    /// step), when its key table does not name it.
    Input(KeyEvent),
    /// Text pasted into the overlay on top.
    Paste(String),
    /// A key of the open form (also typed into a form any other way).
    Form(FormKey),
}

/// The keys of a form that do more than edit a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    /// `Tab`: the next field.
    Next,
    /// `Ctrl-S`: save, when every field is fine.
    Save,
    /// `Esc`: cancel (asks first when something was changed).
    Cancel,
    /// `Ctrl-E`: edit the field in `$EDITOR`.
    Editor,
}

impl FormKey {
    /// The key press the form widget reads for it.
    pub fn event(self) -> KeyEvent {
        match self {
            FormKey::Next => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            FormKey::Save => KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            FormKey::Cancel => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            FormKey::Editor => KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL),
        }
    }
}

/// What the Mentors view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentorsAction {
    New,
    Edit,
    Delete,
    /// Cycle the status filter: all → candidate → … → ended → all.
    Filter,
    /// Cycle the kind-of-relationship filter: all → mentor → coach → … → reverse → all.
    FilterKind,
    /// Log a contact with the selected mentor.
    LogContact,
    /// Record a relationship health check.
    HealthCheck,
    /// End the relationship: closing notes and a thank-you draft.
    End,
    /// `s`: fill in or edit the fit scorecard of a candidate or approached mentor.
    Scorecard,
    /// `S`: the candidates' scorecards side by side, over the view.
    Compare,
    /// In the comparison: show the candidates to the left / to the right.
    CompareLeft,
    CompareRight,
    /// `r`: note a recommendation or an introduction from the selected mentor.
    Recommend,
    /// `R`: move one of the selected mentor's recommendations on (status, takeaway).
    UpdateResource,
}

/// What the Feedback view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackAction {
    New,
    Edit,
    Delete,
    /// `s`: the next status.
    CycleStatus,
    /// `t`: try this advice as an experiment.
    Try,
    /// `f`: all / open / trying / done / parked.
    CycleFilter,
    /// `m`: all mentors / the selected feedback's mentor.
    MentorFilter,
}

/// What the Goals view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalsAction {
    New,
    Edit,
    Delete,
    /// Record a progress update for the selected goal.
    Progress,
    /// `w`: note a win for the selected goal.
    Win,
}

/// What the Meetings view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingsAction {
    /// Plan a meeting.
    New,
    /// Edit the selected meeting (also how it becomes held or cancelled).
    Edit,
    /// Delete the selected meeting (y/n, then `u` undoes).
    Delete,
    /// Open the agenda builder of the selected meeting.
    OpenAgenda,
    /// Enter in-meeting mode.
    InMeeting,
    /// Mark the agenda ready, or back to draft.
    ToggleReady,
    /// Builder: add, edit, delete an item.
    NewItem,
    EditItem,
    DeleteItem,
    /// Builder: move the item down or up the agenda.
    MoveItemDown,
    MoveItemUp,
    /// Builder: switch between the agenda and the suggestions.
    SwitchPane,
    /// Builder: accept the selected suggestion.
    AcceptSuggestion,
    /// Builder: Enter edits an item or accepts a suggestion, by pane.
    Activate,
    /// Builder: fill an empty agenda from the shipped template.
    ApplyTemplate,
    /// Back to the previous screen.
    Back,
    /// In-meeting: tick (or untick) the item as discussed.
    MarkDiscussed,
    /// In-meeting: jot a note on the item.
    JotNote,
    /// The recap of the selected held meeting.
    Recap,
    /// Anywhere: park a question in the question bank.
    ParkQuestion,
}

/// What the recap overlay's keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecapAction {
    /// Copy it to the clipboard (OSC 52).
    Copy,
    /// Open it in `$EDITOR`.
    Edit,
    /// Save it to a file (first `w` asks the name, `Enter` saves).
    Save,
}

/// What the Gratitude view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GratitudeAction {
    New,
    Edit,
    Delete,
    /// `s`: mark sent (asks the channel) / not sent.
    Sent,
    /// `←`/`→`: the thanks list or the nudge list.
    SwitchFocus,
    /// `t` (and `Enter` on a nudge): thanks filled in for the selected nudge.
    ThankNudge,
}

/// What the debrief's keys (and the Meetings view's `D`) do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefAction {
    /// Start (or resume) the debrief of the meeting selected in the Meetings view.
    Start,
    /// Start (or resume) the debrief of this meeting.
    Open(i64),
    /// `Ctrl-S`: add the entry, or go to the next step; on the last step, save everything.
    Next,
    /// `Ctrl-B`: back one step.
    Back,
    /// `Esc`: leave; the draft keeps everything.
    Leave,
    /// `Ctrl-D`: remove the last feedback or commitment noted in this step.
    RemoveLast,
    /// `Ctrl-W`: note a win that came out of this meeting (the win form over the debrief).
    Win,
}

/// What the Commitments view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentsAction {
    New,
    Edit,
    Delete,
    /// `x`: done today / back to open.
    ToggleDone,
    /// `r`: record an experiment's result.
    Result,
    /// `f`: open / overdue / done / the mentor's / all.
    CycleFilter,
}

/// What the Today view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayAction {
    /// `b`: debrief the meeting whose time has passed.
    Debrief,
    /// `p`: plan the meeting a nudge asks for (a slipping relationship, a cadence).
    Plan,
}

/// What the Reflections view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReflectionsAction {
    New,
    Edit,
    Delete,
    AdjustGoal,
}
