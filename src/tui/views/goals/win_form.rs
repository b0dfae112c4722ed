//! The win form (issue 18): what went well, the day (today unless changed), the goal it
//! serves, the mentor who helped, the evidence and the private flag. One form for both ways
//! in: the Goals view's `w` (the selected goal chosen, its mentor preselected) and the
//! debrief's `Ctrl-W` (the meeting's mentor preselected, the win linked to the meeting).
//! The goal detail's list of wins is [`lines`].

use ratatui::text::Line;

use crate::domain::text::clean_line;
use crate::domain::{Win, WinRow};
use crate::i18n::fill;
use crate::store::Result;
use crate::tui::ctx::{Ctx, existing};
use crate::tui::effect::{Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::ui::{Ui, fit};
use crate::tui::view::View;
use crate::tui::views::debrief::choices;
use crate::tui::views::list::heading;

/// The most wins a goal's detail lists (newest first); the rest are counted.
pub const SHOWN: usize = 5;

/// The win form for `goal` (the Goals view) or from the debrief of `meeting`; `None` when
/// that goal or meeting is gone.
pub fn form(ctx: &Ctx, goal: Option<i64>, meeting: Option<i64>) -> Result<Option<Form>> {
    let t = &ctx.text().wins;
    let goal_record = match goal {
        Some(id) => match existing(ctx.store.goal(id))? {
            Some(g) => Some(g),
            None => return Ok(None),
        },
        None => None,
    };
    let meeting_record = match meeting {
        Some(id) => match existing(ctx.store.meeting(id))? {
            Some(m) => Some(m),
            None => return Ok(None),
        },
        None => None,
    };
    // The one who helped: the meeting's mentor, else the goal's.
    let mentor = meeting_record
        .as_ref()
        .map(|m| m.mentor_id)
        .or(goal_record.as_ref().and_then(|g| g.mentor_id));
    let mut goals = choices::goals(ctx, t.no_goal)?;
    if let Some(g) = &goal_record
        && !goals.iter().any(|(code, _)| *code == g.id.to_string())
    {
        // Older than the goals the picker offers: still the one this win is for.
        let title = ctx.user_text(&g.title, g.private);
        goals.push((g.id.to_string(), fit(&clean_line(&title), 40)));
    }
    let mut title = t.form_new.to_string();
    if let Some(m) = &meeting_record {
        let date = ctx.config.date_format.format(m.starts_at.date(), ctx.lang);
        title = format!("{title} — {} {date}", t.f_meeting);
    }
    Ok(Some(
        Form::builder(title)
            .line("what", t.f_what)
            .required("what")
            .date("on", t.f_date)
            .required("on")
            .value("on", &ctx.today().to_string())
            .choice("goal", t.f_goal, goals)
            .value("goal", &choices::code(goal))
            .choice("mentor", t.f_mentor, choices::mentors(ctx, t.no_mentor)?)
            .value("mentor", &choices::code(mentor))
            .line("evidence", t.f_evidence)
            .toggle("private", t.f_private)
            .build(),
    ))
}

/// Saves the win: back on the Goals view the goal is selected again (its detail lists the
/// win); over the debrief it only says so, and the debrief goes on.
pub fn save(
    ctx: &mut Ctx,
    goal: Option<i64>,
    meeting: Option<i64>,
    form: &Form,
) -> std::result::Result<Effect, SaveError> {
    let t = &ctx.text().wins;
    let Some(on) = form.date("on", ctx.today()) else {
        // The form's own checks refuse an empty or bad date before this.
        return Err(SaveError::Field {
            name: "on",
            message: ctx.text().form.required.to_string(),
        });
    };
    let mut win = Win::new(clean_line(form.text("what").trim()), on);
    win.evidence = form.text("evidence").trim().to_string();
    win.goal_id = choices::id(form.choice("goal"));
    win.mentor_id = choices::id(form.choice("mentor"));
    win.meeting_id = meeting;
    win.private = form.toggle("private");
    ctx.store.save_win(&win)?;
    let said = Effect::say(t.saved);
    Ok(match (meeting, win.goal_id.or(goal)) {
        (None, Some(id)) => Effect::Select(View::Goals, id).and(said),
        _ => Effect::Reload.and(said),
    })
}

/// Appends a goal's wins section to its detail: the newest [`SHOWN`] of `total`, each with its
/// day, who helped and its evidence. A win is private by its own flag, its goal's or its
/// mentor's ([`WinRow::privacy`]).
pub fn lines(wins: &[WinRow], total: i64, ui: &Ui, lines: &mut Vec<Line<'static>>) {
    if wins.is_empty() {
        return;
    }
    let t = &ui.t.wins;
    lines.push(Line::from(""));
    lines.push(heading(&fill!(t.detail_wins, count = total), ui));
    for row in wins.iter().take(SHOWN) {
        let w = &row.win;
        let privacy = row.privacy();
        lines.push(Line::from(format!(
            "{}  {}",
            ui.date(w.on),
            ui.user(&w.what, privacy)
        )));
        // Who helped and the evidence, under it.
        let mut under = Vec::new();
        if let Some(name) = &row.mentor_name {
            let name = ui.mentor(name, row.mentor_private);
            under.push(fill!(t.brag_with, mentor = name));
        }
        if !w.evidence.trim().is_empty() {
            let evidence = ui.user(w.evidence.trim(), privacy);
            under.push(fill!(t.brag_evidence, evidence = evidence));
        }
        if !under.is_empty() {
            lines.push(Line::styled(
                format!("  {}", under.join(" · ")),
                ui.theme.dim,
            ));
        }
    }
    let more = total - wins.len().min(SHOWN) as i64;
    if more > 0 {
        lines.push(Line::styled(
            fill!(t.detail_more, count = more),
            ui.theme.dim,
        ));
    }
}
