-- The latest planned meeting of each mentor in mentor_summary (issue 17: the "plan a
-- meeting" and "slipping relationship" nudges ask whether a meeting is planned, for every
-- active mentor, without a search per mentor), kept on write like migration 007's columns:
-- a day number, over all of the mentor's planned meetings (past ones included: a planned
-- meeting that passed without a debrief is the mentor's last meeting for the cadence).

CREATE INDEX meetings_planned_by_mentor ON meetings (mentor_id, starts_at)
    WHERE status = 'planned';

ALTER TABLE mentor_summary ADD COLUMN last_planned_meeting INTEGER;

UPDATE mentor_summary SET last_planned_meeting = (
    SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400 FROM meetings t
    WHERE t.mentor_id = mentor_summary.mentor_id AND t.status = 'planned');

-- Migration 007's insert trigger replaces the whole row: it now fills the new column too.
DROP TRIGGER mentors_summary_insert;
CREATE TRIGGER mentors_summary_insert AFTER INSERT ON mentors BEGIN
    INSERT OR REPLACE INTO mentor_summary (mentor_id, status, status_since, cadence_days,
        review_on, last_contact, last_contact_from_mentor, last_held_meeting, last_thanks,
        last_health_check, last_planned_meeting)
    VALUES (NEW.id, NEW.status, unixepoch(NEW.status_since) / 86400, NEW.cadence_days,
        unixepoch(NEW.review_on) / 86400,
        (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c WHERE c.mentor_id = NEW.id),
        (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
            WHERE c.mentor_id = NEW.id AND c.initiative = 'mentor'),
        (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400 FROM meetings t
            WHERE t.mentor_id = NEW.id AND t.status = 'held'),
        (SELECT unixepoch(max(g.on_date)) / 86400 FROM gratitude g WHERE g.mentor_id = NEW.id),
        (SELECT unixepoch(max(h.on_date)) / 86400 FROM health_checks h
            WHERE h.mentor_id = NEW.id),
        (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400 FROM meetings t
            WHERE t.mentor_id = NEW.id AND t.status = 'planned'));
END;

CREATE TRIGGER meetings_planned_summary_insert AFTER INSERT ON meetings
WHEN NEW.status = 'planned' BEGIN
    UPDATE mentor_summary SET
        last_planned_meeting = (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400
            FROM meetings t WHERE t.mentor_id = mentor_summary.mentor_id
                AND t.status = 'planned')
    WHERE mentor_id = NEW.mentor_id;
END;
CREATE TRIGGER meetings_planned_summary_update AFTER UPDATE OF mentor_id, starts_at, status
ON meetings BEGIN
    UPDATE mentor_summary SET
        last_planned_meeting = (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400
            FROM meetings t WHERE t.mentor_id = mentor_summary.mentor_id
                AND t.status = 'planned')
    WHERE mentor_id IN (OLD.mentor_id, NEW.mentor_id);
END;
CREATE TRIGGER meetings_planned_summary_delete AFTER DELETE ON meetings
WHEN OLD.status = 'planned' BEGIN
    UPDATE mentor_summary SET
        last_planned_meeting = (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400
            FROM meetings t WHERE t.mentor_id = mentor_summary.mentor_id
                AND t.status = 'planned')
    WHERE mentor_id = OLD.mentor_id;
END;
