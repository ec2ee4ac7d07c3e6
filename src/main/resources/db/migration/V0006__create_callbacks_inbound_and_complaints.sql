CREATE TABLE service_callback_type (
    name varchar(255) PRIMARY KEY
);
INSERT INTO service_callback_type (name)
VALUES ('delivery_status'), ('complaint'), ('inbound_sms'), ('returned_letter');

CREATE TABLE service_callback_api (
    id            uuid PRIMARY KEY,
    service_id    uuid         NOT NULL REFERENCES services (id),
    url           text         NOT NULL,
    callback_type varchar(255) NOT NULL REFERENCES service_callback_type (name),
    -- Encrypted with the hub's secret key.
    bearer_token  text         NOT NULL,
    created_at    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at    timestamp,
    updated_by_id uuid REFERENCES users (id),
    CONSTRAINT uix_service_callback_type UNIQUE (service_id, callback_type)
);

CREATE TABLE inbound_sms (
    id                 uuid PRIMARY KEY,
    created_at         timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    service_id         uuid         NOT NULL REFERENCES services (id),
    notify_number      varchar(255) NOT NULL,
    user_number        varchar(255) NOT NULL,
    provider_date      timestamp,
    provider_reference varchar(255),
    provider           varchar(255) NOT NULL,
    -- Encrypted with the hub's secret key.
    content            text         NOT NULL
);
CREATE INDEX ix_inbound_sms_service_created_at ON inbound_sms (service_id, created_at);

CREATE TABLE complaints (
    id              uuid PRIMARY KEY,
    notification_id uuid         NOT NULL,
    service_id      uuid         NOT NULL REFERENCES services (id),
    ses_feedback_id text,
    complaint_type  text,
    complaint_date  timestamp,
    created_at      timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
);
CREATE INDEX ix_complaints_service_id ON complaints (service_id);
CREATE UNIQUE INDEX uix_complaints_ses_feedback_id ON complaints (ses_feedback_id) WHERE ses_feedback_id IS NOT NULL;
