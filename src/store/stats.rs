//! Whole-journal figures for `mentee check` and the welcome screen.

use super::{Result, Store, migrate};

/// The record kinds with their tables, in the order `check` prints them.
pub const KINDS: &[(&str, &str)] = &[
    ("mentors", "mentors"),
    ("contacts", "contacts"),
    ("health checks", "health_checks"),
    ("goals", "goals"),
    ("progress updates", "goal_progress"),
    ("goal revisions", "goal_revisions"),
    ("meetings", "meetings"),
    ("agenda items", "agenda_items"),
    ("questions", "questions"),
    ("feedback", "feedback"),
    ("commitments", "commitments"),
    ("gratitude", "gratitude"),
    ("reflections", "reflections"),
    ("wins", "wins"),
    ("resources", "resources"),
    ("drafts", "drafts"),
];

/// Record counts per kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts(pub Vec<(&'static str, i64)>);

impl Counts {
    /// Total records, drafts excluded.
    pub fn total(&self) -> i64 {
        self.0
            .iter()
            .filter(|(k, _)| *k != "drafts")
            .map(|(_, n)| n)
            .sum()
    }
}

/// What `mentee check` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthReport {
    /// "ok", or SQLite's list of problems.
    pub integrity: Vec<String>,
    /// Rows that point at records that do not exist.
    pub foreign_key_problems: usize,
    pub schema_version: i64,
    pub latest_version: i64,
    pub counts: Counts,
}

impl Store {
    /// Counts the records of every kind.
    pub fn counts(&self) -> Result<Counts> {
        let mut out = Vec::with_capacity(KINDS.len());
        for (label, table) in KINDS {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            out.push((*label, n));
        }
        Ok(Counts(out))
    }

    /// True when the journal holds no record at all (the welcome screen shows then).
    pub fn is_empty(&self) -> Result<bool> {
        let any: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM mentors) OR EXISTS (SELECT 1 FROM goals)
                 OR EXISTS (SELECT 1 FROM questions) OR EXISTS (SELECT 1 FROM feedback)
                 OR EXISTS (SELECT 1 FROM commitments) OR EXISTS (SELECT 1 FROM reflections)
                 OR EXISTS (SELECT 1 FROM gratitude)",
            [],
            |r| r.get(0),
        )?;
        Ok(!any)
    }

    /// Full integrity check, foreign keys, schema version and counts.
    pub fn check(&self) -> Result<HealthReport> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut fk = self.conn.prepare("PRAGMA foreign_key_check")?;
        let foreign_key_problems = fk.query_map([], |_| Ok(()))?.count();
        Ok(HealthReport {
            integrity,
            foreign_key_problems,
            schema_version: self.schema_version()?,
            latest_version: migrate::LATEST_VERSION,
            counts: self.counts()?,
        })
    }
}
