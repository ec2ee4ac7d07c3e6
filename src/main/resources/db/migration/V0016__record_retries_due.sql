-- When a failed send's next attempt is due (it waits on retry-tasks until then, its row back to created). The replay
-- of notifications still created long after the API took them leaves these alone: replaying one would start a second
-- chain of attempts beside the retry's, resetting the retry ladder (a send would never reach technical-failure, and
-- could be tried far more often than configured). A retry overdue by the replay's own margin was lost, and is replayed.
ALTER TABLE notifications ADD COLUMN retry_due_at timestamp without time zone;
