//! Gratitude (6): thanks per mentor and meeting (what for, sent or not, channel), and the
//! nudge list: held meetings not thanked yet, experiments not reported or thanked, mentors
//! not thanked in six weeks, thanks written but not sent for a week. `Enter` on a nudge opens
//! a thanks form filled in for it (for an unsent thanks: its "mark as sent" form).

pub mod form;

pub use crate::tui::action::GratitudeAction;
use crate::tui::ctx::Ctx;
pub use crate::tui::purpose::GratitudeForm;
use crate::tui::views::screen::Screen;

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Rect};

use super::list::{List, ListRow, ListSpec, draw_list, field};
use crate::domain::Gratitude;
use crate::domain::RecordKind;
use crate::domain::nudges::{Nudge, NudgeKind};
use crate::i18n::fill;
use crate::store::{GratitudeRow, Page, Result, Store};
use crate::tui::effect::{Confirm, Effect};
use crate::tui::keys::{Action, Binding, Key, bind};
use crate::tui::purpose::{FormPurpose, NudgeRef};
use crate::tui::ui::{Ui, fit};
use crate::tui::views::list::{Keyed, list_and_detail};
use ratatui::text::{Line, Span};

/// The nudge kinds this view lists: thanks only. Reporting an experiment back is done at the
/// next meeting (Today and the agenda suggestions say so), not by writing a thank-you.
pub const KINDS: [NudgeKind; 5] = [
    NudgeKind::ThanksPending,
    NudgeKind::SendThanks,
    NudgeKind::ThankForExperiment,
    NudgeKind::ThankForIntroduction,
    NudgeKind::MentorNotThanked,
];

/// Which pane has the focus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    List,
    Nudges,
}

/// A nudge with what it refers to, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct NudgeRow {
    pub nudge: Nudge,
    /// The mentor's name, and whether the mentor is private.
    pub mentor_name: Option<(String, bool)>,
    pub meeting_day: Option<NaiveDate>,
    /// The experiment's text and result, and whether it is private.
    pub experiment: Option<(String, String, bool)>,
    /// Whether what it names has been looked up (see [`NUDGES_AHEAD`]).
    looked_up: bool,
}

impl NudgeRow {
    /// A nudge, with nothing it names looked up yet.
    fn of(nudge: Nudge) -> NudgeRow {
        NudgeRow {
            // A meeting's nudge counts from the meeting's day: no look-up of the meeting.
            meeting_day: nudge.meeting_id.and(nudge.since),
            mentor_name: None,
            experiment: None,
            nudge,
            looked_up: false,
        }
    }
}

/// A nudge is known by its kind and the record it is about (the cursor stays on it when the
/// list is loaded again).
impl Keyed for NudgeRow {
    fn key(&self) -> i64 {
        let n = &self.nudge;
        let id = n
            .meeting_id
            .or(n.gratitude_id)
            .or(n.commitment_id)
            .or(n.resource_id)
            .or(n.mentor_id)
            .unwrap_or(0);
        ((n.kind as i64) << 48) ^ id
    }
}

/// How many nudges past the cursor have what they name looked up (a screen's height and
/// more): the others wait until the cursor comes near, so the view's load costs the same for
/// 10 nudges or 1,000.
pub const NUDGES_AHEAD: usize = 64;

/// The Gratitude view's state.
#[derive(Debug, Default)]
pub struct GratitudeView {
    /// The thanks and the selected one.
    pub list: List<GratitudeRow>,
    /// The nudges of [`KINDS`], in order, and the selected one: a window of them (a screen
    /// and a margin, counted in all by the store), those up to [`NUDGES_AHEAD`] past the
    /// cursor with what they name (a mentor's name, an experiment's text) looked up.
    pub nudges: List<NudgeRow>,
    /// The mentors' names looked up so far (`None`: the mentor is gone).
    names: std::collections::HashMap<i64, Option<(String, bool)>>,
    /// The pane the keys move in.
    pub focus: Pane,
}

impl GratitudeView {
    /// Loads the thanks and the nudges as they stand at `now`: the window of the nudges of
    /// [`KINDS`] the pane shows (the store counts the rest, [`Store::nudge_page`]), and what
    /// those near the cursor name.
    pub fn load(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        self.load_list(store)?;
        self.names.clear();
        self.load_nudges(store, now)
    }

    /// Loads the window of thanks the list asks for.
    fn load_list(&mut self, store: &Store) -> Result<()> {
        let page = store.gratitude_page(self.list.window())?;
        self.list.set_page(page);
        Ok(())
    }

    /// Loads the window of nudges the nudge pane asks for.
    fn load_nudges(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        let page = store.nudge_page(now, &KINDS, self.nudges.window())?;
        let page = Page {
            rows: page.rows.into_iter().map(NudgeRow::of).collect(),
            start: page.start,
            total: page.total,
        };
        self.nudges.set_page(page);
        self.resolve(store)
    }

    /// Looks up what the loaded nudges up to [`NUDGES_AHEAD`] past the cursor name: one
    /// look-up per mentor, experiment or introduction.
    fn resolve(&mut self, store: &Store) -> Result<()> {
        let upto = self.nudges.pos() + NUDGES_AHEAD;
        let names = &mut self.names;
        for row in self.nudges.rows_mut().iter_mut().take(upto) {
            if row.looked_up {
                continue;
            }
            row.looked_up = true;
            let n = &row.nudge;
            if let Some(id) = n.mentor_id {
                let name = match names.get(&id) {
                    Some(name) => name.clone(),
                    None => {
                        let name = store.mentor_name(id).ok().flatten();
                        names.insert(id, name.clone());
                        name
                    }
                };
                row.mentor_name = name;
            }
            // An introduction's person stands where an experiment's text would.
            row.experiment = match (n.commitment_id, n.resource_id) {
                (Some(id), _) => store
                    .commitment(id)
                    .ok()
                    .map(|c| (c.text, c.result, c.private)),
                (None, Some(id)) => store.resource_row(id).ok().map(|r| {
                    let private = r.as_ref().private;
                    (r.resource.title, String::new(), private)
                }),
                (None, None) => None,
            };
        }
        Ok(())
    }

    /// Moves the cursor of the focused pane by `delta` rows (within the loaded rows).
    pub fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::List => self.list.step(delta),
            Pane::Nudges => self.nudges.step(delta),
        }
    }

    /// Moves the focus to the other pane.
    pub fn switch_focus(&mut self) {
        self.focus = match self.focus {
            Pane::List => Pane::Nudges,
            Pane::Nudges => Pane::List,
        };
    }

    /// The selected thanks entry.
    pub fn selected(&self) -> Option<&Gratitude> {
        self.list.selected().map(|r| &r.gratitude)
    }

    /// The selected nudge.
    pub fn selected_nudge(&self) -> Option<&NudgeRow> {
        self.nudges.selected()
    }

    /// Draws the thanks list and the nudge list.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.gratitude;
        let (_, nudge_count) = self.nudges.place();
        let nudges_height = u16::try_from(nudge_count.max(1))
            .unwrap_or(u16::MAX)
            .saturating_add(3);
        let (list_area, nudge_area) =
            list_and_detail(area, self.list.rows().len(), || nudges_height);
        let window = super::list::window(self.list.cursor(), self.list.rows().len(), list_area);
        let rows = self.list.rows()[window.clone()]
            .iter()
            .map(|r| {
                let g = &r.gratitude;
                let (sent, style) = if g.sent {
                    (t.sent_yes, ui.theme.good)
                } else {
                    (t.sent_no, ui.theme.warn)
                };
                ListRow::new(vec![
                    Span::raw(ui.date(g.on)),
                    Span::raw(
                        ui.mentor(
                            r.mentor_name.as_deref().unwrap_or(ui.t.common.none),
                            r.mentor_private,
                        )
                        .into_owned(),
                    ),
                    Span::raw(ui.user(&g.what_for, g.private).into_owned()),
                    Span::styled(sent, style),
                    Span::raw(ui.user(&g.channel, g.private).into_owned()),
                ])
            })
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: t.list_title.to_string(),
                headers: &[t.col_date, t.col_mentor, t.col_for, t.col_sent, t.channel],
                widths: &[
                    Constraint::Length(10),
                    Constraint::Length(14),
                    Constraint::Min(20),
                    Constraint::Length(9),
                    Constraint::Length(12),
                ],
                rows,
                window: Some(self.list.slice(window.start)),
                cursor: self.list.cursor(),
                empty: t.empty,
                focused: self.focus == Pane::List,
            },
            ui,
        );
        let width = nudge_area.width.saturating_sub(4) as usize;
        let loaded = self.nudges.rows();
        let window = super::list::window(self.nudges.cursor(), loaded.len(), nudge_area);
        let nudge_rows = loaded[window.clone()]
            .iter()
            .map(|n| {
                ListRow::new(vec![Span::raw(fit(&nudge_text(n, ui), width))]).style(ui.theme.warn)
            })
            .collect();
        draw_list(
            f,
            nudge_area,
            ListSpec {
                title: format!("{} ({})", t.nudges_title, nudge_count),
                headers: &[t.nudge_header],
                widths: &[Constraint::Min(10)],
                rows: nudge_rows,
                cursor: self.nudges.cursor(),
                empty: t.nudges_empty,
                focused: self.focus == Pane::Nudges,
                window: Some(self.nudges.slice(window.start)),
            },
            ui,
        );
    }
}

/// What a nudge says, in the interface language.
pub fn nudge_text(n: &NudgeRow, ui: &Ui) -> String {
    let t = &ui.t.gratitude;
    let who = n
        .mentor_name
        .as_ref()
        .map(|(m, private)| ui.mentor(m, *private).into_owned())
        .unwrap_or_else(|| t.someone.to_string());
    let experiment = n
        .experiment
        .as_ref()
        .map(|(text, _, private)| ui.user(text, *private).into_owned())
        .unwrap_or_default();
    match n.nudge.kind {
        NudgeKind::ThanksPending => fill!(
            t.nudge_meeting,
            who = who,
            date = n.meeting_day.map(|d| ui.date(d)).unwrap_or_default()
        ),
        NudgeKind::ThankForExperiment => {
            fill!(t.nudge_experiment, who = who, experiment = experiment)
        }
        NudgeKind::ThankForIntroduction => {
            fill!(ui.t.resources.nudge_intro, mentor = who, title = experiment)
        }
        NudgeKind::SendThanks => fill!(
            t.nudge_send,
            who = who,
            date = n.nudge.since.map(|d| ui.date(d)).unwrap_or_default()
        ),
        _ => match n.nudge.days {
            Some(days) => fill!(t.nudge_mentor, who = who, days = days),
            None => fill!(t.nudge_mentor_never, who = who),
        },
    }
}

// ---- Keys and actions -----------------------------------------------------------------------

/// Keys of the Gratitude view.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('n')],
        Action::Gratitude(GratitudeAction::New),
        "n",
        |t| t.gratitude.key_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        Action::Gratitude(GratitudeAction::Edit),
        "e",
        |t| t.gratitude.key_edit,
        false,
    ),
    bind(
        &[Key::ch('d'), Key::plain(KeyCode::Delete)],
        Action::Gratitude(GratitudeAction::Delete),
        "d",
        |t| t.gratitude.key_delete,
        false,
    ),
    bind(
        &[Key::ch('s')],
        Action::Gratitude(GratitudeAction::Sent),
        "s",
        |t| t.gratitude.key_sent,
        true,
    ),
    bind(
        &[
            Key::plain(KeyCode::Left),
            Key::plain(KeyCode::Right),
            Key::ch('h'),
            Key::ch('l'),
        ],
        Action::Gratitude(GratitudeAction::SwitchFocus),
        "← →",
        |t| t.gratitude.key_focus,
        true,
    ),
    bind(
        &[Key::ch('t')],
        Action::Gratitude(GratitudeAction::ThankNudge),
        "t Enter",
        |t| t.gratitude.key_thank,
        true,
    ),
];

/// `Enter`: on the nudge list, thanks for the selected nudge.
pub fn open(ctx: &mut Ctx, v: &mut GratitudeView) -> Result<Effect> {
    if v.focus == Pane::Nudges {
        return update(ctx, v, GratitudeAction::ThankNudge);
    }
    Ok(Effect::None)
}

/// Applies one of the view's actions.
pub fn update(ctx: &mut Ctx, v: &mut GratitudeView, action: GratitudeAction) -> Result<Effect> {
    let t = ctx.text();
    let selected = v.selected().cloned();
    let on_list = v.focus == Pane::List;
    let form = |p: GratitudeForm| Effect::OpenForm(FormPurpose::Gratitude(p));
    Ok(match (action, selected) {
        (GratitudeAction::New, _) => form(GratitudeForm::New {
            commitment_id: None,
        }),
        (GratitudeAction::SwitchFocus, _) => {
            v.switch_focus();
            Effect::None
        }
        (GratitudeAction::ThankNudge, _) => match v.selected_nudge() {
            // Written already: sending it is what is left.
            Some(NudgeRow {
                nudge:
                    Nudge {
                        kind: NudgeKind::SendThanks,
                        gratitude_id: Some(id),
                        ..
                    },
                ..
            }) => form(GratitudeForm::Sent(*id)),
            Some(n) => form(GratitudeForm::Thank(NudgeRef {
                kind: n.nudge.kind,
                mentor_id: n.nudge.mentor_id,
                meeting_id: n.nudge.meeting_id,
                commitment_id: n.nudge.commitment_id,
                resource_id: n.nudge.resource_id,
            })),
            None => Effect::say(t.gratitude.nudges_empty),
        },
        (GratitudeAction::Edit, Some(g)) if on_list => form(GratitudeForm::Edit(g.id)),
        (GratitudeAction::Delete, Some(g)) if on_list => {
            Effect::Confirm(Confirm::delete(t, RecordKind::Gratitude, g.id, &g.what_for))
        }
        (GratitudeAction::Sent, Some(mut g)) if on_list => {
            if g.sent {
                g.sent = false;
                ctx.store.save_gratitude(&g)?;
                v.load(ctx.store, ctx.now)?;
                Effect::say(t.gratitude.marked_unsent)
            } else {
                form(GratitudeForm::Sent(g.id))
            }
        }
        _ => Effect::say(t.common.nothing_selected),
    })
}

impl Screen for GratitudeView {
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.list.fit_page(ctx.height);
        self.nudges.fit_page(ctx.height);
        GratitudeView::load(self, ctx.store, ctx.now)
    }

    fn step(&mut self, ctx: &Ctx, delta: isize) -> Result<()> {
        match self.focus {
            Pane::List if self.list.grow(delta) => self.load_list(ctx.store)?,
            Pane::Nudges if self.nudges.grow(delta) => self.load_nudges(ctx.store, ctx.now)?,
            _ => {}
        }
        GratitudeView::step(self, delta);
        if self.focus == Pane::Nudges {
            self.resolve(ctx.store)?;
        }
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
        GratitudeView::render(self, f, area, ui)
    }

    fn has_detail(&self) -> bool {
        self.focus == Pane::List && self.list.selected().is_some()
    }

    fn detail(&self, ui: &Ui) -> Option<crate::tui::views::screen::Detail> {
        let t = &ui.t.gratitude;
        let r = self.list.selected()?;
        let g = &r.gratitude;
        let mentor = r.mentor_name.as_deref().unwrap_or(ui.t.common.none);
        let sent = if g.sent { t.sent_yes } else { t.sent_no };
        let lines = vec![
            field(t.col_date, ui.date(g.on), ui),
            field(
                t.col_mentor,
                ui.mentor(mentor, r.mentor_private).into_owned(),
                ui,
            ),
            field(t.col_sent, sent, ui),
            field(t.channel, ui.user(&g.channel, g.private).into_owned(), ui),
            Line::from(""),
            field(t.col_for, ui.user(&g.what_for, g.private).into_owned(), ui),
        ];
        Some((ui.t.common.details.to_string(), lines))
    }

    fn keys(&self) -> &'static [crate::tui::keys::Binding] {
        KEYS
    }
}
