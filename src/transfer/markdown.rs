//! The whole journal as one readable Markdown document: mentors with their agreement,
//! contacts and health checks; SMART goals with progress and revisions; meetings with their
//! agendas; questions, feedback, commitments, gratitude and reflections.
//!
//! Every piece of user text goes through [`clean_line`] / [`clean_multiline`], so printing
//! the document to a terminal can never run an escape sequence hidden in a note.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::TransferError;
use super::json::field;
use super::read::{self, Fields, Journal};
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::{Store, StoreError};

/// The journal as Markdown (private records only with `include_private`, marked as such).
pub fn export_markdown(store: &Store, include_private: bool) -> Result<String, TransferError> {
    let journal = read::journal(store.conn(), include_private).map_err(StoreError::from)?;
    let md = Markdown::new(&journal);
    let mut out = String::from("# Mentoring journal\n");
    md.mentors(&mut out);
    md.goals(&mut out);
    md.meetings(&mut out);
    md.questions(&mut out);
    md.feedback(&mut out);
    md.commitments(&mut out);
    md.gratitude(&mut out);
    md.reflections(&mut out);
    if journal.iter().all(|(_, r)| r.is_empty()) {
        out.push_str("\n_The journal is empty._\n");
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

fn private_mark(rec: &Fields) -> &'static str {
    if field(rec, "private") == &Value::Bool(true) {
        " _(private)_"
    } else {
        ""
    }
}

struct Markdown<'a> {
    by_kind: HashMap<&'static str, &'a [Fields]>,
    names: HashMap<&'a str, String>,
}

impl<'a> Markdown<'a> {
    fn new(journal: &'a Journal) -> Self {
        let by_kind: HashMap<&str, &[Fields]> =
            journal.iter().map(|(k, r)| (k.key, r.as_slice())).collect();
        let names = by_kind
            .get("mentors")
            .copied()
            .unwrap_or_default()
            .iter()
            .map(|m| (read::uuid_of(m), line(m, "name")))
            .collect();
        Markdown { by_kind, names }
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
        out.push_str("\n## Mentors\n");
        for m in self.all("mentors") {
            let since = raw(m, "status_since");
            let since = if since.is_empty() {
                String::new()
            } else {
                format!(" since {since}")
            };
            let _ = writeln!(
                out,
                "\n### {}{}\n\n*{}{since}*\n",
                line(m, "name"),
                private_mark(m),
                raw(m, "status")
            );
            let mut facts = vec![
                ("Contact", line(m, "contact")),
                ("Expertise", line(m, "expertise")),
                ("Why them", block(m, "why_them", "  ")),
                ("Goals covered", block(m, "goals_covered", "  ")),
                ("Channel", line(m, "channel")),
                ("Expected end", line(m, "expected_end")),
                ("Review on", line(m, "review_on")),
            ];
            if let Some(days) = field(m, "cadence_days").as_i64() {
                facts.insert(4, ("Meet every", format!("{days} days")));
            }
            for (label, value) in facts.into_iter().filter(|(_, v)| !v.is_empty()) {
                let _ = writeln!(out, "- **{label}:** {value}");
            }
            for (label, key) in [
                ("Research notes", "research_notes"),
                ("Pitch draft", "pitch_draft"),
                ("Closing notes", "closing_notes"),
            ] {
                let text = block(m, key, "");
                if !text.is_empty() {
                    let _ = writeln!(out, "\n**{label}**\n\n{text}");
                }
            }
            let uuid = read::uuid_of(m);
            let contacts = self.of("contacts", "mentor", uuid, "on_date");
            if !contacts.is_empty() {
                out.push_str("\n**Contacts**\n\n");
                for c in contacts {
                    let _ = writeln!(
                        out,
                        "- {} {} ({} reached out): {}",
                        raw(c, "on_date"),
                        line(c, "channel"),
                        raw(c, "initiative"),
                        block(c, "note", "  ")
                    );
                }
            }
            let checks = self.of("health_checks", "mentor", uuid, "on_date");
            if !checks.is_empty() {
                out.push_str("\n**Health checks**\n\n");
                for h in checks {
                    let ratings: Vec<String> = field(h, "ratings")
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|r| {
                                    format!(
                                        "{} {}",
                                        clean_line(r["question"].as_str().unwrap_or_default()),
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
        }
    }

    fn goals(&self, out: &mut String) {
        if self.all("goals").is_empty() {
            return;
        }
        out.push_str("\n## Goals\n");
        for g in self.all("goals") {
            let _ = writeln!(
                out,
                "\n### {}{}\n\n*{}, {}*\n",
                line(g, "title"),
                private_mark(g),
                raw(g, "area"),
                raw(g, "status")
            );
            let unit = line(g, "unit");
            let measure = match (number(field(g, "baseline")), number(field(g, "target"))) {
                (b, t) if b.is_empty() && t.is_empty() => String::new(),
                (b, t) => format!(" (from {b} to {t} {unit})"),
            };
            let mut facts = vec![
                ("Specific", block(g, "specific", "  ")),
                (
                    "Measurable",
                    format!("{}{measure}", line(g, "metric")).trim().to_string(),
                ),
                ("Achievable", block(g, "achievable", "  ")),
                ("Relevant", block(g, "relevant", "  ")),
                ("Time-bound", line(g, "due_on")),
            ];
            if let Some(name) = self.mentor(g) {
                facts.push(("Mentor", name.to_string()));
            }
            for (label, value) in facts.into_iter().filter(|(_, v)| !v.is_empty()) {
                let _ = writeln!(out, "- **{label}:** {value}");
            }
            let uuid = read::uuid_of(g);
            let progress = self.of("goal_progress", "goal", uuid, "on_date");
            if !progress.is_empty() {
                out.push_str("\n**Progress**\n\n");
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
                out.push_str("\n**Revisions**\n\n");
                for r in revisions {
                    let _ = writeln!(
                        out,
                        "- {}: {} {} → {} ({})",
                        raw(r, "on_date"),
                        raw(r, "field"),
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
        meetings.sort_by_key(|m| raw(m, "starts_at"));
        out.push_str("\n## Meetings\n");
        for m in meetings {
            let when = raw(m, "starts_at").get(..16).unwrap_or(raw(m, "starts_at"));
            let _ = writeln!(
                out,
                "\n### {when} with {}{}\n\n*{}, {} minutes*{}",
                self.mentor(m).unwrap_or("?"),
                private_mark(m),
                raw(m, "status"),
                field(m, "minutes"),
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
                out.push_str("\n**Agenda**\n\n");
                for a in items {
                    let tick = if field(a, "discussed") == &Value::Bool(true) {
                        "x"
                    } else {
                        " "
                    };
                    let minutes = field(a, "minutes")
                        .as_i64()
                        .map(|n| format!(", {n} min"))
                        .unwrap_or_default();
                    let _ = write!(
                        out,
                        "- [{tick}] {} ({}{minutes}){}",
                        block(a, "text", "  "),
                        raw(a, "kind"),
                        private_mark(a)
                    );
                    for (label, key) in [("outcome", "outcome"), ("note", "note")] {
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
        out.push_str("\n## Question bank\n\n");
        for q in open {
            let to = self
                .mentor(q)
                .map(|n| format!(" (for {n})"))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{to}{}", block(q, "text", "  "), private_mark(q));
        }
    }

    fn feedback(&self, out: &mut String) {
        if self.all("feedback").is_empty() {
            return;
        }
        out.push_str("\n## Feedback\n");
        for f in self.all("feedback") {
            let from = self
                .mentor(f)
                .map(|n| format!(" from {n}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "\n### {} {}{from}{}\n\n*{}*\n",
                raw(f, "received_on"),
                raw(f, "kind"),
                private_mark(f),
                raw(f, "status")
            );
            let _ = writeln!(out, "> {}", block(f, "text", "> "));
            let reaction = block(f, "reaction", "  ");
            if !reaction.is_empty() {
                let _ = writeln!(out, "\n- **My reaction:** {reaction}");
            }
        }
    }

    fn commitments(&self, out: &mut String) {
        if self.all("commitments").is_empty() {
            return;
        }
        out.push_str("\n## Commitments\n\n");
        for c in self.all("commitments") {
            let tick = match raw(c, "status") {
                "done" => "x",
                "dropped" => "-",
                _ => " ",
            };
            let mut about = vec![raw(c, "owner").to_string()];
            for (label, key) in [
                ("due", "due_on"),
                ("done", "done_on"),
                ("reported", "reported_on"),
            ] {
                if !raw(c, key).is_empty() {
                    about.push(format!("{label} {}", raw(c, key)));
                }
            }
            let _ = writeln!(
                out,
                "- [{tick}] {} ({}){}",
                block(c, "text", "  "),
                about.join(", "),
                private_mark(c)
            );
            let result = block(c, "result", "    ");
            if !result.is_empty() {
                let _ = writeln!(out, "  - result: {result}");
            }
        }
    }

    fn gratitude(&self, out: &mut String) {
        if self.all("gratitude").is_empty() {
            return;
        }
        out.push_str("\n## Gratitude\n\n");
        for g in self.all("gratitude") {
            let to = self
                .mentor(g)
                .map(|n| format!(" to {n}"))
                .unwrap_or_default();
            let sent = if field(g, "sent") == &Value::Bool(true) {
                match line(g, "channel") {
                    c if c.is_empty() => " (sent)".to_string(),
                    c => format!(" (sent by {c})"),
                }
            } else {
                " (not sent yet)".to_string()
            };
            let _ = writeln!(
                out,
                "- {}{to}: {}{sent}{}",
                raw(g, "on_date"),
                block(g, "what_for", "  "),
                private_mark(g)
            );
        }
    }

    fn reflections(&self, out: &mut String) {
        if self.all("reflections").is_empty() {
            return;
        }
        out.push_str("\n## Reflections\n");
        for r in self.all("reflections") {
            let _ = writeln!(
                out,
                "\n### {} from {}{}\n",
                raw(r, "period"),
                raw(r, "period_start"),
                private_mark(r)
            );
            for a in field(r, "answers").as_array().into_iter().flatten() {
                let prompt = clean_line(a["prompt"].as_str().unwrap_or_default()).into_owned();
                let answer = clean_multiline(a["answer"].as_str().unwrap_or_default())
                    .trim()
                    .replace('\n', "\n  ");
                let _ = writeln!(out, "- **{prompt}:** {answer}");
            }
        }
    }
}
