//! The heat map of mentoring activity over the last twelve weeks: 7 rows (weekdays, from the
//! configured week start) × 12 columns (weeks, the current one last) of shaded cells.

use chrono::{Duration, NaiveDate, Weekday};
use ratatui::text::{Line, Span};

use crate::domain::Period;
use crate::domain::figures::period_bounds;
use crate::i18n::fill;
use crate::store::DayActivity;
use crate::tui::ui::Ui;

/// Weeks shown.
pub const WEEKS: usize = 12;
/// Rows the panel needs inside its borders: seven weekdays, the legend and the totals (which
/// may take two lines).
pub const HEIGHT: u16 = 10;
/// Columns the grid needs: a weekday label and two cells per week.
pub const WIDTH: u16 = 3 + 2 * WEEKS as u16;

/// The first day of the first column: the start of the week twelve weeks back.
pub fn first_day(today: NaiveDate, week_start: Weekday) -> NaiveDate {
    let (this_week, _) = period_bounds(Period::Week, today, week_start);
    this_week - Duration::weeks(WEEKS as i64 - 1)
}

/// The grid: `grid[row][week]` is the day's total, or `None` for a day after `today`.
/// `activity[i]` is the activity of `first + i` days.
pub fn grid(
    activity: &[DayActivity],
    first: NaiveDate,
    today: NaiveDate,
) -> [[Option<u32>; WEEKS]; 7] {
    let mut out = [[None; WEEKS]; 7];
    for (week, column) in (0..WEEKS).map(|w| (w, w as i64 * 7)) {
        for (row, cells) in out.iter_mut().enumerate() {
            let offset = column + row as i64;
            if first + Duration::days(offset) > today {
                continue;
            }
            cells[week] = Some(
                activity
                    .get(offset as usize)
                    .map(DayActivity::total)
                    .unwrap_or(0),
            );
        }
    }
    out
}

/// The shade of a day with `n` activities.
pub fn shade(n: u32) -> char {
    match n {
        0 => '·',
        1 => '░',
        2 => '▒',
        3 | 4 => '▓',
        _ => '█',
    }
}

/// The panel's lines: the grid, a legend and the totals per kind.
pub fn lines(
    activity: &[DayActivity],
    first: NaiveDate,
    week_start: Weekday,
    ui: &Ui,
) -> Vec<Line<'static>> {
    let t = &ui.t.today;
    let names: Vec<&str> = t.weekdays.split(' ').collect();
    let cells = grid(activity, first, ui.today());
    let mut lines = Vec::new();
    for (row, weeks) in cells.iter().enumerate() {
        let day = (week_start.num_days_from_monday() as usize + row) % 7;
        let mut spans = vec![Span::styled(
            format!("{:<3}", names.get(day).copied().unwrap_or("")),
            ui.theme.dim,
        )];
        for cell in weeks {
            spans.push(match cell {
                None => Span::raw("  "),
                Some(0) => Span::styled(format!("{} ", shade(0)), ui.theme.dim),
                Some(n) => Span::styled(format!("{} ", shade(*n)), ui.theme.gauge),
            });
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", t.heat_less), ui.theme.dim),
        Span::raw("· ░ ▒ ▓ █ "),
        Span::styled(t.heat_more, ui.theme.dim),
    ]));
    let sum = |f: fn(&DayActivity) -> u32| activity.iter().map(f).sum::<u32>();
    lines.push(Line::styled(
        fill!(
            t.heat_totals,
            meetings = sum(|d| d.meetings),
            contacts = sum(|d| d.contacts),
            done = sum(|d| d.commitments_done),
            feedback = sum(|d| d.feedback),
            thanks = sum(|d| d.gratitude)
        ),
        ui.theme.dim,
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn twelve_weeks_back_from_the_configured_week_start() {
        // 2026-11-27 is a Friday.
        assert_eq!(first_day(d(2026, 11, 27), Weekday::Mon), d(2026, 9, 7));
        assert_eq!(first_day(d(2026, 11, 27), Weekday::Sun), d(2026, 9, 6));
    }

    #[test]
    fn days_land_in_their_cells_and_the_future_is_blank() {
        let first = d(2026, 9, 7);
        let today = d(2026, 11, 27);
        let mut activity = vec![DayActivity::default(); 82];
        activity[0].meetings = 1; // Monday of the first week
        activity[8].contacts = 2; // Tuesday of the second week
        activity[81].gratitude = 5; // today, Friday of the last week
        activity[81].feedback = 1;
        let g = grid(&activity, first, today);
        assert_eq!(g[0][0], Some(1));
        assert_eq!(g[1][1], Some(2));
        assert_eq!(g[4][11], Some(6));
        assert_eq!(g[3][11], Some(0));
        assert_eq!(g[5][11], None, "Saturday after today");
        assert_eq!(g[6][11], None);
        let shades: String = [0, 1, 2, 3, 4, 5, 40].map(shade).iter().collect();
        assert_eq!(shades, "·░▒▓▓██");
    }
}
