//! The recap to send a mentor after a meeting: what of the meeting's records goes into it.
//!
//! [`compose`] picks, from a held meeting's records, the thanks written for it, the agenda
//! items ticked as discussed (with their note, else their planned outcome), the commitments
//! made there (mine and what the mentor offered, dropped ones left out) and the next meeting
//! planned with the same mentor. Privacy follows the one rule ([`super::privacy`]): a private
//! record, a record of a private mentor, one linked to a private goal or belonging to a private
//! meeting stays out; a private meeting (or a meeting with a private mentor) has no recap at
//! all. The words are the catalog's (`i18n::RecapText::render`); this module only decides the
//! content. Pure: the store gathers the inputs.

use chrono::{NaiveDate, NaiveDateTime};

use super::privacy::Privacy;
use super::{
    AgendaItem, Commitment, CommitmentStatus, Gratitude, Meeting, MeetingStatus, Mentor, Party,
};

/// What the recap is made from: one meeting and the records around it.
#[derive(Debug, Clone, Copy)]
pub struct RecapSource<'a> {
    pub meeting: &'a Meeting,
    pub mentor: &'a Mentor,
    /// The meeting's agenda, in its order.
    pub items: &'a [AgendaItem],
    /// The commitments made at the meeting.
    pub commitments: &'a [Commitment],
    /// The thanks written for the meeting.
    pub thanks: &'a [Gratitude],
    /// The next meeting planned with the same mentor, if any.
    pub next: Option<&'a Meeting>,
    /// The ids of the goals marked private (only those the items link to matter).
    pub private_goals: &'a [i64],
}

/// An item we discussed: what it was, and what came of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discussed {
    pub text: String,
    /// The note taken in the debrief, else the outcome planned for it (may be empty).
    pub note: String,
}

/// A promise made at the meeting: its text and its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    pub text: String,
    pub due: Option<NaiveDate>,
}

/// The recap's content, in the order it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recap {
    pub mentor: String,
    pub held_at: NaiveDateTime,
    /// What the mentee thanked the mentor for (the thanks written for this meeting).
    pub thanks: Vec<String>,
    pub discussed: Vec<Discussed>,
    /// What I will do, and by when.
    pub mine: Vec<Promise>,
    /// What the mentor offered.
    pub offered: Vec<Promise>,
    /// When the next meeting is (planned, with the same mentor).
    pub next: Option<NaiveDateTime>,
    /// The thanks in the recap that are not marked sent yet: sending the recap sends them.
    pub unsent_thanks: Vec<i64>,
}

/// Why a meeting has no recap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoRecap {
    /// The meeting has not been held (planned or cancelled).
    NotHeld,
    /// The meeting or its mentor is private: nothing of it is shared.
    Private,
}

impl Recap {
    /// True when there is nothing but the greeting to send (every record was private or
    /// there were none).
    pub fn is_bare(&self) -> bool {
        self.thanks.is_empty()
            && self.discussed.is_empty()
            && self.mine.is_empty()
            && self.offered.is_empty()
            && self.next.is_none()
    }
}

/// Composes the recap of a held meeting from its records, leaving private ones out.
pub fn compose(src: RecapSource<'_>) -> Result<Recap, NoRecap> {
    let meeting = src.meeting;
    if meeting.status != MeetingStatus::Held {
        return Err(NoRecap::NotHeld);
    }
    let within = Privacy::own(meeting.private).mentor(src.mentor.private);
    if within.is_private() {
        return Err(NoRecap::Private);
    }
    let goal_private = |goal: Option<i64>| goal.is_some_and(|g| src.private_goals.contains(&g));
    let discussed = src
        .items
        .iter()
        .filter(|i| i.meeting_id == meeting.id && i.discussed)
        .filter(|i| {
            !Privacy::own(i.private)
                .goal(goal_private(i.goal_id))
                .within(within)
                .is_private()
        })
        .map(|i| Discussed {
            text: i.text.trim().to_string(),
            note: if i.note.trim().is_empty() {
                i.outcome.trim().to_string()
            } else {
                i.note.trim().to_string()
            },
        })
        .collect();
    let shared = |c: &&Commitment| {
        c.meeting_id == Some(meeting.id)
            && c.status != CommitmentStatus::Dropped
            && !Privacy::own(c.private).within(within).is_private()
    };
    let promises = |owner: Party| -> Vec<Promise> {
        let mut list: Vec<Promise> = src
            .commitments
            .iter()
            .filter(|c| shared(c))
            .filter(|c| c.owner == owner)
            .map(|c| Promise {
                text: c.text.trim().to_string(),
                due: c.due,
            })
            .collect();
        list.sort_by_key(|p| (p.due.is_none(), p.due));
        list
    };
    let thanks: Vec<&Gratitude> = src
        .thanks
        .iter()
        .filter(|g| g.meeting_id == Some(meeting.id))
        .filter(|g| !Privacy::own(g.private).within(within).is_private())
        .filter(|g| !g.what_for.trim().is_empty())
        .collect();
    let next = src
        .next
        .filter(|n| {
            n.mentor_id == meeting.mentor_id
                && n.status == MeetingStatus::Planned
                && n.starts_at > meeting.starts_at
                && !n.private
        })
        .map(|n| n.starts_at);
    Ok(Recap {
        mentor: src.mentor.name.trim().to_string(),
        held_at: meeting.starts_at,
        thanks: thanks
            .iter()
            .map(|g| g.what_for.trim().to_string())
            .collect(),
        discussed,
        mine: promises(Party::Me),
        offered: promises(Party::Mentor),
        next,
        unsent_thanks: thanks.iter().filter(|g| !g.sent).map(|g| g.id).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AgendaKind;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    struct Fixture {
        meeting: Meeting,
        mentor: Mentor,
        items: Vec<AgendaItem>,
        commitments: Vec<Commitment>,
        thanks: Vec<Gratitude>,
        next: Meeting,
        private_goals: Vec<i64>,
    }

    fn fixture() -> Fixture {
        let mut mentor = Mentor::new("Daniel Okafor");
        mentor.id = 1;
        let mut meeting = Meeting::new(1, at(27, 16), 45);
        meeting.id = 7;
        meeting.status = MeetingStatus::Held;
        let item = |id: i64, text: &str, discussed: bool| {
            let mut i = AgendaItem::new(7, AgendaKind::Topic, text);
            i.id = id;
            i.discussed = discussed;
            i
        };
        let mut talk = item(1, "Conference talk", true);
        talk.note = "Lead with the outage story".into();
        talk.outcome = "A topic".into();
        let mut staff = item(2, "Staff path", true);
        staff.outcome = "Know the next step".into();
        let skipped = item(3, "Side project", false);
        let mut secret = item(4, "Salary talk", true);
        secret.private = true;
        let mut linked = item(5, "Promotion goal", true);
        linked.goal_id = Some(9);
        let commitment = |id: i64, owner: Party, text: &str, due: Option<NaiveDate>| {
            let mut c = Commitment::new(text, day(1));
            c.id = id;
            c.owner = owner;
            c.meeting_id = Some(7);
            c.mentor_id = Some(1);
            c.due = due;
            c
        };
        let mut dropped = commitment(3, Party::Me, "Dropped one", None);
        dropped.status = CommitmentStatus::Dropped;
        let mut hidden = commitment(4, Party::Me, "Private one", Some(day(2)));
        hidden.private = true;
        let mut thanks = Gratitude::new("The intro to Maya", day(1));
        thanks.mentor_id = Some(1);
        thanks.id = 11;
        thanks.meeting_id = Some(7);
        let mut sent = Gratitude::new("Your patience", day(1));
        sent.mentor_id = Some(1);
        sent.id = 12;
        sent.meeting_id = Some(7);
        sent.sent = true;
        let mut private_thanks = Gratitude::new("Secret thanks", day(1));
        private_thanks.mentor_id = Some(1);
        private_thanks.id = 13;
        private_thanks.meeting_id = Some(7);
        private_thanks.private = true;
        let mut next = Meeting::new(1, at(30, 10), 30);
        next.id = 8;
        Fixture {
            meeting,
            mentor,
            items: vec![talk, staff, skipped, secret, linked],
            commitments: vec![
                commitment(1, Party::Me, "Rewrite the outline", Some(day(4))),
                commitment(2, Party::Mentor, "Introduce me to Maya", None),
                commitment(5, Party::Me, "Book the room", Some(day(2))),
                dropped,
                hidden,
            ],
            thanks: vec![thanks, sent, private_thanks],
            next,
            private_goals: vec![9],
        }
    }

    fn source(f: &Fixture) -> RecapSource<'_> {
        RecapSource {
            meeting: &f.meeting,
            mentor: &f.mentor,
            items: &f.items,
            commitments: &f.commitments,
            thanks: &f.thanks,
            next: Some(&f.next),
            private_goals: &f.private_goals,
        }
    }

    #[test]
    fn a_recap_holds_what_was_shared_at_the_meeting() {
        let f = fixture();
        let r = compose(source(&f)).unwrap();
        assert_eq!(r.mentor, "Daniel Okafor");
        assert_eq!(r.thanks, ["The intro to Maya", "Your patience"]);
        assert_eq!(r.unsent_thanks, [11]);
        let discussed: Vec<(&str, &str)> = r
            .discussed
            .iter()
            .map(|d| (d.text.as_str(), d.note.as_str()))
            .collect();
        // The note wins over the planned outcome; unticked, private and private-goal items
        // stay out.
        assert_eq!(
            discussed,
            [
                ("Conference talk", "Lead with the outage story"),
                ("Staff path", "Know the next step")
            ]
        );
        let mine: Vec<_> = r.mine.iter().map(|p| (p.text.as_str(), p.due)).collect();
        assert_eq!(
            mine,
            [
                ("Book the room", Some(day(2))),
                ("Rewrite the outline", Some(day(4)))
            ]
        );
        assert_eq!(r.offered.len(), 1);
        assert_eq!(r.offered[0].text, "Introduce me to Maya");
        assert_eq!(r.next, Some(at(30, 10)));
        assert!(!r.is_bare());
    }

    #[test]
    fn all_private_records_leave_a_bare_recap() {
        let mut f = fixture();
        f.items.iter_mut().for_each(|i| i.private = true);
        f.commitments.iter_mut().for_each(|c| c.private = true);
        f.thanks.iter_mut().for_each(|g| g.private = true);
        f.next.private = true;
        let r = compose(source(&f)).unwrap();
        assert!(r.is_bare(), "{r:?}");
        assert!(r.unsent_thanks.is_empty());
        let text = format!("{r:?}");
        for secret in ["Conference", "Rewrite", "Maya", "patience"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
    }

    #[test]
    fn a_private_mentor_or_meeting_has_no_recap() {
        let mut f = fixture();
        f.mentor.private = true;
        assert_eq!(compose(source(&f)), Err(NoRecap::Private));
        let mut f = fixture();
        f.meeting.private = true;
        assert_eq!(compose(source(&f)), Err(NoRecap::Private));
    }

    #[test]
    fn only_a_held_meeting_has_a_recap() {
        let mut f = fixture();
        f.meeting.status = MeetingStatus::Planned;
        assert_eq!(compose(source(&f)), Err(NoRecap::NotHeld));
        f.meeting.status = MeetingStatus::Cancelled;
        assert_eq!(compose(source(&f)), Err(NoRecap::NotHeld));
    }

    #[test]
    fn records_of_other_meetings_and_an_earlier_next_meeting_stay_out() {
        let mut f = fixture();
        f.commitments
            .iter_mut()
            .for_each(|c| c.meeting_id = Some(99));
        f.thanks.iter_mut().for_each(|g| g.meeting_id = None);
        f.next.starts_at = at(20, 10);
        let r = compose(source(&f)).unwrap();
        assert!(r.mine.is_empty() && r.offered.is_empty() && r.thanks.is_empty());
        assert_eq!(r.next, None);
    }
}
