//! Pickers the after-meeting forms share: a mentor, a goal, a meeting, a vocabulary value.
//! Each option is `(code, label)`; the code of "none" is empty, a record's code is its id.
//! While private text is hidden, a private mentor's name, a private goal's title and a private
//! meeting's mentor are labelled by the placeholder (the choice still works by its id).

use crate::domain::text::clean_line;
use crate::i18n::{Label, Labels};
use crate::store::Result;
use crate::tui::ctx::Ctx;
use crate::tui::ui::fit;

/// How many recent meetings a meeting picker offers.
const MEETING_CHOICES: usize = 40;

/// A `(code, label)` option list.
pub type Options = Vec<(String, String)>;

/// "— none —" followed by every mentor.
pub fn mentors(ctx: &Ctx, none: &str) -> Result<Options> {
    let mut out = vec![(String::new(), none.to_string())];
    out.extend(ctx.store.mentors()?.into_iter().map(|m| {
        let name = ctx.mentor_name(&m.name, m.private);
        (m.id.to_string(), clean_line(&name).into_owned())
    }));
    Ok(out)
}

/// "— none —" followed by the goals (active first).
pub fn goals(ctx: &Ctx, none: &str) -> Result<Options> {
    let mut out = vec![(String::new(), none.to_string())];
    out.extend(ctx.store.goal_summaries(100)?.into_iter().map(|g| {
        let title = ctx.user_text(&g.goal.title, g.goal.private);
        (g.goal.id.to_string(), fit(&clean_line(&title), 40))
    }));
    Ok(out)
}

/// "— none —" followed by recent meetings ("2026-11-13 · Daniel Okafor"), plus `keep` if it
/// is older than those.
pub fn meetings(
    ctx: &Ctx,
    now: chrono::NaiveDateTime,
    none: &str,
    keep: Option<i64>,
) -> Result<Options> {
    let store = &*ctx.store;
    let mut rows = store.upcoming_meetings(now, 5)?;
    rows.extend(store.past_meetings(now, MEETING_CHOICES)?);
    let mut out = vec![(String::new(), none.to_string())];
    out.extend(rows.iter().map(|s| {
        (
            s.meeting.id.to_string(),
            format!(
                "{} · {}",
                s.meeting.starts_at.date(),
                clean_line(&ctx.mentor_name(&s.mentor_name, s.mentor_private))
            ),
        )
    }));
    if let Some(id) = keep
        && !rows.iter().any(|s| s.meeting.id == id)
        && let Ok(m) = store.meeting(id)
    {
        out.push((id.to_string(), m.starts_at.date().to_string()));
    }
    Ok(out)
}

/// Every value of a vocabulary with its label.
pub fn vocabulary<T: Label + Copy + std::fmt::Display>(all: &[T], labels: &Labels) -> Options {
    all.iter()
        .map(|v| (v.to_string(), v.label(labels).to_string()))
        .collect()
}

/// The code of an optional record id.
pub fn code(id: Option<i64>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

/// The record id a code stands for ("" is none).
pub fn id(code: &str) -> Option<i64> {
    code.parse().ok()
}
