-- When a send's provider call started. A claim whose worker died after this point may have reached the provider, so
-- it is never released for another send: its receipt, or the sending timeout, settles it (as in Notify). A claim
-- without it never reached a provider and is released after a while, to be sent once.
ALTER TABLE notifications ADD COLUMN provider_call_started_at timestamp without time zone;
