//! Goals' keys and forms: the goal form with its live SMART check beside the fields, the
//! progress form, saving (with a revision for every change of target, due date or status)
//! and rebuilding a form from a draft.

pub use crate::tui::action::GoalsAction;
pub use crate::tui::purpose::GoalForm;
use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::GoalsView;
use crate::assets::smart_questions;
use crate::domain::RecordKind;
use crate::domain::smart::{self, SmartReport, Verdict};
use crate::domain::text::clean_line;
use crate::domain::{Goal, GoalArea, GoalRevision, GoalStatus, MentorStatus, ProgressUpdate};
use crate::i18n::{Label, Lang, fill};
use crate::store::Result;
use crate::tui::ctx::{Ctx, existing};
use crate::tui::edit::{FollowUp, save_edit_then};
use crate::tui::effect::{Confirm, Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::purpose::FormPurpose;
use crate::tui::theme::Theme;
use crate::tui::ui::{fit, number, wrap};
use crate::tui::view::View;
use unicode_width::UnicodeWidthStr;

/// Applies one of the view's actions.
pub fn update(ctx: &mut Ctx, v: &mut GoalsView, action: GoalsAction) -> Result<Effect> {
    let t = ctx.text();
    let form = |p: GoalForm| Effect::OpenForm(FormPurpose::Goals(p));
    Ok(match (action, v.list.selected().map(|s| &s.goal)) {
        (GoalsAction::New, _) => form(GoalForm::New),
        (GoalsAction::Edit, Some(g)) => form(GoalForm::Edit(g.id)),
        (GoalsAction::Progress, Some(g)) => form(GoalForm::Progress(g.id)),
        (GoalsAction::Win, Some(g)) => form(GoalForm::Win {
            goal: Some(g.id),
            meeting: None,
        }),
        (GoalsAction::Delete, Some(g)) => {
            Effect::Confirm(Confirm::delete(t, RecordKind::Goal, g.id, &g.title))
        }
        (_, None) => Effect::say(t.common.nothing_selected),
    })
}

/// The form of `purpose` (`None` when its goal is gone).
pub fn form(ctx: &Ctx, purpose: &GoalForm) -> Result<Option<Form>> {
    Ok(match purpose {
        GoalForm::New => Some(goal_form(ctx, None)?),
        GoalForm::Edit(id) => match existing(ctx.store.goal(*id))? {
            Some(g) => Some(goal_form(ctx, Some(&g))?),
            None => None,
        },
        GoalForm::Progress(id) => existing(ctx.store.goal(*id))?.map(|g| progress_form(ctx, &g)),
        GoalForm::Win { goal, meeting } => super::win_form::form(ctx, *goal, *meeting)?,
    })
}

/// The goal form, filled from `goal` (or empty for a new goal).
fn goal_form(ctx: &Ctx, goal: Option<&Goal>) -> Result<Form> {
    let t = &ctx.text().goals;
    let labels = &ctx.text().labels;
    let new = Goal::new("");
    let g = goal.unwrap_or(&new);
    let areas = GoalArea::ALL
        .iter()
        .map(|a| (a.code().to_string(), a.label(labels).to_string()))
        .collect();
    let statuses = GoalStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label(labels).to_string()))
        .collect();
    let all = ctx.store.mentors()?;
    // A new goal is most likely for the one mentor I have, when there is only one.
    let mut active = all.iter().filter(|m| m.status == MentorStatus::Active);
    let only_active = match (active.next(), active.next()) {
        (Some(m), None) if goal.is_none() => Some(m.id),
        _ => None,
    };
    let mentor_id = g.mentor_id.or(only_active);
    let mut mentors = vec![(String::new(), t.no_mentor.to_string())];
    mentors.extend(
        all.into_iter()
            .map(|m| (m.id.to_string(), ctx.mentor_name(&m.name, m.private))),
    );
    let opt_number = |v: Option<f64>| v.map(number).unwrap_or_default();
    let title = if goal.is_some() {
        t.form_edit
    } else {
        t.form_new
    };
    let mut builder = Form::builder(title)
        .line("title", t.f_title)
        .required("title")
        .value("title", &g.title)
        .multi("specific", t.f_specific, 2)
        .value("specific", &g.specific)
        .line("metric", t.f_metric)
        .value("metric", &g.metric)
        .number("baseline", t.f_baseline)
        .value("baseline", &opt_number(g.baseline))
        .number("target", t.f_target)
        .value("target", &opt_number(g.target))
        .line("unit", t.f_unit)
        .value("unit", &g.unit)
        .multi("achievable", t.f_achievable, 2)
        .value("achievable", &g.achievable)
        .multi("relevant", t.f_relevant, 2)
        .value("relevant", &g.relevant)
        .date("due", t.f_due)
        .value("due", &g.due.map(|d| d.to_string()).unwrap_or_default())
        .choice("area", t.f_area, areas)
        .value("area", g.area.code())
        .choice("mentor", t.f_mentor, mentors)
        .value(
            "mentor",
            &mentor_id.map(|id| id.to_string()).unwrap_or_default(),
        )
        .choice("status", t.f_status, statuses)
        .value("status", g.status.code())
        .toggle("private", t.f_private)
        .checked("private", g.private);
    if goal.is_some() {
        builder = builder.line("reason", t.f_reason);
    }
    let mut form = builder.build();
    let today = ctx.today();
    let report = smart::check(&goal_from_form(&form, g, today), today);
    set_smart_panels(&mut form, &report, ctx);
    Ok(form)
}

/// The progress form: date, value and a note.
fn progress_form(ctx: &Ctx, goal: &Goal) -> Form {
    let t = &ctx.text().goals;
    let title = format!("{} — {}", t.progress_title, clean_line(&goal.title));
    let value_label = if goal.unit.trim().is_empty() {
        t.f_value.to_string()
    } else {
        format!("{} ({})", t.f_value, clean_line(goal.unit.trim()))
    };
    Form::builder(title)
        .date("on", t.f_on)
        .required("on")
        .value("on", &ctx.today().to_string())
        .number("value", value_label)
        .required("value")
        .line("note", t.f_note)
        .build()
}

/// The goal as the form now describes it, on top of `base` (id, uuid…).
pub fn goal_from_form(form: &Form, base: &Goal, today: NaiveDate) -> Goal {
    let mut g = base.clone();
    g.title = clean_line(form.text("title").trim()).into_owned();
    g.specific = form.text("specific");
    g.metric = form.text("metric").trim().to_string();
    g.baseline = form.number("baseline");
    g.target = form.number("target");
    g.unit = form.text("unit").trim().to_string();
    g.achievable = form.text("achievable");
    g.relevant = form.text("relevant");
    g.due = form.date("due", today);
    g.area = form.choice("area").parse().unwrap_or(g.area);
    g.mentor_id = form.choice("mentor").parse().ok();
    g.status = form.choice("status").parse().unwrap_or(g.status);
    g.private = form.toggle("private");
    g
}

/// The live SMART check as side-panel lines: each letter with its verdict, the reason and
/// the follow-up question, then a one-line summary.
pub fn smart_panel(report: &SmartReport, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let t = &lang.text().goals;
    let mut lines = vec![Line::styled(t.smart_title, theme.title)];
    for check in &report.letters {
        let (mark, style) = match check.verdict {
            Verdict::Pass => ("✓", theme.good),
            Verdict::Fail { .. } => ("✗", theme.danger),
            Verdict::Advice { .. } => ("!", theme.warn),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} {} ", check.letter.code()), style),
            Span::styled(t.letter_name(check.letter), style),
        ]));
        let Some(reason) = check.verdict.reason() else {
            continue;
        };
        for part in wrap(&t.smart_reason(reason), PANEL_TEXT - 2, 0) {
            lines.push(Line::from(format!("  {part}")));
        }
        if let Some(q) = smart_questions::question(reason, lang) {
            for (i, part) in wrap(q, PANEL_TEXT - 4, 0).into_iter().enumerate() {
                let lead = if i == 0 { "  → " } else { "    " };
                lines.push(Line::styled(format!("{lead}{part}"), theme.dim));
            }
        }
    }
    let failing: Vec<&str> = report.failing().map(|c| c.letter.code()).collect();
    lines.push(Line::from(""));
    if failing.is_empty() {
        lines.push(Line::styled(t.smart_all_pass, theme.good));
    } else {
        for part in wrap(
            &fill!(t.smart_fails, letters = failing.join(", ")),
            PANEL_TEXT,
            0,
        ) {
            lines.push(Line::styled(part, theme.warn));
        }
    }
    lines
}

/// The text width of the form's side panel when beside the fields (its 44 columns less the
/// rule and the padding). The panel is wrapped here so the form, which sizes itself by the
/// panel's line count, makes room for all of it.
const PANEL_TEXT: usize = 42;

/// Recomputes the SMART panel of an open goal form (called on every change).
pub fn refresh_panel(ctx: &Ctx, purpose: &GoalForm, form: &mut Form) {
    if !matches!(purpose, GoalForm::New | GoalForm::Edit(_)) {
        return;
    }
    let today = ctx.today();
    let goal = goal_from_form(form, &Goal::new(""), today);
    let report = smart::check(&goal, today);
    set_smart_panels(form, &report, ctx);
}

/// The SMART check beside the fields (every reason and question) and below them when the
/// form is narrow (one line per letter, so all five show at 80×24).
fn set_smart_panels(form: &mut Form, report: &SmartReport, ctx: &Ctx) {
    form.set_side_panel(smart_panel(report, ctx.lang, ctx.theme));
    form.set_compact_panel(compact_smart_panel(report, ctx.lang, ctx.theme));
}

/// The width a compact SMART line is cut to (the panel below the fields at 80 columns).
const COMPACT_TEXT: usize = 74;

/// The live SMART check in one line per letter: its verdict, its name and why it fails (cut
/// with "…"), then the one-line summary.
pub fn compact_smart_panel(report: &SmartReport, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let t = &lang.text().goals;
    let mut lines = vec![Line::styled(t.smart_title, theme.title)];
    for check in &report.letters {
        let (mark, style) = match check.verdict {
            Verdict::Pass => ("✓", theme.good),
            Verdict::Fail { .. } => ("✗", theme.danger),
            Verdict::Advice { .. } => ("!", theme.warn),
        };
        let head = format!(
            "{mark} {} {}",
            check.letter.code(),
            t.letter_name(check.letter)
        );
        let mut spans = vec![Span::styled(head.clone(), style)];
        if let Some(reason) = check.verdict.reason() {
            let room = COMPACT_TEXT.saturating_sub(head.width() + 2);
            spans.push(Span::styled(
                format!(": {}", fit(&t.smart_reason(reason), room)),
                theme.dim,
            ));
        }
        lines.push(Line::from(spans));
    }
    let failing: Vec<&str> = report.failing().map(|c| c.letter.code()).collect();
    lines.push(if failing.is_empty() {
        Line::styled(fit(t.smart_all_pass, COMPACT_TEXT), theme.good)
    } else {
        Line::styled(
            fit(
                &fill!(t.smart_fails, letters = failing.join(", ")),
                COMPACT_TEXT,
            ),
            theme.warn,
        )
    });
    lines
}

/// The revisions an edit makes: one per changed target, due date or status.
fn revisions(old: &Goal, new: &Goal, on: NaiveDate, reason: &str) -> Vec<GoalRevision> {
    let opt_number = |v: Option<f64>| v.map(number).unwrap_or_default();
    let opt_date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let changes = [
        ("target", opt_number(old.target), opt_number(new.target)),
        ("due", opt_date(old.due), opt_date(new.due)),
        (
            "status",
            old.status.code().to_string(),
            new.status.code().to_string(),
        ),
    ];
    changes
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(field, old_value, new_value)| GoalRevision {
            reason: reason.to_string(),
            ..GoalRevision::new(new.id, on, field, old_value, new_value)
        })
        .collect()
}

/// Saves a goal form or a progress form.
pub fn save(ctx: &mut Ctx, purpose: &GoalForm, form: &Form) -> Result<Effect, SaveError> {
    let today = ctx.today();
    let id = match purpose {
        GoalForm::Win { goal, meeting } => {
            return super::win_form::save(ctx, *goal, *meeting, form);
        }
        GoalForm::New => {
            let goal = goal_from_form(form, &Goal::new(""), today);
            ctx.store.save_goal(&goal)?
        }
        GoalForm::Edit(id) => {
            // The revisions are the user's own changes (what the form opened with → what it
            // holds), and only those fields are written (`crate::tui::edit`); the app saves
            // all of it in one transaction.
            let now = ctx.store.goal(*id)?;
            let old = goal_from_form(&form.as_opened(), &now, today);
            let new = goal_from_form(form, &now, today);
            let reason = clean_line(form.text("reason").trim()).into_owned();
            let revisions = revisions(&old, &new, today, &reason);
            if !revisions.is_empty() && reason.is_empty() {
                return Err(SaveError::Field {
                    name: "reason",
                    message: ctx.text().goals.reason_required.to_string(),
                });
            }
            // Written with the goal; a change the user gives up for the other window's
            // ("take theirs") is not theirs to record.
            let follow = FollowUp::new(move |store, theirs| {
                for r in &revisions {
                    let column = if r.field == "due" { "due_on" } else { &r.field };
                    if !theirs.contains(&column) {
                        store.save_revision(r)?;
                    }
                }
                Ok(())
            });
            save_edit_then(
                ctx,
                *id,
                form,
                |ctx, form, g: &mut Goal| {
                    *g = goal_from_form(form, g, ctx.today());
                    Ok(())
                },
                |_, _| {},
                follow,
            )?;
            *id
        }
        GoalForm::Progress(goal_id) => {
            let (Some(on), Some(value)) = (form.date("on", today), form.number("value")) else {
                // The form's own checks refuse an empty or bad date or value before this.
                return Err(SaveError::Field {
                    name: "value",
                    message: ctx.text().form.required.to_string(),
                });
            };
            ctx.store.save_progress(&ProgressUpdate {
                note: clean_line(form.text("note").trim()).into_owned(),
                ..ProgressUpdate::new(*goal_id, on, value)
            })?;
            *goal_id
        }
    };
    Ok(Effect::Select(View::Goals, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Theme as ThemeChoice;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn text(lines: &[Line<'_>]) -> String {
        lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn panel_names_each_letter_and_the_failing_reasons() {
        let theme = Theme::new(ThemeChoice::Dark, false);
        let goal = Goal::new("Improve");
        let report = smart::check(&goal, d(2026, 11, 27));
        let panel = text(&smart_panel(&report, Lang::En, &theme));
        assert!(panel.contains("✗ M Measurable"), "{panel}");
        assert!(panel.contains("No due date"), "{panel}");
        assert!(panel.contains("Fails: S, M, A, R, T"), "{panel}");
    }

    #[test]
    fn an_edit_records_only_what_changed() {
        let mut old = Goal::new("Talk");
        old.id = 3;
        old.target = Some(1.0);
        let mut new = old.clone();
        new.target = Some(2.0);
        new.title = "Two talks".into();
        let revs = revisions(&old, &new, d(2026, 11, 27), "meetup asked for two");
        assert_eq!(revs.len(), 1);
        assert_eq!(
            (
                revs[0].field.as_str(),
                revs[0].old_value.as_str(),
                revs[0].new_value.as_str()
            ),
            ("target", "1", "2")
        );
        assert!(revisions(&old, &old, d(2026, 11, 27), "").is_empty());
    }
}
