//! What the cadence and slipping-relationship rules read ([`crate::domain::cadence`],
//! [`crate::domain::slipping`]): a mentor's latest meeting (the proposed date of the next
//! one) and latest two health checks. Each read is one or two index searches for one mentor;
//! the nudges read checks only for the mentors a low check could still nudge about.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Result, Store};
use crate::domain::cadence::planned_ahead;
use crate::domain::nudges::{MentorFacts, NudgeKind};
use crate::domain::slipping::{HealthTrend, pending};

impl Store {
    /// The start of mentor `mentor_id`'s latest meeting held or planned (not cancelled), by
    /// one search in each of the two partial indexes.
    pub fn latest_meeting_of(&self, mentor_id: i64) -> Result<Option<NaiveDateTime>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT max(s) FROM (
                SELECT max(starts_at) AS s FROM meetings INDEXED BY meetings_held_by_mentor
                    WHERE mentor_id = ?1 AND status = 'held'
                UNION ALL
                SELECT max(starts_at) FROM meetings INDEXED BY meetings_planned_by_mentor
                    WHERE mentor_id = ?1 AND status = 'planned')",
        )?;
        Ok(stmt.query_row([mentor_id], |r| r.get(0))?)
    }

    /// Mentor `mentor_id`'s latest health check and the one before it.
    pub fn health_trend(&self, mentor_id: i64) -> Result<Option<HealthTrend>> {
        let mut checks = self.health_checks_of(mentor_id, 2)?;
        let latest = checks.pop();
        Ok(latest.map(|latest| HealthTrend {
            latest,
            previous: checks.pop(),
        }))
    }

    /// The health trends the slipping-relationship nudge needs: of the active mentors in
    /// `mentors` whose latest check is not followed by a held meeting and who have no
    /// meeting planned from `today` on (one search each, for those only).
    pub fn pending_health_trends(
        &self,
        mentors: &[MentorFacts],
        today: NaiveDate,
    ) -> Result<Vec<HealthTrend>> {
        let mut out = Vec::new();
        for m in mentors {
            let Some(check) = m.last_health_check else {
                continue;
            };
            if NudgeKind::SlippingRelationship.applies_to(m.status)
                && pending(check, m.last_held_meeting)
                && !planned_ahead(m.last_planned_meeting, today)
                && let Some(trend) = self.health_trend(m.id)?
            {
                out.push(trend);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use rusqlite::Connection;

    use super::*;
    use crate::domain::{HealthCheck, Meeting, MeetingStatus, Mentor, MentorStatus};
    use crate::store::migrate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn meeting(s: &Store, mentor_id: i64, on: NaiveDate, status: MeetingStatus) -> i64 {
        let mut m = Meeting::new(mentor_id, on.and_hms_opt(10, 0, 0).unwrap(), 45);
        m.status = status;
        s.save_meeting(&m).unwrap()
    }

    fn mentor(s: &Store, name: &str) -> i64 {
        let mut m = Mentor::new(name);
        m.status = MentorStatus::Active;
        s.save_mentor(&m).unwrap()
    }

    /// `last_planned_meeting` as stored, and as recomputed from the meetings, per mentor.
    fn planned_columns(conn: &Connection) -> (Vec<Option<i64>>, Vec<Option<i64>>) {
        let read = |sql: &str| {
            let mut st = conn.prepare(sql).unwrap();
            st.query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap()
        };
        (
            read("SELECT last_planned_meeting FROM mentor_summary ORDER BY mentor_id"),
            read(
                "SELECT (SELECT unixepoch(substr(max(starts_at), 1, 10)) / 86400 FROM meetings
                    WHERE mentor_id = m.id AND status = 'planned')
                 FROM mentors m ORDER BY m.id",
            ),
        )
    }

    fn day(date: NaiveDate) -> Option<i64> {
        Some(crate::store::sql::day_number(date))
    }

    #[test]
    fn the_latest_planned_meeting_is_kept_on_every_write() {
        let mut s = Store::open_in_memory().unwrap();
        let ana = mentor(&s, "Ana");
        let budi = mentor(&s, "Budi");
        let check = |s: &Store| {
            let (stored, recomputed) = planned_columns(&s.conn);
            assert_eq!(stored, recomputed);
            stored
        };
        assert_eq!(check(&s), [None, None]);
        let a = meeting(&s, ana, d(12, 1), MeetingStatus::Planned);
        meeting(&s, ana, d(11, 20), MeetingStatus::Planned);
        meeting(&s, ana, d(12, 20), MeetingStatus::Held);
        assert_eq!(check(&s), [day(d(12, 1)), None]);
        // Moved to another day, to another mentor, cancelled, held, deleted, undone.
        let mut m = s.meeting(a).unwrap();
        m.starts_at += Duration::days(3);
        s.save_meeting(&m).unwrap();
        assert_eq!(check(&s), [day(d(12, 4)), None]);
        m.mentor_id = budi;
        s.save_meeting(&m).unwrap();
        assert_eq!(check(&s), [day(d(11, 20)), day(d(12, 4))]);
        m.status = MeetingStatus::Cancelled;
        s.save_meeting(&m).unwrap();
        assert_eq!(check(&s), [day(d(11, 20)), None]);
        m.status = MeetingStatus::Planned;
        s.save_meeting(&m).unwrap();
        let gone = s
            .delete_with_undo(crate::domain::RecordKind::Meeting, m.id)
            .unwrap();
        assert_eq!(check(&s), [day(d(11, 20)), None]);
        s.undo_delete(&gone).unwrap();
        assert_eq!(check(&s), [day(d(11, 20)), day(d(12, 4))]);
        // A mentor deleted and restored with its meetings keeps its value.
        let gone = s
            .delete_with_undo(crate::domain::RecordKind::Mentor, budi)
            .unwrap();
        s.undo_delete(&gone).unwrap();
        assert_eq!(check(&s), [day(d(11, 20)), day(d(12, 4))]);
    }

    #[test]
    fn an_older_journal_gets_the_column_filled_on_upgrade() {
        let mut conn = Connection::open_in_memory().unwrap();
        let version = migrate::MIGRATIONS
            .iter()
            .position(|m| *m == include_str!("migrations/009_planned_meetings.sql"))
            .unwrap() as i64;
        migrate::migrate_to(&mut conn, None, version).unwrap();
        conn.execute_batch(
            "INSERT INTO mentors (id, uuid, created_at, updated_at, name, status)
                 VALUES (1, 'm1', '2026-01-01', '2026-01-01', 'Ana', 'active');
             INSERT INTO meetings (uuid, created_at, updated_at, mentor_id, starts_at, minutes,
                 status) VALUES
                 ('a', '2026-01-01', '2026-01-01', 1, '2026-12-01T10:00:00', 45, 'planned'),
                 ('b', '2026-01-01', '2026-01-01', 1, '2026-12-09T10:00:00', 45, 'cancelled');",
        )
        .unwrap();
        migrate::migrate(&mut conn, None).unwrap();
        let (stored, recomputed) = planned_columns(&conn);
        assert_eq!(stored, [day(d(12, 1))]);
        assert_eq!(stored, recomputed);
        // Migrating again changes nothing.
        assert_eq!(migrate::migrate(&mut conn, None).unwrap(), None);
    }

    #[test]
    fn latest_meeting_and_health_reads() {
        let s = Store::open_in_memory().unwrap();
        let ana = mentor(&s, "Ana");
        assert_eq!(s.latest_meeting_of(ana).unwrap(), None);
        meeting(&s, ana, d(11, 3), MeetingStatus::Held);
        meeting(&s, ana, d(12, 24), MeetingStatus::Cancelled);
        assert_eq!(
            s.latest_meeting_of(ana).unwrap().map(|t| t.date()),
            Some(d(11, 3))
        );
        meeting(&s, ana, d(11, 17), MeetingStatus::Planned);
        assert_eq!(
            s.latest_meeting_of(ana).unwrap().map(|t| t.date()),
            Some(d(11, 17))
        );
        assert_eq!(s.health_trend(ana).unwrap(), None);
        let mut h = HealthCheck::new(ana, d(8, 1));
        h.ratings = vec![("trust".into(), 4)];
        s.save_health_check(&h).unwrap();
        h.on = d(11, 1);
        h.ratings = vec![("trust".into(), 2)];
        s.save_health_check(&h).unwrap();
        let trend = s.health_trend(ana).unwrap().unwrap();
        assert_eq!(trend.latest.on, d(11, 1));
        assert_eq!(trend.previous.map(|p| p.on), Some(d(8, 1)));
    }
}
