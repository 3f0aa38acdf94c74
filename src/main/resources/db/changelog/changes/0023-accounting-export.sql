--liquibase formatted sql

--changeset kontor:0023-account-mapping
--comment: ACCT-1 the merchant's accounts for the accounting export (defaults from SKR03 until an admin saves) and the DATEV header data; versioned, changes audited
CREATE TABLE account_mapping (
    merchant_id          BIGINT       NOT NULL PRIMARY KEY,
    receivables          VARCHAR(9)   NOT NULL,
    revenue_standard     VARCHAR(9)   NOT NULL,
    revenue_reduced      VARCHAR(9)   NOT NULL,
    revenue_zero         VARCHAR(9)   NOT NULL,
    bank                 VARCHAR(9)   NOT NULL,
    clearing_default     VARCHAR(9)   NOT NULL,
    provider_fees        VARCHAR(9)   NOT NULL,
    dunning_fees         VARCHAR(9)   NOT NULL,
    chargeback_fees      VARCHAR(9)   NOT NULL,
    default_interest     VARCHAR(9)   NOT NULL,
    bad_debt             VARCHAR(9)   NOT NULL,
    consultant_number    INT          NOT NULL,
    client_number        INT          NOT NULL,
    fiscal_year_start    INT          NOT NULL,
    account_length       INT          NOT NULL,
    changed_at           DATETIME(6)  NOT NULL,
    changed_by           VARCHAR(254) NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT fk_account_mapping_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_account_mapping_year CHECK (fiscal_year_start BETWEEN 1 AND 12),
    CONSTRAINT ck_account_mapping_length CHECK (account_length BETWEEN 4 AND 8)
) ENGINE=InnoDB;

CREATE TABLE account_mapping_clearing (
    merchant_id BIGINT      NOT NULL,
    provider    VARCHAR(20) NOT NULL,
    account     VARCHAR(9)  NOT NULL,
    PRIMARY KEY (merchant_id, provider),
    CONSTRAINT fk_account_clearing_mapping FOREIGN KEY (merchant_id) REFERENCES account_mapping (merchant_id)
) ENGINE=InnoDB;

--changeset kontor:0023-accounting-export
--comment: ACCT-1 every export handed to accounting, with its bytes (gzip), checksum and what it covered, so the same period gives the same file and a late booking is seen
CREATE SEQUENCE accounting_export_seq START WITH 1 INCREMENT BY 1 NOCACHE ENGINE=InnoDB;
CREATE TABLE accounting_export (
    id              BIGINT       NOT NULL PRIMARY KEY,
    partition_key   VARCHAR(32)  NOT NULL,
    format          VARCHAR(8)   NOT NULL,
    period_from     DATE         NOT NULL,
    period_to       DATE         NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    row_count       BIGINT       NOT NULL,
    byte_count      BIGINT       NOT NULL,
    booking_count   BIGINT       NOT NULL,
    max_booking_id  BIGINT,
    mapping_version BIGINT       NOT NULL,
    header_created  DATETIME(3)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    created_by      VARCHAR(254) NOT NULL,
    content         LONGBLOB     NOT NULL,
    CONSTRAINT ck_accounting_export_period CHECK (period_from <= period_to),
    CONSTRAINT ck_accounting_export_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_accounting_export_period ON accounting_export (partition_key, format, period_from, period_to, id);
CREATE INDEX ix_accounting_export_list ON accounting_export (partition_key, id);
