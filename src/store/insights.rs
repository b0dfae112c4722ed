//! The inputs of the domain's insight rules (agenda suggestions, keep rate, nudges, review
//! figures), gathered with bounded queries.
//!
//! Every query here is bounded by an index range, a date window or a `LIMIT`, or is an
//! aggregate: the journal may hold 100,000 records, and the Today view must stay flat.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::sql::day_column;
use super::{Result, Store};
use crate::domain::MentorStatus;
use crate::domain::Party;
use crate::domain::figures::{
    CommitmentCounts, FigureInput, GoalProgressFacts, HealthFacts, MentorMeetings,
};
use crate::domain::keeprate::CommitmentFacts;
use crate::domain::nudges::{
    DEBRIEF_WINDOW_DAYS, ExperimentFacts, HeldMeetingFacts, MentorFacts, Nudge, NudgeInput,
    NudgeKind, NudgeSettings, NudgeSource, PlannedMeetingFacts, SEND_THANKS_AFTER_DAYS,
    THANKS_WINDOW_DAYS, WrittenThanksFacts, sources, top_nudges,
};
use crate::domain::suggest::{CommitmentRef, FeedbackRef, GoalRef, QuestionRef, SuggestInput};

/// At most this many candidates per suggestion source (more would not fit a meeting anyway).
const SUGGEST_LIMIT: i64 = 100;

/// The latest dates of one mentor up to a moment, for [`Store::mentor_facts`]'s records dated
/// ahead (?1: the mentor, ?2: now, ?3: today).
const LATEST_CONTACT: &str = "SELECT unixepoch(max(on_date)) / 86400 FROM contacts
    WHERE mentor_id = ?1 AND on_date <= ?3 AND ?2 = ?2";
/// See [`LATEST_CONTACT`].
const LATEST_CONTACT_FROM_MENTOR: &str = "SELECT unixepoch(max(on_date)) / 86400 FROM contacts
    WHERE mentor_id = ?1 AND initiative = 'mentor' AND on_date <= ?3 AND ?2 = ?2";
/// See [`LATEST_CONTACT`].
const LATEST_HELD_MEETING: &str = "SELECT unixepoch(substr(max(starts_at), 1, 10)) / 86400
    FROM meetings WHERE mentor_id = ?1 AND status = 'held' AND starts_at <= ?2 AND ?3 = ?3";
/// See [`LATEST_CONTACT`].
const LATEST_THANKS: &str = "SELECT unixepoch(max(on_date)) / 86400 FROM gratitude
    WHERE mentor_id = ?1 AND on_date <= ?3 AND ?2 = ?2";
/// See [`LATEST_CONTACT`].
const LATEST_HEALTH_CHECK: &str = "SELECT unixepoch(max(on_date)) / 86400 FROM health_checks
    WHERE mentor_id = ?1 AND on_date <= ?3 AND ?2 = ?2";

/// The unsent thanks dated `?1` or earlier, oldest first, at most `?2`: read from the
/// covering `gratitude_unsent (sent, on_date, id, mentor_id)` alone (migration 011).
const UNSENT_THANKS: &str =
    "SELECT id, mentor_id, on_date FROM gratitude INDEXED BY gratitude_unsent
     WHERE sent = 0 AND on_date <= ?1
     ORDER BY on_date, id LIMIT ?2";

impl Store {
    /// What [`crate::domain::suggest::suggest`] needs for the planned meeting `meeting_id`.
    pub fn suggest_input(&self, meeting_id: i64) -> Result<SuggestInput> {
        let meeting = self.meeting(meeting_id)?;
        let m = meeting.mentor_id;
        let last: Option<(i64, NaiveDateTime)> = self
            .conn
            .prepare_cached(
                "SELECT id, starts_at FROM meetings
                 WHERE mentor_id = ?1 AND status = 'held' AND starts_at < ?2 AND id != ?3
                 ORDER BY starts_at DESC, id DESC LIMIT 1",
            )?
            .query_row(params![m, meeting.starts_at, meeting_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let last_items = match last {
            Some((id, _)) => self.agenda_of(id)?,
            None => Vec::new(),
        };
        Ok(SuggestInput {
            meeting_id,
            mentor_id: m,
            starts_at: meeting.starts_at,
            last_held: last.map(|(_, at)| at),
            agenda: self.agenda_of(meeting_id)?,
            last_items,
            commitments: self.suggest_commitments(m, meeting.starts_at.date())?,
            feedback: self.suggest_feedback(m)?,
            goals: self.suggest_goals(m)?,
            questions: self.suggest_questions(m)?,
            health: self.health_trend(m)?,
            resources: self
                .resource_list(crate::store::ResourceFilter {
                    mentor_id: Some(m),
                    ..Default::default()
                })?
                .iter()
                .map(|r| r.as_ref())
                .collect(),
        })
    }

    /// Open commitments due by the meeting day (mine with M or no mentor; M's), and M's
    /// experiments with a result not yet reported. An experiment's mentor falls back to
    /// its feedback's mentor.
    fn suggest_commitments(&self, m: i64, day: NaiveDate) -> Result<Vec<CommitmentRef>> {
        let cols = "c.id, c.owner, c.text, c.due_on, c.status, \
            coalesce(c.mentor_id, f.mentor_id) AS mentor, c.feedback_id, c.result, c.reported_on, \
            c.private";
        let sql = format!(
            "SELECT * FROM (SELECT {cols} FROM commitments c
                 LEFT JOIN feedback f ON f.id = c.feedback_id
                 WHERE c.status = 'open' AND c.due_on <= ?2
                   AND (c.mentor_id = ?1 OR c.mentor_id IS NULL)
                 ORDER BY c.due_on, c.id LIMIT ?3)
             UNION
             SELECT * FROM (SELECT {cols}
                 FROM commitments c INDEXED BY commitments_unreported_experiments
                 LEFT JOIN feedback f ON f.id = c.feedback_id
                 WHERE c.feedback_id IS NOT NULL AND c.result != '' AND c.reported_on IS NULL
                   AND c.status != 'dropped' AND coalesce(c.mentor_id, f.mentor_id) = ?1
                 ORDER BY c.id DESC LIMIT ?3)
             ORDER BY 4, 1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![m, day, SUGGEST_LIMIT], |r| {
            Ok(CommitmentRef {
                id: r.get(0)?,
                owner: r.get(1)?,
                text: r.get(2)?,
                due: r.get(3)?,
                status: r.get(4)?,
                mentor_id: r.get(5)?,
                feedback_id: r.get(6)?,
                result: r.get(7)?,
                reported_on: r.get(8)?,
                private: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The dated commitments the keep rate counts, due from `from` (or ever) to `to`, plus
    /// those done or dropped ahead of a later due date (they are due already, see
    /// [`crate::domain::keeprate`]). Oldest due date first.
    pub fn commitment_facts(
        &self,
        from: Option<NaiveDate>,
        to: NaiveDate,
    ) -> Result<Vec<CommitmentFacts>> {
        // From the covering index commitments_keep_facts, dates as day numbers (no parsing).
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, owner, unixepoch(due_on) / 86400, status, unixepoch(done_on) / 86400
             FROM commitments INDEXED BY commitments_keep_facts
             WHERE due_on >= coalesce(?1, '') AND (due_on <= ?2 OR status != 'open')
             ORDER BY due_on, id",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok(CommitmentFacts {
                id: r.get(0)?,
                owner: r.get(1)?,
                due: day_column(r, 2)?,
                status: r.get(3)?,
                done_on: day_column(r, 4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What [`crate::domain::nudges::nudges`] needs at `now`, with default settings (the
    /// caller puts the configured cadences into `settings`).
    pub fn nudge_input(&self, now: NaiveDateTime) -> Result<NudgeInput> {
        self.nudge_input_of(now, &sources(&NudgeKind::ALL))
    }

    /// [`Store::nudge_input`] with only the parts in `parts` read (see
    /// [`crate::domain::nudges::sources`]: a view listing some kinds of nudge reads only what
    /// those kinds come from, e.g. the active mentors, not every candidate).
    pub fn nudge_input_of(&self, now: NaiveDateTime, parts: &[NudgeSource]) -> Result<NudgeInput> {
        let mut input = NudgeInput::default();
        self.read_nudge_sources(&mut input, now, parts)?;
        Ok(input)
    }

    /// Adds `parts` to `input`, as read at `now` (the mentors first: the health trends are
    /// those of the active mentors read).
    pub fn read_nudge_sources(
        &self,
        input: &mut NudgeInput,
        now: NaiveDateTime,
        parts: &[NudgeSource],
    ) -> Result<()> {
        self.read_nudge_parts(input, now, parts, SUGGEST_LIMIT)
    }

    /// Every row of every part of the nudges' input at `now` (the lists not cut at
    /// [`SUGGEST_LIMIT`]): what the rules see over the whole journal, for `mentee status
    /// --format json` (every nudge) and to check the bounded reads against (see
    /// [`Store::nudge_page`]). Costly on a large journal.
    pub fn nudge_input_whole(&self, now: NaiveDateTime) -> Result<NudgeInput> {
        let mut input = NudgeInput::default();
        self.read_nudge_parts(&mut input, now, &sources(&NudgeKind::ALL), i64::MAX)?;
        Ok(input)
    }

    /// [`Store::read_nudge_sources`] with each list part cut at `limit` rows.
    fn read_nudge_parts(
        &self,
        input: &mut NudgeInput,
        now: NaiveDateTime,
        parts: &[NudgeSource],
        limit: i64,
    ) -> Result<()> {
        let today = now.date();
        let window_start = today - Duration::days(THANKS_WINDOW_DAYS);
        let statuses: Vec<MentorStatus> = parts
            .iter()
            .filter_map(|p| match p {
                NudgeSource::Mentors(s) => Some(*s),
                _ => None,
            })
            .collect();
        input.mentors.extend(self.mentor_facts(now, &statuses)?);
        for part in parts {
            match part {
                NudgeSource::Mentors(_) => {}
                NudgeSource::Health => {
                    input.health = self.pending_health_trends(&input.mentors, today)?;
                }
                NudgeSource::HeldMeetings => {
                    input.held_meetings = self.recent_held_meetings(window_start, today)?;
                }
                NudgeSource::PlannedMeetings => {
                    input.planned_meetings = self.passed_planned_meetings(now, limit)?;
                }
                NudgeSource::Experiments => {
                    input.experiments = self.experiment_facts(window_start, limit)?;
                }
                NudgeSource::UnsentThanks => {
                    let until = today - Duration::days(SEND_THANKS_AFTER_DAYS);
                    input.unsent_thanks = self.unsent_thanks(until, limit)?;
                }
                NudgeSource::Introductions => {
                    input.introductions = self
                        .introductions_to_thank(usize::try_from(limit).unwrap_or(usize::MAX))?
                        .iter()
                        .map(|r| r.as_ref())
                        .collect();
                }
                NudgeSource::Reflections => {
                    input.last_reflection = self.conn.query_row(
                        "SELECT max(period_start) FROM reflections",
                        [],
                        |r| r.get(0),
                    )?;
                    input.journal_started = self.journal_started()?;
                }
            }
        }
        Ok(())
    }

    /// The first `limit` nudges at `now` under `settings`: the first `limit` of
    /// [`crate::domain::nudges::nudges`] over the whole [`Store::nudge_input`], reading its
    /// parts in the kinds' priority order only until the first `limit` are settled
    /// ([`crate::domain::nudges::top_nudges`]): on a journal with many nudges, the pipeline's
    /// candidates, the introductions and the experiments are often never read.
    pub fn top_nudges(
        &self,
        now: NaiveDateTime,
        settings: NudgeSettings,
        limit: usize,
    ) -> Result<Vec<Nudge>> {
        let mut input = NudgeInput {
            settings,
            ..NudgeInput::default()
        };
        top_nudges(&mut input, now, limit, |input, parts| {
            self.read_nudge_sources(input, now, parts)
        })
    }

    /// The day the journal's first record was written: the earliest of the first rows (by
    /// id, so one index step each) of the tables a new user starts with.
    fn journal_started(&self) -> Result<Option<NaiveDate>> {
        let first = |table: &str| {
            format!("SELECT date(created_at, 'localtime') FROM {table} ORDER BY id LIMIT 1")
        };
        let sql = format!(
            "SELECT min(d) FROM ({})",
            [
                "mentors",
                "goals",
                "meetings",
                "feedback",
                "commitments",
                "gratitude"
            ]
            .map(|t| format!("SELECT ({}) AS d", first(t)))
            .join(" UNION ALL ")
        );
        Ok(self.conn.query_row(&sql, [], |r| r.get(0))?)
    }

    /// The mentors in `statuses` (those still in the pipeline or the relationship, for every
    /// nudge), each with its latest dates, from the narrow `mentor_summary` rows the triggers
    /// of migration 007 keep up to date (dates as day numbers: nothing to parse). A latest
    /// date after `now` (a record dated ahead) is looked up again, bounded by `now`, for that
    /// mentor only.
    pub fn mentor_facts(
        &self,
        now: NaiveDateTime,
        statuses: &[MentorStatus],
    ) -> Result<Vec<MentorFacts>> {
        if statuses.is_empty() {
            return Ok(Vec::new());
        }
        // The statuses as a JSON array of their codes: one statement for any set.
        let codes: Vec<String> = statuses
            .iter()
            .map(|s| format!("\"{}\"", s.code()))
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT mentor_id, status, status_since, cadence_days, review_on, last_contact,
                last_contact_from_mentor, last_held_meeting, last_thanks, last_health_check,
                last_planned_meeting
             FROM mentor_summary
             WHERE status IN (SELECT value FROM json_each(?1))
             ORDER BY mentor_id",
        )?;
        let rows = stmt.query_map([format!("[{}]", codes.join(","))], |r| {
            Ok(MentorFacts {
                id: r.get(0)?,
                status: r.get(1)?,
                status_since: day_column(r, 2)?,
                cadence_days: r.get(3)?,
                review_on: day_column(r, 4)?,
                last_contact: day_column(r, 5)?,
                last_contact_from_mentor: day_column(r, 6)?,
                last_held_meeting: day_column(r, 7)?,
                last_thanks: day_column(r, 8)?,
                last_health_check: day_column(r, 9)?,
                last_planned_meeting: day_column(r, 10)?,
            })
        })?;
        let mut facts = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let today = now.date();
        let ahead = |d: Option<NaiveDate>| d.is_some_and(|d| d > today);
        for m in &mut facts {
            if ahead(m.last_contact) {
                m.last_contact = self.latest_by(LATEST_CONTACT, m.id, now)?;
            }
            if ahead(m.last_contact_from_mentor) {
                m.last_contact_from_mentor =
                    self.latest_by(LATEST_CONTACT_FROM_MENTOR, m.id, now)?;
            }
            // A meeting held today may start after `now`: the day alone cannot tell.
            if m.last_held_meeting.is_some_and(|d| d >= today) {
                m.last_held_meeting = self.latest_by(LATEST_HELD_MEETING, m.id, now)?;
            }
            if ahead(m.last_thanks) {
                m.last_thanks = self.latest_by(LATEST_THANKS, m.id, now)?;
            }
            if ahead(m.last_health_check) {
                m.last_health_check = self.latest_by(LATEST_HEALTH_CHECK, m.id, now)?;
            }
        }
        Ok(facts)
    }

    /// One mentor's latest date of a kind up to `now` (?1: the mentor, ?2: now, ?3: today),
    /// by one index search.
    fn latest_by(
        &self,
        sql: &str,
        mentor_id: i64,
        now: NaiveDateTime,
    ) -> Result<Option<NaiveDate>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        Ok(stmt.query_row(params![mentor_id, now, now.date()], |r| day_column(r, 0))?)
    }

    /// Held meetings on days `from..=to`, each saying whether thanks are linked to it.
    fn recent_held_meetings(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<HeldMeetingFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.mentor_id, substr(m.starts_at, 1, 10),
                EXISTS (SELECT 1 FROM gratitude g WHERE g.meeting_id = m.id)
             FROM meetings m
             WHERE m.status = 'held' AND m.starts_at >= ?1 AND m.starts_at < ?2
             ORDER BY m.starts_at, m.id",
        )?;
        let rows = stmt.query_map(params![from, to + Duration::days(1)], |r| {
            Ok(HeldMeetingFacts {
                id: r.get(0)?,
                mentor_id: r.get(1)?,
                on: r.get(2)?,
                thanked: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Experiments with a result: not reported yet, or reported since `reported_since`; the
    /// newest `limit`. Two bounded index walks (the newest unreported ones, and the
    /// range reported since the day), never every experiment recorded.
    fn experiment_facts(
        &self,
        reported_since: NaiveDate,
        limit: i64,
    ) -> Result<Vec<ExperimentFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.id, coalesce(x.mentor_id, f.mentor_id), x.reported_on,
                EXISTS (SELECT 1 FROM gratitude g WHERE g.commitment_id = x.id)
             FROM (
                SELECT * FROM (SELECT id, mentor_id, feedback_id, reported_on
                    FROM commitments INDEXED BY commitments_unreported_experiments
                    WHERE feedback_id IS NOT NULL AND result != '' AND reported_on IS NULL
                        AND status != 'dropped'
                    ORDER BY id DESC LIMIT ?2)
                UNION ALL
                SELECT id, mentor_id, feedback_id, reported_on
                    FROM commitments INDEXED BY commitments_reported_experiments
                    WHERE feedback_id IS NOT NULL AND result != '' AND status != 'dropped'
                        AND reported_on >= ?1
             ) x
             LEFT JOIN feedback f ON f.id = x.feedback_id
             ORDER BY x.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![reported_since, limit], |r| {
            Ok(ExperimentFacts {
                commitment_id: r.get(0)?,
                mentor_id: r.get(1)?,
                reported_on: r.get(2)?,
                thanked: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Thanks not sent and dated `until` or earlier: the oldest `limit`, one walk
    /// of the `gratitude_unsent` index range, which holds every column read.
    fn unsent_thanks(&self, until: NaiveDate, limit: i64) -> Result<Vec<WrittenThanksFacts>> {
        let mut stmt = self.conn.prepare_cached(UNSENT_THANKS)?;
        let rows = stmt.query_map(params![until, limit], |r| {
            Ok(WrittenThanksFacts {
                gratitude_id: r.get(0)?,
                mentor_id: r.get(1)?,
                on: r.get(2)?,
                sent: false,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Meetings still planned that started before `now`, within the debrief window.
    fn passed_planned_meetings(
        &self,
        now: NaiveDateTime,
        limit: i64,
    ) -> Result<Vec<PlannedMeetingFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, mentor_id, starts_at, minutes FROM meetings
             WHERE status = 'planned' AND starts_at < ?1 AND starts_at >= ?2
             ORDER BY starts_at, id LIMIT ?3",
        )?;
        let from = now - Duration::days(DEBRIEF_WINDOW_DAYS + 1);
        let rows = stmt.query_map(params![now, from, limit], |r| {
            Ok(PlannedMeetingFacts {
                id: r.get(0)?,
                mentor_id: r.get(1)?,
                starts_at: r.get(2)?,
                minutes: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The raw counts of the period `[start, end)` for [`crate::domain::figures::figures`],
    /// each one SQL aggregate over a date-indexed range. `today` says which open commitments
    /// are overdue. Meeting times compare by their date (`'2026-01-31 23:30:00' < '2026-02-01'`).
    pub fn figure_input(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    ) -> Result<FigureInput> {
        let range = params![start, end];
        let (agenda_items, agenda_discussed) = self.conn.query_row(
            "SELECT count(a.id), count(a.id) FILTER (WHERE a.discussed)
             FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id
             WHERE m.status = 'held' AND m.starts_at >= ?1 AND m.starts_at < ?2",
            range,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (feedback_received, feedback_acted_on) = self.conn.query_row(
            "SELECT count(*), count(*) FILTER (WHERE status IN ('trying', 'done'))
             FROM feedback WHERE received_on >= ?1 AND received_on < ?2",
            range,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (gratitude_noted, gratitude_sent) = self.conn.query_row(
            "SELECT count(*), count(*) FILTER (WHERE sent)
             FROM gratitude WHERE on_date >= ?1 AND on_date < ?2",
            range,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (contacts, contacts_i_initiated) = self.conn.query_row(
            "SELECT count(*), count(*) FILTER (WHERE initiative = 'me')
             FROM contacts WHERE on_date >= ?1 AND on_date < ?2",
            range,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (my_commitments, mentor_commitments) = self.period_commitments(start, end, today)?;
        let wins = self.conn.query_row(
            "SELECT count(*) FROM wins WHERE on_date >= ?1 AND on_date < ?2",
            range,
            |r| r.get(0),
        )?;
        Ok(FigureInput {
            start,
            end,
            meetings: self.period_meetings(start, end)?,
            agenda_items,
            agenda_discussed,
            feedback_received,
            feedback_acted_on,
            my_commitments,
            mentor_commitments,
            goals: self.period_goals(start, end)?,
            gratitude_noted,
            gratitude_sent,
            contacts,
            contacts_i_initiated,
            health: self.period_health(start, end)?,
            wins,
        })
    }

    fn period_meetings(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<MentorMeetings>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.mentor_id, mt.name, count(*) FILTER (WHERE m.status = 'held'),
                count(*) FILTER (WHERE m.status = 'cancelled'),
                count(*) FILTER (WHERE m.status = 'planned')
             FROM meetings m JOIN mentors mt ON mt.id = m.mentor_id
             WHERE m.starts_at >= ?1 AND m.starts_at < ?2
             GROUP BY m.mentor_id ORDER BY mt.name COLLATE NOCASE, m.mentor_id",
        )?;
        let rows = stmt.query_map(params![start, end], |r| {
            Ok(MentorMeetings {
                mentor_id: r.get(0)?,
                name: r.get(1)?,
                held: r.get(2)?,
                cancelled: r.get(3)?,
                planned: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Commitments made in the period per owner, classified by the keep-rate rules.
    fn period_commitments(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    ) -> Result<(CommitmentCounts, CommitmentCounts)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT owner, count(*),
                count(*) FILTER (WHERE status = 'done' AND due_on IS NOT NULL
                    AND (done_on IS NULL OR done_on <= due_on)),
                count(*) FILTER (WHERE status = 'done' AND done_on > due_on),
                count(*) FILTER (WHERE status = 'open'),
                count(*) FILTER (WHERE status = 'open' AND due_on < ?3),
                count(*) FILTER (WHERE status = 'dropped' AND due_on IS NOT NULL)
             FROM commitments WHERE created_on >= ?1 AND created_on < ?2 GROUP BY owner",
        )?;
        let rows = stmt.query_map(params![start, end, today], |r| {
            Ok((
                r.get::<_, Party>(0)?,
                CommitmentCounts {
                    made: r.get(1)?,
                    kept: r.get(2)?,
                    late: r.get(3)?,
                    open: r.get(4)?,
                    open_overdue: r.get(5)?,
                    dropped: r.get(6)?,
                },
            ))
        })?;
        let (mut mine, mut theirs) = (CommitmentCounts::default(), CommitmentCounts::default());
        for row in rows {
            match row? {
                (Party::Me, c) => mine = c,
                (Party::Mentor, c) => theirs = c,
            }
        }
        Ok((mine, theirs))
    }

    /// Goals updated in the period, with their values before and within it.
    fn period_goals(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<GoalProgressFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.id, g.title, g.baseline, g.target,
                (SELECT value FROM goal_progress p WHERE p.goal_id = g.id AND p.on_date < ?1
                    ORDER BY p.on_date DESC, p.id DESC LIMIT 1),
                (SELECT value FROM goal_progress p WHERE p.goal_id = g.id
                    AND p.on_date >= ?1 AND p.on_date < ?2 ORDER BY p.on_date, p.id LIMIT 1),
                (SELECT value FROM goal_progress p WHERE p.goal_id = g.id
                    AND p.on_date >= ?1 AND p.on_date < ?2
                    ORDER BY p.on_date DESC, p.id DESC LIMIT 1),
                u.n
             FROM (SELECT goal_id, count(*) AS n FROM goal_progress
                   WHERE on_date >= ?1 AND on_date < ?2 GROUP BY goal_id) u
             JOIN goals g ON g.id = u.goal_id
             ORDER BY g.title COLLATE NOCASE, g.id",
        )?;
        let rows = stmt.query_map(params![start, end], |r| {
            Ok(GoalProgressFacts {
                goal_id: r.get(0)?,
                title: r.get(1)?,
                baseline: r.get(2)?,
                target: r.get(3)?,
                before: r.get(4)?,
                first_in: r.get(5)?,
                last_in: r.get(6)?,
                updates: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Health checks in the period per mentor, with all their ratings summed.
    fn period_health(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<HealthFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.mentor_id, mt.name, count(DISTINCT h.id), count(j.value),
                total(json_extract(j.value, '$.rating'))
             FROM health_checks h JOIN mentors mt ON mt.id = h.mentor_id
             LEFT JOIN json_each(h.ratings) j
             WHERE h.on_date >= ?1 AND h.on_date < ?2
             GROUP BY h.mentor_id ORDER BY mt.name COLLATE NOCASE, h.mentor_id",
        )?;
        let rows = stmt.query_map(params![start, end], |r| {
            Ok(HealthFacts {
                mentor_id: r.get(0)?,
                name: r.get(1)?,
                checks: r.get(2)?,
                ratings: r.get(3)?,
                rating_sum: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn suggest_feedback(&self, m: i64) -> Result<Vec<FeedbackRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text, status, mentor_id, private FROM feedback
             WHERE status = 'open' AND kind != 'praise' AND (mentor_id = ?1 OR mentor_id IS NULL)
             ORDER BY received_on, id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![m, SUGGEST_LIMIT], |r| {
            Ok(FeedbackRef {
                id: r.get(0)?,
                text: r.get(1)?,
                status: r.get(2)?,
                mentor_id: r.get(3)?,
                private: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn suggest_goals(&self, m: i64) -> Result<Vec<GoalRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.id, g.title, g.status, g.mentor_id,
                (SELECT max(CASE
                    WHEN date(p.created_at, 'localtime') = p.on_date
                    THEN strftime('%Y-%m-%dT%H:%M:%S', p.created_at, 'localtime')
                    ELSE p.on_date || 'T00:00:00' END)
                 FROM goal_progress p WHERE p.goal_id = g.id), g.private
             FROM goals g
             WHERE g.status = 'active' AND (g.mentor_id = ?1 OR g.mentor_id IS NULL)
             ORDER BY g.due_on IS NULL, g.due_on, g.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![m, SUGGEST_LIMIT], |r| {
            Ok(GoalRef {
                id: r.get(0)?,
                title: r.get(1)?,
                status: r.get(2)?,
                mentor_id: r.get(3)?,
                last_update: r.get::<_, Option<String>>(4)?.and_then(|t| t.parse().ok()),
                private: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn suggest_questions(&self, m: i64) -> Result<Vec<QuestionRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text, mentor_id, agenda_item_id, private FROM questions
             WHERE agenda_item_id IS NULL AND (mentor_id = ?1 OR mentor_id IS NULL)
             ORDER BY created_at, id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![m, SUGGEST_LIMIT], |r| {
            Ok(QuestionRef {
                id: r.get(0)?,
                text: r.get(1)?,
                mentor_id: r.get(2)?,
                agenda_item_id: r.get(3)?,
                private: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::suggest::{SuggestionReason, suggest};
    use crate::domain::*;

    #[test]
    fn unsent_thanks_are_read_from_their_index_alone_in_order() {
        let s = Store::open_in_memory().unwrap();
        let plan: Vec<String> = s
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {UNSENT_THANKS}"))
            .unwrap()
            .query_map(params!["2026-11-13", 100], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            plan,
            ["SEARCH gratitude USING COVERING INDEX gratitude_unsent (sent=? AND on_date<?)"]
        );
    }

    pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(super) fn at(date: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
        date.and_hms_opt(h, min, 0).unwrap()
    }

    pub(super) fn mentor(s: &Store, name: &str, status: MentorStatus) -> i64 {
        let mut m = Mentor::new(name);
        m.status = status;
        s.save_mentor(&m).unwrap()
    }

    pub(super) fn meeting(
        s: &Store,
        mentor_id: i64,
        starts_at: NaiveDateTime,
        status: MeetingStatus,
    ) -> i64 {
        s.save_meeting(&Meeting {
            id: 0,
            uuid: String::new(),
            mentor_id,
            starts_at,
            minutes: 30,
            status,
            channel: String::new(),
            notes: String::new(),
            agenda_ready: false,
            private: false,
        })
        .unwrap()
    }

    pub(super) fn agenda_item(s: &Store, meeting_id: i64, text: &str, discussed: bool) -> i64 {
        s.save_agenda_item(&AgendaItem {
            id: 0,
            uuid: String::new(),
            meeting_id,
            kind: AgendaKind::Topic,
            text: text.into(),
            outcome: String::new(),
            minutes: None,
            position: 0,
            discussed,
            note: String::new(),
            goal_id: None,
            commitment_id: None,
            feedback_id: None,
            carried_from: None,
            source: None,
            private: false,
        })
        .unwrap()
    }

    pub(super) fn commitment(
        owner: Party,
        due: Option<NaiveDate>,
        mentor: Option<i64>,
    ) -> Commitment {
        Commitment {
            id: 0,
            uuid: String::new(),
            owner,
            text: "do it".into(),
            due,
            status: CommitmentStatus::Open,
            done_on: None,
            result: String::new(),
            mentor_id: mentor,
            meeting_id: None,
            feedback_id: None,
            reported_on: None,
            created_on: d(2026, 1, 1),
            private: false,
        }
    }

    pub(super) fn feedback(mentor: Option<i64>, on: NaiveDate, status: FeedbackStatus) -> Feedback {
        Feedback {
            id: 0,
            uuid: String::new(),
            mentor_id: mentor,
            meeting_id: None,
            received_on: on,
            kind: FeedbackKind::Suggestion,
            text: "advice".into(),
            reaction: String::new(),
            status,
            goal_id: None,
            private: false,
        }
    }

    fn question(s: &Store, mentor: Option<i64>) -> i64 {
        s.save_question(&Question {
            id: 0,
            uuid: String::new(),
            text: "How do I…?".into(),
            mentor_id: mentor,
            agenda_item_id: None,
            private: false,
        })
        .unwrap()
    }

    #[test]
    fn suggest_input_gathers_each_source_for_the_meeting() {
        let s = Store::open_in_memory().unwrap();
        let ana = mentor(&s, "Ana", MentorStatus::Active);
        let budi = mentor(&s, "Budi", MentorStatus::Active);
        let held = meeting(&s, ana, at(d(2026, 2, 10), 10, 0), MeetingStatus::Held);
        let _older = meeting(&s, ana, at(d(2026, 1, 10), 10, 0), MeetingStatus::Held);
        let _budis = meeting(&s, budi, at(d(2026, 2, 20), 10, 0), MeetingStatus::Held);
        let next = meeting(&s, ana, at(d(2026, 3, 10), 10, 0), MeetingStatus::Planned);
        let carried = agenda_item(&s, held, "Promotion", false);
        agenda_item(&s, held, "Talked", true);

        let mine = s
            .save_commitment(&commitment(Party::Me, Some(d(2026, 3, 1)), Some(ana)))
            .unwrap();
        s.save_commitment(&commitment(Party::Me, Some(d(2026, 3, 20)), Some(ana)))
            .unwrap();
        let theirs = s
            .save_commitment(&commitment(Party::Mentor, Some(d(2026, 3, 9)), Some(ana)))
            .unwrap();
        s.save_commitment(&commitment(Party::Mentor, Some(d(2026, 3, 9)), Some(budi)))
            .unwrap();
        // An experiment made without a mentor: its feedback's mentor (Ana) counts.
        let fb = s
            .save_feedback(&feedback(Some(ana), d(2026, 2, 10), FeedbackStatus::Trying))
            .unwrap();
        let mut exp = commitment(Party::Me, Some(d(2026, 2, 28)), None);
        exp.feedback_id = Some(fb);
        exp.result = "It worked".into();
        let exp = s.save_commitment(&exp).unwrap();
        let open_fb = s
            .save_feedback(&feedback(Some(ana), d(2026, 2, 10), FeedbackStatus::Open))
            .unwrap();
        s.save_feedback(&feedback(Some(budi), d(2026, 2, 10), FeedbackStatus::Open))
            .unwrap();

        let stale = s.save_goal(&Goal::new("Public speaking")).unwrap();
        let fresh = s.save_goal(&Goal::new("Reading")).unwrap();
        s.save_progress(&ProgressUpdate {
            id: 0,
            uuid: String::new(),
            goal_id: fresh,
            on: d(2026, 2, 15),
            value: 3.0,
            note: String::new(),
        })
        .unwrap();
        let q = question(&s, None);
        question(&s, Some(budi));

        let input = s.suggest_input(next).unwrap();
        assert_eq!(input.last_held, Some(at(d(2026, 2, 10), 10, 0)));
        assert_eq!(input.last_items.len(), 2);
        let out = suggest(&input, at(d(2026, 3, 5), 9, 0));
        let keys: Vec<String> = out.iter().map(|s| s.key.clone()).collect();
        assert_eq!(
            keys,
            [
                format!("carry:{carried}"),
                format!("report:{exp}"),
                format!("commit-me:{mine}"),
                format!("commit-mentor:{theirs}"),
                format!("feedback:{open_fb}"),
                format!("goal:{stale}"),
                format!("question:{q}"),
            ]
        );
        assert_eq!(out[1].reason, SuggestionReason::ReportExperiment);

        // Accepting one makes it disappear.
        s.save_agenda_item(&out[2].to_agenda_item(next)).unwrap();
        let again = suggest(&s.suggest_input(next).unwrap(), at(d(2026, 3, 5), 9, 0));
        assert_eq!(again.len(), out.len() - 1);
        assert!(again.iter().all(|x| x.key != out[2].key));
    }

    #[test]
    fn progress_written_after_the_meeting_on_its_day_is_progress() {
        use chrono::TimeZone;
        let s = Store::open_in_memory().unwrap();
        let ana = mentor(&s, "Ana", MentorStatus::Active);
        meeting(&s, ana, at(d(2026, 2, 10), 10, 0), MeetingStatus::Held);
        let next = meeting(&s, ana, at(d(2026, 3, 10), 10, 0), MeetingStatus::Planned);
        let goal = s.save_goal(&Goal::new("Public speaking")).unwrap();
        let progress = |on: NaiveDate, written: NaiveDateTime| {
            let id = s
                .save_progress(&ProgressUpdate {
                    id: 0,
                    uuid: String::new(),
                    goal_id: goal,
                    on,
                    value: 1.0,
                    note: String::new(),
                })
                .unwrap();
            // `created_at` is UTC; the meeting's time is local.
            let utc = chrono::Local
                .from_local_datetime(&written)
                .earliest()
                .unwrap()
                .with_timezone(&chrono::Utc);
            s.conn
                .execute(
                    "UPDATE goal_progress SET created_at = ?2 WHERE id = ?1",
                    params![id, utc.format("%Y-%m-%dT%H:%M:%SZ").to_string()],
                )
                .unwrap();
        };
        let stale = |s: &Store| {
            suggest(&s.suggest_input(next).unwrap(), at(d(2026, 3, 5), 9, 0))
                .iter()
                .any(|x| x.key == format!("goal:{goal}"))
        };
        // Written that morning, before the meeting: reported there.
        progress(d(2026, 2, 10), at(d(2026, 2, 10), 8, 0));
        assert!(stale(&s));
        // Dated the meeting day but written later: no time to go by, reported there.
        progress(d(2026, 2, 10), at(d(2026, 2, 12), 8, 0));
        assert!(stale(&s));
        // Written that afternoon, after the meeting: progress since.
        progress(d(2026, 2, 10), at(d(2026, 2, 10), 15, 0));
        assert!(!stale(&s));
    }

    #[test]
    fn praise_never_waits_for_action() {
        let s = Store::open_in_memory().unwrap();
        let ana = mentor(&s, "Ana", MentorStatus::Active);
        let mut praise = feedback(Some(ana), d(2026, 2, 10), FeedbackStatus::Open);
        praise.kind = FeedbackKind::Praise;
        s.save_feedback(&praise).unwrap();
        let advice = s
            .save_feedback(&feedback(Some(ana), d(2026, 2, 11), FeedbackStatus::Open))
            .unwrap();
        let open: Vec<i64> = s
            .open_feedback(10)
            .unwrap()
            .iter()
            .map(|r| r.feedback.id)
            .collect();
        assert_eq!(open, [advice], "Today's feedback waiting for action");
        let next = meeting(&s, ana, at(d(2026, 3, 10), 10, 0), MeetingStatus::Planned);
        let suggested: Vec<i64> = s
            .suggest_input(next)
            .unwrap()
            .feedback
            .iter()
            .map(|f| f.id)
            .collect();
        assert_eq!(suggested, [advice], "agenda suggestions");
    }

    #[test]
    fn commitment_facts_are_bounded_by_due_date() {
        use crate::domain::keeprate::keep_rate;
        let s = Store::open_in_memory().unwrap();
        let save = |owner, due: Option<NaiveDate>, status, done_on| {
            let mut c = commitment(owner, due, None);
            c.status = status;
            c.done_on = done_on;
            s.save_commitment(&c).unwrap()
        };
        save(
            Party::Me,
            Some(d(2025, 12, 31)),
            CommitmentStatus::Done,
            Some(d(2025, 12, 31)),
        );
        save(
            Party::Me,
            Some(d(2026, 1, 31)),
            CommitmentStatus::Done,
            Some(d(2026, 1, 30)),
        );
        save(
            Party::Me,
            Some(d(2026, 2, 1)),
            CommitmentStatus::Done,
            Some(d(2026, 2, 3)),
        );
        save(
            Party::Mentor,
            Some(d(2026, 2, 10)),
            CommitmentStatus::Open,
            None,
        );
        save(
            Party::Me,
            Some(d(2026, 2, 12)),
            CommitmentStatus::Dropped,
            None,
        );
        save(
            Party::Me,
            Some(d(2026, 3, 31)),
            CommitmentStatus::Done,
            Some(d(2026, 2, 1)),
        );
        save(
            Party::Me,
            Some(d(2026, 3, 31)),
            CommitmentStatus::Open,
            None,
        );
        save(Party::Me, None, CommitmentStatus::Done, Some(d(2026, 2, 1)));

        let today = d(2026, 2, 15);
        let facts = s.commitment_facts(Some(d(2026, 1, 1)), today).unwrap();
        assert_eq!(facts.len(), 5, "{facts:?}");
        assert_eq!(s.commitment_facts(None, today).unwrap().len(), 6);
        let k = keep_rate(&facts, today);
        assert_eq!(k.overall.me.kept, 2);
        assert_eq!(k.overall.me.late, 1);
        assert_eq!(k.overall.me.dropped, 1);
        assert_eq!(k.overall.mentor.open_overdue, 1);
        assert_eq!(k.months.len(), 3);
    }

    fn contact(s: &Store, mentor_id: i64, on: NaiveDate, initiative: Party) {
        s.save_contact(&Contact {
            id: 0,
            uuid: String::new(),
            mentor_id,
            on,
            channel: String::new(),
            initiative,
            note: String::new(),
            private: false,
        })
        .unwrap();
    }

    fn thanks(
        s: &Store,
        mentor: i64,
        meeting: Option<i64>,
        commitment: Option<i64>,
        on: NaiveDate,
    ) {
        s.save_gratitude(&Gratitude {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(mentor),
            meeting_id: meeting,
            commitment_id: commitment,
            on,
            what_for: "the intro".into(),
            sent: true,
            channel: String::new(),
            private: false,
        })
        .unwrap();
    }

    #[test]
    fn nudge_input_aggregates_per_mentor_and_recent_lists() {
        use crate::domain::nudges::{NudgeKind, nudges};
        let s = Store::open_in_memory().unwrap();
        let now = at(d(2026, 6, 15), 12, 0);
        let mut ana = Mentor::new("Ana");
        ana.status = MentorStatus::Active;
        ana.status_since = Some(d(2026, 1, 1));
        ana.cadence_days = Some(14);
        ana.review_on = Some(d(2026, 6, 15));
        let ana = s.save_mentor(&ana).unwrap();
        let mut cici = Mentor::new("Cici");
        cici.status = MentorStatus::Approached;
        cici.status_since = Some(d(2026, 6, 1));
        let cici = s.save_mentor(&cici).unwrap();
        let mut old = Mentor::new("Old");
        old.status = MentorStatus::Ended;
        s.save_mentor(&old).unwrap();

        contact(&s, ana, d(2026, 5, 20), Party::Me);
        contact(&s, ana, d(2026, 5, 25), Party::Mentor);
        contact(&s, ana, d(2026, 7, 1), Party::Me); // in the future: ignored
        contact(&s, cici, d(2026, 5, 30), Party::Mentor); // before the approach
        let held = meeting(&s, ana, at(d(2026, 5, 31), 23, 30), MeetingStatus::Held);
        let thanked = meeting(&s, ana, at(d(2026, 5, 20), 9, 0), MeetingStatus::Held);
        meeting(&s, ana, at(d(2026, 4, 1), 9, 0), MeetingStatus::Held); // outside the window
        thanks(&s, ana, Some(thanked), None, d(2026, 5, 21));
        let planned = meeting(&s, ana, at(d(2026, 6, 15), 11, 0), MeetingStatus::Planned);
        meeting(&s, ana, at(d(2026, 6, 15), 11, 45), MeetingStatus::Planned); // still running

        let fb = s
            .save_feedback(&feedback(Some(ana), d(2026, 5, 20), FeedbackStatus::Trying))
            .unwrap();
        let mut e = commitment(Party::Me, Some(d(2026, 6, 1)), None);
        e.feedback_id = Some(fb);
        e.result = "went well".into();
        e.status = CommitmentStatus::Done;
        let unreported = s.save_commitment(&e).unwrap();
        e.reported_on = Some(d(2026, 6, 10));
        let reported = s.save_commitment(&e).unwrap();
        e.reported_on = Some(d(2026, 6, 11));
        let reported_thanked = s.save_commitment(&e).unwrap();
        thanks(&s, ana, None, Some(reported_thanked), d(2026, 6, 12));
        e.result = String::new();
        e.reported_on = None;
        s.save_commitment(&e).unwrap(); // no result yet: not an experiment to nudge

        // The journal was started in January (its first rows say when they were written).
        s.conn
            .execute("UPDATE mentors SET created_at = '2026-01-01T12:00:00Z'", [])
            .unwrap();
        let input = s.nudge_input(now).unwrap();
        assert_eq!(input.mentors.len(), 2);
        let a = &input.mentors[0];
        assert_eq!(a.last_contact, Some(d(2026, 5, 25)));
        assert_eq!(a.last_contact_from_mentor, Some(d(2026, 5, 25)));
        assert_eq!(a.last_held_meeting, Some(d(2026, 5, 31)));
        assert_eq!(a.last_thanks, Some(d(2026, 6, 12)));
        assert_eq!(a.last_health_check, None);
        assert_eq!(input.held_meetings.len(), 2);
        assert_eq!(input.experiments.len(), 3);
        assert_eq!(input.planned_meetings.len(), 2);
        assert_eq!(input.last_reflection, None);
        assert_eq!(input.journal_started, Some(d(2026, 1, 1)));
        assert_eq!(
            Store::open_in_memory()
                .unwrap()
                .nudge_input(now)
                .unwrap()
                .journal_started,
            None
        );

        let out = nudges(&input, now);
        let got: Vec<_> = out
            .iter()
            .map(|n| (n.kind, n.mentor_id, n.meeting_id, n.commitment_id))
            .collect();
        assert_eq!(
            got,
            [
                (NudgeKind::Debrief, Some(ana), Some(planned), None),
                (NudgeKind::ThanksPending, Some(ana), Some(held), None),
                (
                    NudgeKind::ReportExperiment,
                    Some(ana),
                    None,
                    Some(unreported)
                ),
                (NudgeKind::NoContact, Some(ana), None, None),
                (NudgeKind::FollowUp, Some(cici), None, None),
                (NudgeKind::AgreementReview, Some(ana), None, None),
                (NudgeKind::HealthCheckDue, Some(ana), None, None),
                (
                    NudgeKind::ThankForExperiment,
                    Some(ana),
                    None,
                    Some(reported)
                ),
                (NudgeKind::ReflectionDue, None, None, None),
            ]
        );
    }

    #[test]
    fn figure_input_has_the_known_answers_of_a_hand_built_month() {
        use crate::domain::figures::{figures, period_bounds};
        use chrono::Weekday;
        let s = Store::open_in_memory().unwrap();
        let (start, end) = period_bounds(Period::Month, d(2026, 1, 15), Weekday::Mon);
        let today = d(2026, 2, 10);
        let ana = mentor(&s, "Ana", MentorStatus::Active);
        let budi = mentor(&s, "Budi", MentorStatus::Active);

        // Meetings: the 23:30 one on the last day counts; midnight of Feb 1 does not.
        let late = meeting(&s, ana, at(d(2026, 1, 31), 23, 30), MeetingStatus::Held);
        let early = meeting(&s, ana, at(d(2026, 1, 1), 0, 0), MeetingStatus::Held);
        meeting(&s, ana, at(d(2026, 1, 20), 9, 0), MeetingStatus::Cancelled);
        meeting(&s, budi, at(d(2026, 1, 10), 9, 0), MeetingStatus::Cancelled);
        let outside = meeting(&s, ana, at(d(2026, 2, 1), 0, 0), MeetingStatus::Held);
        meeting(&s, budi, at(d(2025, 12, 31), 23, 59), MeetingStatus::Held);
        agenda_item(&s, late, "a", true);
        agenda_item(&s, late, "b", false);
        agenda_item(&s, early, "c", true);
        agenda_item(&s, outside, "d", true);

        // Feedback: three in January, two acted on.
        for status in [
            FeedbackStatus::Open,
            FeedbackStatus::Trying,
            FeedbackStatus::Done,
        ] {
            s.save_feedback(&feedback(Some(ana), d(2026, 1, 31), status))
                .unwrap();
        }
        s.save_feedback(&feedback(Some(ana), d(2026, 2, 1), FeedbackStatus::Done))
            .unwrap();

        // Commitments made in January, judged on Feb 10.
        let save = |owner, due: Option<NaiveDate>, status, done_on, created_on| {
            let mut c = commitment(owner, due, Some(ana));
            c.status = status;
            c.done_on = done_on;
            c.created_on = created_on;
            s.save_commitment(&c).unwrap();
        };
        let jan = d(2026, 1, 5);
        save(
            Party::Me,
            Some(d(2026, 1, 20)),
            CommitmentStatus::Done,
            Some(d(2026, 1, 20)),
            jan,
        );
        save(
            Party::Me,
            Some(d(2026, 1, 20)),
            CommitmentStatus::Done,
            Some(d(2026, 1, 21)),
            jan,
        );
        save(
            Party::Me,
            Some(d(2026, 2, 9)),
            CommitmentStatus::Open,
            None,
            jan,
        ); // overdue
        save(
            Party::Me,
            Some(d(2026, 2, 10)),
            CommitmentStatus::Open,
            None,
            jan,
        ); // due today
        save(
            Party::Me,
            Some(d(2026, 1, 25)),
            CommitmentStatus::Dropped,
            None,
            d(2026, 1, 31),
        );
        save(
            Party::Me,
            None,
            CommitmentStatus::Done,
            Some(d(2026, 1, 9)),
            jan,
        );
        save(
            Party::Mentor,
            Some(d(2026, 1, 30)),
            CommitmentStatus::Done,
            Some(d(2026, 1, 29)),
            jan,
        );
        save(
            Party::Me,
            Some(d(2026, 1, 20)),
            CommitmentStatus::Done,
            Some(d(2026, 1, 2)),
            d(2025, 12, 31),
        );

        // Goal progress: 2 before the month, 4 then 5 within it; another only before.
        let mut talks = Goal::new("Talks");
        talks.baseline = Some(0.0);
        talks.target = Some(10.0);
        let talks = s.save_goal(&talks).unwrap();
        let quiet = s.save_goal(&Goal::new("Quiet")).unwrap();
        for (goal_id, on, value) in [
            (talks, d(2025, 12, 20), 2.0),
            (talks, d(2026, 1, 3), 4.0),
            (talks, d(2026, 1, 31), 5.0),
            (talks, d(2026, 2, 1), 9.0),
            (quiet, d(2025, 12, 20), 1.0),
        ] {
            s.save_progress(&ProgressUpdate {
                id: 0,
                uuid: String::new(),
                goal_id,
                on,
                value,
                note: String::new(),
            })
            .unwrap();
        }

        // Gratitude, contacts, health checks.
        thanks(&s, ana, Some(late), None, d(2026, 1, 31));
        let mut unsent = Gratitude {
            id: 0,
            uuid: String::new(),
            mentor_id: Some(budi),
            meeting_id: None,
            commitment_id: None,
            on: d(2026, 1, 2),
            what_for: "advice".into(),
            sent: false,
            channel: String::new(),
            private: false,
        };
        s.save_gratitude(&unsent).unwrap();
        unsent.on = d(2026, 2, 1);
        s.save_gratitude(&unsent).unwrap();
        contact(&s, ana, d(2026, 1, 1), Party::Me);
        contact(&s, ana, d(2026, 1, 12), Party::Me);
        contact(&s, budi, d(2026, 1, 31), Party::Me);
        contact(&s, budi, d(2026, 1, 31), Party::Mentor);
        contact(&s, budi, d(2026, 2, 1), Party::Mentor);
        let check = |mentor_id, on, ratings: Vec<(String, u8)>| {
            s.save_health_check(&HealthCheck {
                id: 0,
                uuid: String::new(),
                mentor_id,
                on,
                ratings,
                note: String::new(),
                private: false,
            })
            .unwrap();
        };
        check(
            ana,
            d(2026, 1, 10),
            vec![("progress".into(), 4), ("trust".into(), 5)],
        );
        check(
            ana,
            d(2026, 1, 31),
            vec![("progress".into(), 2), ("trust".into(), 3)],
        );
        check(ana, d(2026, 2, 1), vec![("progress".into(), 1)]);
        check(budi, d(2026, 1, 15), vec![]);

        let f = figures(&s.figure_input(start, end, today).unwrap());
        assert_eq!((f.start, f.end), (d(2026, 1, 1), d(2026, 2, 1)));
        let per_mentor: Vec<_> = f
            .meetings
            .iter()
            .map(|m| (m.name.as_str(), m.held, m.cancelled))
            .collect();
        assert_eq!(per_mentor, [("Ana", 2, 1), ("Budi", 0, 1)]);
        assert_eq!((f.meetings_held, f.meetings_cancelled), (2, 2));
        assert_eq!((f.agenda_items, f.agenda_discussed), (3, 2));
        assert_eq!((f.feedback_received, f.feedback_acted_on), (3, 2));

        let me = f.my_commitments;
        assert_eq!((me.made, me.kept, me.late), (6, 1, 1));
        assert_eq!((me.open, me.open_overdue, me.dropped), (2, 1, 1));
        assert_eq!(f.my_keep_rate, Some(0.25));
        assert_eq!(f.mentor_commitments.made, 1);
        assert_eq!(f.mentor_keep_rate, Some(1.0));

        assert_eq!(f.goals.len(), 1);
        let g = &f.goals[0];
        assert_eq!((g.from, g.to, g.change, g.updates), (2.0, 5.0, 3.0, 2));
        assert_eq!(g.progress_to, Some(0.5));

        assert_eq!((f.gratitude_noted, f.gratitude_sent), (2, 1));
        assert_eq!((f.contacts, f.contacts_i_initiated), (4, 3));
        assert_eq!(f.initiative_share, Some(0.75));
        let health: Vec<_> = f
            .health
            .iter()
            .map(|h| (h.name.as_str(), h.checks, h.average))
            .collect();
        assert_eq!(health, [("Ana", 2, Some(3.5)), ("Budi", 1, None)]);
    }
}
