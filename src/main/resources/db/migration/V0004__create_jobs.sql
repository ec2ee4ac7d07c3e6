CREATE TABLE job_status (
    name varchar(255) PRIMARY KEY
);
INSERT INTO job_status (name)
VALUES ('pending'), ('in progress'), ('finished'), ('sending limits exceeded'), ('scheduled'), ('cancelled'),
       ('ready to send'), ('sent to dvla'), ('error');

CREATE TABLE jobs (
    id                  uuid PRIMARY KEY,
    original_file_name  varchar(255) NOT NULL,
    service_id          uuid         NOT NULL REFERENCES services (id),
    template_id         uuid         NOT NULL,
    template_version    integer      NOT NULL,
    created_at          timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at          timestamp,
    notification_count  integer      NOT NULL,
    processing_started  timestamp,
    processing_finished timestamp,
    created_by_id       uuid REFERENCES users (id),
    scheduled_for       timestamp,
    job_status          varchar(255) NOT NULL DEFAULT 'pending' REFERENCES job_status (name),
    archived            boolean      NOT NULL DEFAULT false,
    sender_id           uuid,
    contact_list_id     uuid,
    FOREIGN KEY (template_id, template_version) REFERENCES templates_history (id, version)
);
CREATE INDEX ix_jobs_service_id ON jobs (service_id);
CREATE INDEX ix_jobs_job_status ON jobs (job_status);
