-- Files sent by email (document download): one row per file. The bytes live encrypted in the documents bucket under
-- object_key, with a random per-document key that only the recipient's link carries; nothing here can decrypt them.
-- recipient_email_hash (HMAC-SHA256 of the normalised address under that same key) is set when the recipient must
-- confirm their address before downloading: without the link it cannot even be checked against a guess.
CREATE TABLE documents (
    id                   uuid PRIMARY KEY,
    service_id           uuid         NOT NULL REFERENCES services (id),
    notification_id      uuid         NOT NULL,
    object_key           text         NOT NULL,
    filename             text,
    mimetype             varchar(255) NOT NULL,
    size_in_bytes        integer      NOT NULL,
    -- HMAC-SHA256 of the document id under its key: tells a wrong key from a right one without reading the bucket.
    key_check            varchar(64)  NOT NULL,
    recipient_email_hash varchar(64),
    created_at           timestamp    NOT NULL,
    -- The last day (UTC) the file may be downloaded: created date + retention period, as document-download-api.
    available_until      date         NOT NULL,
    deleted_at           timestamp
);
CREATE INDEX ix_documents_available_until_not_deleted ON documents (available_until) WHERE deleted_at IS NULL;
CREATE INDEX ix_documents_notification_id ON documents (notification_id);
