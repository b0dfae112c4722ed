//! The demo journal: a realistic sample from `assets/demo.json`, loaded into a throwaway
//! in-memory journal. Its dates are offsets from today, so the demo never goes stale.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use crate::domain::*;
use crate::store::{Result, Store, StoreError};

const DEMO: &str = include_str!("../assets/demo.json");

#[derive(Deserialize)]
struct Demo {
    mentors: Vec<DMentor>,
    contacts: Vec<DContact>,
    health_checks: Vec<DHealth>,
    goals: Vec<DGoal>,
    meetings: Vec<DMeeting>,
    feedback: Vec<DFeedback>,
    commitments: Vec<DCommitment>,
    gratitude: Vec<DGratitude>,
    reflections: Vec<DReflection>,
    questions: Vec<DQuestion>,
}

#[derive(Deserialize)]
struct DMentor {
    key: String,
    name: String,
    status: String,
    status_since: i64,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    expertise: String,
    #[serde(default)]
    why_them: String,
    #[serde(default)]
    research_notes: String,
    #[serde(default)]
    pitch_draft: String,
    #[serde(default)]
    goals_covered: String,
    cadence_days: Option<u32>,
    expected_end: Option<i64>,
    #[serde(default)]
    channel: String,
    review_on: Option<i64>,
}

#[derive(Deserialize)]
struct DContact {
    mentor: String,
    day: i64,
    channel: String,
    initiative: String,
    note: String,
}

#[derive(Deserialize)]
struct DHealth {
    mentor: String,
    day: i64,
    ratings: Vec<(String, u8)>,
    note: String,
}

#[derive(Deserialize)]
struct DProgress {
    day: i64,
    value: f64,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct DGoal {
    key: String,
    title: String,
    #[serde(default)]
    specific: String,
    #[serde(default)]
    metric: String,
    baseline: Option<f64>,
    target: Option<f64>,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    achievable: String,
    #[serde(default)]
    relevant: String,
    due: Option<i64>,
    area: String,
    status: String,
    mentor: Option<String>,
    #[serde(default)]
    private: bool,
    #[serde(default)]
    progress: Vec<DProgress>,
}

#[derive(Deserialize)]
struct DItem {
    kind: String,
    text: String,
    #[serde(default)]
    outcome: String,
    minutes: Option<u32>,
    #[serde(default)]
    discussed: bool,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct DMeeting {
    key: String,
    mentor: String,
    day: i64,
    time: String,
    minutes: u32,
    status: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    agenda_ready: bool,
    #[serde(default)]
    agenda: Vec<DItem>,
}

#[derive(Deserialize)]
struct DFeedback {
    key: String,
    mentor: String,
    meeting: Option<String>,
    day: i64,
    kind: String,
    text: String,
    #[serde(default)]
    reaction: String,
    status: String,
    goal: Option<String>,
}

#[derive(Deserialize)]
struct DCommitment {
    owner: String,
    text: String,
    due: Option<i64>,
    status: String,
    done: Option<i64>,
    #[serde(default)]
    result: String,
    mentor: Option<String>,
    meeting: Option<String>,
    feedback: Option<String>,
    created: i64,
}

#[derive(Deserialize)]
struct DGratitude {
    mentor: String,
    meeting: Option<String>,
    day: i64,
    what_for: String,
    sent: bool,
    #[serde(default)]
    channel: String,
}

#[derive(Deserialize)]
struct DReflection {
    period: String,
    start: i64,
    template: String,
    answers: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct DQuestion {
    text: String,
    mentor: Option<String>,
}

fn bad(what: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("the demo sample is broken: {what}"))
}

fn code<T: std::str::FromStr>(s: &str) -> Result<T>
where
    T::Err: std::fmt::Display,
{
    s.parse().map_err(bad)
}

/// A fresh in-memory journal filled with the demo sample, dated relative to `now`.
pub fn demo_store(now: NaiveDateTime) -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    fill(&mut store, now)?;
    Ok(store)
}

/// Fills `store` with the demo sample, dated relative to `now`.
pub fn fill(store: &mut Store, now: NaiveDateTime) -> Result<()> {
    let demo: Demo = serde_json::from_str(DEMO).map_err(bad)?;
    let today = now.date();
    let day = |offset: i64| today + Duration::days(offset);
    store.transaction(|s| {
        let mut mentors: HashMap<&str, i64> = HashMap::new();
        for m in &demo.mentors {
            let mut mentor = Mentor::new(&m.name);
            mentor.status = code(&m.status)?;
            mentor.status_since = Some(day(m.status_since));
            mentor.contact = m.contact.clone();
            mentor.expertise = m.expertise.clone();
            mentor.why_them = m.why_them.clone();
            mentor.research_notes = m.research_notes.clone();
            mentor.pitch_draft = m.pitch_draft.clone();
            mentor.goals_covered = m.goals_covered.clone();
            mentor.cadence_days = m.cadence_days;
            mentor.expected_end = m.expected_end.map(day);
            mentor.channel = m.channel.clone();
            mentor.review_on = m.review_on.map(day);
            mentors.insert(&m.key, s.save_mentor(&mentor)?);
        }
        let mentor = |key: &str| {
            mentors
                .get(key)
                .copied()
                .ok_or_else(|| bad(format!("no mentor {key}")))
        };
        for c in &demo.contacts {
            s.save_contact(&Contact {
                id: 0,
                uuid: String::new(),
                mentor_id: mentor(&c.mentor)?,
                on: day(c.day),
                channel: c.channel.clone(),
                initiative: code(&c.initiative)?,
                note: c.note.clone(),
                private: false,
            })?;
        }
        for h in &demo.health_checks {
            s.save_health_check(&HealthCheck {
                id: 0,
                uuid: String::new(),
                mentor_id: mentor(&h.mentor)?,
                on: day(h.day),
                ratings: h.ratings.clone(),
                note: h.note.clone(),
                private: false,
            })?;
        }
        let mut goals: HashMap<&str, i64> = HashMap::new();
        for g in &demo.goals {
            let goal = Goal {
                specific: g.specific.clone(),
                metric: g.metric.clone(),
                baseline: g.baseline,
                target: g.target,
                unit: g.unit.clone(),
                achievable: g.achievable.clone(),
                relevant: g.relevant.clone(),
                due: g.due.map(day),
                area: code(&g.area)?,
                status: code(&g.status)?,
                mentor_id: g.mentor.as_deref().map(mentor).transpose()?,
                private: g.private,
                ..Goal::new(&g.title)
            };
            let id = s.save_goal(&goal)?;
            for p in &g.progress {
                s.save_progress(&ProgressUpdate {
                    id: 0,
                    uuid: String::new(),
                    goal_id: id,
                    on: day(p.day),
                    value: p.value,
                    note: p.note.clone(),
                })?;
            }
            goals.insert(&g.key, id);
        }
        let goal = |key: &str| {
            goals
                .get(key)
                .copied()
                .ok_or_else(|| bad(format!("no goal {key}")))
        };
        let mut meetings: HashMap<&str, i64> = HashMap::new();
        for m in &demo.meetings {
            let time = NaiveTime::parse_from_str(&m.time, "%H:%M").map_err(bad)?;
            let id = s.save_meeting(&Meeting {
                id: 0,
                uuid: String::new(),
                mentor_id: mentor(&m.mentor)?,
                starts_at: day(m.day).and_time(time),
                minutes: m.minutes,
                status: code(&m.status)?,
                channel: m.channel.clone(),
                notes: m.notes.clone(),
                agenda_ready: m.agenda_ready,
                private: false,
            })?;
            for item in &m.agenda {
                s.save_agenda_item(&AgendaItem {
                    id: 0,
                    uuid: String::new(),
                    meeting_id: id,
                    kind: code(&item.kind)?,
                    text: item.text.clone(),
                    outcome: item.outcome.clone(),
                    minutes: item.minutes,
                    position: 0,
                    discussed: item.discussed,
                    note: item.note.clone(),
                    goal_id: None,
                    commitment_id: None,
                    feedback_id: None,
                    carried_from: None,
                    source: None,
                    private: false,
                })?;
            }
            meetings.insert(&m.key, id);
        }
        let meeting = |key: &str| {
            meetings
                .get(key)
                .copied()
                .ok_or_else(|| bad(format!("no meeting {key}")))
        };
        let mut feedback: HashMap<&str, i64> = HashMap::new();
        for f in &demo.feedback {
            let id = s.save_feedback(&Feedback {
                id: 0,
                uuid: String::new(),
                mentor_id: Some(mentor(&f.mentor)?),
                meeting_id: f.meeting.as_deref().map(meeting).transpose()?,
                received_on: day(f.day),
                kind: code(&f.kind)?,
                text: f.text.clone(),
                reaction: f.reaction.clone(),
                status: code(&f.status)?,
                goal_id: f.goal.as_deref().map(goal).transpose()?,
                private: false,
            })?;
            feedback.insert(&f.key, id);
        }
        for c in &demo.commitments {
            s.save_commitment(&Commitment {
                id: 0,
                uuid: String::new(),
                owner: code(&c.owner)?,
                text: c.text.clone(),
                due: c.due.map(day),
                status: code(&c.status)?,
                done_on: c.done.map(day),
                result: c.result.clone(),
                mentor_id: c.mentor.as_deref().map(mentor).transpose()?,
                meeting_id: c.meeting.as_deref().map(meeting).transpose()?,
                feedback_id: c
                    .feedback
                    .as_deref()
                    .map(|k| {
                        feedback
                            .get(k)
                            .copied()
                            .ok_or_else(|| bad(format!("no feedback {k}")))
                    })
                    .transpose()?,
                reported_on: None,
                created_on: day(c.created),
                private: false,
            })?;
        }
        for g in &demo.gratitude {
            s.save_gratitude(&Gratitude {
                id: 0,
                uuid: String::new(),
                mentor_id: Some(mentor(&g.mentor)?),
                meeting_id: g.meeting.as_deref().map(meeting).transpose()?,
                commitment_id: None,
                on: day(g.day),
                what_for: g.what_for.clone(),
                sent: g.sent,
                channel: g.channel.clone(),
                private: false,
            })?;
        }
        for r in &demo.reflections {
            s.save_reflection(&Reflection {
                id: 0,
                uuid: String::new(),
                period: code(&r.period)?,
                period_start: day(r.start),
                template: r.template.clone(),
                answers: r.answers.clone(),
                private: false,
            })?;
        }
        for q in &demo.questions {
            s.save_question(&Question {
                id: 0,
                uuid: String::new(),
                text: q.text.clone(),
                mentor_id: q.mentor.as_deref().map(mentor).transpose()?,
                agenda_item_id: None,
                private: false,
            })?;
        }
        Ok(())
    })
}
