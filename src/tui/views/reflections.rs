//! Reflections (7): periodic reviews and their answers.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

use super::list::{ListSpec, draw_detail, draw_list, heading};
use super::{Cursor, LIST_LIMIT, list_and_detail};
use crate::domain::Reflection;
use crate::domain::text::clean_multiline;
use crate::i18n::Label;
use crate::store::{Result, Store};
use crate::tui::ui::Ui;

/// The Reflections view's state.
#[derive(Debug, Default)]
pub struct ReflectionsView {
    pub rows: Vec<Reflection>,
    pub cursor: Cursor,
}

impl ReflectionsView {
    /// Loads the list.
    pub fn load(&mut self, store: &Store) -> Result<()> {
        self.rows = store.reflections(LIST_LIMIT)?;
        self.cursor.clamp(self.rows.len());
        Ok(())
    }

    /// Number of rows in the list.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Draws the list and the answers of the selected reflection.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.reflections;
        let (list_area, detail_area) = list_and_detail(area);
        let rows = self
            .rows
            .iter()
            .map(|r| {
                Row::new(vec![
                    Cell::from(r.period.label(&ui.t.labels)),
                    Cell::from(ui.date(r.period_start)),
                    Cell::from(ui.user(&r.template, false).into_owned()),
                ])
            })
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: t.list_title.to_string(),
                headers: &[t.col_period, t.col_start, t.col_template],
                widths: &[
                    Constraint::Length(10),
                    Constraint::Length(11),
                    Constraint::Min(10),
                ],
                rows,
                cursor: self.cursor,
                empty: t.empty,
                focused: true,
            },
            ui,
        );
        if let Some(r) = self.rows.get(self.cursor.pos) {
            let mut lines = Vec::new();
            for (prompt, answer) in &r.answers {
                lines.push(heading(&ui.user(prompt, false), ui));
                if r.private && ui.hide_private {
                    lines.push(Line::from(ui.t.common.hidden_text));
                } else {
                    lines.extend(
                        clean_multiline(answer)
                            .lines()
                            .map(|l| Line::from(l.to_string())),
                    );
                }
                lines.push(Line::from(""));
            }
            draw_detail(f, detail_area, t.answers, lines, ui);
        }
    }
}
