-- The unsent thanks a nudge names come from an index alone: it carries the id (for the order)
-- and the mentor, so the nudge input no longer fetches up to 100 gratitude rows for their
-- mentor (31 pages of a 100k journal on every `mentee status`, each one decrypted and checked
-- on an encrypted journal; issue 14). It replaces `gratitude_by_sent (sent, on_date)`.
CREATE INDEX gratitude_unsent ON gratitude (sent, on_date, id, mentor_id);
DROP INDEX gratitude_by_sent;

-- `mentee status` counts each party's overdue commitments. The open ones with a due date,
-- alone in a narrow index, take about a third fewer pages to count than their stretch of
-- `commitments_by_owner (owner, status, due_on)` (21 pages against 32 at 100k records).
CREATE INDEX commitments_open_due ON commitments (owner, due_on)
    WHERE status = 'open' AND due_on IS NOT NULL;
