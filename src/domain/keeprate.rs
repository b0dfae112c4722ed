//! The keep rate: of the commitments that have fallen due, how many were kept on time.
//!
//! The rules, one place for the Commitments view, the review figures and `mentee review`:
//! - only dated commitments count (an undated one was never promised by a day);
//! - a commitment is *due* once its due date has passed (`due < today`), or once it is
//!   done or dropped whatever its date; an open one due today can still be kept today,
//!   so it is not counted yet;
//! - *kept*: done on or before the due date (done with no recorded date counts as kept:
//!   there is no evidence it was late); *late*: done after the due date;
//! - *open overdue*: still open past its due date — due and not kept;
//! - *dropped*: due and not kept. Letting a promise go is honest, but it was not kept,
//!   and counting it otherwise would let dropping improve the rate.
//!
//! The rate is kept ÷ due, for me and for the mentor separately, overall and per month of
//! the due date.

use chrono::{Datelike, NaiveDate};

use super::kinds::{CommitmentStatus, Party};

/// What the keep rate needs to know about one commitment.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentFacts {
    pub id: i64,
    pub owner: Party,
    pub due: Option<NaiveDate>,
    pub status: CommitmentStatus,
    pub done_on: Option<NaiveDate>,
}

/// How a commitment stands for the keep rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Undated, or open and not yet past its due date: not counted.
    NotDue,
    Kept,
    Late,
    OpenOverdue,
    Dropped,
}

impl CommitmentFacts {
    /// Where this commitment stands on `today`.
    pub fn standing(&self, today: NaiveDate) -> Standing {
        let Some(due) = self.due else {
            return Standing::NotDue;
        };
        match self.status {
            CommitmentStatus::Done => match self.done_on {
                Some(done) if done > due => Standing::Late,
                _ => Standing::Kept,
            },
            CommitmentStatus::Dropped => Standing::Dropped,
            CommitmentStatus::Open if due < today => Standing::OpenOverdue,
            CommitmentStatus::Open => Standing::NotDue,
        }
    }
}

/// Counts of due commitments for one owner over some span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub kept: u32,
    pub late: u32,
    pub open_overdue: u32,
    pub dropped: u32,
}

impl Tally {
    /// Commitments due: kept + late + open overdue + dropped.
    pub fn due(&self) -> u32 {
        self.kept + self.late + self.open_overdue + self.dropped
    }

    /// kept ÷ due, or `None` when nothing was due.
    pub fn rate(&self) -> Option<f64> {
        let due = self.due();
        (due > 0).then(|| f64::from(self.kept) / f64::from(due))
    }

    /// Counts one commitment in.
    pub fn count(&mut self, standing: Standing) {
        match standing {
            Standing::NotDue => {}
            Standing::Kept => self.kept += 1,
            Standing::Late => self.late += 1,
            Standing::OpenOverdue => self.open_overdue += 1,
            Standing::Dropped => self.dropped += 1,
        }
    }

    /// The sum of two tallies (e.g. mine and the mentor's).
    pub fn plus(self, other: Tally) -> Tally {
        Tally {
            kept: self.kept + other.kept,
            late: self.late + other.late,
            open_overdue: self.open_overdue + other.open_overdue,
            dropped: self.dropped + other.dropped,
        }
    }
}

/// Mine and the mentor's, side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeepTally {
    pub me: Tally,
    pub mentor: Tally,
}

impl KeepTally {
    fn count(&mut self, owner: Party, standing: Standing) {
        match owner {
            Party::Me => self.me.count(standing),
            Party::Mentor => self.mentor.count(standing),
        }
    }

    /// Both owners together.
    pub fn both(&self) -> Tally {
        self.me.plus(self.mentor)
    }
}

/// One month of the keep rate, by the month of the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthKeepRate {
    /// The first day of the month.
    pub month: NaiveDate,
    pub tally: KeepTally,
}

/// The keep rate overall and per month (oldest month first, months with nothing due left out).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeepRate {
    pub overall: KeepTally,
    pub months: Vec<MonthKeepRate>,
}

/// The first day of `date`'s month.
pub fn month_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The keep rate of `items` as it stands on `today` (see the module doc for the rules).
pub fn keep_rate(items: &[CommitmentFacts], today: NaiveDate) -> KeepRate {
    let mut out = KeepRate::default();
    for item in items {
        let standing = item.standing(today);
        let Some(due) = item.due.filter(|_| standing != Standing::NotDue) else {
            continue;
        };
        out.overall.count(item.owner, standing);
        let month = month_of(due);
        let slot = match out.months.binary_search_by_key(&month, |m| m.month) {
            Ok(i) => i,
            Err(i) => {
                out.months.insert(
                    i,
                    MonthKeepRate {
                        month,
                        tally: KeepTally::default(),
                    },
                );
                i
            }
        };
        out.months[slot].tally.count(item.owner, standing);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn facts(
        owner: Party,
        due: Option<NaiveDate>,
        status: CommitmentStatus,
        done_on: Option<NaiveDate>,
    ) -> CommitmentFacts {
        CommitmentFacts {
            id: 0,
            owner,
            due,
            status,
            done_on,
        }
    }

    use CommitmentStatus::{Done, Dropped, Open};
    use Party::{Me, Mentor};

    #[test]
    fn on_time_late_open_and_dropped() {
        let today = d(3, 15);
        let items = [
            facts(Me, Some(d(3, 10)), Done, Some(d(3, 10))), // kept, on the day
            facts(Me, Some(d(3, 10)), Done, Some(d(3, 9))),  // kept, early
            facts(Me, Some(d(3, 10)), Done, Some(d(3, 11))), // late by a day
            facts(Me, Some(d(3, 14)), Open, None),           // overdue
            facts(Me, Some(d(3, 15)), Open, None),           // due today: can still be kept
            facts(Me, Some(d(3, 20)), Open, None),           // not due yet
            facts(Me, Some(d(3, 1)), Dropped, None),         // due, not kept
            facts(Me, None, Open, None),                     // undated: never due
            facts(Me, None, Done, Some(d(3, 1))),            // undated: not counted
        ];
        let k = keep_rate(&items, today);
        let me = k.overall.me;
        assert_eq!(
            me,
            Tally {
                kept: 2,
                late: 1,
                open_overdue: 1,
                dropped: 1
            }
        );
        assert_eq!(me.due(), 5);
        assert_eq!(me.rate(), Some(0.4));
        assert_eq!(k.overall.mentor, Tally::default());
        assert_eq!(k.overall.mentor.rate(), None);
    }

    #[test]
    fn done_early_with_a_future_due_date_is_due_and_kept() {
        let k = keep_rate(&[facts(Me, Some(d(4, 30)), Done, Some(d(3, 1)))], d(3, 15));
        assert_eq!(k.overall.me.kept, 1);
        assert_eq!(k.months[0].month, d(4, 1));
    }

    #[test]
    fn done_without_a_date_counts_as_kept() {
        let k = keep_rate(&[facts(Me, Some(d(3, 1)), Done, None)], d(3, 15));
        assert_eq!(k.overall.me.rate(), Some(1.0));
    }

    #[test]
    fn mentors_and_mine_are_counted_apart() {
        let items = [
            facts(Me, Some(d(3, 1)), Done, Some(d(3, 1))),
            facts(Mentor, Some(d(3, 1)), Done, Some(d(3, 5))),
            facts(Mentor, Some(d(3, 2)), Open, None),
        ];
        let k = keep_rate(&items, d(3, 15));
        assert_eq!(k.overall.me.rate(), Some(1.0));
        assert_eq!(k.overall.mentor.late, 1);
        assert_eq!(k.overall.mentor.open_overdue, 1);
        assert_eq!(k.overall.mentor.rate(), Some(0.0));
        assert_eq!(k.overall.both().due(), 3);
    }

    #[test]
    fn months_follow_the_due_date_across_boundaries() {
        let items = [
            facts(Me, Some(d(1, 31)), Done, Some(d(2, 1))), // late, January
            facts(Me, Some(d(2, 1)), Done, Some(d(2, 1))),  // kept, February
            facts(Mentor, Some(d(2, 28)), Done, Some(d(2, 28))),
            facts(Me, Some(d(3, 1)), Open, None), // overdue, March
        ];
        let k = keep_rate(&items, d(3, 2));
        let months: Vec<_> = k.months.iter().map(|m| m.month).collect();
        assert_eq!(months, [d(1, 1), d(2, 1), d(3, 1)]);
        assert_eq!(k.months[0].tally.me.late, 1);
        assert_eq!(k.months[1].tally.me.kept, 1);
        assert_eq!(k.months[1].tally.mentor.kept, 1);
        assert_eq!(k.months[2].tally.me.open_overdue, 1);
        // On 2026-03-01 the March item is due today, not yet overdue: March drops out.
        assert_eq!(keep_rate(&items, d(3, 1)).months.len(), 2);
    }
}
