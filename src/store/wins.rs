//! Wins: saving, loading, listing by date range and by goal. Editing goes through
//! [`Store::update`] (field by field, with the record's version); deleting through
//! [`Store::delete_with_undo`].

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::sql::{now_stamp, uuid_or_new};
use super::{Result, Store, StoreError};
use crate::domain::limits::WithinLimits;
use crate::domain::{RecordKind, Win, WinRow};

const COLUMNS: &str = "w.id, w.uuid, w.private, w.on_date, w.what, w.evidence, w.goal_id, \
    w.mentor_id, w.meeting_id";

/// The wins with their goal's title, area and privacy and their mentor's name and privacy.
const FROM: &str = "FROM wins w LEFT JOIN goals g ON g.id = w.goal_id \
    LEFT JOIN mentors mt ON mt.id = w.mentor_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Win> {
    Ok(Win {
        id: r.get(0)?,
        uuid: r.get(1)?,
        private: r.get(2)?,
        on: r.get(3)?,
        what: r.get(4)?,
        evidence: r.get(5)?,
        goal_id: r.get(6)?,
        mentor_id: r.get(7)?,
        meeting_id: r.get(8)?,
    })
}

fn row_from(r: &Row<'_>) -> rusqlite::Result<WinRow> {
    Ok(WinRow {
        win: from_row(r)?,
        goal_title: r.get(9)?,
        goal_area: r.get(10)?,
        goal_private: r.get(11)?,
        mentor_name: r.get(12)?,
        mentor_private: r.get(13)?,
    })
}

impl Store {
    /// Inserts a win (`id` 0) or overwrites every field of one; returns its row id.
    pub fn save_win(&self, w: &Win) -> Result<i64> {
        w.check_limits()?;
        let now = now_stamp();
        if w.id == 0 {
            self.conn.execute(
                "INSERT INTO wins (uuid, created_at, updated_at, private, on_date, what, evidence,
                    goal_id, mentor_id, meeting_id)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    uuid_or_new(&w.uuid),
                    now,
                    w.private,
                    w.on,
                    w.what,
                    w.evidence,
                    w.goal_id,
                    w.mentor_id,
                    w.meeting_id
                ],
            )?;
            Ok(self.conn.last_insert_rowid())
        } else {
            self.conn.execute(
                "UPDATE wins SET updated_at = ?2, private = ?3, on_date = ?4, what = ?5,
                    evidence = ?6, goal_id = ?7, mentor_id = ?8, meeting_id = ?9
                 WHERE id = ?1",
                params![
                    w.id,
                    now,
                    w.private,
                    w.on,
                    w.what,
                    w.evidence,
                    w.goal_id,
                    w.mentor_id,
                    w.meeting_id
                ],
            )?;
            Ok(w.id)
        }
    }

    /// One win by row id.
    pub fn win(&self, id: i64) -> Result<Win> {
        let sql = format!("SELECT {COLUMNS} FROM wins w WHERE w.id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                kind: RecordKind::Win,
                id,
            })
    }

    /// The wins from `from` to `to` (both inclusive, either open), oldest first.
    pub fn wins_between(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<WinRow>> {
        self.wins_where(
            "(?1 IS NULL OR w.on_date >= ?1) AND (?2 IS NULL OR w.on_date <= ?2)",
            params![from, to],
        )
    }

    /// The wins serving goal `goal_id`, oldest first.
    pub fn wins_of_goal(&self, goal_id: i64) -> Result<Vec<WinRow>> {
        self.wins_where("w.goal_id = ?1", params![goal_id])
    }

    /// The `limit` newest wins serving goal `goal_id` (newest first) and how many it has in
    /// all: a goal's detail. Walks `wins_by_goal` backwards and stops at the limit.
    pub fn recent_wins_of_goal(&self, goal_id: i64, limit: usize) -> Result<(Vec<WinRow>, i64)> {
        let sql = format!(
            "SELECT {COLUMNS}, g.title, g.area, coalesce(g.private, 0), mt.name,
                 coalesce(mt.private, 0)
             {FROM} WHERE w.goal_id = ?1 ORDER BY w.on_date DESC, w.id DESC LIMIT ?2"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params![goal_id, limit], row_from)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let total = self
            .conn
            .prepare_cached("SELECT count(*) FROM wins WHERE goal_id = ?1")?
            .query_row([goal_id], |r| r.get(0))?;
        Ok((rows, total))
    }

    /// Every goal's (row id, title), by title: the choices of `--goal` and of a win's form.
    pub fn goal_titles(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title FROM goals ORDER BY title COLLATE NOCASE, id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many wins each goal has: (goal id, count).
    pub fn win_counts_by_goal(&self) -> Result<Vec<(i64, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT goal_id, count(*) FROM wins WHERE goal_id IS NOT NULL GROUP BY goal_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn wins_where(&self, condition: &str, params: impl rusqlite::Params) -> Result<Vec<WinRow>> {
        let sql = format!(
            "SELECT {COLUMNS}, g.title, g.area, coalesce(g.private, 0), mt.name,
                 coalesce(mt.private, 0)
             {FROM} WHERE {condition} ORDER BY w.on_date, w.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params, row_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

super::edit::editable!(Win, Win, Store::win, |w| [
    "private" => w.private,
    "on_date" => w.on,
    "what" => w.what,
    "evidence" => w.evidence,
    "goal_id" => w.goal_id,
    "mentor_id" => w.mentor_id,
    "meeting_id" => w.meeting_id,
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Goal, GoalArea, Mentor};
    use crate::store::UpdateOutcome;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn save_list_by_range_and_goal_edit_and_undo_a_delete() {
        let mut s = Store::open_in_memory().unwrap();
        let mut goal = Goal::new("Speak at a conference");
        goal.area = GoalArea::Confidence;
        let goal_id = s.save_goal(&goal).unwrap();
        let mentor_id = s.save_mentor(&Mentor::new("Daniel")).unwrap();
        let mut first = Win::new("Gave the team demo", day(3));
        first.goal_id = Some(goal_id);
        first.mentor_id = Some(mentor_id);
        first.evidence = "https://example.com/demo".into();
        let first_id = s.save_win(&first).unwrap();
        let second_id = s.save_win(&Win::new("Closed the review", day(20))).unwrap();

        let all = s.wins_between(None, None).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].goal_title.as_deref(), Some("Speak at a conference"));
        assert_eq!(all[0].goal_area, Some(GoalArea::Confidence));
        assert_eq!(all[0].mentor_name.as_deref(), Some("Daniel"));
        let ids = |rows: Vec<WinRow>| rows.iter().map(|r| r.win.id).collect::<Vec<_>>();
        assert_eq!(
            ids(s.wins_between(Some(day(10)), None).unwrap()),
            [second_id]
        );
        assert_eq!(ids(s.wins_between(None, Some(day(3))).unwrap()), [first_id]);
        assert_eq!(ids(s.wins_of_goal(goal_id).unwrap()), [first_id]);
        assert_eq!(s.win_counts_by_goal().unwrap(), [(goal_id, 1)]);

        // A field-level edit with the version: another window's change to another field stays.
        let original = s.win(first_id).unwrap();
        let mut elsewhere = original.clone();
        elsewhere.evidence = "slides".into();
        assert!(matches!(
            s.update(&original, &elsewhere).unwrap(),
            UpdateOutcome::Saved { .. }
        ));
        let mut mine = original.clone();
        mine.what = "Gave the company demo".into();
        assert!(matches!(
            s.update(&original, &mine).unwrap(),
            UpdateOutcome::Merged { .. }
        ));
        let now = s.win(first_id).unwrap();
        assert_eq!(
            (now.what.as_str(), now.evidence.as_str()),
            ("Gave the company demo", "slides")
        );

        // Search finds it under kind 14.
        let hits = s.search("company", 10).unwrap();
        assert!(
            hits.iter()
                .any(|h| h.kind == RecordKind::Win && h.id == first_id)
        );

        let deleted = s.delete_with_undo(RecordKind::Win, first_id).unwrap();
        assert!(s.win(first_id).is_err());
        s.undo_delete(&deleted).unwrap();
        assert_eq!(s.win(first_id).unwrap(), now);

        // Deleting the goal keeps the win, unlinked; undo links it again.
        let deleted = s.delete_with_undo(RecordKind::Goal, goal_id).unwrap();
        assert_eq!(s.win(first_id).unwrap().goal_id, None);
        s.undo_delete(&deleted).unwrap();
        assert_eq!(s.win(first_id).unwrap().goal_id, Some(goal_id));
    }

    #[test]
    fn a_goals_recent_wins_are_newest_first_bounded_and_counted() {
        let s = Store::open_in_memory().unwrap();
        let goal_id = s.save_goal(&Goal::new("Lead")).unwrap();
        let other = s.save_goal(&Goal::new("Other")).unwrap();
        for (d, what) in [(3, "third"), (1, "first"), (9, "ninth"), (5, "fifth")] {
            let mut w = Win::new(what, day(d));
            w.goal_id = Some(goal_id);
            s.save_win(&w).unwrap();
        }
        let mut elsewhere = Win::new("elsewhere", day(20));
        elsewhere.goal_id = Some(other);
        s.save_win(&elsewhere).unwrap();
        let (rows, total) = s.recent_wins_of_goal(goal_id, 3).unwrap();
        let whats: Vec<&str> = rows.iter().map(|r| r.win.what.as_str()).collect();
        assert_eq!(whats, ["ninth", "fifth", "third"]);
        assert_eq!(total, 4);
        assert_eq!(s.recent_wins_of_goal(999, 3).unwrap(), (Vec::new(), 0));
    }

    #[test]
    fn a_blank_win_is_refused() {
        let s = Store::open_in_memory().unwrap();
        assert!(s.save_win(&Win::new("  ", day(1))).is_err());
    }
}
