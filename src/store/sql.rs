//! The bridge between domain values and SQLite values: vocabularies as their codes,
//! timestamps, fresh UUIDs.

use chrono::Utc;
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
    Party,
    GoalArea,
    GoalStatus,
    MeetingStatus,
    AgendaReadiness,
    AgendaKind,
    FeedbackKind,
    FeedbackStatus,
    CommitmentStatus,
    Period
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
