-- Schema version 8: growth over time and meetings from calendars (issues 17 and 18).
--
-- 1. mentors.relationship: the kind of relationship (the FAQ's mentoring vs coaching),
--    and mentors.agreement_notes: what the kick-off agreed beyond the agreement's fields
--    (confidentiality, how feedback is given, expectations).
-- 2. wins: what went well, when, for which goal, with whose help, and its evidence.
-- 3. resources: what a mentor recommended (a book, an article, a course, a tool, an event)
--    or who they introduced, with its goal, status and takeaway; gratitude.resource_id links
--    a thanks to the introduction it is for.
-- 4. mentor_fit: one fit scorecard per candidate or approached mentor (JSON ratings).
-- 5. meetings.ics_uid / ics_sequence: the calendar invite a planned meeting came from, so
--    importing the same invite again moves or cancels that meeting instead of adding one.
-- Every new kind gets a version (see 006) and, where it has text, a search entry (see 002;
-- wins are kind 14, resources 15).

ALTER TABLE mentors ADD COLUMN relationship TEXT NOT NULL DEFAULT 'mentor'
    CHECK (relationship IN ('mentor', 'coach', 'sponsor', 'peer', 'reverse'));
ALTER TABLE mentors ADD COLUMN agreement_notes TEXT NOT NULL DEFAULT '';
CREATE INDEX mentors_by_relationship ON mentors (relationship, status, name COLLATE NOCASE);

DROP TRIGGER mentors_search_insert;
DROP TRIGGER mentors_search_update;
CREATE TRIGGER mentors_search_insert AFTER INSERT ON mentors BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 1, 'mentor', NEW.name, NEW.contact || ' ' || NEW.expertise || ' ' || NEW.why_them || ' ' || NEW.research_notes || ' ' || NEW.pitch_draft || ' ' || NEW.goals_covered || ' ' || NEW.channel || ' ' || NEW.closing_notes || ' ' || NEW.agreement_notes);
END;
CREATE TRIGGER mentors_search_update AFTER UPDATE OF name, contact, expertise, why_them,
    research_notes, pitch_draft, goals_covered, channel, closing_notes, agreement_notes
    ON mentors BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 1;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 1, 'mentor', NEW.name, NEW.contact || ' ' || NEW.expertise || ' ' || NEW.why_them || ' ' || NEW.research_notes || ' ' || NEW.pitch_draft || ' ' || NEW.goals_covered || ' ' || NEW.channel || ' ' || NEW.closing_notes || ' ' || NEW.agreement_notes);
END;

CREATE TABLE wins (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    on_date     TEXT NOT NULL,
    what        TEXT NOT NULL,
    evidence    TEXT NOT NULL DEFAULT '',
    goal_id     INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    mentor_id   INTEGER REFERENCES mentors (id) ON DELETE SET NULL,
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    version     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX wins_by_date ON wins (on_date);
CREATE INDEX wins_by_goal ON wins (goal_id, on_date);
CREATE INDEX wins_by_mentor ON wins (mentor_id, on_date);
CREATE INDEX wins_by_meeting ON wins (meeting_id);
CREATE TRIGGER wins_version AFTER UPDATE ON wins WHEN NEW.version = OLD.version
BEGIN
    UPDATE wins SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER wins_search_insert AFTER INSERT ON wins BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 14, 'win', NEW.what, NEW.evidence);
END;
CREATE TRIGGER wins_search_update AFTER UPDATE OF what, evidence ON wins BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 14;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 14, 'win', NEW.what, NEW.evidence);
END;
CREATE TRIGGER wins_search_delete AFTER DELETE ON wins BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 14;
END;

CREATE TABLE resources (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    private        INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    kind           TEXT NOT NULL DEFAULT 'book'
                   CHECK (kind IN ('book', 'article', 'course', 'tool', 'event', 'person', 'other')),
    title          TEXT NOT NULL,
    link           TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'todo'
                   CHECK (status IN ('todo', 'doing', 'done', 'dropped')),
    takeaway       TEXT NOT NULL DEFAULT '',
    recommended_on TEXT NOT NULL,
    done_on        TEXT,
    mentor_id      INTEGER REFERENCES mentors (id) ON DELETE SET NULL,
    goal_id        INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    meeting_id     INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX resources_by_status ON resources (status, recommended_on);
CREATE INDEX resources_by_mentor ON resources (mentor_id, status, recommended_on);
CREATE INDEX resources_by_goal ON resources (goal_id);
CREATE INDEX resources_by_meeting ON resources (meeting_id);
CREATE INDEX resources_by_kind ON resources (kind, status, done_on);
CREATE TRIGGER resources_version AFTER UPDATE ON resources WHEN NEW.version = OLD.version
BEGIN
    UPDATE resources SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER resources_search_insert AFTER INSERT ON resources BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 15, 'resource', NEW.title, NEW.link || ' ' || NEW.takeaway);
END;
CREATE TRIGGER resources_search_update AFTER UPDATE OF title, link, takeaway ON resources BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 15;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 15, 'resource', NEW.title, NEW.link || ' ' || NEW.takeaway);
END;
CREATE TRIGGER resources_search_delete AFTER DELETE ON resources BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 15;
END;

ALTER TABLE gratitude ADD COLUMN resource_id INTEGER REFERENCES resources (id) ON DELETE SET NULL;
CREATE INDEX gratitude_by_resource ON gratitude (resource_id);

CREATE TABLE mentor_fit (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    mentor_id   INTEGER NOT NULL UNIQUE REFERENCES mentors (id) ON DELETE CASCADE,
    -- JSON array of {"criterion": code, "rating": 1..5, "note": text}
    ratings     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ratings)),
    version     INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER mentor_fit_version AFTER UPDATE ON mentor_fit WHEN NEW.version = OLD.version
BEGIN
    UPDATE mentor_fit SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE meetings ADD COLUMN ics_uid TEXT;
ALTER TABLE meetings ADD COLUMN ics_sequence INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX meetings_by_ics_uid ON meetings (ics_uid) WHERE ics_uid IS NOT NULL;
