//! The candidates side by side (`S` in Mentors): every candidate and approached mentor as a
//! column, each fit criterion as a row, then the total and the average; the best rating of
//! each row stands out. The columns that fit are shown and `←`/`→` scroll through the rest,
//! so the comparison reads the same at 80×24 and on a wide screen. The candidates are read
//! when it opens ([`crate::store::Store::candidates`], best average first): drawing never
//! queries. A private mentor's name is hidden like everywhere else while `Ctrl-P` is on.

use std::cell::Cell as Measured;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

use crate::domain::FitCriterion;
use crate::domain::fit::Candidate;
use crate::i18n::Label;
use crate::store::{Result, Store};
use crate::tui::action::{Action, MentorsAction};
use crate::tui::keys::{Binding, Key, bind};
use crate::tui::ui::{Ui, fit};

/// The width of one candidate's column, its gap included.
const COLUMN: u16 = 18;
/// The narrowest and widest the criteria's column gets.
const LABEL_MIN: u16 = 10;
const LABEL_MAX: u16 = 30;

/// The comparison open over the Mentors view.
#[derive(Debug, Default)]
pub struct CompareOverlay {
    /// The candidates, best average first.
    pub candidates: Vec<Candidate>,
    /// The first candidate shown (the columns scroll sideways).
    pub first: usize,
    /// How many columns the last frame had room for (only drawing knows the width).
    shown: Measured<usize>,
}

impl CompareOverlay {
    /// Reads the candidates to compare.
    pub fn open(store: &Store) -> Result<CompareOverlay> {
        Ok(CompareOverlay {
            candidates: store.candidates()?,
            first: 0,
            shown: Measured::new(1),
        })
    }

    /// Shows the candidates `delta` columns further right (left when negative), within the
    /// list: the last column shown stays the last candidate.
    pub fn scroll(&mut self, delta: isize) {
        let last_first = self
            .candidates
            .len()
            .saturating_sub(self.shown.get().max(1));
        let to = (self.first as isize).saturating_add(delta);
        self.first = to.clamp(0, last_first as isize) as usize;
    }

    /// Draws the comparison over `area`.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.fit;
        f.render_widget(Clear, area);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_style(ui.theme.accent)
            .title(Span::styled(
                format!(
                    " {} ",
                    fit(t.compare_title, area.width.saturating_sub(4) as usize)
                ),
                ui.theme.title,
            ));
        let inner = block.inner(area);
        if self.candidates.is_empty() {
            let text = Paragraph::new(Line::styled(t.no_candidates, ui.theme.dim))
                .wrap(ratatui::widgets::Wrap { trim: false });
            f.render_widget(text.block(block), area);
            return;
        }
        let label_width = label_width(ui).clamp(LABEL_MIN, LABEL_MAX.min(inner.width / 2));
        let room = usize::from(inner.width.saturating_sub(label_width) / COLUMN).max(1);
        let shown = room.min(self.candidates.len());
        self.shown.set(shown);
        let first = self.first.min(self.candidates.len() - shown);
        let columns = &self.candidates[first..first + shown];
        if shown < self.candidates.len() {
            block = block.title_bottom(
                Line::from(format!(
                    " ← {}–{}/{} → ",
                    first + 1,
                    first + shown,
                    self.candidates.len()
                ))
                .right_aligned(),
            );
        }
        let cell_width = usize::from(COLUMN - 1);
        let mut rows = vec![
            Row::new(
                std::iter::once(Cell::from(""))
                    .chain(columns.iter().map(|c| {
                        Cell::from(fit(&ui.mentor(&c.name, c.private), cell_width))
                            .style(ui.theme.title)
                    }))
                    .collect::<Vec<_>>(),
            ),
            Row::new(
                std::iter::once(Cell::from(""))
                    .chain(
                        columns
                            .iter()
                            .map(|c| Cell::from(c.status.label(&ui.t.labels)).style(ui.theme.dim)),
                    )
                    .collect::<Vec<_>>(),
            ),
        ];
        for criterion in FitCriterion::ALL.iter().copied() {
            let best = self
                .candidates
                .iter()
                .filter_map(|c| c.fit.rating(criterion).map(|r| r.rating))
                .max();
            let cells = columns.iter().map(|c| match c.fit.rating(criterion) {
                Some(r) if Some(r.rating) == best => {
                    Cell::from(format!("{}/5", r.rating)).style(ui.theme.accent)
                }
                Some(r) => Cell::from(format!("{}/5", r.rating)),
                None => Cell::from("–").style(ui.theme.dim),
            });
            rows.push(Row::new(
                std::iter::once(Cell::from(fit(
                    t.criterion(criterion),
                    usize::from(label_width),
                )))
                .chain(cells)
                .collect::<Vec<_>>(),
            ));
        }
        rows.push(
            Row::new(
                std::iter::once(Cell::from(t.total).style(ui.theme.title))
                    .chain(
                        columns
                            .iter()
                            .map(|c| Cell::from(c.fit.total().to_string()).style(ui.theme.title)),
                    )
                    .collect::<Vec<_>>(),
            )
            .top_margin(1),
        );
        rows.push(Row::new(
            std::iter::once(Cell::from(t.average).style(ui.theme.title))
                .chain(columns.iter().map(|c| {
                    let text = c
                        .fit
                        .average()
                        .map(|a| format!("{}/5", ui.number((a * 10.0).round() / 10.0)))
                        .unwrap_or_else(|| "–".to_string());
                    Cell::from(text).style(ui.theme.title)
                }))
                .collect::<Vec<_>>(),
        ));
        let widths: Vec<Constraint> = std::iter::once(Constraint::Length(label_width))
            .chain(std::iter::repeat_n(Constraint::Length(COLUMN - 1), shown))
            .collect();
        f.render_widget(
            Table::new(rows, widths).column_spacing(1).block(block),
            area,
        );
    }
}

/// The width the criteria's labels (and the total and average) want, in this language.
fn label_width(ui: &Ui) -> u16 {
    let t = &ui.t.fit;
    FitCriterion::ALL
        .iter()
        .map(|c| t.criterion(*c))
        .chain([t.total, t.average])
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0) as u16
}

/// Keys of the comparison.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::plain(KeyCode::Right), Key::ch('l')],
        Action::Mentors(MentorsAction::CompareRight),
        "← → h l",
        |t| t.fit.key_compare_scroll,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Left), Key::ch('h')],
        Action::Mentors(MentorsAction::CompareLeft),
        "",
        |t| t.fit.key_compare_scroll,
        false,
    ),
    bind(
        &[
            Key::plain(KeyCode::Esc),
            Key::plain(KeyCode::Enter),
            Key::ch('S'),
        ],
        Action::CloseOverlay,
        "Esc",
        |t| t.common.key_back,
        true,
    ),
    crate::tui::keys::HELP_UNHINTED,
    crate::tui::keys::QUIT_UNHINTED,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MentorStatus;
    use crate::domain::fit::MentorFit;

    fn candidate(name: &str) -> Candidate {
        Candidate {
            mentor_id: 0,
            name: name.into(),
            status: MentorStatus::Candidate,
            private: false,
            fit: MentorFit::default(),
        }
    }

    #[test]
    fn scrolling_stays_within_the_candidates() {
        let mut o = CompareOverlay {
            candidates: ["A", "B", "C", "D", "E"].map(candidate).to_vec(),
            ..CompareOverlay::default()
        };
        o.shown.set(2);
        o.scroll(-1);
        assert_eq!(o.first, 0);
        o.scroll(1);
        o.scroll(1);
        o.scroll(1);
        assert_eq!(o.first, 3, "the last two are shown");
        o.scroll(1);
        assert_eq!(o.first, 3);
        o.scroll(-2);
        assert_eq!(o.first, 1);
    }
}
