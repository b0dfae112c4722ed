//! The parts of the nudges' input and which kinds come from which ([`NudgeKind::sources`],
//! the one definition the rules and the store share), so that a caller reads only what the
//! nudges it shows need: a view listing some kinds ([`sources`]), or the first few nudges of
//! all kinds, read part by part in priority order until they are settled ([`top_nudges`]).

use chrono::NaiveDateTime;

use super::kinds::MentorStatus;
use super::nudges::{Nudge, NudgeInput, NudgeKind, nudges};

/// A part of [`NudgeInput`] the store reads on its own: the facts of the mentors in one
/// status, or one of the recent lists. A caller reads only the parts the kinds it shows need
/// ([`NudgeKind::sources`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudgeSource {
    /// [`NudgeInput::mentors`] in this status.
    Mentors(MentorStatus),
    /// [`NudgeInput::health`] (of the active mentors read).
    Health,
    /// [`NudgeInput::held_meetings`].
    HeldMeetings,
    /// [`NudgeInput::planned_meetings`].
    PlannedMeetings,
    /// [`NudgeInput::experiments`].
    Experiments,
    /// [`NudgeInput::unsent_thanks`].
    UnsentThanks,
    /// [`NudgeInput::introductions`].
    Introductions,
    /// [`NudgeInput::last_reflection`] and [`NudgeInput::journal_started`].
    Reflections,
}

impl NudgeKind {
    /// The parts of the input the nudges of this kind come from. The one definition: the
    /// rules below ask it which mentors a kind applies to, and the store reads only the parts
    /// a caller's kinds need ([`sources`]).
    pub fn sources(self) -> &'static [NudgeSource] {
        use MentorStatus::*;
        use NudgeSource::*;
        match self {
            NudgeKind::Debrief => &[PlannedMeetings],
            NudgeKind::ThanksPending => &[HeldMeetings],
            NudgeKind::SendThanks => &[UnsentThanks],
            NudgeKind::ReportExperiment | NudgeKind::ThankForExperiment => &[Experiments],
            NudgeKind::SlippingRelationship => &[Mentors(Active), Health],
            NudgeKind::PlanMeeting
            | NudgeKind::NoContact
            | NudgeKind::HealthCheckDue
            | NudgeKind::MentorNotThanked => &[Mentors(Active)],
            NudgeKind::AgreementReview => &[Mentors(Active), Mentors(Paused)],
            NudgeKind::FollowUp => &[Mentors(Candidate), Mentors(Approached)],
            NudgeKind::ThankForIntroduction => &[Introductions],
            NudgeKind::ReflectionDue => &[Reflections],
        }
    }

    /// Whether a mentor in `status` can be nudged about with this kind.
    pub fn applies_to(self, status: MentorStatus) -> bool {
        self.sources().contains(&NudgeSource::Mentors(status))
    }

    /// Every kind, in priority order.
    pub const ALL: [NudgeKind; 14] = [
        NudgeKind::Debrief,
        NudgeKind::ThanksPending,
        NudgeKind::SendThanks,
        NudgeKind::ReportExperiment,
        NudgeKind::SlippingRelationship,
        NudgeKind::PlanMeeting,
        NudgeKind::NoContact,
        NudgeKind::FollowUp,
        NudgeKind::AgreementReview,
        NudgeKind::HealthCheckDue,
        NudgeKind::ThankForExperiment,
        NudgeKind::ThankForIntroduction,
        NudgeKind::MentorNotThanked,
        NudgeKind::ReflectionDue,
    ];
}

/// The parts of the input the nudges of `kinds` need (each once, in the order met): an input
/// of only these parts gives the same nudges of those kinds as the whole input.
pub fn sources(kinds: &[NudgeKind]) -> Vec<NudgeSource> {
    let mut out: Vec<NudgeSource> = Vec::new();
    for s in kinds.iter().flat_map(|k| k.sources()) {
        if !out.contains(s) {
            out.push(*s);
        }
    }
    out
}

/// The first `limit` nudges, reading the input part by part in the kinds' priority order
/// (`read` adds the parts given to the input) and stopping once `limit` nudges of kinds
/// whose parts are all read come before every kind still unread: the rest cannot be among
/// the first. Equal to the first `limit` of [`nudges`] over the whole input.
pub fn top_nudges<E>(
    input: &mut NudgeInput,
    now: NaiveDateTime,
    limit: usize,
    mut read: impl FnMut(&mut NudgeInput, &[NudgeSource]) -> Result<(), E>,
) -> Result<Vec<Nudge>, E> {
    let mut have: Vec<NudgeSource> = Vec::new();
    let mut found = Vec::new();
    for kind in NudgeKind::ALL {
        if found.iter().filter(|n: &&Nudge| n.kind < kind).count() >= limit {
            break;
        }
        let new: Vec<NudgeSource> = kind
            .sources()
            .iter()
            .filter(|s| !have.contains(s))
            .copied()
            .collect();
        if new.is_empty() {
            continue;
        }
        read(input, &new)?;
        have.extend(new);
        found = nudges(input, now);
    }
    found.truncate(limit);
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nudges::MentorFacts;
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// A mentor in `status` whose agreement review came on `review`, nothing else due.
    fn reviewed(id: i64, status: MentorStatus, review: NaiveDate) -> MentorFacts {
        MentorFacts {
            id,
            status,
            cadence_days: None,
            review_on: Some(review),
            ..crate::domain::nudges::tests::settled(d(6, 15))
        }
    }

    /// A kind whose parts are only partly read (reviews: the active mentors read for an
    /// earlier kind, not the paused ones) does not count towards the settled first ones.
    #[test]
    fn a_kind_counts_only_once_all_its_parts_are_read() {
        let now = d(6, 15).and_hms_opt(12, 0, 0).unwrap();
        let whole = NudgeInput {
            mentors: vec![
                reviewed(1, MentorStatus::Active, d(6, 10)),
                reviewed(2, MentorStatus::Paused, d(6, 1)),
            ],
            last_reflection: Some(d(6, 15)),
            ..NudgeInput::default()
        };
        let mut read_parts = Vec::new();
        let mut input = NudgeInput::default();
        let first = top_nudges(&mut input, now, 1, |input, parts| {
            read_parts.extend_from_slice(parts);
            for p in parts {
                if let NudgeSource::Mentors(s) = p {
                    let more = whole.mentors.iter().filter(|m| m.status == *s).cloned();
                    input.mentors.extend(more);
                }
            }
            input.last_reflection = whole.last_reflection;
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(first, nudges(&whole, now)[..1]);
        assert_eq!(
            first[0].mentor_id,
            Some(2),
            "the paused mentor's earlier review"
        );
        // Settled there: the parts of later kinds are never read.
        assert!(!read_parts.contains(&NudgeSource::Introductions));
        assert!(!read_parts.contains(&NudgeSource::Reflections));
    }
}
