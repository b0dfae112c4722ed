-- Gratitude's nudges are counted and read a window at a time (`Store::nudge_page`, issue 19):
-- two of its kinds come from an index alone with these.
--
-- The introductions to thank, in the nudge's order (the day, the mentor, the id): counting
-- them read every done introduction's whole row for its mentor (413 rows of a 100k journal).
-- The kind and status are in it too, or SQLite reads the row for them.
CREATE INDEX resources_introductions ON resources (done_on, mentor_id, kind, status)
    WHERE kind = 'person' AND status = 'done' AND mentor_id IS NOT NULL;

-- The mentors of one status with their last thanks and the day they took it: the active
-- mentors not thanked in six weeks without a scan of every mentor's summary (147 of 2,941).
CREATE INDEX mentor_summary_by_status ON mentor_summary (status, last_thanks, status_since);
