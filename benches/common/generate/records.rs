//! Writes the records of a generated journal through the store API, kind after kind.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use mentee::domain::*;
use mentee::store::{Result, Store};

use super::rng::{AGENDA, CHANNELS, HEALTH_QUESTIONS, SplitMix64, TEMPLATES, short, text};
use super::{MentorSpec, Options, Plan, Shape, mentor_specs, span_days};

/// Writes one journal's records, kind after kind, keeping the ids later kinds refer to.
pub struct Generator<'a> {
    s: &'a Store,
    rng: SplitMix64,
    today: NaiveDate,
    shape: Shape,
    plan: Plan,
    /// Days before today the history starts.
    span: i64,
    specs: Vec<MentorSpec>,
    /// (first, last, id) of the mentors with a relationship, in `specs` order.
    relations: Vec<(i64, i64, i64)>,
    total: usize,
    written: usize,
    mentor_ids: Vec<i64>,
    /// (id, mentor id, start, held) of every meeting, oldest first.
    meetings: Vec<(i64, i64, NaiveDateTime, bool)>,
    agenda_ids: Vec<i64>,
    /// (id, meeting id, mentor id, day) of every feedback.
    feedback: Vec<(i64, i64, i64, NaiveDate)>,
    goal_ids: Vec<i64>,
    reflection_ids: Vec<i64>,
}

impl<'a> Generator<'a> {
    pub fn new(s: &'a Store, opts: Options, plan: Plan) -> Self {
        Generator {
            s,
            rng: SplitMix64::new(opts.seed),
            today: opts.today,
            shape: opts.shape,
            plan,
            span: span_days(opts.shape, &plan),
            specs: mentor_specs(opts.shape, &plan),
            relations: Vec::new(),
            total: opts.records,
            written: 0,
            mentor_ids: Vec::new(),
            meetings: Vec::new(),
            agenda_ids: Vec::new(),
            feedback: Vec::new(),
            goal_ids: Vec::new(),
            reflection_ids: Vec::new(),
        }
    }

    fn day(&self, days_ago: i64) -> NaiveDate {
        self.today - Duration::days(days_ago)
    }

    pub fn run(mut self) -> Result<usize> {
        self.mentors()?;
        self.goals()?;
        self.meetings()?;
        self.feedback()?;
        self.commitments()?;
        self.gratitude()?;
        self.reflections()?;
        self.revisions()?;
        self.health_checks()?;
        self.questions()?;
        self.wins()?;
        self.resources()?;
        self.contacts()?;
        Ok(self.written)
    }

    fn mentors(&mut self) -> Result<()> {
        for spec in std::mem::take(&mut self.specs) {
            let (name, status, cadence) = (spec.name.as_str(), spec.status, spec.cadence);
            let mut m = Mentor::new(name);
            m.uuid = self.rng.uuid();
            m.status = status;
            m.status_since = Some(self.day(spec.since));
            m.contact = format!("{}@example.org", name.split(' ').next().unwrap_or("x"));
            m.expertise = text(&mut self.rng, 20, 120);
            m.why_them = text(&mut self.rng, 40, 300);
            m.research_notes = text(&mut self.rng, 40, 400);
            if status == MentorStatus::Candidate {
                m.pitch_draft = text(&mut self.rng, 100, 400);
            } else {
                m.goals_covered = text(&mut self.rng, 20, 160);
                m.cadence_days = Some(cadence);
                m.channel = short(&mut self.rng, CHANNELS);
                m.review_on = Some(self.today + Duration::days(self.rng.range(-5, 60)));
            }
            if status == MentorStatus::Ended {
                m.closing_notes = text(&mut self.rng, 60, 300);
                m.expected_end = Some(self.day(spec.since));
            }
            let id = self.s.save_mentor(&m)?;
            if status != MentorStatus::Candidate {
                self.relations.push((spec.first, spec.last, id));
            }
            self.mentor_ids.push(id);
            self.written += 1;
        }
        Ok(())
    }

    /// A mentor with meetings around `days_ago`: one of the relationships covering that day,
    /// a contiguous run of `relations` (both ends of the windows never grow down the list).
    fn mentor_at(&mut self, days_ago: i64) -> Option<i64> {
        let from = self.relations.partition_point(|r| r.1 > days_ago);
        let to = self.relations.partition_point(|r| r.0 >= days_ago);
        let ids: Vec<i64> = self
            .relations
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .map(|r| r.2)
            .collect();
        (!ids.is_empty()).then(|| *self.rng.pick(&ids))
    }

    fn goals(&mut self) -> Result<()> {
        let n = self.plan.goals;
        let areas = [
            GoalArea::Skills,
            GoalArea::Network,
            GoalArea::Confidence,
            GoalArea::Decisions,
            GoalArea::Career,
            GoalArea::JobSatisfaction,
            GoalArea::Leadership,
        ];
        let per_goal = self.plan.progress / n.max(1);
        for i in 0..n {
            // Goals start evenly over the span and last about a year.
            let start = self.span - self.span * i as i64 / n.max(1) as i64;
            let due = start - self.rng.range(90, 400);
            let mut g = Goal::new(text(&mut self.rng, 10, 60));
            g.uuid = self.rng.uuid();
            g.specific = text(&mut self.rng, 30, 300);
            g.metric = short(
                &mut self.rng,
                &["talks given", "reviews led", "hours", "pages"],
            );
            g.baseline = Some(self.rng.range(0, 5) as f64);
            g.target = Some(self.rng.range(8, 30) as f64);
            g.unit = "count".into();
            g.achievable = text(&mut self.rng, 20, 200);
            g.relevant = text(&mut self.rng, 20, 200);
            g.due = Some(self.day(due));
            g.area = *self.rng.pick(&areas);
            g.status = if due > 30 {
                *self.rng.pick(&[
                    GoalStatus::Achieved,
                    GoalStatus::Achieved,
                    GoalStatus::Dropped,
                    GoalStatus::Paused,
                ])
            } else {
                GoalStatus::Active
            };
            g.mentor_id = self
                .mentor_at(start.min(self.span - 50))
                .filter(|_| self.rng.chance(70));
            let id = self.s.save_goal(&g)?;
            self.written += 1;
            self.goal_ids.push(id);
            let updates = if i + 1 == n {
                self.plan.progress - per_goal * (n - 1)
            } else {
                per_goal
            };
            let span = (start - due.max(0)).max(1);
            let (base, target) = (g.baseline.unwrap_or(0.0), g.target.unwrap_or(10.0));
            for k in 0..updates {
                let ago = start - span * k as i64 / updates.max(1) as i64;
                let share = k as f64 / updates.max(1) as f64;
                let p = ProgressUpdate {
                    id: 0,
                    uuid: self.rng.uuid(),
                    goal_id: id,
                    on: self.day(ago.max(0)),
                    value: (base + (target - base) * share + self.rng.range(-1, 1) as f64).round(),
                    note: if self.rng.chance(40) {
                        text(&mut self.rng, 10, 120)
                    } else {
                        String::new()
                    },
                };
                self.s.save_progress(&p)?;
                self.written += 1;
            }
        }
        Ok(())
    }

    fn meetings(&mut self) -> Result<()> {
        let n = self.plan.meetings;
        // A few planned meetings ahead (and one just passed, waiting for its debrief); in the
        // demo shape, one ahead per active mentor, within the next four weeks.
        let active: Vec<i64> = self
            .relations
            .iter()
            .filter(|r| r.1 == 0)
            .map(|r| r.2)
            .collect();
        let ahead = match self.shape {
            Shape::Decade => (n / 400).clamp(usize::from(n > 0), 6),
            Shape::Demo => active.len().clamp(usize::from(n > 0), n / 4 + 1).min(n),
        };
        let past = n - ahead;
        let history = self.span - 10;
        for i in 0..n {
            let (days_ago, status) = if i < past {
                let ago = history - history * i as i64 / past.max(1) as i64 + self.rng.range(0, 3);
                let ago = ago.max(1);
                let status = if ago <= 2 {
                    MeetingStatus::Planned
                } else if self.rng.chance(8) {
                    MeetingStatus::Cancelled
                } else {
                    MeetingStatus::Held
                };
                (ago, status)
            } else {
                let k = (i - past) as i64;
                let ahead_days = match self.shape {
                    Shape::Decade => 2 + 5 * k + self.rng.range(0, 3),
                    Shape::Demo => 1 + 28 * k / ahead as i64 + self.rng.range(0, 1),
                };
                (-ahead_days, MeetingStatus::Planned)
            };
            let next_of = (self.shape == Shape::Demo && days_ago < 0)
                .then(|| active.get((i - past) % active.len().max(1)).copied())
                .flatten();
            let Some(mentor_id) = next_of.or_else(|| self.mentor_at(days_ago.max(0))) else {
                continue;
            };
            let hour = *self.rng.pick(&[8, 10, 13, 16, 19]);
            let minute = *self.rng.pick(&[0, 30]);
            let starts_at = self
                .day(days_ago)
                .and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default());
            let held = status == MeetingStatus::Held;
            let m = Meeting {
                id: 0,
                uuid: self.rng.uuid(),
                mentor_id,
                starts_at,
                minutes: *self.rng.pick(&[30, 45, 60]),
                status,
                channel: short(&mut self.rng, CHANNELS),
                notes: if held {
                    text(&mut self.rng, 40, 400)
                } else {
                    String::new()
                },
                agenda_ready: held || self.rng.chance(40),
                private: self.rng.chance(3),
            };
            let id = self.s.save_meeting(&m)?;
            self.written += 1;
            self.meetings.push((id, mentor_id, starts_at, held));
            let items = match self.plan.agenda_items {
                None => self.rng.range(3, 6),
                // Spread evenly: meeting i gets its share of the total.
                Some(total) => ((total * (i + 1) / n) - (total * i / n)) as i64,
            };
            for position in 1..=items {
                let kinds = [
                    AgendaKind::Topic,
                    AgendaKind::Question,
                    AgendaKind::Update,
                    AgendaKind::Ask,
                ];
                let a = AgendaItem {
                    id: 0,
                    uuid: self.rng.uuid(),
                    meeting_id: id,
                    kind: *self.rng.pick(&kinds),
                    text: short(&mut self.rng, AGENDA),
                    outcome: if held && self.rng.chance(50) {
                        text(&mut self.rng, 10, 200)
                    } else {
                        String::new()
                    },
                    minutes: Some(*self.rng.pick(&[5, 10, 15])),
                    position,
                    discussed: held && self.rng.chance(80),
                    note: if held && self.rng.chance(30) {
                        text(&mut self.rng, 10, 150)
                    } else {
                        String::new()
                    },
                    goal_id: if self.rng.chance(20) && !self.goal_ids.is_empty() {
                        Some(*self.rng.pick(&self.goal_ids))
                    } else {
                        None
                    },
                    commitment_id: None,
                    feedback_id: None,
                    carried_from: None,
                    source: None,
                    private: false,
                };
                self.agenda_ids.push(self.s.save_agenda_item(&a)?);
                self.written += 1;
            }
        }
        Ok(())
    }

    fn held(&self) -> Vec<(i64, i64, NaiveDateTime, bool)> {
        self.meetings.iter().copied().filter(|m| m.3).collect()
    }

    fn feedback(&mut self) -> Result<()> {
        let held = self.held();
        if held.is_empty() {
            return Ok(());
        }
        let n = self.plan.feedback;
        let kinds = [
            FeedbackKind::Praise,
            FeedbackKind::Suggestion,
            FeedbackKind::Suggestion,
            FeedbackKind::Critique,
        ];
        for i in 0..n {
            let (meeting_id, mentor_id, at, _) = held[i * held.len() / n.max(1)];
            let on = at.date();
            let recent = (self.today - on).num_days() < 90;
            let status = match (recent, self.rng.below(10)) {
                (true, 0..=4) | (false, 0) => FeedbackStatus::Open,
                (true, 5..=7) | (false, 1) => FeedbackStatus::Trying,
                (_, 8..=9) | (false, 2..=6) => FeedbackStatus::Done,
                _ => FeedbackStatus::Parked,
            };
            let f = Feedback {
                id: 0,
                uuid: self.rng.uuid(),
                mentor_id: Some(mentor_id),
                meeting_id: Some(meeting_id),
                received_on: on,
                kind: *self.rng.pick(&kinds),
                text: text(&mut self.rng, 40, 400),
                reaction: if self.rng.chance(60) {
                    text(&mut self.rng, 10, 250)
                } else {
                    String::new()
                },
                status,
                goal_id: if self.rng.chance(30) && !self.goal_ids.is_empty() {
                    Some(*self.rng.pick(&self.goal_ids))
                } else {
                    None
                },
                private: self.rng.chance(5),
            };
            let id = self.s.save_feedback(&f)?;
            self.written += 1;
            self.feedback.push((id, meeting_id, mentor_id, on));
        }
        Ok(())
    }

    fn commitments(&mut self) -> Result<()> {
        let held = self.held();
        if held.is_empty() {
            return Ok(());
        }
        let n = self.plan.commitments;
        for i in 0..n {
            let (meeting_id, mentor_id, at, _) = held[i * held.len() / n.max(1)];
            let created = at.date();
            let due = created + Duration::days(self.rng.range(7, 42));
            let owner = if self.rng.chance(70) {
                Party::Me
            } else {
                Party::Mentor
            };
            let (status, done_on) = if due < self.today {
                match self.rng.below(100) {
                    0..=59 => (
                        CommitmentStatus::Done,
                        Some((due - Duration::days(self.rng.range(0, 5))).max(created)),
                    ),
                    60..=74 => (
                        CommitmentStatus::Done,
                        Some(due + Duration::days(self.rng.range(1, 20))),
                    ),
                    75..=84 => (CommitmentStatus::Dropped, None),
                    _ => (CommitmentStatus::Open, None),
                }
            } else if self.rng.chance(15) {
                (CommitmentStatus::Done, Some(self.today))
            } else {
                (CommitmentStatus::Open, None)
            };
            let done_on = done_on.map(|d| d.min(self.today));
            // Some of my commitments are experiments: advice tried out, with a result.
            let experiment = owner == Party::Me && self.rng.chance(10) && !self.feedback.is_empty();
            let feedback_id = experiment.then(|| {
                let k = i * self.feedback.len() / n.max(1);
                self.feedback[k.min(self.feedback.len() - 1)].0
            });
            let result = if experiment && status == CommitmentStatus::Done {
                text(&mut self.rng, 20, 300)
            } else {
                String::new()
            };
            let reported_on = (!result.is_empty() && self.rng.chance(85))
                .then(|| done_on.unwrap_or(self.today) + Duration::days(self.rng.range(1, 21)))
                .map(|d| d.min(self.today));
            let c = Commitment {
                id: 0,
                uuid: self.rng.uuid(),
                owner,
                text: text(&mut self.rng, 15, 160),
                due: Some(due),
                status,
                done_on,
                result,
                mentor_id: Some(mentor_id),
                meeting_id: Some(meeting_id),
                feedback_id,
                reported_on,
                created_on: created,
                private: self.rng.chance(3),
            };
            self.s.save_commitment(&c)?;
            self.written += 1;
        }
        Ok(())
    }

    fn gratitude(&mut self) -> Result<()> {
        let held = self.held();
        if held.is_empty() {
            return Ok(());
        }
        let mut previous = None;
        for i in 0..self.plan.gratitude {
            let k = i * held.len() / self.plan.gratitude;
            let (meeting_id, mentor_id, at, _) = held[k];
            // The first thanks after most held meetings is linked to it; the rest are loose.
            let linked = previous != Some(k) && self.rng.chance(85);
            previous = Some(k);
            let g = Gratitude {
                id: 0,
                uuid: self.rng.uuid(),
                mentor_id: Some(mentor_id),
                meeting_id: linked.then_some(meeting_id),
                commitment_id: None,
                on: (at.date() + Duration::days(self.rng.range(0, 3))).min(self.today),
                what_for: text(&mut self.rng, 15, 200),
                sent: self.rng.chance(80),
                channel: short(&mut self.rng, CHANNELS),
                private: false,
            };
            self.s.save_gratitude(&g)?;
            self.written += 1;
        }
        Ok(())
    }

    fn wins(&mut self) -> Result<()> {
        let held = self.held();
        for i in 0..self.plan.wins {
            let on = match held.get(i * held.len().max(1) / self.plan.wins.max(1)) {
                Some((_, _, at, _)) => at.date().min(self.today),
                None => self.today,
            };
            let mut w = mentee::domain::Win::new(text(&mut self.rng, 15, 120), on);
            w.uuid = self.rng.uuid();
            w.evidence = short(&mut self.rng, CHANNELS);
            if !self.goal_ids.is_empty() && self.rng.chance(80) {
                w.goal_id = Some(self.goal_ids[i % self.goal_ids.len()]);
            }
            w.mentor_id = held.get(i % held.len().max(1)).map(|h| h.1);
            self.s.save_win(&w)?;
            self.written += 1;
        }
        Ok(())
    }

    /// What the mentors met recommended, on the day of a held meeting: books, courses and
    /// introductions, some done with a takeaway.
    fn resources(&mut self) -> Result<()> {
        use mentee::domain::kinds::{ResourceKind, ResourceStatus};
        let held = self.held();
        for i in 0..self.plan.resources {
            let meeting = held.get(i * held.len().max(1) / self.plan.resources.max(1));
            let on = meeting.map_or(self.today, |(_, _, at, _)| at.date().min(self.today));
            let mut r = mentee::domain::Resource::new(text(&mut self.rng, 10, 80), on);
            r.uuid = self.rng.uuid();
            r.kind = *self.rng.pick(&[
                ResourceKind::Book,
                ResourceKind::Course,
                ResourceKind::Article,
                ResourceKind::Person,
            ]);
            if self.rng.chance(40) {
                r.status = ResourceStatus::Done;
                r.done_on = Some(on);
                r.takeaway = text(&mut self.rng, 20, 160);
            }
            r.mentor_id = meeting.map(|h| h.1);
            if !self.goal_ids.is_empty() && self.rng.chance(60) {
                r.goal_id = Some(self.goal_ids[i % self.goal_ids.len()]);
            }
            self.s.save_resource(&r)?;
            self.written += 1;
        }
        Ok(())
    }

    fn reflections(&mut self) -> Result<()> {
        let n = self.plan.reflections;
        let weeks = (self.span * 520 / 3650) as usize;
        let last_monday =
            self.today - Duration::days(i64::from(self.today.weekday().num_days_from_monday()) + 7);
        for i in 0..n {
            // Evenly over the last ten years, the latest one last week.
            let back = (n - 1 - i) * weeks / n.max(1);
            let start = last_monday - Duration::weeks(back as i64);
            debug_assert_eq!(start.weekday(), Weekday::Mon);
            let (template, prompts) = *self.rng.pick(TEMPLATES);
            let answers = prompts
                .iter()
                .map(|p| (p.to_string(), text(&mut self.rng, 30, 400)))
                .collect();
            let r = Reflection {
                id: 0,
                uuid: self.rng.uuid(),
                period: Period::Week,
                period_start: start,
                template: template.into(),
                answers,
                private: self.rng.chance(10),
            };
            self.reflection_ids.push(self.s.save_reflection(&r)?);
            self.written += 1;
        }
        Ok(())
    }

    fn revisions(&mut self) -> Result<()> {
        if self.goal_ids.is_empty() {
            return Ok(());
        }
        for i in 0..self.plan.revisions {
            let k = i * self.goal_ids.len() / self.plan.revisions;
            let goal_id = self.goal_ids[k];
            let ago = self.span
                - self.span * k as i64 / self.goal_ids.len() as i64
                - self.rng.range(0, 200);
            let field = *self.rng.pick(&["target", "due", "status"]);
            let r = GoalRevision {
                id: 0,
                uuid: self.rng.uuid(),
                goal_id,
                on: self.day(ago.max(0)),
                field: field.into(),
                old_value: self.rng.range(1, 20).to_string(),
                new_value: self.rng.range(1, 20).to_string(),
                reason: text(&mut self.rng, 20, 200),
                reflection_id: if self.rng.chance(50) && !self.reflection_ids.is_empty() {
                    Some(*self.rng.pick(&self.reflection_ids))
                } else {
                    None
                },
            };
            self.s.save_revision(&r)?;
            self.written += 1;
        }
        Ok(())
    }

    fn health_checks(&mut self) -> Result<()> {
        for _ in 0..self.plan.health_checks {
            let ago = self.rng.range(0, self.span - 10);
            let Some(mentor_id) = self.mentor_at(ago) else {
                continue;
            };
            let ratings = HEALTH_QUESTIONS
                .iter()
                .map(|q| (q.to_string(), self.rng.range(2, 5) as u8))
                .collect();
            let h = HealthCheck {
                id: 0,
                uuid: self.rng.uuid(),
                mentor_id,
                on: self.day(ago),
                ratings,
                note: text(&mut self.rng, 10, 200),
                private: false,
            };
            self.s.save_health_check(&h)?;
            self.written += 1;
        }
        Ok(())
    }

    fn questions(&mut self) -> Result<()> {
        let n = self.plan.questions;
        // The decade shape asks its four first mentors; the demo shape any of them.
        let asking = match self.shape {
            Shape::Decade => 4,
            Shape::Demo => self.mentor_ids.len(),
        };
        for i in 0..n {
            // Most were asked already (moved into an agenda); the newest are still parked.
            let asked = i < n * 85 / 100 && !self.agenda_ids.is_empty();
            let q = Question {
                id: 0,
                uuid: self.rng.uuid(),
                text: text(&mut self.rng, 15, 200),
                mentor_id: if self.rng.chance(70) {
                    Some(
                        *self
                            .rng
                            .pick(&self.mentor_ids[..self.mentor_ids.len().min(asking)]),
                    )
                } else {
                    None
                },
                agenda_item_id: asked
                    .then(|| self.agenda_ids[i * self.agenda_ids.len() / n.max(1)]),
                private: false,
            };
            self.s.save_question(&q)?;
            self.written += 1;
        }
        Ok(())
    }

    /// The contact log takes the rest, so the total is exactly the number asked for.
    fn contacts(&mut self) -> Result<()> {
        let n = self.total.saturating_sub(self.written);
        let needed = match self.shape {
            Shape::Decade => 4,
            Shape::Demo => 1,
        };
        if self.mentor_ids.len() < needed {
            return Ok(());
        }
        for i in 0..n {
            let ago = self.span - self.span * i as i64 / n.max(1) as i64;
            let Some(mentor_id) = self.mentor_at(ago) else {
                // Before anyone's first meeting: research contacts with the first mentor.
                self.contact(self.mentor_ids[0], ago)?;
                continue;
            };
            self.contact(mentor_id, ago)?;
        }
        Ok(())
    }

    fn contact(&mut self, mentor_id: i64, ago: i64) -> Result<()> {
        let c = Contact {
            id: 0,
            uuid: self.rng.uuid(),
            mentor_id,
            on: self.day(ago.max(0)),
            channel: short(&mut self.rng, CHANNELS),
            initiative: if self.rng.chance(65) {
                Party::Me
            } else {
                Party::Mentor
            },
            note: text(&mut self.rng, 10, 200),
            private: false,
        };
        self.s.save_contact(&c)?;
        self.written += 1;
        Ok(())
    }
}
