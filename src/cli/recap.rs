//! `mentee recap [--meeting WHEN] [--format md|text] [-o FILE]`: the short message to send a
//! mentor after a meeting (thanks, what we discussed, what I will do and by when, what the
//! mentor offered, the next meeting), composed by [`crate::domain::recap`] and put into words
//! by the catalog ([`crate::i18n::RecapText`]). Private records stay out; a private meeting
//! (or one with a private mentor) has no recap.
//!
//! `WHEN` is a day (`2026-11-27`, `yesterday`, `kemarin`, `friday`: the held meeting that day;
//! a weekday name means the latest such day), or a mentor's name or part of it (the latest
//! held meeting with them); by default the latest held meeting.

use std::io::Write;

use clap::ValueEnum;

use super::{CliError, Context};
use crate::domain::dates::{add_days, parse_date};
use crate::domain::recap::{NoRecap, compose};
use crate::domain::text::clean_line;
use crate::i18n::{RecapFormat, fill};
use crate::store::Store;

/// `--format`: how the recap is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum RecapFormatArg {
    /// Markdown (bold headings).
    #[default]
    Md,
    /// Plain text.
    Text,
}

impl From<RecapFormatArg> for RecapFormat {
    fn from(f: RecapFormatArg) -> RecapFormat {
        match f {
            RecapFormatArg::Md => RecapFormat::Md,
            RecapFormatArg::Text => RecapFormat::Text,
        }
    }
}

/// Prints the recap of the meeting `when` names (default: the latest held one).
pub fn run(
    ctx: &Context,
    when: Option<&str>,
    format: RecapFormatArg,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = ctx.open_store()?;
    let t = &ctx.lang.text().recap;
    let id = match when {
        Some(given) => meant_meeting(&store, ctx, given)?,
        None => store
            .latest_held_meeting(None)?
            .ok_or_else(|| CliError::Message(t.cli_no_held.to_string()))?,
    };
    let records = store.recap_records(id)?;
    let recap = compose(records.source()).map_err(|why| {
        let date = t.long_date(records.meeting.starts_at.date());
        CliError::Message(match why {
            NoRecap::Private => fill!(t.cli_private, date = date),
            NoRecap::NotHeld => fill!(
                t.cli_not_held,
                date = date,
                name = clean_line(&records.mentor.name)
            ),
        })
    })?;
    out.write_all(t.render(&recap, format.into()).as_bytes())?;
    Ok(())
}

/// The held meeting `given` names: a day (the held meeting that day; a day word that lands
/// in the future, like a weekday name, means the same day a week earlier), a meeting's UUID,
/// or a mentor's name (the latest held meeting with them).
fn meant_meeting(store: &Store, ctx: &Context, given: &str) -> Result<i64, CliError> {
    let t = &ctx.lang.text().recap;
    let message = |m: String| Err(CliError::Message(m));
    let given = given.trim();
    let shown = clean_line(given).into_owned();
    let today = ctx.clock.now().date();
    if let Ok(day) = parse_date(given, today) {
        let mut held = store.held_meetings_on(day)?;
        let mut shown_day = day;
        if held.is_empty() && day > today {
            shown_day = add_days(day, -7);
            held = store.held_meetings_on(shown_day)?;
        }
        return match held.as_slice() {
            [] => message(fill!(t.cli_none_on_day, date = t.long_date(day))),
            [one] => Ok(one.meeting.id),
            several => {
                let names: Vec<String> = several
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {}",
                            clean_line(&s.mentor_name),
                            s.meeting.starts_at.format(t.time)
                        )
                    })
                    .collect();
                message(fill!(
                    t.cli_several_on_day,
                    date = t.long_date(shown_day),
                    names = names.join(", ")
                ))
            }
        };
    }
    if let Some(id) = store.meeting_id_by_uuid(given)? {
        return Ok(id);
    }
    match super::add::match_name(given, &store.mentor_names()?) {
        super::add::NameMatch::Unknown => message(fill!(t.cli_unknown, meeting = shown.as_str())),
        super::add::NameMatch::One(id, name) => match store.latest_held_meeting(Some(id))? {
            Some(id) => Ok(id),
            None => message(fill!(t.cli_none_with, name = clean_line(&name))),
        },
        super::add::NameMatch::Ambiguous(several) => {
            let names: Vec<String> = several.iter().map(|n| clean_line(n).into_owned()).collect();
            message(fill!(
                t.cli_several_mentors,
                name = shown.as_str(),
                names = names.join(", ")
            ))
        }
    }
}
