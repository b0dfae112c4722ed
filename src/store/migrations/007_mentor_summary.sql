-- Bounded inputs for the Today view and `mentee status` (issue 19: the first frame grew with
-- the journal, 3,300 mentors made it 4x slower):
--
-- 1. mentor_summary: per mentor, what the nudges look at (the mentor's status, cadence and
--    dates, and the latest contact, held meeting, thanks and health check), kept up to date
--    on write by the triggers below, so the nudges read one narrow row per mentor instead of
--    the wide mentor row plus five index searches.
--    Dates are whole days since 1970-01-01: integers need no parsing to read and compare as
--    numbers. Each latest date is over all of the mentor's rows, future ones included; a
--    reader that wants "up to today" falls back to the index for the rare mentor whose value
--    is later than today. Every trigger recomputes the columns it touches from an index (one
--    search each), for the old and the new mentor, so inserts, edits that move a record to
--    another mentor or date, deletes and undos all leave the same answer.
-- 2. Experiments found by two bounded walks instead of a scan of every experiment.
-- 3. A covering index for the keep rate's range of due dates.

-- The latest held meeting of a mentor in one index search (the status is not in
-- meetings_by_mentor, so max() had to visit every meeting row of the mentor).
CREATE INDEX meetings_held_by_mentor ON meetings (mentor_id, starts_at) WHERE status = 'held';

CREATE TABLE mentor_summary (
    mentor_id                INTEGER PRIMARY KEY REFERENCES mentors (id) ON DELETE CASCADE,
    status                   TEXT NOT NULL,
    status_since             INTEGER,
    cadence_days             INTEGER,
    review_on                INTEGER,
    last_contact             INTEGER,
    last_contact_from_mentor INTEGER,
    last_held_meeting        INTEGER,
    last_thanks              INTEGER,
    last_health_check        INTEGER
);

INSERT INTO mentor_summary (mentor_id, status, status_since, cadence_days, review_on,
    last_contact, last_contact_from_mentor, last_held_meeting, last_thanks, last_health_check)
SELECT m.id, m.status, unixepoch(m.status_since) / 86400, m.cadence_days,
    unixepoch(m.review_on) / 86400,
    (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c WHERE c.mentor_id = m.id),
    (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
        WHERE c.mentor_id = m.id AND c.initiative = 'mentor'),
    (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400 FROM meetings t
        WHERE t.mentor_id = m.id AND t.status = 'held'),
    (SELECT unixepoch(max(g.on_date)) / 86400 FROM gratitude g WHERE g.mentor_id = m.id),
    (SELECT unixepoch(max(h.on_date)) / 86400 FROM health_checks h WHERE h.mentor_id = m.id)
FROM mentors m;

-- A new mentor (or one restored by undo, or imported) gets its row, with whatever its
-- records already say.
CREATE TRIGGER mentors_summary_insert AFTER INSERT ON mentors BEGIN
    INSERT OR REPLACE INTO mentor_summary (mentor_id, status, status_since, cadence_days,
        review_on, last_contact, last_contact_from_mentor, last_held_meeting, last_thanks,
        last_health_check)
    VALUES (NEW.id, NEW.status, unixepoch(NEW.status_since) / 86400, NEW.cadence_days,
        unixepoch(NEW.review_on) / 86400,
        (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c WHERE c.mentor_id = NEW.id),
        (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
            WHERE c.mentor_id = NEW.id AND c.initiative = 'mentor'),
        (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400 FROM meetings t
            WHERE t.mentor_id = NEW.id AND t.status = 'held'),
        (SELECT unixepoch(max(g.on_date)) / 86400 FROM gratitude g WHERE g.mentor_id = NEW.id),
        (SELECT unixepoch(max(h.on_date)) / 86400 FROM health_checks h
            WHERE h.mentor_id = NEW.id));
END;
CREATE TRIGGER mentors_summary_update AFTER UPDATE OF status, status_since, cadence_days,
    review_on ON mentors BEGIN
    UPDATE mentor_summary SET status = NEW.status,
        status_since = unixepoch(NEW.status_since) / 86400, cadence_days = NEW.cadence_days,
        review_on = unixepoch(NEW.review_on) / 86400
    WHERE mentor_id = NEW.id;
END;
-- Also when foreign keys are off (the cascade then does not run).
CREATE TRIGGER mentors_summary_delete AFTER DELETE ON mentors BEGIN
    DELETE FROM mentor_summary WHERE mentor_id = OLD.id;
END;

CREATE TRIGGER contacts_summary_insert AFTER INSERT ON contacts BEGIN
    UPDATE mentor_summary SET
        last_contact = (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
            WHERE c.mentor_id = mentor_summary.mentor_id),
        last_contact_from_mentor = (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
            WHERE c.mentor_id = mentor_summary.mentor_id AND c.initiative = 'mentor')
    WHERE mentor_id = NEW.mentor_id;
END;
CREATE TRIGGER contacts_summary_update AFTER UPDATE OF mentor_id, on_date, initiative
ON contacts BEGIN
    UPDATE mentor_summary SET
        last_contact = (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
            WHERE c.mentor_id = mentor_summary.mentor_id),
        last_contact_from_mentor = (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
            WHERE c.mentor_id = mentor_summary.mentor_id AND c.initiative = 'mentor')
    WHERE mentor_id IN (OLD.mentor_id, NEW.mentor_id);
END;
CREATE TRIGGER contacts_summary_delete AFTER DELETE ON contacts BEGIN
    UPDATE mentor_summary SET
        last_contact = (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
            WHERE c.mentor_id = mentor_summary.mentor_id),
        last_contact_from_mentor = (SELECT unixepoch(max(c.on_date)) / 86400 FROM contacts c
            WHERE c.mentor_id = mentor_summary.mentor_id AND c.initiative = 'mentor')
    WHERE mentor_id = OLD.mentor_id;
END;

CREATE TRIGGER meetings_summary_insert AFTER INSERT ON meetings WHEN NEW.status = 'held' BEGIN
    UPDATE mentor_summary SET
        last_held_meeting = (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400
            FROM meetings t WHERE t.mentor_id = mentor_summary.mentor_id AND t.status = 'held')
    WHERE mentor_id = NEW.mentor_id;
END;
CREATE TRIGGER meetings_summary_update AFTER UPDATE OF mentor_id, starts_at, status
ON meetings BEGIN
    UPDATE mentor_summary SET
        last_held_meeting = (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400
            FROM meetings t WHERE t.mentor_id = mentor_summary.mentor_id AND t.status = 'held')
    WHERE mentor_id IN (OLD.mentor_id, NEW.mentor_id);
END;
CREATE TRIGGER meetings_summary_delete AFTER DELETE ON meetings WHEN OLD.status = 'held' BEGIN
    UPDATE mentor_summary SET
        last_held_meeting = (SELECT unixepoch(substr(max(t.starts_at), 1, 10)) / 86400
            FROM meetings t WHERE t.mentor_id = mentor_summary.mentor_id AND t.status = 'held')
    WHERE mentor_id = OLD.mentor_id;
END;

CREATE TRIGGER gratitude_summary_insert AFTER INSERT ON gratitude BEGIN
    UPDATE mentor_summary SET
        last_thanks = (SELECT unixepoch(max(g.on_date)) / 86400 FROM gratitude g
            WHERE g.mentor_id = mentor_summary.mentor_id)
    WHERE mentor_id = NEW.mentor_id;
END;
CREATE TRIGGER gratitude_summary_update AFTER UPDATE OF mentor_id, on_date ON gratitude BEGIN
    UPDATE mentor_summary SET
        last_thanks = (SELECT unixepoch(max(g.on_date)) / 86400 FROM gratitude g
            WHERE g.mentor_id = mentor_summary.mentor_id)
    WHERE mentor_id IN (OLD.mentor_id, NEW.mentor_id);
END;
CREATE TRIGGER gratitude_summary_delete AFTER DELETE ON gratitude BEGIN
    UPDATE mentor_summary SET
        last_thanks = (SELECT unixepoch(max(g.on_date)) / 86400 FROM gratitude g
            WHERE g.mentor_id = mentor_summary.mentor_id)
    WHERE mentor_id = OLD.mentor_id;
END;

CREATE TRIGGER health_checks_summary_insert AFTER INSERT ON health_checks BEGIN
    UPDATE mentor_summary SET
        last_health_check = (SELECT unixepoch(max(h.on_date)) / 86400 FROM health_checks h
            WHERE h.mentor_id = mentor_summary.mentor_id)
    WHERE mentor_id = NEW.mentor_id;
END;
CREATE TRIGGER health_checks_summary_update AFTER UPDATE OF mentor_id, on_date
ON health_checks BEGIN
    UPDATE mentor_summary SET
        last_health_check = (SELECT unixepoch(max(h.on_date)) / 86400 FROM health_checks h
            WHERE h.mentor_id = mentor_summary.mentor_id)
    WHERE mentor_id IN (OLD.mentor_id, NEW.mentor_id);
END;
CREATE TRIGGER health_checks_summary_delete AFTER DELETE ON health_checks BEGIN
    UPDATE mentor_summary SET
        last_health_check = (SELECT unixepoch(max(h.on_date)) / 86400 FROM health_checks h
            WHERE h.mentor_id = mentor_summary.mentor_id)
    WHERE mentor_id = OLD.mentor_id;
END;

-- Experiments for the nudges and the agenda builder, without walking every experiment ever
-- recorded: the unreported ones newest first (a walk stopped by a limit), and the ones
-- reported since a day (a range).
DROP INDEX commitments_experiments;
CREATE INDEX commitments_unreported_experiments ON commitments (id)
    WHERE feedback_id IS NOT NULL AND result != '' AND reported_on IS NULL
        AND status != 'dropped';
CREATE INDEX commitments_reported_experiments ON commitments (reported_on)
    WHERE feedback_id IS NOT NULL AND result != '' AND status != 'dropped';

-- The keep rate's facts for a range of due dates from the index alone (it held only the due
-- date, so every commitment of the range was read for its owner, status and done date).
CREATE INDEX commitments_keep_facts ON commitments (due_on, id, owner, status, done_on);
