//! Resources and introductions: what mentors recommended, saved, edited, listed and
//! looked up for the agenda and the thanks nudge.

use rusqlite::{Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::{Result, Store, StoreError};
use crate::domain::limits::WithinLimits;
use crate::domain::{RecordKind, Resource, ResourceRef, ResourceStatus};

const COLUMNS: &str = "r.id, r.uuid, r.private, r.kind, r.title, r.link, r.status, r.takeaway, \
    r.recommended_on, r.done_on, r.mentor_id, r.goal_id, r.meeting_id";

/// The joins every list reads the names and the privacy of the mentor and the goal through.
const FROM: &str = "FROM resources r LEFT JOIN mentors mt ON mt.id = r.mentor_id \
    LEFT JOIN goals g ON g.id = r.goal_id";

/// The extra columns after [`COLUMNS`]: names, their privacy, and whether a thanks is linked.
const EXTRA: &str = "mt.name, coalesce(mt.private, 0), g.title, coalesce(g.private, 0), \
    EXISTS (SELECT 1 FROM gratitude t WHERE t.resource_id = r.id)";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Resource> {
    Ok(Resource {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        kind: r.get(3)?,
        title: r.get(4)?,
        link: r.get(5)?,
        status: r.get(6)?,
        takeaway: r.get(7)?,
        recommended_on: r.get(8)?,
        done_on: r.get(9)?,
        mentor_id: r.get(10)?,
        goal_id: r.get(11)?,
        meeting_id: r.get(12)?,
    })
}

/// A resource with the names of its mentor and goal.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceRow {
    pub resource: Resource,
    pub mentor_name: Option<String>,
    /// The mentor is private: their name is hidden while private text is.
    pub mentor_private: bool,
    pub goal_title: Option<String>,
    /// The goal is private (so, by the privacy rule, is the resource).
    pub goal_private: bool,
    /// Some thanks is linked to it (`gratitude.resource_id`).
    pub thanked: bool,
}

impl ResourceRow {
    /// What the agenda and the nudges need of it.
    pub fn as_ref(&self) -> ResourceRef {
        let r = &self.resource;
        ResourceRef {
            id: r.id,
            kind: r.kind,
            title: r.title.clone(),
            status: r.status,
            mentor_id: r.mentor_id,
            goal_id: r.goal_id,
            done_on: r.done_on,
            thanked: self.thanked,
            private: r.private || self.mentor_private || self.goal_private,
        }
    }
}

fn row_from(r: &Row<'_>) -> rusqlite::Result<ResourceRow> {
    Ok(ResourceRow {
        resource: from_row(r)?,
        mentor_name: r.get(13)?,
        mentor_private: r.get(14)?,
        goal_title: r.get(15)?,
        goal_private: r.get(16)?,
        thanked: r.get(17)?,
    })
}

/// Which resources a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResourceFilter {
    pub status: Option<ResourceStatus>,
    pub mentor_id: Option<i64>,
    pub goal_id: Option<i64>,
}

/// The most resources one list reads.
pub const MAX_RESOURCES: usize = 500;

impl Store {
    /// Inserts or updates a resource.
    pub fn save_resource(&self, x: &Resource) -> Result<i64> {
        x.check_limits()?;
        let now = now_stamp();
        if x.id == 0 {
            self.conn.execute(
                "INSERT INTO resources (uuid, created_at, updated_at, private, kind, title, link,
                    status, takeaway, recommended_on, done_on, mentor_id, goal_id, meeting_id)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    uuid_or_new(&x.uuid),
                    now,
                    x.private,
                    x.kind,
                    x.title,
                    x.link,
                    x.status,
                    x.takeaway,
                    x.recommended_on,
                    x.done_on,
                    x.mentor_id,
                    x.goal_id,
                    x.meeting_id
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE resources SET updated_at = ?2, private = ?3, kind = ?4, title = ?5,
                    link = ?6, status = ?7, takeaway = ?8, recommended_on = ?9, done_on = ?10,
                    mentor_id = ?11, goal_id = ?12, meeting_id = ?13
                 WHERE id = ?1",
                params![
                    x.id,
                    now,
                    x.private,
                    x.kind,
                    x.title,
                    x.link,
                    x.status,
                    x.takeaway,
                    x.recommended_on,
                    x.done_on,
                    x.mentor_id,
                    x.goal_id,
                    x.meeting_id
                ],
            )?;
            Ok(x.id)
        }
    }

    /// One resource by row id.
    pub fn resource(&self, id: i64) -> Result<Resource> {
        self.resource_row(id).map(|r| r.resource)
    }

    /// One resource by row id, with its mentor's and goal's names.
    pub fn resource_row(&self, id: i64) -> Result<ResourceRow> {
        let sql = format!("SELECT {COLUMNS}, {EXTRA} {FROM} WHERE r.id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], row_from)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound {
                    kind: RecordKind::Resource,
                    id,
                },
                other => other.into(),
            })
    }

    /// Resources matching `filter`: open ones first (doing, then to do), then done and
    /// dropped; newest recommendation first within a status. At most [`MAX_RESOURCES`].
    ///
    /// Only the filters given are in the statement (`?n IS NULL OR …` would hide the indexes
    /// from SQLite and read every resource: the Mentors view asks for one mentor's on every
    /// cursor move).
    pub fn resource_list(&self, filter: ResourceFilter) -> Result<Vec<ResourceRow>> {
        let wanted = [
            (filter.status.is_some(), "r.status = ?1"),
            (filter.mentor_id.is_some(), "r.mentor_id = ?2"),
            (filter.goal_id.is_some(), "r.goal_id = ?3"),
        ];
        let conditions: Vec<&str> = wanted
            .iter()
            .filter(|(given, _)| *given)
            .map(|(_, c)| *c)
            // Every parameter stays in the statement, so the same four are always bound.
            .chain(["?1 IS ?1 AND ?2 IS ?2 AND ?3 IS ?3"])
            .collect();
        let sql = format!(
            "SELECT {COLUMNS}, {EXTRA} {FROM}
             WHERE {}
             ORDER BY CASE r.status WHEN 'doing' THEN 0 WHEN 'todo' THEN 1 WHEN 'done' THEN 2
                 ELSE 3 END, r.recommended_on DESC, r.id DESC
             LIMIT ?4",
            conditions.join(" AND ")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                filter.status,
                filter.mentor_id,
                filter.goal_id,
                MAX_RESOURCES as i64
            ],
            row_from,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Introductions marked done that no thanks is linked to, oldest first (for the nudge).
    pub fn introductions_to_thank(&self, limit: usize) -> Result<Vec<ResourceRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, {EXTRA} {FROM}
             WHERE r.kind = 'person' AND r.status = 'done' AND r.mentor_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM gratitude t WHERE t.resource_id = r.id)
             ORDER BY r.done_on, r.id LIMIT ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit as i64], row_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Links thanks `gratitude_id` to the introduction (or recommendation) it is for.
    pub fn link_thanks_to_resource(
        &self,
        gratitude_id: i64,
        resource_id: Option<i64>,
    ) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE gratitude SET resource_id = ?2 WHERE id = ?1",
            params![gratitude_id, resource_id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                kind: RecordKind::Gratitude,
                id: gratitude_id,
            });
        }
        Ok(())
    }

    /// The resource thanks `gratitude_id` is for, if any.
    pub fn resource_of_thanks(&self, gratitude_id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT resource_id FROM gratitude WHERE id = ?1")?
            .query_row([gratitude_id], |r| r.get(0))?)
    }
}

super::edit::editable!(Resource, Resource, Store::resource, |x| [
    "private" => x.private,
    "kind" => x.kind,
    "title" => x.title,
    "link" => x.link,
    "status" => x.status,
    "takeaway" => x.takeaway,
    "recommended_on" => x.recommended_on,
    "done_on" => x.done_on,
    "mentor_id" => x.mentor_id,
    "goal_id" => x.goal_id,
    "meeting_id" => x.meeting_id,
]);

#[cfg(test)]
#[path = "resources_tests.rs"]
mod tests;
