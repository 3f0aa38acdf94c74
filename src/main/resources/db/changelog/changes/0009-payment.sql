--liquibase formatted sql

--changeset kontor:0009-txid-sequence
--comment: TX-1: one platform-wide TXID source. INCREMENT BY 0 takes the step from auto_increment_increment/offset, which Galera sets per node; NOCACHE because Galera replicates only uncached sequences (MariaDB: Managing Sequences in Galera Cluster)
CREATE SEQUENCE txid_seq START WITH 100000001 INCREMENT BY 0 NOCACHE ENGINE=InnoDB;

--changeset kontor:0009-payment-data
--comment: DEB-3/DEB-4 payment data of a debtor, merchant+mode scope: IBANs and legacy account numbers encrypted (FieldCipher), matched by keyed fingerprint, shown masked; cards only as the provider's token plus last four
CREATE SEQUENCE debtor_bank_account_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE debtor_bank_account (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    partition_key         VARCHAR(32)  NOT NULL,
    debtor_id             BIGINT       NOT NULL,
    holder                VARCHAR(100) NOT NULL,
    iban_cipher           VARCHAR(200) NOT NULL,
    iban_fingerprint      CHAR(64)     NOT NULL,
    iban_masked           VARCHAR(40)  NOT NULL,
    bic                   VARCHAR(11),
    country               CHAR(2)      NOT NULL,
    account_number_cipher VARCHAR(200),
    bank_code             VARCHAR(20),
    branch_code           VARCHAR(20),
    check_digit           VARCHAR(4),
    created_at            DATETIME(6)  NOT NULL,
    removed_at            DATETIME(6),
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_bank_account_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT ck_bank_account_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_bank_account_debtor ON debtor_bank_account (debtor_id);
CREATE INDEX ix_bank_account_fingerprint ON debtor_bank_account (partition_key, iban_fingerprint);

CREATE SEQUENCE debtor_card_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE debtor_card (
    id                BIGINT       NOT NULL PRIMARY KEY,
    partition_key     VARCHAR(32)  NOT NULL,
    debtor_id         BIGINT       NOT NULL,
    holder            VARCHAR(100),
    brand             VARCHAR(20)  NOT NULL,
    last4             CHAR(4)      NOT NULL,
    expiry_month      INT          NOT NULL,
    expiry_year       INT          NOT NULL,
    token_cipher      VARCHAR(300) NOT NULL,
    token_fingerprint CHAR(64)     NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    removed_at        DATETIME(6),
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_card_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT ck_card_expiry CHECK (expiry_month BETWEEN 1 AND 12),
    CONSTRAINT ck_card_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_card_debtor ON debtor_card (debtor_id);
CREATE INDEX ix_card_fingerprint ON debtor_card (partition_key, token_fingerprint);

CREATE SEQUENCE sepa_mandate_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE sepa_mandate (
    id                BIGINT       NOT NULL PRIMARY KEY,
    partition_key     VARCHAR(32)  NOT NULL,
    debtor_id         BIGINT       NOT NULL,
    bank_account_id   BIGINT       NOT NULL,
    mandate_reference VARCHAR(35)  NOT NULL,
    creditor_id       VARCHAR(35),
    signed_on         DATE         NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uq_mandate_reference UNIQUE (mandate_reference),
    CONSTRAINT fk_mandate_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT fk_mandate_bank_account FOREIGN KEY (bank_account_id) REFERENCES debtor_bank_account (id),
    CONSTRAINT ck_mandate_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_mandate_debtor ON sepa_mandate (debtor_id);

--changeset kontor:0009-payment-process
--comment: TX-2 payment processes with a stored summary of their bookings (kept in the same transaction as the bookings; a test proves summary = sum)
CREATE TABLE payment_process (
    txid               BIGINT       NOT NULL PRIMARY KEY,
    partition_key      VARCHAR(32)  NOT NULL,
    portal_id          BIGINT       NOT NULL,
    debtor_id          BIGINT,
    customer_id        VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    reference          VARCHAR(64)  NOT NULL,
    process_type       VARCHAR(20)  NOT NULL,
    payment_method     VARCHAR(20)  NOT NULL,
    currency           CHAR(3)      NOT NULL,
    amount             BIGINT       NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    dunning_status     VARCHAR(16)  NOT NULL DEFAULT 'NONE',
    created_at         DATETIME(6)  NOT NULL,
    due_date           DATE,
    invoice_number     VARCHAR(32),
    provider           VARCHAR(20),
    provider_reference VARCHAR(64),
    error_code         VARCHAR(32),
    error_message      VARCHAR(200),
    bank_account_id    BIGINT,
    card_id            BIGINT,
    mandate_id         BIGINT,
    receivable         BIGINT       NOT NULL DEFAULT 0,
    paid               BIGINT       NOT NULL DEFAULT 0,
    collected          BIGINT       NOT NULL DEFAULT 0,
    refunded           BIGINT       NOT NULL DEFAULT 0,
    preauthorized      BIGINT       NOT NULL DEFAULT 0,
    reserved           BIGINT       NOT NULL DEFAULT 0,
    refunds_requested  BIGINT       NOT NULL DEFAULT 0,
    status_before_chargeback VARCHAR(16),
    reminder_level     INT          NOT NULL DEFAULT 0,
    note               VARCHAR(200),
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_process_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT fk_process_portal FOREIGN KEY (portal_id) REFERENCES portal (id),
    CONSTRAINT ck_process_amount CHECK (amount > 0),
    CONSTRAINT ck_process_limits CHECK (preauthorized >= 0 AND reserved >= 0 AND refunded >= 0),
    CONSTRAINT ck_process_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_process_debtor ON payment_process (debtor_id, created_at);
CREATE INDEX ix_process_provider_reference ON payment_process (provider_reference);
CREATE INDEX ix_process_reference ON payment_process (partition_key, reference);

--changeset kontor:0009-booking
--comment: TX-4 the process account: append-only bookings; triggers refuse every update and delete
CREATE SEQUENCE booking_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE booking (
    id              BIGINT       NOT NULL PRIMARY KEY,
    partition_key   VARCHAR(32)  NOT NULL,
    txid            BIGINT       NOT NULL,
    booked_at       DATETIME(6)  NOT NULL,
    booking_type    VARCHAR(24)  NOT NULL,
    receivable_type VARCHAR(24)  NOT NULL,
    debit           BIGINT       NOT NULL,
    credit          BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    provider_txn    VARCHAR(64),
    source          VARCHAR(16)  NOT NULL,
    CONSTRAINT fk_booking_process FOREIGN KEY (txid) REFERENCES payment_process (txid),
    CONSTRAINT ck_booking_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_booking_txid ON booking (txid, id);

--changeset kontor:0009-booking-no-update splitStatements:false
CREATE TRIGGER booking_no_update BEFORE UPDATE ON booking FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'booking is append-only: a correction is a new booking';
--changeset kontor:0009-booking-no-delete splitStatements:false
CREATE TRIGGER booking_no_delete BEFORE DELETE ON booking FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'booking is append-only: bookings cannot be deleted';

--changeset kontor:0009-provider-log
--comment: TX-8 what passed between Kontor and the provider per process: references and outcomes, never a sensitive value
CREATE SEQUENCE provider_log_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE provider_log (
    id            BIGINT       NOT NULL PRIMARY KEY,
    partition_key VARCHAR(32)  NOT NULL,
    txid          BIGINT       NOT NULL,
    logged_at     DATETIME(6)  NOT NULL,
    direction     VARCHAR(16)  NOT NULL,
    operation     VARCHAR(24)  NOT NULL,
    outcome       VARCHAR(16),
    amount        BIGINT,
    provider_ref  VARCHAR(64),
    detail        VARCHAR(300),
    CONSTRAINT fk_provider_log_process FOREIGN KEY (txid) REFERENCES payment_process (txid),
    CONSTRAINT ck_provider_log_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_provider_log_txid ON provider_log (txid, id);

--changeset kontor:0009-approval-request
--comment: OPS-6 four-eyes requests: a pending refund reserves its amount until approved or rejected
CREATE SEQUENCE approval_request_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE approval_request (
    id              BIGINT       NOT NULL PRIMARY KEY,
    partition_key   VARCHAR(32)  NOT NULL,
    txid            BIGINT       NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    amount          BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    requested_at    DATETIME(6)  NOT NULL,
    requester_type  VARCHAR(16)  NOT NULL,
    requester_id    VARCHAR(64),
    requester_name  VARCHAR(254),
    decided_at      DATETIME(6),
    decided_by      VARCHAR(254),
    reason          VARCHAR(300),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_approval_process FOREIGN KEY (txid) REFERENCES payment_process (txid),
    CONSTRAINT ck_approval_amount CHECK (amount > 0),
    CONSTRAINT ck_approval_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_approval_status ON approval_request (partition_key, status, requested_at);
