//! The nudges of some kinds a window at a time, with the true count of each kind
//! ([`Store::nudge_page`]), so that a view listing hundreds of nudges (Gratitude) reads only
//! the ones on screen.
//!
//! For the kinds listed here, SQL selects the facts the rule fires on, in the order the rule
//! sorts its nudges (`since`, then the mentor, then the record), and counts them; the nudges
//! themselves are still made by the domain ([`nudges`]) from those facts, so the SQL only
//! chooses which facts and in what order. A kind not listed here is read as before: its parts
//! of the input ([`NudgeKind::sources`], each cut at the store's limit) and the rules over
//! them. `tests/nudge_pages.rs` checks that every window and every count equals the rules
//! over the whole journal's input ([`Store::nudge_input_whole`]).

use std::cell::RefCell;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{Row, params_from_iter};

use super::sql::{day_column, day_number};
use super::window::{Page, Walk, Window, paged};
use super::{Result, Store};
use crate::domain::MentorStatus;
use crate::domain::kinds::{ResourceKind, ResourceStatus};
use crate::domain::nudges::{
    ExperimentFacts, HeldMeetingFacts, MentorFacts, Nudge, NudgeInput, NudgeKind,
    SEND_THANKS_AFTER_DAYS, THANK_MENTOR_EVERY_DAYS, THANKS_WINDOW_DAYS, WrittenThanksFacts,
    nudges, sources,
};
use crate::domain::resources::ResourceRef;

/// How one kind's facts are selected: the columns, the rest of the statement after them
/// (`FROM … WHERE …`, binding exactly `?1` and `?2`), the rule's order, and how a row adds
/// its facts to an input.
struct KindQuery {
    columns: &'static str,
    from: String,
    order: &'static str,
    params: [Value; 2],
    add: fn(&Row<'_>, &mut NudgeInput) -> rusqlite::Result<()>,
}

/// The query of `kind` at `now`, for the kinds whose rule SQL can say exactly.
fn query(kind: NudgeKind, now: NaiveDateTime) -> Option<KindQuery> {
    let today = now.date();
    let day = |d: NaiveDate| Value::Text(d.to_string());
    let window_start = day(today - Duration::days(THANKS_WINDOW_DAYS));
    Some(match kind {
        // A held meeting of the last 30 days (today included) with no thanks linked to it.
        NudgeKind::ThanksPending => KindQuery {
            columns: "m.id, m.mentor_id, substr(m.starts_at, 1, 10)",
            from: "FROM meetings m
                WHERE m.status = 'held' AND m.starts_at >= ?1 AND m.starts_at < ?2
                  AND NOT EXISTS (SELECT 1 FROM gratitude g WHERE g.meeting_id = m.id)"
                .into(),
            order: "substr(m.starts_at, 1, 10), m.mentor_id, m.id",
            params: [window_start, day(today + Duration::days(1))],
            add: |r, input| {
                input.held_meetings.push(HeldMeetingFacts {
                    id: r.get(0)?,
                    mentor_id: r.get(1)?,
                    on: r.get(2)?,
                    thanked: false,
                });
                Ok(())
            },
        },
        // A thanks not sent, dated a week ago or earlier.
        NudgeKind::SendThanks => KindQuery {
            columns: "id, mentor_id, on_date",
            from: "FROM gratitude INDEXED BY gratitude_unsent
                WHERE sent = 0 AND on_date <= ?1 AND ?2 IS ?2"
                .into(),
            order: "on_date, mentor_id, id",
            params: [
                day(today - Duration::days(SEND_THANKS_AFTER_DAYS)),
                Value::Null,
            ],
            add: |r, input| {
                input.unsent_thanks.push(WrittenThanksFacts {
                    gratitude_id: r.get(0)?,
                    mentor_id: r.get(1)?,
                    on: r.get(2)?,
                    sent: false,
                });
                Ok(())
            },
        },
        // An experiment reported in the last 30 days (or dated ahead) and not thanked.
        NudgeKind::ThankForExperiment => KindQuery {
            columns: "c.id, coalesce(c.mentor_id, f.mentor_id), c.reported_on",
            from: "FROM commitments c INDEXED BY commitments_reported_experiments
                LEFT JOIN feedback f ON f.id = c.feedback_id
                WHERE c.feedback_id IS NOT NULL AND c.result != '' AND c.status != 'dropped'
                  AND c.reported_on >= ?1 AND ?2 IS ?2
                  AND NOT EXISTS (SELECT 1 FROM gratitude g WHERE g.commitment_id = c.id)"
                .into(),
            order: "c.reported_on, coalesce(c.mentor_id, f.mentor_id), c.id",
            params: [window_start, Value::Null],
            add: |r, input| {
                input.experiments.push(ExperimentFacts {
                    commitment_id: r.get(0)?,
                    mentor_id: r.get(1)?,
                    reported_on: r.get(2)?,
                    thanked: false,
                });
                Ok(())
            },
        },
        // A person a mentor introduced, marked done, with no thanks linked to it.
        NudgeKind::ThankForIntroduction => KindQuery {
            columns: "r.id, r.mentor_id, r.done_on",
            from: "FROM resources r INDEXED BY resources_introductions
                WHERE r.kind = 'person' AND r.status = 'done' AND r.mentor_id IS NOT NULL
                  AND ?1 IS ?1 AND ?2 IS ?2
                  AND NOT EXISTS (SELECT 1 FROM gratitude t WHERE t.resource_id = r.id)"
                .into(),
            order: "r.done_on, r.mentor_id, r.id",
            params: [Value::Null, Value::Null],
            // The fields the rule reads (`ResourceRef::introduction_to_thank`, the day, the
            // mentor); the nudge names the introduction by its id.
            add: |r, input| {
                input.introductions.push(ResourceRef {
                    id: r.get(0)?,
                    kind: ResourceKind::Person,
                    title: String::new(),
                    status: ResourceStatus::Done,
                    mentor_id: r.get(1)?,
                    goal_id: None,
                    done_on: r.get(2)?,
                    thanked: false,
                    private: false,
                });
                Ok(())
            },
        },
        // An active mentor whose last thanks (up to today; a thanks dated ahead is looked up
        // again, as `Store::mentor_facts` does), or else the day they became active, is more
        // than six weeks ago, or who has neither.
        NudgeKind::MentorNotThanked => KindQuery {
            columns: "id, status_since, thanks",
            from: format!(
                "FROM (SELECT s.mentor_id AS id, s.status_since,
                        CASE WHEN s.last_thanks > ?1 THEN (SELECT unixepoch(max(on_date)) / 86400
                            FROM gratitude WHERE mentor_id = s.mentor_id AND on_date <= ?2)
                        ELSE s.last_thanks END AS thanks
                    FROM mentor_summary s INDEXED BY mentor_summary_by_status
                    WHERE s.status = 'active')
                WHERE coalesce(thanks, status_since) IS NULL
                   OR ?1 - coalesce(thanks, status_since) > {THANK_MENTOR_EVERY_DAYS}"
            ),
            order: "coalesce(thanks, status_since), id",
            params: [Value::Integer(day_number(today)), day(today)],
            // The fields the rule reads; the other kinds of these facts are left out below.
            add: |r, input| {
                input.mentors.push(MentorFacts {
                    id: r.get(0)?,
                    status: MentorStatus::Active,
                    status_since: day_column(r, 1)?,
                    cadence_days: None,
                    review_on: None,
                    last_contact: None,
                    last_contact_from_mentor: None,
                    last_held_meeting: None,
                    last_planned_meeting: None,
                    last_thanks: day_column(r, 2)?,
                    last_health_check: None,
                });
                Ok(())
            },
        },
        _ => return None,
    })
}

impl Store {
    /// A window of the nudges of `kinds` at `now`, in the order [`nudges`] gives them (kind
    /// by kind in `kinds`' order, which should be the priority order), with how many there
    /// are in all. The kinds [`query`] knows are counted and read a window at a time, every
    /// one of them (no limit); the others come from their parts of the input as
    /// [`Store::nudge_input_of`] reads them, with default settings.
    pub fn nudge_page(
        &self,
        now: NaiveDateTime,
        kinds: &[NudgeKind],
        window: Window,
    ) -> Result<Page<Nudge>> {
        // The kinds without a query, read whole from their parts once, when first asked for.
        let whole: RefCell<Vec<Option<Vec<Nudge>>>> = RefCell::new(vec![None; kinds.len()]);
        let of_parts = |i: usize| -> Result<Vec<Nudge>> {
            if let Some(all) = &whole.borrow()[i] {
                return Ok(all.clone());
            }
            let input = self.nudge_input_of(now, &sources(&kinds[i..=i]))?;
            let all: Vec<Nudge> = nudges(&input, now)
                .into_iter()
                .filter(|n| n.kind == kinds[i])
                .collect();
            whole.borrow_mut()[i] = Some(all.clone());
            Ok(all)
        };
        let queries: Vec<Option<KindQuery>> = kinds.iter().map(|k| query(*k, now)).collect();
        let count = |i: usize| -> Result<usize> {
            match &queries[i] {
                Some(q) => {
                    let sql = format!("SELECT count(*) {}", q.from);
                    self.count_of(&sql, params_from_iter(q.params.iter()))
                }
                None => Ok(of_parts(i)?.len()),
            }
        };
        let run = |i: usize, walk: Walk| -> Result<Vec<Nudge>> {
            // In the walk's order (`paged` turns a reverse walk around); the rules give a
            // kind's nudges in the kind's order.
            let mut out = match &queries[i] {
                Some(q) => self.run_kind(kinds[i], q, now, walk)?,
                None => {
                    let mut all = of_parts(i)?;
                    if walk.reverse {
                        all.reverse();
                    }
                    all.drain(..walk.offset.min(all.len()));
                    all.truncate(walk.limit);
                    return Ok(all);
                }
            };
            if walk.reverse {
                out.reverse();
            }
            Ok(out)
        };
        paged(window, kinds.len(), true, count, run)
    }

    /// One walk of `kind`'s facts, made into nudges by the rules (in the rules' order).
    fn run_kind(
        &self,
        kind: NudgeKind,
        q: &KindQuery,
        now: NaiveDateTime,
        walk: Walk,
    ) -> Result<Vec<Nudge>> {
        let sql = format!(
            "SELECT {} {} ORDER BY {} LIMIT ?3 OFFSET ?4",
            q.columns,
            q.from,
            walk.order(q.order)
        );
        let (limit, offset) = walk.bounds();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let bound = q
            .params
            .iter()
            .cloned()
            .chain([Value::Integer(limit), Value::Integer(offset)]);
        let mut rows = stmt.query(params_from_iter(bound))?;
        let mut input = NudgeInput::default();
        while let Some(row) = rows.next()? {
            (q.add)(row, &mut input)?;
        }
        Ok(nudges(&input, now)
            .into_iter()
            .filter(|n| n.kind == kind)
            .collect())
    }
}
