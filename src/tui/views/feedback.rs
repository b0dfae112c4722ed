//! Feedback (4): what mentors said, its kind and status, my reaction, the goal it serves;
//! filters by status and mentor; "try this" turns advice into an experiment.

pub use crate::tui::action::FeedbackAction;
use crate::tui::ctx::Ctx;
pub use crate::tui::purpose::FeedbackForm;
use crate::tui::views::screen::Screen;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::debrief::choices;
use super::list::{List, ListRow, ListSpec, draw_list, field, heading};
use crate::domain::RecordKind;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{Commitment, Feedback, FeedbackKind, FeedbackStatus};
use crate::i18n::{Label, fill};
use crate::store::{FeedbackFilter, FeedbackRow, Result, Store};
use crate::tui::ctx::existing;
use crate::tui::edit::save_edit;
use crate::tui::effect::{Confirm, Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::keys::{Action, Binding, Key, bind};
use crate::tui::purpose::FormPurpose;
use crate::tui::ui::Ui;
use crate::tui::view::View;
use crate::tui::views::list::list_and_detail;

/// The Feedback view's state.
#[derive(Debug, Default)]
pub struct FeedbackView {
    /// The rows and the selection.
    pub list: List<FeedbackRow>,
    pub filter: FeedbackFilter,
    /// The mentor filter's name, for the title.
    pub mentor_name: Option<(String, bool)>,
    /// The experiments born of the selected feedback.
    pub experiments: Vec<Commitment>,
    /// The selected feedback's goal title (and whether the goal is private) and meeting day.
    pub goal: Option<(String, bool)>,
    pub meeting: Option<chrono::NaiveDate>,
}

impl FeedbackView {
    /// Loads the list under the filter, and the selected row's links.
    pub fn load(&mut self, store: &Store) -> Result<()> {
        let page = store.feedback_page(self.filter, self.list.window())?;
        self.mentor_name = match self.filter.mentor_id {
            Some(id) => {
                let m = store.mentor(id)?;
                Some((m.name, m.private))
            }
            None => None,
        };
        self.list.set_page(page);
        self.load_detail(store)
    }

    /// Loads the experiments, goal and meeting of the feedback under the cursor.
    pub fn load_detail(&mut self, store: &Store) -> Result<()> {
        self.experiments.clear();
        self.goal = None;
        self.meeting = None;
        if let Some(r) = self.list.selected() {
            let fb = &r.feedback;
            self.experiments = store.experiments_of(fb.id)?;
            if let Some(g) = fb.goal_id {
                self.goal = store.goal(g).ok().map(|g| (g.title, g.private));
            }
            if let Some(m) = fb.meeting_id {
                self.meeting = store.meeting(m).ok().map(|m| m.starts_at.date());
            }
        }
        Ok(())
    }

    /// Draws the list and the detail pane.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.feedback;
        let detail = Screen::detail(self, ui);
        let (list_area, detail_area) = list_and_detail(area, self.list.rows().len(), || {
            crate::tui::detail::wanted(detail.as_ref(), area.width)
        });
        let window = super::list::window(self.list.cursor(), self.list.rows().len(), list_area);
        let rows = self.list.rows()[window.clone()]
            .iter()
            .map(|r| {
                let fb = &r.feedback;
                let style = match fb.status {
                    FeedbackStatus::Open => ui.theme.warn,
                    FeedbackStatus::Trying => ui.theme.accent,
                    FeedbackStatus::Done => ui.theme.base,
                    FeedbackStatus::Parked => ui.theme.dim,
                };
                ListRow::new(vec![
                    Span::raw(ui.date(fb.received_on)),
                    Span::raw(
                        ui.mentor(
                            r.mentor_name.as_deref().unwrap_or(ui.t.common.none),
                            r.mentor_private,
                        )
                        .into_owned(),
                    ),
                    Span::raw(fb.kind.label(&ui.t.labels)),
                    Span::styled(fb.status.label(&ui.t.labels), style),
                    Span::raw(ui.user(&fb.text, fb.private).into_owned()),
                ])
            })
            .collect();
        let status = self
            .filter
            .status
            .map(|s| s.label(&ui.t.labels))
            .unwrap_or(t.filter_all);
        let title = match &self.mentor_name {
            Some((name, private)) => fill!(
                t.mentor_filter,
                title = t.list_title,
                status = status,
                mentor = ui.mentor(name, *private)
            ),
            None => fill!(t.filter_title, title = t.list_title, status = status),
        };
        draw_list(
            f,
            list_area,
            ListSpec {
                title,
                headers: &[
                    t.col_date,
                    t.col_mentor,
                    t.col_kind,
                    t.col_status,
                    t.col_text,
                ],
                widths: &[
                    Constraint::Length(10),
                    Constraint::Length(14),
                    Constraint::Length(10),
                    Constraint::Length(10),
                    Constraint::Min(20),
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

    fn detail_lines(&self, fb: &Feedback, ui: &Ui) -> Vec<Line<'static>> {
        let t = &ui.t.feedback;
        let mut lines: Vec<Line> = if fb.private && ui.hide_private {
            vec![Line::from(ui.t.common.hidden_text)]
        } else {
            clean_multiline(&fb.text)
                .lines()
                .map(|l| Line::from(l.to_string()))
                .collect()
        };
        lines.push(Line::from(""));
        if !fb.reaction.is_empty() {
            lines.push(field(
                t.reaction,
                ui.user(&fb.reaction, fb.private).into_owned(),
                ui,
            ));
        }
        if let Some((goal, private)) = &self.goal {
            lines.push(field(t.goal, ui.user(goal, *private).into_owned(), ui));
        }
        if let Some(day) = self.meeting {
            lines.push(field(t.meeting, ui.date(day), ui));
        }
        if !self.experiments.is_empty() {
            lines.push(Line::from(""));
            lines.push(heading(t.experiments, ui));
            for c in &self.experiments {
                let ct = &ui.t.commitments;
                lines.push(Line::from(format!(
                    "⚗ {} · {} · {}",
                    ui.user(&c.text, c.private),
                    ui.opt_date(c.due),
                    c.status.label(&ui.t.labels)
                )));
                if !c.result.is_empty() {
                    lines.push(field(
                        ct.result,
                        ui.user(&c.result, c.private).into_owned(),
                        ui,
                    ));
                }
            }
        }
        lines
    }
}

// ---- Keys, forms and actions -------------------------------------------------------------

/// Keys of the Feedback view.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('n')],
        Action::Feedback(FeedbackAction::New),
        "n",
        |t| t.feedback.key_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        Action::Feedback(FeedbackAction::Edit),
        "e",
        |t| t.feedback.key_edit,
        true,
    ),
    bind(
        &[
            Key::ch('d'),
            Key::plain(ratatui::crossterm::event::KeyCode::Delete),
        ],
        Action::Feedback(FeedbackAction::Delete),
        "d",
        |t| t.feedback.key_delete,
        false,
    ),
    bind(
        &[Key::ch('s')],
        Action::Feedback(FeedbackAction::CycleStatus),
        "s",
        |t| t.feedback.key_status,
        false,
    ),
    bind(
        &[Key::ch('t')],
        Action::Feedback(FeedbackAction::Try),
        "t",
        |t| t.feedback.key_try,
        true,
    ),
    bind(
        &[Key::ch('f')],
        Action::Feedback(FeedbackAction::CycleFilter),
        "f",
        |t| t.feedback.key_filter,
        true,
    ),
    bind(
        &[Key::ch('m')],
        Action::Feedback(FeedbackAction::MentorFilter),
        "m",
        |t| t.feedback.key_mentor,
        false,
    ),
];

/// The status filter after `current`: all → open → trying → done → parked → all.
pub fn next_status_filter(current: Option<FeedbackStatus>) -> Option<FeedbackStatus> {
    match current {
        None => Some(FeedbackStatus::ALL[0]),
        Some(s) if s.index() + 1 == FeedbackStatus::ALL.len() => None,
        Some(s) => Some(s.next()),
    }
}

/// Applies one of the view's actions.
pub fn update(ctx: &mut Ctx, v: &mut FeedbackView, action: FeedbackAction) -> Result<Effect> {
    let selected = v.list.selected().map(|r| r.feedback.clone());
    let t = ctx.text();
    let form = |p: FeedbackForm| Effect::OpenForm(FormPurpose::Feedback(p));
    Ok(match (action, selected) {
        (FeedbackAction::New, _) => form(FeedbackForm::New),
        (FeedbackAction::CycleFilter, _) => {
            v.filter.status = next_status_filter(v.filter.status);
            v.list.restart();
            v.load(ctx.store)?;
            Effect::None
        }
        (FeedbackAction::MentorFilter, selected) => {
            v.filter.mentor_id = match v.filter.mentor_id {
                Some(_) => None,
                None => selected.and_then(|f| f.mentor_id),
            };
            v.list.restart();
            v.load(ctx.store)?;
            Effect::None
        }
        (FeedbackAction::Edit, Some(fb)) => form(FeedbackForm::Edit(fb.id)),
        (FeedbackAction::Delete, Some(fb)) => {
            Effect::Confirm(Confirm::delete(t, RecordKind::Feedback, fb.id, &fb.text))
        }
        (FeedbackAction::CycleStatus, Some(mut fb)) => {
            fb.status = fb.status.next_for(fb.kind);
            ctx.store.save_feedback(&fb)?;
            v.load(ctx.store)?;
            Effect::Message(fill!(
                t.feedback.status_now,
                status = fb.status.label(&t.labels)
            ))
        }
        (FeedbackAction::Try, Some(fb)) => form(FeedbackForm::Try(fb.id)),
        (_, None) => Effect::say(t.common.nothing_selected),
    })
}

/// The form of `purpose` (`None` when its feedback is gone).
pub fn form(ctx: &Ctx, purpose: &FeedbackForm) -> Result<Option<Form>> {
    Ok(match purpose {
        FeedbackForm::New => Some(feedback_form(ctx, None)?),
        FeedbackForm::Edit(id) => match existing(ctx.store.feedback(*id))? {
            Some(fb) => Some(feedback_form(ctx, Some(&fb))?),
            None => None,
        },
        FeedbackForm::Try(id) => existing(ctx.store.feedback(*id))?.map(|fb| try_form(ctx, &fb)),
    })
}

/// The add/edit form.
fn feedback_form(ctx: &Ctx, fb: Option<&Feedback>) -> Result<Form> {
    let t = &ctx.text().feedback;
    let labels = &ctx.text().labels;
    let today = ctx.today();
    let blank = Feedback::new("", today);
    let f = fb.unwrap_or(&blank);
    let mentors = choices::mentors(ctx, t.none_choice)?;
    let default_mentor = f.mentor_id.or_else(|| {
        // A new piece of feedback most likely comes from the first (active) mentor.
        mentors
            .get(1)
            .and_then(|(code, _)| choices::id(code))
            .filter(|_| fb.is_none())
    });
    Ok(Form::builder(if fb.is_some() {
        t.form_edit
    } else {
        t.form_new
    })
    .choice(
        "kind",
        t.f_kind,
        choices::vocabulary(FeedbackKind::ALL, labels),
    )
    .value("kind", f.kind.code())
    .multi("text", t.f_text, 3)
    .required("text")
    .value("text", &f.text)
    .multi("reaction", t.f_reaction, 2)
    .value("reaction", &f.reaction)
    .choice(
        "status",
        t.f_status,
        choices::vocabulary(FeedbackStatus::ALL, labels),
    )
    .value("status", f.status.code())
    .choice("goal", t.f_goal, choices::goals(ctx, t.none_choice)?)
    .value("goal", &choices::code(f.goal_id))
    .choice("mentor", t.f_mentor, mentors)
    .value("mentor", &choices::code(default_mentor))
    .choice(
        "meeting",
        t.f_meeting,
        choices::meetings(ctx, ctx.now, t.none_choice, f.meeting_id)?,
    )
    .value("meeting", &choices::code(f.meeting_id))
    .date("date", t.f_date)
    .value("date", &f.received_on.to_string())
    .toggle("private", t.f_private)
    .checked("private", f.private)
    .build())
}

/// "Try this": what I will try, and by when.
fn try_form(ctx: &Ctx, fb: &Feedback) -> Form {
    let today = ctx.today();
    let t = &ctx.text().feedback;
    let text = format!("{}{}", t.try_prefix, clean_line(&fb.text));
    let mut form = Form::builder(t.try_title)
        .line("text", t.f_experiment)
        .required("text")
        .value("text", &text)
        .date("due", t.f_try_by)
        .required("due")
        .value("due", &(today + chrono::Duration::days(14)).to_string())
        .build();
    form.set_side_panel(vec![Line::from(t.try_panel)]);
    form
}

/// Saves a feedback form.
pub fn save(ctx: &mut Ctx, purpose: &FeedbackForm, form: &Form) -> Result<Effect, SaveError> {
    let today = ctx.today();
    let id = match purpose {
        FeedbackForm::Try(id) => {
            let Some(due) = form.date("due", today) else {
                return Err(SaveError::Field {
                    name: "due",
                    message: ctx.text().form.required.to_string(),
                });
            };
            ctx.store
                .start_experiment(*id, form.text("text").trim(), due, today)?;
            return Ok(Effect::say(ctx.text().feedback.experiment_started)
                .and(Effect::Select(View::Feedback, *id)));
        }
        FeedbackForm::Edit(id) => {
            // Only the fields the user changed (`crate::tui::edit`).
            save_edit(ctx, *id, form, apply)?;
            *id
        }
        FeedbackForm::New => {
            let mut fb = Feedback::new("", today);
            apply(ctx, form, &mut fb)?;
            ctx.store.save_feedback(&fb)?
        }
    };
    Ok(Effect::Select(View::Feedback, id))
}

/// Puts the form's values into `fb`.
fn apply(ctx: &mut Ctx, form: &Form, fb: &mut Feedback) -> Result<(), SaveError> {
    let today = ctx.today();
    fb.kind = form.choice("kind").parse().unwrap_or(fb.kind);
    fb.text = form.text("text").trim().to_string();
    fb.reaction = form.text("reaction").trim().to_string();
    fb.status = form.choice("status").parse().unwrap_or(fb.status);
    fb.goal_id = choices::id(form.choice("goal"));
    fb.mentor_id = choices::id(form.choice("mentor"));
    fb.meeting_id = choices::id(form.choice("meeting"));
    fb.received_on = form.date("date", today).unwrap_or(today);
    fb.private = form.toggle("private");
    Ok(())
}

impl Screen for FeedbackView {
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.list.fit_page(ctx.height);
        FeedbackView::load(self, ctx.store)
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
        FeedbackView::render(self, f, area, ui)
    }

    fn has_detail(&self) -> bool {
        self.list.selected().is_some()
    }

    fn detail(&self, ui: &Ui) -> Option<crate::tui::views::screen::Detail> {
        let r = self.list.selected()?;
        let title = ui.t.common.details.to_string();
        Some((title, self.detail_lines(&r.feedback, ui)))
    }

    fn keys(&self) -> &'static [crate::tui::keys::Binding] {
        KEYS
    }
}
