//! Wins on the command line (issue 18):
//!
//! - `mentee add win TEXT [--on DATE] [--goal TITLE] [--mentor NAME] [--evidence LINK]
//!   [--private]` notes a win (dated today unless `--on` says otherwise; the goal is matched
//!   like a mentor's name: an exact title first, else a unique beginning);
//! - `mentee wins [--from DATE] [--to DATE] [--format md|json] [--include-private]` prints
//!   the wins as a "brag document" for a performance review: grouped by goal area, then by
//!   goal, each goal's wins oldest first, with who helped and the evidence. Private wins (and
//!   wins of a private goal or mentor) are left out unless `--include-private`.
//!
//! The JSON object (reference: `docs/json-output.md`; keys stable, not translated):
//!
//! ```json
//! { "format": "mentee-wins", "version": 1, "from": "2026-07-01", "to": null, "count": 2,
//!   "areas": [{ "area": "skills", "goals": [{ "goal": "Learn Rust",
//!     "wins": [{ "uuid": "…", "on_date": "2026-11-02", "what": "Shipped the parser",
//!                "evidence": "https://…", "mentor": "Daniel", "private": false }] }] }] }
//! ```

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::add::AddArgs;
use super::fmt::{Format, date, json};
use super::{CliError, Context};
use crate::domain::text::clean_line;
use crate::domain::win::brag_groups;
use crate::domain::{Win, WinRow};
use crate::i18n::{Label, fill};
use crate::store::{Store, StoreError};

/// The arguments of `mentee wins`.
#[derive(Debug, Clone, clap::Args)]
pub struct WinsArgs {
    /// The first day (2026-07-01, -3m, …); default: the first win.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// The last day, inclusive; default: the last win.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Include private wins (and wins of a private goal or mentor).
    #[arg(long)]
    pub include_private: bool,
}

/// `mentee add win`: checks everything, saves the win, prints one line.
pub fn add(
    ctx: &Context,
    args: &AddArgs,
    text: String,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let t = ctx.lang.text();
    let on = match &args.on {
        Some(word) => ctx.date_option("--on", word)?,
        None => ctx.clock.today(),
    };
    let evidence = args.evidence.clone().unwrap_or_default();
    let mut win = Win::new(text, on);
    win.evidence = evidence.trim().to_string();
    win.private = args.private;
    // The domain's limits, checked before the journal is opened (the store checks them too).
    crate::domain::limits::WithinLimits::check_limits(&win).map_err(StoreError::from)?;
    let (store, created) = ctx.open_or_create_store()?;
    if created && let Some(path) = store.path() {
        let shown = clean_line(&path.display().to_string()).into_owned();
        eprintln!("mentee: {}", fill!(t.trust.journal_created, path = shown));
    }
    let goal = match &args.goal {
        Some(title) => Some(super::resource::resolve_goal(ctx, title, &store)?),
        None => None,
    };
    let mentor = match &args.mentor {
        Some(name) => Some(super::add::resolve_mentor(
            ctx,
            name,
            &store.mentor_names()?,
        )?),
        None => None,
    };
    win.goal_id = goal.as_ref().map(|(id, _)| *id);
    win.mentor_id = mentor.as_ref().map(|(id, _)| *id);
    store.save_win(&win)?;
    let c = &t.cli;
    let mut line = fill!(t.wins.add_done, text = clean_line(&win.what));
    if on != ctx.clock.today() {
        line.push_str(&fill!(t.wins.add_on, date = date(ctx, on)));
    }
    if let Some((_, title)) = &goal {
        line.push_str(&fill!(t.wins.add_goal, goal = clean_line(title)));
    }
    if let Some((_, name)) = &mentor {
        line.push_str(&fill!(c.add_with_mentor, name = clean_line(name)));
    }
    if !win.evidence.is_empty() {
        line.push_str(t.wins.add_evidence);
    }
    if win.private {
        line.push_str(c.add_private);
    }
    // Saved: a failure to write now must not read as "not saved" (a retry would duplicate).
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(CliError::SavedNotShown)
}

/// `mentee wins`: the brag document.
pub fn run(ctx: &Context, args: &WinsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let from = args
        .from
        .as_deref()
        .map(|w| ctx.date_option("--from", w))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|w| ctx.date_option("--to", w))
        .transpose()?;
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(CliError::Message(fill!(
            ctx.lang.text().wins.bad_range,
            from = from,
            to = to
        )));
    }
    let store: Store = ctx.open_store()?;
    let wins: Vec<WinRow> = store
        .wins_between(from, to)?
        .into_iter()
        .filter(|w| args.include_private || !w.privacy().is_private())
        .collect();
    let text = match args.format {
        Format::Md => markdown(ctx, from, to, &wins),
        Format::Json => to_json(from, to, &wins),
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The brag document as Markdown: a heading per area, a sub-heading per goal, a line per win.
fn markdown(
    ctx: &Context,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    wins: &[WinRow],
) -> String {
    let t = ctx.lang.text();
    let w = &t.wins;
    let heading = match (from, to) {
        (None, None) => w.brag_all_time.to_string(),
        (Some(f), None) => fill!(w.brag_from, from = date(ctx, f)),
        (None, Some(e)) => fill!(w.brag_until, to = date(ctx, e)),
        (Some(f), Some(e)) => fill!(w.brag_between, from = date(ctx, f), to = date(ctx, e)),
    };
    let mut lines = vec![format!("# {heading}"), String::new()];
    if wins.is_empty() {
        lines.push(w.brag_empty.to_string());
        lines.push(String::new());
        return lines.join("\n");
    }
    lines.push(fill!(w.brag_count, count = wins.len()));
    for area in brag_groups(wins) {
        lines.push(String::new());
        let area_name = area
            .area
            .map_or(w.brag_no_goal, |a| a.label(&t.labels))
            .to_string();
        lines.push(format!("## {}", capitalise(&area_name)));
        for goal in area.goals {
            if let Some(title) = goal.goal {
                lines.push(String::new());
                lines.push(format!("### {}", clean_line(title)));
            }
            lines.push(String::new());
            for row in goal.wins {
                lines.push(format!("- {}", win_line(ctx, row)));
            }
        }
    }
    lines.push(String::new());
    lines.join("\n")
}

/// One win: its date, what happened, who helped and the evidence.
pub fn win_line(ctx: &Context, row: &WinRow) -> String {
    let w = &ctx.lang.text().wins;
    let mut line = format!("{}: {}", date(ctx, row.win.on), clean_line(&row.win.what));
    let mut extra = Vec::new();
    if let Some(name) = &row.mentor_name {
        extra.push(fill!(w.brag_with, mentor = clean_line(name)));
    }
    if !row.win.evidence.trim().is_empty() {
        extra.push(fill!(
            w.brag_evidence,
            evidence = clean_line(row.win.evidence.trim())
        ));
    }
    if !extra.is_empty() {
        line.push_str(&format!(" ({})", extra.join("; ")));
    }
    if row.privacy().is_private() {
        line.push(' ');
        line.push_str(w.brag_private);
    }
    line
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Serialize)]
struct JsonWins<'a> {
    format: &'static str,
    version: i64,
    from: Option<String>,
    to: Option<String>,
    count: usize,
    areas: Vec<JsonArea<'a>>,
}

#[derive(Serialize)]
struct JsonArea<'a> {
    area: Option<&'static str>,
    goals: Vec<JsonGoal<'a>>,
}

#[derive(Serialize)]
struct JsonGoal<'a> {
    goal: Option<&'a str>,
    wins: Vec<JsonWin<'a>>,
}

#[derive(Serialize)]
struct JsonWin<'a> {
    uuid: &'a str,
    on_date: String,
    what: &'a str,
    evidence: &'a str,
    mentor: Option<&'a str>,
    private: bool,
}

fn to_json(from: Option<NaiveDate>, to: Option<NaiveDate>, wins: &[WinRow]) -> String {
    let areas = brag_groups(wins)
        .into_iter()
        .map(|a| JsonArea {
            area: a.area.map(|x| x.code()),
            goals: a
                .goals
                .into_iter()
                .map(|g| JsonGoal {
                    goal: g.goal,
                    wins: g
                        .wins
                        .into_iter()
                        .map(|r| JsonWin {
                            uuid: &r.win.uuid,
                            on_date: r.win.on.to_string(),
                            what: &r.win.what,
                            evidence: &r.win.evidence,
                            mentor: r.mentor_name.as_deref(),
                            private: r.privacy().is_private(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    json(&JsonWins {
        format: "mentee-wins",
        version: 1,
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        count: wins.len(),
        areas,
    })
}
