//! The thanks forms: a new or edited entry (filled in from a nudge), and "mark as sent".

use super::{NudgeRow, Pane};
use crate::domain::nudges::{Nudge, NudgeKind};
use crate::domain::text::clean_line;
use crate::domain::{Gratitude, MeetingStatus};
use crate::i18n::fill;
use crate::store::Result;
use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::forms::{FormPurpose, OpenForm, SaveError};
use crate::tui::views::View;
use crate::tui::views::debrief::choices;

use super::GratitudeForm;

/// A stable key for a nudge's draft.
pub(super) fn nudge_key(n: &Nudge) -> String {
    let code = |id: Option<i64>| id.map(|i| i.to_string()).unwrap_or_default();
    format!(
        "{:?}-{}-{}-{}",
        n.kind,
        code(n.mentor_id),
        code(n.meeting_id),
        code(n.commitment_id)
    )
    .to_lowercase()
}

/// What a new thanks form starts with.
#[derive(Debug, Clone, Default)]
pub(super) struct Prefill {
    pub mentor_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub what_for: String,
}

pub(super) fn prefill_for(n: &NudgeRow, app: &App) -> Prefill {
    let t = &app.text().gratitude;
    let what_for = match n.nudge.kind {
        NudgeKind::ThanksPending => fill!(
            t.prefill_meeting,
            date = n.meeting_day.map(|d| d.to_string()).unwrap_or_default()
        ),
        NudgeKind::ReportExperiment | NudgeKind::ThankForExperiment => {
            let result = n.experiment.as_ref().map(|(_, r)| r.as_str()).unwrap_or("");
            fill!(t.prefill_experiment, result = clean_line(result))
        }
        _ => t.prefill_mentor.to_string(),
    };
    Prefill {
        mentor_id: n.nudge.mentor_id,
        meeting_id: n.nudge.meeting_id,
        what_for,
    }
}

/// The add/edit form.
pub(super) fn thanks_form(
    app: &App,
    g: Option<&Gratitude>,
    pre: Prefill,
    draft_key: &str,
) -> Result<Form> {
    let t = &app.text().gratitude;
    let mentor_id = g.and_then(|g| g.mentor_id).or(pre.mentor_id);
    let meeting_id = g.and_then(|g| g.meeting_id).or(pre.meeting_id);
    let channel = match (g, mentor_id) {
        (Some(g), _) => g.channel.clone(),
        (None, Some(id)) => app.store.mentor(id).map(|m| m.channel).unwrap_or_default(),
        (None, None) => String::new(),
    };
    Ok(Form::builder(
        draft_key,
        if g.is_some() { t.form_edit } else { t.form_new },
    )
    .choice(
        "mentor",
        t.f_mentor,
        choices::mentors(&app.store, t.none_choice)?,
    )
    .value("mentor", &choices::code(mentor_id))
    .choice(
        "meeting",
        t.f_meeting,
        choices::meetings(&app.store, app.clock.now(), t.none_choice, meeting_id)?,
    )
    .value("meeting", &choices::code(meeting_id))
    .multi("what_for", t.f_for, 3)
    .required("what_for")
    .value(
        "what_for",
        g.map(|g| g.what_for.as_str()).unwrap_or(&pre.what_for),
    )
    .date("date", t.f_date)
    .value(
        "date",
        &g.map(|g| g.on).unwrap_or(app.clock.today()).to_string(),
    )
    .toggle("sent", t.f_sent)
    .checked("sent", g.is_some_and(|g| g.sent))
    .line("channel", t.f_channel)
    .value("channel", &channel)
    .toggle("private", t.f_private)
    .checked("private", g.is_some_and(|g| g.private))
    .build())
}

/// `s`: the channel it was sent by.
pub(super) fn sent_form(app: &App, g: &Gratitude, draft_key: &str) -> Result<Form> {
    let t = &app.text().gratitude;
    let channel = if g.channel.is_empty() {
        match g.mentor_id {
            Some(id) => app.store.mentor(id)?.channel,
            None => String::new(),
        }
    } else {
        g.channel.clone()
    };
    Ok(Form::builder(draft_key, t.sent_title)
        .line("channel", t.f_channel)
        .value("channel", &channel)
        .build())
}

/// Saves a thanks form.
pub fn save(app: &mut App, purpose: &GratitudeForm, form: &Form) -> Result<(), SaveError> {
    let today = app.clock.today();
    let mut g = match purpose {
        GratitudeForm::New { commitment_id } => Gratitude {
            commitment_id: *commitment_id,
            ..Gratitude::new("", today)
        },
        GratitudeForm::Edit(id) | GratitudeForm::Sent(id) => app.store.gratitude(*id)?,
    };
    if let GratitudeForm::Sent(_) = purpose {
        g.sent = true;
        g.channel = form.text("channel").trim().to_string();
        app.message = Some(app.text().gratitude.marked_sent.to_string());
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
    if let Some(m) = g.meeting_id.and_then(|id| app.store.meeting(id).ok())
        && m.status != MeetingStatus::Cancelled
    {
        g.mentor_id = Some(m.mentor_id);
    }
    let id = app.store.save_gratitude(&g)?;
    app.load(View::Gratitude)?;
    let v = &mut app.views.gratitude;
    if v.focus == Pane::Nudges {
        v.switch_focus();
    }
    v.list.select(id);
    Ok(())
}

/// Rebuilds the form a `thanks:…` or `thanks-sent:…` draft belongs to.
pub fn reopen(app: &App, draft_key: &str) -> Option<OpenForm> {
    if let Some(id) = draft_key.strip_prefix("thanks-sent:") {
        let g = app.store.gratitude(id.parse().ok()?).ok()?;
        return Some(OpenForm {
            form: sent_form(app, &g, draft_key).ok()?,
            purpose: FormPurpose::Gratitude(GratitudeForm::Sent(g.id)),
        });
    }
    let rest = draft_key.strip_prefix("thanks:")?;
    if rest == "new" || rest.starts_with("new:") {
        // A nudge's thanks: the draft holds the text typed; the experiment link is lost only
        // if the nudge is gone, which means it was thanked already.
        let commitment_id = rest
            .rsplit('-')
            .next()
            .and_then(|c| c.parse::<i64>().ok())
            .filter(|_| rest.contains("experiment"));
        return Some(OpenForm {
            form: thanks_form(app, None, Prefill::default(), draft_key).ok()?,
            purpose: FormPurpose::Gratitude(GratitudeForm::New { commitment_id }),
        });
    }
    let g = app.store.gratitude(rest.parse().ok()?).ok()?;
    Some(OpenForm {
        form: thanks_form(app, Some(&g), Prefill::default(), draft_key).ok()?,
        purpose: FormPurpose::Gratitude(GratitudeForm::Edit(g.id)),
    })
}
