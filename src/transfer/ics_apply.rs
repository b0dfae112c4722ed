//! What a checked calendar file does to the journal: each invite matched to a mentor and to
//! the meeting it already made (by UID), then the changes written in one transaction.
//!
//! Rules: a new invite plans a meeting; the same UID with a SEQUENCE not older moves it (or
//! cancels it, for `STATUS:CANCELLED` / `METHOD:CANCEL`); an older SEQUENCE is ignored; a held
//! meeting is never changed by an invite; an invite that matches no mentor (and no
//! `--mentor`) is listed, not guessed, and not imported.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::ics_in::{IcsError, Invite};
use crate::domain::text::clean_line;
use crate::domain::{Meeting, MeetingStatus, Mentor};
use crate::i18n::{Lang, fill};
use crate::store::Store;

/// An invite that matched no mentor: when, what and who, as the file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub uid: String,
    pub start: NaiveDateTime,
    pub summary: String,
    /// The organiser and attendees, `Name <mail>`.
    pub people: Vec<String>,
}

/// What a calendar import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IcsReport {
    /// True when nothing was written.
    pub dry_run: bool,
    pub added: usize,
    pub moved: usize,
    pub cancelled: usize,
    pub unchanged: usize,
    /// Invites for a meeting already held: left alone.
    pub held: usize,
    /// Invites with a lower SEQUENCE than the one already imported: ignored.
    pub older: usize,
    /// All-day events: skipped.
    pub all_day: usize,
    /// Invites that match no mentor: listed, not imported.
    pub unmatched: Vec<Unmatched>,
}

impl IcsReport {
    /// Meetings added, moved or cancelled.
    pub fn changed(&self) -> usize {
        self.added + self.moved + self.cancelled
    }

    /// The report in `lang`, a line per figure that is not zero, then the unmatched events.
    pub fn render(&self, lang: Lang) -> String {
        let c = &lang.text().calendar;
        let mut out = String::new();
        if self.dry_run {
            out.push_str(c.dry_run);
            out.push('\n');
        }
        for (count, template) in [
            (self.added, c.added),
            (self.moved, c.moved),
            (self.cancelled, c.cancelled),
            (self.unchanged, c.unchanged),
            (self.held, c.held),
            (self.older, c.older),
            (self.all_day, c.all_day),
        ] {
            if count > 0 {
                out.push_str(&fill!(template, count = count));
                out.push('\n');
            }
        }
        if !self.unmatched.is_empty() {
            out.push_str(&fill!(c.unmatched, count = self.unmatched.len()));
            out.push('\n');
            for u in &self.unmatched {
                out.push_str(&fill!(
                    c.unmatched_line,
                    when = u.start.format("%Y-%m-%d %H:%M"),
                    summary = clean_line(&u.summary),
                    people = clean_line(&u.people.join(", "))
                ));
                out.push('\n');
            }
            out.push_str(c.unmatched_hint);
            out.push('\n');
        }
        out
    }
}

/// The mentor an invite is for: the organiser's match first, else the single mentor the
/// attendees match (by e-mail in the mentor's contact, or by name; case-insensitive).
fn mentor_of<'a>(invite: &Invite, mentors: &'a [Mentor]) -> Option<&'a Mentor> {
    let matches = |p: &super::ics_in::Person| -> Vec<&'a Mentor> {
        mentors
            .iter()
            .filter(|m| {
                let contact = m.contact.to_lowercase();
                let by_mail = !p.email.is_empty()
                    && contact
                        .split(|c: char| c.is_whitespace() || ",;<>()".contains(c))
                        .any(|w| w.trim_start_matches("mailto:") == p.email);
                let by_name =
                    !p.name.is_empty() && m.name.trim().to_lowercase() == p.name.to_lowercase();
                by_mail || by_name
            })
            .collect()
    };
    let mut found: Vec<&Mentor> = Vec::new();
    for p in &invite.people {
        let m = matches(p);
        if p.organizer && m.len() == 1 {
            // The organiser decides when it names exactly one mentor.
            return m.first().copied();
        }
        for x in m {
            if !found.iter().any(|f| f.id == x.id) {
                found.push(x);
            }
        }
    }
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// One change to make.
enum Change {
    Add(Meeting, String, i64),
    Update {
        id: i64,
        start: NaiveDateTime,
        minutes: u32,
        status: MeetingStatus,
        sequence: i64,
    },
}

/// Plans every invite, then writes the changes in one transaction (unless `dry_run`).
pub(crate) fn apply(
    store: &mut Store,
    invites: &[Invite],
    assign: Option<&str>,
    dry_run: bool,
) -> Result<IcsReport, IcsError> {
    let mentors = store.mentors()?;
    let assigned = match assign {
        None => None,
        Some(name) => Some(
            mentors
                .iter()
                .find(|m| m.name.trim().eq_ignore_ascii_case(name.trim()))
                .ok_or_else(|| IcsError::UnknownMentor(name.to_string()))?,
        ),
    };
    let mut report = IcsReport {
        dry_run,
        ..IcsReport::default()
    };
    let mut changes = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for invite in invites {
        if invite.all_day {
            report.all_day += 1;
            continue;
        }
        // A file may hold an invite and its later update: only the newest of a UID counts.
        if !invite.uid.is_empty() {
            if seen.contains(&invite.uid.as_str()) {
                continue;
            }
            seen.push(&invite.uid);
        }
        let newest = invites
            .iter()
            .filter(|i| !invite.uid.is_empty() && i.uid == invite.uid && !i.all_day)
            .max_by_key(|i| i.sequence)
            .unwrap_or(invite);
        plan(store, newest, &mentors, assigned, &mut report, &mut changes)?;
    }
    if !dry_run {
        store.transaction(|s| {
            for change in &changes {
                match change {
                    Change::Add(m, uid, sequence) => {
                        let id = s.save_meeting(m)?;
                        let uid = (!uid.is_empty()).then_some(uid.as_str());
                        s.conn().execute(
                            "UPDATE meetings SET ics_uid = ?2, ics_sequence = ?3 WHERE id = ?1",
                            params![id, uid, sequence],
                        )?;
                    }
                    Change::Update {
                        id,
                        start,
                        minutes,
                        status,
                        sequence,
                    } => {
                        let mut m = s.meeting(*id)?;
                        m.starts_at = *start;
                        m.minutes = *minutes;
                        m.status = *status;
                        s.save_meeting(&m)?;
                        s.conn().execute(
                            "UPDATE meetings SET ics_sequence = ?2 WHERE id = ?1",
                            params![id, sequence],
                        )?;
                    }
                }
            }
            Ok(())
        })?;
    }
    Ok(report)
}

fn plan(
    store: &Store,
    invite: &Invite,
    mentors: &[Mentor],
    assigned: Option<&Mentor>,
    report: &mut IcsReport,
    changes: &mut Vec<Change>,
) -> Result<(), IcsError> {
    let existing: Option<(i64, MeetingStatus, i64, NaiveDateTime, u32)> = if invite.uid.is_empty() {
        None
    } else {
        store
            .conn()
            .query_row(
                "SELECT id, status, ics_sequence, starts_at, minutes FROM meetings WHERE ics_uid = ?1",
                [&invite.uid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(crate::store::StoreError::from)?
    };
    match existing {
        Some((_, MeetingStatus::Held, ..)) => report.held += 1,
        Some((_, _, sequence, ..)) if invite.sequence < sequence => report.older += 1,
        Some((id, status, sequence, start, minutes)) => {
            let wanted = if invite.cancelled {
                MeetingStatus::Cancelled
            } else {
                MeetingStatus::Planned
            };
            let same = status == wanted
                && (invite.cancelled || (start == invite.start && minutes == invite.minutes));
            if same && sequence == invite.sequence {
                report.unchanged += 1;
                return Ok(());
            }
            if same {
                report.unchanged += 1;
            } else if invite.cancelled {
                report.cancelled += 1;
            } else {
                report.moved += 1;
            }
            let (start, minutes) = if invite.cancelled {
                (start, minutes)
            } else {
                (invite.start, invite.minutes)
            };
            changes.push(Change::Update {
                id,
                start,
                minutes,
                status: wanted,
                sequence: invite.sequence,
            });
        }
        // A cancellation of a meeting the journal never had: nothing to do.
        None if invite.cancelled => report.unchanged += 1,
        None => {
            let Some(mentor) = mentor_of(invite, mentors).or(assigned) else {
                report.unmatched.push(Unmatched {
                    uid: invite.uid.clone(),
                    start: invite.start,
                    summary: invite.summary.clone(),
                    people: invite
                        .people
                        .iter()
                        .map(|p| match (p.name.is_empty(), p.email.is_empty()) {
                            (false, false) => format!("{} <{}>", p.name, p.email),
                            (true, _) => p.email.clone(),
                            (false, true) => p.name.clone(),
                        })
                        .filter(|s| !s.is_empty())
                        .collect(),
                });
                return Ok(());
            };
            let mut m = Meeting::new(mentor.id, invite.start, invite.minutes);
            m.channel = invite.location.chars().take(200).collect();
            m.notes = invite.summary.clone();
            report.added += 1;
            changes.push(Change::Add(m, invite.uid.clone(), invite.sequence));
        }
    }
    Ok(())
}
