CREATE TABLE key_types (
    name varchar(255) PRIMARY KEY
);
INSERT INTO key_types (name) VALUES ('normal'), ('team'), ('test');

CREATE TABLE api_keys (
    id            uuid PRIMARY KEY,
    name          varchar(255) NOT NULL,
    -- The 36-character secret, encrypted with the hub's secret key.
    secret        text         NOT NULL,
    service_id    uuid         NOT NULL REFERENCES services (id),
    key_type      varchar(255) NOT NULL REFERENCES key_types (name),
    expiry_date   timestamp,
    created_at    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at    timestamp,
    created_by_id uuid         NOT NULL REFERENCES users (id),
    version       integer      NOT NULL DEFAULT 1
);
CREATE INDEX ix_api_keys_service_id ON api_keys (service_id);
-- A name is unique among a service's live keys; revoked keys free their name.
CREATE UNIQUE INDEX uix_service_to_key_name ON api_keys (service_id, name) WHERE expiry_date IS NULL;
