//! Adjusting a goal from a review: a small form to change one goal's target, due date or
//! status, saved as goal revisions that cite the review and applied to the goal.

use ratatui::text::Line;

use super::form::select;
use crate::domain::{Goal, GoalRevision, GoalStatus};
use crate::i18n::{Label, fill};
use crate::store::Result;
use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::forms::SaveError;
use crate::tui::ui::number;
use crate::tui::views::LIST_LIMIT;

/// The goal-adjustment form, or `None` when there are no goals.
pub(super) fn adjust_form(app: &App, draft_key: &str) -> Result<Option<Form>> {
    let t = &app.text().reflections;
    let labels = &app.text().labels;
    let goals = app.store.goal_summaries(LIST_LIMIT)?;
    if goals.is_empty() {
        return Ok(None);
    }
    let hidden = app.hide_private;
    let title = |g: &Goal| {
        if g.private && hidden {
            app.text().common.hidden_text.to_string()
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
    let mut form = Form::builder(draft_key, t.form_adjust)
        .choice("goal", t.f_goal, options)
        .number("target", t.f_target)
        .date("due", t.f_due)
        .choice("status", t.f_status, statuses)
        .line("reason", t.f_reason)
        .build();
    let mut panel = vec![Line::styled(t.goals_now, app.theme.title)];
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
                        .map(|d| app.config.date_format.format(d))
                        .unwrap_or_else(|| t.no_target.to_string()),
                    status = g.status.label(labels)
                )
            ),
            app.theme.dim,
        ));
    }
    form.set_side_panel(panel);
    Ok(Some(form))
}

/// Applies the goal adjustment of `form`, recorded as revisions citing reflection `id`.
pub(super) fn save_adjustment(
    app: &mut App,
    reflection_id: i64,
    form: &Form,
) -> Result<(), SaveError> {
    let t = &app.text().reflections;
    let today = app.clock.today();
    let goal_id: i64 = form.choice("goal").parse().unwrap_or(0);
    let mut goal = app.store.goal(goal_id)?;
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
    app.store.adjust_goal(&goal, &revisions)?;
    select(app, reflection_id)?;
    app.message = Some(fill!(t.adjusted, count = revisions.len()));
    Ok(())
}
