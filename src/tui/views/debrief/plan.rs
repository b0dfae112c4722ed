//! Turning what the debrief holds into the records to save ([`DebriefPlan`]).

use chrono::NaiveDateTime;

use super::state::Debrief;
use super::steps::{self, Step};
use crate::domain::{Commitment, Feedback, FeedbackKind, Gratitude, Meeting, Party};
use crate::store::DebriefPlan;
use crate::tui::ctx::Ctx;
use crate::tui::form::Form;

/// The form of `step` with what was typed into it (defaults for a step never visited).
fn filled(d: &Debrief, step: Step, ctx: &Ctx) -> Form {
    let mut form = steps::build(d, step, ctx.text(), ctx.lang);
    form.read_slash_dates(ctx.config.date_format.slash_dates());
    if let Some(json) = d.state.forms.get(step.name()) {
        let _ = form.restore_draft(&json.to_string());
    }
    form
}

/// The records the debrief `d` will save.
pub fn plan(d: &Debrief, ctx: &Ctx) -> DebriefPlan {
    let today = ctx.today();
    let m = &d.meeting;
    let day = m.starts_at.date();
    let discussed_form = filled(d, Step::Discussed, ctx);
    let discussed = d
        .agenda
        .iter()
        .map(|a| (a.id, discussed_form.toggle(&format!("item:{}", a.id))))
        .collect();
    let also = discussed_form.text("also");

    let notes_form = filled(d, Step::Notes, ctx);
    let mut notes = Vec::new();
    let mut question = None;
    for p in steps::prompts() {
        let text = notes_form.text(&p.code);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if p.code == steps::QUESTION {
            question = Some(text.to_string());
        } else {
            notes.push(format!("{}: {text}", p.label(ctx.lang)));
        }
    }

    let feedback = d
        .state
        .feedback
        .iter()
        .map(|e| Feedback {
            mentor_id: Some(m.mentor_id),
            meeting_id: Some(m.id),
            kind: e.kind.parse().unwrap_or(FeedbackKind::Suggestion),
            reaction: e.reaction.clone(),
            goal_id: e.goal_id,
            private: m.private,
            ..Feedback::new(e.text.clone(), day)
        })
        .collect();
    let commitments = d
        .state
        .commitments
        .iter()
        .map(|e| Commitment {
            owner: e.owner.parse().unwrap_or(Party::Me),
            due: steps::parse_iso(&e.due),
            mentor_id: Some(m.mentor_id),
            meeting_id: Some(m.id),
            private: m.private,
            ..Commitment::new(e.text.clone(), day)
        })
        .collect();

    let thanks_form = filled(d, Step::Thanks, ctx);
    let what_for = thanks_form.text("what_for");
    let thanks = (!what_for.trim().is_empty()).then(|| Gratitude {
        mentor_id: Some(m.mentor_id),
        meeting_id: Some(m.id),
        sent: thanks_form.toggle("sent"),
        channel: thanks_form.text("channel").trim().to_string(),
        private: m.private,
        ..Gratitude::new(what_for.trim(), today)
    });

    let next_form = filled(d, Step::Next, ctx);
    let time = next_form.time("time").unwrap_or(m.starts_at.time());
    let next_meeting = next_form.date("date", today).map(|date| Meeting {
        channel: m.channel.clone(),
        private: m.private,
        ..Meeting::new(m.mentor_id, NaiveDateTime::new(date, time), m.minutes)
    });

    DebriefPlan {
        meeting_id: m.id,
        discussed,
        also_discussed: vec![also],
        notes: notes.join("\n"),
        question,
        feedback,
        commitments,
        thanks,
        next_meeting,
        day,
        draft_key: d.draft_key(),
    }
}
