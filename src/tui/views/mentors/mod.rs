//! Mentors (8): the pipeline from candidate to ended, the agreement, the contact log and the
//! relationship health check of the selected mentor, what they recommended or who they
//! introduced ([`resources`]), with a filter by pipeline status.
//! Keys and the mentor form are in [`form`]; contacts, health checks and the closing step
//! in [`relation`].

pub mod compare;
pub mod fit_form;
pub mod form;
pub mod kinds_help;
pub mod relation;
pub mod resource_form;
pub mod resources;

pub use crate::tui::action::MentorsAction;
use crate::tui::keys::{Action, Binding, Key, bind};
pub use crate::tui::purpose::MentorForm;

use crate::tui::ctx::Ctx;
use crate::tui::views::screen::Screen;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::list::{List, ListRow, ListSpec, draw_list, field, heading};
use crate::domain::fit::MentorFit;
use crate::domain::text::clean_multiline;
use crate::domain::{Contact, FitCriterion, HealthCheck, Mentor, MentorStatus, Relationship};
use crate::i18n::{Label, fill};
use crate::store::{ContactStats, Result, Store};
use crate::tui::ui::{Ui, sparkline};
use crate::tui::views::list::list_and_detail;

/// The Mentors view's state.
#[derive(Debug, Default)]
pub struct MentorsView {
    /// The rows and the selection.
    pub list: List<Mentor>,
    pub contacts: Vec<Contact>,
    pub health: Vec<HealthCheck>,
    /// The selected mentor's whole contact log in figures.
    pub stats: ContactStats,
    /// What the selected mentor recommended, open ones first.
    pub resources: Vec<crate::store::ResourceRow>,
    /// Only mentors with this status are listed (`f` cycles it).
    pub filter: Option<MentorStatus>,
    /// The kind-of-relationship filter (`F`).
    pub kind: Option<Relationship>,
    /// The selected mentor's fit scorecard (candidates and approached mentors).
    pub fit: Option<MentorFit>,
}

impl MentorsView {
    /// Loads the list and the selected mentor's contacts and health checks.
    pub fn load(&mut self, store: &Store) -> Result<()> {
        let page = store.mentor_page(self.filter, self.kind, self.list.window())?;
        self.list.set_page(page);
        self.load_detail(store)
    }

    /// Loads the contact log and health checks of the mentor under the cursor.
    pub fn load_detail(&mut self, store: &Store) -> Result<()> {
        match self.list.selected() {
            Some(m) => {
                self.contacts = store.contacts_of(m.id, 5)?;
                self.health = store.health_checks_of(m.id, 12)?;
                self.stats = store.contact_stats(m.id)?;
                self.resources = store.resource_list(crate::store::ResourceFilter {
                    mentor_id: Some(m.id),
                    ..Default::default()
                })?;
                self.fit = store.mentor_fit(m.id)?;
            }
            None => {
                self.contacts.clear();
                self.health.clear();
                self.stats = ContactStats::default();
                self.resources.clear();
                self.fit = None;
            }
        }
        Ok(())
    }

    /// Draws the list and the detail pane.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.mentors;
        let detail = Screen::detail(self, ui);
        let (list_area, detail_area) = list_and_detail(area, self.list.rows().len(), || {
            crate::tui::detail::wanted(detail.as_ref(), area.width)
        });
        let window = super::list::window(self.list.cursor(), self.list.rows().len(), list_area);
        let rows = self.list.rows()[window.clone()]
            .iter()
            .map(|m| {
                let style = match m.status {
                    MentorStatus::Active => ui.theme.accent,
                    MentorStatus::Ended => ui.theme.dim,
                    _ => ui.theme.base,
                };
                ListRow::new(vec![
                    Span::raw(ui.mentor(&m.name, m.private).into_owned()),
                    Span::raw(m.status.label(&ui.t.labels)),
                    Span::raw(ui.user(&m.expertise, m.private).into_owned()),
                    Span::raw(
                        m.cadence_days
                            .map(|d| fill!(t.cadence_days, days = d))
                            .unwrap_or_default(),
                    ),
                ])
                .style(style)
            })
            .collect();
        draw_list(
            f,
            list_area,
            ListSpec {
                title: {
                    let mut title = match self.filter {
                        None => t.list_title.to_string(),
                        Some(s) => fill!(t.list_filtered, status = s.label(&ui.t.labels)),
                    };
                    if let Some(kind) = self.kind {
                        let shown =
                            fill!(ui.t.fit.filter_shown, kind = ui.t.fit.relationship(kind));
                        title = format!("{title} · {shown}");
                    }
                    title
                },
                headers: &[t.col_name, t.col_status, t.col_expertise, t.col_cadence],
                widths: &[
                    Constraint::Length(18),
                    Constraint::Length(11),
                    Constraint::Min(14),
                    Constraint::Length(15),
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

    fn detail_lines(&self, m: &Mentor, ui: &Ui) -> Vec<Line<'static>> {
        let t = &ui.t.mentors;
        let text = |v: &str| ui.user(v, m.private).into_owned();
        let mut lines = vec![field(
            ui.t.fit.f_relationship,
            ui.t.fit.relationship(m.relationship).to_string(),
            ui,
        )];
        for (label, value) in [
            (t.contact, &m.contact),
            (t.why_them, &m.why_them),
            (t.research, &m.research_notes),
        ] {
            if !value.is_empty() {
                lines.push(field(label, text(value), ui));
            }
        }
        if m.cadence_days.is_some()
            || m.review_on.is_some()
            || !m.goals_covered.is_empty()
            || !m.agreement_notes.is_empty()
        {
            lines.push(Line::from(""));
            lines.push(heading(t.agreement, ui));
            if !m.goals_covered.is_empty() {
                lines.push(Line::from(text(&m.goals_covered)));
            }
            let mut parts = Vec::new();
            if let Some(d) = m.cadence_days {
                parts.push(fill!(t.cadence_days, days = d));
            }
            if !m.channel.is_empty() {
                parts.push(text(&m.channel));
            }
            if let Some(d) = m.expected_end {
                parts.push(format!("{} {}", t.expected_end, ui.date(d)));
            }
            if let Some(d) = m.review_on {
                parts.push(format!("{} {}", t.review_on, ui.date(d)));
            }
            lines.push(Line::from(parts.join(" · ")));
            if !m.agreement_notes.trim().is_empty() {
                lines.push(Line::from(text(&m.agreement_notes)));
            }
        }
        self.fit_lines(m, ui, &mut lines);
        self.follow_up_lines(m, ui, &mut lines);
        self.contact_lines(m, ui, &mut lines);
        if !self.health.is_empty()
            || matches!(m.status, MentorStatus::Active | MentorStatus::Paused)
        {
            self.health_lines(ui, &mut lines);
        }
        if !self.resources.is_empty() || m.status != MentorStatus::Candidate {
            resources::lines(&self.resources, ui, &mut lines);
        }
        if !m.closing_notes.trim().is_empty() {
            lines.push(Line::from(""));
            lines.push(heading(t.closing, ui));
            lines.push(Line::from(text(&m.closing_notes)));
        }
        if m.status == MentorStatus::Candidate && !m.pitch_draft.is_empty() {
            lines.push(Line::from(""));
            lines.push(heading(t.pitch, ui));
            if m.private && ui.hide_private {
                lines.push(Line::from(ui.t.common.hidden_text));
            } else {
                lines.extend(
                    clean_multiline(&m.pitch_draft)
                        .lines()
                        .map(|l| Line::from(l.to_string())),
                );
            }
        }
        lines
    }

    /// "No reply N days after you approached them": a candidate or approached mentor whose
    /// status is over a week old with no contact from the mentor since.
    /// The fit scorecard of a candidate or approached mentor: each rating and its note.
    fn fit_lines(&self, m: &Mentor, ui: &Ui, lines: &mut Vec<Line<'static>>) {
        let t = &ui.t.fit;
        let fit = self.fit.as_ref().filter(|f| f.mentor_id == m.id);
        let Some(fit) = fit.filter(|f| !f.ratings.is_empty()) else {
            // A candidate not rated yet: say how to rate them.
            if fit_form::can_score(m) {
                lines.push(Line::from(""));
                lines.push(heading(t.detail_fit, ui));
                lines.push(Line::styled(t.detail_fit_empty, ui.theme.dim));
            }
            return;
        };
        lines.push(Line::from(""));
        let average = fit.average().map(|a| ui.number((a * 10.0).round() / 10.0));
        lines.push(heading(
            &format!(
                "{} — {} {} · {} {}/5",
                t.detail_fit,
                t.total,
                fit.total(),
                t.average,
                average.unwrap_or_default()
            ),
            ui,
        ));
        let private = m.private || fit.private;
        for r in &fit.ratings {
            let Ok(c) = r.criterion.parse::<FitCriterion>() else {
                continue;
            };
            let mut text = format!("{} {}/5", t.criterion(c), r.rating);
            if !r.note.trim().is_empty() {
                text.push_str(&format!(" — {}", ui.user(&r.note, private)));
            }
            lines.push(Line::from(text));
        }
    }

    fn follow_up_lines(&self, m: &Mentor, ui: &Ui, lines: &mut Vec<Line<'static>>) {
        use crate::domain::nudges::FOLLOW_UP_AFTER_DAYS;
        if !matches!(m.status, MentorStatus::Candidate | MentorStatus::Approached) {
            return;
        }
        let Some(since) = m.status_since else { return };
        let days = (ui.today() - since).num_days();
        if days > FOLLOW_UP_AFTER_DAYS && self.stats.last_from_mentor.is_none_or(|c| c < since) {
            lines.push(Line::from(""));
            lines.push(Line::styled(
                fill!(
                    ui.t.mentors.follow_up,
                    days = days,
                    status = m.status.label(&ui.t.labels)
                ),
                ui.theme.warn,
            ));
        }
    }

    /// Days since the last contact against the cadence, the share I initiated, the last few.
    fn contact_lines(&self, m: &Mentor, ui: &Ui, lines: &mut Vec<Line<'static>>) {
        let t = &ui.t.mentors;
        lines.push(Line::from(""));
        let Some(last) = self.stats.last else {
            lines.push(heading(t.contacts, ui));
            lines.push(Line::styled(t.no_contacts, ui.theme.dim));
            return;
        };
        let share = self.stats.mine_percent().unwrap_or(0);
        lines.push(heading(
            &format!("{} — {}", t.contacts, fill!(t.initiated, percent = share)),
            ui,
        ));
        let days = (ui.today() - last).num_days();
        let mut text = fill!(t.last_contact, when = ui.relative_day(last));
        let mut style = ui.theme.base;
        if let Some(cadence) = m.cadence_days {
            let (words, late) = if days > i64::from(cadence) {
                (t.past_cadence, true)
            } else {
                (t.within_cadence, false)
            };
            text = format!("{text} · {}", fill!(words, days = cadence));
            if late && matches!(m.status, MentorStatus::Active) {
                style = ui.theme.warn;
            }
        }
        lines.push(Line::styled(text, style));
        for c in self.contacts.iter().take(4) {
            lines.push(Line::from(format!(
                "{}  {:<6} {}  {}",
                ui.date(c.on),
                c.initiative.label(&ui.t.labels),
                ui.user(&c.channel, c.private),
                ui.user(&c.note, c.private)
            )));
        }
    }

    /// The trend of the health checks, the last ratings, and the article's advice when the
    /// relationship is slipping.
    fn health_lines(&self, ui: &Ui, lines: &mut Vec<Line<'static>>) {
        let t = &ui.t.mentors;
        lines.push(Line::from(""));
        lines.push(heading(t.health, ui));
        let Some(last) = self.health.last() else {
            lines.push(Line::styled(t.no_health, ui.theme.dim));
            return;
        };
        let averages: Vec<f64> = self
            .health
            .iter()
            .filter_map(HealthCheck::average)
            .collect();
        if let Some(avg) = averages.last() {
            lines.push(Line::from(format!(
                "{}  {}/5  ({})",
                sparkline(&averages),
                ui.number((avg * 10.0).round() / 10.0),
                ui.date(last.on)
            )));
        }
        let lang = ui.lang;
        let per_question: Vec<String> = last
            .ratings
            .iter()
            .map(|(code, r)| format!("{} {r}", relation::question_label(code, lang)))
            .collect();
        lines.push(Line::styled(per_question.join(" · "), ui.theme.dim));
        if !last.note.trim().is_empty() {
            lines.push(Line::from(ui.user(&last.note, last.private).into_owned()));
        }
        if relation::needs_attention(&self.health) {
            lines.push(Line::styled(t.advice_title, ui.theme.warn));
            for advice in [t.advice_open, t.advice_fix, t.advice_end] {
                lines.push(Line::from(format!("• {advice}")));
            }
        }
    }
}

impl Screen for MentorsView {
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.list.fit_page(ctx.height);
        MentorsView::load(self, ctx.store)
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
        MentorsView::render(self, f, area, ui)
    }

    fn has_detail(&self) -> bool {
        self.list.selected().is_some()
    }

    fn detail(&self, ui: &Ui) -> Option<crate::tui::views::screen::Detail> {
        let m = self.list.selected()?;
        Some((
            ui.mentor(&m.name, m.private).into_owned(),
            self.detail_lines(m, ui),
        ))
    }

    fn keys(&self) -> &'static [crate::tui::keys::Binding] {
        KEYS
    }
}

/// Keys of the Mentors view.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('n')],
        Action::Mentors(MentorsAction::New),
        "n",
        |t| t.mentors.key_new,
        true,
    ),
    bind(
        &[Key::ch('e')],
        Action::Mentors(MentorsAction::Edit),
        "e",
        |t| t.mentors.key_edit,
        true,
    ),
    bind(
        &[
            Key::ch('d'),
            Key::plain(ratatui::crossterm::event::KeyCode::Delete),
        ],
        Action::Mentors(MentorsAction::Delete),
        "d",
        |t| t.mentors.key_delete,
        false,
    ),
    bind(
        &[Key::ch('f')],
        Action::Mentors(MentorsAction::Filter),
        "f",
        |t| t.mentors.key_filter,
        true,
    ),
    bind(
        &[Key::ch('F')],
        Action::Mentors(MentorsAction::FilterKind),
        "F",
        |t| t.fit.key_kind,
        false,
    ),
    bind(
        &[Key::ch('c')],
        Action::Mentors(MentorsAction::LogContact),
        "c",
        |t| t.mentors.key_contact,
        true,
    ),
    bind(
        &[Key::ch('h')],
        Action::Mentors(MentorsAction::HealthCheck),
        "h",
        |t| t.mentors.key_health,
        false,
    ),
    bind(
        &[Key::ch('x')],
        Action::Mentors(MentorsAction::End),
        "x",
        |t| t.mentors.key_end,
        false,
    ),
    bind(
        &[Key::ch('s')],
        Action::Mentors(MentorsAction::Scorecard),
        "s",
        |t| t.fit.key_fit,
        false,
    ),
    bind(
        &[Key::ch('S')],
        Action::Mentors(MentorsAction::Compare),
        "S",
        |t| t.fit.key_compare,
        false,
    ),
    bind(
        &[Key::ch('r')],
        Action::Mentors(MentorsAction::Recommend),
        "r",
        |t| t.resource_form.key_new,
        false,
    ),
    bind(
        &[Key::ch('R')],
        Action::Mentors(MentorsAction::UpdateResource),
        "R",
        |t| t.resource_form.key_update,
        false,
    ),
];
