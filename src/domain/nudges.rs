//! Nudges: the gentle reminders on the Today view and in `mentee status`.
//!
//! Pure: the store gathers per-mentor aggregates and small recent lists into a
//! [`NudgeInput`]; [`nudges`] applies the rules for a given `now` and returns them in priority
//! order. Boundaries, in whole days:
//! - no contact: fires when the days since the last contact or held meeting *exceed* the
//!   cadence (on the cadence day itself it is still quiet);
//! - thanks pending: a held meeting from the last 30 days (day 30 included) with no
//!   gratitude entry linked to it;
//! - experiment: a result not yet reported (any age), or reported in the last 30 days and not
//!   thanked;
//! - mentor not thanked: no thanks for more than 42 days (six weeks), active mentors;
//! - reflection due: on and after the last reflection's period start plus the cadence (with
//!   no reflection yet, the day the journal was started plus the cadence; an empty journal
//!   has nothing to reflect on);
//! - health check due: on and after the last check (or the day the mentor became active)
//!   plus the interval, active mentors;
//! - agreement review: on and after `review_on`, active or paused mentors;
//! - follow up: a candidate or approached mentor whose status is more than 7 days old, with
//!   no contact initiated by the mentor since;
//! - debrief: a planned meeting whose start plus length has passed, within the last 30 days;
//! - send thanks: a thanks written but not sent, dated 7 days ago or more (on the seventh day
//!   it fires);
//! - slipping relationship: an active mentor's latest health check is low and not yet talked
//!   about, and no meeting is planned ([`super::slipping`]);
//! - plan a meeting: an active mentor with a cadence and no meeting planned, the next one
//!   due within a week ([`super::cadence`]). It says more than "no contact" and offers to
//!   plan, so "no contact" is not said as well for that mentor.
//! - thank for an introduction: a person a mentor introduced, marked done, with no thanks
//!   linked to it (any age: the day it was marked done counts).

use chrono::{Duration, NaiveDate, NaiveDateTime, Weekday};

use super::cadence::{plan_meeting_due, planned_ahead};
use super::kinds::{MentorStatus, Period};
use super::resources::ResourceRef;
use super::slipping::{HealthTrend, low_health, pending};

/// Days after a held meeting during which missing thanks are nudged.
pub const THANKS_WINDOW_DAYS: i64 = 30;
/// Six weeks: a mentor not thanked for longer is nudged.
pub const THANK_MENTOR_EVERY_DAYS: i64 = 42;
/// A candidate or approached mentor not heard from for longer is nudged.
pub const FOLLOW_UP_AFTER_DAYS: i64 = 7;
/// A planned meeting that ended longer ago than this is no longer offered for debrief.
pub const DEBRIEF_WINDOW_DAYS: i64 = 30;
/// A thanks written but not sent for this many days (or more) is nudged.
pub const SEND_THANKS_AFTER_DAYS: i64 = 7;

/// Settings from the config that the rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NudgeSettings {
    pub reflection_cadence: Period,
    pub health_check_days: u32,
    /// The first day of a week, for the week a reflection is due on.
    pub week_start: Weekday,
}

impl Default for NudgeSettings {
    fn default() -> Self {
        NudgeSettings {
            reflection_cadence: Period::Week,
            health_check_days: 90,
            week_start: Weekday::Mon,
        }
    }
}

/// One mentor with the dates the rules look at (per-mentor aggregates).
#[derive(Debug, Clone, PartialEq)]
pub struct MentorFacts {
    pub id: i64,
    pub status: MentorStatus,
    pub status_since: Option<NaiveDate>,
    pub cadence_days: Option<u32>,
    pub review_on: Option<NaiveDate>,
    /// The latest contact, whoever initiated it.
    pub last_contact: Option<NaiveDate>,
    /// The latest contact initiated by the mentor.
    pub last_contact_from_mentor: Option<NaiveDate>,
    /// The day of the latest held meeting.
    pub last_held_meeting: Option<NaiveDate>,
    /// The day of the latest meeting still planned (past or ahead).
    pub last_planned_meeting: Option<NaiveDate>,
    pub last_thanks: Option<NaiveDate>,
    pub last_health_check: Option<NaiveDate>,
}

/// A recently held meeting and whether any gratitude entry is linked to it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldMeetingFacts {
    pub id: i64,
    pub mentor_id: i64,
    pub on: NaiveDate,
    pub thanked: bool,
}

/// An experiment (a commitment from feedback) with a recorded result.
#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentFacts {
    pub commitment_id: i64,
    pub mentor_id: Option<i64>,
    pub reported_on: Option<NaiveDate>,
    /// Some gratitude entry is linked to this commitment.
    pub thanked: bool,
}

/// A meeting still marked planned whose time may have passed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedMeetingFacts {
    pub id: i64,
    pub mentor_id: i64,
    pub starts_at: NaiveDateTime,
    pub minutes: u32,
}

/// A thanks entry written but maybe not sent yet.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenThanksFacts {
    pub gratitude_id: i64,
    pub mentor_id: Option<i64>,
    /// The day the thanks is dated.
    pub on: NaiveDate,
    pub sent: bool,
}

/// Everything [`nudges`] needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NudgeInput {
    pub mentors: Vec<MentorFacts>,
    pub held_meetings: Vec<HeldMeetingFacts>,
    pub experiments: Vec<ExperimentFacts>,
    pub planned_meetings: Vec<PlannedMeetingFacts>,
    /// Thanks not sent yet, dated at least [`SEND_THANKS_AFTER_DAYS`] ago (the oldest ones).
    pub unsent_thanks: Vec<WrittenThanksFacts>,
    /// Introductions marked done with no thanks linked to them (the oldest ones).
    pub introductions: Vec<ResourceRef>,
    /// The period start of the latest reflection.
    pub last_reflection: Option<NaiveDate>,
    /// The day the first record was written (`None` for an empty journal).
    pub journal_started: Option<NaiveDate>,
    /// The latest two health checks of the active mentors whose latest check is not yet
    /// followed by a held meeting (the only ones a low check can still nudge about).
    pub health: Vec<HealthTrend>,
    pub settings: NudgeSettings,
}

/// What a nudge is about, in priority order (most pressing first).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum NudgeKind {
    /// A planned meeting's time has passed: debrief it.
    Debrief,
    /// A held meeting has no thanks yet.
    ThanksPending,
    /// A thanks was written a week or more ago and is not sent yet.
    SendThanks,
    /// An experiment's result is not reported back yet.
    ReportExperiment,
    /// The latest health check is low and no meeting is planned to talk about it.
    SlippingRelationship,
    /// No meeting planned with an active mentor, the next one due by the agreed cadence.
    PlanMeeting,
    /// No contact with an active mentor beyond their cadence.
    NoContact,
    /// A candidate or approached mentor has not answered for a week: follow up.
    FollowUp,
    /// The mentoring agreement's review date has come.
    AgreementReview,
    /// A relationship health check is due.
    HealthCheckDue,
    /// A reported experiment has not been thanked for.
    ThankForExperiment,
    /// A mentor introduced someone (marked done) and has not been thanked for it.
    ThankForIntroduction,
    /// An active mentor not thanked in six weeks.
    MentorNotThanked,
    /// A periodic reflection is due.
    ReflectionDue,
}

pub use super::nudge_parts::{NudgeSource, sources, top_nudges};

/// One nudge and the records it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    pub kind: NudgeKind,
    pub mentor_id: Option<i64>,
    /// The meeting the nudge is about (debrief it, thank for it); `since` is then its day.
    pub meeting_id: Option<i64>,
    pub commitment_id: Option<i64>,
    /// The thanks entry the nudge is about (send it).
    pub gratitude_id: Option<i64>,
    /// The introduction the nudge is about (thank for it).
    pub resource_id: Option<i64>,
    /// The day the nudge counts from (last contact, meeting day, review date…), if any.
    pub since: Option<NaiveDate>,
    /// Whole days from `since` to today.
    pub days: Option<i64>,
    /// The agreed cadence in days (the "plan a meeting" nudge says it).
    pub every: Option<u32>,
}

impl Nudge {
    fn new(kind: NudgeKind, since: Option<NaiveDate>, today: NaiveDate) -> Nudge {
        Nudge {
            kind,
            mentor_id: None,
            meeting_id: None,
            commitment_id: None,
            gratitude_id: None,
            resource_id: None,
            since,
            days: since.map(|s| (today - s).num_days()),
            every: None,
        }
    }

    fn mentor(mut self, id: Option<i64>) -> Nudge {
        self.mentor_id = id;
        self
    }
}

/// The nudges for `now`, most pressing kind first, oldest first within a kind.
pub fn nudges(input: &NudgeInput, now: NaiveDateTime) -> Vec<Nudge> {
    let today = now.date();
    let mut out = Vec::new();
    for m in &input.mentors {
        mentor_nudges(m, &input.settings, today, &mut out);
    }
    slipping_nudges(input, today, &mut out);
    meeting_nudges(input, now, &mut out);
    experiment_nudges(input, today, &mut out);
    unsent_thanks_nudges(input, today, &mut out);
    for r in input
        .introductions
        .iter()
        .filter(|r| r.introduction_to_thank())
    {
        let mut n =
            Nudge::new(NudgeKind::ThankForIntroduction, r.done_on, today).mentor(r.mentor_id);
        n.resource_id = Some(r.id);
        out.push(n);
    }
    // Due when the period that just ended (the one the nudge names) has no reflection: the
    // latest reflection began before it. A new journal waits for its first whole period.
    let (ended, _) = super::figures::previous_period_bounds(
        input.settings.reflection_cadence,
        today,
        input.settings.week_start,
    );
    let due = match input.last_reflection {
        Some(start) => start < ended,
        None => input
            .journal_started
            .is_some_and(|started| started <= ended),
    };
    if due {
        out.push(Nudge::new(
            NudgeKind::ReflectionDue,
            input.last_reflection,
            today,
        ));
    }
    out.sort_by_key(|n| {
        (
            n.kind,
            n.since,
            n.mentor_id,
            n.meeting_id,
            n.commitment_id,
            n.gratitude_id,
            n.resource_id,
        )
    });
    out
}

fn days_since(today: NaiveDate, since: NaiveDate) -> i64 {
    (today - since).num_days()
}

fn mentor_nudges(m: &MentorFacts, s: &NudgeSettings, today: NaiveDate, out: &mut Vec<Nudge>) {
    let id = Some(m.id);
    let applies = |kind: NudgeKind| kind.applies_to(m.status);
    let plan = plan_meeting_due(m, today).filter(|_| applies(NudgeKind::PlanMeeting));
    if let Some(last) = plan {
        let mut n = Nudge::new(NudgeKind::PlanMeeting, last, today).mentor(id);
        n.every = m.cadence_days;
        out.push(n);
    }
    if let (true, Some(cadence), None) = (applies(NudgeKind::NoContact), m.cadence_days, plan) {
        let since = m.last_contact.max(m.last_held_meeting).or(m.status_since);
        if since.is_none_or(|d| days_since(today, d) > i64::from(cadence)) {
            out.push(Nudge::new(NudgeKind::NoContact, since, today).mentor(id));
        }
    }
    if applies(NudgeKind::MentorNotThanked) {
        let since = m.last_thanks.or(m.status_since);
        if since.is_none_or(|d| days_since(today, d) > THANK_MENTOR_EVERY_DAYS) {
            out.push(Nudge::new(NudgeKind::MentorNotThanked, since, today).mentor(id));
        }
    }
    if applies(NudgeKind::HealthCheckDue) {
        let since = m.last_health_check.or(m.status_since);
        let every = i64::from(s.health_check_days);
        if since.is_none_or(|d| days_since(today, d) >= every) {
            out.push(Nudge::new(NudgeKind::HealthCheckDue, since, today).mentor(id));
        }
    }
    if applies(NudgeKind::AgreementReview)
        && let Some(review) = m.review_on.filter(|r| *r <= today)
    {
        out.push(Nudge::new(NudgeKind::AgreementReview, Some(review), today).mentor(id));
    }
    if applies(NudgeKind::FollowUp)
        && let Some(since) = m.status_since
        && days_since(today, since) > FOLLOW_UP_AFTER_DAYS
        && m.last_contact_from_mentor.is_none_or(|c| c < since)
    {
        out.push(Nudge::new(NudgeKind::FollowUp, Some(since), today).mentor(id));
    }
}

/// A low health check of an active mentor, not talked about yet, with no meeting planned.
fn slipping_nudges(input: &NudgeInput, today: NaiveDate, out: &mut Vec<Nudge>) {
    for trend in &input.health {
        let Some(low) = low_health(trend) else {
            continue;
        };
        let Some(m) = input.mentors.iter().find(|m| m.id == low.mentor_id) else {
            continue;
        };
        if NudgeKind::SlippingRelationship.applies_to(m.status)
            && pending(low.on, m.last_held_meeting)
            && !planned_ahead(m.last_planned_meeting, today)
        {
            out.push(
                Nudge::new(NudgeKind::SlippingRelationship, Some(low.on), today).mentor(Some(m.id)),
            );
        }
    }
}

fn meeting_nudges(input: &NudgeInput, now: NaiveDateTime, out: &mut Vec<Nudge>) {
    let today = now.date();
    for h in &input.held_meetings {
        let age = days_since(today, h.on);
        if !h.thanked && (0..=THANKS_WINDOW_DAYS).contains(&age) {
            let mut n =
                Nudge::new(NudgeKind::ThanksPending, Some(h.on), today).mentor(Some(h.mentor_id));
            n.meeting_id = Some(h.id);
            out.push(n);
        }
    }
    for p in &input.planned_meetings {
        let ends = super::dates::add_minutes(p.starts_at, i64::from(p.minutes));
        if ends <= now && now - ends <= Duration::days(DEBRIEF_WINDOW_DAYS) {
            let mut n = Nudge::new(NudgeKind::Debrief, Some(p.starts_at.date()), today)
                .mentor(Some(p.mentor_id));
            n.meeting_id = Some(p.id);
            out.push(n);
        }
    }
}

fn experiment_nudges(input: &NudgeInput, today: NaiveDate, out: &mut Vec<Nudge>) {
    for e in &input.experiments {
        let kind = match e.reported_on {
            None => NudgeKind::ReportExperiment,
            Some(r) if !e.thanked && days_since(today, r) <= THANKS_WINDOW_DAYS => {
                NudgeKind::ThankForExperiment
            }
            Some(_) => continue,
        };
        let mut n = Nudge::new(kind, e.reported_on, today).mentor(e.mentor_id);
        n.commitment_id = Some(e.commitment_id);
        out.push(n);
    }
}

fn unsent_thanks_nudges(input: &NudgeInput, today: NaiveDate, out: &mut Vec<Nudge>) {
    for g in &input.unsent_thanks {
        if !g.sent && days_since(today, g.on) >= SEND_THANKS_AFTER_DAYS {
            let mut n = Nudge::new(NudgeKind::SendThanks, Some(g.on), today).mentor(g.mentor_id);
            n.gratitude_id = Some(g.gratitude_id);
            out.push(n);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn noon(date: NaiveDate) -> NaiveDateTime {
        date.and_hms_opt(12, 0, 0).unwrap()
    }

    /// An active mentor with everything fresh on `today`: no nudge at all.
    pub(crate) fn settled(today: NaiveDate) -> MentorFacts {
        MentorFacts {
            id: 1,
            status: MentorStatus::Active,
            status_since: Some(today),
            cadence_days: Some(14),
            review_on: None,
            last_contact: Some(today),
            last_contact_from_mentor: None,
            last_held_meeting: None,
            last_planned_meeting: None,
            last_thanks: Some(today),
            last_health_check: Some(today),
        }
    }

    fn input_with(m: MentorFacts, today: NaiveDate) -> NudgeInput {
        NudgeInput {
            mentors: vec![m],
            last_reflection: Some(today),
            ..NudgeInput::default()
        }
    }

    fn kinds(input: &NudgeInput, today: NaiveDate) -> Vec<NudgeKind> {
        nudges(input, noon(today)).iter().map(|n| n.kind).collect()
    }

    const TODAY: (u32, u32) = (6, 15);

    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1)
    }

    #[test]
    fn a_settled_journal_has_no_nudges() {
        assert!(kinds(&input_with(settled(today()), today()), today()).is_empty());
    }

    #[test]
    fn no_contact_beyond_the_cadence() {
        let mut m = settled(today());
        m.last_contact = Some(today() - Duration::days(14));
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        m.last_contact = Some(today() - Duration::days(15));
        let out = nudges(&input_with(m.clone(), today()), noon(today()));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].kind, NudgeKind::NoContact);
        assert_eq!((out[0].mentor_id, out[0].days), (Some(1), Some(15)));
        // A held meeting counts as contact.
        m.last_held_meeting = Some(today() - Duration::days(3));
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        // Paused mentors and mentors without a cadence are left alone.
        m.last_held_meeting = None;
        m.cadence_days = None;
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        m.cadence_days = Some(14);
        m.status = MentorStatus::Paused;
        assert!(kinds(&input_with(m, today()), today()).is_empty());
    }

    #[test]
    fn thanks_pending_for_recent_held_meetings() {
        let mut i = input_with(settled(today()), today());
        let held = |id, ago: i64, thanked| HeldMeetingFacts {
            id,
            mentor_id: 1,
            on: today() - Duration::days(ago),
            thanked,
        };
        i.held_meetings = vec![
            held(1, 30, false),
            held(2, 31, false),
            held(3, 2, true),
            held(4, 0, false),
        ];
        let out = nudges(&i, noon(today()));
        let ids: Vec<_> = out.iter().map(|n| (n.kind, n.meeting_id)).collect();
        assert_eq!(
            ids,
            [
                (NudgeKind::ThanksPending, Some(1)),
                (NudgeKind::ThanksPending, Some(4))
            ]
        );
        // A meeting's nudge counts from the meeting's day (the Gratitude view shows it
        // without looking the meeting up).
        for n in &out {
            let day = i.held_meetings.iter().find(|h| Some(h.id) == n.meeting_id);
            assert_eq!(n.since, day.map(|h| h.on));
        }
    }

    #[test]
    fn experiments_to_report_then_to_thank() {
        let mut i = input_with(settled(today()), today());
        let exp = |id, reported_ago: Option<i64>, thanked| ExperimentFacts {
            commitment_id: id,
            mentor_id: Some(1),
            reported_on: reported_ago.map(|a| today() - Duration::days(a)),
            thanked,
        };
        i.experiments = vec![
            exp(1, None, false),
            exp(2, Some(30), false),
            exp(3, Some(31), false),
            exp(4, Some(1), true),
        ];
        let out = nudges(&i, noon(today()));
        let got: Vec<_> = out.iter().map(|n| (n.kind, n.commitment_id)).collect();
        assert_eq!(
            got,
            [
                (NudgeKind::ReportExperiment, Some(1)),
                (NudgeKind::ThankForExperiment, Some(2))
            ]
        );
    }

    #[test]
    fn thanks_written_but_not_sent_for_a_week() {
        let mut i = input_with(settled(today()), today());
        let written = |id, ago: i64, sent| WrittenThanksFacts {
            gratitude_id: id,
            mentor_id: Some(1),
            on: today() - Duration::days(ago),
            sent,
        };
        i.unsent_thanks = vec![written(1, 6, false)];
        assert!(kinds(&i, today()).is_empty(), "six days: not yet");
        i.unsent_thanks = vec![written(2, 7, false)];
        let out = nudges(&i, noon(today()));
        assert_eq!(
            out.iter()
                .map(|n| (n.kind, n.gratitude_id, n.mentor_id, n.days))
                .collect::<Vec<_>>(),
            [(NudgeKind::SendThanks, Some(2), Some(1), Some(7))]
        );
        assert_eq!(out[0].since, Some(today() - Duration::days(7)));
        i.unsent_thanks = vec![written(3, 7, true), written(4, 40, true)];
        assert!(kinds(&i, today()).is_empty(), "sent: nothing to nudge");
        // Without a mentor it still nudges (the sentence names "your mentor").
        i.unsent_thanks = vec![WrittenThanksFacts {
            mentor_id: None,
            ..written(5, 30, false)
        }];
        assert_eq!(kinds(&i, today()), [NudgeKind::SendThanks]);
    }

    #[test]
    fn mentor_not_thanked_in_six_weeks() {
        let mut m = settled(today());
        m.last_planned_meeting = Some(today()); // the cadence is kept: only thanks matter here
        m.last_thanks = Some(today() - Duration::days(42));
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        m.last_thanks = Some(today() - Duration::days(43));
        assert_eq!(
            kinds(&input_with(m.clone(), today()), today()),
            [NudgeKind::MentorNotThanked]
        );
        // Never thanked: counts from the day they became active.
        m.last_thanks = None;
        m.status_since = Some(today() - Duration::days(10));
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        m.status = MentorStatus::Ended;
        m.status_since = Some(today() - Duration::days(100));
        assert!(kinds(&input_with(m, today()), today()).is_empty());
    }

    #[test]
    fn reflection_due_when_the_period_that_just_ended_has_none() {
        // Monday 15 June: the week that just ended is 8–14 June.
        let y2025 = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let mut i = input_with(settled(today()), today());
        i.last_reflection = Some(d(6, 8));
        assert!(kinds(&i, today()).is_empty(), "last week is reflected on");
        i.last_reflection = Some(d(6, 7));
        assert_eq!(kinds(&i, today()), [NudgeKind::ReflectionDue]);
        i.settings.week_start = Weekday::Sun;
        assert!(
            kinds(&i, today()).is_empty(),
            "weeks from Sunday: 7–13 June"
        );
        i.last_reflection = Some(d(6, 6));
        assert_eq!(kinds(&i, today()), [NudgeKind::ReflectionDue]);
        i.settings.reflection_cadence = Period::Month;
        i.last_reflection = Some(d(5, 1));
        assert!(kinds(&i, today()).is_empty());
        i.last_reflection = Some(d(4, 30));
        assert_eq!(kinds(&i, today()), [NudgeKind::ReflectionDue]);
        i.settings.reflection_cadence = Period::Quarter;
        i.last_reflection = Some(d(1, 1));
        assert!(kinds(&i, today()).is_empty());
        i.last_reflection = Some(y2025(12, 31));
        assert_eq!(kinds(&i, today()), [NudgeKind::ReflectionDue]);
        // A new journal waits for its first whole period.
        i.last_reflection = None;
        i.journal_started = Some(d(1, 2));
        assert!(kinds(&i, today()).is_empty());
        i.journal_started = Some(y2025(12, 1));
        assert_eq!(kinds(&i, today()), [NudgeKind::ReflectionDue]);
    }

    #[test]
    fn health_check_due_every_interval() {
        let mut m = settled(today());
        m.last_health_check = Some(today() - Duration::days(89));
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        m.last_health_check = Some(today() - Duration::days(90));
        assert_eq!(
            kinds(&input_with(m.clone(), today()), today()),
            [NudgeKind::HealthCheckDue]
        );
        let mut i = input_with(m, today());
        i.settings.health_check_days = 120;
        assert!(kinds(&i, today()).is_empty());
    }

    #[test]
    fn agreement_review_on_and_after_its_date() {
        let mut m = settled(today());
        m.review_on = Some(today() + Duration::days(1));
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        m.review_on = Some(today());
        assert_eq!(
            kinds(&input_with(m.clone(), today()), today()),
            [NudgeKind::AgreementReview]
        );
        m.status = MentorStatus::Ended;
        assert!(kinds(&input_with(m, today()), today()).is_empty());
    }

    #[test]
    fn candidates_are_followed_up_after_a_week_without_reply() {
        let mut m = settled(today());
        m.status = MentorStatus::Approached;
        m.status_since = Some(today() - Duration::days(7));
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        m.status_since = Some(today() - Duration::days(8));
        assert_eq!(
            kinds(&input_with(m.clone(), today()), today()),
            [NudgeKind::FollowUp]
        );
        // A reply from the mentor before the approach does not count; one since does.
        m.last_contact_from_mentor = Some(today() - Duration::days(9));
        assert_eq!(
            kinds(&input_with(m.clone(), today()), today()),
            [NudgeKind::FollowUp]
        );
        m.last_contact_from_mentor = Some(today() - Duration::days(8));
        assert!(kinds(&input_with(m.clone(), today()), today()).is_empty());
        m.status = MentorStatus::Candidate;
        m.last_contact_from_mentor = None;
        assert_eq!(
            kinds(&input_with(m, today()), today()),
            [NudgeKind::FollowUp]
        );
    }

    #[test]
    fn debrief_once_the_meeting_has_ended() {
        let mut i = input_with(settled(today()), today());
        let starts = today().and_hms_opt(11, 0, 0).unwrap();
        i.planned_meetings = vec![PlannedMeetingFacts {
            id: 9,
            mentor_id: 1,
            starts_at: starts,
            minutes: 45,
        }];
        let at = |h, m| today().and_hms_opt(h, m, 0).unwrap();
        assert!(nudges(&i, at(11, 44)).is_empty());
        let out = nudges(&i, at(11, 45));
        assert_eq!(
            (out[0].kind, out[0].meeting_id),
            (NudgeKind::Debrief, Some(9))
        );
        assert!(
            nudges(&i, starts + Duration::days(31))
                .iter()
                .all(|n| n.kind != NudgeKind::Debrief)
        );
    }

    #[test]
    fn a_new_journal_asks_for_a_first_reflection_after_one_cadence() {
        let mut i = input_with(settled(today()), today());
        i.last_reflection = None;
        i.journal_started = None; // empty: nothing to reflect on
        assert_eq!(kinds(&i, today()), []);
        i.journal_started = Some(today()); // day one
        assert_eq!(kinds(&i, today()), []);
        i.journal_started = Some(today() - Duration::days(6));
        assert_eq!(kinds(&i, today()), []);
        i.journal_started = Some(today() - Duration::days(7));
        assert_eq!(kinds(&i, today()), [NudgeKind::ReflectionDue]);
        // Once there is a reflection, it is what counts.
        i.last_reflection = Some(today() - Duration::days(2));
        assert_eq!(kinds(&i, today()), []);
    }

    #[test]
    fn nudges_come_in_priority_order() {
        let mut m = settled(today());
        m.last_contact = None;
        m.status_since = None;
        m.last_thanks = None;
        m.last_health_check = None;
        let mut i = input_with(m, today());
        i.last_reflection = None;
        i.journal_started = Some(today() - Duration::days(30));
        i.held_meetings = vec![HeldMeetingFacts {
            id: 3,
            mentor_id: 1,
            on: today(),
            thanked: false,
        }];
        assert_eq!(
            kinds(&i, today()),
            [
                NudgeKind::ThanksPending,
                NudgeKind::PlanMeeting,
                NudgeKind::HealthCheckDue,
                NudgeKind::MentorNotThanked,
                NudgeKind::ReflectionDue,
            ]
        );
    }

    #[test]
    fn plan_a_meeting_replaces_no_contact_for_that_mentor() {
        let mut m = settled(today());
        m.last_contact = Some(today() - Duration::days(20));
        m.last_held_meeting = Some(today() - Duration::days(20));
        let out = nudges(&input_with(m.clone(), today()), noon(today()));
        assert_eq!(
            out.iter()
                .map(|n| (n.kind, n.mentor_id, n.since, n.every))
                .collect::<Vec<_>>(),
            [(
                NudgeKind::PlanMeeting,
                Some(1),
                m.last_held_meeting,
                Some(14)
            )]
        );
        // Once a meeting is planned, only "no contact" is left until it is held.
        m.last_planned_meeting = Some(today() + Duration::days(2));
        assert_eq!(
            kinds(&input_with(m.clone(), today()), today()),
            [NudgeKind::NoContact]
        );
        // Paused: neither.
        m.last_planned_meeting = None;
        m.status = MentorStatus::Paused;
        assert!(kinds(&input_with(m, today()), today()).is_empty());
    }

    #[test]
    fn a_low_health_check_with_no_meeting_planned_is_a_slipping_relationship() {
        use crate::domain::HealthCheck;
        let check_day = today() - Duration::days(3);
        let mut m = settled(today());
        m.last_health_check = Some(check_day);
        m.last_held_meeting = Some(today() - Duration::days(4));
        m.last_contact = m.last_held_meeting;
        let check = |ratings: &[(&str, u8)]| HealthCheck {
            id: 5,
            ratings: ratings.iter().map(|(q, r)| (q.to_string(), *r)).collect(),
            ..HealthCheck::new(1, check_day)
        };
        let with = |m: &MentorFacts, ratings: &[(&str, u8)]| {
            let mut i = input_with(m.clone(), today());
            i.health = vec![HealthTrend {
                latest: check(ratings),
                previous: None,
            }];
            i
        };
        let out = nudges(&with(&m, &[("trust", 2), ("progress", 4)]), noon(today()));
        assert_eq!(
            out.iter()
                .map(|n| (n.kind, n.mentor_id, n.since))
                .collect::<Vec<_>>(),
            [(NudgeKind::SlippingRelationship, Some(1), Some(check_day))]
        );
        assert!(
            kinds(&with(&m, &[("trust", 3)]), today()).is_empty(),
            "not low"
        );
        // A meeting planned: the agenda takes it up instead.
        let mut planned = m.clone();
        planned.last_planned_meeting = Some(today());
        assert!(kinds(&with(&planned, &[("trust", 1)]), today()).is_empty());
        // A meeting held since the check: talked about.
        let mut met = m.clone();
        met.last_held_meeting = Some(today() - Duration::days(1));
        assert!(kinds(&with(&met, &[("trust", 1)]), today()).is_empty());
        // Paused or ended relationships are not nudged.
        let mut paused = m;
        paused.status = MentorStatus::Paused;
        assert!(kinds(&with(&paused, &[("trust", 1)]), today()).is_empty());
    }
}
