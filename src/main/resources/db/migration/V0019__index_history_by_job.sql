-- A job's statistics and its saved rows are read from notification_history too once its notifications are purged.
CREATE INDEX ix_notification_history_job_id ON notification_history (job_id);
