CREATE TABLE provider_details (
    id                     uuid PRIMARY KEY,
    display_name           varchar(255) NOT NULL,
    identifier             varchar(255) NOT NULL UNIQUE,
    priority               integer      NOT NULL CHECK (priority BETWEEN 0 AND 100),
    notification_type      varchar(10)  NOT NULL CHECK (notification_type IN ('sms', 'email', 'letter')),
    active                 boolean      NOT NULL DEFAULT true,
    supports_international boolean      NOT NULL DEFAULT false,
    version                integer      NOT NULL DEFAULT 1,
    updated_at             timestamp,
    created_by_id          uuid REFERENCES users (id)
);

INSERT INTO provider_details (id, display_name, identifier, priority, notification_type, supports_international)
VALUES ('3c2a9bd9-0c4f-4b8e-9f0a-5f0c7a1a0001', 'AWS SES', 'ses', 10, 'email', false),
       ('3c2a9bd9-0c4f-4b8e-9f0a-5f0c7a1a0002', 'Firetext', 'firetext', 40, 'sms', true),
       ('3c2a9bd9-0c4f-4b8e-9f0a-5f0c7a1a0003', 'MMG', 'mmg', 60, 'sms', false),
       ('3c2a9bd9-0c4f-4b8e-9f0a-5f0c7a1a0004', 'DVLA', 'dvla', 10, 'letter', false);
