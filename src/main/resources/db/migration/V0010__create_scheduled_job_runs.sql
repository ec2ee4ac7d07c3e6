-- One row per firing of a scheduled job: operators see when each job last ran and on which node.
CREATE TABLE scheduled_job_runs (
    id                   bigserial PRIMARY KEY,
    job_name             varchar(255) NOT NULL,
    scheduled_fire_time  timestamp    NOT NULL,
    fired_at             timestamp    NOT NULL,
    node                 varchar(255) NOT NULL
);
CREATE INDEX ix_scheduled_job_runs_job_name_fire_time ON scheduled_job_runs (job_name, scheduled_fire_time);
