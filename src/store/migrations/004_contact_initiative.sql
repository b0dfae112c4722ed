-- Schema version 4: a covering index for a mentor's contact figures (how many, the share I
-- initiated, the last contact from the mentor), so they are read from the index alone instead
-- of every contact row (measured: 1.5–5 ms per mentor at 100,000 records, see docs/PERFORMANCE.md).
CREATE INDEX contacts_by_mentor_initiative ON contacts (mentor_id, initiative, on_date);
