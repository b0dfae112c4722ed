//! Agenda suggestions for one planned meeting: what the mentee could bring up, and why.
//!
//! Pure: the store gathers a [`SuggestInput`] for the meeting (bounded queries), and
//! [`suggest`] applies the rules. Each suggestion has a stable `key`; an accepted suggestion
//! becomes an agenda item whose `source` is that key, which is how it disappears from the list.
//!
//! The latest health check with M, when low and not yet followed by a held meeting
//! ([`super::slipping`]), suggests talking about how the mentoring is going, first.
//!
//! Records tied to *another* mentor belong on that mentor's agenda: commitments, feedback, goals
//! and questions are suggested when they have mentor M or no mentor at all.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};

use super::kinds::{AgendaKind, CommitmentStatus, FeedbackStatus, GoalStatus, Party, ResourceKind};
use super::records::AgendaItem;
use super::resources::ResourceRef;
use super::slipping::{HealthTrend, low_health, pending};

/// Why a suggestion is made; the UI turns it into translated "why" text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SuggestionReason {
    /// The latest health check with this mentor is low: talk about how the mentoring goes.
    SlippingRelationship,
    /// Not discussed at the last held meeting with this mentor.
    CarryOver,
    /// An experiment's result is recorded but not yet reported back to the mentor.
    ReportExperiment,
    /// My commitment is past its due date: report on it.
    MyCommitmentOverdue,
    /// My commitment falls due before (or on the day of) the meeting: report on it.
    MyCommitmentDue,
    /// The mentor's commitment is past its due date: follow up.
    MentorCommitmentOverdue,
    /// The mentor's commitment falls due before (or on the day of) the meeting: follow up.
    MentorCommitmentDue,
    /// Feedback still open (not acted on yet).
    OpenFeedback,
    /// An active goal with no progress update since the last held meeting with this mentor.
    GoalWithoutProgress,
    /// A question parked in the question bank.
    ParkedQuestion,
    /// Something this mentor recommended (or someone they introduced) to report back on.
    ReportResource(ResourceKind),
}

/// One suggestion for the agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Stable identity, e.g. `carry:12`, `commit-me:4`, `report:9`; stored as the item's `source`.
    pub key: String,
    pub reason: SuggestionReason,
    /// The kind the agenda item gets when accepted.
    pub kind: AgendaKind,
    /// The record's own text (item, commitment, feedback, goal title, question).
    pub text: String,
    /// The due date, for commitment suggestions.
    pub due: Option<NaiveDate>,
    pub goal_id: Option<i64>,
    pub commitment_id: Option<i64>,
    pub feedback_id: Option<i64>,
    /// The undiscussed item this one carries over.
    pub carried_from: Option<i64>,
    /// The parked question; accepting it should set the question's `agenda_item_id`.
    pub question_id: Option<i64>,
    /// The record it comes from is private: so is its text, and the item it becomes.
    pub private: bool,
    /// For [`SuggestionReason::SlippingRelationship`]: the questions the health check rated
    /// low, with their ratings. Its `text` is empty: the interface writes it in the user's
    /// language (the question, these questions, the advice) before showing or accepting it.
    pub low_questions: Vec<(String, u8)>,
}

impl Suggestion {
    /// The agenda item this suggestion becomes when accepted (position 0: appended).
    pub fn to_agenda_item(&self, meeting_id: i64) -> AgendaItem {
        AgendaItem {
            goal_id: self.goal_id,
            commitment_id: self.commitment_id,
            feedback_id: self.feedback_id,
            carried_from: self.carried_from,
            source: Some(self.key.clone()),
            private: self.private,
            ..AgendaItem::new(meeting_id, self.kind, self.text.clone())
        }
    }
}

/// A commitment as the suggestion rules see it (open ones and experiments).
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentRef {
    pub id: i64,
    pub owner: Party,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub status: CommitmentStatus,
    /// The commitment's mentor, or for an experiment without one, its feedback's mentor.
    pub mentor_id: Option<i64>,
    pub feedback_id: Option<i64>,
    pub result: String,
    pub reported_on: Option<NaiveDate>,
    /// Marked private (its text is hidden while private text is)
    pub private: bool,
}

/// A piece of feedback as the suggestion rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackRef {
    pub id: i64,
    pub text: String,
    pub status: FeedbackStatus,
    pub mentor_id: Option<i64>,
    /// Marked private (its text is hidden while private text is)
    pub private: bool,
}

/// A goal with the date of its latest progress update.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRef {
    pub id: i64,
    pub title: String,
    pub status: GoalStatus,
    pub mentor_id: Option<i64>,
    /// When the latest progress update was recorded: the time it was written when that was
    /// on the day it is dated, else the start of that day.
    pub last_update: Option<NaiveDateTime>,
    /// Marked private (its text is hidden while private text is)
    pub private: bool,
}

/// A question from the question bank.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRef {
    pub id: i64,
    pub text: String,
    pub mentor_id: Option<i64>,
    /// Set once the question was moved into an agenda (then it is no longer parked).
    pub agenda_item_id: Option<i64>,
    /// Marked private (its text is hidden while private text is)
    pub private: bool,
}

/// Everything [`suggest`] needs about one planned meeting with mentor M.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SuggestInput {
    pub meeting_id: i64,
    pub mentor_id: i64,
    pub starts_at: NaiveDateTime,
    /// Start of the last held meeting with M before this one.
    pub last_held: Option<NaiveDateTime>,
    /// The items already on this meeting's agenda.
    pub agenda: Vec<AgendaItem>,
    /// The items of the last held meeting with M (undiscussed ones are carried over).
    pub last_items: Vec<AgendaItem>,
    pub commitments: Vec<CommitmentRef>,
    pub feedback: Vec<FeedbackRef>,
    pub goals: Vec<GoalRef>,
    pub questions: Vec<QuestionRef>,
    /// M's latest health check and the one before it.
    pub health: Option<HealthTrend>,
    /// The resources this mentor recommended (see [`ResourceRef::to_report`]).
    pub resources: Vec<ResourceRef>,
}

/// A record a suggestion or agenda item is about, for de-duplication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Record {
    Item(i64),
    Goal(i64),
    Commitment(i64),
    Feedback(i64),
    Question(i64),
}

fn links_of(item: &AgendaItem) -> Vec<Record> {
    let mut out = Vec::new();
    out.extend(item.carried_from.map(Record::Item));
    out.extend(item.goal_id.map(Record::Goal));
    out.extend(item.commitment_id.map(Record::Commitment));
    out.extend(item.feedback_id.map(Record::Feedback));
    out
}

/// Collects suggestions in order, dropping repeats.
struct Collector {
    keys: HashSet<String>,
    claimed: HashSet<Record>,
    out: Vec<Suggestion>,
}

impl Collector {
    /// Adds `s` unless its key was seen or a record in `about` is already claimed; on success
    /// `about` and `also` become claimed (e.g. a report-back also covers its feedback).
    fn push(&mut self, s: Suggestion, about: &[Record], also: &[Record]) {
        if self.keys.contains(&s.key) || about.iter().any(|r| self.claimed.contains(r)) {
            return;
        }
        self.keys.insert(s.key.clone());
        self.claimed.extend(about.iter().chain(also).copied());
        self.out.push(s);
    }
}

fn blank(
    key: String,
    reason: SuggestionReason,
    kind: AgendaKind,
    (text, private): (&str, bool),
) -> Suggestion {
    Suggestion {
        private,
        key,
        reason,
        kind,
        text: text.to_string(),
        due: None,
        goal_id: None,
        commitment_id: None,
        feedback_id: None,
        carried_from: None,
        question_id: None,
        low_questions: Vec::new(),
    }
}

/// Suggestions for the meeting in `input`, in a stable order: carry-over, report-backs,
/// the mentor's recommendations, my commitments, the mentor's commitments, open feedback, goals, parked questions.
///
/// No suggestion appears twice (by key, and by the record it is about: an overdue commitment
/// that is also an experiment is suggested once, as a report-back), and none repeats what the
/// agenda already holds (same `source` key, or an item already linked to the same record).
/// `now` tells overdue commitments from those merely due before the meeting.
pub fn suggest(input: &SuggestInput, now: NaiveDateTime) -> Vec<Suggestion> {
    let mut c = Collector {
        keys: input
            .agenda
            .iter()
            .filter_map(|a| a.source.clone())
            .collect(),
        claimed: input.agenda.iter().flat_map(links_of).collect(),
        out: Vec::new(),
    };
    relationship(input, &mut c);
    carry_over(input, &mut c);
    report_backs(input, &mut c);
    commitments(input, now.date(), &mut c);
    feedback(input, &mut c);
    goals(input, &mut c);
    questions(input, &mut c);
    // Last: a report on a book matters less than what was promised or asked.
    resources(input, &mut c);
    c.out
}

fn for_mentor(input: &SuggestInput, mentor_id: Option<i64>) -> bool {
    mentor_id.is_none_or(|m| m == input.mentor_id)
}

/// "How is our mentoring going?" when M's latest health check is low and no meeting was
/// held with M since (before this one).
fn relationship(input: &SuggestInput, c: &mut Collector) {
    let Some(low) = input.health.as_ref().and_then(low_health) else {
        return;
    };
    if low.mentor_id != input.mentor_id || !pending(low.on, input.last_held.map(|t| t.date())) {
        return;
    }
    let mut s = blank(
        format!("health:{}", low.check_id),
        SuggestionReason::SlippingRelationship,
        AgendaKind::Topic,
        ("", low.private),
    );
    s.low_questions = low.questions;
    c.push(s, &[], &[]);
}

fn carry_over(input: &SuggestInput, c: &mut Collector) {
    for item in input.last_items.iter().filter(|a| !a.discussed) {
        let mut s = blank(
            format!("carry:{}", item.id),
            SuggestionReason::CarryOver,
            item.kind,
            (&item.text, item.private),
        );
        s.carried_from = Some(item.id);
        s.goal_id = item.goal_id;
        s.commitment_id = item.commitment_id;
        s.feedback_id = item.feedback_id;
        let mut about = vec![Record::Item(item.id)];
        about.extend(item.goal_id.map(Record::Goal));
        about.extend(item.commitment_id.map(Record::Commitment));
        about.extend(item.feedback_id.map(Record::Feedback));
        c.push(s, &about, &[]);
    }
}

/// An experiment: a commitment born of feedback, with a result, not yet reported back.
fn is_experiment_to_report(cm: &CommitmentRef) -> bool {
    cm.feedback_id.is_some()
        && !cm.result.trim().is_empty()
        && cm.reported_on.is_none()
        && cm.status != CommitmentStatus::Dropped
}

fn report_backs(input: &SuggestInput, c: &mut Collector) {
    for cm in &input.commitments {
        if !is_experiment_to_report(cm) || cm.mentor_id != Some(input.mentor_id) {
            continue;
        }
        let mut s = blank(
            format!("report:{}", cm.id),
            SuggestionReason::ReportExperiment,
            AgendaKind::Update,
            (&cm.text, cm.private),
        );
        s.commitment_id = Some(cm.id);
        s.feedback_id = cm.feedback_id;
        s.due = cm.due;
        let also: Vec<Record> = cm.feedback_id.map(Record::Feedback).into_iter().collect();
        c.push(s, &[Record::Commitment(cm.id)], &also);
    }
}

/// What the mentor recommended, still open or done since the last meeting with them: "report
/// back on the book Daniel recommended". Only this mentor's; the key is `resource:<id>`.
fn resources(input: &SuggestInput, c: &mut Collector) {
    let last_held = input.last_held.map(|at| at.date());
    for r in &input.resources {
        if r.mentor_id != Some(input.mentor_id) || !r.to_report(last_held) {
            continue;
        }
        let mut s = blank(
            format!("resource:{}", r.id),
            SuggestionReason::ReportResource(r.kind),
            AgendaKind::Update,
            (&r.title, r.private),
        );
        s.goal_id = r.goal_id;
        c.push(s, &[], &[]);
    }
}

fn commitments(input: &SuggestInput, today: NaiveDate, c: &mut Collector) {
    let meeting_day = input.starts_at.date();
    for owner in [Party::Me, Party::Mentor] {
        for cm in &input.commitments {
            let Some(due) = cm.due else { continue };
            if cm.owner != owner || cm.status != CommitmentStatus::Open || due > meeting_day {
                continue;
            }
            let overdue = due < today;
            let (key, reason, kind) = match (owner, overdue) {
                (Party::Me, true) => (
                    "commit-me",
                    SuggestionReason::MyCommitmentOverdue,
                    AgendaKind::Update,
                ),
                (Party::Me, false) => (
                    "commit-me",
                    SuggestionReason::MyCommitmentDue,
                    AgendaKind::Update,
                ),
                (Party::Mentor, true) => (
                    "commit-mentor",
                    SuggestionReason::MentorCommitmentOverdue,
                    AgendaKind::Ask,
                ),
                (Party::Mentor, false) => (
                    "commit-mentor",
                    SuggestionReason::MentorCommitmentDue,
                    AgendaKind::Ask,
                ),
            };
            // The mentor's commitments are theirs only if made with M; mine may have no mentor.
            let mine_ok = owner == Party::Me && for_mentor(input, cm.mentor_id);
            let theirs_ok = owner == Party::Mentor && cm.mentor_id == Some(input.mentor_id);
            if !(mine_ok || theirs_ok) {
                continue;
            }
            let mut s = blank(
                format!("{key}:{}", cm.id),
                reason,
                kind,
                (&cm.text, cm.private),
            );
            s.commitment_id = Some(cm.id);
            s.due = Some(due);
            c.push(s, &[Record::Commitment(cm.id)], &[]);
        }
    }
}

fn feedback(input: &SuggestInput, c: &mut Collector) {
    for f in &input.feedback {
        if f.status != FeedbackStatus::Open || !for_mentor(input, f.mentor_id) {
            continue;
        }
        let mut s = blank(
            format!("feedback:{}", f.id),
            SuggestionReason::OpenFeedback,
            AgendaKind::Topic,
            (&f.text, f.private),
        );
        s.feedback_id = Some(f.id);
        c.push(s, &[Record::Feedback(f.id)], &[]);
    }
}

/// A goal is stale when its latest update is not after the start of the last held meeting
/// (an update written on the meeting day before it began, or dated that day without a time,
/// counts as reported there; one written after it is new). Before a first meeting every
/// active goal is worth bringing.
fn goals(input: &SuggestInput, c: &mut Collector) {
    let since = input.last_held;
    for g in &input.goals {
        if g.status != GoalStatus::Active || !for_mentor(input, g.mentor_id) {
            continue;
        }
        let stale = match (since, g.last_update) {
            (None, _) | (Some(_), None) => true,
            (Some(since), Some(last)) => last <= since,
        };
        if !stale {
            continue;
        }
        let mut s = blank(
            format!("goal:{}", g.id),
            SuggestionReason::GoalWithoutProgress,
            AgendaKind::Update,
            (&g.title, g.private),
        );
        s.goal_id = Some(g.id);
        c.push(s, &[Record::Goal(g.id)], &[]);
    }
}

fn questions(input: &SuggestInput, c: &mut Collector) {
    for q in &input.questions {
        if q.agenda_item_id.is_some() || !for_mentor(input, q.mentor_id) {
            continue;
        }
        let mut s = blank(
            format!("question:{}", q.id),
            SuggestionReason::ParkedQuestion,
            AgendaKind::Question,
            (&q.text, q.private),
        );
        s.question_id = Some(q.id);
        c.push(s, &[Record::Question(q.id)], &[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: i64 = 1;
    const OTHER: i64 = 2;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn at(m: u32, day: u32, h: u32) -> NaiveDateTime {
        d(m, day).and_hms_opt(h, 0, 0).unwrap()
    }

    /// A meeting with M on 2026-03-10 10:00; the last held one was 2026-02-10; now is 03-05.
    fn input() -> SuggestInput {
        SuggestInput {
            meeting_id: 20,
            mentor_id: M,
            starts_at: at(3, 10, 10),
            last_held: Some(at(2, 10, 10)),
            ..SuggestInput::default()
        }
    }

    fn now() -> NaiveDateTime {
        at(3, 5, 9)
    }

    fn item(id: i64, meeting_id: i64, text: &str, discussed: bool) -> AgendaItem {
        AgendaItem {
            id,
            uuid: String::new(),
            meeting_id,
            kind: AgendaKind::Topic,
            text: text.into(),
            outcome: String::new(),
            minutes: None,
            position: id,
            discussed,
            note: String::new(),
            goal_id: None,
            commitment_id: None,
            feedback_id: None,
            carried_from: None,
            source: None,
            private: false,
        }
    }

    fn commitment(
        id: i64,
        owner: Party,
        due: Option<NaiveDate>,
        mentor: Option<i64>,
    ) -> CommitmentRef {
        CommitmentRef {
            id,
            owner,
            text: format!("commitment {id}"),
            due,
            status: CommitmentStatus::Open,
            mentor_id: mentor,
            feedback_id: None,
            result: String::new(),
            reported_on: None,
            private: false,
        }
    }

    fn keys(s: &[Suggestion]) -> Vec<&str> {
        s.iter().map(|s| s.key.as_str()).collect()
    }

    #[test]
    fn carries_over_only_undiscussed_items_with_their_links() {
        let mut i = input();
        let mut open = item(5, 10, "Promotion case", false);
        open.kind = AgendaKind::Ask;
        open.goal_id = Some(3);
        i.last_items = vec![open, item(6, 10, "Done already", true)];
        let s = suggest(&i, now());
        assert_eq!(keys(&s), ["carry:5"]);
        assert_eq!(s[0].reason, SuggestionReason::CarryOver);
        assert_eq!(s[0].kind, AgendaKind::Ask);
        assert_eq!((s[0].carried_from, s[0].goal_id), (Some(5), Some(3)));
        assert_eq!(s[0].text, "Promotion case");
    }

    #[test]
    fn my_commitments_due_before_the_meeting_or_overdue() {
        let mut i = input();
        i.commitments = vec![
            commitment(1, Party::Me, Some(d(3, 1)), Some(M)), // overdue
            commitment(2, Party::Me, Some(d(3, 10)), None),   // due on the meeting day
            commitment(3, Party::Me, Some(d(3, 11)), Some(M)), // after the meeting
            commitment(4, Party::Me, None, Some(M)),          // undated
            commitment(5, Party::Me, Some(d(3, 1)), Some(OTHER)), // another mentor's agenda
        ];
        let mut done = commitment(6, Party::Me, Some(d(3, 1)), Some(M));
        done.status = CommitmentStatus::Done;
        i.commitments.push(done);
        let s = suggest(&i, now());
        assert_eq!(keys(&s), ["commit-me:1", "commit-me:2"]);
        assert_eq!(s[0].reason, SuggestionReason::MyCommitmentOverdue);
        assert_eq!(s[1].reason, SuggestionReason::MyCommitmentDue);
        assert_eq!(s[0].kind, AgendaKind::Update);
        assert_eq!((s[0].commitment_id, s[0].due), (Some(1), Some(d(3, 1))));
    }

    #[test]
    fn commitment_due_today_is_not_yet_overdue() {
        let mut i = input();
        i.commitments = vec![commitment(1, Party::Me, Some(d(3, 5)), Some(M))];
        assert_eq!(
            suggest(&i, now())[0].reason,
            SuggestionReason::MyCommitmentDue
        );
    }

    #[test]
    fn mentors_commitments_are_followed_up_only_with_that_mentor() {
        let mut i = input();
        i.commitments = vec![
            commitment(1, Party::Mentor, Some(d(3, 2)), Some(M)),
            commitment(2, Party::Mentor, Some(d(3, 9)), Some(M)),
            commitment(3, Party::Mentor, Some(d(3, 2)), Some(OTHER)),
            commitment(4, Party::Mentor, Some(d(3, 2)), None),
        ];
        let s = suggest(&i, now());
        assert_eq!(keys(&s), ["commit-mentor:1", "commit-mentor:2"]);
        assert_eq!(s[0].reason, SuggestionReason::MentorCommitmentOverdue);
        assert_eq!(s[1].reason, SuggestionReason::MentorCommitmentDue);
        assert_eq!(s[0].kind, AgendaKind::Ask);
    }

    #[test]
    fn open_feedback_only() {
        let mut i = input();
        let fb = |id, status, mentor_id| FeedbackRef {
            id,
            text: format!("feedback {id}"),
            status,
            mentor_id,
            private: false,
        };
        i.feedback = vec![
            fb(1, FeedbackStatus::Open, Some(M)),
            fb(2, FeedbackStatus::Trying, Some(M)),
            fb(3, FeedbackStatus::Open, None),
            fb(4, FeedbackStatus::Open, Some(OTHER)),
            fb(5, FeedbackStatus::Done, Some(M)),
        ];
        let s = suggest(&i, now());
        assert_eq!(keys(&s), ["feedback:1", "feedback:3"]);
        assert_eq!(s[0].reason, SuggestionReason::OpenFeedback);
        assert_eq!(s[0].feedback_id, Some(1));
    }

    fn experiment(id: i64, mentor: Option<i64>) -> CommitmentRef {
        let mut c = commitment(id, Party::Me, Some(d(2, 20)), mentor);
        c.status = CommitmentStatus::Done;
        c.feedback_id = Some(40 + id);
        c.result = "It worked".into();
        c
    }

    #[test]
    fn experiments_with_a_result_are_reported_back_to_their_mentor() {
        let mut i = input();
        let mut reported = experiment(2, Some(M));
        reported.reported_on = Some(d(2, 25));
        let mut no_result = experiment(3, Some(M));
        no_result.result = "  ".into();
        i.commitments = vec![
            experiment(1, Some(M)),
            reported,
            no_result,
            experiment(4, Some(OTHER)),
        ];
        let s = suggest(&i, now());
        assert_eq!(keys(&s), ["report:1"]);
        assert_eq!(s[0].reason, SuggestionReason::ReportExperiment);
        assert_eq!((s[0].commitment_id, s[0].feedback_id), (Some(1), Some(41)));
    }

    #[test]
    fn an_overdue_experiment_appears_once_and_covers_its_feedback() {
        let mut i = input();
        let mut e = experiment(1, Some(M));
        e.status = CommitmentStatus::Open; // overdue too
        i.commitments = vec![e];
        i.feedback = vec![FeedbackRef {
            id: 41,
            text: "Try it".into(),
            status: FeedbackStatus::Open,
            mentor_id: Some(M),
            private: false,
        }];
        assert_eq!(keys(&suggest(&i, now())), ["report:1"]);
    }

    fn goal(id: i64, mentor: Option<i64>, last: Option<NaiveDateTime>) -> GoalRef {
        GoalRef {
            id,
            title: format!("goal {id}"),
            status: GoalStatus::Active,
            mentor_id: mentor,
            last_update: last,
            private: false,
        }
    }

    #[test]
    fn goals_without_progress_since_the_last_held_meeting() {
        let mut i = input();
        let mut paused = goal(5, Some(M), None);
        paused.status = GoalStatus::Paused;
        i.goals = vec![
            goal(1, Some(M), Some(at(2, 1, 9))),  // before the meeting
            goal(2, None, Some(at(2, 10, 0))),    // dated the meeting day: reported there
            goal(3, Some(M), Some(at(2, 11, 8))), // progress since
            goal(4, Some(OTHER), None),
            paused,
            goal(6, Some(M), None),                // never updated
            goal(7, Some(M), Some(at(2, 10, 15))), // written after the meeting, the same day
            goal(8, Some(M), Some(at(2, 10, 9))),  // written before it, the same day
        ];
        let s = suggest(&i, now());
        assert_eq!(keys(&s), ["goal:1", "goal:2", "goal:6", "goal:8"]);
        assert_eq!(s[0].reason, SuggestionReason::GoalWithoutProgress);
        assert_eq!(s[0].goal_id, Some(1));
    }

    #[test]
    fn before_a_first_meeting_every_active_goal_is_suggested() {
        let mut i = input();
        i.last_held = None;
        i.goals = vec![goal(1, Some(M), Some(at(3, 1, 9)))];
        assert_eq!(keys(&suggest(&i, now())), ["goal:1"]);
    }

    #[test]
    fn parked_questions_for_this_mentor_or_anyone() {
        let mut i = input();
        let q = |id, mentor_id, agenda_item_id| QuestionRef {
            id,
            text: format!("q{id}"),
            mentor_id,
            agenda_item_id,
            private: false,
        };
        i.questions = vec![
            q(1, None, None),
            q(2, Some(M), None),
            q(3, Some(OTHER), None),
            q(4, None, Some(9)),
        ];
        let s = suggest(&i, now());
        assert_eq!(keys(&s), ["question:1", "question:2"]);
        assert_eq!(s[0].kind, AgendaKind::Question);
        assert_eq!(s[0].question_id, Some(1));
    }

    #[test]
    fn accepted_suggestions_disappear_by_source_or_by_link() {
        let mut i = input();
        i.commitments = vec![
            commitment(1, Party::Me, Some(d(3, 1)), Some(M)),
            commitment(2, Party::Me, Some(d(3, 1)), Some(M)),
        ];
        i.goals = vec![goal(7, Some(M), None)];
        let mut accepted = item(30, 20, "commitment 1", false);
        accepted.source = Some("commit-me:1".into());
        let mut manual = item(31, 20, "Goal traffic lights", false);
        manual.goal_id = Some(7);
        i.agenda = vec![accepted, manual];
        assert_eq!(keys(&suggest(&i, now())), ["commit-me:2"]);
    }

    #[test]
    fn a_carried_item_about_a_commitment_suppresses_the_commitment() {
        let mut i = input();
        let mut carried = item(5, 10, "Report on the talk", false);
        carried.commitment_id = Some(1);
        i.last_items = vec![carried.clone()];
        i.commitments = vec![commitment(1, Party::Me, Some(d(3, 1)), Some(M))];
        assert_eq!(keys(&suggest(&i, now())), ["carry:5"]);

        // Once the carry-over is accepted, neither comes back.
        let mut accepted = carried.to_owned();
        accepted.id = 40;
        accepted.meeting_id = 20;
        accepted.carried_from = Some(5);
        accepted.source = Some("carry:5".into());
        i.agenda = vec![accepted];
        assert!(suggest(&i, now()).is_empty());
    }

    #[test]
    fn the_same_record_listed_twice_is_suggested_once() {
        let mut i = input();
        let c = commitment(1, Party::Me, Some(d(3, 1)), Some(M));
        i.commitments = vec![c.clone(), c];
        assert_eq!(keys(&suggest(&i, now())), ["commit-me:1"]);
    }

    #[test]
    fn to_agenda_item_keeps_links_and_source() {
        let mut i = input();
        i.commitments = vec![commitment(1, Party::Me, Some(d(3, 1)), Some(M))];
        let s = &suggest(&i, now())[0];
        let a = s.to_agenda_item(20);
        assert_eq!(a.source.as_deref(), Some("commit-me:1"));
        assert_eq!(
            (a.meeting_id, a.commitment_id, a.kind),
            (20, Some(1), AgendaKind::Update)
        );
        // It counts in the time box at once (the user may change it).
        assert_eq!(a.minutes, Some(AgendaKind::Update.default_minutes()));
    }

    #[test]
    fn a_private_source_makes_a_private_suggestion_and_item() {
        let mut i = input();
        let mut g = goal(7, Some(M), None);
        g.private = true;
        i.goals = vec![g, goal(8, Some(M), None)];
        let out = suggest(&i, now());
        assert_eq!(keys(&out), ["goal:7", "goal:8"]);
        assert!(out[0].private && out[0].to_agenda_item(20).private);
        assert!(!out[1].private && !out[1].to_agenda_item(20).private);
    }

    #[test]
    fn a_low_health_check_suggests_talking_about_the_relationship_first() {
        use crate::domain::HealthCheck;
        let check = |id, on, ratings: &[(&str, u8)]| HealthCheck {
            id,
            ratings: ratings.iter().map(|(q, r)| (q.to_string(), *r)).collect(),
            ..HealthCheck::new(M, on)
        };
        let mut i = input();
        i.last_items = vec![item(5, 10, "Promotion case", false)];
        // Checked after the last held meeting (2026-02-10), the average fell.
        i.health = Some(HealthTrend {
            latest: check(9, d(2, 20), &[("progress", 3), ("trust", 4)]),
            previous: Some(check(8, d(1, 20), &[("progress", 4), ("trust", 4)])),
        });
        let s = suggest(&i, now());
        assert_eq!(keys(&s), ["health:9", "carry:5"]);
        assert_eq!(s[0].reason, SuggestionReason::SlippingRelationship);
        assert_eq!(s[0].kind, AgendaKind::Topic);
        assert_eq!(s[0].low_questions, [("progress".to_string(), 3)]);
        // Accepted: not suggested again.
        let mut accepted = s[0].to_agenda_item(20);
        accepted.id = 30;
        i.agenda = vec![accepted];
        assert_eq!(keys(&suggest(&i, now())), ["carry:5"]);
        i.agenda.clear();
        // A meeting held since the check: already talked about.
        i.last_held = Some(at(2, 25, 10));
        assert_eq!(keys(&suggest(&i, now())), ["carry:5"]);
        // A good check: nothing to say.
        i.last_held = Some(at(2, 10, 10));
        i.health = Some(HealthTrend {
            latest: check(9, d(2, 20), &[("progress", 4), ("trust", 5)]),
            previous: None,
        });
        assert_eq!(keys(&suggest(&i, now())), ["carry:5"]);
        // A private check makes a private suggestion.
        let mut private = check(9, d(2, 20), &[("trust", 1)]);
        private.private = true;
        i.health = Some(HealthTrend {
            latest: private,
            previous: None,
        });
        assert!(suggest(&i, now())[0].private);
    }
}
