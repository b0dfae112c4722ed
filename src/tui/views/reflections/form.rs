//! The Reflections view's keys, forms and actions: choosing a template, writing the review
//! with the period's figures beside it, editing and deleting it, and adjusting a goal from it.

use chrono::{Duration, NaiveDate};
use ratatui::crossterm::event::KeyCode;
use ratatui::text::Line;

use std::borrow::Cow;

use super::adjust::{adjust_form, save_adjustment};
use super::figure_lines;
use super::templates::{self, Template, Templates};
use crate::domain::RecordKind;
use crate::domain::figures::{figures, period_bounds};
use crate::domain::{Period, Reflection};
use crate::i18n::{Label, fill};
use crate::store::{Result, StoreError};
use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::forms::{FormPurpose, OpenForm, SaveError};
use crate::tui::keys::{Action, Binding, Key, bind};
use crate::tui::views::View;

/// What the Reflections view's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReflectionsAction {
    New,
    Edit,
    Delete,
    AdjustGoal,
}

/// Keys of the Reflections view. (`g` stays "top of the list"; adjusting a goal is `a`.)
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('n')],
        Action::Reflections(ReflectionsAction::New),
        "n",
        |t| t.reflections.key_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        Action::Reflections(ReflectionsAction::Edit),
        "e",
        |t| t.reflections.key_edit,
        true,
    ),
    bind(
        &[Key::ch('a')],
        Action::Reflections(ReflectionsAction::AdjustGoal),
        "a",
        |t| t.reflections.key_adjust,
        true,
    ),
    bind(
        &[Key::ch('d'), Key::plain(KeyCode::Delete)],
        Action::Reflections(ReflectionsAction::Delete),
        "d",
        |t| t.reflections.key_delete,
        false,
    ),
];

/// What a Reflections form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum ReflectionForm {
    /// Choosing the template and the period of a new review.
    Start,
    /// A new review from `template` of the `period` beginning on `start`.
    New {
        template: String,
        period: Period,
        start: NaiveDate,
    },
    /// The review with this id.
    Edit(i64),
    /// Adjusting a goal from the review with this id.
    AdjustGoal(i64),
}

/// Applies one of the view's actions.
pub fn update(app: &mut App, action: ReflectionsAction) -> Result<()> {
    let selected = app.views.reflections.selected().cloned();
    match (action, selected) {
        (ReflectionsAction::New, _) => {
            if let Some(problem) = app.views.reflections.templates.problems.first() {
                app.message = Some(fill!(
                    app.text().reflections.templates_skipped,
                    file = problem
                ));
            }
            if app.views.reflections.templates.list.is_empty() {
                app.message = Some(app.text().reflections.no_templates.to_string());
                return Ok(());
            }
            let form = start_form(app);
            app.open_form(form, FormPurpose::Reflections(ReflectionForm::Start));
        }
        (ReflectionsAction::Edit, Some(r)) => {
            let key = format!("reflection:edit:{}", r.id);
            let form = review_form(app, &r, &key)?;
            app.open_form(form, FormPurpose::Reflections(ReflectionForm::Edit(r.id)));
        }
        (ReflectionsAction::Delete, Some(r)) => {
            let t = app.text();
            let name = format!(
                "{} {}",
                r.period.label(&t.labels),
                app.config.date_format.format(r.period_start)
            );
            app.ask_delete(RecordKind::Reflection, r.id, &name);
        }
        (ReflectionsAction::AdjustGoal, Some(r)) => {
            let key = format!("reflection:goal:{}", r.id);
            match adjust_form(app, &key)? {
                Some(form) => app.open_form(
                    form,
                    FormPurpose::Reflections(ReflectionForm::AdjustGoal(r.id)),
                ),
                None => app.message = Some(app.text().reflections.adjust_no_goals.to_string()),
            }
        }
        (_, None) => app.message = Some(app.text().common.nothing_selected.to_string()),
    }
    Ok(())
}

/// The templates in use: the view's, or read afresh when the view has not been shown yet
/// (a draft offered back at start).
fn templates_of(app: &App) -> Cow<'_, Templates> {
    let view = &app.views.reflections.templates;
    if view.list.is_empty() {
        Cow::Owned(templates::load(app.config.dir.as_deref()))
    } else {
        Cow::Borrowed(view)
    }
}

/// The period codes with their labels.
fn periods(app: &App) -> Vec<(String, String)> {
    [Period::Week, Period::Month, Period::Quarter]
        .iter()
        .map(|p| {
            (
                p.code().to_string(),
                p.label(&app.text().labels).to_string(),
            )
        })
        .collect()
}

/// Step one of a new review: which template, which period.
fn start_form(app: &App) -> Form {
    let t = &app.text().reflections;
    let templates = templates_of(app);
    let lang = app.lang;
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
    let mut form = Form::builder("reflection:start", t.form_start)
        .choice("template", t.f_template, options)
        .choice("period", t.f_period, periods(app))
        .value("period", app.config.reflection_cadence.code())
        .build();
    let mut panel = vec![Line::styled(t.templates_title, app.theme.title)];
    for tpl in &templates.list {
        panel.push(Line::from(format!("• {}", tpl.title(lang))));
        let labels: Vec<&str> = tpl.prompts.iter().map(|p| p.label.get(lang)).collect();
        panel.push(Line::styled(
            format!("  {}", labels.join(" · ")),
            app.theme.dim,
        ));
    }
    for p in &templates.problems {
        panel.push(Line::styled(
            fill!(t.templates_skipped, file = p),
            app.theme.warn,
        ));
    }
    form.set_side_panel(panel);
    form
}

/// The days `[start, end)` of the review period beginning on `start`.
fn period_range(period: Period, start: NaiveDate) -> (NaiveDate, NaiveDate) {
    match period {
        Period::Week => (start, start + Duration::days(7)),
        _ => period_bounds(period, start, chrono::Weekday::Mon),
    }
}

/// The side panel of a review: the period's figures, then its prompts' questions.
fn review_panel(
    app: &App,
    template: Option<&Template>,
    period: Period,
    start: NaiveDate,
) -> Result<Vec<Line<'static>>> {
    let lang = app.lang;
    let (start, end) = period_range(period, start);
    let input = app.store.figure_input(start, end, app.clock.today())?;
    // The figures first: in a narrow terminal the panel sits below the fields, cut short.
    let mut panel = figure_lines(
        &figures(&input),
        app.text(),
        &app.theme,
        app.config.date_format,
    );
    if let Some(tpl) = template {
        panel.push(Line::from(""));
        for p in &tpl.prompts {
            let text = format!("{}: {}", p.label.get(lang), p.text.get(lang));
            for (i, line) in crate::tui::ui::wrap(&text, 42, 2).into_iter().enumerate() {
                panel.push(if i == 0 {
                    Line::styled(line, app.theme.header)
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
fn review_form(app: &App, r: &Reflection, draft_key: &str) -> Result<Form> {
    let t = &app.text().reflections;
    let templates = templates_of(app);
    let lang = app.lang;
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
    let last = end - Duration::days(1);
    let dates = app.config.date_format;
    let period = r.period.label(&app.text().labels);
    let title = if r.id == 0 {
        fill!(
            t.form_new,
            period = period,
            start = dates.format(start),
            end = dates.format(last),
            template = template.map(|tpl| tpl.title(lang)).unwrap_or(&r.template)
        )
    } else {
        fill!(
            t.form_edit,
            period = period,
            start = dates.format(start),
            end = dates.format(last)
        )
    };
    let height = if prompts.len() > 4 { 3 } else { 4 };
    let mut builder = Form::builder(draft_key, title);
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
    }
    let mut form = builder
        .toggle("private", t.f_private)
        .checked("private", r.private)
        .build();
    form.set_side_panel(review_panel(app, template, r.period, r.period_start)?);
    Ok(form)
}

/// A new, unsaved review.
fn new_review(template: &str, period: Period, start: NaiveDate) -> Reflection {
    Reflection::new(period, start, template)
}

/// Saves a form of the view.
pub fn save(app: &mut App, purpose: &ReflectionForm, form: &Form) -> Result<(), SaveError> {
    match purpose {
        ReflectionForm::Start => {
            let t = &app.text().reflections;
            let name = form.choice("template").to_string();
            let Some(template) = templates_of(app).find(&name).cloned() else {
                return Err(SaveError::Field {
                    name: "template",
                    message: fill!(t.unknown_template, name = name),
                });
            };
            let period: Period = form
                .choice("period")
                .parse()
                .unwrap_or(app.config.reflection_cadence);
            let (start, _) = period_bounds(period, app.clock.today(), app.config.week_start);
            let key = format!("reflection:new:{}:{}:{start}", template.name, period.code());
            let review = review_form(app, &new_review(&template.name, period, start), &key)?;
            // The review form replaces the chooser; the app keeps the form set here.
            app.open_form(
                review,
                FormPurpose::Reflections(ReflectionForm::New {
                    template: template.name,
                    period,
                    start,
                }),
            );
            Ok(())
        }
        ReflectionForm::New {
            template,
            period,
            start,
        } => save_review(app, new_review(template, *period, *start), form),
        ReflectionForm::Edit(id) => {
            let r = app.store.reflection(*id)?;
            save_review(app, r, form)
        }
        ReflectionForm::AdjustGoal(id) => save_adjustment(app, *id, form),
    }
}

/// Saves the answers of `form` into `r`.
fn save_review(app: &mut App, mut r: Reflection, form: &Form) -> Result<(), SaveError> {
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
            app.text().reflections.answers_empty.to_string(),
        )));
    }
    r.answers = answers;
    r.private = form.toggle("private");
    let id = app.store.save_reflection(&r)?;
    select(app, id)?;
    Ok(())
}

/// Reloads the view and puts the cursor on reflection `id`.
pub(super) fn select(app: &mut App, id: i64) -> Result<()> {
    app.load(View::Reflections)?;
    let view = &mut app.views.reflections;
    view.list.select(id);
    Ok(())
}

/// Rebuilds the form a `reflection:…` draft belongs to.
pub fn reopen(app: &App, draft_key: &str) -> Option<OpenForm> {
    let rest = draft_key.strip_prefix("reflection:")?;
    let mut parts = rest.split(':');
    let (form, purpose) = match parts.next()? {
        "start" => (start_form(app), ReflectionForm::Start),
        "new" => {
            let template = parts.next()?.to_string();
            let period: Period = parts.next()?.parse().ok()?;
            let start: NaiveDate = parts.next()?.parse().ok()?;
            templates_of(app).find(&template)?;
            let r = new_review(&template, period, start);
            (
                review_form(app, &r, draft_key).ok()?,
                ReflectionForm::New {
                    template,
                    period,
                    start,
                },
            )
        }
        "edit" => {
            let r = app.store.reflection(parts.next()?.parse().ok()?).ok()?;
            (
                review_form(app, &r, draft_key).ok()?,
                ReflectionForm::Edit(r.id),
            )
        }
        "goal" => {
            let r = app.store.reflection(parts.next()?.parse().ok()?).ok()?;
            (
                adjust_form(app, draft_key).ok()??,
                ReflectionForm::AdjustGoal(r.id),
            )
        }
        _ => return None,
    };
    Some(OpenForm {
        form,
        purpose: FormPurpose::Reflections(purpose),
    })
}
