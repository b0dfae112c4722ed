//! Commitments (5): mine and the mentor's, open ones by due date, overdue ones standing out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

use super::list::{ListSpec, draw_detail, draw_list, field};
use super::{Cursor, LIST_LIMIT, list_and_detail};
use crate::domain::CommitmentStatus;
use crate::i18n::{Label, fill};
use crate::store::{CommitmentRow, Result, Store};
use crate::tui::ui::Ui;

/// The Commitments view's state.
#[derive(Debug, Default)]
pub struct CommitmentsView {
    pub rows: Vec<CommitmentRow>,
    pub cursor: Cursor,
}

impl CommitmentsView {
    /// Loads the list.
    pub fn load(&mut self, store: &Store) -> Result<()> {
        self.rows = store.commitment_list(LIST_LIMIT)?;
        self.cursor.clamp(self.rows.len());
        Ok(())
    }

    /// Number of rows in the list.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Draws the list and the detail pane.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.commitments;
        let (list_area, detail_area) = list_and_detail(area);
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let c = &r.commitment;
                let overdue =
                    c.status == CommitmentStatus::Open && c.due.is_some_and(|d| d < ui.today());
                let due = match c.due {
                    Some(d) if overdue => {
                        fill(ui.t.common.overdue_by, &[&(ui.today() - d).num_days()])
                    }
                    Some(d) => ui.date(d),
                    None => ui.t.common.none.to_string(),
                };
                let style = if overdue {
                    ui.theme.danger
                } else if c.status != CommitmentStatus::Open {
                    ui.theme.dim
                } else {
                    ui.theme.base
                };
                Row::new(vec![
                    Cell::from(c.owner.label(&ui.t.labels)),
                    Cell::from(ui.user(&c.text, c.private).into_owned()),
                    Cell::from(due),
                    Cell::from(c.status.label(&ui.t.labels)),
                    Cell::from(
                        ui.user(r.mentor_name.as_deref().unwrap_or(ui.t.common.none), false)
                            .into_owned(),
                    ),
                ])
                .style(style)
            })
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: t.list_title.to_string(),
                headers: &[
                    t.col_owner,
                    t.col_text,
                    t.col_due,
                    t.col_status,
                    t.col_mentor,
                ],
                widths: &[
                    Constraint::Length(7),
                    Constraint::Min(20),
                    Constraint::Length(17),
                    Constraint::Length(10),
                    Constraint::Length(14),
                ],
                rows,
                cursor: self.cursor,
                empty: t.empty,
                focused: true,
            },
            ui,
        );
        if let Some(r) = self.rows.get(self.cursor.pos) {
            let c = &r.commitment;
            let mut lines = vec![Line::from(ui.user(&c.text, c.private).into_owned())];
            if c.feedback_id.is_some() {
                lines.push(Line::styled(format!("⚗ {}", t.experiment), ui.theme.accent));
            }
            if !c.result.is_empty() {
                lines.push(field(
                    t.result,
                    ui.user(&c.result, c.private).into_owned(),
                    ui,
                ));
            }
            draw_detail(f, detail_area, ui.t.common.details, lines, ui);
        }
    }
}
