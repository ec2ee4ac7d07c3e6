-- Notify's nightly facts for statistics (reporting_tasks.py): how many notifications of each service, template, job,
-- type, key type and status were created on each London day, rebuilt per day, service and type from notifications
-- and notification_history together, so purged notifications still count.
CREATE TABLE ft_notification_status (
    bst_date            date      NOT NULL,
    template_id         uuid      NOT NULL,
    service_id          uuid      NOT NULL,
    -- The zero uuid for notifications sent without a job, as Notify keeps them (the key allows no null).
    job_id              uuid      NOT NULL,
    notification_type   text      NOT NULL,
    key_type            text      NOT NULL,
    notification_status text      NOT NULL,
    notification_count  integer   NOT NULL,
    created_at          timestamp NOT NULL,
    updated_at          timestamp,
    CONSTRAINT ft_notification_status_pkey
        PRIMARY KEY (bst_date, template_id, service_id, job_id, notification_type, key_type, notification_status)
);
CREATE INDEX ix_ft_notification_status_service_id_bst_date ON ft_notification_status (service_id, bst_date);
CREATE INDEX ix_ft_notification_status_template_id_bst_date ON ft_notification_status (template_id, bst_date);
CREATE INDEX ix_ft_notification_status_job_id ON ft_notification_status (job_id);

-- How many API notifications (text messages and emails, test keys aside) each London day were sent within 10 seconds.
CREATE TABLE ft_processing_time (
    bst_date                date      PRIMARY KEY,
    messages_total          integer   NOT NULL,
    messages_within_10_secs integer   NOT NULL,
    created_at              timestamp NOT NULL,
    updated_at              timestamp
);

-- The nightly rebuilds read one London day of notification_history at a time, by its created_at index (V0020).
