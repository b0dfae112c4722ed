//! `mentee status [--format text|json]`: a few lines for a shell greeting — the next meeting
//! with its countdown and agenda readiness, the overdue commitments, and the top three nudges.
//! When nothing needs attention it prints exactly one line saying so. `--format json` gives
//! the same facts as one object (shape `mentee-status`, documented in `docs/json-output.md`),
//! with every nudge rather than the top three.
//!
//! A greeting shows in every new terminal, shared screens included: like Ctrl-P in the app
//! (`domain::privacy`), it names a private mentor "(private mentor)" and hides the text of
//! a private experiment, unless `--include-private` is given.
//!
//! Every query is bounded (an index lookup, a count over an index range, the per-mentor
//! aggregates of [`Store::nudge_input`]), so it stays fast on a large journal.

use crate::domain::figures::{last_day, previous_period_bounds};
use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDateTime;

use serde::Serialize;

use super::fmt::{TextFormat, countdown, date, date_time, json};
use super::{CliError, Context};
use crate::domain::AgendaReadiness;
use crate::domain::nudges::{Nudge, NudgeKind, NudgeSettings, nudges};
use crate::domain::privacy::{Masking, Privacy};
use crate::domain::text::clean_line;
use crate::i18n::{Label, fill};
use crate::store::{MeetingSummary, Store};

/// How many nudges the greeting shows.
const TOP_NUDGES: usize = 3;

/// Prints the greeting, as lines or as the documented JSON object.
pub fn run(
    ctx: &Context,
    format: TextFormat,
    include_private: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = ctx.open_store()?;
    let masking = Masking {
        hide: !include_private,
    };
    let facts = gather(&store, ctx, format == TextFormat::Json, masking)?;
    match format {
        TextFormat::Text => {
            for line in lines(ctx, &facts) {
                writeln!(out, "{line}")?;
            }
        }
        TextFormat::Json => out.write_all(json(&to_json(ctx, &facts)).as_bytes())?,
    }
    Ok(())
}

/// What the greeting is made of, read once from the journal.
struct Facts {
    empty: bool,
    next: Option<MeetingSummary>,
    /// Overdue commitments: mine, my mentors'.
    overdue: (u32, u32),
    /// The nudges in order of priority, each with its mentor's name and its sentence; those
    /// reading like an earlier one are left out.
    nudges: Vec<(Nudge, Option<String>, String)>,
}

/// Reads the facts: every nudge when `all`, else enough for the greeting's top three.
fn gather(store: &Store, ctx: &Context, all: bool, masking: Masking) -> Result<Facts, CliError> {
    let now = ctx.clock.now();
    let mut facts = Facts {
        empty: store.is_empty()?,
        next: None,
        overdue: (0, 0),
        nudges: Vec::new(),
    };
    if facts.empty {
        return Ok(facts);
    }
    facts.next = store.upcoming_meetings(now, 1)?.into_iter().next();
    if let Some(next) = &mut facts.next
        && masking.mentor_name(next.mentor_private).is_some()
    {
        next.mentor_name = ctx.lang.text().common.hidden_name.to_string();
    }
    facts.overdue = store.overdue_counts(now.date())?;
    let settings = NudgeSettings {
        reflection_cadence: ctx.config.reflection_cadence,
        health_check_days: ctx.config.health_check_days,
        week_start: ctx.config.week_start,
    };
    let mut names = MentorNames::new(store, masking, ctx.lang.text().common.hidden_name);
    if all {
        // Every nudge means every row of every part, not the first hundred of a list.
        let mut input = store.nudge_input_whole(now)?;
        input.settings = settings;
        add_nudges(ctx, &mut names, &mut facts, nudges(&input, now), usize::MAX)?;
        return Ok(facts);
    }
    // The greeting's top three: only the nudges that can be among them are read
    // (Store::top_nudges), more when some read like an earlier one.
    let mut asked = TOP_NUDGES;
    loop {
        let top = store.top_nudges(now, settings, asked)?;
        let exhausted = top.len() < asked;
        facts.nudges.clear();
        add_nudges(ctx, &mut names, &mut facts, top, TOP_NUDGES)?;
        if exhausted || facts.nudges.len() == TOP_NUDGES {
            return Ok(facts);
        }
        asked *= 2;
    }
}

/// Adds `found` to the facts' nudges in order, each with its mentor's name and its sentence,
/// leaving out one that reads like an earlier one, until there are `limit`.
fn add_nudges(
    ctx: &Context,
    names: &mut MentorNames,
    facts: &mut Facts,
    found: Vec<Nudge>,
    limit: usize,
) -> Result<(), CliError> {
    for nudge in found {
        let line = nudge_line(ctx, names, &nudge)?;
        // Two nudges can read the same (e.g. two meetings on one day): say it once.
        if facts.nudges.iter().any(|(_, _, l)| *l == line) {
            continue;
        }
        let mentor = match nudge.mentor_id {
            Some(id) => Some(names.get(Some(id), "")?),
            None => None,
        };
        facts.nudges.push((nudge, mentor, line));
        if facts.nudges.len() == limit {
            break;
        }
    }
    Ok(())
}

/// The greeting's lines (never empty).
fn lines(ctx: &Context, facts: &Facts) -> Vec<String> {
    let text = &ctx.lang.text().cli;
    if facts.empty {
        return vec![text.status_empty.to_string()];
    }
    let now = ctx.clock.now();
    let mut out = Vec::new();
    if let Some(next) = &facts.next {
        out.push(meeting_line(ctx, now, next));
    }
    let (mine, theirs) = facts.overdue;
    if mine + theirs > 0 {
        out.push(fill!(text.status_overdue, mine = mine, theirs = theirs));
    }
    out.extend(
        facts
            .nudges
            .iter()
            .take(TOP_NUDGES)
            .map(|(_, _, line)| line.clone()),
    );
    if out.is_empty() {
        out.push(text.status_all_clear.to_string());
    }
    out
}

/// The documented `mentee-status` object (keys in the documented order).
#[derive(Serialize)]
struct StatusJson {
    format: &'static str,
    version: u32,
    empty: bool,
    next_meeting: Option<NextMeetingJson>,
    overdue: OverdueJson,
    nudges: Vec<NudgeJson>,
    lines: Vec<String>,
}

#[derive(Serialize)]
struct NextMeetingJson {
    meeting: String,
    id: i64,
    mentor: String,
    starts_at: String,
    minutes: u32,
    minutes_until: i64,
    readiness: &'static str,
    items: u32,
    planned_minutes: u32,
}

#[derive(Serialize)]
struct OverdueJson {
    mine: u32,
    mentors: u32,
}

#[derive(Serialize)]
struct NudgeJson {
    kind: &'static str,
    mentor: Option<String>,
    since: Option<String>,
    days: Option<i64>,
    text: String,
}

fn to_json(ctx: &Context, facts: &Facts) -> StatusJson {
    let now = ctx.clock.now();
    StatusJson {
        format: "mentee-status",
        version: 1,
        empty: facts.empty,
        next_meeting: facts.next.as_ref().map(|next| NextMeetingJson {
            meeting: next.meeting.uuid.clone(),
            id: next.meeting.id,
            mentor: clean_line(&next.mentor_name).into_owned(),
            starts_at: next.meeting.starts_at.format("%Y-%m-%dT%H:%M").to_string(),
            minutes: next.meeting.minutes,
            minutes_until: (next.meeting.starts_at - now).num_minutes().max(0),
            readiness: next.readiness.code(),
            items: next.items,
            planned_minutes: next.planned_minutes,
        }),
        overdue: OverdueJson {
            mine: facts.overdue.0,
            mentors: facts.overdue.1,
        },
        nudges: facts
            .nudges
            .iter()
            .map(|(n, mentor, text)| NudgeJson {
                kind: nudge_code(n.kind),
                mentor: mentor.clone(),
                since: n.since.map(|d| d.format("%Y-%m-%d").to_string()),
                days: n.days,
                text: text.clone(),
            })
            .collect(),
        lines: lines(ctx, facts),
    }
}

/// The stable code of a nudge kind in the JSON (a new kind must be given one here).
fn nudge_code(kind: NudgeKind) -> &'static str {
    match kind {
        NudgeKind::Debrief => "debrief",
        NudgeKind::ThanksPending => "thanks_pending",
        NudgeKind::SendThanks => "send_thanks",
        NudgeKind::ReportExperiment => "report_experiment",
        NudgeKind::SlippingRelationship => "slipping_relationship",
        NudgeKind::PlanMeeting => "plan_meeting",
        NudgeKind::NoContact => "no_contact",
        NudgeKind::FollowUp => "follow_up",
        NudgeKind::AgreementReview => "agreement_review",
        NudgeKind::HealthCheckDue => "health_check_due",
        NudgeKind::ThankForExperiment => "thank_for_experiment",
        NudgeKind::ThankForIntroduction => "thank_for_introduction",
        NudgeKind::MentorNotThanked => "mentor_not_thanked",
        NudgeKind::ReflectionDue => "reflection_due",
    }
}

fn meeting_line(ctx: &Context, now: NaiveDateTime, next: &MeetingSummary) -> String {
    let t = ctx.lang.text();
    let m = &next.meeting;
    let readiness = next.readiness.label(&t.labels);
    let agenda = if next.readiness == AgendaReadiness::None {
        readiness.to_string()
    } else {
        let figures = fill!(
            t.today.items_minutes,
            items = next.items,
            planned = next.planned_minutes,
            minutes = m.minutes
        );
        format!("{readiness} ({figures})")
    };
    fill!(
        t.cli.status_next_meeting,
        mentor = clean_line(&next.mentor_name),
        when = date_time(ctx, m.starts_at),
        countdown = countdown(&t.cli, now, m.starts_at),
        agenda = agenda
    )
}

/// Mentor names looked up once each (a nudge names at most one mentor).
/// A private mentor's name is `hidden` while `masking` hides private text.
struct MentorNames<'a> {
    store: &'a Store,
    cache: HashMap<i64, String>,
    masking: Masking,
    hidden: &'static str,
}

impl<'a> MentorNames<'a> {
    fn new(store: &'a Store, masking: Masking, hidden: &'static str) -> Self {
        MentorNames {
            store,
            cache: HashMap::new(),
            masking,
            hidden,
        }
    }

    fn get(&mut self, id: Option<i64>, fallback: &str) -> Result<String, CliError> {
        let Some(id) = id else {
            return Ok(fallback.to_string());
        };
        if let Some(name) = self.cache.get(&id) {
            return Ok(name.clone());
        }
        let mentor = self.store.mentor(id)?;
        let name = match self.masking.mentor_name(mentor.private) {
            Some(_) => self.hidden.to_string(),
            None => clean_line(&mentor.name).into_owned(),
        };
        self.cache.insert(id, name.clone());
        Ok(name)
    }
}

/// Longest experiment text quoted in a nudge, in characters.
const QUOTE_CHARS: usize = 60;

/// The (shortened) text of the experiment a nudge is about (hidden when it is private).
fn experiment(names: &MentorNames, n: &Nudge, hidden: &str) -> Result<String, CliError> {
    let Some(id) = n.commitment_id else {
        return Ok(String::new());
    };
    let commitment = names.store.commitment(id)?;
    let mentor_private = match commitment.mentor_id {
        Some(m) => names.store.mentor(m)?.private,
        None => false,
    };
    let privacy = Privacy::own(commitment.private).mentor(mentor_private);
    if names.masking.text(privacy).is_some() {
        return Ok(hidden.to_string());
    }
    let text = commitment.text;
    let text = clean_line(text.trim());
    Ok(if text.chars().count() > QUOTE_CHARS {
        let cut: String = text.chars().take(QUOTE_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        text.into_owned()
    })
}

fn nudge_line(ctx: &Context, names: &mut MentorNames, n: &Nudge) -> Result<String, CliError> {
    let t = ctx.lang.text();
    let who = names.get(n.mentor_id, t.nudges.your_mentor)?;
    let since = n.since.map(|d| date(ctx, d)).unwrap_or_default();
    let experiment = match n.kind {
        NudgeKind::ReportExperiment | NudgeKind::ThankForExperiment => {
            experiment(names, n, t.common.hidden_text)?
        }
        NudgeKind::ThankForIntroduction => match n.resource_id {
            Some(id) => {
                let resource = names.store.resource(id)?;
                let mentor_private = match resource.mentor_id {
                    Some(m) => names.store.mentor(m)?.private,
                    None => false,
                };
                let privacy = Privacy::own(resource.private).mentor(mentor_private);
                match names.masking.text(privacy) {
                    Some(_) => t.common.hidden_text.to_string(),
                    None => clean_line(resource.title.trim()).into_owned(),
                }
            }
            None => String::new(),
        },
        _ => String::new(),
    };
    let cadence = ctx.config.reflection_cadence;
    let (start, end) = previous_period_bounds(cadence, ctx.clock.today(), ctx.config.week_start);
    let range = format!("{} – {}", date(ctx, start), date(ctx, last_day(end)));
    let period = (cadence.label(&t.labels), range.as_str());
    Ok(t.nudges.sentence(n, &who, &since, &experiment, period))
}
