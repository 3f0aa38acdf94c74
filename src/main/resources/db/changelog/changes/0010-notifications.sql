--liquibase formatted sql

--changeset kontor:0010-provider-account
--comment: PSP-5 provider accounts per portal and mode: PAYONE portal id and notification key, Adyen merchant account and HMAC keys (the previous key stays valid for a grace period after rotation); secrets encrypted
CREATE SEQUENCE provider_account_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE provider_account (
    id                        BIGINT       NOT NULL PRIMARY KEY,
    partition_key             VARCHAR(32)  NOT NULL,
    portal_id                 BIGINT       NOT NULL,
    payone_portal_id          VARCHAR(20),
    payone_key_cipher         VARCHAR(300),
    adyen_merchant_account    VARCHAR(80),
    adyen_hmac_key_cipher     VARCHAR(300),
    adyen_previous_key_cipher VARCHAR(300),
    adyen_key_rotated_at      DATETIME(6),
    updated_at                DATETIME(6)  NOT NULL,
    version                   BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_provider_account_portal UNIQUE (portal_id, partition_key),
    CONSTRAINT uq_provider_account_payone UNIQUE (payone_portal_id),
    CONSTRAINT uq_provider_account_adyen UNIQUE (adyen_merchant_account),
    CONSTRAINT fk_provider_account_portal FOREIGN KEY (portal_id) REFERENCES portal (id),
    CONSTRAINT ck_provider_account_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;

--changeset kontor:0010-provider-notification
--comment: PSP-3 every notification is stored before it is acknowledged; dedupe_key makes a repeat a no-op; a job books them in order (SKIP LOCKED, so several servers share the work)
CREATE TABLE provider_notification (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key      VARCHAR(32)  NOT NULL,
    account_id         BIGINT,
    format             VARCHAR(12)  NOT NULL,
    event              VARCHAR(40)  NOT NULL,
    provider_reference VARCHAR(64),
    sequence_number    INT,
    dedupe_key         VARCHAR(200) NOT NULL,
    amount             BIGINT,
    currency           CHAR(3),
    payload            TEXT         NOT NULL,
    received_at        DATETIME(6)  NOT NULL,
    not_before         DATETIME(6)  NOT NULL,
    state              VARCHAR(12)  NOT NULL,
    txid               BIGINT,
    reason             VARCHAR(300),
    done_at            DATETIME(6),
    CONSTRAINT uq_notification_dedupe UNIQUE (partition_key, dedupe_key),
    CONSTRAINT ck_notification_state CHECK (state IN ('RECEIVED', 'WAITING', 'APPLIED', 'REVIEW', 'IGNORED')),
    CONSTRAINT ck_notification_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_notification_due ON provider_notification (state, not_before, id);
CREATE INDEX ix_notification_txid ON provider_notification (txid);

--changeset kontor:0010-payone-sequence
--comment: the last PAYONE sequencenumber applied to a process: a later one waits until the gap is filled
ALTER TABLE payment_process ADD COLUMN payone_sequence INT NOT NULL DEFAULT -1;
