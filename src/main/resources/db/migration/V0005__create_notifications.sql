CREATE TABLE notification_status_types (
    name varchar(255) PRIMARY KEY
);
INSERT INTO notification_status_types (name)
VALUES ('created'), ('sending'), ('pending'), ('sent'), ('delivered'), ('permanent-failure'),
       ('temporary-failure'), ('technical-failure'), ('validation-failed'), ('virus-scan-failed'),
       ('pending-virus-check'), ('returned-letter'), ('cancelled'), ('failed');

CREATE TABLE notifications (
    id                uuid PRIMARY KEY,
    "to"              text         NOT NULL,
    normalised_to     text,
    job_id            uuid REFERENCES jobs (id),
    job_row_number    integer,
    service_id        uuid         NOT NULL REFERENCES services (id),
    template_id       uuid         NOT NULL,
    template_version  integer      NOT NULL,
    api_key_id        uuid REFERENCES api_keys (id),
    key_type          varchar(255) NOT NULL REFERENCES key_types (name),
    billable_units    integer      NOT NULL DEFAULT 0,
    notification_type varchar(10)  NOT NULL CHECK (notification_type IN ('sms', 'email', 'letter')),
    created_at        timestamp    NOT NULL,
    sent_at           timestamp,
    sent_by           varchar(255),
    updated_at        timestamp,
    notification_status varchar(255) NOT NULL DEFAULT 'created' REFERENCES notification_status_types (name),
    -- Provider reference: SES message id, or the letter's 16-character DVLA reference.
    reference         varchar(255),
    client_reference  varchar(1000),
    -- Personalisation as JSON, encrypted with the hub's secret key.
    _personalisation  text,
    international     boolean      NOT NULL DEFAULT false,
    phone_prefix      varchar(255),
    rate_multiplier   numeric,
    created_by_id     uuid REFERENCES users (id),
    reply_to_text     text,
    document_download_count integer,
    postage           varchar(255),
    FOREIGN KEY (template_id, template_version) REFERENCES templates_history (id, version),
    CONSTRAINT uq_notifications_job_row_number UNIQUE (job_id, job_row_number)
);
CREATE INDEX ix_notifications_service_created_at ON notifications (service_id, created_at);
CREATE INDEX ix_notifications_type_status_created_at ON notifications (notification_type, notification_status, created_at);
CREATE INDEX ix_notifications_service_type_status_created_at
    ON notifications (service_id, notification_type, notification_status, created_at);
CREATE INDEX ix_notifications_reference ON notifications (reference);
CREATE INDEX ix_notifications_client_reference ON notifications (client_reference);
CREATE INDEX ix_notifications_job_id ON notifications (job_id);

-- PII-free copy kept after a notification's retention period ends.
CREATE TABLE notification_history (
    id                uuid PRIMARY KEY,
    job_id            uuid,
    job_row_number    integer,
    service_id        uuid         NOT NULL,
    template_id       uuid         NOT NULL,
    template_version  integer      NOT NULL,
    api_key_id        uuid,
    key_type          varchar(255) NOT NULL,
    billable_units    integer      NOT NULL DEFAULT 0,
    notification_type varchar(10)  NOT NULL,
    created_at        timestamp    NOT NULL,
    sent_at           timestamp,
    sent_by           varchar(255),
    updated_at        timestamp,
    notification_status varchar(255) NOT NULL,
    reference         varchar(255),
    client_reference  varchar(1000),
    international     boolean      NOT NULL DEFAULT false,
    phone_prefix      varchar(255),
    rate_multiplier   numeric,
    created_by_id     uuid,
    postage           varchar(255)
);
CREATE INDEX ix_notification_history_reference ON notification_history (reference);
CREATE INDEX ix_notification_history_service_created_at ON notification_history (service_id, created_at);
