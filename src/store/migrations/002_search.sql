-- Schema version 2: one FTS5 index over every text field, kept in sync by triggers.
-- Its rowid is (record id * 16 + kind code), so a record's entry is found without a scan.
-- unicode61 with remove_diacritics 2 makes 'cafe' find 'café'.

CREATE VIRTUAL TABLE search USING fts5 (
    kind UNINDEXED,
    title,
    body,
    tokenize = "unicode61 remove_diacritics 2"
);

-- mentors
CREATE TRIGGER mentors_search_insert AFTER INSERT ON mentors BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 1, 'mentor', NEW.name, NEW.contact || ' ' || NEW.expertise || ' ' || NEW.why_them || ' ' || NEW.research_notes || ' ' || NEW.pitch_draft || ' ' || NEW.goals_covered || ' ' || NEW.channel || ' ' || NEW.closing_notes);
END;
CREATE TRIGGER mentors_search_update AFTER UPDATE ON mentors BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 1;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 1, 'mentor', NEW.name, NEW.contact || ' ' || NEW.expertise || ' ' || NEW.why_them || ' ' || NEW.research_notes || ' ' || NEW.pitch_draft || ' ' || NEW.goals_covered || ' ' || NEW.channel || ' ' || NEW.closing_notes);
END;
CREATE TRIGGER mentors_search_delete AFTER DELETE ON mentors BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 1;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 1, 'mentor', name, contact || ' ' || expertise || ' ' || why_them || ' ' || research_notes || ' ' || pitch_draft || ' ' || goals_covered || ' ' || channel || ' ' || closing_notes FROM mentors;

-- contacts
CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 2, 'contact', NEW.channel, NEW.note);
END;
CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 2;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 2, 'contact', NEW.channel, NEW.note);
END;
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 2;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 2, 'contact', channel, note FROM contacts;

-- health_checks
CREATE TRIGGER health_checks_search_insert AFTER INSERT ON health_checks BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 3, 'health_check', '', NEW.note);
END;
CREATE TRIGGER health_checks_search_update AFTER UPDATE ON health_checks BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 3;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 3, 'health_check', '', NEW.note);
END;
CREATE TRIGGER health_checks_search_delete AFTER DELETE ON health_checks BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 3;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 3, 'health_check', '', note FROM health_checks;

-- goals
CREATE TRIGGER goals_search_insert AFTER INSERT ON goals BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 4, 'goal', NEW.title, NEW.specific || ' ' || NEW.metric || ' ' || NEW.unit || ' ' || NEW.achievable || ' ' || NEW.relevant);
END;
CREATE TRIGGER goals_search_update AFTER UPDATE ON goals BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 4;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 4, 'goal', NEW.title, NEW.specific || ' ' || NEW.metric || ' ' || NEW.unit || ' ' || NEW.achievable || ' ' || NEW.relevant);
END;
CREATE TRIGGER goals_search_delete AFTER DELETE ON goals BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 4;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 4, 'goal', title, specific || ' ' || metric || ' ' || unit || ' ' || achievable || ' ' || relevant FROM goals;

-- goal_progress
CREATE TRIGGER goal_progress_search_insert AFTER INSERT ON goal_progress BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 5, 'goal_progress', '', NEW.note);
END;
CREATE TRIGGER goal_progress_search_update AFTER UPDATE ON goal_progress BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 5;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 5, 'goal_progress', '', NEW.note);
END;
CREATE TRIGGER goal_progress_search_delete AFTER DELETE ON goal_progress BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 5;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 5, 'goal_progress', '', note FROM goal_progress;

-- goal_revisions
CREATE TRIGGER goal_revisions_search_insert AFTER INSERT ON goal_revisions BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 6, 'goal_revision', NEW.field, NEW.reason);
END;
CREATE TRIGGER goal_revisions_search_update AFTER UPDATE ON goal_revisions BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 6;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 6, 'goal_revision', NEW.field, NEW.reason);
END;
CREATE TRIGGER goal_revisions_search_delete AFTER DELETE ON goal_revisions BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 6;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 6, 'goal_revision', field, reason FROM goal_revisions;

-- meetings
CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 7, 'meeting', NEW.channel, NEW.notes);
END;
CREATE TRIGGER meetings_search_update AFTER UPDATE ON meetings BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 7;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 7, 'meeting', NEW.channel, NEW.notes);
END;
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 7;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 7, 'meeting', channel, notes FROM meetings;

-- agenda_items
CREATE TRIGGER agenda_items_search_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 8, 'agenda_item', NEW.text, NEW.outcome || ' ' || NEW.note);
END;
CREATE TRIGGER agenda_items_search_update AFTER UPDATE ON agenda_items BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 8;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 8, 'agenda_item', NEW.text, NEW.outcome || ' ' || NEW.note);
END;
CREATE TRIGGER agenda_items_search_delete AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 8;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 8, 'agenda_item', text, outcome || ' ' || note FROM agenda_items;

-- questions
CREATE TRIGGER questions_search_insert AFTER INSERT ON questions BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 9, 'question', NEW.text, '');
END;
CREATE TRIGGER questions_search_update AFTER UPDATE ON questions BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 9;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 9, 'question', NEW.text, '');
END;
CREATE TRIGGER questions_search_delete AFTER DELETE ON questions BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 9;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 9, 'question', text, '' FROM questions;

-- feedback
CREATE TRIGGER feedback_search_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 10, 'feedback', NEW.text, NEW.reaction);
END;
CREATE TRIGGER feedback_search_update AFTER UPDATE ON feedback BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 10;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 10, 'feedback', NEW.text, NEW.reaction);
END;
CREATE TRIGGER feedback_search_delete AFTER DELETE ON feedback BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 10;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 10, 'feedback', text, reaction FROM feedback;

-- commitments
CREATE TRIGGER commitments_search_insert AFTER INSERT ON commitments BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 11, 'commitment', NEW.text, NEW.result);
END;
CREATE TRIGGER commitments_search_update AFTER UPDATE ON commitments BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 11;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 11, 'commitment', NEW.text, NEW.result);
END;
CREATE TRIGGER commitments_search_delete AFTER DELETE ON commitments BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 11;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 11, 'commitment', text, result FROM commitments;

-- gratitude
CREATE TRIGGER gratitude_search_insert AFTER INSERT ON gratitude BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 12, 'gratitude', NEW.what_for, NEW.channel);
END;
CREATE TRIGGER gratitude_search_update AFTER UPDATE ON gratitude BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 12;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 12, 'gratitude', NEW.what_for, NEW.channel);
END;
CREATE TRIGGER gratitude_search_delete AFTER DELETE ON gratitude BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 12;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 12, 'gratitude', what_for, channel FROM gratitude;

-- reflections
CREATE TRIGGER reflections_search_insert AFTER INSERT ON reflections BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 13, 'reflection', NEW.template, (SELECT coalesce(group_concat(json_extract(value, '$.answer'), ' '), '') FROM json_each(NEW.answers)));
END;
CREATE TRIGGER reflections_search_update AFTER UPDATE ON reflections BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 13;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 13, 'reflection', NEW.template, (SELECT coalesce(group_concat(json_extract(value, '$.answer'), ' '), '') FROM json_each(NEW.answers)));
END;
CREATE TRIGGER reflections_search_delete AFTER DELETE ON reflections BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 13;
END;
INSERT INTO search (rowid, kind, title, body)
SELECT id * 16 + 13, 'reflection', template, (SELECT coalesce(group_concat(json_extract(value, '$.answer'), ' '), '') FROM json_each(answers)) FROM reflections;
