--liquibase formatted sql

--changeset kontor:0026-provider-call
--comment: PLAT-6 a durable record of each money call to a provider, written before the call (a payout with its reservation, an authorisation in its own short transaction) and settled with the booking; what stays OPEN past a grace period is settled by the recovery job with the same idempotency key. The key is the primary key: derived from the operation, never random.
CREATE TABLE provider_call (
    idempotency_key VARCHAR(120) NOT NULL PRIMARY KEY,
    partition_key   VARCHAR(32)  NOT NULL,
    txid            BIGINT       NOT NULL,
    operation       VARCHAR(20)  NOT NULL,
    amount          BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    receivable_type VARCHAR(30),
    audit_event     VARCHAR(60),
    provider        VARCHAR(20)  NOT NULL,
    state           VARCHAR(10)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    settled_at      DATETIME(6),
    answer          VARCHAR(300),
    payload         TEXT,
    CONSTRAINT ck_provider_call_state CHECK (state IN ('OPEN', 'BOOKED', 'RELEASED', 'VOIDED')),
    CONSTRAINT ck_provider_call_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_provider_call_open ON provider_call (state, created_at);
CREATE INDEX ix_provider_call_txid ON provider_call (txid);
