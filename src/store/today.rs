//! What the Today view needs beyond the other modules' lists: the activity of recent days for
//! its heat map.

use chrono::NaiveDate;
use rusqlite::params;

use super::sql::day_number;
use super::{Result, Store};

/// The longest range [`Store::activity_by_day`] reads: twelve weeks.
pub const MAX_ACTIVITY_DAYS: i64 = 84;

/// One day's mentoring activity, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayActivity {
    /// Meetings held that day (by their local start time).
    pub meetings: u32,
    pub contacts: u32,
    /// Commitments done that day.
    pub commitments_done: u32,
    /// Feedback received that day.
    pub feedback: u32,
    /// Gratitude noted that day.
    pub gratitude: u32,
}

impl DayActivity {
    /// Everything counted that day.
    pub fn total(&self) -> u32 {
        self.meetings + self.contacts + self.commitments_done + self.feedback + self.gratitude
    }
}

impl Store {
    /// The activity of each day of `[start, end)`, one entry per day in order: per kind, one
    /// count per day along a date index (each branch groups in index order, so no sort of
    /// the rows), days handed over as day numbers (nothing to parse). The range is cut to its
    /// last [`MAX_ACTIVITY_DAYS`] days.
    pub fn activity_by_day(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<DayActivity>> {
        let start = start.max(end - chrono::Duration::days(MAX_ACTIVITY_DAYS));
        let days = (end - start).num_days().max(0) as usize;
        let mut out = vec![DayActivity::default(); days];
        let mut stmt = self.conn.prepare_cached(
            "SELECT unixepoch(day) / 86400, kind, n FROM (
                SELECT substr(starts_at, 1, 10) AS day, 0 AS kind, count(*) AS n FROM meetings
                    WHERE status = 'held' AND starts_at >= ?1 AND starts_at < ?2 GROUP BY 1
                UNION ALL SELECT on_date, 1, count(*) FROM contacts
                    WHERE on_date >= ?1 AND on_date < ?2 GROUP BY on_date
                UNION ALL SELECT done_on, 2, count(*) FROM commitments
                    WHERE status = 'done' AND done_on >= ?1 AND done_on < ?2 GROUP BY done_on
                UNION ALL SELECT received_on, 3, count(*) FROM feedback
                    WHERE received_on >= ?1 AND received_on < ?2 GROUP BY received_on
                UNION ALL SELECT on_date, 4, count(*) FROM gratitude
                    WHERE on_date >= ?1 AND on_date < ?2 GROUP BY on_date
             )",
        )?;
        let first = day_number(start);
        let rows = stmt.query_map(params![start, end], |r| {
            Ok((
                r.get::<_, Option<i64>>(0)?,
                r.get::<_, u8>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        for row in rows {
            // A malformed date in an imported row (no day number) is skipped, not an error.
            let (Some(day), kind, n) = row? else {
                continue;
            };
            let Some(slot) = usize::try_from(day - first)
                .ok()
                .and_then(|i| out.get_mut(i))
            else {
                continue;
            };
            match kind {
                0 => slot.meetings += n,
                1 => slot.contacts += n,
                2 => slot.commitments_done += n,
                3 => slot.feedback += n,
                _ => slot.gratitude += n,
            }
        }
        Ok(out)
    }
}
