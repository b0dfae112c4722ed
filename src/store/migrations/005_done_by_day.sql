-- Schema version 5: commitments done per day (the Today view's activity heat map and the
-- review figures) by an index range instead of walking every done commitment.
CREATE INDEX commitments_done_by_day ON commitments (status, done_on);
