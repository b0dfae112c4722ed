//! Drawing the debrief: the steps across the top, what to do, and the step's form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::state::Debrief;
use super::steps::Step;
use crate::i18n::fill;
use crate::tui::ui::{Ui, fit};

impl Debrief {
    /// Draws the debrief over `area`.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.debrief;
        f.render_widget(Clear, area);
        let title = fill!(
            t.title,
            mentor = ui.mentor(&self.mentor_name, self.mentor_private),
            date = ui.date(self.meeting.starts_at.date())
        );
        let title = fit(&title, area.width.saturating_sub(4) as usize);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ui.theme.accent)
            .title(Span::styled(format!(" {title} "), ui.theme.title))
            // A win can be noted at any step: the key stays in sight on the frame.
            .title_bottom(
                Line::styled(
                    format!(" {} ", fit(ui.t.wins.debrief_key, area.width as usize / 2)),
                    ui.theme.dim,
                )
                .right_aligned(),
            );
        let inner = block.inner(area);
        f.render_widget(block, area);
        if inner.height < 3 || inner.width < 4 {
            return;
        }
        let current = self.state.step;
        let mut spans = Vec::new();
        for (i, step) in Step::ALL.iter().enumerate() {
            let text = format!(" {} {} ", i + 1, step.label(ui.t));
            let style = if i == current {
                ui.theme.selected
            } else if i < current {
                ui.theme.good
            } else {
                ui.theme.dim
            };
            spans.push(Span::styled(text, style));
        }
        let steps_row = Rect { height: 1, ..inner };
        f.render_widget(Paragraph::new(Line::from(spans)), steps_row);
        let hint_row = Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        };
        f.render_widget(
            Paragraph::new(Span::styled(
                fit(self.step().hint(ui.t), inner.width as usize),
                ui.theme.dim,
            )),
            hint_row,
        );
        let body = Rect {
            y: inner.y + 2,
            height: inner.height - 2,
            ..inner
        };
        self.form.render(f, body, ui);
    }
}
