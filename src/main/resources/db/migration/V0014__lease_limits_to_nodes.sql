-- Nodes lease blocks of tokens from a rate-limit bucket instead of updating its row on every request. The tokens
-- leased in the current and the previous lease window stay counted against the bucket's capacity until every lease
-- in them has expired, so the row plus what the nodes hold never exceeds the capacity. Times are epoch seconds on the
-- database clock; a row's refill restarts from now (never a token too many).
ALTER TABLE rate_limit_buckets
    ADD COLUMN refilled_at   double precision NOT NULL DEFAULT EXTRACT(EPOCH FROM clock_timestamp()),
    ADD COLUMN leased        double precision NOT NULL DEFAULT 0,
    ADD COLUMN leased_before double precision NOT NULL DEFAULT 0,
    ADD COLUMN window_start  double precision NOT NULL DEFAULT 0,
    ADD COLUMN before_start  double precision NOT NULL DEFAULT 0;

COMMENT ON COLUMN daily_limit_counters.count IS
    'Units of the day''s limit gone: sent, taken by a CSV job, or leased by a node to send (handed back when unused)';
