//! Commitments (5): mine and the mentor's, open ones by due date, overdue ones standing out;
//! filters; `x` ticks done with the date; `r` records an experiment's result; the keep rate
//! overall and per month in a panel.

pub use crate::tui::action::CommitmentsAction;
use crate::tui::ctx::Ctx;
pub use crate::tui::purpose::CommitmentForm;
use crate::tui::views::screen::Screen;
use chrono::{Months, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};

use super::debrief::choices;
use super::list::{List, ListRow, ListSpec, draw_detail, draw_list, field};
use crate::domain::RecordKind;
use crate::domain::keeprate::{KeepRate, Tally, keep_rate, month_of};
use crate::domain::{Commitment, CommitmentStatus, Party};
use crate::i18n::{Label, fill};
use crate::store::{CommitmentFilter, CommitmentRow, Result, Store};
use crate::tui::ctx::existing;
use crate::tui::edit::save_edit_and;
use crate::tui::effect::{Confirm, Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::keys::{Action, Binding, Key, bind};
use crate::tui::purpose::FormPurpose;
use crate::tui::ui::{Ui, gauge};
use crate::tui::view::View;
use crate::tui::views::list::list_and_detail;

/// How many months the keep-rate chart shows (at most; fewer when the panel is short).
pub const KEEP_MONTHS: u32 = 12;

/// The Commitments view's state.
#[derive(Debug, Default)]
pub struct CommitmentsView {
    /// The rows and the selection.
    pub list: List<CommitmentRow>,
    pub filter: CommitmentFilter,
    /// The keep rate overall and for the last [`KEEP_MONTHS`] months (oldest first).
    pub keep: KeepRate,
    /// The months of the chart, oldest first (months with nothing due included).
    pub months: Vec<NaiveDate>,
}

impl CommitmentsView {
    /// Loads the list under the filter and the keep rate as it stands on `today`.
    pub fn load(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        let page = store.commitment_page(self.filter, today, self.list.window())?;
        self.list.set_page(page);
        // The keep rate of the months on the chart: a bounded, indexed range of commitments.
        let first = month_of(today)
            .checked_sub_months(Months::new(KEEP_MONTHS - 1))
            .unwrap_or(today);
        let overall = keep_rate(&store.commitment_facts(Some(first), today)?, today);
        self.months = (0..KEEP_MONTHS)
            .filter_map(|i| first.checked_add_months(Months::new(i)))
            .collect();
        self.keep = KeepRate {
            overall: overall.overall,
            months: overall
                .months
                .into_iter()
                .filter(|m| m.month >= first)
                .collect(),
        };
        Ok(())
    }

    /// The filter's name.
    pub fn filter_label(&self, ui: &Ui) -> &'static str {
        let t = &ui.t.commitments;
        match self.filter {
            CommitmentFilter::Open => t.filter_open,
            CommitmentFilter::Overdue => t.filter_overdue,
            CommitmentFilter::Done => t.filter_done,
            CommitmentFilter::Mentors => t.filter_mentors,
            CommitmentFilter::All => t.filter_all,
        }
    }

    /// Draws the list, the detail pane and the keep-rate panel.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.commitments;
        let detail = Screen::detail(self, ui);
        // Under the list, the detail sits beside the keep rate, in a little under half the width.
        let wanted = || crate::tui::detail::wanted(detail.as_ref(), area.width * 45 / 100).max(6);
        let (list_area, lower) = list_and_detail(area, self.list.rows().len(), wanted);
        let parts = Layout::default()
            .direction(if area.width >= 110 {
                Direction::Vertical
            } else {
                Direction::Horizontal
            })
            .constraints([Constraint::Percentage(45), Constraint::Percentage(55)])
            .split(lower);
        let (detail_area, keep_area) = (parts[0], parts[1]);
        let window = super::list::window(self.list.cursor(), self.list.rows().len(), list_area);
        let rows = self.list.rows()[window.clone()]
            .iter()
            .map(|r| list_row(r, ui))
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: format!("{} · {}", t.list_title, self.filter_label(ui)),
                headers: &[
                    t.col_owner,
                    t.col_text,
                    t.col_due,
                    t.col_status,
                    t.col_mentor,
                ],
                widths: &[
                    Constraint::Length(7),
                    Constraint::Min(20),
                    Constraint::Length(17),
                    Constraint::Length(10),
                    Constraint::Length(14),
                ],
                rows,
                window: Some(self.list.slice(window.start)),
                cursor: self.list.cursor(),
                empty: t.empty,
                focused: true,
            },
            ui,
        );
        let (title, detail) =
            detail.unwrap_or_else(|| (ui.t.common.details.to_string(), Vec::new()));
        crate::tui::detail::draw_pane(f, detail_area, &title, detail, ui);
        let height = keep_area.height.saturating_sub(2) as usize;
        draw_detail(f, keep_area, t.keep_title, self.keep_lines(ui, height), ui);
    }

    /// The keep-rate panel: mine and the mentor's overall, then a bar per month.
    pub fn keep_lines(&self, ui: &Ui, height: usize) -> Vec<Line<'static>> {
        let t = &ui.t.commitments;
        let both = self.keep.overall.both();
        if both.due() == 0 {
            return vec![Line::styled(t.keep_none, ui.theme.dim)];
        }
        let line = |who: &str, tally: Tally| {
            let pct = tally.rate().map(|r| (r * 100.0).round() as u32);
            match pct {
                Some(p) => fill!(
                    t.keep_line,
                    who = who,
                    percent = p,
                    kept = tally.kept,
                    due = tally.due()
                ),
                None => format!("{who} —"),
            }
        };
        let mut lines = vec![
            Line::from(line(t.keep_me, self.keep.overall.me)),
            Line::from(line(t.keep_mentor, self.keep.overall.mentor)),
        ];
        let room = height.saturating_sub(lines.len() + 1);
        if room == 0 {
            return lines;
        }
        lines.push(Line::styled(t.keep_months, ui.theme.dim));
        let shown = self.months.len().min(room.saturating_sub(0));
        for month in &self.months[self.months.len() - shown..] {
            let tally = self
                .keep
                .months
                .iter()
                .find(|m| m.month == *month)
                .map(|m| m.tally.both())
                .unwrap_or_default();
            let style = match tally.rate() {
                Some(r) if r >= 0.8 => ui.theme.good,
                Some(r) if r < 0.5 => ui.theme.danger,
                Some(_) => ui.theme.warn,
                None => ui.theme.dim,
            };
            let counts = if tally.due() > 0 {
                format!(" {}/{}", tally.kept, tally.due())
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::raw(format!("{} ", month.format("%Y-%m"))),
                Span::styled(gauge(tally.rate(), 10), style),
                Span::styled(counts, ui.theme.dim),
            ]));
        }
        lines
    }
}

fn list_row<'a>(r: &CommitmentRow, ui: &Ui) -> ListRow<'a> {
    let c = &r.commitment;
    let overdue = c.status == CommitmentStatus::Open && c.due.is_some_and(|d| d < ui.today());
    let due = match c.due {
        Some(d) if overdue => fill!(ui.t.common.overdue_by, days = (ui.today() - d).num_days()),
        Some(d) => ui.date(d),
        None => ui.t.common.none.to_string(),
    };
    let style = if overdue {
        ui.theme.danger
    } else if c.status != CommitmentStatus::Open {
        ui.theme.dim
    } else {
        ui.theme.base
    };
    let marker = if c.feedback_id.is_some() { "⚗ " } else { "" };
    ListRow::new(vec![
        Span::raw(c.owner.label(&ui.t.labels)),
        Span::raw(format!("{marker}{}", ui.user(&c.text, c.private))),
        Span::raw(due),
        Span::raw(c.status.label(&ui.t.labels)),
        Span::raw(
            ui.mentor(
                r.mentor_name.as_deref().unwrap_or(ui.t.common.none),
                r.mentor_private,
            )
            .into_owned(),
        ),
    ])
    .style(style)
}

fn detail_lines(c: &Commitment, ui: &Ui) -> Vec<Line<'static>> {
    let t = &ui.t.commitments;
    let mut lines = vec![Line::from(ui.user(&c.text, c.private).into_owned())];
    lines.push(field(t.col_due, ui.opt_date(c.due), ui));
    if let Some(done) = c.done_on {
        lines.push(Line::styled(
            fill!(t.done_on, date = ui.date(done)),
            ui.theme.good,
        ));
    }
    if c.feedback_id.is_some() {
        lines.push(Line::styled(format!("⚗ {}", t.experiment), ui.theme.accent));
        if !c.result.is_empty() {
            lines.push(field(
                t.result,
                ui.user(&c.result, c.private).into_owned(),
                ui,
            ));
            lines.push(Line::styled(
                match c.reported_on {
                    Some(d) => fill!(t.reported, date = ui.date(d)),
                    None => t.not_reported.to_string(),
                },
                ui.theme.dim,
            ));
        }
    }
    lines
}

// ---- Keys, forms and actions -------------------------------------------------------------

/// Keys of the Commitments view.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('n')],
        Action::Commitments(CommitmentsAction::New),
        "n",
        |t| t.commitments.key_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        Action::Commitments(CommitmentsAction::Edit),
        "e",
        |t| t.commitments.key_edit,
        true,
    ),
    bind(
        &[
            Key::ch('d'),
            Key::plain(ratatui::crossterm::event::KeyCode::Delete),
        ],
        Action::Commitments(CommitmentsAction::Delete),
        "d",
        |t| t.commitments.key_delete,
        false,
    ),
    bind(
        &[Key::ch('x'), Key::ch(' ')],
        Action::Commitments(CommitmentsAction::ToggleDone),
        "x",
        |t| t.commitments.key_toggle,
        true,
    ),
    bind(
        &[Key::ch('r')],
        Action::Commitments(CommitmentsAction::Result),
        "r",
        |t| t.commitments.key_result,
        false,
    ),
    bind(
        &[Key::ch('f')],
        Action::Commitments(CommitmentsAction::CycleFilter),
        "f",
        |t| t.commitments.key_filter,
        true,
    ),
];

/// Applies one of the view's actions.
pub fn update(ctx: &mut Ctx, v: &mut CommitmentsView, action: CommitmentsAction) -> Result<Effect> {
    let selected = v.list.selected().map(|r| r.commitment.clone());
    let today = ctx.today();
    let t = ctx.text();
    let form = |p: CommitmentForm| Effect::OpenForm(FormPurpose::Commitments(p));
    Ok(match (action, selected) {
        (CommitmentsAction::New, _) => form(CommitmentForm::New),
        (CommitmentsAction::CycleFilter, _) => {
            v.filter = v.filter.next();
            v.list.restart();
            v.load(ctx.store, today)?;
            Effect::None
        }
        (CommitmentsAction::Edit, Some(c)) => form(CommitmentForm::Edit(c.id)),
        (CommitmentsAction::Delete, Some(c)) => {
            Effect::Confirm(Confirm::delete(t, RecordKind::Commitment, c.id, &c.text))
        }
        (CommitmentsAction::ToggleDone, Some(c)) => {
            let c = ctx.store.toggle_commitment_done(c.id, today)?;
            v.load(ctx.store, today)?;
            Effect::Message(match c.done_on {
                Some(d) => fill!(t.commitments.marked_done, date = d),
                None => t.commitments.marked_open.to_string(),
            })
        }
        (CommitmentsAction::Result, Some(c)) if c.feedback_id.is_some() => {
            form(CommitmentForm::Result(c.id))
        }
        (CommitmentsAction::Result, Some(_)) => Effect::say(t.commitments.not_experiment),
        (_, None) => Effect::say(t.common.nothing_selected),
    })
}

/// The form of `purpose` (`None` when its commitment is gone).
pub fn form(ctx: &Ctx, purpose: &CommitmentForm) -> Result<Option<Form>> {
    Ok(match purpose {
        CommitmentForm::New => Some(commitment_form(ctx, None)?),
        CommitmentForm::Edit(id) => match existing(ctx.store.commitment(*id))? {
            Some(c) => Some(commitment_form(ctx, Some(&c))?),
            None => None,
        },
        CommitmentForm::Result(id) => {
            existing(ctx.store.commitment(*id))?.map(|c| result_form(ctx, &c))
        }
    })
}

/// The add/edit form.
fn commitment_form(ctx: &Ctx, c: Option<&Commitment>) -> Result<Form> {
    let t = &ctx.text().commitments;
    let labels = &ctx.text().labels;
    let new = Commitment::new("", ctx.today());
    let cm = c.unwrap_or(&new);
    let mut b = Form::builder(if c.is_some() { t.form_edit } else { t.form_new })
        .choice("owner", t.f_owner, choices::vocabulary(Party::ALL, labels))
        .value("owner", cm.owner.code())
        .line("text", t.f_text)
        .required("text")
        .value("text", &cm.text)
        .date("due", t.f_due)
        .value("due", &cm.due.map(|d| d.to_string()).unwrap_or_default())
        .choice(
            "status",
            t.f_status,
            choices::vocabulary(CommitmentStatus::ALL, labels),
        )
        .value("status", cm.status.code())
        .choice("mentor", t.f_mentor, choices::mentors(ctx, t.none_choice)?)
        .value("mentor", &choices::code(cm.mentor_id));
    if cm.feedback_id.is_some() {
        b = b.multi("result", t.f_result, 3).value("result", &cm.result);
    }
    Ok(b.toggle("private", t.f_private)
        .checked("private", cm.private)
        .build())
}

/// `r`: what happened when I tried it.
fn result_form(ctx: &Ctx, c: &Commitment) -> Form {
    let t = &ctx.text().commitments;
    Form::builder(t.result_title)
        .multi("result", t.f_result, 4)
        .required("result")
        .value("result", &c.result)
        .toggle("done", t.f_mark_done)
        .checked("done", c.status == CommitmentStatus::Open)
        .build()
}

/// Saves a commitment form.
pub fn save(ctx: &mut Ctx, purpose: &CommitmentForm, form: &Form) -> Result<Effect, SaveError> {
    let today = ctx.today();
    let id = match purpose {
        CommitmentForm::New => {
            let mut c = Commitment::new("", today);
            apply(ctx, purpose, form, &mut c)?;
            ctx.store.save_commitment(&c)?
        }
        CommitmentForm::Edit(id) | CommitmentForm::Result(id) => {
            // Only the fields the user changed (`crate::tui::edit`).
            // "Done" on the result form marks it done whatever it opened with.
            let done = |ctx: &Ctx, c: &mut Commitment| {
                if matches!(purpose, CommitmentForm::Result(_))
                    && form.toggle("done")
                    && c.status == CommitmentStatus::Open
                {
                    c.status = CommitmentStatus::Done;
                    c.done_on = Some(ctx.today());
                }
            };
            let apply =
                |ctx: &mut Ctx, form: &Form, c: &mut Commitment| apply(ctx, purpose, form, c);
            save_edit_and(ctx, *id, form, apply, done)?;
            *id
        }
    };
    Ok(Effect::Select(View::Commitments, id))
}

/// Puts the values of the form for `purpose` into `c`.
fn apply(
    ctx: &mut Ctx,
    purpose: &CommitmentForm,
    form: &Form,
    c: &mut Commitment,
) -> Result<(), SaveError> {
    let today = ctx.today();
    match purpose {
        CommitmentForm::Result(_) => {
            c.result = form.text("result").trim().to_string();
        }
        _ => {
            let status: CommitmentStatus = form.choice("status").parse().unwrap_or(c.status);
            if status != c.status {
                c.done_on = (status == CommitmentStatus::Done).then_some(today);
            }
            c.status = status;
            c.owner = form.choice("owner").parse().unwrap_or(c.owner);
            c.text = form.text("text").trim().to_string();
            c.due = form.date("due", today);
            c.mentor_id = choices::id(form.choice("mentor"));
            if c.feedback_id.is_some() {
                c.result = form.text("result").trim().to_string();
            }
            c.private = form.toggle("private");
        }
    }
    Ok(())
}

impl Screen for CommitmentsView {
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.list.fit_page(ctx.height);
        CommitmentsView::load(self, ctx.store, ctx.today())
    }

    fn step(&mut self, ctx: &Ctx, delta: isize) -> Result<()> {
        if self.list.grow(delta) {
            CommitmentsView::load(self, ctx.store, ctx.today())?;
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
        CommitmentsView::render(self, f, area, ui)
    }

    fn has_detail(&self) -> bool {
        self.list.selected().is_some()
    }

    fn detail(&self, ui: &Ui) -> Option<crate::tui::views::screen::Detail> {
        let r = self.list.selected()?;
        let title = ui.t.common.details.to_string();
        Some((title, detail_lines(&r.commitment, ui)))
    }

    fn keys(&self) -> &'static [crate::tui::keys::Binding] {
        KEYS
    }
}
