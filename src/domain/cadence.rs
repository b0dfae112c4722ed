//! The agreed cadence of meetings with a mentor (`mentors.cadence_days`): the day proposed
//! for the next meeting, and when Today says that no meeting is planned.
//!
//! Pure. Rules, in whole days:
//! - proposed date: one cadence after the latest meeting with the mentor (held or planned,
//!   so planning twice in a row proposes the meeting after the planned one), never before
//!   tomorrow; with no meeting yet, tomorrow; with no cadence, no proposal (the form's date
//!   stays empty, as the user has agreed no rhythm to follow);
//! - plan a meeting: an active mentor with a cadence and no meeting planned from today on,
//!   once the next meeting is due within [`PLAN_AHEAD_DAYS`] (the latest meeting plus the
//!   cadence, or the day the mentor became active when they never met). Paused, ended and
//!   pipeline mentors, and mentors without a cadence, are not nudged.

use chrono::{Duration, NaiveDate};

use super::kinds::MentorStatus;
use super::nudges::MentorFacts;

/// The nudge to plan the next meeting starts this many days before it is due: a week to
/// find a time that suits both.
pub const PLAN_AHEAD_DAYS: i64 = 7;

/// The date proposed for the next meeting: `last` (the latest meeting, held or planned) plus
/// the cadence, and not before tomorrow; `None` without a cadence.
pub fn propose_date(
    last: Option<NaiveDate>,
    cadence_days: Option<u32>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let cadence = cadence_days.filter(|c| *c > 0)?;
    let tomorrow = today.succ_opt()?;
    let due = last.and_then(|d| d.checked_add_signed(Duration::days(i64::from(cadence))));
    Some(due.map_or(tomorrow, |d| d.max(tomorrow)))
}

/// Whether a planned meeting counts as "planned from today on": its day is today or later
/// (one that passed earlier today is the debrief nudge's business).
pub fn planned_ahead(last_planned: Option<NaiveDate>, today: NaiveDate) -> bool {
    last_planned.is_some_and(|d| d >= today)
}

/// The latest meeting day of a mentor, held or planned, up to `today` (a planned meeting
/// that passed without a debrief counts: it most likely took place).
fn last_meeting(m: &MentorFacts, today: NaiveDate) -> Option<NaiveDate> {
    let planned = m.last_planned_meeting.filter(|d| *d <= today);
    m.last_held_meeting.max(planned)
}

/// The "plan a meeting" rule for one mentor: `Some(last meeting day or None)` when it fires.
pub fn plan_meeting_due(m: &MentorFacts, today: NaiveDate) -> Option<Option<NaiveDate>> {
    if m.status != MentorStatus::Active || planned_ahead(m.last_planned_meeting, today) {
        return None;
    }
    let cadence = i64::from(m.cadence_days.filter(|c| *c > 0)?);
    let last = last_meeting(m, today);
    match last.or(m.status_since) {
        Some(from) if (today - from).num_days() < cadence - PLAN_AHEAD_DAYS => None,
        _ => Some(last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn mentor(cadence: Option<u32>) -> MentorFacts {
        MentorFacts {
            id: 1,
            status: MentorStatus::Active,
            status_since: Some(d(1, 1)),
            cadence_days: cadence,
            review_on: None,
            last_contact: None,
            last_contact_from_mentor: None,
            last_held_meeting: None,
            last_planned_meeting: None,
            last_thanks: None,
            last_health_check: None,
        }
    }

    #[test]
    fn the_proposed_date_follows_the_cadence_from_the_last_meeting() {
        let today = d(11, 10);
        // Last met 3 Nov, every 14 days: 17 Nov.
        assert_eq!(
            propose_date(Some(d(11, 3)), Some(14), today),
            Some(d(11, 17))
        );
        // A planned meeting is the last one: the proposal is the meeting after it.
        assert_eq!(
            propose_date(Some(d(11, 24)), Some(14), today),
            Some(d(12, 8))
        );
        // Overdue: not in the past, tomorrow.
        assert_eq!(
            propose_date(Some(d(10, 1)), Some(14), today),
            Some(d(11, 11))
        );
        // Never met: tomorrow.
        assert_eq!(propose_date(None, Some(30), today), Some(d(11, 11)));
        // No cadence agreed (or a zero one): nothing to propose.
        assert_eq!(propose_date(Some(d(11, 3)), None, today), None);
        assert_eq!(propose_date(Some(d(11, 3)), Some(0), today), None);
    }

    #[test]
    fn plan_nudge_fires_a_week_before_the_next_meeting_is_due() {
        let mut m = mentor(Some(14));
        m.last_held_meeting = Some(d(11, 3));
        // Due 17 Nov: quiet until the 10th, then it fires (and keeps firing when overdue).
        assert_eq!(plan_meeting_due(&m, d(11, 9)), None);
        assert_eq!(plan_meeting_due(&m, d(11, 10)), Some(Some(d(11, 3))));
        assert_eq!(plan_meeting_due(&m, d(11, 27)), Some(Some(d(11, 3))));
        // A meeting planned today or later silences it; one planned in the past does not
        // (it counts as the last meeting).
        m.last_planned_meeting = Some(d(11, 27));
        assert_eq!(plan_meeting_due(&m, d(11, 27)), None);
        m.last_planned_meeting = Some(d(11, 20));
        assert_eq!(plan_meeting_due(&m, d(11, 27)), Some(Some(d(11, 20))));
        assert_eq!(
            plan_meeting_due(&m, d(11, 26)),
            None,
            "due 4 Dec: 8 days ahead"
        );
    }

    #[test]
    fn plan_nudge_for_a_mentor_never_met_counts_from_the_start() {
        let mut m = mentor(Some(30));
        m.status_since = Some(d(11, 1));
        assert_eq!(plan_meeting_due(&m, d(11, 23)), None);
        assert_eq!(plan_meeting_due(&m, d(11, 24)), Some(None));
        m.status_since = None;
        assert_eq!(plan_meeting_due(&m, d(11, 2)), Some(None));
    }

    #[test]
    fn no_cadence_or_not_active_no_plan_nudge() {
        let mut m = mentor(None);
        m.last_held_meeting = Some(d(1, 3));
        assert_eq!(plan_meeting_due(&m, d(11, 27)), None, "no cadence");
        m.cadence_days = Some(0);
        assert_eq!(plan_meeting_due(&m, d(11, 27)), None, "zero cadence");
        m.cadence_days = Some(14);
        for status in [
            MentorStatus::Paused,
            MentorStatus::Ended,
            MentorStatus::Candidate,
            MentorStatus::Approached,
        ] {
            m.status = status;
            assert_eq!(plan_meeting_due(&m, d(11, 27)), None, "{status:?}");
        }
        m.status = MentorStatus::Active;
        assert!(plan_meeting_due(&m, d(11, 27)).is_some());
    }
}
