//! Resources and introductions: what a mentor recommended (a book, an article, a course, a
//! tool, an event) or who they introduced the mentee to, with its goal, how far the mentee
//! has come with it and the takeaway.
//!
//! Pure: the record, its limits, and the rules the rest of the app asks about it (what the
//! status moves to next, whether it is worth reporting back on, whether an introduction still
//! waits for a thanks).

use chrono::NaiveDate;

use super::kinds::{ResourceKind, ResourceStatus};
use super::limits::{
    LimitError, WithinLimits, check_date, check_opt_date, check_text, check_title,
};

/// A recommendation from a mentor, or an introduction (kind [`ResourceKind::Person`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub id: i64,
    pub uuid: String,
    pub kind: ResourceKind,
    /// The book's title, the course's name, the person introduced.
    pub title: String,
    /// Where to find it (a URL, an ISBN, a contact).
    pub link: String,
    pub status: ResourceStatus,
    /// What the mentee took away from it (written when it is done).
    pub takeaway: String,
    pub recommended_on: NaiveDate,
    /// The day it was marked done (or dropped).
    pub done_on: Option<NaiveDate>,
    /// The mentor who recommended it or made the introduction.
    pub mentor_id: Option<i64>,
    /// The goal it serves.
    pub goal_id: Option<i64>,
    /// The meeting it came up in.
    pub meeting_id: Option<i64>,
    pub private: bool,
}

impl Resource {
    /// A book titled `title`, recommended on `on`, still to do, from no mentor yet.
    pub fn new(title: impl Into<String>, on: NaiveDate) -> Self {
        Resource {
            id: 0,
            uuid: String::new(),
            kind: ResourceKind::Book,
            title: title.into(),
            link: String::new(),
            status: ResourceStatus::Todo,
            takeaway: String::new(),
            recommended_on: on,
            done_on: None,
            mentor_id: None,
            goal_id: None,
            meeting_id: None,
            private: false,
        }
    }

    /// An introduction: a person the mentor introduced the mentee to.
    pub fn is_introduction(&self) -> bool {
        self.kind == ResourceKind::Person
    }

    /// The record moved to `status` on `today`: a finished status (done, dropped) records
    /// the day, an open one clears it.
    pub fn moved_to(&self, status: ResourceStatus, today: NaiveDate) -> Resource {
        let done_on = match (status.is_open(), self.done_on) {
            (true, _) => None,
            (false, Some(day)) if !self.status.is_open() => Some(day),
            (false, _) => Some(today),
        };
        Resource {
            status,
            done_on,
            ..self.clone()
        }
    }
}

impl WithinLimits for Resource {
    fn check_limits(&self) -> Result<(), LimitError> {
        check_title("title", &self.title)?;
        check_text("link", &self.link)?;
        check_text("takeaway", &self.takeaway)?;
        check_date("recommended_on", self.recommended_on)?;
        check_opt_date("done_on", self.done_on)
    }
}

/// What the agenda and the nudges need to know of one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceRef {
    pub id: i64,
    pub kind: ResourceKind,
    pub title: String,
    pub status: ResourceStatus,
    pub mentor_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub done_on: Option<NaiveDate>,
    /// Some thanks is linked to it (`gratitude.resource_id`).
    pub thanked: bool,
    /// It is private, or its mentor or goal is: its title is hidden with private text.
    pub private: bool,
}

impl ResourceRef {
    /// Worth reporting back on at the next meeting with its mentor: a recommendation still
    /// open, or done since the last meeting with that mentor (`last_held`).
    pub fn to_report(&self, last_held: Option<NaiveDate>) -> bool {
        match self.status {
            ResourceStatus::Todo | ResourceStatus::Doing => true,
            ResourceStatus::Done => match (self.done_on, last_held) {
                (Some(done), Some(held)) => done >= held,
                _ => true,
            },
            ResourceStatus::Dropped => false,
        }
    }

    /// An introduction that happened (marked done) and was never thanked for.
    pub fn introduction_to_thank(&self) -> bool {
        self.kind == ResourceKind::Person
            && self.status == ResourceStatus::Done
            && !self.thanked
            && self.mentor_id.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn moving_status_keeps_the_done_day_honest() {
        let r = Resource::new("Deep Work", day(1));
        let doing = r.moved_to(ResourceStatus::Doing, day(3));
        assert_eq!(doing.done_on, None);
        let done = doing.moved_to(ResourceStatus::Done, day(9));
        assert_eq!(done.done_on, Some(day(9)));
        // Done → dropped keeps the day it was finished.
        let dropped = done.moved_to(ResourceStatus::Dropped, day(12));
        assert_eq!(dropped.done_on, Some(day(9)));
        let again = dropped.moved_to(ResourceStatus::Todo, day(13));
        assert_eq!(again.done_on, None);
        assert_eq!(ResourceStatus::Dropped.next(), ResourceStatus::Todo);
        assert_eq!(ResourceStatus::Todo.next(), ResourceStatus::Doing);
    }

    #[test]
    fn limits_refuse_a_blank_title() {
        let r = Resource::new("  ", day(1));
        assert!(r.check_limits().is_err());
        assert!(Resource::new("Deep Work", day(1)).check_limits().is_ok());
    }

    fn reference(kind: ResourceKind, status: ResourceStatus) -> ResourceRef {
        ResourceRef {
            id: 1,
            kind,
            title: "x".into(),
            status,
            mentor_id: Some(1),
            goal_id: None,
            done_on: Some(day(5)),
            thanked: false,
            private: false,
        }
    }

    #[test]
    fn open_or_freshly_done_resources_are_reported_back() {
        let open = reference(ResourceKind::Book, ResourceStatus::Doing);
        assert!(open.to_report(Some(day(10))));
        let done = reference(ResourceKind::Book, ResourceStatus::Done);
        assert!(done.to_report(Some(day(4))), "done after the last meeting");
        assert!(!done.to_report(Some(day(6))), "already talked about");
        let dropped = reference(ResourceKind::Book, ResourceStatus::Dropped);
        assert!(!dropped.to_report(None));
    }

    #[test]
    fn only_a_done_unthanked_introduction_waits_for_thanks() {
        let intro = reference(ResourceKind::Person, ResourceStatus::Done);
        assert!(intro.introduction_to_thank());
        let thanked = ResourceRef {
            thanked: true,
            ..intro.clone()
        };
        assert!(!thanked.introduction_to_thank());
        let pending = reference(ResourceKind::Person, ResourceStatus::Todo);
        assert!(!pending.introduction_to_thank());
        let book = reference(ResourceKind::Book, ResourceStatus::Done);
        assert!(!book.introduction_to_thank());
    }

    #[test]
    fn a_done_introduction_without_thanks_nudges_to_thank_its_mentor() {
        use crate::domain::nudges::{NudgeInput, NudgeKind, nudges};
        let now = day(20).and_hms_opt(9, 0, 0).unwrap();
        let intro = reference(ResourceKind::Person, ResourceStatus::Done);
        let input = NudgeInput {
            introductions: vec![
                intro.clone(),
                ResourceRef {
                    id: 2,
                    thanked: true,
                    ..intro.clone()
                },
                ResourceRef {
                    id: 3,
                    status: ResourceStatus::Doing,
                    ..intro.clone()
                },
            ],
            ..NudgeInput::default()
        };
        let out = nudges(&input, now);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].kind, NudgeKind::ThankForIntroduction);
        assert_eq!(out[0].resource_id, Some(1));
        assert_eq!(out[0].mentor_id, Some(1));
        assert_eq!(out[0].days, Some(15));
    }

    #[test]
    fn the_agenda_suggests_reporting_back_on_this_mentors_recommendations() {
        use crate::domain::suggest::{SuggestInput, SuggestionReason, suggest};
        let at = |d| day(d).and_hms_opt(10, 0, 0).unwrap();
        let book = ResourceRef {
            status: ResourceStatus::Todo,
            goal_id: Some(7),
            ..reference(ResourceKind::Book, ResourceStatus::Todo)
        };
        let others = ResourceRef {
            id: 2,
            mentor_id: Some(9),
            ..book.clone()
        };
        let talked_about = ResourceRef {
            id: 3,
            status: ResourceStatus::Done,
            done_on: Some(day(2)),
            ..book.clone()
        };
        let mut input = SuggestInput {
            meeting_id: 1,
            mentor_id: 1,
            starts_at: at(25),
            last_held: Some(at(10)),
            resources: vec![book, others, talked_about],
            ..SuggestInput::default()
        };
        let out = suggest(&input, at(20));
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].key, "resource:1");
        assert_eq!(
            out[0].reason,
            SuggestionReason::ReportResource(ResourceKind::Book)
        );
        assert_eq!(out[0].goal_id, Some(7));
        // Accepted: the agenda holds it, so it is not suggested again.
        input.agenda = vec![out[0].to_agenda_item(1)];
        assert!(suggest(&input, at(20)).is_empty());
    }
}
