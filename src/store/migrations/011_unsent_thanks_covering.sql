-- The unsent thanks a nudge names come from an index alone: it carries the id (for the order)
-- and the mentor, so the nudge input no longer fetches up to 100 gratitude rows for their
-- mentor (31 pages of a 100k journal on every `mentee status`, each one decrypted and checked
-- on an encrypted journal; issue 14). It replaces `gratitude_by_sent (sent, on_date)`.
CREATE INDEX gratitude_unsent ON gratitude (sent, on_date, id, mentor_id);
DROP INDEX gratitude_by_sent;
