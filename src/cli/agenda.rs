//! `mentee agenda [--meeting MEETING] [--format md|json] [--include-private]`: the agenda of the next
//! planned meeting (or of the given one), as Markdown ready to paste into an email to the mentor,
//! or as JSON for scripts.
//!
//! The meeting may be given by its day (`2026-11-29`, `tomorrow`, `friday`: the one meeting
//! that day), its mentor's name or part of it (the next meeting planned with them, else the
//! latest), its number (row id) or its UUID.
//! Private agenda items are left out unless `--include-private` is given; the time box counts
//! the items printed.
//!
//! The JSON object (the reference is `docs/json-output.md`; keys are stable and not
//! translated; text is neutralised like the screen's):
//!
//! ```json
//! {
//!   "format": "mentee-agenda", "version": 1,
//!   "meeting": "<uuid>", "id": 4, "mentor": "Daniel Okafor",
//!   "starts_at": "2026-11-29T16:00", "minutes": 45, "status": "planned",
//!   "channel": "video call", "readiness": "draft",
//!   "planned_minutes": 25, "over_by": 0,
//!   "items": [
//!     { "kind": "topic", "text": "…", "outcome": "…", "minutes": 20, "discussed": false }
//!   ]
//! }
//! ```
//! `minutes` of an item is `null` when no time is set; `outcome` is `""` when none is given;
//! `over_by` is how many minutes the items exceed the meeting's length (0 when they fit).

use std::io::Write;

use serde::Serialize;

use super::fmt::{Format, date_time};
use super::{CliError, Context};
use crate::domain::dates::parse_date;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{AgendaItem, AgendaReadiness, Meeting, TimeBox};
use crate::i18n::{Label, fill};
use crate::store::Store;

/// What the command was asked for.
#[derive(Debug, Clone, Default)]
pub struct AgendaArgs {
    pub meeting: Option<String>,
    pub format: Format,
    pub include_private: bool,
}

/// A meeting with what the agenda prints.
struct Agenda {
    meeting: Meeting,
    mentor: String,
    items: Vec<AgendaItem>,
}

impl Agenda {
    /// The time box of the items printed.
    fn time_box(&self) -> TimeBox {
        TimeBox::of(&self.items, self.meeting.minutes)
    }

    fn readiness(&self) -> AgendaReadiness {
        AgendaReadiness::of(self.items.len(), self.meeting.agenda_ready)
    }
}

/// Prints the agenda; a missing meeting is an error (non-zero exit).
pub fn run(ctx: &Context, args: &AgendaArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let store = ctx.open_store()?;
    let agenda = load(&store, ctx, args)?;
    let text = match args.format {
        Format::Md => markdown(ctx, &agenda),
        Format::Json => to_json(&agenda),
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

fn load(store: &Store, ctx: &Context, args: &AgendaArgs) -> Result<Agenda, CliError> {
    let text = &ctx.lang.text().cli;
    let meeting = match &args.meeting {
        Some(given) => store.meeting(meant_meeting(store, ctx, given)?)?,
        None => match store
            .upcoming_meetings(ctx.clock.now(), 1)?
            .into_iter()
            .next()
        {
            Some(summary) => summary.meeting,
            None => return Err(CliError::Message(text.agenda_no_upcoming.to_string())),
        },
    };
    let mentor = store.mentor(meeting.mentor_id)?.name;
    let items = store
        .agenda_of(meeting.id)?
        .into_iter()
        .filter(|i| args.include_private || !i.private)
        .collect();
    Ok(Agenda {
        meeting,
        mentor,
        items,
    })
}

/// The meeting `given` names: its number, its day (`2026-11-29`, `tomorrow`, `friday`), its
/// mentor's name (the next meeting planned with them, else the latest) or its UUID.
fn meant_meeting(store: &Store, ctx: &Context, given: &str) -> Result<i64, CliError> {
    let text = &ctx.lang.text().cli;
    let shown = clean_line(given.trim()).into_owned();
    let message = |m: String| Err(CliError::Message(m));
    let unknown = || message(fill!(text.agenda_unknown_meeting, meeting = shown.as_str()));
    let given = given.trim();
    if let Ok(id) = given.parse::<i64>() {
        return match store.meeting(id) {
            Ok(m) => Ok(m.id),
            Err(crate::store::StoreError::NotFound { .. }) => unknown(),
            Err(e) => Err(e.into()),
        };
    }
    let now = ctx.clock.now();
    if let Ok(day) = parse_date(given, now.date()) {
        let on_day = store.meetings_on(day, 10)?;
        return match on_day.as_slice() {
            [] => message(fill!(text.agenda_none_on_day, date = day)),
            [one] => Ok(one.meeting.id),
            several => {
                let list: Vec<String> = several
                    .iter()
                    .map(|s| {
                        fill!(
                            text.agenda_meeting_choice,
                            id = s.meeting.id,
                            mentor = clean_line(&s.mentor_name),
                            time = s.meeting.starts_at.format("%H:%M")
                        )
                    })
                    .collect();
                message(fill!(
                    text.agenda_several_on_day,
                    date = day,
                    meetings = list.join(", ")
                ))
            }
        };
    }
    if let Some(id) = store.meeting_id_by_uuid(given)? {
        return Ok(id);
    }
    match super::add::match_name(given, &store.mentor_names()?) {
        super::add::NameMatch::Unknown => unknown(),
        super::add::NameMatch::One(id, name) => match store.meeting_with(id, now)? {
            Some(id) => Ok(id),
            None => message(fill!(text.agenda_none_with, name = clean_line(&name))),
        },
        super::add::NameMatch::Ambiguous(several) => {
            let names: Vec<String> = several.iter().map(|n| clean_line(n).into_owned()).collect();
            message(fill!(
                text.agenda_several_mentors,
                name = shown.as_str(),
                names = names.join(", ")
            ))
        }
    }
}

fn markdown(ctx: &Context, agenda: &Agenda) -> String {
    let t = ctx.lang.text();
    let c = &t.cli;
    let m = &agenda.meeting;
    let mut out = String::new();
    let heading = fill!(
        c.agenda_heading,
        mentor = clean_line(&agenda.mentor),
        when = date_time(ctx, m.starts_at),
        minutes = m.minutes
    );
    out.push_str(&format!("# {heading}\n\n"));
    if !m.channel.trim().is_empty() {
        out.push_str(&fill!(c.agenda_channel, channel = clean_line(&m.channel)));
        out.push_str("\n\n");
    }
    if agenda.items.is_empty() {
        out.push_str(c.agenda_empty);
        out.push_str("\n\n");
    }
    for (n, item) in agenda.items.iter().enumerate() {
        let minutes = match item.minutes {
            Some(min) => fill!(t.common.minutes_short, minutes = min),
            None => c.agenda_no_minutes.to_string(),
        };
        let tick = if item.discussed {
            format!(", {}", c.agenda_discussed)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{}. **{}** ({minutes}{tick}): {}\n",
            n + 1,
            item.kind.label(&t.labels),
            clean_line(&item.text)
        ));
        if !item.outcome.trim().is_empty() {
            let outcome = fill!(c.agenda_outcome, outcome = clean_line(&item.outcome));
            out.push_str(&format!("   - {outcome}\n"));
        }
    }
    if !agenda.items.is_empty() {
        out.push('\n');
    }
    let time_box = agenda.time_box();
    let line = match time_box.over() {
        Some(over) => fill!(
            c.agenda_timebox_over,
            planned = time_box.planned,
            minutes = m.minutes,
            over = over
        ),
        None => fill!(
            c.agenda_timebox,
            planned = time_box.planned,
            minutes = m.minutes
        ),
    };
    out.push_str(&line);
    out.push('\n');
    out
}

/// The documented JSON object (field order as documented above).
#[derive(Serialize)]
struct AgendaJson<'a> {
    format: &'static str,
    version: u32,
    meeting: &'a str,
    id: i64,
    mentor: String,
    starts_at: String,
    minutes: u32,
    status: &'static str,
    channel: String,
    readiness: &'static str,
    planned_minutes: u32,
    over_by: u32,
    items: Vec<ItemJson>,
}

#[derive(Serialize)]
struct ItemJson {
    kind: &'static str,
    text: String,
    outcome: String,
    minutes: Option<u32>,
    discussed: bool,
}

fn to_json(agenda: &Agenda) -> String {
    let m = &agenda.meeting;
    let value = AgendaJson {
        format: "mentee-agenda",
        version: 1,
        meeting: &m.uuid,
        id: m.id,
        mentor: clean_line(&agenda.mentor).into_owned(),
        starts_at: m.starts_at.format("%Y-%m-%dT%H:%M").to_string(),
        minutes: m.minutes,
        status: m.status.code(),
        channel: clean_line(&m.channel).into_owned(),
        readiness: agenda.readiness().code(),
        planned_minutes: agenda.time_box().planned,
        over_by: agenda.time_box().over().unwrap_or(0),
        items: agenda
            .items
            .iter()
            .map(|i| ItemJson {
                kind: i.kind.code(),
                text: clean_multiline(&i.text).into_owned(),
                outcome: clean_multiline(&i.outcome).into_owned(),
                minutes: i.minutes,
                discussed: i.discussed,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
