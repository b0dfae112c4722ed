//! The kinds of relationship explained in the Mentors view's help (`?`): the FAQ's
//! difference between mentoring and coaching, and what a sponsor, a peer mentor and a
//! reverse mentor are.

use ratatui::text::{Line, Span};

use crate::domain::Relationship;
use crate::tui::ui::Ui;

/// The help's lines about the kinds of relationship, a title first and a blank line last.
pub fn lines(ui: &Ui) -> Vec<Line<'static>> {
    let t = &ui.t.fit;
    let mut lines = vec![Line::styled(t.help_kinds_title, ui.theme.title)];
    for kind in Relationship::ALL.iter().copied() {
        let meaning = match kind {
            Relationship::Mentor => t.help_mentor,
            Relationship::Coach => t.help_coach,
            Relationship::Sponsor => t.help_sponsor,
            Relationship::Peer => t.help_peer,
            Relationship::Reverse => t.help_reverse,
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {}: ", t.relationship(kind)), ui.theme.accent),
            Span::raw(meaning),
        ]));
    }
    lines.push(Line::from(""));
    lines
}
