//! The bridge between domain values and SQLite values: vocabularies as their codes,
//! timestamps, fresh UUIDs, and calendar days as plain numbers.

use chrono::{Datelike, NaiveDate, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::kinds::*;

macro_rules! sql_code {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.code()))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                value.as_str()?.parse().map_err(|e| FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

sql_code!(
    MentorStatus,
    Relationship,
    FitCriterion,
    Party,
    GoalArea,
    GoalStatus,
    MeetingStatus,
    AgendaReadiness,
    AgendaKind,
    FeedbackKind,
    FeedbackStatus,
    CommitmentStatus,
    Period,
    ResourceKind,
    ResourceStatus
);

/// The current time as stored in `created_at` / `updated_at`.
pub fn now_stamp() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A fresh random (v4) UUID.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Keeps a given UUID (import) or makes a new one.
pub fn uuid_or_new(uuid: &str) -> String {
    if uuid.is_empty() {
        new_uuid()
    } else {
        uuid.to_string()
    }
}

/// 1970-01-01 as days from the common era (chrono's day numbering).
const EPOCH_FROM_CE: i64 = 719_163;

/// A calendar day as whole days since 1970-01-01: how summary tables and aggregates hand
/// dates over (`unixepoch(d) / 86400` in SQL), so reading one needs no parsing.
pub fn day_number(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce()) - EPOCH_FROM_CE
}

/// The calendar day of a day number (None out of chrono's range).
pub fn from_day_number(n: i64) -> Option<NaiveDate> {
    n.checked_add(EPOCH_FROM_CE)
        .and_then(|ce| i32::try_from(ce).ok())
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// A day-number column (NULL stays None; an integer outside chrono's range is an error).
pub fn day_column(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<i64>>(index)? {
        None => Ok(None),
        Some(n) => from_day_number(n).map(Some).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                index,
                rusqlite::types::Type::Integer,
                format!("day number {n} is out of range").into(),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_match_sqlite_unixepoch() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for text in [
            "1970-01-01",
            "1969-12-31",
            "2026-11-27",
            "2000-02-29",
            "1900-03-01",
        ] {
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
            let sql: i64 = conn
                .query_row("SELECT unixepoch(?1) / 86400", [text], |r| r.get(0))
                .unwrap();
            assert_eq!(day_number(day), sql, "{text}");
            assert_eq!(from_day_number(sql), Some(day));
        }
        assert_eq!(from_day_number(i64::MAX), None);
        assert_eq!(from_day_number(i64::MIN), None);
    }
}
