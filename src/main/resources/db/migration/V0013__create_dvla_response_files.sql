-- DVLA response files already applied, by file name: a file is applied once, whichever source (FTP or bucket) brings
-- it and however often. Written in the same transaction as the status changes, and read by the FTP consumer's
-- idempotent repository so a processed file is never downloaded again.
CREATE TABLE dvla_response_files (
    file_name    varchar(255) PRIMARY KEY,
    source       varchar(255) NOT NULL,
    processed_at timestamp    NOT NULL
);
