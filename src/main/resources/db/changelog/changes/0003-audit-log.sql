--liquibase formatted sql

--changeset kontor:0003-audit-event
CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE audit_event (
    id            BIGINT       NOT NULL PRIMARY KEY,
    merchant_id   BIGINT,
    mode          VARCHAR(4),
    occurred_at   DATETIME(6)  NOT NULL,
    actor_type    VARCHAR(16)  NOT NULL,
    actor_id      VARCHAR(64),
    actor_name    VARCHAR(254),
    event_type    VARCHAR(64)  NOT NULL,
    debtor_number BIGINT,
    txid          BIGINT,
    comment       VARCHAR(2000),
    details       TEXT,
    CONSTRAINT ck_audit_mode CHECK (mode IS NULL OR mode IN ('LIVE', 'TEST'))
) ENGINE=InnoDB;
CREATE INDEX ix_audit_event_merchant_time ON audit_event (merchant_id, occurred_at);

--changeset kontor:0003-audit-event-append-only splitStatements:false
--comment: the audit log is append-only; the database refuses changes to past records, whatever the code does
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: records cannot be changed';
--changeset kontor:0003-audit-event-no-delete splitStatements:false
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: records cannot be deleted';
