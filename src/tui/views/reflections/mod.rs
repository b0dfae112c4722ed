//! Reflections (7): periodic reviews written from a template's prompts, with the period's
//! figures beside them, and the goal adjustments made from each review.
//!
//! `n` starts a review of the current period (a template is chosen first), `e` edits the
//! selected review, `d` deletes it (with undo), `a` adjusts a goal from it.

mod adjust;
mod figures;
pub mod form;
pub use crate::assets::reflection_templates as templates;

use crate::tui::ctx::Ctx;
use crate::tui::views::screen::Screen;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

pub use crate::tui::action::ReflectionsAction;
use crate::tui::keys::{Action, Binding, Key, bind};
pub use crate::tui::purpose::ReflectionForm;
pub use figures::figure_lines;
use ratatui::crossterm::event::KeyCode;
pub use templates::Templates;

use super::list::{List, ListRow, ListSpec, draw_detail, draw_list, heading};
use crate::config::Config;
use crate::domain::figures::{last_day, review_bounds};
use crate::domain::text::clean_multiline;
use crate::domain::{GoalStatus, Reflection};
use crate::i18n::{Label, Lang, fill};
use crate::store::{ReflectionRevision, Result, Store};
use crate::tui::ui::Ui;
use crate::tui::views::list::{LIST_LIMIT, list_and_detail};

/// The Reflections view's state.
#[derive(Debug, Default)]
pub struct ReflectionsView {
    /// The rows and the selection.
    pub list: List<Reflection>,
    /// The templates in use (shipped, overridden or added by the user's own files).
    pub templates: Templates,
    /// The interface language (templates carry both).
    pub lang: Lang,
    /// Goal revisions made from reflections, newest first.
    pub revisions: Vec<ReflectionRevision>,
}

impl ReflectionsView {
    /// Loads the list, the templates and the goal adjustments made from reviews.
    pub fn load(&mut self, store: &Store, config: &Config, lang: Lang) -> Result<()> {
        let page = store.reflection_page(self.list.window())?;
        self.list.set_page(page);
        self.templates = templates::load(config.dir.as_deref());
        self.lang = lang;
        self.revisions = store.reflection_revisions(LIST_LIMIT)?;
        Ok(())
    }

    /// The selected reflection.
    pub fn selected(&self) -> Option<&Reflection> {
        self.list.selected()
    }

    /// A template's title, or its name when it is not available.
    pub fn template_title<'a>(&'a self, name: &'a str) -> &'a str {
        self.templates
            .find(name)
            .map(|t| t.title(self.lang))
            .unwrap_or(name)
    }

    /// Draws the list and the answers of the selected reflection.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.reflections;
        let detail = Screen::detail(self, ui);
        let (list_area, detail_area) = list_and_detail(area, self.list.rows().len(), || {
            crate::tui::detail::wanted(detail.as_ref(), area.width)
        });
        let window = super::list::window(self.list.cursor(), self.list.rows().len(), list_area);
        let rows = self.list.rows()[window.clone()]
            .iter()
            .map(|r| {
                ListRow::new(vec![
                    Span::raw(r.period.label(&ui.t.labels)),
                    Span::raw(ui.date(r.period_start)),
                    Span::raw(
                        ui.user(self.template_title(&r.template), false)
                            .into_owned(),
                    ),
                ])
            })
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: t.list_title.to_string(),
                headers: &[t.col_period, t.col_start, t.col_template],
                widths: &[
                    Constraint::Length(10),
                    Constraint::Length(11),
                    Constraint::Min(10),
                ],
                rows,
                window: Some(self.list.slice(window.start)),
                cursor: self.list.cursor(),
                empty: t.empty,
                focused: true,
            },
            ui,
        );
        if let Some((title, lines)) = detail {
            crate::tui::detail::draw_pane(f, detail_area, &title, lines, ui);
        } else if !self.templates.problems.is_empty() {
            draw_detail(f, detail_area, t.answers, self.problem_lines(ui), ui);
        }
    }

    fn problem_lines(&self, ui: &Ui) -> Vec<Line<'static>> {
        self.templates
            .problems
            .iter()
            .map(|p| {
                Line::styled(
                    fill!(ui.t.reflections.templates_skipped, file = ui.user(p, false)),
                    ui.theme.warn,
                )
            })
            .collect()
    }

    fn detail_lines(&self, r: &Reflection, ui: &Ui) -> Vec<Line<'static>> {
        let t = &ui.t.reflections;

        // A week starts where the review says; months and quarters are calendar ones.
        let (start, end) = review_bounds(r.period, r.period_start);
        let mut lines = vec![Line::styled(
            format!(
                "{} · {} – {}",
                ui.user(self.template_title(&r.template), false),
                ui.date(start),
                ui.date(last_day(end))
            ),
            ui.theme.dim,
        )];
        let template = self.templates.find(&r.template);
        for (code, answer) in &r.answers {
            let prompt = template
                .and_then(|tpl| tpl.prompt(code, self.lang))
                .unwrap_or(code);
            lines.push(heading(&ui.user(prompt, false), ui));
            if r.private && ui.hide_private {
                lines.push(Line::from(ui.t.common.hidden_text));
            } else {
                lines.extend(
                    clean_multiline(answer)
                        .lines()
                        .map(|l| Line::from(l.to_string())),
                );
            }
            lines.push(Line::from(""));
        }
        let adjustments: Vec<&ReflectionRevision> = self
            .revisions
            .iter()
            .filter(|v| v.revision.reflection_id == Some(r.id))
            .collect();
        if !adjustments.is_empty() {
            lines.push(heading(t.adjustments, ui));
            for a in adjustments {
                let v = &a.revision;
                let field = match v.field.as_str() {
                    "target" => t.field_target,
                    "due" => t.field_due,
                    _ => t.field_status,
                };
                let value = |s: &str| {
                    if s.is_empty() {
                        t.empty_value.to_string()
                    } else if let Ok(status) = s.parse::<GoalStatus>() {
                        status.label(&ui.t.labels).to_string()
                    } else {
                        ui.user(s, false).into_owned()
                    }
                };
                let mut line = format!(
                    "{}: {field} {} → {}",
                    ui.user(&a.goal_title, a.goal_private),
                    value(&v.old_value),
                    value(&v.new_value)
                );
                if !v.reason.is_empty() {
                    line.push_str(&format!(" — {}", ui.user(&v.reason, a.goal_private)));
                }
                lines.push(Line::from(line));
            }
        }
        lines.extend(self.problem_lines(ui));
        lines
    }
}

impl Screen for ReflectionsView {
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.list.fit_page(ctx.height);
        ReflectionsView::load(self, ctx.store, ctx.config, ctx.lang)
    }

    fn step(&mut self, ctx: &Ctx, delta: isize) -> Result<()> {
        if self.list.grow(delta) {
            ReflectionsView::load(self, ctx.store, ctx.config, ctx.lang)?;
        }
        self.list.step(delta);
        Ok(())
    }

    fn select(&mut self, ctx: &Ctx, id: i64) -> Result<bool> {
        // A record beyond the loaded page (a search hit, a link) is loaded, not missed.
        if self.list.reach(id) {
            <Self as Screen>::load(self, ctx)?;
        }
        Ok(self.list.select(id))
    }

    fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        ReflectionsView::render(self, f, area, ui)
    }

    fn has_detail(&self) -> bool {
        self.list.selected().is_some()
    }

    fn detail(&self, ui: &Ui) -> Option<crate::tui::views::screen::Detail> {
        let r = self.selected()?;
        Some((
            ui.t.reflections.answers.to_string(),
            self.detail_lines(r, ui),
        ))
    }

    fn keys(&self) -> &'static [crate::tui::keys::Binding] {
        KEYS
    }
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
