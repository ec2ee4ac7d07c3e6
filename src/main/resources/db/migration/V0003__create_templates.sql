CREATE TABLE templates (
    id            uuid PRIMARY KEY,
    name          varchar(255) NOT NULL,
    template_type varchar(10)  NOT NULL CHECK (template_type IN ('sms', 'email', 'letter')),
    created_at    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at    timestamp,
    content       text         NOT NULL,
    archived      boolean      NOT NULL DEFAULT false,
    hidden        boolean      NOT NULL DEFAULT false,
    subject       text,
    postage       varchar(255),
    service_id    uuid         NOT NULL REFERENCES services (id),
    created_by_id uuid         NOT NULL REFERENCES users (id),
    process_type  varchar(255) NOT NULL DEFAULT 'normal',
    service_letter_contact_id uuid REFERENCES service_letter_contacts (id),
    version       integer      NOT NULL DEFAULT 1
);
CREATE INDEX ix_templates_service_id ON templates (service_id);

-- Every saved version; notifications point at the version they were sent with.
CREATE TABLE templates_history (
    id            uuid         NOT NULL,
    version       integer      NOT NULL,
    name          varchar(255) NOT NULL,
    template_type varchar(10)  NOT NULL,
    created_at    timestamp    NOT NULL,
    updated_at    timestamp,
    content       text         NOT NULL,
    archived      boolean      NOT NULL,
    hidden        boolean      NOT NULL,
    subject       text,
    postage       varchar(255),
    service_id    uuid         NOT NULL REFERENCES services (id),
    created_by_id uuid         NOT NULL REFERENCES users (id),
    process_type  varchar(255) NOT NULL,
    service_letter_contact_id uuid,
    PRIMARY KEY (id, version)
);
