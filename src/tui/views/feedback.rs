//! Feedback (4): what mentors said, its kind and status, and my reaction.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

use super::list::{ListSpec, draw_detail, draw_list, field};
use super::{Cursor, LIST_LIMIT, list_and_detail};
use crate::domain::text::clean_multiline;
use crate::i18n::Label;
use crate::store::{FeedbackRow, Result, Store};
use crate::tui::ui::Ui;

/// The Feedback view's state.
#[derive(Debug, Default)]
pub struct FeedbackView {
    pub rows: Vec<FeedbackRow>,
    pub cursor: Cursor,
}

impl FeedbackView {
    /// Loads the list.
    pub fn load(&mut self, store: &Store) -> Result<()> {
        self.rows = store.feedback_list(LIST_LIMIT)?;
        self.cursor.clamp(self.rows.len());
        Ok(())
    }

    /// Number of rows in the list.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Draws the list and the detail pane.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.feedback;
        let (list_area, detail_area) = list_and_detail(area);
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let fb = &r.feedback;
                Row::new(vec![
                    Cell::from(ui.date(fb.received_on)),
                    Cell::from(
                        ui.user(r.mentor_name.as_deref().unwrap_or(ui.t.common.none), false)
                            .into_owned(),
                    ),
                    Cell::from(fb.kind.label(&ui.t.labels)),
                    Cell::from(fb.status.label(&ui.t.labels)),
                    Cell::from(ui.user(&fb.text, fb.private).into_owned()),
                ])
            })
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: t.list_title.to_string(),
                headers: &[
                    t.col_date,
                    t.col_mentor,
                    t.col_kind,
                    t.col_status,
                    t.col_text,
                ],
                widths: &[
                    Constraint::Length(10),
                    Constraint::Length(14),
                    Constraint::Length(10),
                    Constraint::Length(10),
                    Constraint::Min(20),
                ],
                rows,
                cursor: self.cursor,
                empty: t.empty,
                focused: true,
            },
            ui,
        );
        if let Some(r) = self.rows.get(self.cursor.pos) {
            let fb = &r.feedback;
            let mut lines: Vec<Line> = if fb.private && ui.hide_private {
                vec![Line::from(ui.t.common.hidden_text)]
            } else {
                clean_multiline(&fb.text)
                    .lines()
                    .map(|l| Line::from(l.to_string()))
                    .collect()
            };
            lines.push(Line::from(""));
            lines.push(field(
                t.reaction,
                ui.user(&fb.reaction, fb.private).into_owned(),
                ui,
            ));
            draw_detail(f, detail_area, ui.t.common.details, lines, ui);
        }
    }
}
