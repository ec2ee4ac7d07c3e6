-- Emergency broadcasts (Notify's broadcast_* tables, 2020-2023): a message is drafted or posted as CAP, approved by
-- a second person, and becomes events (alert, cancel); each event is sent to every mobile network's CBC proxy as a
-- provider message. Statuses are reference tables so a typo can never be stored.
INSERT INTO service_permission_types (name) VALUES ('broadcast');

CREATE TABLE broadcast_status_type (
    name varchar(255) PRIMARY KEY
);
INSERT INTO broadcast_status_type (name)
VALUES ('draft'), ('pending-approval'), ('rejected'), ('broadcasting'), ('completed'), ('cancelled'),
       ('technical-failure');

-- Each broadcast service's channel and the operators it may reach ('all' or one of ee, o2, three, vodafone).
CREATE TABLE service_broadcast_settings (
    service_id uuid PRIMARY KEY REFERENCES services (id),
    channel    varchar(255) NOT NULL CHECK (channel IN ('test', 'operator', 'severe', 'government')),
    provider   varchar(255) NOT NULL DEFAULT 'all' CHECK (provider IN ('all', 'ee', 'o2', 'three', 'vodafone')),
    created_at timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at timestamp
);

CREATE TABLE broadcast_message (
    id                      uuid PRIMARY KEY,
    service_id              uuid         NOT NULL REFERENCES services (id),
    content                 text         NOT NULL,
    areas                   jsonb        NOT NULL DEFAULT '{}'::jsonb,
    status                  varchar(255) NOT NULL REFERENCES broadcast_status_type (name),
    starts_at               timestamp,
    finishes_at             timestamp,
    created_at              timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    approved_at             timestamp,
    cancelled_at            timestamp,
    updated_at              timestamp,
    created_by_id           uuid REFERENCES users (id),
    approved_by_id          uuid REFERENCES users (id),
    cancelled_by_id         uuid REFERENCES users (id),
    created_by_api_key_id   uuid REFERENCES api_keys (id),
    cancelled_by_api_key_id uuid REFERENCES api_keys (id),
    reference               varchar(255),
    cap_event               varchar(255),
    stubbed                 boolean      NOT NULL,
    CONSTRAINT ck_broadcast_message_creator CHECK (created_by_id IS NOT NULL OR created_by_api_key_id IS NOT NULL)
);
CREATE INDEX ix_broadcast_message_service_id ON broadcast_message (service_id, created_at);
-- auto-expire-broadcast-messages looks only at what is on air.
CREATE INDEX ix_broadcast_message_broadcasting ON broadcast_message (finishes_at) WHERE status = 'broadcasting';

-- An instruction to the networks, complete in itself: what was transmitted never changes with the message.
CREATE TABLE broadcast_event (
    id                      uuid PRIMARY KEY,
    service_id              uuid         NOT NULL REFERENCES services (id),
    broadcast_message_id    uuid         NOT NULL REFERENCES broadcast_message (id),
    sent_at                 timestamp    NOT NULL,
    message_type            varchar(255) NOT NULL CHECK (message_type IN ('alert', 'update', 'cancel')),
    transmitted_content     jsonb,
    transmitted_areas       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    transmitted_sender      varchar(255) NOT NULL,
    transmitted_starts_at   timestamp,
    transmitted_finishes_at timestamp
);
CREATE INDEX ix_broadcast_event_message ON broadcast_event (broadcast_message_id, sent_at);

-- One event as sent to one operator. attempts counts the claims of the send task, so a duplicate queue message
-- (same attempt) finds its attempt already taken and sends nothing; claimed_at lets an attempt whose worker died
-- be claimed again once its lease has passed.
CREATE TABLE broadcast_provider_message (
    id                 uuid PRIMARY KEY,
    broadcast_event_id uuid         NOT NULL REFERENCES broadcast_event (id),
    provider           varchar(255) NOT NULL CHECK (provider IN ('ee', 'o2', 'three', 'vodafone')),
    status             varchar(255) NOT NULL
        CHECK (status IN ('technical-failure', 'sending', 'returned-ack', 'returned-error')),
    attempts           integer      NOT NULL DEFAULT 0,
    claimed_at         timestamp,
    created_at         timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at         timestamp,
    CONSTRAINT uq_broadcast_provider_message UNIQUE (broadcast_event_id, provider)
);

-- Vodafone's CBC (IBAG) needs a number as well as the message's id: a sequence, formatted as 8 hex digits.
CREATE SEQUENCE broadcast_provider_message_number_seq;
CREATE TABLE broadcast_provider_message_number (
    broadcast_provider_message_number integer PRIMARY KEY DEFAULT nextval('broadcast_provider_message_number_seq'),
    broadcast_provider_message_id     uuid NOT NULL UNIQUE REFERENCES broadcast_provider_message (id)
);
