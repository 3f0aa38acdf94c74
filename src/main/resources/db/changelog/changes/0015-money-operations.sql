--liquibase formatted sql

--changeset kontor:0015-approval-details
--comment: OPS-6 an approval request keeps why it was asked for (a reason, a comment), what it will do when approved (a credit entry's type and items, a de-recognition), who decided (the user id, so nobody approves their own) and how it ended
ALTER TABLE approval_request
    ADD COLUMN note          VARCHAR(500),
    ADD COLUMN payload       TEXT,
    ADD COLUMN decided_by_id VARCHAR(64),
    ADD COLUMN outcome       VARCHAR(300);
CREATE INDEX ix_approval_process ON approval_request (partition_key, txid, requested_at);
