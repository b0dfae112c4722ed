//! `mentee review [--period week|month|quarter] [--previous | --from DATE --to DATE]
//! [--format md|json]`: the figures of the current period (default: the config's
//! `reflection_cadence`; weeks begin on the config's `week_start`), of the last complete one
//! (`--previous`), or of the days from `--from` to `--to` (both included; `"period":
//! "custom"` in JSON) — the same figures the Reflections view shows.
//!
//! The JSON object (the reference is `docs/json-output.md`; keys stable and not translated;
//! `end` is the period's last day, inclusive;
//! rates and shares are 0..=1 or `null` when there is nothing to divide):
//!
//! ```json
//! {
//!   "format": "mentee-review", "version": 1,
//!   "period": "month", "start": "2026-11-01", "end": "2026-11-30",
//!   "meetings": { "held": 2, "cancelled": 1,
//!                 "per_mentor": [{ "mentor": "Ana", "held": 2, "cancelled": 1, "planned": 0 }] },
//!   "agenda_items": { "total": 6, "discussed": 5 },
//!   "feedback": { "received": 3, "acted_on": 2 },
//!   "commitments": {
//!     "mine":    { "made": 4, "kept": 2, "late": 1, "open": 1, "open_overdue": 0,
//!                  "dropped": 0, "keep_rate": 0.67 },
//!     "mentors": { … the same keys … }
//!   },
//!   "goals": [{ "goal": "Give talks", "from": 1, "to": 3, "change": 2,
//!               "progress_from": 0.25, "progress_to": 0.75, "updates": 2 }],
//!   "wins": 1,
//!   "gratitude": { "noted": 2, "sent": 1 },
//!   "contacts": { "total": 4, "i_initiated": 3, "initiative_share": 0.75 },
//!   "health_checks": [{ "mentor": "Ana", "checks": 1, "average": 4.5 }]
//! }
//! ```

use std::io::Write;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::fmt::{Format, date};
use super::{CliError, Context};
use crate::domain::Period;
use crate::domain::figures::{
    CommitmentCounts, PeriodFigures, custom_bounds, figures, period_bounds, previous_period_bounds,
};
use crate::domain::text::clean_line;
use crate::i18n::{Label, fill};

/// Which days a review covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span<'a> {
    /// The period containing today.
    Current,
    /// The last complete period.
    Previous,
    /// The days from the first to the second date as typed, both included.
    Custom(&'a str, &'a str),
}

impl<'a> Span<'a> {
    /// The span the options ask for (clap has made sure `--from` and `--to` come together).
    pub fn from_args(previous: bool, from: Option<&'a str>, to: Option<&'a str>) -> Span<'a> {
        match (from, to) {
            (Some(from), Some(to)) => Span::Custom(from, to),
            _ if previous => Span::Previous,
            _ => Span::Current,
        }
    }
}

/// Prints the figures of the period `span` asks for (`period` or the configured cadence).
pub fn run(
    ctx: &Context,
    period: Option<Period>,
    span: Span,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let period = period.unwrap_or(ctx.config.reflection_cadence);
    let today = ctx.clock.today();
    let week_start = ctx.config.week_start;
    // The dates are checked before the journal is opened.
    let (start, end, shown) = match span {
        Span::Current => {
            let (s, e) = period_bounds(period, today, week_start);
            (s, e, Some(period))
        }
        Span::Previous => {
            let (s, e) = previous_period_bounds(period, today, week_start);
            (s, e, Some(period))
        }
        Span::Custom(from, to) => {
            let from = ctx.date_option("--from", from)?;
            let to = ctx.date_option("--to", to)?;
            let t = ctx.lang.text();
            let (s, e) = custom_bounds(from, to).ok_or_else(|| {
                CliError::Message(fill!(
                    t.fit.review_to_before_from,
                    from = date(ctx, from),
                    to = date(ctx, to)
                ))
            })?;
            (s, e, None)
        }
    };
    let store = ctx.open_store()?;
    let f = figures(&store.figure_input(start, end, today)?);
    let text = match format {
        Format::Md => markdown(ctx, shown, &f),
        Format::Json => to_json(shown, &f),
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The figures as Markdown: the catalog's sections (shared with the Reflections view), each
/// a heading and a list.
fn markdown(ctx: &Context, period: Option<Period>, f: &PeriodFigures) -> String {
    let t = ctx.lang.text();
    let last = f.end - Duration::days(1);
    let mut lines = vec![format!(
        "# {}",
        t.review.heading(
            period.map_or(t.fit.review_custom, |p| p.label(&t.labels)),
            &date(ctx, f.start),
            &date(ctx, last)
        )
    )];
    for section in t.review.sections(f, t.common.decimal_separator) {
        lines.push(String::new());
        lines.push(format!("## {}", section.title));
        lines.push(String::new());
        lines.extend(section.lines.into_iter().map(|l| format!("- {}", l.text)));
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The documented JSON object (field order as documented above).
#[derive(Serialize)]
struct ReviewJson {
    format: &'static str,
    version: u32,
    period: &'static str,
    start: String,
    end: String,
    meetings: MeetingsJson,
    agenda_items: AgendaJson,
    feedback: FeedbackJson,
    commitments: CommitmentsJson,
    goals: Vec<GoalJson>,
    wins: u32,
    gratitude: GratitudeJson,
    contacts: ContactsJson,
    health_checks: Vec<HealthJson>,
}

#[derive(Serialize)]
struct MeetingsJson {
    held: u32,
    cancelled: u32,
    per_mentor: Vec<MentorMeetingsJson>,
}

#[derive(Serialize)]
struct MentorMeetingsJson {
    mentor: String,
    held: u32,
    cancelled: u32,
    planned: u32,
}

#[derive(Serialize)]
struct AgendaJson {
    total: u32,
    discussed: u32,
}

#[derive(Serialize)]
struct FeedbackJson {
    received: u32,
    acted_on: u32,
}

#[derive(Serialize)]
struct CommitmentsJson {
    mine: CountsJson,
    mentors: CountsJson,
}

#[derive(Serialize)]
struct CountsJson {
    made: u32,
    kept: u32,
    late: u32,
    open: u32,
    open_overdue: u32,
    dropped: u32,
    keep_rate: Option<f64>,
}

impl CountsJson {
    fn new(n: &CommitmentCounts, keep_rate: Option<f64>) -> Self {
        CountsJson {
            made: n.made,
            kept: n.kept,
            late: n.late,
            open: n.open,
            open_overdue: n.open_overdue,
            dropped: n.dropped,
            keep_rate,
        }
    }
}

#[derive(Serialize)]
struct GoalJson {
    goal: String,
    from: f64,
    to: f64,
    change: f64,
    progress_from: Option<f64>,
    progress_to: Option<f64>,
    updates: u32,
}

#[derive(Serialize)]
struct GratitudeJson {
    noted: u32,
    sent: u32,
}

#[derive(Serialize)]
struct ContactsJson {
    total: u32,
    i_initiated: u32,
    initiative_share: Option<f64>,
}

#[derive(Serialize)]
struct HealthJson {
    mentor: String,
    checks: u32,
    average: Option<f64>,
}

fn to_json(period: Option<Period>, f: &PeriodFigures) -> String {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let value = ReviewJson {
        format: "mentee-review",
        version: 1,
        period: period.map_or("custom", Period::code),
        start: day(f.start),
        end: day(f.end - Duration::days(1)),
        meetings: MeetingsJson {
            held: f.meetings_held,
            cancelled: f.meetings_cancelled,
            per_mentor: f
                .meetings
                .iter()
                .map(|m| MentorMeetingsJson {
                    mentor: clean_line(&m.name).into_owned(),
                    held: m.held,
                    cancelled: m.cancelled,
                    planned: m.planned,
                })
                .collect(),
        },
        agenda_items: AgendaJson {
            total: f.agenda_items,
            discussed: f.agenda_discussed,
        },
        feedback: FeedbackJson {
            received: f.feedback_received,
            acted_on: f.feedback_acted_on,
        },
        commitments: CommitmentsJson {
            mine: CountsJson::new(&f.my_commitments, f.my_keep_rate),
            mentors: CountsJson::new(&f.mentor_commitments, f.mentor_keep_rate),
        },
        goals: f
            .goals
            .iter()
            .map(|g| GoalJson {
                goal: clean_line(&g.title).into_owned(),
                from: g.from,
                to: g.to,
                change: g.change,
                progress_from: g.progress_from,
                progress_to: g.progress_to,
                updates: g.updates,
            })
            .collect(),
        wins: f.wins,
        gratitude: GratitudeJson {
            noted: f.gratitude_noted,
            sent: f.gratitude_sent,
        },
        contacts: ContactsJson {
            total: f.contacts,
            i_initiated: f.contacts_i_initiated,
            initiative_share: f.initiative_share,
        },
        health_checks: f
            .health
            .iter()
            .map(|h| HealthJson {
                mentor: clean_line(&h.name).into_owned(),
                checks: h.checks,
                average: h.average,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
