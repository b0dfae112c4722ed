-- The notes of a mentor's fit scorecard (issue 18) are found by search, as part of the
-- mentor's entry: a hit opens the mentor, whose detail shows the scorecard. The notes of a
-- private scorecard stay out of the index (the entry's privacy is the mentor's, so a private
-- scorecard of a public mentor would otherwise show in a snippet with private text hidden).
--
-- The mentor's entry now reads mentor_fit in a subquery; the bulk rebuild
-- (store::search::resume_index) runs each insert trigger's VALUES over its table aliased NEW,
-- so the subquery's NEW.id is the mentor's there too.

DROP TRIGGER mentors_search_insert;
DROP TRIGGER mentors_search_update;
CREATE TRIGGER mentors_search_insert AFTER INSERT ON mentors BEGIN
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 1, 'mentor', NEW.name, NEW.contact || ' ' || NEW.expertise || ' ' || NEW.why_them || ' ' || NEW.research_notes || ' ' || NEW.pitch_draft || ' ' || NEW.goals_covered || ' ' || NEW.channel || ' ' || NEW.closing_notes || ' ' || NEW.agreement_notes
        || coalesce((SELECT ' ' || group_concat(json_extract(j.value, '$.note'), ' ')
            FROM mentor_fit f, json_each(f.ratings) j
            WHERE f.mentor_id = NEW.id AND f.private = 0), ''));
END;
CREATE TRIGGER mentors_search_update AFTER UPDATE OF name, contact, expertise, why_them,
    research_notes, pitch_draft, goals_covered, channel, closing_notes, agreement_notes
    ON mentors BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 1;
    INSERT INTO search (rowid, kind, title, body)
    VALUES (NEW.id * 16 + 1, 'mentor', NEW.name, NEW.contact || ' ' || NEW.expertise || ' ' || NEW.why_them || ' ' || NEW.research_notes || ' ' || NEW.pitch_draft || ' ' || NEW.goals_covered || ' ' || NEW.channel || ' ' || NEW.closing_notes || ' ' || NEW.agreement_notes
        || coalesce((SELECT ' ' || group_concat(json_extract(j.value, '$.note'), ' ')
            FROM mentor_fit f, json_each(f.ratings) j
            WHERE f.mentor_id = NEW.id AND f.private = 0), ''));
END;

-- A scorecard written, changed or removed rewrites its mentor's entry. (Not named *_search_*:
-- a bulk write pauses only the triggers that have a rebuild of their own.)
CREATE TRIGGER mentor_fit_reindex_insert AFTER INSERT ON mentor_fit BEGIN
    DELETE FROM search WHERE rowid = NEW.mentor_id * 16 + 1;
    INSERT INTO search (rowid, kind, title, body)
    SELECT m.id * 16 + 1, 'mentor', m.name, m.contact || ' ' || m.expertise || ' ' || m.why_them || ' ' || m.research_notes || ' ' || m.pitch_draft || ' ' || m.goals_covered || ' ' || m.channel || ' ' || m.closing_notes || ' ' || m.agreement_notes
        || coalesce((SELECT ' ' || group_concat(json_extract(j.value, '$.note'), ' ')
            FROM mentor_fit f, json_each(f.ratings) j
            WHERE f.mentor_id = m.id AND f.private = 0), '')
    FROM mentors m WHERE m.id = NEW.mentor_id;
END;
CREATE TRIGGER mentor_fit_reindex_update AFTER UPDATE OF ratings, private, mentor_id
    ON mentor_fit BEGIN
    DELETE FROM search WHERE rowid IN (OLD.mentor_id * 16 + 1, NEW.mentor_id * 16 + 1);
    INSERT INTO search (rowid, kind, title, body)
    SELECT m.id * 16 + 1, 'mentor', m.name, m.contact || ' ' || m.expertise || ' ' || m.why_them || ' ' || m.research_notes || ' ' || m.pitch_draft || ' ' || m.goals_covered || ' ' || m.channel || ' ' || m.closing_notes || ' ' || m.agreement_notes
        || coalesce((SELECT ' ' || group_concat(json_extract(j.value, '$.note'), ' ')
            FROM mentor_fit f, json_each(f.ratings) j
            WHERE f.mentor_id = m.id AND f.private = 0), '')
    FROM mentors m WHERE m.id IN (OLD.mentor_id, NEW.mentor_id);
END;
CREATE TRIGGER mentor_fit_reindex_delete AFTER DELETE ON mentor_fit BEGIN
    DELETE FROM search WHERE rowid = OLD.mentor_id * 16 + 1;
    INSERT INTO search (rowid, kind, title, body)
    SELECT m.id * 16 + 1, 'mentor', m.name, m.contact || ' ' || m.expertise || ' ' || m.why_them || ' ' || m.research_notes || ' ' || m.pitch_draft || ' ' || m.goals_covered || ' ' || m.channel || ' ' || m.closing_notes || ' ' || m.agreement_notes
        || coalesce((SELECT ' ' || group_concat(json_extract(j.value, '$.note'), ' ')
            FROM mentor_fit f, json_each(f.ratings) j
            WHERE f.mentor_id = m.id AND f.private = 0), '')
    FROM mentors m WHERE m.id = OLD.mentor_id;
END;

-- The notes already written.
DELETE FROM search WHERE rowid IN (SELECT mentor_id * 16 + 1 FROM mentor_fit);
INSERT INTO search (rowid, kind, title, body)
SELECT m.id * 16 + 1, 'mentor', m.name, m.contact || ' ' || m.expertise || ' ' || m.why_them || ' ' || m.research_notes || ' ' || m.pitch_draft || ' ' || m.goals_covered || ' ' || m.channel || ' ' || m.closing_notes || ' ' || m.agreement_notes
        || coalesce((SELECT ' ' || group_concat(json_extract(j.value, '$.note'), ' ')
            FROM mentor_fit f, json_each(f.ratings) j
            WHERE f.mentor_id = m.id AND f.private = 0), '')
FROM mentors m WHERE m.id IN (SELECT mentor_id FROM mentor_fit);
