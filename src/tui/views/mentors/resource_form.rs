//! Recommendations and introductions from the Mentors view (issue 18): `r` notes one from
//! the selected mentor (title, kind, link, goal, status, takeaway, private); `R` moves one
//! on — its status and takeaway — through the edit form, after a choice of which one when
//! the mentor has several. A status that finishes it (done, dropped) records the day the way
//! `mentee resource --status` does ([`Resource::moved_to`]).

use crate::domain::text::clean_line;
use crate::domain::{Resource, ResourceKind, ResourceStatus};
use crate::i18n::{Label, fill};
use crate::store::{ResourceRow, Result};
use crate::tui::ctx::{Ctx, existing};
use crate::tui::edit::save_edit;
use crate::tui::effect::{Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::purpose::{FormPurpose, MentorForm};
use crate::tui::ui::fit;
use crate::tui::view::View;
use crate::tui::views::debrief::choices;

/// `R` on a mentor whose recommendations are `rows`: the edit form of the only one, the
/// choice of which one when there are several, a word when there is none.
pub fn update_key(ctx: &Ctx, mentor_id: i64, rows: &[ResourceRow]) -> Effect {
    let form = |p: MentorForm| Effect::OpenForm(FormPurpose::Mentors(p));
    match rows {
        [] => Effect::say(ctx.text().resource_form.none_yet),
        [only] => form(MentorForm::EditResource(only.resource.id)),
        _ => form(MentorForm::UpdateResource(mentor_id)),
    }
}

/// The form of a resource purpose (`None` when its mentor or resource is gone).
pub fn form(ctx: &Ctx, purpose: &MentorForm) -> Result<Option<Form>> {
    Ok(match *purpose {
        MentorForm::Resource(mentor_id) => match existing(ctx.store.mentor(mentor_id))? {
            Some(m) => {
                let title = fill!(
                    ctx.text().resource_form.new_title,
                    mentor = clean_line(&ctx.mentor_name(&m.name, m.private))
                );
                Some(resource_form(ctx, title, None)?)
            }
            None => None,
        },
        MentorForm::UpdateResource(mentor_id) => pick_form(ctx, mentor_id)?,
        MentorForm::EditResource(id) => match existing(ctx.store.resource_row(id))? {
            Some(row) => {
                let title = ctx.text().resource_form.edit_title.to_string();
                let mut form = resource_form(ctx, title, Some(&row.resource))?;
                // Moving it on is what `R` is for: the status first, the takeaway next.
                if let Some(status) = form.index("status") {
                    form.set_focus(status);
                }
                Some(form)
            }
            None => None,
        },
        _ => None,
    })
}

/// The form of a new resource or of `resource`.
fn resource_form(ctx: &Ctx, title: String, resource: Option<&Resource>) -> Result<Form> {
    let t = &ctx.text().resource_form;
    let labels = &ctx.text().labels;
    let new = Resource::new("", ctx.today());
    let r = resource.unwrap_or(&new);
    let mut goals = choices::goals(ctx, ctx.text().wins.no_goal)?;
    if let Some(id) = r.goal_id
        && !goals.iter().any(|(code, _)| *code == id.to_string())
        && let Some(g) = existing(ctx.store.goal(id))?
    {
        let shown = ctx.user_text(&g.title, g.private);
        goals.push((id.to_string(), fit(&clean_line(&shown), 40)));
    }
    Ok(Form::builder(title)
        .line("title", t.f_title)
        .required("title")
        .value("title", &r.title)
        .choice(
            "kind",
            t.f_kind,
            choices::vocabulary(ResourceKind::ALL, labels),
        )
        .value("kind", r.kind.code())
        .line("link", t.f_link)
        .value("link", &r.link)
        .choice("goal", ctx.text().resources.f_goal, goals)
        .value("goal", &choices::code(r.goal_id))
        .choice(
            "status",
            t.f_status,
            choices::vocabulary(ResourceStatus::ALL, labels),
        )
        .value("status", r.status.code())
        .multi("takeaway", ctx.text().resources.f_takeaway, 3)
        .value("takeaway", &r.takeaway)
        .toggle("private", t.f_private)
        .checked("private", r.private)
        .build())
}

/// Which of the mentor's recommendations to move on: each with its kind and status.
fn pick_form(ctx: &Ctx, mentor_id: i64) -> Result<Option<Form>> {
    let t = &ctx.text().resource_form;
    let labels = &ctx.text().labels;
    if existing(ctx.store.mentor(mentor_id))?.is_none() {
        return Ok(None);
    }
    let rows = ctx.store.resource_list(crate::store::ResourceFilter {
        mentor_id: Some(mentor_id),
        ..Default::default()
    })?;
    let options = rows
        .iter()
        .map(|row| {
            let r = &row.resource;
            let privacy = crate::domain::privacy::Privacy::own(r.private)
                .mentor(row.mentor_private)
                .goal(row.goal_private);
            let title = clean_line(&ctx.user_text(&r.title, privacy)).into_owned();
            let label = format!(
                "{} · {} · {}",
                fit(&title, 40),
                r.kind.label(labels),
                r.status.label(labels)
            );
            (r.id.to_string(), label)
        })
        .collect();
    Ok(Some(
        Form::builder(t.pick_title)
            .choice("resource", t.f_which, options)
            .build(),
    ))
}

/// The resource as `form` describes it, on top of `base`; a change of status goes through
/// [`Resource::moved_to`] (a finished one gets `today`, an open one loses its day).
fn from_form(form: &Form, base: &Resource, today: chrono::NaiveDate) -> Resource {
    let mut r = base.clone();
    r.title = clean_line(form.text("title").trim()).into_owned();
    r.kind = form.choice("kind").parse().unwrap_or(r.kind);
    r.link = form.text("link").trim().to_string();
    r.goal_id = choices::id(form.choice("goal"));
    r.takeaway = form.text("takeaway").trim().to_string();
    r.private = form.toggle("private");
    let status = form.choice("status").parse().unwrap_or(r.status);
    if status != r.status {
        r = r.moved_to(status, today);
    }
    r
}

/// Saves a resource form, then shows its mentor.
pub fn save(ctx: &mut Ctx, purpose: &MentorForm, form: &Form) -> Result<Effect, SaveError> {
    let today = ctx.today();
    let mentor_id = match *purpose {
        MentorForm::Resource(mentor_id) => {
            let mut base = Resource::new("", today);
            base.mentor_id = Some(mentor_id);
            let r = from_form(form, &base, today);
            ctx.store.save_resource(&r)?;
            mentor_id
        }
        MentorForm::UpdateResource(_) => {
            let Some(id) = choices::id(form.choice("resource")) else {
                return Err(SaveError::Field {
                    name: "resource",
                    message: ctx.text().form.required.to_string(),
                });
            };
            return Ok(Effect::OpenForm(FormPurpose::Mentors(
                MentorForm::EditResource(id),
            )));
        }
        MentorForm::EditResource(id) => {
            save_edit(ctx, id, form, |ctx, form, r: &mut Resource| {
                *r = from_form(form, r, ctx.today());
                Ok(())
            })?;
            ctx.store.resource(id)?.mentor_id.unwrap_or_default()
        }
        _ => return Ok(Effect::None),
    };
    Ok(Effect::Select(View::Mentors, mentor_id).and(Effect::say(ctx.text().resource_form.saved)))
}
