//! Whether one record counts as private by the domain's rule ([`crate::domain::privacy`]):
//! its own flag, and for a record shown with another (a contact with its mentor, a progress
//! entry with its goal, an agenda item with its meeting) that record's flag too. Asked
//! before a private record's text would be shown: a delete question, an edit form.

use rusqlite::OptionalExtension;

use super::{Result, Store, StoreError};
use crate::domain::RecordKind;
use crate::domain::privacy::Privacy;

impl Store {
    /// The privacy of record `id` of `kind`, in one indexed look-up.
    pub fn privacy(&self, kind: RecordKind, id: i64) -> Result<Privacy> {
        if kind == RecordKind::Win {
            return self.win_privacy(id);
        }
        if kind == RecordKind::Resource {
            return self.resource_privacy(id);
        }
        let table = kind.table();
        let sql = match kind.parent() {
            Some((parent, column)) => format!(
                "SELECT x.private, coalesce(p.private, 0) FROM {table} x
                 LEFT JOIN {} p ON p.id = x.{column} WHERE x.id = ?1",
                parent.table()
            ),
            None => format!("SELECT private, 0 FROM {table} WHERE id = ?1"),
        };
        let flags: Option<(bool, bool)> = self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (own, parent) = flags.ok_or(StoreError::NotFound { kind, id })?;
        Ok(Privacy::own(own).within(Privacy::own(parent)))
    }

    /// A win's privacy: its own flag, its goal's and its mentor's (the domain's rule).
    fn win_privacy(&self, id: i64) -> Result<Privacy> {
        let flags: Option<(bool, bool, bool)> = self
            .conn
            .prepare_cached(
                "SELECT w.private, coalesce(g.private, 0), coalesce(mt.private, 0) FROM wins w
                 LEFT JOIN goals g ON g.id = w.goal_id LEFT JOIN mentors mt ON mt.id = w.mentor_id
                 WHERE w.id = ?1",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let (own, goal, mentor) = flags.ok_or(StoreError::NotFound {
            kind: RecordKind::Win,
            id,
        })?;
        Ok(Privacy::own(own).goal(goal).mentor(mentor))
    }

    /// A recommendation's privacy: its own flag, its mentor's and its goal's (the rule the
    /// Mentors view's section draws it by).
    fn resource_privacy(&self, id: i64) -> Result<Privacy> {
        let row = self.resource_row(id)?;
        Ok(Privacy::own(row.resource.private)
            .mentor(row.mentor_private)
            .goal(row.goal_private))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Goal, ProgressUpdate};
    use chrono::NaiveDate;

    #[test]
    fn a_record_is_private_by_its_flag_or_its_parents() {
        let s = Store::open_in_memory().unwrap();
        let mut g = Goal::new("Secret");
        g.private = true;
        let goal = s.save_goal(&g).unwrap();
        let open = s.save_goal(&Goal::new("Open")).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let p = s
            .save_progress(&ProgressUpdate::new(goal, day, 1.0))
            .unwrap();
        let q = s
            .save_progress(&ProgressUpdate::new(open, day, 1.0))
            .unwrap();
        assert!(s.privacy(RecordKind::Goal, goal).unwrap().is_private());
        assert!(!s.privacy(RecordKind::Goal, open).unwrap().is_private());
        assert!(s.privacy(RecordKind::GoalProgress, p).unwrap().is_private());
        assert!(!s.privacy(RecordKind::GoalProgress, q).unwrap().is_private());
        assert!(matches!(
            s.privacy(RecordKind::Goal, 999),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn a_recommendation_is_private_by_its_flag_its_mentor_or_its_goal() {
        use crate::domain::{Mentor, Resource};
        let s = Store::open_in_memory().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut hidden = Mentor::new("Hidden");
        hidden.private = true;
        let hidden = s.save_mentor(&hidden).unwrap();
        let shown = s.save_mentor(&Mentor::new("Shown")).unwrap();
        let mut g = Goal::new("Secret");
        g.private = true;
        let secret_goal = s.save_goal(&g).unwrap();
        let save = |mentor: i64, goal: Option<i64>, private: bool| {
            let mut r = Resource::new("Deep Work", day);
            r.mentor_id = Some(mentor);
            r.goal_id = goal;
            r.private = private;
            s.save_resource(&r).unwrap()
        };
        let private = |id| s.privacy(RecordKind::Resource, id).unwrap().is_private();
        assert!(!private(save(shown, None, false)));
        assert!(private(save(shown, None, true)));
        assert!(private(save(hidden, None, false)));
        assert!(private(save(shown, Some(secret_goal), false)));
        assert!(matches!(
            s.privacy(RecordKind::Resource, 999),
            Err(StoreError::NotFound { .. })
        ));
    }
}
