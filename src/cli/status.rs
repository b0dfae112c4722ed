//! `mentee status`: a few lines for a shell greeting — the next meeting with its countdown and
//! agenda readiness, the overdue commitments, and the top three nudges. When nothing needs
//! attention it prints exactly one line saying so.
//!
//! Every query is bounded (an index lookup, a count over an index range, the per-mentor
//! aggregates of [`Store::nudge_input`]), so it stays fast on a large journal.

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDateTime;

use super::fmt::{countdown, date, date_time};
use super::{CliError, Context};
use crate::domain::AgendaReadiness;
use crate::domain::nudges::{Nudge, NudgeKind, NudgeSettings, nudges};
use crate::domain::text::clean_line;
use crate::i18n::{Label, fill};
use crate::store::{MeetingSummary, Store};

/// How many nudges the greeting shows.
const TOP_NUDGES: usize = 3;

/// Prints the greeting.
pub fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), CliError> {
    let store = ctx.open_store()?;
    for line in lines(&store, ctx)? {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The greeting's lines (never empty).
pub fn lines(store: &Store, ctx: &Context) -> Result<Vec<String>, CliError> {
    let text = &ctx.lang.text().cli;
    if store.is_empty()? {
        return Ok(vec![text.status_empty.to_string()]);
    }
    let now = ctx.clock.now();
    let mut out = Vec::new();
    if let Some(next) = store.upcoming_meetings(now, 1)?.into_iter().next() {
        out.push(meeting_line(ctx, now, &next));
    }
    let (mine, theirs) = store.overdue_counts(now.date())?;
    if mine + theirs > 0 {
        out.push(fill!(text.status_overdue, mine = mine, theirs = theirs));
    }
    let mut input = store.nudge_input(now)?;
    input.settings = NudgeSettings {
        reflection_cadence: ctx.config.reflection_cadence,
        health_check_days: ctx.config.health_check_days,
    };
    let mut names = MentorNames::new(store);
    let mut shown = 0;
    for nudge in nudges(&input, now) {
        let line = nudge_line(ctx, &mut names, &nudge)?;
        // Two nudges can read the same (e.g. two meetings on one day): say it once.
        if !out.contains(&line) {
            out.push(line);
            shown += 1;
        }
        if shown == TOP_NUDGES {
            break;
        }
    }
    if out.is_empty() {
        out.push(text.status_all_clear.to_string());
    }
    Ok(out)
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
        when = date_time(&ctx.config, m.starts_at),
        countdown = countdown(&t.cli, now, m.starts_at),
        agenda = agenda
    )
}

/// Mentor names looked up once each (a nudge names at most one mentor).
struct MentorNames<'a> {
    store: &'a Store,
    cache: HashMap<i64, String>,
}

impl<'a> MentorNames<'a> {
    fn new(store: &'a Store) -> Self {
        MentorNames {
            store,
            cache: HashMap::new(),
        }
    }

    fn get(&mut self, id: Option<i64>, fallback: &str) -> Result<String, CliError> {
        let Some(id) = id else {
            return Ok(fallback.to_string());
        };
        if let Some(name) = self.cache.get(&id) {
            return Ok(name.clone());
        }
        let name = clean_line(&self.store.mentor(id)?.name).into_owned();
        self.cache.insert(id, name.clone());
        Ok(name)
    }
}

/// Longest experiment text quoted in a nudge, in characters.
const QUOTE_CHARS: usize = 60;

/// The (shortened) text of the experiment a nudge is about.
fn experiment(names: &MentorNames, n: &Nudge) -> Result<String, CliError> {
    let Some(id) = n.commitment_id else {
        return Ok(String::new());
    };
    let text = names.store.commitment(id)?.text;
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
    let since = n.since.map(|d| date(&ctx.config, d)).unwrap_or_default();
    let experiment = match n.kind {
        NudgeKind::ReportExperiment | NudgeKind::ThankForExperiment => experiment(names, n)?,
        _ => String::new(),
    };
    let period = ctx.config.reflection_cadence.label(&t.labels);
    Ok(t.nudges.sentence(n, &who, &since, &experiment, period))
}
