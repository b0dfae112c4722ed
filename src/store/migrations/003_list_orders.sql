-- Schema version 3: indexes for list orders that version 1 left to a full scan and sort
-- (measured on a 100,000-record journal, see docs/PERFORMANCE.md).

-- The Commitments list shows done and dropped ones newest first by the day they closed
-- (done_on, else due_on, else created_on): without this the 500 newest cost a sort of all.
CREATE INDEX commitments_closed_by_date ON commitments (coalesce(done_on, due_on, created_on))
    WHERE status != 'open';

-- The Meetings list counts each meeting's agenda items and sums their minutes: covering.
CREATE INDEX agenda_items_minutes ON agenda_items (meeting_id, minutes);

-- Experiments with a result (nudges, agenda suggestions) are a few percent of commitments;
-- keyed by id so "ORDER BY c.id LIMIT n" walks only them instead of every commitment.
CREATE INDEX commitments_experiments ON commitments (id)
    WHERE feedback_id IS NOT NULL AND result != '';
