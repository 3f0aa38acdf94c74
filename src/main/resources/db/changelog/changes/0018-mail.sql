--liquibase formatted sql

--changeset kontor:0018-email-message
--comment: DUN-7 and DOC-4 the copy of every email Kontor sends, kept for good (no delete): headers, plain-text body and the archive number of the attached PDF. The table is also the send queue (ACC-3: test mode's rows are OUTBOX and never sent): status, attempts and next_attempt_at drive the retries with back-off
CREATE TABLE email_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key   VARCHAR(32)   NOT NULL,
    debtor_id       BIGINT,
    txid            BIGINT,
    purpose         VARCHAR(20)   NOT NULL,
    from_address    VARCHAR(254)  NOT NULL,
    to_address      VARCHAR(254)  NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    body            MEDIUMTEXT    NOT NULL,
    attachment_document_number VARCHAR(40),
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6),
    last_error      VARCHAR(1000),
    message_id      VARCHAR(254),
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6),
    CONSTRAINT fk_email_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT ck_email_status CHECK (status IN ('QUEUED', 'SENT', 'RETRYING', 'FAILED', 'OUTBOX')),
    CONSTRAINT ck_email_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
-- the sender's sweep: due rows across partitions, oldest first
CREATE INDEX ix_email_due ON email_message (status, next_attempt_at);
-- the Emails view: newest first, optionally one status
CREATE INDEX ix_email_list ON email_message (partition_key, id);
CREATE INDEX ix_email_list_status ON email_message (partition_key, status, id);
CREATE INDEX ix_email_debtor ON email_message (debtor_id, id);
CREATE INDEX ix_email_txid ON email_message (txid, id);

--changeset kontor:0018-email-no-delete splitStatements:false
CREATE TRIGGER email_message_no_delete BEFORE DELETE ON email_message FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'email copies are kept: they cannot be deleted';

--changeset kontor:0018-document-dispatch
--comment: DOC-4 how each issued invoice and credit note goes to its debtor. The row is written PENDING in the issuing transaction (a transactional outbox: what is issued is never lost), then after the commit, in a transaction of its own, it becomes EMAIL (the copy's id) or POST (the debtor has no email address); a catch-up takes PENDING rows a crash left behind. One row per document, so nothing is sent twice
CREATE TABLE document_dispatch (
    partition_key   VARCHAR(32)  NOT NULL,
    document_number VARCHAR(40)  NOT NULL,
    document_type   VARCHAR(20)  NOT NULL,
    txid            BIGINT       NOT NULL,
    debtor_id       BIGINT,
    language        CHAR(2)      NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    channel         VARCHAR(10)  NOT NULL,
    email_id        BIGINT,
    created_at      DATETIME(6)  NOT NULL,
    dispatched_at   DATETIME(6),
    PRIMARY KEY (partition_key, document_number),
    CONSTRAINT fk_dispatch_email FOREIGN KEY (email_id) REFERENCES email_message (id),
    CONSTRAINT ck_dispatch_channel CHECK (channel IN ('PENDING', 'EMAIL', 'POST')),
    CONSTRAINT ck_dispatch_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
-- the catch-up: pending rows across partitions, oldest first
CREATE INDEX ix_dispatch_pending ON document_dispatch (channel, created_at);
