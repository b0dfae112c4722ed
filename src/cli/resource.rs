//! `mentee add resource`: the parts only a resource needs — the goal it serves, found by
//! its title, and the confirmation line.

use super::{CliError, Context};
use crate::domain::Resource;
use crate::domain::text::clean_line;
use crate::i18n::{Label, fill};
use crate::store::Store;

use super::add::{MentorMatch, match_mentor};

/// The goal `title` names (case-insensitive; an exact title first, else a unique beginning).
pub fn resolve_goal(ctx: &Context, title: &str, store: &Store) -> Result<(i64, String), CliError> {
    let r = &ctx.lang.text().resources;
    let goals = store.goal_titles()?;
    let list = |titles: &mut dyn Iterator<Item = &String>| {
        titles
            .map(|n| clean_line(n).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let shown = format!("\"{}\"", clean_line(title));
    match match_mentor(title, &goals) {
        MentorMatch::One(id, found) => Ok((id, found)),
        MentorMatch::Ambiguous(titles) => Err(CliError::Message(fill!(
            r.add_ambiguous_goal,
            title = shown,
            goals = list(&mut titles.iter())
        ))),
        MentorMatch::Unknown if goals.is_empty() => {
            Err(CliError::Message(fill!(r.add_no_goals, title = shown)))
        }
        MentorMatch::Unknown => Err(CliError::Message(fill!(
            r.add_unknown_goal,
            title = shown,
            goals = list(&mut goals.iter().map(|(_, t)| t))
        ))),
    }
}

/// "Resource noted (book, to do): Deep Work; goal: …; link: …" (the mentor and the private
/// mark are added by the caller, as for every kind).
pub fn saved_line(ctx: &Context, r: &Resource, goal: Option<&str>) -> String {
    let t = ctx.lang.text();
    let words = &t.resources;
    let mut line = fill!(
        words.add_saved,
        kind = r.kind.label(&t.labels),
        status = r.status.label(&t.labels),
        title = clean_line(&r.title)
    );
    if let Some(title) = goal {
        line.push_str(&fill!(words.add_for_goal, title = clean_line(title)));
    }
    if !r.link.is_empty() {
        line.push_str(&fill!(words.add_link, link = clean_line(&r.link)));
    }
    line
}
