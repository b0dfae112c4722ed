//! Adjusting a goal from a review: a small form to change one goal's target, due date or
//! status, saved as goal revisions that cite the review and applied to the goal.

use ratatui::text::Line;

use crate::domain::{Goal, GoalRevision, GoalStatus};
use crate::i18n::{Label, fill};
use crate::store::Result;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::effect::SaveError;
use crate::tui::form::Form;
use crate::tui::ui::number;
use crate::tui::view::View;
use crate::tui::views::list::LIST_LIMIT;

/// The goal-adjustment form, or `None` when there are no goals.
pub(super) fn adjust_form(ctx: &Ctx) -> Result<Option<Form>> {
    let t = &ctx.text().reflections;
    let labels = &ctx.text().labels;
    let goals = ctx.store.goal_summaries(LIST_LIMIT)?;
    if goals.is_empty() {
        return Ok(None);
    }
    let hidden = ctx.hide_private;
    let title = |g: &Goal| {
        if g.private && hidden {
            ctx.text().common.hidden_text.to_string()
        } else {
            g.title.clone()
        }
    };
    let options = goals
        .iter()
        .map(|s| (s.goal.id.to_string(), title(&s.goal)))
        .collect();
    let mut statuses = vec![(String::new(), t.unchanged.to_string())];
    statuses.extend(
        GoalStatus::ALL
            .iter()
            .map(|s| (s.code().to_string(), s.label(labels).to_string())),
    );
    let mut form = Form::builder(t.form_adjust)
        .choice("goal", t.f_goal, options)
        .number("target", t.f_target)
        .date("due", t.f_due)
        .choice("status", t.f_status, statuses)
        .line("reason", t.f_reason)
        .build();
    let mut panel = vec![Line::styled(t.goals_now, ctx.theme.title)];
    for s in goals.iter().take(12) {
        let g = &s.goal;
        panel.push(Line::from(format!("• {}", title(g))));
        panel.push(Line::styled(
            format!(
                "  {}",
                fill!(
                    t.goal_now,
                    target = g
                        .target
                        .map(number)
                        .unwrap_or_else(|| t.no_target.to_string()),
                    due = g
                        .due
                        .map(|d| ctx.config.date_format.format(d, ctx.lang))
                        .unwrap_or_else(|| t.no_target.to_string()),
                    status = g.status.label(labels)
                )
            ),
            ctx.theme.dim,
        ));
    }
    form.set_side_panel(panel);
    Ok(Some(form))
}

/// Applies the goal adjustment of `form`, recorded as revisions citing reflection `id`.
pub(super) fn save_adjustment(
    ctx: &mut Ctx,
    reflection_id: i64,
    form: &Form,
) -> Result<Effect, SaveError> {
    let t = &ctx.text().reflections;
    let today = ctx.today();
    let goal_id: i64 = form.choice("goal").parse().unwrap_or(0);
    let mut goal = ctx.store.goal(goal_id)?;
    let reason = form.text("reason").trim().to_string();
    let mut revisions = Vec::new();
    let mut change = |field: &str, old: String, new: String| {
        if old != new {
            revisions.push(GoalRevision {
                reason: reason.clone(),
                reflection_id: Some(reflection_id),
                ..GoalRevision::new(goal_id, today, field, old, new)
            });
        }
    };
    if let Some(target) = form.number("target") {
        change(
            "target",
            goal.target.map(number).unwrap_or_default(),
            number(target),
        );
        goal.target = Some(target);
    }
    if let Some(due) = form.date("due", today) {
        change(
            "due",
            goal.due.map(|d| d.to_string()).unwrap_or_default(),
            due.to_string(),
        );
        goal.due = Some(due);
    }
    if let Ok(status) = form.choice("status").parse::<GoalStatus>() {
        change(
            "status",
            goal.status.code().to_string(),
            status.code().to_string(),
        );
        goal.status = status;
    }
    if revisions.is_empty() {
        return Err(SaveError::Field {
            name: "target",
            message: t.adjust_nothing.to_string(),
        });
    }
    ctx.store.adjust_goal(&goal, &revisions)?;
    Ok(Effect::Message(fill!(t.adjusted, count = revisions.len()))
        .and(Effect::Select(View::Reflections, reflection_id)))
}
