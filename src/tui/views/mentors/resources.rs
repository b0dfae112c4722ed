//! The "Recommendations & introductions" section of a mentor's detail: what this mentor
//! recommended or who they introduced, open ones first, with the status, the goal and the
//! takeaway. Private text is hidden by the privacy rule (its own flag, its goal's, the
//! mentor's).

use ratatui::text::Line;

use crate::domain::privacy::Privacy;
use crate::domain::{ResourceKind, ResourceStatus};
use crate::i18n::Label;
use crate::store::ResourceRow;
use crate::tui::ui::Ui;
use crate::tui::views::list::heading;

/// The most recommendations the section lists.
pub const SHOWN: usize = 6;

/// Appends the section for `rows` (this mentor's recommendations) to `lines`.
pub fn lines(rows: &[ResourceRow], ui: &Ui, lines: &mut Vec<Line<'static>>) {
    let t = &ui.t.resources;
    lines.push(Line::from(""));
    lines.push(heading(t.section_title, ui));
    if rows.is_empty() {
        lines.push(Line::styled(t.section_empty, ui.theme.dim));
        return;
    }
    for row in rows.iter().take(SHOWN) {
        let r = &row.resource;
        let privacy = Privacy::own(r.private)
            .mentor(row.mentor_private)
            .goal(row.goal_private);
        let mark = match r.status {
            ResourceStatus::Done => "✓",
            ResourceStatus::Dropped => "–",
            ResourceStatus::Doing => "…",
            ResourceStatus::Todo => "·",
        };
        let style = match (r.status, r.kind == ResourceKind::Person && !row.thanked) {
            (ResourceStatus::Done, true) => ui.theme.warn,
            (status, _) if !status.is_open() => ui.theme.dim,
            _ => ui.theme.base,
        };
        lines.push(Line::styled(
            format!(
                "{mark} {} · {}: {}",
                r.status.label(&ui.t.labels),
                r.kind.label(&ui.t.labels),
                ui.user(&r.title, privacy)
            ),
            style,
        ));
        if let Some(goal) = &row.goal_title {
            lines.push(Line::styled(
                format!("  {}: {}", t.f_goal, ui.user(goal, privacy)),
                ui.theme.dim,
            ));
        }
        if !r.takeaway.trim().is_empty() {
            lines.push(Line::from(format!(
                "  {}: {}",
                t.f_takeaway,
                ui.user(r.takeaway.trim(), privacy)
            )));
        }
    }
}
