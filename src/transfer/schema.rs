//! The export format described as data: one [`Kind`] per record kind, one [`Field`] per
//! column. Export, validation and import all walk these tables, so a field cannot be
//! exported in one shape and imported in another.
//!
//! Every record also carries four common fields that are not listed here: `uuid`,
//! `created_at`, `updated_at` and `private`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::domain::dates::push_digits;
use crate::domain::kinds::*;
use crate::domain::limits::{self, Range};
use crate::domain::{RecordKind, UnknownCode};

/// The current version of the JSON format. Version 2 adds wins, resources,
/// `gratitude.resource`, and mentors' `relationship` and `agreement_notes`; version 3 adds
/// `mentor_fit`, the fit scorecards. Files of every older version (without them) still
/// import.
pub const FORMAT_VERSION: i64 = 3;
/// The value of the top-level `format` field.
pub const FORMAT_NAME: &str = "mentee-journal";
/// The longest text accepted in one field, in characters (the domain's limit).
pub const MAX_TEXT_CHARS: usize = limits::MAX_TEXT_CHARS;

/// The type of one field, deciding its JSON shape and its checks.
#[derive(Clone, Copy)]
pub enum Ty {
    /// Free text (at most [`MAX_TEXT_CHARS`]).
    Text,
    /// Free text that must not be blank (names, titles, item texts).
    Title,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A local wall-clock time, `YYYY-MM-DD HH:MM:SS`.
    LocalTime,
    /// A whole number within one of the domain's ranges.
    Int(Range),
    /// A number within ±[`limits::MAX_NUMBER`].
    Real,
    /// true / false, stored as 0 / 1.
    Bool,
    /// One code of a closed vocabulary; the function returns the canonical code.
    Code(fn(&str) -> Result<&'static str, UnknownCode>),
    /// The uuid of a record of the kind with this key (e.g. `"mentors"`).
    Ref(&'static str),
    /// Health-check ratings: `[{"question": code, "rating": 1..5}]`, stored as JSON text.
    Ratings,
    /// Reflection answers: `[{"prompt": code, "answer": text}]`, stored as JSON text.
    Answers,
    /// Fit scorecard ratings: `[{"criterion": code, "note": text, "rating": 1..5}]`, each
    /// criterion once, stored as JSON text.
    FitRatings,
}

/// Whether a field must be in the file, and what it means when it is not.
#[derive(Clone, Copy)]
pub enum Presence {
    /// Must be present and not null.
    Required,
    /// May be left out; then it takes this value (a JSON literal). Never null.
    Default(&'static str),
    /// May be null or left out (meaning null).
    Nullable,
}

/// One field of a record kind.
pub struct Field {
    /// The key in the JSON object.
    pub name: &'static str,
    /// The column in the table.
    pub column: &'static str,
    pub ty: Ty,
    pub presence: Presence,
}

/// One record kind: its array in the document and its table.
pub struct Kind {
    /// Which kind of record (`None` for a kind the journal keeps beside a record and never
    /// shows, searches or deletes on its own: a mentor's fit scorecard).
    pub record: Option<RecordKind>,
    /// The array's key in the document and the table's name (they are the same): the
    /// record kind's table.
    pub key: &'static str,
    pub fields: &'static [Field],
    /// A required reference field that at most one record may hold per target (a mentor
    /// has one scorecard): a second one, in the file or in the journal, is refused.
    pub one_per: Option<&'static str>,
}

/// The kind `record` with its fields.
const fn kind_of(record: RecordKind, fields: &'static [Field]) -> Kind {
    Kind {
        record: Some(record),
        key: record.table(),
        fields,
        one_per: None,
    }
}

/// The key of the fit scorecards' array and table (version 3).
pub const MENTOR_FIT: &str = "mentor_fit";

const fn f(name: &'static str, column: &'static str, ty: Ty, presence: Presence) -> Field {
    Field {
        name,
        column,
        ty,
        presence,
    }
}

use Presence::{Default as Def, Nullable as Null, Required as Req};
use Ty::*;

const EMPTY: Presence = Def("\"\"");

macro_rules! code_fn {
    ($name:ident, $t:ty) => {
        fn $name(s: &str) -> Result<&'static str, UnknownCode> {
            s.parse::<$t>().map(|v| v.code())
        }
    };
}
code_fn!(mentor_status, MentorStatus);
code_fn!(party, Party);
code_fn!(goal_area, GoalArea);
code_fn!(goal_status, GoalStatus);
code_fn!(meeting_status, MeetingStatus);
code_fn!(agenda_kind, AgendaKind);
code_fn!(feedback_kind, FeedbackKind);
code_fn!(feedback_status, FeedbackStatus);
code_fn!(commitment_status, CommitmentStatus);
code_fn!(period, Period);
code_fn!(resource_kind, ResourceKind);
code_fn!(resource_status, ResourceStatus);
code_fn!(relationship, Relationship);

/// The fields a goal revision can record (no domain vocabulary exists for it).
fn revision_field(s: &str) -> Result<&'static str, UnknownCode> {
    const CODES: [&str; 3] = ["target", "due", "status"];
    let wanted = s.trim().to_ascii_lowercase();
    CODES
        .iter()
        .find(|c| **c == wanted)
        .copied()
        .ok_or_else(|| UnknownCode {
            kind: "goal revision field",
            value: s.to_string(),
            expected: CODES.join(", "),
        })
}

/// Every record kind, in the order of the document.
pub const KINDS: &[Kind] = &[
    kind_of(
        RecordKind::Mentor,
        &[
            f("name", "name", Title, Req),
            f("contact", "contact", Text, EMPTY),
            f("expertise", "expertise", Text, EMPTY),
            f("why_them", "why_them", Text, EMPTY),
            f("research_notes", "research_notes", Text, EMPTY),
            f("pitch_draft", "pitch_draft", Text, EMPTY),
            f(
                "status",
                "status",
                Code(mentor_status),
                Def("\"candidate\""),
            ),
            f("status_since", "status_since", Date, Null),
            f("goals_covered", "goals_covered", Text, EMPTY),
            f(
                "cadence_days",
                "cadence_days",
                Int(limits::CADENCE_DAYS),
                Null,
            ),
            f("expected_end", "expected_end", Date, Null),
            f("channel", "channel", Text, EMPTY),
            f("review_on", "review_on", Date, Null),
            f("closing_notes", "closing_notes", Text, EMPTY),
            f("agreement_notes", "agreement_notes", Text, EMPTY),
            // Version 2: the kind of relationship (a version-1 file's mentors are mentors).
            f(
                "relationship",
                "relationship",
                Code(relationship),
                Def("\"mentor\""),
            ),
        ],
    ),
    kind_of(
        RecordKind::Contact,
        &[
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Req),
            f("on_date", "on_date", Date, Req),
            f("channel", "channel", Text, EMPTY),
            f("initiative", "initiative", Code(party), Req),
            f("note", "note", Text, EMPTY),
        ],
    ),
    kind_of(
        RecordKind::HealthCheck,
        &[
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Req),
            f("on_date", "on_date", Date, Req),
            f("ratings", "ratings", Ratings, Def("[]")),
            f("note", "note", Text, EMPTY),
        ],
    ),
    kind_of(
        RecordKind::Goal,
        &[
            f("title", "title", Title, Req),
            f("specific", "specific", Text, EMPTY),
            f("metric", "metric", Text, EMPTY),
            f("baseline", "baseline", Real, Null),
            f("target", "target", Real, Null),
            f("unit", "unit", Text, EMPTY),
            f("achievable", "achievable", Text, EMPTY),
            f("relevant", "relevant", Text, EMPTY),
            f("due_on", "due_on", Date, Null),
            f("area", "area", Code(goal_area), Def("\"skills\"")),
            f("status", "status", Code(goal_status), Def("\"active\"")),
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Null),
        ],
    ),
    kind_of(
        RecordKind::GoalProgress,
        &[
            f("goal", "goal_id", Ref(RecordKind::Goal.table()), Req),
            f("on_date", "on_date", Date, Req),
            f("value", "value", Real, Req),
            f("note", "note", Text, EMPTY),
        ],
    ),
    kind_of(
        RecordKind::GoalRevision,
        &[
            f("goal", "goal_id", Ref(RecordKind::Goal.table()), Req),
            f("on_date", "on_date", Date, Req),
            f("field", "field", Code(revision_field), Req),
            f("old_value", "old_value", Text, EMPTY),
            f("new_value", "new_value", Text, EMPTY),
            f("reason", "reason", Text, EMPTY),
            f(
                "reflection",
                "reflection_id",
                Ref(RecordKind::Reflection.table()),
                Null,
            ),
        ],
    ),
    kind_of(
        RecordKind::Meeting,
        &[
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Req),
            f("starts_at", "starts_at", LocalTime, Req),
            f(
                "minutes",
                "minutes",
                Int(limits::MEETING_MINUTES),
                Def("30"),
            ),
            f("status", "status", Code(meeting_status), Def("\"planned\"")),
            f("channel", "channel", Text, EMPTY),
            f("notes", "notes", Text, EMPTY),
            f("agenda_ready", "agenda_ready", Bool, Def("false")),
        ],
    ),
    kind_of(
        RecordKind::AgendaItem,
        &[
            f(
                "meeting",
                "meeting_id",
                Ref(RecordKind::Meeting.table()),
                Req,
            ),
            f("kind", "kind", Code(agenda_kind), Def("\"topic\"")),
            f("text", "text", Title, Req),
            f("outcome", "outcome", Text, EMPTY),
            f("minutes", "minutes", Int(limits::ITEM_MINUTES), Null),
            f("position", "position", Int(limits::POSITION), Def("0")),
            f("discussed", "discussed", Bool, Def("false")),
            f("note", "note", Text, EMPTY),
            f("goal", "goal_id", Ref(RecordKind::Goal.table()), Null),
            f(
                "commitment",
                "commitment_id",
                Ref(RecordKind::Commitment.table()),
                Null,
            ),
            f(
                "feedback",
                "feedback_id",
                Ref(RecordKind::Feedback.table()),
                Null,
            ),
            f(
                "carried_from",
                "carried_from",
                Ref(RecordKind::AgendaItem.table()),
                Null,
            ),
            f("source", "source", Text, Null),
        ],
    ),
    kind_of(
        RecordKind::Question,
        &[
            f("text", "text", Title, Req),
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Null),
            f(
                "agenda_item",
                "agenda_item_id",
                Ref(RecordKind::AgendaItem.table()),
                Null,
            ),
        ],
    ),
    kind_of(
        RecordKind::Feedback,
        &[
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Null),
            f(
                "meeting",
                "meeting_id",
                Ref(RecordKind::Meeting.table()),
                Null,
            ),
            f("received_on", "received_on", Date, Req),
            f("kind", "kind", Code(feedback_kind), Req),
            f("text", "text", Title, Req),
            f("reaction", "reaction", Text, EMPTY),
            f("status", "status", Code(feedback_status), Def("\"open\"")),
            f("goal", "goal_id", Ref(RecordKind::Goal.table()), Null),
        ],
    ),
    kind_of(
        RecordKind::Commitment,
        &[
            f("owner", "owner", Code(party), Req),
            f("text", "text", Title, Req),
            f("due_on", "due_on", Date, Null),
            f("status", "status", Code(commitment_status), Def("\"open\"")),
            f("done_on", "done_on", Date, Null),
            f("result", "result", Text, EMPTY),
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Null),
            f(
                "meeting",
                "meeting_id",
                Ref(RecordKind::Meeting.table()),
                Null,
            ),
            f(
                "feedback",
                "feedback_id",
                Ref(RecordKind::Feedback.table()),
                Null,
            ),
            f("reported_on", "reported_on", Date, Null),
            f("created_on", "created_on", Date, Req),
        ],
    ),
    kind_of(
        RecordKind::Gratitude,
        &[
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Null),
            f(
                "meeting",
                "meeting_id",
                Ref(RecordKind::Meeting.table()),
                Null,
            ),
            f(
                "commitment",
                "commitment_id",
                Ref(RecordKind::Commitment.table()),
                Null,
            ),
            f("on_date", "on_date", Date, Req),
            f("what_for", "what_for", Title, Req),
            f("sent", "sent", Bool, Def("false")),
            f("channel", "channel", Text, EMPTY),
            f(
                "resource",
                "resource_id",
                Ref(RecordKind::Resource.table()),
                Null,
            ),
        ],
    ),
    kind_of(
        RecordKind::Reflection,
        &[
            f("period", "period", Code(period), Req),
            f("period_start", "period_start", Date, Req),
            f("template", "template", Text, Req),
            f("answers", "answers", Answers, Def("[]")),
        ],
    ),
    // Version 2.
    kind_of(
        RecordKind::Win,
        &[
            f("on_date", "on_date", Date, Req),
            f("what", "what", Title, Req),
            f("evidence", "evidence", Text, EMPTY),
            f("goal", "goal_id", Ref(RecordKind::Goal.table()), Null),
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Null),
            f(
                "meeting",
                "meeting_id",
                Ref(RecordKind::Meeting.table()),
                Null,
            ),
        ],
    ),
    kind_of(
        RecordKind::Resource,
        &[
            f("kind", "kind", Code(resource_kind), Def("\"book\"")),
            f("title", "title", Title, Req),
            f("link", "link", Text, EMPTY),
            f("status", "status", Code(resource_status), Def("\"todo\"")),
            f("takeaway", "takeaway", Text, EMPTY),
            f("recommended_on", "recommended_on", Date, Req),
            f("done_on", "done_on", Date, Null),
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Null),
            f("goal", "goal_id", Ref(RecordKind::Goal.table()), Null),
            f(
                "meeting",
                "meeting_id",
                Ref(RecordKind::Meeting.table()),
                Null,
            ),
        ],
    ),
    // Version 3: one fit scorecard per candidate or approached mentor.
    Kind {
        record: None,
        key: MENTOR_FIT,
        fields: &[
            f("mentor", "mentor_id", Ref(RecordKind::Mentor.table()), Req),
            f("ratings", "ratings", FitRatings, Def("[]")),
        ],
        one_per: Some("mentor"),
    },
];

/// The kinds in an order where every reference points to an earlier kind (or, for
/// `agenda_items.carried_from`, to the same kind): the order import writes in.
pub const WRITE_ORDER: &[&str] = &[
    RecordKind::Mentor.table(),
    MENTOR_FIT,
    RecordKind::Reflection.table(),
    RecordKind::Goal.table(),
    RecordKind::Contact.table(),
    RecordKind::HealthCheck.table(),
    RecordKind::GoalProgress.table(),
    RecordKind::GoalRevision.table(),
    RecordKind::Meeting.table(),
    RecordKind::Feedback.table(),
    RecordKind::Commitment.table(),
    RecordKind::AgendaItem.table(),
    RecordKind::Question.table(),
    RecordKind::Resource.table(),
    RecordKind::Gratitude.table(),
    RecordKind::Win.table(),
];

/// The position in [`KINDS`] of the kind with this key.
pub fn position(key: &str) -> Option<usize> {
    KINDS.iter().position(|k| k.key == key)
}

/// For each field of `kind`, the position in [`KINDS`] of the kind it refers to (None for a
/// field that is not a reference).
pub fn ref_targets(kind: &Kind) -> Vec<Option<usize>> {
    kind.fields
        .iter()
        .map(|f| match f.ty {
            Ty::Ref(target) => position(target),
            _ => None,
        })
        .collect()
}

/// The kind with this key.
pub fn kind(key: &str) -> &'static Kind {
    KINDS
        .iter()
        .find(|k| k.key == key)
        .unwrap_or_else(|| unreachable!("unknown kind {key}"))
}

/// Reads a strict `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    // The usual shape, four-digit year, read digit by digit (chrono's parser and formatter
    // took a sixth of the checking of an import); anything else goes the long way.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *s.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
            let year = n(&digits[..4]) as i32;
            return NaiveDate::from_ymd_opt(year, n(&digits[4..6]), n(&digits[6..]));
        }
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    (d.format("%Y-%m-%d").to_string() == s).then_some(d)
}

/// Reads a local time `YYYY-MM-DD HH:MM[:SS]` (or with `T`), as the store keeps it.
pub fn parse_local_time(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(s, fmt).ok())
}

/// The text form of a local time, exactly as rusqlite stores a `NaiveDateTime`.
pub fn local_time_text(t: NaiveDateTime) -> String {
    datetime_text(t, ' ', "").unwrap_or_else(|| t.format("%Y-%m-%d %H:%M:%S%.f").to_string())
}

/// `YYYY-MM-DD<sep>HH:MM:SS[.fff|.ffffff|.fffffffff]<suffix>`, the same text as chrono's
/// `%Y-%m-%d %H:%M:%S%.f` written digit by digit: chrono reads its format string again for
/// every value, which was an eighth of the time of a JSON export (two stamps per record).
/// None for what that pattern writes otherwise (a year outside 0–9999, a leap second).
fn datetime_text(t: NaiveDateTime, sep: char, suffix: &str) -> Option<String> {
    use chrono::{Datelike, Timelike};
    let nano = t.nanosecond();
    if !(0..=9999).contains(&t.year()) || nano >= 1_000_000_000 {
        return None;
    }
    let mut out = String::with_capacity(30 + suffix.len());
    push_digits(&mut out, t.year() as u32, 4);
    out.push('-');
    push_digits(&mut out, t.month(), 2);
    out.push('-');
    push_digits(&mut out, t.day(), 2);
    out.push(sep);
    push_digits(&mut out, t.hour(), 2);
    out.push(':');
    push_digits(&mut out, t.minute(), 2);
    out.push(':');
    push_digits(&mut out, t.second(), 2);
    if nano != 0 {
        out.push('.');
        match (nano % 1_000_000, nano % 1_000) {
            (0, _) => push_digits(&mut out, nano / 1_000_000, 3),
            (_, 0) => push_digits(&mut out, nano / 1_000, 6),
            _ => push_digits(&mut out, nano, 9),
        }
    }
    out.push_str(suffix);
    Some(out)
}

/// Reads an RFC 3339 timestamp, in UTC.
pub fn parse_stamp(s: &str) -> Option<DateTime<Utc>> {
    Some(DateTime::parse_from_rfc3339(s).ok()?.with_timezone(&Utc))
}

/// A timestamp in the journal's form: UTC, `…Z`. Within the supported dates this is again
/// RFC 3339, so whatever is stored this way is read back by [`parse_stamp`].
pub fn stamp_text(t: DateTime<Utc>) -> String {
    datetime_text(t.naive_utc(), 'T', "Z")
        .unwrap_or_else(|| t.format("%Y-%m-%dT%H:%M:%S%.fZ").to_string())
}

/// Reads an RFC 3339 timestamp and gives it in the journal's form: UTC, `…Z`.
pub fn normalise_stamp(s: &str) -> Option<String> {
    parse_stamp(s).map(stamp_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_read_as_chronos_strict_reading_reads_it() {
        let strict = |s: &str| {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
            (d.format("%Y-%m-%d").to_string() == s).then_some(d)
        };
        for s in [
            "2026-11-27",
            "2024-02-29",
            "2026-02-29",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "0000-01-01",
            "9999-12-31",
            "2026-1-05",
            "2026-01-5",
            "20261127",
            "2026/11/27",
            "+2026-11-27",
            "-0044-03-15",
            "+10000-01-01",
            "2026-11-27 ",
            "２０２６-11-27",
            "",
            "2026-11-2x",
            "abcd-ef-gh",
        ] {
            assert_eq!(parse_date(s), strict(s), "{s:?}");
        }
    }

    #[test]
    fn stamps_and_local_times_are_written_as_chrono_writes_them() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut times = Vec::new();
        for date in [
            day(2026, 11, 27),
            day(0, 1, 1),
            day(9999, 12, 31),
            day(-44, 3, 15),
            day(10_000, 1, 1),
            day(1970, 1, 1),
        ] {
            for (h, m, s) in [(0, 0, 0), (9, 5, 7), (23, 59, 59)] {
                for nano in [
                    0,
                    1,
                    120_000_000,
                    123_000_000,
                    123_400_000,
                    123_456_000,
                    123_456_789,
                    999_999_999,
                    1_500_000_000,
                ] {
                    if let Some(t) = date.and_hms_nano_opt(h, m, s, nano) {
                        times.push(t);
                    }
                }
            }
        }
        assert!(times.len() > 100);
        for t in times {
            assert_eq!(
                local_time_text(t),
                t.format("%Y-%m-%d %H:%M:%S%.f").to_string()
            );
            let utc = t.and_utc();
            assert_eq!(
                stamp_text(utc),
                utc.format("%Y-%m-%dT%H:%M:%S%.fZ").to_string()
            );
        }
    }

    #[test]
    fn write_order_lists_every_kind_once_and_refs_point_backwards() {
        assert_eq!(WRITE_ORDER.len(), KINDS.len());
        for (i, key) in WRITE_ORDER.iter().enumerate() {
            for field in kind(key).fields {
                if let Ty::Ref(target) = field.ty {
                    let t = WRITE_ORDER.iter().position(|k| *k == target).unwrap();
                    assert!(t <= i, "{key}.{} points forward to {target}", field.name);
                }
            }
        }
    }

    #[test]
    fn one_kind_per_record_kind_in_document_order() {
        let records: Vec<RecordKind> = KINDS.iter().filter_map(|k| k.record).collect();
        assert_eq!(records, RecordKind::ALL);
        for kind in KINDS {
            assert_eq!(kind.record.map_or(MENTOR_FIT, RecordKind::table), kind.key);
            if let Some(name) = kind.one_per {
                let field = kind.fields.iter().find(|f| f.name == name).unwrap();
                assert!(matches!(
                    (field.ty, field.presence),
                    (Ty::Ref(_), Presence::Required)
                ));
            }
        }
    }

    #[test]
    fn dates_and_times_are_strict_and_canonical() {
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("2026-2-3").is_none());
        assert!(parse_date("2026-02-03").is_some());
        let t = parse_local_time("2026-01-06T23:30").unwrap();
        assert_eq!(local_time_text(t), "2026-01-06 23:30:00");
        assert_eq!(
            normalise_stamp("2026-01-01T10:00:00+07:00").unwrap(),
            "2026-01-01T03:00:00Z"
        );
        assert!(normalise_stamp("yesterday").is_none());
    }
}
