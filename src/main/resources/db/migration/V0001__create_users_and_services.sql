-- Users own templates, keys and jobs in Notify; the hub keeps only what the API shows of them.
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    name          varchar(255) NOT NULL,
    email_address varchar(255) NOT NULL UNIQUE,
    created_at    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
);

-- The system user stands in wherever Notify needs a user id and the caller gave none.
INSERT INTO users (id, name, email_address)
VALUES ('6af522d0-2915-4e52-83a3-3690455a5fe6', 'Notify Hub', 'notify-hub@localhost');

CREATE TABLE services (
    id            uuid PRIMARY KEY,
    name          varchar(255) NOT NULL UNIQUE,
    created_at    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at    timestamp,
    active        boolean      NOT NULL DEFAULT true,
    restricted    boolean      NOT NULL DEFAULT true,
    research_mode boolean      NOT NULL DEFAULT false,
    email_from    varchar(255) NOT NULL UNIQUE,
    prefix_sms    boolean      NOT NULL DEFAULT true,
    rate_limit    integer      NOT NULL DEFAULT 3000,
    email_message_limit             bigint NOT NULL DEFAULT 999999999,
    sms_message_limit               bigint NOT NULL DEFAULT 999999999,
    letter_message_limit            bigint NOT NULL DEFAULT 999999999,
    international_sms_message_limit bigint NOT NULL DEFAULT 999999999,
    high_volume   boolean      NOT NULL DEFAULT false,
    organisation_id   uuid,
    organisation_type varchar(255),
    crown         boolean,
    contact_link  varchar(255),
    created_by_id uuid NOT NULL REFERENCES users (id),
    version       integer      NOT NULL DEFAULT 1
);

CREATE TABLE service_permission_types (
    name varchar(255) PRIMARY KEY
);

INSERT INTO service_permission_types (name)
VALUES ('email'), ('sms'), ('letter'), ('international_sms'), ('inbound_sms'), ('schedule_notifications'),
       ('email_auth'), ('letters_as_pdf'), ('upload_document'), ('edit_folder_permissions'),
       ('upload_letters'), ('international_letters'), ('sms_to_uk_landlines');

CREATE TABLE service_permissions (
    service_id uuid         NOT NULL REFERENCES services (id),
    permission varchar(255) NOT NULL REFERENCES service_permission_types (name),
    created_at timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    PRIMARY KEY (service_id, permission)
);

-- The guest list: recipients a trial service or a team key may send to.
CREATE TABLE service_whitelist (
    id             uuid PRIMARY KEY,
    service_id     uuid         NOT NULL REFERENCES services (id),
    recipient_type varchar(10)  NOT NULL CHECK (recipient_type IN ('mobile', 'email')),
    recipient      varchar(255) NOT NULL,
    created_at     timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
);
CREATE INDEX ix_service_whitelist_service_id ON service_whitelist (service_id);

-- Team members of a service (user_to_service in Notify): they may always receive its messages.
CREATE TABLE user_to_service (
    user_id    uuid NOT NULL REFERENCES users (id),
    service_id uuid NOT NULL REFERENCES services (id),
    PRIMARY KEY (user_id, service_id)
);

CREATE TABLE inbound_numbers (
    id         uuid PRIMARY KEY,
    number     varchar(11)  NOT NULL UNIQUE,
    provider   varchar(255) NOT NULL,
    service_id uuid UNIQUE REFERENCES services (id),
    active     boolean      NOT NULL DEFAULT true,
    created_at timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at timestamp
);

CREATE TABLE service_sms_senders (
    id                uuid PRIMARY KEY,
    sms_sender        varchar(11) NOT NULL,
    service_id        uuid        NOT NULL REFERENCES services (id),
    is_default        boolean     NOT NULL DEFAULT true,
    archived          boolean     NOT NULL DEFAULT false,
    inbound_number_id uuid UNIQUE REFERENCES inbound_numbers (id),
    created_at        timestamp   NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at        timestamp
);
CREATE INDEX ix_service_sms_senders_service_id ON service_sms_senders (service_id);

CREATE TABLE service_email_reply_to (
    id            uuid PRIMARY KEY,
    service_id    uuid         NOT NULL REFERENCES services (id),
    email_address text         NOT NULL,
    is_default    boolean      NOT NULL DEFAULT true,
    archived      boolean      NOT NULL DEFAULT false,
    created_at    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at    timestamp
);
CREATE INDEX ix_service_email_reply_to_service_id ON service_email_reply_to (service_id);

CREATE TABLE service_letter_contacts (
    id            uuid PRIMARY KEY,
    service_id    uuid      NOT NULL REFERENCES services (id),
    contact_block text      NOT NULL,
    is_default    boolean   NOT NULL DEFAULT true,
    archived      boolean   NOT NULL DEFAULT false,
    created_at    timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at    timestamp
);
CREATE INDEX ix_service_letter_contacts_service_id ON service_letter_contacts (service_id);

CREATE TABLE service_data_retention (
    id                uuid PRIMARY KEY,
    service_id        uuid        NOT NULL REFERENCES services (id),
    notification_type varchar(10) NOT NULL CHECK (notification_type IN ('sms', 'email', 'letter')),
    days_of_retention integer     NOT NULL,
    created_at        timestamp   NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at        timestamp,
    CONSTRAINT uix_service_data_retention UNIQUE (service_id, notification_type)
);
