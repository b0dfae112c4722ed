//! A reproducible large journal for benchmarks: a decade of heavy use from a seed.
//!
//! Five mentors (three active, one candidate, one ended), about one meeting per 50 records
//! spread over ten years before "today" with 3–6 agenda items each, feedback, commitments on
//! both sides (kept, late, open, dropped; some are experiments born of feedback), gratitude,
//! weekly reflections, goals with progress updates and revisions, health checks, the question
//! bank, and the contact log, which takes whatever remains so the total is exactly the number
//! asked for. Texts are 10–400 characters, partly Indonesian, with diacritics and a few CJK
//! words.
//!
//! Everything random comes from [`SplitMix64`] seeded by the caller, record UUIDs included,
//! so the same seed and `today` give the same records (only `created_at`/`updated_at`, the
//! wall-clock stamps the store writes, differ between runs). Records go through the store
//! API inside one transaction.

use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::domain::*;
use crate::store::{Result, Store, StoreError};

/// The default "today" of a generated journal.
pub fn default_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

/// How big, from which seed, and relative to which day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Total records to write (drafts are never written).
    pub records: usize,
    pub seed: u64,
    /// Dates are spread over the ten years before this day, plus a few weeks after it.
    pub today: NaiveDate,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            records: 100_000,
            seed: 42,
            today: default_today(),
        }
    }
}

/// A tiny deterministic PRNG (Vigna's splitmix64): fast, seedable, good enough for fixtures.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A random (version 4 shaped) UUID.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        )
    }
}

const ENGLISH: &[&str] = &[
    "Walked through the design review and where it ran over time.",
    "We talked about how to say no to extra scope without sounding defensive.",
    "Prepare three questions about the staff engineer track before next time.",
    "She suggested writing the decision record before the meeting, not after.",
    "Practise the talk twice in front of a colleague and time each section.",
    "The quarterly planning went better than expected; people read the pre-read.",
    "Ask for feedback on the migration plan from someone outside the team.",
    "Keep a log of interruptions for a week to see where the afternoons go.",
    "He recommended a book on negotiation and offered to discuss chapter four.",
    "Follow up with the hiring manager about the opening in the platform group.",
    "I felt nervous presenting, but the questions afterwards were friendly.",
    "Try pairing with the new hire on the flaky test instead of fixing it alone.",
    "Summarise the incident review in one page and share it on Friday.",
    "Set up a recurring slot for one-on-ones with the two juniors.",
    "Find a meetup where I can give a lightning talk this quarter.",
    "Thanks for the introduction to the data team lead; it opened a door.",
    "We agreed to meet every three weeks and to review the agreement in June.",
    "Write down what I would do differently if the project started today.",
    "The résumé needs fewer buzzwords and more concrete outcomes.",
    "Met at the café near Zürich HB; she shared her notes from the offsite.",
    "Consider the naïve approach first, then measure before optimising.",
    "Our São Paulo colleagues joined; the time zones made it a late call.",
];

const INDONESIAN: &[&str] = &[
    "Kami membahas cara menyiapkan agenda rapat yang lebih singkat.",
    "Beliau menyarankan agar saya lebih sering meminta umpan balik.",
    "Saya akan mencoba memimpin rapat tinjauan desain minggu depan.",
    "Terima kasih atas waktu dan saran yang sangat membantu.",
    "Tetapkan sasaran yang jelas dan ukur kemajuannya setiap bulan.",
    "Bersikaplah proaktif: hubungi mentor sebelum jadwal pertemuan.",
    "Renungkan secara teratur apa yang berjalan baik dan apa yang tidak.",
    "Menepati komitmen adalah cara terbaik untuk membangun kepercayaan.",
    "Saya masih ragu memilih jalur manajer atau jalur teknis.",
    "Diskusi hari ini tentang membangun jaringan di luar kantor.",
];

const SPICE: &[&str] = &[
    "学习 new habits takes time.",
    "感谢 — thank you for the patience.",
    "目標: one talk per quarter.",
    "会议 notes are in the shared doc.",
    "Crème brûlée after the workshop, à la française.",
    "Überprüfung next month, señor Núñez joins too.",
];

const AGENDA: &[&str] = &[
    "Update on the talk proposal",
    "Question: how do you prepare for hard conversations?",
    "Report back on the timeboxing experiment",
    "Career track: manager or staff engineer?",
    "Ask for an introduction to the platform lead",
    "Review goal progress since last time",
    "Feedback on my design doc",
    "Pertanyaan tentang negosiasi gaji",
    "Rencana belajar SQL lanjutan",
    "Carry-over: delegation at work",
    "学习计划 for the next quarter",
];

const CHANNELS: &[&str] = &[
    "video call",
    "coffee",
    "chat",
    "email",
    "phone",
    "kopi darat",
];
const TEMPLATES: &[(&str, &[&str])] = &[
    ("weekly", &["get_clear", "get_current", "get_creative"]),
    ("rolfe", &["what", "so_what", "now_what"]),
    (
        "gibbs",
        &[
            "description",
            "feelings",
            "evaluation",
            "analysis",
            "conclusion",
            "action",
        ],
    ),
];
const HEALTH_QUESTIONS: &[&str] = &["progress", "feedback", "cadence", "trust", "follow_through"];

/// Text of `min..=max` characters (capped to 10..=400), mostly English, some Indonesian,
/// now and then with diacritics or CJK words.
fn text(rng: &mut SplitMix64, min: usize, max: usize) -> String {
    let (min, max) = (min.clamp(10, 400), max.clamp(10, 400));
    // Skewed towards short texts: the square of a uniform number.
    let u = rng.below(1000) as usize;
    let target = min + (max - min) * u * u / 1_000_000;
    let mut out = String::new();
    while out.chars().count() < target {
        let pool = match rng.below(100) {
            0..=64 => ENGLISH,
            65..=91 => INDONESIAN,
            _ => SPICE,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        let sentence: &&str = rng.pick(pool);
        out.push_str(sentence);
    }
    if out.chars().count() > max {
        out = out
            .chars()
            .take(max)
            .collect::<String>()
            .trim_end()
            .to_string();
    }
    out
}

fn short(rng: &mut SplitMix64, pool: &[&str]) -> String {
    let base = rng.pick(pool).to_string();
    if rng.chance(30) {
        format!("{base} ({})", text(rng, 10, 40))
    } else {
        base
    }
}

/// How many of each kind to write for `n` records in total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Plan {
    pub mentors: usize,
    pub meetings: usize,
    pub feedback: usize,
    pub commitments: usize,
    pub gratitude: usize,
    pub reflections: usize,
    pub goals: usize,
    pub progress: usize,
    pub revisions: usize,
    pub health_checks: usize,
    pub questions: usize,
}

impl Plan {
    /// Shares of the total per kind (agenda items and contacts fill the rest).
    pub fn for_records(n: usize) -> Plan {
        if n < 50 {
            return Plan {
                mentors: n.min(5),
                ..Plan::default()
            };
        }
        let share = |per_mille: usize| n * per_mille / 1000;
        Plan {
            mentors: 5,
            meetings: share(20).max(1),
            feedback: share(110),
            commitments: share(240),
            gratitude: share(50),
            reflections: share(5).clamp(1, 520),
            goals: share(2).max(1),
            progress: share(150),
            revisions: share(5),
            health_checks: share(3),
            questions: share(55),
        }
    }
}

const MENTORS: &[(&str, MentorStatus, i64, i64, u32)] = &[
    // name, status, first meeting (days before today), last meeting, cadence in days
    ("Dewi Lestari", MentorStatus::Ended, 3650, 1800, 21),
    ("Rahmat Hidayat", MentorStatus::Active, 3000, 0, 21),
    ("Ana Müller", MentorStatus::Active, 1800, 0, 14),
    ("Chen Wei 陈伟", MentorStatus::Active, 900, 0, 30),
    ("Siti Nurhaliza", MentorStatus::Candidate, 0, 0, 30),
];

/// Creates a new journal at `path` filled per `opts`; refuses a file that already exists.
/// Returns the number of records written.
pub fn create(path: &Path, opts: &Options) -> Result<usize> {
    if path.exists() {
        return Err(StoreError::Invalid(format!(
            "{} already exists; choose a new file",
            path.display()
        )));
    }
    let mut store = Store::open(path, false)?;
    fill(&mut store, opts)
}

/// Fills `store` per `opts` in one transaction; returns the number of records written.
pub fn fill(store: &mut Store, opts: &Options) -> Result<usize> {
    let opts = *opts;
    store.transaction(|s| Generator::new(s, opts).run())
}

struct Generator<'a> {
    s: &'a Store,
    rng: SplitMix64,
    today: NaiveDate,
    plan: Plan,
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
    fn new(s: &'a Store, opts: Options) -> Self {
        Generator {
            s,
            rng: SplitMix64::new(opts.seed),
            today: opts.today,
            plan: Plan::for_records(opts.records),
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

    fn run(mut self) -> Result<usize> {
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
        self.contacts()?;
        Ok(self.written)
    }

    fn mentors(&mut self) -> Result<()> {
        for &(name, status, first, _last, cadence) in MENTORS.iter().take(self.plan.mentors) {
            let mut m = Mentor::new(name);
            m.uuid = self.rng.uuid();
            m.status = status;
            m.status_since = Some(match status {
                MentorStatus::Ended => self.day(1790),
                MentorStatus::Candidate => self.day(10),
                _ => self.day(first + 10),
            });
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
                m.expected_end = Some(self.day(1790));
            }
            self.mentor_ids.push(self.s.save_mentor(&m)?);
            self.written += 1;
        }
        Ok(())
    }

    /// A mentor with meetings around `days_ago`.
    fn mentor_at(&mut self, days_ago: i64) -> Option<i64> {
        let ids: Vec<i64> = MENTORS
            .iter()
            .zip(&self.mentor_ids)
            .filter(|((_, status, first, last, _), _)| {
                *status != MentorStatus::Candidate && days_ago <= *first && days_ago >= *last
            })
            .map(|(_, id)| *id)
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
            // Goals start evenly over the decade and last about a year.
            let start = 3650 - (3650 * i / n.max(1)) as i64;
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
                .mentor_at(start.min(3600))
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
        // A few planned meetings ahead (and one just passed, waiting for its debrief).
        let ahead = (n / 400).clamp(usize::from(n > 0), 6);
        let past = n - ahead;
        for i in 0..n {
            let (days_ago, status) = if i < past {
                let ago = 3640 - (3640 * i / past.max(1)) as i64 + self.rng.range(0, 3);
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
                (-(2 + 5 * k + self.rng.range(0, 3)), MeetingStatus::Planned)
            };
            let Some(mentor_id) = self.mentor_at(days_ago.max(0)) else {
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
            let items = self.rng.range(3, 6);
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

    fn reflections(&mut self) -> Result<()> {
        let n = self.plan.reflections;
        let weeks = 520usize;
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
            let ago = 3650 - (3650 * k / self.goal_ids.len()) as i64 - self.rng.range(0, 200);
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
            let ago = self.rng.range(0, 3640);
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
                            .pick(&self.mentor_ids[..self.mentor_ids.len().min(4)]),
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
        if self.mentor_ids.len() < 4 {
            return Ok(());
        }
        for i in 0..n {
            let ago = 3650 - (3650 * i / n.max(1)) as i64;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_deterministic() {
        let (mut a, mut b) = (SplitMix64::new(7), SplitMix64::new(7));
        assert_eq!(a.next_u64(), b.next_u64());
        assert_eq!(a.uuid(), b.uuid());
        assert_eq!(a.uuid().len(), 36);
    }

    #[test]
    fn texts_stay_within_bounds() {
        let mut rng = SplitMix64::new(1);
        for _ in 0..500 {
            let t = text(&mut rng, 10, 400);
            let n = t.chars().count();
            assert!((10..=400).contains(&n), "{n}: {t}");
        }
    }

    #[test]
    fn a_small_journal_has_exactly_the_records_asked_for_and_is_reproducible() {
        let opts = Options {
            records: 2_000,
            seed: 3,
            today: default_today(),
        };
        let mut a = Store::open_in_memory().unwrap();
        let mut b = Store::open_in_memory().unwrap();
        assert_eq!(fill(&mut a, &opts).unwrap(), 2_000);
        fill(&mut b, &opts).unwrap();
        assert_eq!(a.counts().unwrap().total(), 2_000);
        assert_eq!(a.counts().unwrap(), b.counts().unwrap());
        let uuids = |s: &Store| -> Vec<String> {
            let mut st = s
                .conn()
                .prepare("SELECT uuid || text FROM commitments ORDER BY id")
                .unwrap();
            st.query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        assert_eq!(uuids(&a), uuids(&b));
        let mentors = a.mentors().unwrap();
        assert_eq!(mentors.len(), 5);
        assert_eq!(
            mentors
                .iter()
                .filter(|m| m.status == MentorStatus::Active)
                .count(),
            3
        );
    }

    #[test]
    fn commitment_list_keeps_the_order_of_one_sort_over_all() {
        let opts = Options {
            records: 3_000,
            seed: 9,
            today: default_today(),
        };
        let mut s = Store::open_in_memory().unwrap();
        fill(&mut s, &opts).unwrap();
        // Undated ones, open and closed, with ties on every date.
        for (i, status) in [CommitmentStatus::Open, CommitmentStatus::Done]
            .iter()
            .cycle()
            .take(6)
            .enumerate()
        {
            s.save_commitment(&Commitment {
                id: 0,
                uuid: String::new(),
                owner: Party::Me,
                text: format!("undated {i}"),
                due: None,
                status: *status,
                done_on: None,
                result: String::new(),
                mentor_id: None,
                meeting_id: None,
                feedback_id: None,
                reported_on: None,
                created_on: default_today(),
                private: false,
            })
            .unwrap();
        }
        let one_sort = |limit: i64| -> Vec<i64> {
            let mut st = s
                .conn()
                .prepare(
                    "SELECT c.id FROM commitments c
                     ORDER BY c.status != 'open', CASE WHEN c.status = 'open' THEN c.due_on IS NULL END,
                        CASE WHEN c.status = 'open' THEN c.due_on END,
                        coalesce(c.done_on, c.due_on, c.created_on) DESC, c.id DESC
                     LIMIT ?1",
                )
                .unwrap();
            st.query_map([limit], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        for limit in [1usize, 20, 500, 10_000] {
            let ids: Vec<i64> = s
                .commitment_list(limit)
                .unwrap()
                .iter()
                .map(|r| r.commitment.id)
                .collect();
            assert_eq!(ids, one_sort(limit as i64), "limit {limit}");
        }
    }

    #[test]
    fn an_empty_journal_stays_empty() {
        let mut s = Store::open_in_memory().unwrap();
        let opts = Options {
            records: 0,
            ..Options::default()
        };
        assert_eq!(fill(&mut s, &opts).unwrap(), 0);
        assert!(s.is_empty().unwrap());
    }
}
