//! Calendar invites in: `mentee import --format ics FILE`. Each VEVENT becomes a planned
//! meeting with the mentor named by its ORGANIZER or an ATTENDEE (e-mail or name); the
//! invite's UID and SEQUENCE are kept (`meetings.ics_uid`, `ics_sequence`), so the same invite
//! imported again moves or cancels that meeting instead of adding one.
//!
//! The file is parsed by the `icalendar` crate; every event is read and checked before
//! anything is written, and then everything is written in one transaction, or nothing.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use icalendar::parser::{Component, Property, read_calendar, unfold};

use super::ics_apply;
use super::ics_zone::{find_zone, local_of, parse_naive};
use crate::domain::text::clean_line;
use crate::i18n::{Lang, fill};
use crate::store::{Store, StoreError};

/// One person on an invite: an e-mail (from `mailto:`) and a name (`CN`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Person {
    /// The ORGANIZER (else an ATTENDEE).
    pub organizer: bool,
    pub email: String,
    pub name: String,
}

/// One event of the file, its times already in local wall-clock time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Invite {
    pub uid: String,
    pub sequence: i64,
    pub start: NaiveDateTime,
    pub minutes: u32,
    pub cancelled: bool,
    pub all_day: bool,
    pub summary: String,
    pub location: String,
    /// The organiser first, then the attendees.
    pub people: Vec<Person>,
}

/// Why a calendar file was refused (nothing was written).
#[derive(Debug, thiserror::Error)]
pub enum IcsError {
    /// The text is not an iCalendar document.
    #[error("not an iCalendar file")]
    NotCalendar,
    /// The calendar has no VEVENT.
    #[error("no events")]
    NoEvents,
    /// An event without DTSTART.
    #[error("event {0} has no DTSTART")]
    NoStart(String),
    /// A DTSTART or DTEND that is not a date-time.
    #[error("event {0}: {1} is not a date-time")]
    BadTime(String, String),
    /// A TZID neither described nor known.
    #[error("event {0}: unknown time zone {1}")]
    UnknownZone(String, String),
    /// DTEND before DTSTART, or an unusable DURATION.
    #[error("event {0}: bad length {1}")]
    BadDuration(String, String),
    /// `--mentor NAME` names no mentor.
    #[error("no mentor called {0}")]
    UnknownMentor(String),
    /// The journal could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl IcsError {
    /// The refusal in `lang`; `path` is the file as shown.
    pub fn message_in(&self, lang: Lang, path: &str) -> String {
        let c = &lang.text().calendar;
        let e = |uid: &str| {
            if uid.is_empty() {
                c.event.to_string()
            } else {
                clean_line(uid).into_owned()
            }
        };
        match self {
            IcsError::NotCalendar => fill!(c.not_calendar, path = path),
            IcsError::NoEvents => fill!(c.no_events, path = path),
            IcsError::NoStart(uid) => fill!(c.no_start, event = e(uid)),
            IcsError::BadTime(uid, v) => fill!(c.bad_time, event = e(uid), value = clean_line(v)),
            IcsError::UnknownZone(uid, z) => {
                fill!(c.unknown_zone, event = e(uid), zone = clean_line(z))
            }
            IcsError::BadDuration(uid, v) => {
                fill!(c.bad_duration, event = e(uid), value = clean_line(v))
            }
            IcsError::UnknownMentor(name) => fill!(c.unknown_mentor, name = clean_line(name)),
            IcsError::Store(s) => lang.text().store_error(s),
        }
    }
}

pub use super::ics_apply::IcsReport;

/// Reads the calendar `text`, checks every event, then (unless `dry_run`) plans, moves and
/// cancels meetings in one transaction. `mentor` assigns the events that match no mentor.
pub fn import_ics(
    store: &mut Store,
    text: &str,
    mentor: Option<&str>,
    dry_run: bool,
) -> Result<IcsReport, IcsError> {
    let invites = parse_invites(text)?;
    ics_apply::apply(store, &invites, mentor, dry_run)
}

/// Every VEVENT of the calendar, checked.
pub(crate) fn parse_invites(text: &str) -> Result<Vec<Invite>, IcsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let starts = text
        .trim_start()
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"));
    if !starts {
        return Err(IcsError::NotCalendar);
    }
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).map_err(|_| IcsError::NotCalendar)?;
    let cancel_all = calendar
        .properties
        .iter()
        .any(|p| is(&p.name, "METHOD") && p.val.as_str().trim().eq_ignore_ascii_case("CANCEL"));
    let timezones: Vec<Component<'_>> = calendar
        .components
        .iter()
        .filter(|c| is(&c.name, "VTIMEZONE"))
        .cloned()
        .collect();
    let events: Vec<&Component<'_>> = calendar
        .components
        .iter()
        .filter(|c| is(&c.name, "VEVENT"))
        .collect();
    if events.is_empty() {
        return Err(IcsError::NoEvents);
    }
    events
        .into_iter()
        .map(|e| read_event(e, &timezones, cancel_all))
        .collect()
}

fn is(name: &icalendar::parser::ParseString<'_>, want: &str) -> bool {
    name.as_str().eq_ignore_ascii_case(want)
}

fn find<'a>(c: &'a Component<'_>, name: &str) -> Option<&'a Property<'a>> {
    c.properties.iter().find(|p| is(&p.name, name))
}

fn param<'a>(p: &'a Property<'_>, key: &str) -> Option<&'a str> {
    p.params
        .iter()
        .find(|q| q.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|q| q.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}

fn read_event(
    e: &Component<'_>,
    timezones: &[Component<'_>],
    cancel_all: bool,
) -> Result<Invite, IcsError> {
    let value = |name: &str| find(e, name).map(|p| p.val.as_str().trim().to_string());
    let uid = value("UID").unwrap_or_default();
    let start_prop = find(e, "DTSTART").ok_or_else(|| IcsError::NoStart(uid.clone()))?;
    let (start, all_day) = when(start_prop, timezones, &uid)?;
    let minutes = if let Some(end) = find(e, "DTEND") {
        let (end, _) = when(end, timezones, &uid)?;
        let m = (end - start).num_minutes();
        if m <= 0 || m > 24 * 60 {
            return Err(IcsError::BadDuration(uid, end.to_string()));
        }
        m
    } else if let Some(d) = value("DURATION") {
        match duration_minutes(&d) {
            Some(m) if m > 0 && m <= 24 * 60 => m,
            _ => return Err(IcsError::BadDuration(uid, d)),
        }
    } else {
        // RFC 5545 §3.6.1: without DTEND or DURATION a timed event takes no time; a meeting
        // does, so the journal's default length is used.
        30
    };
    let status_cancelled = value("STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
    let mut people = Vec::new();
    for p in e.properties.iter().filter(|p| is(&p.name, "ORGANIZER")) {
        people.push(person(p, true));
    }
    for p in e.properties.iter().filter(|p| is(&p.name, "ATTENDEE")) {
        people.push(person(p, false));
    }
    Ok(Invite {
        sequence: value("SEQUENCE")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
            .max(0),
        start,
        minutes: u32::try_from(minutes).unwrap_or(30),
        cancelled: cancel_all || status_cancelled,
        all_day,
        summary: clean_line(&value("SUMMARY").unwrap_or_default()).into_owned(),
        location: clean_line(&value("LOCATION").unwrap_or_default()).into_owned(),
        people,
        uid,
    })
}

fn person(p: &Property<'_>, organizer: bool) -> Person {
    let v = p.val.as_str().trim();
    let email = match (v.get(..7), v.get(7..)) {
        (Some(scheme), Some(rest)) if scheme.eq_ignore_ascii_case("mailto:") => {
            rest.trim().to_lowercase()
        }
        _ => String::new(),
    };
    Person {
        organizer,
        email,
        name: param(p, "CN")
            .map(|n| n.trim().to_string())
            .unwrap_or_default(),
    }
}

/// A DTSTART/DTEND as local wall-clock time, and whether it is a date only (all day).
fn when(
    p: &Property<'_>,
    timezones: &[Component<'_>],
    uid: &str,
) -> Result<(NaiveDateTime, bool), IcsError> {
    let raw = p.val.as_str().trim();
    let bad = || IcsError::BadTime(uid.to_string(), raw.to_string());
    if raw.len() == 8 {
        let day = NaiveDate::parse_from_str(raw, "%Y%m%d").map_err(|_| bad())?;
        return Ok((day.and_time(chrono::NaiveTime::MIN), true));
    }
    let naive = parse_naive(raw).ok_or_else(bad)?;
    if raw.ends_with(['Z', 'z']) {
        return Ok((local_of(naive.and_utc()), false));
    }
    match param(p, "TZID") {
        None => Ok((naive, false)),
        Some(tzid) => {
            let zone = find_zone(tzid, timezones)
                .ok_or_else(|| IcsError::UnknownZone(uid.to_string(), tzid.to_string()))?;
            let utc = zone.to_utc(naive).ok_or_else(bad)?;
            Ok((local_of(utc), false))
        }
    }
}

/// `PT1H30M`, `PT45M`, `P1D`, `P1W` in minutes (seconds dropped).
fn duration_minutes(s: &str) -> Option<i64> {
    let s = s.trim();
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, s.strip_prefix('+').unwrap_or(s)),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut in_time = false;
    for ch in rest.chars() {
        match ch.to_ascii_uppercase() {
            'T' => in_time = true,
            d if d.is_ascii_digit() => number.push(d),
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                total += match (unit, in_time) {
                    ('W', false) => Duration::weeks(n),
                    ('D', false) => Duration::days(n),
                    ('H', true) => Duration::hours(n),
                    ('M', true) => Duration::minutes(n),
                    ('S', true) => Duration::seconds(n),
                    _ => return None,
                };
            }
        }
    }
    number.is_empty().then_some(sign * total.num_minutes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_minutes() {
        assert_eq!(duration_minutes("PT1H30M"), Some(90));
        assert_eq!(duration_minutes("PT45M"), Some(45));
        assert_eq!(duration_minutes("P1D"), Some(1440));
        assert_eq!(duration_minutes("PT"), Some(0));
        assert_eq!(duration_minutes("1H"), None);
        assert_eq!(duration_minutes("PT5X"), None);
    }

    #[test]
    fn a_file_that_is_not_a_calendar_is_refused() {
        assert!(matches!(
            parse_invites("{\"version\": 1}"),
            Err(IcsError::NotCalendar)
        ));
        assert!(matches!(
            parse_invites("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"),
            Err(IcsError::NoEvents)
        ));
        assert!(matches!(
            parse_invites("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
            Err(IcsError::NoStart(uid)) if uid == "x"
        ));
    }
}
