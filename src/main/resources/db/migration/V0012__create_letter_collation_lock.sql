-- One collation run at a time across nodes (the 17:50 run and an operator's on-demand run), so two runs never
-- both send a zip before either has recorded it. A lease: a node that dies mid-run frees it at held_until.
CREATE TABLE letter_collation_lock (
    id         integer   PRIMARY KEY CHECK (id = 1),
    held_by    uuid,
    held_until timestamp NOT NULL
);
INSERT INTO letter_collation_lock (id, held_by, held_until) VALUES (1, NULL, '1970-01-01 00:00:00');
