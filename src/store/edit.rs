//! Saving an edit without losing anyone else's: one mechanism for every record kind that has
//! an edit form (mentor, contact, health check, goal, meeting, agenda item, question,
//! feedback, commitment, gratitude, reflection).
//!
//! A form keeps the record as it was when it opened (`original`) and the record as the user
//! left it (`edited`). [`Store::update`] then, in one write transaction:
//!
//! 1. reads the row as it is now, with its `version` (raised by every UPDATE, migration 6);
//! 2. takes the fields the edit changed (`edited` ≠ `original`); a field changed here and not
//!    elsewhere is written, a field changed elsewhere and not here is kept as it is now
//!    (merged silently), a field changed on both sides to different values is a conflict;
//! 3. with no conflict, writes only the changed fields, `WHERE id = ? AND version = ?`; with
//!    a conflict, writes nothing and returns [`UpdateOutcome::Conflict`] with the fields and
//!    the record as it is now, for the user to resolve ([`Store::resolve`]: keep mine or
//!    take theirs).
//!
//! Values are compared as SQLite stores them, so "changed" means what the journal would see.
//! A reflection's answers are one field (one JSON column): two windows editing different
//! answers of one reflection meet as a conflict, never as a silent loss.

use rusqlite::ToSql;
use rusqlite::types::{ToSqlOutput, Value};

use super::sql::now_stamp;
use super::{Result, Store, StoreError};
use crate::domain::limits::WithinLimits;

/// A record kind with an edit form.
pub trait Editable: Clone + WithinLimits + Sized {
    /// Its kind (which names its table, and the record in messages).
    const KIND: crate::domain::RecordKind;
    /// Its table.
    const TABLE: &'static str = Self::KIND.table();
    /// Its row id (0 for a record not saved yet).
    fn id(&self) -> i64;
    /// Every field a form may change: (column, value as stored), always in the same order.
    fn fields(&self) -> rusqlite::Result<Vec<(&'static str, Value)>>;
    /// The record with row id `id`, as it is now.
    fn load(store: &Store, id: i64) -> Result<Self>;
}

/// What [`Store::update`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateOutcome<T> {
    /// The edit changed nothing, and nobody else changed the record either.
    Unchanged,
    /// The changed fields were written; nobody else had changed the record.
    Saved { version: i64 },
    /// The record had been changed elsewhere too, in other fields (`theirs`): both changes
    /// are kept. `version` is the record's version now.
    Merged {
        version: i64,
        theirs: Vec<&'static str>,
    },
    /// The same fields were changed here and elsewhere: nothing was written.
    Conflict(Conflict<T>),
}

/// Fields changed both in this edit and elsewhere since the form opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict<T> {
    /// The columns changed on both sides, to different values.
    pub fields: Vec<&'static str>,
    /// The record as it is now in the journal.
    pub theirs: T,
}

/// How the user resolves a [`Conflict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// My values for the conflicting fields.
    KeepMine,
    /// Their values for the conflicting fields (my other changes are still saved).
    TakeTheirs,
}

/// A domain value as SQLite stores it.
pub fn value(x: &dyn ToSql) -> rusqlite::Result<Value> {
    Ok(match x.to_sql()? {
        ToSqlOutput::Owned(v) => v,
        ToSqlOutput::Borrowed(v) => v.into(),
        #[allow(unreachable_patterns)]
        _ => Value::Null,
    })
}

/// Declares a kind [`Editable`]: its record kind, loader and fields.
macro_rules! editable {
    ($t:ty, $kind:ident, $load:expr, |$r:ident| [$($col:literal => $val:expr),+ $(,)?]) => {
        impl $crate::store::edit::Editable for $t {
            const KIND: $crate::domain::RecordKind = $crate::domain::RecordKind::$kind;
            fn id(&self) -> i64 {
                self.id
            }
            fn fields(&self) -> rusqlite::Result<Vec<(&'static str, rusqlite::types::Value)>> {
                let $r = self;
                Ok(vec![$(($col, $crate::store::edit::value(&$val)?)),+])
            }
            fn load(store: &$crate::store::Store, id: i64) -> $crate::store::Result<Self> {
                ($load)(store, id)
            }
        }
    };
}
pub(crate) use editable;

impl Store {
    /// Saves `edited` over the record `original` was read from, writing only the fields the
    /// edit changed and never a change made elsewhere since (see the module documentation).
    pub fn update<T: Editable>(&mut self, original: &T, edited: &T) -> Result<UpdateOutcome<T>> {
        edited.check_limits()?;
        let base: Vec<Value> = original.fields()?.into_iter().map(|(_, v)| v).collect();
        let mine = edited.fields()?;
        self.merge::<T>(original.id(), &base, &mine)
    }

    /// Resolves a conflict returned by [`Store::update`] for the same `original` and
    /// `edited`: with [`Resolution::KeepMine`] every field the edit changed is written (the
    /// conflicting ones too); with [`Resolution::TakeTheirs`] the conflicting fields keep
    /// their values and the edit's other changes are written. If the record changed again in
    /// the meantime, that is a new conflict.
    pub fn resolve<T: Editable>(
        &mut self,
        original: &T,
        edited: &T,
        conflict: &Conflict<T>,
        how: Resolution,
    ) -> Result<UpdateOutcome<T>> {
        edited.check_limits()?;
        let base = original.fields()?;
        let theirs: Vec<Value> = conflict
            .theirs
            .fields()?
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        let mine: Vec<(&'static str, Value)> = edited
            .fields()?
            .into_iter()
            .zip(base)
            .zip(&theirs)
            .map(|(((column, m), (_, b)), t)| {
                let conflicting = conflict.fields.contains(&column);
                let value = match (conflicting, how) {
                    (true, Resolution::TakeTheirs) => t.clone(),
                    _ if m != b => m,
                    _ => t.clone(),
                };
                (column, value)
            })
            .collect();
        self.merge::<T>(original.id(), &theirs, &mine)
    }

    /// The three-way merge of `base` (the record as the form saw it), `mine` and the row now.
    fn merge<T: Editable>(
        &mut self,
        id: i64,
        base: &[Value],
        mine: &[(&'static str, Value)],
    ) -> Result<UpdateOutcome<T>> {
        let columns: Vec<&str> = mine.iter().map(|(c, _)| *c).collect();
        let outcome = self.transaction(|s| {
            let (version, now) = s.current::<T>(id, &columns)?;
            let mut write = Vec::new();
            let mut theirs = Vec::new();
            let mut conflicts = Vec::new();
            for (((column, m), b), c) in mine.iter().zip(base).zip(&now) {
                match (m == b, c == b, c == m) {
                    (true, false, _) => theirs.push(*column),
                    (true, true, _) | (false, _, true) => {}
                    (false, true, false) => write.push((*column, m)),
                    (false, false, false) => conflicts.push(*column),
                }
            }
            if !conflicts.is_empty() {
                return Ok(Err(conflicts));
            }
            if write.is_empty() {
                return Ok(Ok(if theirs.is_empty() {
                    UpdateOutcome::Unchanged
                } else {
                    UpdateOutcome::Merged { version, theirs }
                }));
            }
            let sets: Vec<String> = write
                .iter()
                .enumerate()
                .map(|(i, (c, _))| format!("{c} = ?{}", i + 4))
                .collect();
            let sql = format!(
                "UPDATE {} SET updated_at = ?3, {} WHERE id = ?1 AND version = ?2",
                T::TABLE,
                sets.join(", ")
            );
            let stamp = Value::Text(now_stamp());
            let mut params: Vec<&dyn ToSql> = vec![&id, &version, &stamp];
            params.extend(write.iter().map(|(_, v)| *v as &dyn ToSql));
            // The write lock is held since `current` read the row, so the version still holds;
            // the check keeps the UPDATE honest should that ever change.
            if s.conn.execute(&sql, params.as_slice())? != 1 {
                return Err(StoreError::Invalid(format!(
                    "the {} changed while it was being saved",
                    T::KIND
                )));
            }
            let version = version + 1;
            Ok(Ok(if theirs.is_empty() {
                UpdateOutcome::Saved { version }
            } else {
                UpdateOutcome::Merged { version, theirs }
            }))
        })?;
        match outcome {
            Ok(done) => Ok(done),
            Err(fields) => Ok(UpdateOutcome::Conflict(Conflict {
                fields,
                theirs: T::load(self, id)?,
            })),
        }
    }

    /// The row's version and the values of `columns`, as they are now.
    fn current<T: Editable>(&self, id: i64, columns: &[&str]) -> Result<(i64, Vec<Value>)> {
        let sql = format!(
            "SELECT version, {} FROM {} WHERE id = ?1",
            columns.join(", "),
            T::TABLE
        );
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], |r| {
                let version: i64 = r.get(0)?;
                let values = (1..=columns.len())
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok((version, values))
            })
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound { kind: T::KIND, id },
                other => other.into(),
            })
    }

    /// The version of record `id` of kind `T` (raised by every change to it).
    pub fn version_of<T: Editable>(&self, id: i64) -> Result<i64> {
        Ok(self.current::<T>(id, &["id"])?.0)
    }
}
