CREATE TABLE daily_sorted_letter (
    id             uuid PRIMARY KEY,
    billing_day    date         NOT NULL,
    file_name      varchar(255),
    unsorted_count integer      NOT NULL DEFAULT 0,
    sorted_count   integer      NOT NULL DEFAULT 0,
    updated_at     timestamp,
    CONSTRAINT uix_file_name_billing_day UNIQUE (file_name, billing_day)
);

CREATE TABLE returned_letters (
    id              uuid PRIMARY KEY,
    reported_at     date      NOT NULL,
    service_id      uuid      NOT NULL REFERENCES services (id),
    notification_id uuid      NOT NULL UNIQUE,
    created_at      timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at      timestamp
);
