-- Each attempt to confirm the email address a file was sent to (POST …/confirm-email-address with the document's key):
-- at most notify.documents.confirm-attempts in notify.documents.confirm-attempts-window, counted across every node
-- (document-download-api counts its authentications per document in Redis: 50 in 300 s). An attempt older than the
-- window is deleted by the next one; the rest go with their document.
CREATE TABLE document_confirm_attempts (
    document_id  uuid      NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    attempted_at timestamp NOT NULL
);
CREATE INDEX ix_document_confirm_attempts ON document_confirm_attempts (document_id, attempted_at);
