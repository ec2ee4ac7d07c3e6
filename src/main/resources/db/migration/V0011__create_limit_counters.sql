-- O(1) daily limits: one counter per service, day and channel, bumped in the transaction that saves a
-- notification, so racing requests can never exceed the limit and nothing counts notification rows.
CREATE TABLE daily_limit_counters (
    service_id uuid        NOT NULL REFERENCES services (id),
    day        date        NOT NULL,
    channel    varchar(20) NOT NULL CHECK (channel IN ('sms', 'email', 'letter', 'international_sms')),
    count      bigint      NOT NULL,
    PRIMARY KEY (service_id, day, channel)
);

-- Per-minute rate limit as a token bucket per service and key type, shared by every node.
CREATE TABLE rate_limit_buckets (
    service_id uuid             NOT NULL REFERENCES services (id),
    key_type   varchar(255)     NOT NULL REFERENCES key_types (name),
    tokens     double precision NOT NULL,
    updated_at timestamp        NOT NULL,
    PRIMARY KEY (service_id, key_type)
);

-- Team members receive a trial service's messages; the hub keeps their contact details only.
ALTER TABLE users ADD COLUMN mobile_number varchar(255);
