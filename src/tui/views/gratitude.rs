//! Gratitude (6): thanks per mentor and meeting, sent or not.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row};

use super::list::{ListSpec, draw_list};
use super::{Cursor, LIST_LIMIT};
use crate::store::{GratitudeRow, Result, Store};
use crate::tui::ui::Ui;

/// The Gratitude view's state.
#[derive(Debug, Default)]
pub struct GratitudeView {
    pub rows: Vec<GratitudeRow>,
    pub cursor: Cursor,
}

impl GratitudeView {
    /// Loads the list.
    pub fn load(&mut self, store: &Store) -> Result<()> {
        self.rows = store.gratitude_list(LIST_LIMIT)?;
        self.cursor.clamp(self.rows.len());
        Ok(())
    }

    /// Number of rows in the list.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Draws the list.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.gratitude;
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let g = &r.gratitude;
                let (sent, style) = if g.sent {
                    (t.sent_yes, ui.theme.good)
                } else {
                    (t.sent_no, ui.theme.warn)
                };
                Row::new(vec![
                    Cell::from(ui.date(g.on)),
                    Cell::from(
                        ui.user(r.mentor_name.as_deref().unwrap_or(ui.t.common.none), false)
                            .into_owned(),
                    ),
                    Cell::from(ui.user(&g.what_for, g.private).into_owned()),
                    Cell::from(sent).style(style),
                    Cell::from(ui.user(&g.channel, g.private).into_owned()),
                ])
            })
            .collect();
        draw_list(
            f,
            area,
            ListSpec {
                title: t.list_title.to_string(),
                headers: &[t.col_date, t.col_mentor, t.col_for, t.col_sent, t.channel],
                widths: &[
                    Constraint::Length(10),
                    Constraint::Length(14),
                    Constraint::Min(20),
                    Constraint::Length(10),
                    Constraint::Length(12),
                ],
                rows,
                cursor: self.cursor,
                empty: t.empty,
                focused: true,
            },
            ui,
        );
    }
}
