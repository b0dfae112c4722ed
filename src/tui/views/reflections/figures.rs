//! The period's figures as the review form's side panel: text with small bar charts.

use ratatui::text::{Line, Span};

use crate::config::DateFormat;
use crate::domain::Period;
use crate::domain::figures::PeriodFigures;
use crate::i18n::{Label, Lang, Text};
use crate::tui::theme::Theme;
use crate::tui::ui::{gauge, wrap};

/// Width of the gauges, in cells.
const BAR: usize = 6;

/// The panel's width in cells (the form's side panel, less its rule and padding).
const WIDTH: usize = 42;

/// The panel's lines for the figures `f` of a `period`: the catalog's sections (the same
/// sentences `mentee review` prints), a gauge before each line that has a ratio, every line
/// wrapped to the panel's width.
pub fn figure_lines(
    f: &PeriodFigures,
    period: Period,
    t: &Text,
    theme: &Theme,
    (dates, lang): (DateFormat, Lang),
) -> Vec<Line<'static>> {
    let last = crate::domain::figures::last_day(f.end);
    let heading = t.review.heading(
        period.label(&t.labels),
        &dates.format(f.start, lang),
        &dates.format(last, lang),
    );
    let mut lines: Vec<Line<'static>> = wrap(&heading, WIDTH, 0)
        .into_iter()
        .map(|l| Line::styled(l, theme.title))
        .collect();
    for section in t.review.sections(f, t.common.decimal_separator) {
        lines.push(Line::styled(section.title.to_string(), theme.header));
        for figure in section.lines {
            match figure.ratio {
                Some(ratio) => {
                    let bar = gauge(Some(ratio), BAR);
                    let text = format!("{bar} {}", figure.text);
                    for (i, part) in wrap(&text, WIDTH, 2).into_iter().enumerate() {
                        lines.push(match part.strip_prefix(&bar) {
                            Some(rest) if i == 0 => Line::from(vec![
                                Span::styled(bar.clone(), theme.gauge),
                                Span::raw(rest.to_string()),
                            ]),
                            _ => Line::from(part),
                        });
                    }
                }
                None => lines.extend(
                    wrap(&figure.text, WIDTH - 2, 2)
                        .into_iter()
                        .map(|part| Line::from(format!("  {part}"))),
                ),
            }
        }
    }
    lines
}
