//! The thanks forms: a new or edited entry (filled in from a nudge), and "mark as sent".

use super::{GratitudeView, Pane};
use crate::domain::nudges::NudgeKind;
use crate::domain::text::clean_line;
use crate::domain::{Gratitude, MeetingStatus};
use crate::i18n::{GratitudeText, fill};
use crate::store::Result;
use crate::tui::ctx::{Ctx, existing};
use crate::tui::edit::save_edit_and;
use crate::tui::effect::{Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::purpose::NudgeRef;
use crate::tui::view::View;
use crate::tui::views::debrief::choices;

use crate::tui::purpose::GratitudeForm;

/// What a new thanks form starts with.
#[derive(Debug, Clone, Default)]
struct Prefill {
    pub mentor_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub what_for: String,
}

/// What thanks for nudge `n` starts with: its mentor and meeting, and words about it.
fn prefill_for(ctx: &Ctx, n: &NudgeRef) -> Result<Prefill> {
    let t = &ctx.text().gratitude;
    let what_for = match n.kind {
        NudgeKind::ThanksPending => {
            let day = match n.meeting_id {
                Some(id) => existing(ctx.store.meeting(id))?.map(|m| m.starts_at.date()),
                None => None,
            };
            fill!(
                t.prefill_meeting,
                date = day.map(|d| d.to_string()).unwrap_or_default()
            )
        }
        NudgeKind::ThankForExperiment => {
            let result = match n.commitment_id {
                Some(id) => existing(ctx.store.commitment(id))?.map(|c| c.result),
                None => None,
            };
            experiment_thanks(t, result.as_deref().unwrap_or(""))
        }
        NudgeKind::ThankForIntroduction => {
            let title = match n.resource_id {
                Some(id) => existing(ctx.store.resource(id))?.map(|r| r.title),
                None => None,
            };
            fill!(
                ctx.text().resources.prefill_intro,
                title = clean_line(title.as_deref().unwrap_or("").trim())
            )
        }
        _ => t.prefill_mentor.to_string(),
    };
    Ok(Prefill {
        mentor_id: n.mentor_id,
        meeting_id: n.meeting_id,
        what_for,
    })
}

/// Thanks for advice I tried, with what happened (which is in my own words, often "Tried
/// it…", so the words around it do not say so again).
fn experiment_thanks(t: &GratitudeText, result: &str) -> String {
    let result = clean_line(result.trim());
    if result.is_empty() {
        t.prefill_experiment_tried.to_string()
    } else {
        fill!(t.prefill_experiment, result = result)
    }
}

/// The form of `purpose` (`None` when its entry is gone).
pub fn form(ctx: &Ctx, purpose: &GratitudeForm) -> Result<Option<Form>> {
    Ok(match purpose {
        GratitudeForm::New { .. } => Some(thanks_form(ctx, None, Prefill::default())?),
        GratitudeForm::Thank(nudge) => Some(thanks_form(ctx, None, prefill_for(ctx, nudge)?)?),
        GratitudeForm::Edit(id) => match existing(ctx.store.gratitude(*id))? {
            Some(g) => Some(thanks_form(ctx, Some(&g), Prefill::default())?),
            None => None,
        },
        GratitudeForm::Sent(id) => match existing(ctx.store.gratitude(*id))? {
            Some(g) => Some(sent_form(ctx, &g)?),
            None => None,
        },
    })
}

/// The add/edit form.
fn thanks_form(ctx: &Ctx, g: Option<&Gratitude>, pre: Prefill) -> Result<Form> {
    let t = &ctx.text().gratitude;
    let mentor_id = g.and_then(|g| g.mentor_id).or(pre.mentor_id);
    let meeting_id = g.and_then(|g| g.meeting_id).or(pre.meeting_id);
    let channel = match (g, mentor_id) {
        (Some(g), _) => g.channel.clone(),
        (None, Some(id)) => ctx.store.mentor(id).map(|m| m.channel).unwrap_or_default(),
        (None, None) => String::new(),
    };
    Ok(
        Form::builder(if g.is_some() { t.form_edit } else { t.form_new })
            .choice("mentor", t.f_mentor, choices::mentors(ctx, t.none_choice)?)
            .value("mentor", &choices::code(mentor_id))
            .choice(
                "meeting",
                t.f_meeting,
                choices::meetings(ctx, ctx.now, t.none_choice, meeting_id)?,
            )
            .value("meeting", &choices::code(meeting_id))
            .multi("what_for", t.f_for, 3)
            .required("what_for")
            .value(
                "what_for",
                g.map(|g| g.what_for.as_str()).unwrap_or(&pre.what_for),
            )
            .date("date", t.f_date)
            .value("date", &g.map(|g| g.on).unwrap_or(ctx.today()).to_string())
            .toggle("sent", t.f_sent)
            .checked("sent", g.is_some_and(|g| g.sent))
            .line("channel", t.f_channel)
            .value("channel", &channel)
            .toggle("private", t.f_private)
            .checked("private", g.is_some_and(|g| g.private))
            .build(),
    )
}

/// `s`: the channel it was sent by.
fn sent_form(ctx: &Ctx, g: &Gratitude) -> Result<Form> {
    let t = &ctx.text().gratitude;
    let channel = if g.channel.is_empty() {
        match g.mentor_id {
            Some(id) => ctx.store.mentor(id)?.channel,
            None => String::new(),
        }
    } else {
        g.channel.clone()
    };
    Ok(Form::builder(t.sent_title)
        .line("channel", t.f_channel)
        .value("channel", &channel)
        .build())
}

/// Saves a thanks form.
pub fn save(
    ctx: &mut Ctx,
    v: &mut GratitudeView,
    purpose: &GratitudeForm,
    form: &Form,
) -> Result<Effect, SaveError> {
    let today = ctx.today();
    let mut g = match purpose {
        GratitudeForm::New { commitment_id } => Gratitude {
            commitment_id: *commitment_id,
            ..Gratitude::new("", today)
        },
        GratitudeForm::Thank(nudge) => Gratitude {
            commitment_id: nudge.commitment_id,
            ..Gratitude::new("", today)
        },
        GratitudeForm::Edit(id) | GratitudeForm::Sent(id) => {
            // Only the fields the user changed (`crate::tui::edit`).
            // Marking it sent changes it whatever the form says.
            let sent = |_: &Ctx, g: &mut Gratitude| {
                if matches!(purpose, GratitudeForm::Sent(_)) {
                    g.sent = true;
                }
            };
            let apply =
                |ctx: &mut Ctx, form: &Form, g: &mut Gratitude| apply(ctx, purpose, form, g);
            save_edit_and(ctx, *id, form, apply, sent)?;
            return Ok(match purpose {
                GratitudeForm::Sent(_) => Effect::say(ctx.text().gratitude.marked_sent),
                _ => Effect::None,
            }
            .and(Effect::Select(View::Gratitude, *id)));
        }
    };
    apply(ctx, purpose, form, &mut g)?;
    let id = ctx.store.save_gratitude(&g)?;
    // Thanks for an introduction is linked to it, which settles its nudge.
    if let GratitudeForm::Thank(NudgeRef {
        resource_id: Some(resource),
        ..
    }) = purpose
    {
        ctx.store.link_thanks_to_resource(id, Some(*resource))?;
    }
    if v.focus == Pane::Nudges {
        v.switch_focus();
    }
    Ok(Effect::Select(View::Gratitude, id))
}

/// Puts the values of the form for `purpose` into `g`.
fn apply(
    ctx: &mut Ctx,
    purpose: &GratitudeForm,
    form: &Form,
    g: &mut Gratitude,
) -> Result<(), SaveError> {
    let today = ctx.today();
    if let GratitudeForm::Sent(_) = purpose {
        g.channel = form.text("channel").trim().to_string();
    } else {
        g.mentor_id = choices::id(form.choice("mentor"));
        g.meeting_id = choices::id(form.choice("meeting"));
        g.what_for = form.text("what_for").trim().to_string();
        g.on = form.date("date", today).unwrap_or(today);
        g.sent = form.toggle("sent");
        g.channel = form.text("channel").trim().to_string();
        g.private = form.toggle("private");
    }
    // Thanks for a meeting: the mentor is the meeting's, whatever the picker says.
    if let Some(m) = g.meeting_id.and_then(|id| ctx.store.meeting(id).ok())
        && m.status != MeetingStatus::Cancelled
    {
        g.mentor_id = Some(m.mentor_id);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn thanks_for_an_experiment_never_says_it_was_tried_twice() {
        for lang in [Lang::En, Lang::Id] {
            let t = &lang.text().gratitude;
            let said = experiment_thanks(t, "Tried it at the meetup: they laughed.");
            assert!(
                said.ends_with(": Tried it at the meetup: they laughed."),
                "{said}"
            );
            let before = &said[..said.len() - "Tried it at the meetup: they laughed.".len()];
            assert!(!before.to_lowercase().contains("tried it"), "{said}");
            assert!(!before.contains("mencoba"), "{said}");
            // Nothing written yet: no dangling colon.
            let bare = experiment_thanks(t, "  ");
            assert!(!bare.contains(':') && bare.ends_with('.'), "{bare}");
        }
    }
}
