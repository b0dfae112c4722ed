//! Meetings as an iCalendar file (RFC 5545) for any calendar app: one VEVENT per meeting,
//! at floating local time (the journal keeps meetings as the mentee's wall-clock time), with
//! a reminder (VALARM) before each planned one, and one VTODO per commitment with a due date.
//! Text is neutralised, escaped and folded at 75 octets; lines end in CRLF.
//!
//! Importing the file again into a calendar updates instead of duplicating: every UID is the
//! record's uuid (`<uuid>@mentee`), or, for a meeting that came from an invite, the invite's
//! own UID; SEQUENCE is the record's `version` (raised by every change), plus, for an invite's
//! meeting, the invite's SEQUENCE (which only grows): both never go down, so neither does the
//! sum. LAST-MODIFIED and DTSTAMP are the record's `updated_at` in UTC.

use std::collections::HashMap;

use super::TransferError;
use super::json::field;
use super::read::{self, Fields};
use super::schema;
use crate::domain::text::{clean_line, clean_multiline};
use crate::i18n::{Lang, fill};
use crate::store::{Store, StoreError};

/// What the calendar export adds besides the meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcsOptions {
    /// Minutes before a planned meeting its reminder goes off; 0 for no reminder.
    pub reminder_minutes: u32,
}

impl Default for IcsOptions {
    fn default() -> Self {
        IcsOptions {
            reminder_minutes: 30,
        }
    }
}

/// [`export_ics_with`] with the default options (a reminder 30 minutes before).
pub fn export_ics(
    store: &Store,
    include_private: bool,
    lang: Lang,
) -> Result<String, TransferError> {
    export_ics_with(store, include_private, lang, IcsOptions::default())
}

/// The journal's meetings and dated commitments as an iCalendar document (private ones
/// only with `include_private`), the summaries and the agenda heading in `lang`. The same
/// journal always gives the same bytes.
pub fn export_ics_with(
    store: &Store,
    include_private: bool,
    lang: Lang,
    options: IcsOptions,
) -> Result<String, TransferError> {
    let t = &lang.text().transfer;
    let c = &lang.text().calendar;
    let meeting_extra = extra(
        store,
        "SELECT uuid, version, ics_uid, ics_sequence FROM meetings",
    )?;
    let commitment_extra = extra(store, "SELECT uuid, version, NULL, 0 FROM commitments")?;
    let journal = read::journal(store.conn(), include_private).map_err(StoreError::from)?;
    let records = |key: &str| -> &[Fields] {
        journal
            .iter()
            .find(|(k, _)| k.key == key)
            .map_or(&[], |(_, r)| r.as_slice())
    };
    let mentors: HashMap<&str, &str> = records("mentors")
        .iter()
        .map(|m| {
            (
                read::uuid_of(m),
                field(m, "name").as_str().unwrap_or_default(),
            )
        })
        .collect();
    let mut agenda: HashMap<&str, Vec<&Fields>> = HashMap::new();
    for item in records("agenda_items") {
        let meeting = field(item, "meeting").as_str().unwrap_or_default();
        agenda.entry(meeting).or_default().push(item);
    }
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//mentee//mentoring journal//EN",
        "CALSCALE:GREGORIAN",
    ] {
        push_line(&mut out, line);
    }
    let mut meetings: Vec<&Fields> = records("meetings").iter().collect();
    meetings.sort_by_key(|m| (text(m, "starts_at"), read::uuid_of(m)));
    for m in meetings {
        let Some(start) = schema::parse_local_time(text(m, "starts_at")) else {
            continue;
        };
        let minutes = field(m, "minutes").as_i64().unwrap_or(30);
        // Checked: a meeting at the end of the calendar must not overflow its end time.
        let end = crate::domain::dates::add_minutes(start, minutes);
        let mentor = mentors
            .get(text(m, "mentor"))
            .copied()
            .unwrap_or(t.ics_mentor);
        let status = if text(m, "status") == "cancelled" {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        push_line(&mut out, "BEGIN:VEVENT");
        let uuid = read::uuid_of(m);
        let (version, invite_uid, invite_sequence) =
            meeting_extra.get(uuid).cloned().unwrap_or_default();
        let uid = invite_uid.unwrap_or_else(|| format!("{uuid}@mentee"));
        push_line(&mut out, &format!("UID:{}", escape(&clean_line(&uid))));
        stamps(&mut out, m, version + invite_sequence);
        push_line(
            &mut out,
            &format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")),
        );
        push_line(&mut out, &format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")));
        let summary = escape(&fill!(t.ics_summary, mentor = clean_line(mentor)));
        push_line(&mut out, &format!("SUMMARY:{summary}"));
        push_line(&mut out, &format!("STATUS:{status}"));
        let channel = text(m, "channel");
        if !channel.is_empty() {
            push_line(
                &mut out,
                &format!("LOCATION:{}", escape(&clean_line(channel))),
            );
        }
        let description = describe(m, agenda.get(read::uuid_of(m)), t.ics_agenda);
        if !description.is_empty() {
            push_line(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
        }
        if options.reminder_minutes > 0 && text(m, "status") == "planned" {
            push_line(&mut out, "BEGIN:VALARM");
            push_line(&mut out, "ACTION:DISPLAY");
            push_line(&mut out, &format!("DESCRIPTION:{}", escape(c.alarm)));
            push_line(
                &mut out,
                &format!("TRIGGER:-PT{}M", options.reminder_minutes),
            );
            push_line(&mut out, "END:VALARM");
        }
        push_line(&mut out, "END:VEVENT");
    }
    let mut todos: Vec<&Fields> = records("commitments")
        .iter()
        .filter(|r| !text(r, "due_on").is_empty())
        .collect();
    todos.sort_by_key(|r| (text(r, "due_on"), read::uuid_of(r)));
    for r in todos {
        let Ok(due) = chrono::NaiveDate::parse_from_str(text(r, "due_on"), "%Y-%m-%d") else {
            continue;
        };
        let uuid = read::uuid_of(r);
        let version = commitment_extra.get(uuid).map_or(0, |e| e.0);
        let what = clean_line(text(r, "text"));
        let mentors_own = text(r, "owner") == "mentor";
        let summary = if mentors_own {
            let mentor = mentors
                .get(text(r, "mentor"))
                .copied()
                .unwrap_or(t.ics_mentor);
            fill!(c.todo_mentor, mentor = clean_line(mentor), text = what)
        } else {
            fill!(c.todo_mine, text = what)
        };
        let category = if mentors_own {
            c.category_mentor
        } else {
            c.category_mine
        };
        let status = match text(r, "status") {
            "done" => "COMPLETED",
            "dropped" => "CANCELLED",
            _ => "NEEDS-ACTION",
        };
        push_line(&mut out, "BEGIN:VTODO");
        push_line(&mut out, &format!("UID:{uuid}@mentee"));
        stamps(&mut out, r, version);
        push_line(
            &mut out,
            &format!("DUE;VALUE=DATE:{}", due.format("%Y%m%d")),
        );
        push_line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        push_line(&mut out, &format!("CATEGORIES:{}", escape(category)));
        push_line(&mut out, &format!("STATUS:{status}"));
        push_line(&mut out, "END:VTODO");
    }
    push_line(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// A record's version, its invite's UID and its invite's SEQUENCE.
type Extra = (i64, Option<String>, i64);

/// Per uuid: the record's version, the invite's UID and the invite's SEQUENCE (columns the
/// JSON export does not carry).
fn extra(store: &Store, sql: &str) -> Result<HashMap<String, Extra>, TransferError> {
    let mut stmt = store.conn().prepare(sql).map_err(StoreError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                (r.get(1)?, r.get::<_, Option<String>>(2)?, r.get(3)?),
            ))
        })
        .map_err(StoreError::from)?;
    let mut out = HashMap::new();
    for row in rows {
        let (uuid, e) = row.map_err(StoreError::from)?;
        out.insert(uuid, e);
    }
    Ok(out)
}

/// DTSTAMP and LAST-MODIFIED (the record's `updated_at`, UTC) and SEQUENCE.
fn stamps(out: &mut String, rec: &Fields, sequence: i64) {
    let stamp = utc_stamp(text(rec, "updated_at"));
    push_line(out, &format!("DTSTAMP:{stamp}"));
    push_line(out, &format!("LAST-MODIFIED:{stamp}"));
    push_line(out, &format!("SEQUENCE:{}", sequence.max(0)));
}

fn text<'a>(rec: &'a Fields, key: &str) -> &'a str {
    field(rec, key).as_str().unwrap_or_default()
}

/// The meeting's notes and agenda, as plain text.
fn describe(meeting: &Fields, agenda: Option<&Vec<&Fields>>, heading: &str) -> String {
    let mut out = clean_multiline(text(meeting, "notes")).into_owned();
    let mut items: Vec<&&Fields> = agenda.map(|a| a.iter().collect()).unwrap_or_default();
    items.sort_by_key(|i| field(i, "position").as_i64().unwrap_or(0));
    if !items.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(heading);
        for item in items {
            out.push_str("\n- ");
            out.push_str(&clean_line(text(item, "text")));
        }
    }
    out
}

/// `2026-01-01T03:00:00Z` as `20260101T030000Z`.
fn utc_stamp(stamp: &str) -> String {
    let digits: String = stamp
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .take(15)
        .collect();
    format!("{digits}Z")
}

/// Escapes TEXT values: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (never inside a UTF-8 character), ending in CRLF.
pub(crate) fn push_line(out: &mut String, line: &str) {
    let mut len = 0;
    for c in line.chars() {
        if len + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_of_text_values() {
        assert_eq!(escape("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "東京".repeat(40));
        push_line(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        let mut short = String::new();
        push_line(&mut short, &"x".repeat(75));
        assert_eq!(short, format!("{}\r\n", "x".repeat(75)));
    }
}
