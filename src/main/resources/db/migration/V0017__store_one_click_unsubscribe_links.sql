-- The one-click unsubscribe URL a service gave with an email (one_click_unsubscribe_url), sent as the message's
-- List-Unsubscribe header and shown back by GET /v2/notifications. Like Notify, only emails carry one, and the
-- PII-free notification_history copy keeps none.
ALTER TABLE notifications ADD COLUMN unsubscribe_link text;
ALTER TABLE notifications ADD CONSTRAINT ck_unsubscribe_link_is_null_if_notification_not_an_email
    CHECK (notification_type = 'email' OR unsubscribe_link IS NULL);
