//! The six steps of the debrief and the form each one shows.

use chrono::NaiveDate;
use ratatui::text::Line;
use serde::Deserialize;

use super::choices::{self, Options};
use super::state::Debrief;
pub use super::state::Step;
use crate::domain::text::clean_line;
use crate::domain::{FeedbackKind, Party};
use crate::i18n::{Label, Lang, Text, fill};
use crate::tui::form::Form;
use crate::tui::ui::{fit, placeholder};

/// One shipped debrief prompt (`assets/debrief-prompts.toml`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Prompt {
    pub code: String,
    pub label_en: String,
    pub label_id: String,
    pub question_en: String,
    pub question_id: String,
}

impl Prompt {
    /// The field label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Id => &self.label_id,
        }
    }

    /// The guiding question in `lang`.
    pub fn question(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.question_en,
            Lang::Id => &self.question_id,
        }
    }
}

#[derive(Deserialize)]
struct PromptFile {
    prompt: Vec<Prompt>,
}

/// The code of the prompt whose answer goes to the question bank.
pub const QUESTION: &str = "question";
/// The code of the prompt whose answer is offered as the first commitment.
pub const ACTION: &str = "action";

/// The shipped prompts, or `Err` with the reason the file could not be read.
pub fn parse_prompts(text: &str) -> Result<Vec<Prompt>, toml::de::Error> {
    Ok(toml::from_str::<PromptFile>(text)?.prompt)
}

/// The shipped debrief prompts (a test checks the file reads; if it ever did not, the five
/// codes stand in as labels so no note is lost).
pub fn prompts() -> Vec<Prompt> {
    parse_prompts(include_str!("../../../../assets/debrief-prompts.toml")).unwrap_or_else(|_| {
        ["stood_out", "applies", "myself", ACTION, QUESTION]
            .iter()
            .map(|c| Prompt {
                code: c.to_string(),
                label_en: c.to_string(),
                label_id: c.to_string(),
                question_en: String::new(),
                question_id: String::new(),
            })
            .collect()
    })
}

/// The form of `step`, empty (the caller restores the step's draft into it).
pub fn build(d: &Debrief, step: Step, t: &'static Text, lang: Lang) -> Form {
    let dt = &t.debrief;
    match step {
        Step::Discussed => {
            let mut b = Form::builder(dt.form_discussed);
            // Labels are short; the side panel gives each item in full, numbered alike.
            let mut panel = vec![Line::styled(dt.step_discussed, d.title_style)];
            for (i, item) in d.agenda.iter().enumerate() {
                let name = format!("item:{}", item.id);
                let text = match d.masking.text(item.private) {
                    Some(p) => placeholder(t, p).into(),
                    None => clean_line(&item.text),
                };
                let label = format!("{}. {text}", i + 1);
                panel.push(Line::from(fit(&label, 60)));
                b = b.toggle(&name, label).checked(&name, item.discussed);
            }
            let mut form = b.line("also", dt.f_also).build();
            if d.agenda.is_empty() {
                panel.push(Line::from(dt.no_agenda));
            }
            form.set_side_panel(panel);
            form
        }
        Step::Notes => {
            let mut b = Form::builder(dt.form_notes);
            let list = prompts();
            for p in &list {
                b = if p.code == ACTION || p.code == QUESTION {
                    b.line(&p.code, p.label(lang))
                } else {
                    b.multi(&p.code, p.label(lang), 2)
                };
            }
            let mut form = b.build();
            let mut panel = vec![Line::styled(dt.prompts_title, d.title_style)];
            panel.extend(
                list.iter()
                    .map(|p| Line::from(format!("• {}", p.question(lang)))),
            );
            form.set_side_panel(panel);
            form
        }
        Step::Feedback => {
            let mut form = Form::builder(dt.form_feedback)
                .choice(
                    "kind",
                    dt.f_kind,
                    choices::vocabulary(FeedbackKind::ALL, &t.labels),
                )
                .value("kind", FeedbackKind::Suggestion.code())
                .multi("text", dt.f_text, 3)
                .line("reaction", dt.f_reaction)
                .choice("goal", dt.f_goal, d.goals.clone())
                .build();
            form.set_side_panel(entries_panel(
                fill!(dt.added_feedback, count = d.state.feedback.len()),
                d.state
                    .feedback
                    .iter()
                    .map(|e| {
                        let kind = e
                            .kind
                            .parse::<FeedbackKind>()
                            .map(|k| k.label(&t.labels))
                            .unwrap_or("");
                        format!("{kind}: {}", clean_line(&e.text))
                    })
                    .collect(),
                dt.none_yet,
                d,
            ));
            form
        }
        Step::Commitments => {
            let mut form = Form::builder(dt.form_commitment)
                .choice(
                    "owner",
                    dt.f_owner,
                    choices::vocabulary(Party::ALL, &t.labels),
                )
                .value("owner", Party::Me.code())
                .line("text", dt.f_commitment)
                .date("due", dt.f_due)
                .build();
            form.set_side_panel(entries_panel(
                fill!(dt.added_commitments, count = d.state.commitments.len()),
                d.state
                    .commitments
                    .iter()
                    .map(|e| {
                        let owner = e
                            .owner
                            .parse::<Party>()
                            .map(|p| p.label(&t.labels))
                            .unwrap_or("");
                        format!("{owner}: {} ({})", clean_line(&e.text), e.due)
                    })
                    .collect(),
                dt.none_yet,
                d,
            ));
            form
        }
        Step::Thanks => Form::builder(dt.form_thanks)
            .line("what_for", dt.f_what_for)
            .toggle("sent", dt.f_sent)
            .line("channel", dt.f_channel)
            .value("channel", &d.mentor_channel)
            .build(),
        Step::Next => {
            let mut form = Form::builder(dt.form_next)
                .date("date", dt.f_date)
                .time("time", dt.f_time)
                .value("time", &d.meeting.starts_at.format("%H:%M").to_string())
                .build();
            form.set_side_panel(vec![Line::from(fill!(
                dt.next_same_length,
                minutes = d.meeting.minutes
            ))]);
            form
        }
    }
}

fn entries_panel(title: String, items: Vec<String>, none: &str, d: &Debrief) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(title, d.title_style)];
    if items.is_empty() {
        lines.push(Line::from(none.to_string()));
    }
    lines.extend(
        items
            .into_iter()
            .enumerate()
            .map(|(i, s)| Line::from(format!("{}. {s}", i + 1))),
    );
    lines
}

/// The options of the goal picker.
pub fn goal_options(ctx: &crate::tui::ctx::Ctx, none: &str) -> crate::store::Result<Options> {
    choices::goals(ctx, none)
}

/// A date written as ISO in a draft.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_prompts_read_in_both_languages() {
        let list = parse_prompts(include_str!("../../../../assets/debrief-prompts.toml"))
            .expect("the shipped prompts parse");
        let codes: Vec<&str> = list.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["stood_out", "applies", "myself", ACTION, QUESTION]);
        for p in &list {
            for text in [&p.label_en, &p.label_id, &p.question_en, &p.question_id] {
                assert!(!text.trim().is_empty(), "{} has an empty text", p.code);
            }
        }
    }

    #[test]
    fn times_of_day() {
        use crate::domain::dates::parse_time;
        assert_eq!(
            parse_time(" 9:05 "),
            chrono::NaiveTime::from_hms_opt(9, 5, 0)
        );
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("noon"), None);
        assert_eq!(parse_time("4pm"), chrono::NaiveTime::from_hms_opt(16, 0, 0));
    }
}
