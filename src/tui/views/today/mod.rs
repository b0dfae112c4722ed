//! Today (1): the next meeting with a countdown and its agenda readiness, the nudges (with the
//! debrief offer for a meeting whose time has passed), overdue and due-soon commitments,
//! feedback waiting for action, goal gauges and a heat map of the last twelve weeks.
//!
//! At 80×24 the next meeting, the nudges and the commitments come first; the other panels get
//! what room is left. From 100 columns the goals and the heat map move to a right column.

mod heatmap;
mod panels;

pub use crate::tui::action::TodayAction;
use crate::tui::ctx::Ctx;
use crate::tui::views::screen::Screen;
use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime, Weekday};
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;

pub use heatmap::{first_day, grid, shade};

use super::list::draw_detail;
use crate::config::Config;
use crate::domain::nudges::{Nudge, NudgeKind, NudgeSettings};
use crate::domain::{GoalStatus, Period};
use crate::store::{
    CommitmentRow, DayActivity, FeedbackRow, GoalSummary, MeetingSummary, Result, Store,
};
use crate::tui::ui::Ui;

/// At most this many nudges are kept (the panel shows the top ones).
const MAX_NUDGES: usize = 40;

/// The Today view's state.
#[derive(Debug)]
pub struct TodayView {
    pub next_meeting: Option<MeetingSummary>,
    pub due: Vec<CommitmentRow>,
    pub feedback: Vec<FeedbackRow>,
    pub goals: Vec<GoalSummary>,
    /// The nudges, most pressing first (at most [`MAX_NUDGES`]).
    pub nudges: Vec<Nudge>,
    /// There are nudges beyond those kept: the store stopped reading once it had found the
    /// first [`MAX_NUDGES`] and one more, so how many more is not known here.
    pub more_nudges: bool,
    /// The names of the mentors the nudges mention, and whether each is private.
    pub names: HashMap<i64, (String, bool)>,
    /// The text (and privacy) of the experiments the nudges mention.
    pub experiments: HashMap<i64, (String, bool)>,
    /// The person (and privacy) of the introductions the nudges mention.
    pub introductions: HashMap<i64, (String, bool)>,
    /// The reflection cadence (named by the "reflection due" nudge).
    pub cadence: Period,
    /// Activity per day from `activity_from` to today.
    pub activity: Vec<DayActivity>,
    pub activity_from: NaiveDate,
    pub week_start: Weekday,
    /// The last complete reflection period (named by the "reflection due" nudge).
    pub reflect_on: (NaiveDate, NaiveDate),
}

impl Default for TodayView {
    fn default() -> Self {
        TodayView {
            next_meeting: None,
            due: Vec::new(),
            feedback: Vec::new(),
            goals: Vec::new(),
            nudges: Vec::new(),
            more_nudges: false,
            names: HashMap::new(),
            experiments: HashMap::new(),
            introductions: HashMap::new(),
            cadence: Period::Week,
            activity: Vec::new(),
            activity_from: NaiveDate::default(),
            week_start: Weekday::Mon,
            reflect_on: (NaiveDate::default(), NaiveDate::default()),
        }
    }
}

impl TodayView {
    /// Loads what today needs: a handful of rows from indexed queries, the nudges from the
    /// per-mentor aggregates, and the heat map from one aggregate over twelve weeks.
    pub fn load(&mut self, store: &Store, now: NaiveDateTime, config: &Config) -> Result<()> {
        let today = now.date();
        self.next_meeting = store
            .upcoming_meetings(now - Duration::hours(1), 1)?
            .into_iter()
            .next();
        self.due = store.open_commitments_due_by(today + Duration::days(7), 20)?;
        self.feedback = store.open_feedback(8)?;
        self.goals = store
            .goal_summaries(12)?
            .into_iter()
            .filter(|g| g.goal.status == GoalStatus::Active)
            .collect();
        self.cadence = config.reflection_cadence;
        self.week_start = config.week_start;
        self.reflect_on = crate::domain::figures::previous_period_bounds(
            config.reflection_cadence,
            now.date(),
            config.week_start,
        );
        let settings = NudgeSettings {
            reflection_cadence: config.reflection_cadence,
            health_check_days: config.health_check_days,
            week_start: config.week_start,
        };
        let mut nudges = store.top_nudges(now, settings, MAX_NUDGES + 1)?;
        self.more_nudges = nudges.len() > MAX_NUDGES;
        nudges.truncate(MAX_NUDGES);
        self.nudges = nudges;
        self.names.clear();
        self.experiments.clear();
        self.introductions.clear();
        for n in &self.nudges {
            if let Some(id) = n.resource_id
                && !self.introductions.contains_key(&id)
            {
                let r = store.resource_row(id)?;
                let private = r.as_ref().private;
                self.introductions.insert(id, (r.resource.title, private));
            }
            if let Some(id) = n.mentor_id
                && !self.names.contains_key(&id)
            {
                let m = store.mentor(id)?;
                self.names.insert(id, (m.name, m.private));
            }
            if let Some(id) = n.commitment_id
                && !self.experiments.contains_key(&id)
            {
                let c = store.commitment(id)?;
                self.experiments.insert(id, (c.text, c.private));
            }
        }
        self.activity_from = heatmap::first_day(today, config.week_start);
        self.activity = store.activity_by_day(self.activity_from, today + Duration::days(1))?;
        Ok(())
    }

    /// The id of the next meeting (Enter opens it).
    pub fn next_meeting_id(&self) -> Option<i64> {
        self.next_meeting.as_ref().map(|m| m.meeting.id)
    }

    /// The meeting offered for a debrief (`b`): the oldest planned one whose time has passed.
    pub fn debrief_meeting_id(&self) -> Option<i64> {
        self.nudges
            .iter()
            .find(|n| n.kind == NudgeKind::Debrief)
            .and_then(|n| n.meeting_id)
    }

    /// The mentor `p` plans a meeting with: the most pressing nudge that asks for one (a
    /// slipping relationship, then a cadence with nothing planned).
    pub fn plan_mentor_id(&self) -> Option<i64> {
        self.nudges
            .iter()
            .find(|n| plans_meeting(n))
            .and_then(|n| n.mentor_id)
    }

    /// Draws the panels, the most important first when room is short.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.today;
        if area.width >= 100 {
            let columns = Layout::default()
                .direction(Direction::Horizontal)
                .constraints([Constraint::Percentage(58), Constraint::Percentage(42)])
                .split(area);
            let (left, right) = (columns[0], columns[1]);
            self.draw_left(f, left, ui, true);
            let heat_height = (heatmap::HEIGHT + 2).min(right.height);
            let goals_height = right.height - heat_height;
            let goals = Rect {
                height: goals_height,
                ..right
            };
            let heat = Rect {
                y: right.y + goals_height,
                height: heat_height,
                ..right
            };
            if goals.height >= 3 {
                draw_detail(f, goals, t.goals, self.goal_lines(ui, goals.width), ui);
            }
            self.draw_heatmap(f, heat, ui);
            return;
        }
        self.draw_left(f, area, ui, false);
    }

    /// The main column: meeting, nudges, commitments, feedback; in a narrow terminal also the
    /// goals and (beside them, when there is room) the heat map.
    fn draw_left(&self, f: &mut Frame, area: Rect, ui: &Ui, wide: bool) {
        let t = &ui.t.today;
        let inner = area.width.saturating_sub(2);
        let meeting = self.meeting_lines(ui, inner as usize);
        let nudge_all = self.nudge_lines(ui, inner, usize::MAX);
        let due = self.commitment_lines(ui, area.width);
        let feedback = self.feedback_lines(ui, area.width);
        let goals = if wide {
            Vec::new()
        } else {
            self.goal_lines(ui, area.width)
        };
        // (wanted rows inside the borders, first-pass cap)
        let mut wants = vec![
            (meeting.len(), meeting.len()),
            (nudge_all.len(), 5),
            (due.len(), 4),
            (feedback.len(), 3),
        ];
        let bottom_min = if wide {
            0
        } else {
            wants.push((goals.len().max(heatmap::HEIGHT as usize), 4));
            1
        };
        let heights = allocate(area.height, &wants);
        let mut y = area.y;
        for (i, h) in heights.iter().enumerate() {
            if *h == 0 {
                continue;
            }
            let rect = Rect {
                y,
                height: *h,
                ..area
            };
            y += h;
            let rows = h.saturating_sub(2) as usize;
            match i {
                0 => draw_detail(f, rect, t.next_meeting, meeting.clone(), ui),
                1 => draw_detail(f, rect, t.nudges, self.nudge_lines(ui, inner, rows), ui),
                2 => draw_detail(f, rect, t.overdue, due.clone(), ui),
                3 => draw_detail(f, rect, t.open_feedback, feedback.clone(), ui),
                _ if bottom_min > 0 => self.draw_bottom(f, rect, ui),
                _ => {}
            }
        }
    }

    /// Narrow terminals: the goals, with the heat map beside them when both fit.
    fn draw_bottom(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.today;
        let heat_width = heatmap::WIDTH + 2;
        if area.height >= heatmap::HEIGHT + 2 && area.width >= heat_width + 30 {
            let goals = Rect {
                width: area.width - heat_width,
                ..area
            };
            let heat = Rect {
                x: area.x + goals.width,
                width: heat_width,
                height: heatmap::HEIGHT + 2,
                ..area
            };
            draw_detail(f, goals, t.goals, self.goal_lines(ui, goals.width), ui);
            self.draw_heatmap(f, heat, ui);
        } else {
            draw_detail(f, area, t.goals, self.goal_lines(ui, area.width), ui);
        }
    }

    fn draw_heatmap(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        if area.height < 3 {
            return;
        }
        let lines: Vec<Line> =
            heatmap::lines(&self.activity, self.activity_from, self.week_start, ui);
        draw_detail(f, area, ui.t.today.heatmap, lines, ui);
    }
}

/// Whether `n` asks to plan a meeting (its action opens the meeting form).
pub fn plans_meeting(n: &Nudge) -> bool {
    matches!(
        n.kind,
        NudgeKind::SlippingRelationship | NudgeKind::PlanMeeting
    ) && n.mentor_id.is_some()
}

/// Heights (borders included) for panels wanting `(rows, first_cap)` rows inside their
/// borders, in priority order: first each gets up to its cap, then the rest goes to each in
/// turn up to what it wants. A panel that cannot get one row inside its borders is left out.
pub fn allocate(height: u16, wants: &[(usize, usize)]) -> Vec<u16> {
    let mut left = height;
    let mut out = vec![0u16; wants.len()];
    for (i, (want, cap)) in wants.iter().enumerate() {
        let rows = (*want).min(*cap).max(1) as u16;
        if left >= 3 {
            let h = (rows + 2).min(left);
            out[i] = h;
            left -= h;
        }
    }
    for (i, (want, _)) in wants.iter().enumerate() {
        if out[i] == 0 {
            continue;
        }
        let extra = (*want as u16 + 2).saturating_sub(out[i]).min(left);
        out[i] += extra;
        left -= extra;
    }
    // The last panel shown takes what is left, so the view fills the screen.
    if let Some(last) = out.iter_mut().rev().find(|h| **h > 0) {
        *last += left;
    }
    out
}

// ---- Keys and actions --------------------------------------------------------------------

use crate::tui::action::DebriefAction;
use crate::tui::effect::Effect;
use crate::tui::keys::{Action, Binding, Key, bind};
use crate::tui::purpose::{FormPurpose, MeetingForm};
use crate::tui::view::View;

/// Keys of the Today view.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('m')],
        Action::Open,
        "Enter m",
        |t| t.today.key_open_agenda,
        true,
    ),
    bind(
        &[Key::ch('b')],
        Action::Today(TodayAction::Debrief),
        "b",
        |t| t.today.key_debrief,
        false,
    ),
    bind(
        &[Key::ch('p')],
        Action::Today(TodayAction::Plan),
        "p",
        |t| t.today.key_plan,
        false,
    ),
];

/// Applies one of the view's actions.
pub fn update(ctx: &mut Ctx, v: &mut TodayView, action: TodayAction) -> Result<Effect> {
    Ok(match action {
        // The debrief opens over the Meetings view, on that meeting.
        TodayAction::Debrief => match v.debrief_meeting_id() {
            Some(id) => Effect::Show(View::Meetings, id)
                .and(Effect::Then(Action::Debrief(DebriefAction::Open(id)))),
            None => Effect::say(ctx.text().today.no_debrief),
        },
        // The meeting form, for the nudge's mentor, with the date the cadence proposes.
        TodayAction::Plan => match v.plan_mentor_id() {
            Some(id) => Effect::OpenForm(FormPurpose::Meetings(MeetingForm::Plan(id))),
            None => Effect::say(ctx.text().today.no_plan),
        },
    })
}

impl Screen for TodayView {
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        TodayView::load(self, ctx.store, ctx.now, ctx.config)
    }

    fn step(&mut self, ctx: &Ctx, delta: isize) -> Result<()> {
        let _ = (ctx, delta);
        Ok(())
    }

    fn select(&mut self, ctx: &Ctx, id: i64) -> Result<bool> {
        let _ = (ctx, id);
        Ok(false)
    }

    fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        TodayView::render(self, f, area, ui)
    }

    fn keys(&self) -> &'static [crate::tui::keys::Binding] {
        KEYS
    }
}
