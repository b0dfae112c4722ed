//! Goals (2): SMART goals with a progress gauge and the letters that fail the SMART check,
//! and the selected goal's details, progress history and revisions. Keys and forms are in
//! [`form`].

pub mod form;
pub mod win_form;

pub use crate::tui::action::GoalsAction;
use crate::tui::keys::{Action, Binding, Key, bind};
pub use crate::tui::purpose::GoalForm;

use crate::tui::ctx::Ctx;
use crate::tui::views::screen::Screen;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::list::{List, ListRow, ListSpec, draw_list, field, heading};
use crate::domain::smart;
use crate::domain::{Goal, GoalRevision, GoalStatus, ProgressUpdate, WinRow};
use crate::i18n::{Label, fill};
use crate::store::{GoalSummary, Result, Store};
use crate::tui::ui::{Ui, fit, gauge, number, sparkline};
use crate::tui::views::list::list_and_detail;

/// The Goals view's state.
#[derive(Debug, Default)]
pub struct GoalsView {
    /// The rows and the selection.
    pub list: List<GoalSummary>,
    pub history: Vec<ProgressUpdate>,
    pub revisions: Vec<GoalRevision>,
    /// The selected goal's newest wins and how many it has in all.
    pub wins: (Vec<WinRow>, i64),
    /// The SMART column of the goals drawn so far (the check runs once per goal per load).
    smart_marks: std::cell::RefCell<std::collections::HashMap<i64, String>>,
}

impl GoalsView {
    /// Loads the list and the selected goal's details.
    pub fn load(&mut self, store: &Store) -> Result<()> {
        let page = store.goal_page(self.list.window())?;
        self.list.set_page(page);
        self.smart_marks.borrow_mut().clear();
        self.load_detail(store)
    }

    /// Loads the history of the goal under the cursor.
    pub fn load_detail(&mut self, store: &Store) -> Result<()> {
        match self.list.selected() {
            Some(row) => {
                self.history = store.progress_of(row.goal.id, 24)?;
                self.revisions = store.revisions_of(row.goal.id, 5)?;
                self.wins = store.recent_wins_of_goal(row.goal.id, win_form::SHOWN)?;
            }
            None => {
                self.history.clear();
                self.revisions.clear();
                self.wins = Default::default();
            }
        }
        Ok(())
    }

    /// Draws the list and the detail pane.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.goals;
        let detail = Screen::detail(self, ui);
        let (list_area, detail_area) = list_and_detail(area, self.list.rows().len(), || {
            crate::tui::detail::wanted(detail.as_ref(), area.width)
        });
        let window = super::list::window(self.list.cursor(), self.list.rows().len(), list_area);
        let rows = self.list.rows()[window.clone()]
            .iter()
            .map(|s| {
                let g = &s.goal;
                let due_style = match g.due {
                    Some(d) if d < ui.today() && g.status == crate::domain::GoalStatus::Active => {
                        ui.theme.danger
                    }
                    _ => ui.theme.base,
                };
                // The check runs for the rows on screen only, once per goal until the next load.
                let failing = self
                    .smart_marks
                    .borrow_mut()
                    .entry(g.id)
                    .or_insert_with(|| smart_cell(g, ui.today()))
                    .clone();
                ListRow::new(vec![
                    Span::raw(ui.user(&g.title, g.private).into_owned()),
                    Span::raw(g.area.label(&ui.t.labels)),
                    Span::raw(g.status.label(&ui.t.labels)),
                    Span::styled(ui.opt_date(g.due), due_style),
                    Span::styled(gauge(g.progress(s.latest), 8), ui.theme.gauge),
                    Span::styled(
                        failing.clone(),
                        if failing.starts_with('✗') {
                            ui.theme.danger
                        } else {
                            ui.theme.good
                        },
                    ),
                ])
            })
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: t.list_title.to_string(),
                headers: &[
                    t.col_goal,
                    t.col_area,
                    t.col_status,
                    t.col_due,
                    t.col_progress,
                    t.col_smart,
                ],
                widths: &[
                    Constraint::Min(16),
                    Constraint::Length(14),
                    Constraint::Length(10),
                    Constraint::Length(10),
                    Constraint::Length(13),
                    Constraint::Length(7),
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
        }
    }

    fn detail_lines(&self, s: &GoalSummary, ui: &Ui) -> Vec<Line<'static>> {
        let t = &ui.t.goals;
        let g = &s.goal;
        let text = |v: &str| ui.user(v, g.private).into_owned();
        let dash = ui.t.common.none;
        let or_dash = |v: String| {
            if v.trim().is_empty() {
                dash.to_string()
            } else {
                v
            }
        };
        let measure = if g.metric.is_empty() {
            dash.to_string()
        } else {
            fill!(
                t.measure_line,
                metric = text(&g.metric),
                baseline = g.baseline.map(number).unwrap_or_else(|| "?".into()),
                target = g.target.map(number).unwrap_or_else(|| "?".into()),
                unit = text(&g.unit)
            )
        };
        let mentor = s
            .mentor_name
            .as_deref()
            .map(|n| ui.mentor(n, s.mentor_private).into_owned())
            .unwrap_or_else(|| dash.to_string());
        let mut lines = vec![
            field(t.specific, or_dash(text(&g.specific)), ui),
            field(t.measurable, measure, ui),
            field(t.achievable, or_dash(text(&g.achievable)), ui),
            field(t.relevant, or_dash(text(&g.relevant)), ui),
            field(t.time_bound, ui.opt_date(g.due), ui),
            field(t.mentor, mentor, ui),
        ];
        if matches!(g.status, GoalStatus::Active | GoalStatus::Paused) {
            let report = smart::check(g, ui.today());
            let letters: Vec<&str> = report.failing().map(|c| c.letter.code()).collect();
            if !letters.is_empty() {
                lines.push(Line::styled(
                    fill!(t.smart_detail, letters = letters.join(", ")),
                    ui.theme.danger,
                ));
            }
            for c in report.failing() {
                if let Some(reason) = c.verdict.reason() {
                    lines.push(Line::styled(
                        format!("  {}: {}", c.letter.code(), t.smart_reason(reason)),
                        ui.theme.dim,
                    ));
                }
            }
        }
        lines.extend([Line::from(""), heading(t.history, ui)]);
        if self.history.is_empty() {
            lines.push(Line::styled(t.no_updates, ui.theme.dim));
        } else {
            let values: Vec<f64> = self.history.iter().map(|p| p.value).collect();
            lines.push(Line::styled(sparkline(&values), ui.theme.gauge));
            for p in self.history.iter().rev().take(4) {
                lines.push(Line::from(format!(
                    "{}  {}  {}",
                    ui.date(p.on),
                    ui.number(p.value),
                    fit(&ui.user(&p.note, g.private), 60)
                )));
            }
        }
        if !self.revisions.is_empty() {
            lines.push(Line::from(""));
            lines.push(heading(t.revisions, ui));
            for r in &self.revisions {
                let (field, old, new) = match r.field.as_str() {
                    "status" => (
                        t.rev_status,
                        status_label(&r.old_value, ui),
                        status_label(&r.new_value, ui),
                    ),
                    other => (
                        match other {
                            "target" => t.rev_target,
                            "due" => t.rev_due,
                            _ => dash,
                        },
                        or_dash(ui.user(&r.old_value, g.private).into_owned()),
                        or_dash(ui.user(&r.new_value, g.private).into_owned()),
                    ),
                };
                lines.push(Line::from(format!(
                    "{}  {field}: {old} → {new}  {}",
                    ui.date(r.on),
                    ui.user(&r.reason, g.private)
                )));
            }
        }
        win_form::lines(&self.wins.0, self.wins.1, ui, &mut lines);
        lines
    }
}

/// The letters an active or paused goal fails ("MT"); empty when it passes or is closed
/// (an achieved goal's past due date is no longer a problem to fix).
pub fn failing_letters(g: &Goal, today: chrono::NaiveDate) -> String {
    if !matches!(g.status, GoalStatus::Active | GoalStatus::Paused) {
        return String::new();
    }
    smart::check(g, today).failing_letters()
}

/// The list's SMART cell: `✗ MT` for a goal that fails, `✓` for one that passes, nothing for
/// a closed goal.
fn smart_cell(g: &Goal, today: chrono::NaiveDate) -> String {
    if !matches!(g.status, GoalStatus::Active | GoalStatus::Paused) {
        return String::new();
    }
    match failing_letters(g, today) {
        f if f.is_empty() => "✓".to_string(),
        f => format!("✗ {f}"),
    }
}

/// A goal status code as its label (the code itself when unknown).
fn status_label(code: &str, ui: &Ui) -> String {
    code.parse::<GoalStatus>()
        .map(|s| s.label(&ui.t.labels).to_string())
        .unwrap_or_else(|_| ui.user(code, false).into_owned())
}

impl Screen for GoalsView {
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.list.fit_page(ctx.height);
        GoalsView::load(self, ctx.store)?;
        // The SMART column of the rows a screen shows is checked with the load, so a view
        // loaded ahead of its visit only draws then.
        let today = ctx.now.date();
        let mut marks = self.smart_marks.borrow_mut();
        for row in self.list.rows().iter().take(usize::from(ctx.height)) {
            marks
                .entry(row.goal.id)
                .or_insert_with(|| smart_cell(&row.goal, today));
        }
        Ok(())
    }

    fn step(&mut self, ctx: &Ctx, delta: isize) -> Result<()> {
        if self.list.grow(delta) {
            Self::load(self, ctx.store)?;
        }
        self.list.step(delta);
        self.load_detail(ctx.store)
    }

    fn select(&mut self, ctx: &Ctx, id: i64) -> Result<bool> {
        // A record beyond the loaded page (a search hit, a link) is loaded, not missed.
        if self.list.reach(id) {
            <Self as Screen>::load(self, ctx)?;
        }
        let found = self.list.select(id);
        self.load_detail(ctx.store)?;
        Ok(found)
    }

    fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        GoalsView::render(self, f, area, ui)
    }

    fn has_detail(&self) -> bool {
        self.list.selected().is_some()
    }

    fn detail(&self, ui: &Ui) -> Option<crate::tui::views::screen::Detail> {
        let s = self.list.selected()?;
        let title = ui.user(&s.goal.title, s.goal.private).into_owned();
        Some((title, self.detail_lines(s, ui)))
    }

    fn keys(&self) -> &'static [crate::tui::keys::Binding] {
        KEYS
    }
}

/// Keys of the Goals view.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('n')],
        Action::Goals(GoalsAction::New),
        "n",
        |t| t.goals.key_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        Action::Goals(GoalsAction::Edit),
        "e",
        |t| t.goals.key_edit,
        true,
    ),
    bind(
        &[Key::ch('p')],
        Action::Goals(GoalsAction::Progress),
        "p",
        |t| t.goals.key_progress,
        true,
    ),
    bind(
        &[Key::ch('w')],
        Action::Goals(GoalsAction::Win),
        "w",
        |t| t.wins.key_win,
        true,
    ),
    bind(
        &[
            Key::ch('d'),
            Key::plain(ratatui::crossterm::event::KeyCode::Delete),
        ],
        Action::Goals(GoalsAction::Delete),
        "d",
        |t| t.goals.key_delete,
        false,
    ),
];
