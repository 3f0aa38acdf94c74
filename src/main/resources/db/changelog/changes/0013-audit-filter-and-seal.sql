--liquibase formatted sql

--changeset kontor:0013-audit-filter-indexes
--comment: AUD-2 the audit log filters by debtor, TXID and event type within a merchant, newest first
CREATE INDEX ix_audit_event_debtor ON audit_event (merchant_id, debtor_number, occurred_at);
CREATE INDEX ix_audit_event_txid ON audit_event (merchant_id, txid, occurred_at);
CREATE INDEX ix_audit_event_type ON audit_event (merchant_id, event_type, occurred_at);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);

--changeset kontor:0013-audit-seal
--comment: AUD-3 a keyed hash chain per merchant (chain 0: platform records), written by the sealing job only
CREATE TABLE audit_seal (
    event_id    BIGINT      NOT NULL PRIMARY KEY,
    chain_key   BIGINT      NOT NULL,
    position    BIGINT      NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    mac         CHAR(64)    NOT NULL,
    sealed_at   DATETIME(6) NOT NULL,
    CONSTRAINT uk_audit_seal_position UNIQUE (chain_key, position)
) ENGINE=InnoDB;
CREATE INDEX ix_audit_seal_time ON audit_seal (occurred_at);
CREATE TABLE audit_chain (
    chain_key BIGINT   NOT NULL PRIMARY KEY,
    position  BIGINT   NOT NULL,
    mac       CHAR(64) NOT NULL
) ENGINE=InnoDB;

--changeset kontor:0013-audit-seal-no-update splitStatements:false
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_seal is append-only: seals cannot be changed';
--changeset kontor:0013-audit-seal-no-delete splitStatements:false
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_seal is append-only: seals cannot be deleted';
