//! The Reflections view's keys, forms and actions: choosing a template, writing the review
//! with the period's figures beside it, editing and deleting it, and adjusting a goal from it.

pub use crate::tui::action::ReflectionsAction;
pub use crate::tui::purpose::ReflectionForm;
use chrono::NaiveDate;
use ratatui::text::Line;

use std::borrow::Cow;

use super::ReflectionsView;
use super::adjust::{adjust_form, save_adjustment};
use super::figures::figure_lines;
use crate::assets::reflection_templates::{self as templates, Template, Templates};
use crate::domain::RecordKind;
use crate::domain::figures::{figures, period_bounds, previous_period_bounds};
use crate::domain::nudges::{NudgeKind, nudges, sources};
use crate::domain::{Period, Reflection};
use crate::i18n::{Label, fill};
use crate::store::{Result, StoreError};
use crate::tui::ctx::{Ctx, existing};
use crate::tui::edit::save_edit;
use crate::tui::effect::{Confirm, Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::purpose::FormPurpose;
use crate::tui::view::View;

/// Applies one of the view's actions.
pub fn update(ctx: &mut Ctx, v: &mut ReflectionsView, action: ReflectionsAction) -> Result<Effect> {
    let t = ctx.text();
    let form = |p: ReflectionForm| Effect::OpenForm(FormPurpose::Reflections(p));
    Ok(match (action, v.selected()) {
        (ReflectionsAction::New, _) => {
            let problem = match v.templates.problems.first() {
                Some(problem) => {
                    Effect::Message(fill!(t.reflections.templates_skipped, file = problem))
                }
                None => Effect::None,
            };
            if v.templates.list.is_empty() {
                return Ok(Effect::say(t.reflections.no_templates));
            }
            problem.and(form(ReflectionForm::Start))
        }
        (ReflectionsAction::Edit, Some(r)) => form(ReflectionForm::Edit(r.id)),
        (ReflectionsAction::Delete, Some(r)) => {
            let name = format!(
                "{} {}",
                r.period.label(&t.labels),
                ctx.config.date_format.format(r.period_start, ctx.lang)
            );
            Effect::Confirm(Confirm::delete(t, RecordKind::Reflection, r.id, &name))
        }
        (ReflectionsAction::AdjustGoal, Some(r)) => {
            if ctx.store.goal_summaries(1)?.is_empty() {
                Effect::say(t.reflections.adjust_no_goals)
            } else {
                form(ReflectionForm::AdjustGoal(r.id))
            }
        }
        (_, None) => Effect::say(t.common.nothing_selected),
    })
}

/// The form of `purpose` (`None` when its review, its template or every goal is gone).
pub fn form(ctx: &Ctx, v: &ReflectionsView, purpose: &ReflectionForm) -> Result<Option<Form>> {
    Ok(match purpose {
        ReflectionForm::Start => Some(start_form(ctx, v)),
        ReflectionForm::New {
            template,
            period,
            start,
        } => {
            if templates_of(ctx, v).find(template).is_none() {
                return Ok(None);
            }
            Some(review_form(ctx, v, &new_review(template, *period, *start))?)
        }
        ReflectionForm::Edit(id) => match existing(ctx.store.reflection(*id))? {
            Some(r) => Some(review_form(ctx, v, &r)?),
            None => None,
        },
        ReflectionForm::AdjustGoal(id) => match existing(ctx.store.reflection(*id))? {
            Some(_) => adjust_form(ctx)?,
            None => None,
        },
    })
}

/// The templates in use: the view's, or read afresh when the view has not been shown yet
/// (a draft offered back at start).
fn templates_of<'a>(ctx: &Ctx, v: &'a ReflectionsView) -> Cow<'a, Templates> {
    let view = &v.templates;
    if view.list.is_empty() {
        Cow::Owned(templates::load(ctx.config.dir.as_deref()))
    } else {
        Cow::Borrowed(view)
    }
}

/// The period codes with their labels.
fn periods(ctx: &Ctx) -> Vec<(String, String)> {
    [Period::Week, Period::Month, Period::Quarter]
        .iter()
        .map(|p| {
            (
                p.code().to_string(),
                p.label(&ctx.text().labels).to_string(),
            )
        })
        .collect()
}

/// Step one of a new review: which template, which period.
fn start_form(ctx: &Ctx, v: &ReflectionsView) -> Form {
    let t = &ctx.text().reflections;
    let templates = templates_of(ctx, v);
    let lang = ctx.lang;
    let options = templates
        .list
        .iter()
        .map(|tpl| {
            let mut label = tpl.title(lang).to_string();
            if tpl.user {
                label.push_str(&format!(" ({})", t.your_copy));
            }
            (tpl.name.clone(), label)
        })
        .collect();
    // Which period: this one or the last complete one, the latter when a reflection is due
    // (the nudge names it), so a Monday's review is of the week just ended.
    let fit = &ctx.text().fit;
    let cadence = ctx.config.reflection_cadence;
    let today = ctx.today();
    let week_start = ctx.config.week_start;
    let range = |(start, end): (NaiveDate, NaiveDate)| {
        let dates = ctx.config.date_format;
        format!(
            "{} – {}",
            dates.format(start, lang),
            dates.format(crate::domain::figures::last_day(end), lang)
        )
    };
    let spans = vec![
        (
            "current".to_string(),
            fill!(
                fit.span_current,
                range = range(period_bounds(cadence, today, week_start))
            ),
        ),
        (
            "previous".to_string(),
            fill!(
                fit.span_previous,
                range = range(previous_period_bounds(cadence, today, week_start))
            ),
        ),
    ];
    // Only what the "reflection due" nudge comes from (not every mentor and meeting).
    let due = ctx
        .store
        .nudge_input_of(ctx.now, &sources(&[NudgeKind::ReflectionDue]))
        .map(|mut input| {
            input.settings.reflection_cadence = cadence;
            nudges(&input, ctx.now)
                .iter()
                .any(|n| n.kind == NudgeKind::ReflectionDue)
        })
        .unwrap_or(false);
    let mut form = Form::builder(t.form_start)
        .choice("template", t.f_template, options)
        .choice("period", t.f_period, periods(ctx))
        .value("period", cadence.code())
        .choice("span", fit.span_title, spans)
        .value("span", if due { "previous" } else { "current" })
        .build();
    let mut panel = vec![Line::styled(t.templates_title, ctx.theme.title)];
    for tpl in &templates.list {
        panel.push(Line::from(format!("• {}", tpl.title(lang))));
        let labels: Vec<&str> = tpl.prompts.iter().map(|p| p.label.get(lang)).collect();
        panel.push(Line::styled(
            format!("  {}", labels.join(" · ")),
            ctx.theme.dim,
        ));
    }
    for p in &templates.problems {
        panel.push(Line::styled(
            fill!(t.templates_skipped, file = p),
            ctx.theme.warn,
        ));
    }
    form.set_side_panel(panel);
    form
}

/// The days `[start, end)` of the review period beginning on `start`.
fn period_range(period: Period, start: NaiveDate) -> (NaiveDate, NaiveDate) {
    crate::domain::figures::review_bounds(period, start)
}

/// The side panel of a review: the period's figures, then its prompts' questions.
fn review_panel(
    ctx: &Ctx,
    template: Option<&Template>,
    period: Period,
    start: NaiveDate,
) -> Result<Vec<Line<'static>>> {
    let lang = ctx.lang;
    let (start, end) = period_range(period, start);
    let input = ctx.store.figure_input(start, end, ctx.today())?;
    // The figures first: in a narrow terminal the panel sits below the fields, cut short.
    let mut panel = figure_lines(
        &figures(&input),
        period,
        ctx.text(),
        ctx.theme,
        (ctx.config.date_format, lang),
    );
    if let Some(tpl) = template {
        panel.push(Line::from(""));
        for p in &tpl.prompts {
            let text = format!("{}: {}", p.label.get(lang), p.text.get(lang));
            for (i, line) in crate::tui::ui::wrap(&text, 42, 2).into_iter().enumerate() {
                panel.push(if i == 0 {
                    Line::styled(line, ctx.theme.header)
                } else {
                    Line::from(line)
                });
            }
        }
    }
    Ok(panel)
}

/// The review form: one multi-line field per prompt (answers of `r` filled in), a privacy
/// toggle, and the prompts and figures beside.
fn review_form(ctx: &Ctx, v: &ReflectionsView, r: &Reflection) -> Result<Form> {
    let t = &ctx.text().reflections;
    let templates = templates_of(ctx, v);
    let lang = ctx.lang;
    let template = templates.find(&r.template);
    // The template's prompts in order, then answers to prompts it no longer has.
    let mut prompts: Vec<(String, String)> = template
        .map(|tpl| {
            tpl.prompts
                .iter()
                .map(|p| (p.code.clone(), p.label.get(lang).to_string()))
                .collect()
        })
        .unwrap_or_default();
    for (code, _) in &r.answers {
        if !prompts.iter().any(|(c, _)| c == code) {
            prompts.push((code.clone(), code.clone()));
        }
    }
    let (start, end) = period_range(r.period, r.period_start);
    let last = crate::domain::figures::last_day(end);
    let dates = ctx.config.date_format;
    let period = r.period.label(&ctx.text().labels);
    let title = if r.id == 0 {
        fill!(
            t.form_new,
            period = period,
            start = dates.format(start, lang),
            end = dates.format(last, lang),
            template = template.map(|tpl| tpl.title(lang)).unwrap_or(&r.template)
        )
    } else {
        fill!(
            t.form_edit,
            period = period,
            start = dates.format(start, lang),
            end = dates.format(last, lang)
        )
    };
    let height = if prompts.len() > 4 { 3 } else { 4 };
    let mut builder = Form::builder(title);
    for (code, label) in &prompts {
        let name = format!("p:{code}");
        let answer = r
            .answers
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, a)| a.as_str())
            .unwrap_or("");
        builder = builder
            .multi(name.clone(), label.clone(), height)
            .value(&name, answer);
        // The question being answered shows under its field, also where the side panel
        // (with every question) does not fit.
        if let Some(p) = template.and_then(|tpl| tpl.prompts.iter().find(|p| &p.code == code)) {
            builder = builder.hint(&name, p.text.get(lang));
        }
    }
    let mut form = builder
        .toggle("private", t.f_private)
        .checked("private", r.private)
        .build();
    form.set_side_panel(review_panel(ctx, template, r.period, r.period_start)?);
    Ok(form)
}

/// A new, unsaved review.
fn new_review(template: &str, period: Period, start: NaiveDate) -> Reflection {
    Reflection::new(period, start, template)
}

/// Saves a form of the view.
pub fn save(
    ctx: &mut Ctx,
    v: &ReflectionsView,
    purpose: &ReflectionForm,
    form: &Form,
) -> Result<Effect, SaveError> {
    match purpose {
        ReflectionForm::Start => {
            let t = &ctx.text().reflections;
            let name = form.choice("template").to_string();
            let Some(template) = templates_of(ctx, v).find(&name).cloned() else {
                return Err(SaveError::Field {
                    name: "template",
                    message: fill!(t.unknown_template, name = name),
                });
            };
            let period: Period = form
                .choice("period")
                .parse()
                .unwrap_or(ctx.config.reflection_cadence);
            let (start, _) = if form.choice("span") == "previous" {
                previous_period_bounds(period, ctx.today(), ctx.config.week_start)
            } else {
                period_bounds(period, ctx.today(), ctx.config.week_start)
            };
            // The review form takes the chooser's place.
            Ok(Effect::OpenForm(FormPurpose::Reflections(
                ReflectionForm::New {
                    template: template.name,
                    period,
                    start,
                },
            )))
        }
        ReflectionForm::New {
            template,
            period,
            start,
        } => save_review(ctx, new_review(template, *period, *start), form),
        ReflectionForm::Edit(id) => {
            // Only the fields the user changed (`crate::tui::edit`).
            save_edit(ctx, *id, form, apply_review)?;
            Ok(Effect::Select(View::Reflections, *id))
        }
        ReflectionForm::AdjustGoal(id) => save_adjustment(ctx, *id, form),
    }
}

/// Saves the answers of `form` into `r`.
fn save_review(ctx: &mut Ctx, mut r: Reflection, form: &Form) -> Result<Effect, SaveError> {
    apply_review(ctx, form, &mut r)?;
    let id = ctx.store.save_reflection(&r)?;
    Ok(Effect::Select(View::Reflections, id))
}

/// Puts the answers of `form` into `r`.
fn apply_review(ctx: &mut Ctx, form: &Form, r: &mut Reflection) -> Result<(), SaveError> {
    let answers: Vec<(String, String)> = form
        .fields()
        .iter()
        .filter_map(|f| {
            let code = f.name.strip_prefix("p:")?;
            Some((code.to_string(), form.text(&f.name).trim_end().to_string()))
        })
        .collect();
    if answers.iter().all(|(_, a)| a.trim().is_empty()) {
        // The prompts' field names are not static: the message goes to the status bar.
        return Err(SaveError::Store(StoreError::Invalid(
            ctx.text().reflections.answers_empty.to_string(),
        )));
    }
    r.answers = answers;
    r.private = form.toggle("private");
    Ok(())
}
