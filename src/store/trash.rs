//! Deleting with undo: before a record is deleted, its row, the rows that cascade with it,
//! and the links that will be set to NULL are kept in memory, so `u` can put everything back
//! exactly as it was (same ids, same UUIDs) until the app closes.

use rusqlite::types::Value;

use super::{Result, Store};
use crate::domain::RecordKind;

/// One row as it was: its table and every column's value.
#[derive(Debug, Clone, PartialEq)]
struct SavedRow {
    table: String,
    columns: Vec<(String, Value)>,
}

/// A link set to NULL by the deletion, to be set back on undo.
#[derive(Debug, Clone, PartialEq)]
struct SavedLink {
    table: String,
    column: String,
    row_id: i64,
    target: i64,
}

/// What a deletion removed, enough to undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    /// What was deleted (its name in messages comes from the catalog).
    pub kind: RecordKind,
    rows: Vec<SavedRow>,
    links: Vec<SavedLink>,
}

/// The tables that may hold dependent rows, in the order they are looked at (parents before
/// the rows that point at them).
const DEPENDENTS: [&str; 16] = [
    RecordKind::Mentor.table(),
    // A mentor's fit scorecard, kept beside the mentor (no record kind of its own).
    "mentor_fit",
    RecordKind::Contact.table(),
    RecordKind::HealthCheck.table(),
    RecordKind::Goal.table(),
    RecordKind::GoalProgress.table(),
    RecordKind::GoalRevision.table(),
    RecordKind::Reflection.table(),
    RecordKind::Meeting.table(),
    RecordKind::Feedback.table(),
    RecordKind::Commitment.table(),
    RecordKind::AgendaItem.table(),
    RecordKind::Question.table(),
    RecordKind::Resource.table(),
    RecordKind::Gratitude.table(),
    RecordKind::Win.table(),
];

impl Store {
    /// Deletes record `id` of `kind` in one transaction and returns what is needed to undo it.
    pub fn delete_with_undo(&mut self, kind: RecordKind, id: i64) -> Result<Deleted> {
        let table = kind.table();
        self.transaction(|s| {
            let mut deleted = Deleted {
                kind,
                rows: Vec::new(),
                links: Vec::new(),
            };
            s.collect(table, id, &mut deleted)?;
            s.conn
                .execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            Ok(deleted)
        })
    }

    /// Puts back everything a deletion removed.
    pub fn undo_delete(&mut self, deleted: &Deleted) -> Result<()> {
        self.transaction(|s| {
            // Parents were collected before their children, so insert in that order.
            for row in &deleted.rows {
                let names: Vec<&str> = row.columns.iter().map(|(c, _)| c.as_str()).collect();
                let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
                let sql = format!(
                    "INSERT INTO {} ({}) VALUES ({})",
                    row.table,
                    names.join(", "),
                    marks.join(", ")
                );
                let values: Vec<&Value> = row.columns.iter().map(|(_, v)| v).collect();
                s.conn.execute(&sql, rusqlite::params_from_iter(values))?;
            }
            for link in &deleted.links {
                s.conn.execute(
                    &format!(
                        "UPDATE {} SET {} = ?1 WHERE id = ?2",
                        link.table, link.column
                    ),
                    [link.target, link.row_id],
                )?;
            }
            Ok(())
        })
    }

    /// Saves row `id` of `table`, then what cascades from it and the links that will be nulled.
    fn collect(&self, table: &str, id: i64, out: &mut Deleted) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
        let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let row = stmt
            .query_row([id], |r| {
                (0..names.len())
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(super::StoreError::from)?;
        out.rows.push(SavedRow {
            table: table.to_string(),
            columns: names.into_iter().zip(row).collect(),
        });
        for child in DEPENDENTS {
            let mut fks = self
                .conn
                .prepare(&format!("PRAGMA foreign_key_list({child})"))?;
            let refs: Vec<(String, String)> = fks
                .query_map([], |r| Ok((r.get::<_, String>(2)?, r.get::<_, String>(3)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut actions = self
                .conn
                .prepare(&format!("PRAGMA foreign_key_list({child})"))?;
            let on_delete: Vec<String> = actions
                .query_map([], |r| r.get::<_, String>(6))?
                .collect::<rusqlite::Result<_>>()?;
            for ((parent, column), action) in refs.into_iter().zip(on_delete) {
                if parent != table {
                    continue;
                }
                let mut q = self
                    .conn
                    .prepare(&format!("SELECT id FROM {child} WHERE {column} = ?1"))?;
                let ids: Vec<i64> = q
                    .query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for child_id in ids {
                    if action == "CASCADE" {
                        self.collect(child, child_id, out)?;
                    } else {
                        out.links.push(SavedLink {
                            table: child.to_string(),
                            column: column.clone(),
                            row_id: child_id,
                            target: id,
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::domain::*;
    use crate::store::Store;

    #[test]
    fn undo_puts_back_the_record_its_cascade_and_its_links() {
        let mut store = Store::open_in_memory().unwrap();
        let mentor = store.save_mentor(&Mentor::new("Daniel")).unwrap();
        let mut goal = Goal::new("Talk");
        goal.mentor_id = Some(mentor);
        let goal = store.save_goal(&goal).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        store
            .save_contact(&Contact {
                id: 0,
                uuid: String::new(),
                mentor_id: mentor,
                on: day,
                channel: "chat".into(),
                initiative: Party::Me,
                note: "hello".into(),
                private: false,
            })
            .unwrap();
        store
            .save_mentor_fit(&crate::domain::fit::MentorFit {
                mentor_id: mentor,
                ratings: vec![crate::domain::fit::FitRating {
                    criterion: "goals".into(),
                    rating: 4,
                    note: "close match".into(),
                }],
                ..Default::default()
            })
            .unwrap();
        let before = crate::transfer::export_json(&store, true).unwrap();
        let deleted = store.delete_with_undo(RecordKind::Mentor, mentor).unwrap();
        assert_eq!(
            store.mentor_fit(mentor).unwrap(),
            None,
            "the scorecard goes too"
        );
        assert_eq!(deleted.kind, RecordKind::Mentor);
        assert!(store.mentors().unwrap().is_empty());
        assert_eq!(store.goal(goal).unwrap().mentor_id, None);
        store.undo_delete(&deleted).unwrap();
        assert_eq!(
            crate::transfer::export_json(&store, true).unwrap(),
            before,
            "exactly as it was"
        );
        assert_eq!(store.goal(goal).unwrap().mentor_id, Some(mentor));
        let hits: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE search MATCH 'hello'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1, "the search index follows");
        assert!(store.delete_with_undo(RecordKind::Goal, 999).is_err());
    }

    #[test]
    fn every_table_is_looked_at_for_dependent_rows() {
        let store = Store::open_in_memory().unwrap();
        let mut stmt = store
            .conn()
            // Every table of records (they have a uuid) that points at another; a table kept
            // by triggers (`mentor_summary`) is rebuilt by them when the rows come back.
            .prepare(
                "SELECT name FROM sqlite_master
                 WHERE type = 'table' AND sql LIKE '%REFERENCES%' AND sql LIKE '%uuid%'",
            )
            .unwrap();
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(tables.iter().any(|t| t == "mentor_fit"), "{tables:?}");
        for table in tables {
            assert!(super::DEPENDENTS.contains(&table.as_str()), "{table}");
        }
        for kind in RecordKind::ALL {
            assert!(super::DEPENDENTS.contains(&kind.table()), "{kind}");
        }
    }
}
