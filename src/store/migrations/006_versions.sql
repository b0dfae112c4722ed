-- Schema version 6: a version number on every record kind that has an edit form, raised by
-- every UPDATE of the row (a trigger, so every path counts: forms, debrief, import, undo).
-- An edit saved from a form writes only the fields it changed, in a transaction that compares
-- them with the row as it is now and checks the version in its UPDATE, so two windows editing
-- the same record never overwrite each other's changes silently (see src/store/edit.rs).
-- ALTER TABLE ... ADD COLUMN with a constant default does not rewrite the tables.

ALTER TABLE mentors ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER mentors_version AFTER UPDATE ON mentors WHEN NEW.version = OLD.version
BEGIN
    UPDATE mentors SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER contacts_version AFTER UPDATE ON contacts WHEN NEW.version = OLD.version
BEGIN
    UPDATE contacts SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE health_checks ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER health_checks_version AFTER UPDATE ON health_checks WHEN NEW.version = OLD.version
BEGIN
    UPDATE health_checks SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE goals ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER goals_version AFTER UPDATE ON goals WHEN NEW.version = OLD.version
BEGIN
    UPDATE goals SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER meetings_version AFTER UPDATE ON meetings WHEN NEW.version = OLD.version
BEGIN
    UPDATE meetings SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE agenda_items ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER agenda_items_version AFTER UPDATE ON agenda_items WHEN NEW.version = OLD.version
BEGIN
    UPDATE agenda_items SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE questions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER questions_version AFTER UPDATE ON questions WHEN NEW.version = OLD.version
BEGIN
    UPDATE questions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE feedback ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER feedback_version AFTER UPDATE ON feedback WHEN NEW.version = OLD.version
BEGIN
    UPDATE feedback SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE commitments ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER commitments_version AFTER UPDATE ON commitments WHEN NEW.version = OLD.version
BEGIN
    UPDATE commitments SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE gratitude ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER gratitude_version AFTER UPDATE ON gratitude WHEN NEW.version = OLD.version
BEGIN
    UPDATE gratitude SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE reflections ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER reflections_version AFTER UPDATE ON reflections WHEN NEW.version = OLD.version
BEGIN
    UPDATE reflections SET version = OLD.version + 1 WHERE id = NEW.id;
END;
