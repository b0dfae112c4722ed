//! The kick-off: the first meeting with a mentor, and the agreement it settles.
//!
//! A planned meeting with no held meeting with its mentor before it is a kick-off
//! ([`is_kickoff`]): its empty agenda is offered the kick-off template (goals, expectations,
//! cadence, duration, confidentiality, how feedback is given; `assets/kickoff-template-*.md`).
//! Each template item carries a key in its `source` (`kickoff:cadence`…), so after the
//! meeting [`agreement`] reads what was decided from those items' notes and proposes the
//! mentor's agreement: the cadence in days, the expected end, the channel, the goals covered
//! and the agreement notes. Pure; the debrief offers the proposal in the mentor's form, where
//! the user changes or drops it.

use chrono::{NaiveDate, NaiveDateTime};

use super::dates::{add_days, add_months, parse_date};
use super::limits::CADENCE_DAYS;
use super::{AgendaItem, Meeting, Mentor};

/// What an agenda item's `source` starts with when it came from the kick-off template.
pub const SOURCE_PREFIX: &str = "kickoff:";

/// The parts of the agreement the kick-off template asks about, as its items' keys.
pub const KEYS: [&str; 6] = [
    "goals",
    "expectations",
    "cadence",
    "duration",
    "confidentiality",
    "feedback",
];

/// True when a meeting is the first with its mentor: none held before it (`last_held`, the
/// start of the last held meeting with the mentor before this one).
pub fn is_kickoff(last_held: Option<NaiveDateTime>) -> bool {
    last_held.is_none()
}

/// The agreement a kick-off proposes; `None` where it decided nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agreement {
    pub cadence_days: Option<u32>,
    pub expected_end: Option<NaiveDate>,
    pub channel: Option<String>,
    pub goals_covered: Option<String>,
    pub agreement_notes: Option<String>,
}

impl Agreement {
    /// True when the kick-off decided nothing the agreement could take.
    pub fn is_empty(&self) -> bool {
        *self == Agreement::default()
    }
}

/// The note taken on the kick-off item with `key` (what was decided), if any.
fn decided<'a>(items: &'a [AgendaItem], key: &str) -> Option<&'a AgendaItem> {
    items.iter().find(|i| {
        i.source
            .as_deref()
            .and_then(|s| s.strip_prefix(SOURCE_PREFIX))
            == Some(key)
            && !i.note.trim().is_empty()
    })
}

/// The agreement proposed from kick-off `meeting` with `mentor`: its kick-off items' notes
/// (`items`, the meeting's agenda) and the next meeting planned in the debrief (`next`).
pub fn agreement(
    mentor: &Mentor,
    meeting: &Meeting,
    items: &[AgendaItem],
    next: Option<&Meeting>,
) -> Agreement {
    let day = meeting.starts_at.date();
    let cadence = decided(items, "cadence");
    let cadence_days = cadence
        .and_then(|i| cadence_in(&i.note))
        .or_else(|| {
            let gap = (next?.starts_at.date() - day).num_days();
            u32::try_from(gap).ok().filter(|d| (1..=90).contains(d))
        })
        .filter(|d| (CADENCE_DAYS.min..=CADENCE_DAYS.max).contains(&i64::from(*d)));
    let expected_end = decided(items, "duration").and_then(|i| end_in(&i.note, day));
    let channel = Some(meeting.channel.trim())
        .filter(|c| !c.is_empty() && mentor.channel.trim().is_empty())
        .map(str::to_string);
    let goals_covered = decided(items, "goals").map(|i| i.note.trim().to_string());
    let lines: Vec<String> = ["expectations", "confidentiality", "feedback"]
        .iter()
        .filter_map(|key| decided(items, key))
        .map(|i| format!("{}: {}", topic_of(&i.text), i.note.trim()))
        .filter(|line| !mentor.agreement_notes.contains(line.as_str()))
        .collect();
    let agreement_notes = (!lines.is_empty()).then(|| {
        let existing = mentor.agreement_notes.trim();
        let new = lines.join("\n");
        if existing.is_empty() {
            new
        } else {
            format!("{existing}\n{new}")
        }
    });
    Agreement {
        cadence_days,
        expected_end,
        channel,
        goals_covered,
        agreement_notes,
    }
}

/// The short topic of a kick-off item ("Confidentiality: what stays between us" →
/// "Confidentiality").
fn topic_of(text: &str) -> &str {
    text.split(':').next().unwrap_or(text).trim()
}

/// A cadence in days read from a note: `every 2 weeks`, `14 days`, `weekly`, `monthly`,
/// `dua minggu sekali`, `setiap 3 minggu`, `bulanan`…
pub fn cadence_in(note: &str) -> Option<u32> {
    let lower = note.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let unit = |w: &str| -> Option<u32> {
        match w {
            "day" | "days" | "hari" => Some(1),
            "week" | "weeks" | "minggu" | "pekan" => Some(7),
            "month" | "months" | "bulan" => Some(30),
            _ => None,
        }
    };
    for (i, w) in words.iter().enumerate() {
        if let Some(days) = unit(w) {
            let n = i.checked_sub(1).and_then(|j| number(words[j])).unwrap_or(1);
            return Some(n * days);
        }
        match *w {
            "daily" | "harian" => return Some(1),
            "weekly" | "mingguan" => return Some(7),
            "fortnightly" | "biweekly" | "fortnight" => return Some(14),
            "monthly" | "bulanan" => return Some(30),
            _ => {}
        }
    }
    None
}

/// A small number as a figure or a word (English or Indonesian).
fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n).filter(|n| *n > 0 && *n <= 366);
    }
    let words = [
        ("one", 1),
        ("satu", 1),
        ("two", 2),
        ("dua", 2),
        ("three", 3),
        ("tiga", 3),
        ("four", 4),
        ("empat", 4),
        ("six", 6),
        ("enam", 6),
        ("twelve", 12),
    ];
    words.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// The end of the relationship read from a note, relative to the kick-off `day`: a date
/// (`2027-05-31`, `31 May 2027`, `+6m`), or a length (`6 months`, `enam bulan`, `12 weeks`).
pub fn end_in(note: &str, day: NaiveDate) -> Option<NaiveDate> {
    let note = note.trim();
    if let Ok(date) = parse_date(note, day) {
        return Some(date).filter(|d| *d > day);
    }
    let lower = note.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let n = || i.checked_sub(1).and_then(|j| number(words[j]));
        match *w {
            "month" | "months" | "bulan" => return n().map(|n| add_months(day, n as i32)),
            "week" | "weeks" | "minggu" | "pekan" => {
                return n().map(|n| add_days(day, 7 * i64::from(n)));
            }
            "year" | "years" | "tahun" => return n().map(|n| add_months(day, 12 * n as i32)),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AgendaKind;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn item(key: &str, text: &str, note: &str) -> AgendaItem {
        let mut i = AgendaItem::new(7, AgendaKind::Topic, text);
        i.source = Some(format!("{SOURCE_PREFIX}{key}"));
        i.note = note.into();
        i
    }

    #[test]
    fn the_first_meeting_is_the_kickoff() {
        assert!(is_kickoff(None));
        assert!(!is_kickoff(Some(day(11, 1).and_hms_opt(9, 0, 0).unwrap())));
    }

    #[test]
    fn cadence_and_end_are_read_in_both_languages() {
        assert_eq!(cadence_in("every 2 weeks, 30 minutes"), Some(14));
        assert_eq!(cadence_in("Weekly on Fridays"), Some(7));
        assert_eq!(cadence_in("dua minggu sekali lewat video"), Some(14));
        assert_eq!(cadence_in("setiap bulan"), Some(30));
        assert_eq!(cadence_in("when needed"), None);
        let start = day(11, 27);
        assert_eq!(
            end_in("6 months, then we look back", start),
            NaiveDate::from_ymd_opt(2027, 5, 27)
        );
        assert_eq!(
            end_in("enam bulan", start),
            NaiveDate::from_ymd_opt(2027, 5, 27)
        );
        assert_eq!(
            end_in("2027-03-01", start),
            NaiveDate::from_ymd_opt(2027, 3, 1)
        );
        assert_eq!(end_in("12 weeks", start), Some(add_days(start, 84)));
        assert_eq!(end_in("open-ended", start), None);
    }

    #[test]
    fn the_agreement_is_proposed_from_what_was_decided() {
        let mentor = Mentor::new("Daniel");
        let mut meeting = Meeting::new(1, day(11, 27).and_hms_opt(16, 0, 0).unwrap(), 30);
        meeting.channel = "video call".into();
        let items = vec![
            item("goals", "My goals", "Staff promotion; public speaking"),
            item("cadence", "Cadence and channel: how often", "every 2 weeks"),
            item("duration", "Duration", "6 months"),
            item(
                "confidentiality",
                "Confidentiality: what stays between us",
                "All of it",
            ),
            item(
                "feedback",
                "Feedback: how",
                "Direct, in writing after each talk",
            ),
            item("expectations", "Expectations", ""),
        ];
        let a = agreement(&mentor, &meeting, &items, None);
        assert_eq!(a.cadence_days, Some(14));
        assert_eq!(a.expected_end, NaiveDate::from_ymd_opt(2027, 5, 27));
        assert_eq!(a.channel.as_deref(), Some("video call"));
        assert_eq!(
            a.goals_covered.as_deref(),
            Some("Staff promotion; public speaking")
        );
        assert_eq!(
            a.agreement_notes.as_deref(),
            Some("Confidentiality: All of it\nFeedback: Direct, in writing after each talk")
        );
    }

    #[test]
    fn without_a_decision_the_next_meeting_gives_the_cadence_and_nothing_is_invented() {
        let mut mentor = Mentor::new("Daniel");
        mentor.channel = "chat".into();
        mentor.agreement_notes = "Confidentiality: All of it".into();
        let mut meeting = Meeting::new(1, day(11, 27).and_hms_opt(16, 0, 0).unwrap(), 30);
        meeting.channel = "video call".into();
        let next = Meeting::new(1, day(12, 18).and_hms_opt(16, 0, 0).unwrap(), 30);
        let items = vec![item(
            "confidentiality",
            "Confidentiality: what stays",
            "All of it",
        )];
        let a = agreement(&mentor, &meeting, &items, Some(&next));
        assert_eq!(a.cadence_days, Some(21));
        assert_eq!(a.channel, None, "the mentor's channel stays");
        assert_eq!(a.agreement_notes, None, "already in the notes");
        assert!(
            agreement(
                &Mentor::new("X"),
                &Meeting::new(1, meeting.starts_at, 30),
                &[],
                None
            )
            .is_empty()
        );
    }
}
