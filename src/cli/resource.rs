//! `mentee add resource`: the parts only a resource needs — the goal it serves, found by
//! its title, and the confirmation line.

use super::{CliError, Context};
use crate::domain::text::clean_line;
use crate::domain::{Resource, ResourceStatus};
use crate::i18n::{Label, fill};
use crate::store::Store;

use super::add::{NameMessages, resolve_name};

/// The goal `title` names (as [`super::add::match_name`] reads a name):
/// `--goal` of a resource and of a win.
pub fn resolve_goal(ctx: &Context, title: &str, store: &Store) -> Result<(i64, String), CliError> {
    let r = &ctx.lang.text().resources;
    resolve_name(
        title,
        &store.goal_titles()?,
        NameMessages {
            ambiguous: r.add_ambiguous_goal,
            none: r.add_no_goals,
            unknown: r.add_unknown_goal,
        },
    )
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

/// `mentee resource TITLE [--status S] [--takeaway TEXT]`: moves a recommendation on.
pub fn update(
    ctx: &Context,
    title: &str,
    status: Option<&str>,
    takeaway: Option<&str>,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let t = ctx.lang.text();
    let r = &t.resources;
    if status.is_none() && takeaway.is_none() {
        return Err(CliError::Message(r.update_nothing.to_string()));
    }
    let status = status.map(|word| status_word(ctx, word)).transpose()?;
    let store = ctx.open_store()?;
    let rows = store.resource_list(crate::store::ResourceFilter::default())?;
    let titles: Vec<(i64, String)> = rows
        .iter()
        .map(|row| (row.resource.id, row.resource.title.clone()))
        .collect();
    let (id, _) = resolve_name(
        title,
        &titles,
        NameMessages {
            ambiguous: r.update_ambiguous,
            none: r.update_none,
            unknown: r.update_unknown,
        },
    )?;
    let today = ctx.clock.today();
    let old = store.resource(id)?;
    let mut new = match status {
        Some(s) => old.moved_to(s, today),
        None => old.clone(),
    };
    if let Some(text) = takeaway {
        new.takeaway = crate::domain::text::clean_multiline(text.trim()).into_owned();
    }
    store.save_resource(&new)?;
    let line = fill!(
        r.update_saved,
        kind = new.kind.label(&t.labels),
        status = new.status.label(&t.labels),
        title = clean_line(&new.title)
    );
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(CliError::SavedNotShown)
}

/// A status by its code or its label in either language (`done`, `selesai`, `to do`).
fn status_word(ctx: &Context, word: &str) -> Result<ResourceStatus, CliError> {
    let w = word.trim().to_lowercase();
    ResourceStatus::ALL
        .iter()
        .copied()
        .find(|s| {
            s.code() == w
                || [crate::i18n::Lang::En, crate::i18n::Lang::Id]
                    .iter()
                    .any(|l| s.label(&l.text().labels) == w)
        })
        .ok_or_else(|| {
            CliError::Message(fill!(
                ctx.lang.text().resources.update_bad_status,
                value = clean_line(word.trim())
            ))
        })
}
