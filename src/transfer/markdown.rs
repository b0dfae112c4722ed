//! The whole journal as one readable Markdown document: mentors with their agreement,
//! contacts, health checks and fit scorecard; SMART goals with progress and revisions; meetings with their
//! agendas; questions, feedback, commitments, gratitude, reflections, and what mentors
//! recommended or who they introduced.
//!
//! Every piece of user text goes through [`clean_line`] / [`clean_multiline`], so printing
//! the document to a terminal can never run an escape sequence hidden in a note.
//!
//! Headings and labels come from the catalog of the chosen language. English prints the
//! vocabulary codes themselves (`active`, `job-satisfaction`), as the format always has;
//! other languages print their labels for them.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::str::FromStr;

use serde_json::Value;

use super::TransferError;
use super::json::field;
use super::read::{self, Fields, Journal};
use crate::assets::health_questions::question_label;
use crate::assets::reflection_templates as templates;
use crate::domain::kinds::*;
use crate::domain::text::{clean_line, clean_multiline};
use crate::i18n::{Label, Lang, TransferText, fill};
use crate::store::{Store, StoreError};

/// The journal as Markdown in `lang` (private records only with `include_private`, marked
/// as such).
pub fn export_markdown(
    store: &Store,
    include_private: bool,
    lang: Lang,
) -> Result<String, TransferError> {
    let journal = read::journal(store.conn(), include_private).map_err(StoreError::from)?;
    let md = Markdown::new(&journal, lang);
    let t = md.t;
    let mut out = format!("# {}\n", t.md_title);
    md.mentors(&mut out);
    md.goals(&mut out);
    md.meetings(&mut out);
    md.questions(&mut out);
    md.feedback(&mut out);
    md.commitments(&mut out);
    md.gratitude(&mut out);
    md.reflections(&mut out);
    md.wins(&mut out);
    md.resources(&mut out);
    if journal.iter().all(|(_, r)| r.is_empty()) {
        let _ = writeln!(out, "\n_{}_", t.md_empty);
    }
    Ok(out)
}

/// A record's text field, neutralised for one line.
fn line(rec: &Fields, key: &str) -> String {
    clean_line(raw(rec, key)).trim().to_string()
}

fn raw<'a>(rec: &'a Fields, key: &str) -> &'a str {
    field(rec, key).as_str().unwrap_or_default()
}

/// A record's multi-line text, neutralised, indented to sit under a list item.
fn block(rec: &Fields, key: &str, indent: &str) -> String {
    clean_multiline(raw(rec, key))
        .trim()
        .replace('\n', &format!("\n{indent}"))
}

fn number(v: &Value) -> String {
    v.as_f64().map(|x| x.to_string()).unwrap_or_default()
}

/// `" (words)"` with `words` filled into `template`, or nothing.
fn aside(template: &str, words: Option<&str>) -> String {
    words
        .map(|w| format!(" {}", fill!(template, mentor = w)))
        .unwrap_or_default()
}

struct Markdown<'a> {
    by_kind: HashMap<&'static str, &'a [Fields]>,
    names: HashMap<&'a str, String>,
    lang: Lang,
    t: &'static TransferText,
}

impl<'a> Markdown<'a> {
    fn new(journal: &'a Journal, lang: Lang) -> Self {
        let by_kind: HashMap<&str, &[Fields]> =
            journal.iter().map(|(k, r)| (k.key, r.as_slice())).collect();
        let names = by_kind
            .get("mentors")
            .copied()
            .unwrap_or_default()
            .iter()
            .map(|m| (read::uuid_of(m), line(m, "name")))
            .collect();
        Markdown {
            by_kind,
            names,
            lang,
            t: &lang.text().transfer,
        }
    }

    fn private_mark(&self, rec: &Fields) -> String {
        if field(rec, "private") == &Value::Bool(true) {
            format!(" _({})_", self.t.md_private)
        } else {
            String::new()
        }
    }

    /// A vocabulary value of `rec`: the code in English, the label in other languages.
    fn code<T: FromStr + Label>(&self, rec: &Fields, key: &str) -> String {
        let code = raw(rec, key);
        match (self.lang, code.parse::<T>()) {
            (Lang::En, _) | (_, Err(_)) => clean_line(code).into_owned(),
            (lang, Ok(value)) => value.label(&lang.text().labels).to_string(),
        }
    }

    /// The field a goal revision changed (`target`, `due`, `status`).
    fn revision_field(&self, rec: &Fields) -> String {
        let code = raw(rec, "field");
        match (self.lang, code) {
            (Lang::En, _) => clean_line(code).into_owned(),
            (_, "target") => self.t.md_field_target.to_string(),
            (_, "due") => self.t.md_field_due.to_string(),
            (_, "status") => self.t.md_field_status.to_string(),
            (_, other) => clean_line(other).into_owned(),
        }
    }

    /// A health-check question: its code in English, its label in other languages.
    fn question(&self, code: &str) -> String {
        match self.lang {
            Lang::En => clean_line(code).into_owned(),
            lang => clean_line(&question_label(code, lang)).into_owned(),
        }
    }

    fn all(&self, key: &str) -> &'a [Fields] {
        self.by_kind.get(key).copied().unwrap_or_default()
    }

    /// The records of `key` whose `link` field points at `uuid`, sorted by `order`.
    fn of(&self, key: &str, link: &str, uuid: &str, order: &str) -> Vec<&'a Fields> {
        let mut list: Vec<&Fields> = self
            .all(key)
            .iter()
            .filter(|r| raw(r, link) == uuid)
            .collect();
        list.sort_by(|a, b| match (field(a, order), field(b, order)) {
            (Value::Number(x), Value::Number(y)) => x.as_i64().cmp(&y.as_i64()),
            (x, y) => x.as_str().cmp(&y.as_str()),
        });
        list
    }

    fn mentor(&self, rec: &Fields) -> Option<&str> {
        self.names.get(raw(rec, "mentor")).map(String::as_str)
    }

    fn mentors(&self, out: &mut String) {
        if self.all("mentors").is_empty() {
            return;
        }
        let t = self.t;
        let _ = writeln!(out, "\n## {}", t.md_mentors);
        for m in self.all("mentors") {
            let status = self.code::<MentorStatus>(m, "status");
            let status = match raw(m, "status_since") {
                "" => status,
                since => fill!(t.md_status_since, status = status, since = since),
            };
            let _ = writeln!(
                out,
                "\n### {}{}\n\n*{status}*\n",
                line(m, "name"),
                self.private_mark(m),
            );
            let kind = raw(m, "relationship")
                .parse::<crate::domain::Relationship>()
                .map(|r| self.lang.text().fit.relationship(r).to_string())
                .unwrap_or_default();
            let mut facts = vec![
                (self.lang.text().fit.f_relationship, kind),
                (t.md_contact, line(m, "contact")),
                (t.md_expertise, line(m, "expertise")),
                (t.md_why_them, block(m, "why_them", "  ")),
                (t.md_goals_covered, block(m, "goals_covered", "  ")),
                (t.md_channel, line(m, "channel")),
                (t.md_expected_end, line(m, "expected_end")),
                (t.md_review_on, line(m, "review_on")),
            ];
            if let Some(days) = field(m, "cadence_days").as_i64() {
                facts.insert(5, (t.md_meet_every, fill!(t.md_days, days = days)));
            }
            for (label, value) in facts.into_iter().filter(|(_, v)| !v.is_empty()) {
                let _ = writeln!(out, "- **{label}:** {value}");
            }
            for (label, key) in [
                (t.md_research_notes, "research_notes"),
                (t.md_pitch_draft, "pitch_draft"),
                (t.md_closing_notes, "closing_notes"),
            ] {
                let text = block(m, key, "");
                if !text.is_empty() {
                    let _ = writeln!(out, "\n**{label}**\n\n{text}");
                }
            }
            let uuid = read::uuid_of(m);
            let contacts = self.of("contacts", "mentor", uuid, "on_date");
            if !contacts.is_empty() {
                let _ = writeln!(out, "\n**{}**\n", t.md_contacts);
                for c in contacts {
                    let who = match raw(c, "initiative").parse() {
                        Ok(Party::Me) => t.md_i_reached_out.to_string(),
                        _ => fill!(t.md_mentor_reached_out, name = line(m, "name")),
                    };
                    let _ = writeln!(
                        out,
                        "- {}",
                        fill!(
                            t.md_contact_line,
                            date = raw(c, "on_date"),
                            channel = line(c, "channel"),
                            who = who,
                            note = block(c, "note", "  ")
                        )
                    );
                }
            }
            let checks = self.of("health_checks", "mentor", uuid, "on_date");
            if !checks.is_empty() {
                let _ = writeln!(out, "\n**{}**\n", t.md_health_checks);
                for h in checks {
                    let ratings: Vec<String> = field(h, "ratings")
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|r| {
                                    format!(
                                        "{} {}",
                                        self.question(r["question"].as_str().unwrap_or_default()),
                                        r["rating"]
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "- {}: {}. {}",
                        raw(h, "on_date"),
                        ratings.join(", "),
                        block(h, "note", "  ")
                    );
                }
            }
            if let Some(fit) = self
                .of(super::schema::MENTOR_FIT, "mentor", uuid, "uuid")
                .first()
            {
                super::markdown_fit::scorecard(fit, &self.private_mark(fit), self.lang, out);
            }
        }
    }

    fn goals(&self, out: &mut String) {
        if self.all("goals").is_empty() {
            return;
        }
        let t = self.t;
        let _ = writeln!(out, "\n## {}", t.md_goals);
        for g in self.all("goals") {
            let _ = writeln!(
                out,
                "\n### {}{}\n\n*{}, {}*\n",
                line(g, "title"),
                self.private_mark(g),
                self.code::<GoalArea>(g, "area"),
                self.code::<GoalStatus>(g, "status")
            );
            let unit = line(g, "unit");
            let measure = match (number(field(g, "baseline")), number(field(g, "target"))) {
                (b, t) if b.is_empty() && t.is_empty() => String::new(),
                (b, to) => format!(" ({})", fill!(t.md_from_to, from = b, to = to, unit = unit)),
            };
            let mut facts = vec![
                (t.md_specific, block(g, "specific", "  ")),
                (
                    t.md_measurable,
                    format!("{}{measure}", line(g, "metric")).trim().to_string(),
                ),
                (t.md_achievable, block(g, "achievable", "  ")),
                (t.md_relevant, block(g, "relevant", "  ")),
                (t.md_time_bound, line(g, "due_on")),
            ];
            if let Some(name) = self.mentor(g) {
                facts.push((t.md_mentor, name.to_string()));
            }
            for (label, value) in facts.into_iter().filter(|(_, v)| !v.is_empty()) {
                let _ = writeln!(out, "- **{label}:** {value}");
            }
            let uuid = read::uuid_of(g);
            let progress = self.of("goal_progress", "goal", uuid, "on_date");
            if !progress.is_empty() {
                let _ = writeln!(out, "\n**{}**\n", t.md_progress);
                for p in progress {
                    let _ = writeln!(
                        out,
                        "- {}: {} {unit} {}",
                        raw(p, "on_date"),
                        number(field(p, "value")),
                        block(p, "note", "  ")
                    );
                }
            }
            let revisions = self.of("goal_revisions", "goal", uuid, "on_date");
            if !revisions.is_empty() {
                let _ = writeln!(out, "\n**{}**\n", t.md_revisions);
                for r in revisions {
                    let _ = writeln!(
                        out,
                        "- {}: {} {} → {} ({})",
                        raw(r, "on_date"),
                        self.revision_field(r),
                        line(r, "old_value"),
                        line(r, "new_value"),
                        block(r, "reason", "  ")
                    );
                }
            }
        }
    }

    fn meetings(&self, out: &mut String) {
        let mut meetings: Vec<&Fields> = self.all("meetings").iter().collect();
        if meetings.is_empty() {
            return;
        }
        let t = self.t;
        meetings.sort_by_key(|m| raw(m, "starts_at"));
        let _ = writeln!(out, "\n## {}", t.md_meetings);
        for m in meetings {
            let when = raw(m, "starts_at").get(..16).unwrap_or(raw(m, "starts_at"));
            let _ = writeln!(
                out,
                "\n### {}{}\n\n*{}, {}*{}",
                fill!(
                    t.md_meeting_heading,
                    when = when,
                    mentor = self.mentor(m).unwrap_or("?")
                ),
                self.private_mark(m),
                self.code::<MeetingStatus>(m, "status"),
                fill!(t.md_minutes, minutes = field(m, "minutes")),
                match line(m, "channel") {
                    c if c.is_empty() => c,
                    c => format!(" · {c}"),
                },
            );
            let notes = block(m, "notes", "");
            if !notes.is_empty() {
                let _ = writeln!(out, "\n{notes}");
            }
            let items = self.of("agenda_items", "meeting", read::uuid_of(m), "position");
            if !items.is_empty() {
                let _ = writeln!(out, "\n**{}**\n", t.md_agenda);
                for a in items {
                    let tick = if field(a, "discussed") == &Value::Bool(true) {
                        "x"
                    } else {
                        " "
                    };
                    let minutes = field(a, "minutes")
                        .as_i64()
                        .map(|n| format!(", {}", fill!(t.md_item_minutes, minutes = n)))
                        .unwrap_or_default();
                    let _ = write!(
                        out,
                        "- [{tick}] {} ({}{minutes}){}",
                        block(a, "text", "  "),
                        self.code::<AgendaKind>(a, "kind"),
                        self.private_mark(a)
                    );
                    for (label, key) in [(t.md_outcome, "outcome"), (t.md_note, "note")] {
                        let text = block(a, key, "  ");
                        if !text.is_empty() {
                            let _ = write!(out, "\n  - {label}: {text}");
                        }
                    }
                    out.push('\n');
                }
            }
        }
    }

    fn questions(&self, out: &mut String) {
        let open: Vec<&Fields> = self
            .all("questions")
            .iter()
            .filter(|q| field(q, "agenda_item").is_null())
            .collect();
        if open.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n## {}\n", self.t.md_question_bank);
        for q in open {
            let to = self
                .mentor(q)
                .map(|n| format!(" ({})", fill!(self.t.md_for, days = n)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- {}{to}{}",
                block(q, "text", "  "),
                self.private_mark(q)
            );
        }
    }

    fn feedback(&self, out: &mut String) {
        if self.all("feedback").is_empty() {
            return;
        }
        let t = self.t;
        let _ = writeln!(out, "\n## {}", t.md_feedback);
        for f in self.all("feedback") {
            let from = aside(t.md_from, self.mentor(f));
            let _ = writeln!(
                out,
                "\n### {} {}{from}{}\n\n*{}*\n",
                raw(f, "received_on"),
                self.code::<FeedbackKind>(f, "kind"),
                self.private_mark(f),
                self.code::<FeedbackStatus>(f, "status")
            );
            let _ = writeln!(out, "> {}", block(f, "text", "> "));
            let reaction = block(f, "reaction", "  ");
            if !reaction.is_empty() {
                let _ = writeln!(out, "\n- **{}:** {reaction}", t.md_my_reaction);
            }
        }
    }

    fn commitments(&self, out: &mut String) {
        if self.all("commitments").is_empty() {
            return;
        }
        let t = self.t;
        let _ = writeln!(out, "\n## {}\n", t.md_commitments);
        for c in self.all("commitments") {
            let tick = match raw(c, "status") {
                "done" => "x",
                "dropped" => "-",
                _ => " ",
            };
            let mut about = vec![self.code::<Party>(c, "owner")];
            for (template, key) in [
                (t.md_due, "due_on"),
                (t.md_done, "done_on"),
                (t.md_reported, "reported_on"),
            ] {
                if !raw(c, key).is_empty() {
                    about.push(fill!(template, date = raw(c, key)));
                }
            }
            let _ = writeln!(
                out,
                "- [{tick}] {} ({}){}",
                block(c, "text", "  "),
                about.join(", "),
                self.private_mark(c)
            );
            let result = block(c, "result", "    ");
            if !result.is_empty() {
                let _ = writeln!(out, "  - {}: {result}", t.md_result);
            }
        }
    }

    fn gratitude(&self, out: &mut String) {
        if self.all("gratitude").is_empty() {
            return;
        }
        let t = self.t;
        let _ = writeln!(out, "\n## {}\n", t.md_gratitude);
        for g in self.all("gratitude") {
            let to = aside(t.md_to, self.mentor(g));
            let sent = if field(g, "sent") == &Value::Bool(true) {
                match line(g, "channel") {
                    c if c.is_empty() => format!(" ({})", t.md_sent),
                    c => format!(" ({})", fill!(t.md_sent_by, channel = c)),
                }
            } else {
                format!(" ({})", t.md_not_sent)
            };
            let _ = writeln!(
                out,
                "- {}{to}: {}{sent}{}",
                raw(g, "on_date"),
                block(g, "what_for", "  "),
                self.private_mark(g)
            );
        }
    }

    fn reflections(&self, out: &mut String) {
        if self.all("reflections").is_empty() {
            return;
        }
        let t = self.t;
        // Answers are labelled by their prompt's title; a template the journal does not ship
        // (a user's own, or one removed since) keeps the codes.
        let shipped = templates::shipped();
        let _ = writeln!(out, "\n## {}", t.md_reflections);
        for r in self.all("reflections") {
            let _ = writeln!(
                out,
                "\n### {}{}\n",
                fill!(
                    t.md_period_from,
                    period = self.code::<Period>(r, "period"),
                    start = raw(r, "period_start")
                ),
                self.private_mark(r)
            );
            let template = shipped.iter().find(|s| s.name == raw(r, "template"));
            for a in field(r, "answers").as_array().into_iter().flatten() {
                let code = a["prompt"].as_str().unwrap_or_default();
                let label = template
                    .and_then(|s| s.prompts.iter().find(|p| p.code == code))
                    .map_or(code, |p| p.label.get(self.lang));
                let prompt = clean_line(label).into_owned();
                let answer = clean_multiline(a["answer"].as_str().unwrap_or_default())
                    .trim()
                    .replace('\n', "\n  ");
                let _ = writeln!(out, "- **{prompt}:** {answer}");
            }
        }
    }

    fn wins(&self, out: &mut String) {
        if self.all("wins").is_empty() {
            return;
        }
        let w = &self.lang.text().wins;
        let goals: HashMap<&str, String> = self
            .all("goals")
            .iter()
            .map(|g| (read::uuid_of(g), line(g, "title")))
            .collect();
        let _ = writeln!(out, "\n## {}\n", w.md_wins);
        let mut wins: Vec<&Fields> = self.all("wins").iter().collect();
        wins.sort_by_key(|x| raw(x, "on_date"));
        for win in wins {
            let mut extra = Vec::new();
            if let Some(goal) = goals.get(raw(win, "goal")) {
                extra.push(format!("{}: {goal}", w.f_goal));
            }
            if let Some(name) = self.mentor(win) {
                extra.push(fill!(w.brag_with, mentor = name));
            }
            let evidence = line(win, "evidence");
            if !evidence.is_empty() {
                extra.push(fill!(w.brag_evidence, evidence = evidence));
            }
            let extra = if extra.is_empty() {
                String::new()
            } else {
                format!(" ({})", extra.join("; "))
            };
            let _ = writeln!(
                out,
                "- {}: {}{extra}{}",
                raw(win, "on_date"),
                block(win, "what", "  "),
                self.private_mark(win)
            );
        }
    }

    fn resources(&self, out: &mut String) {
        if self.all("resources").is_empty() {
            return;
        }
        let r = &self.lang.text().resources;
        let thanked: std::collections::HashSet<&str> = self
            .all("gratitude")
            .iter()
            .map(|g| raw(g, "resource"))
            .filter(|u| !u.is_empty())
            .collect();
        let _ = writeln!(out, "\n## {}\n", r.md_title);
        for x in self.all("resources") {
            let tick = match raw(x, "status") {
                "done" => "x",
                "dropped" => "-",
                _ => " ",
            };
            let mut about = vec![
                self.code::<ResourceKind>(x, "kind"),
                self.code::<ResourceStatus>(x, "status"),
                raw(x, "recommended_on").to_string(),
            ];
            if thanked.contains(read::uuid_of(x)) {
                about.push(r.md_thanked.to_string());
            }
            let from = self
                .mentor(x)
                .map(|m| format!(" {}", fill!(r.md_from, mentor = m)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- [{tick}] {}{from} ({}){}",
                block(x, "title", "  "),
                about.join(", "),
                self.private_mark(x)
            );
            let link = line(x, "link");
            if !link.is_empty() {
                let _ = writeln!(out, "  - <{link}>");
            }
            let takeaway = block(x, "takeaway", "    ");
            if !takeaway.is_empty() {
                let _ = writeln!(out, "  - **{}:** {takeaway}", r.md_takeaway);
            }
        }
    }
}
