--liquibase formatted sql

--changeset kontor:0024-settlement-report
--comment: PSP-4 imported settlement reports: one row per file and partition; the file's SHA-256 makes a second import of the same bytes a no-op
CREATE TABLE settlement_report (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key   VARCHAR(32)  NOT NULL,
    provider        VARCHAR(20)  NOT NULL,
    file_name       VARCHAR(200) NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    batch_numbers   VARCHAR(200),
    imported_at     DATETIME(6)  NOT NULL,
    imported_by     VARCHAR(254) NOT NULL,
    line_count      INT          NOT NULL,
    matched         INT          NOT NULL,
    amount_differs  INT          NOT NULL,
    unknown         INT          NOT NULL,
    fees            INT          NOT NULL,
    already_settled INT          NOT NULL,
    CONSTRAINT uq_settlement_report_file UNIQUE (partition_key, sha256),
    CONSTRAINT ck_settlement_report_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_settlement_report_imported ON settlement_report (partition_key, imported_at);

--changeset kontor:0024-settlement-line
--comment: PSP-4 the lines of the reports with what they were matched to; settlement_key (provider, type, batch, references) settles a line once across reports; fee is the line's costs in the net currency (positive = cost)
CREATE TABLE settlement_line (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key    VARCHAR(32)  NOT NULL,
    report_id        BIGINT       NOT NULL,
    line_number      INT          NOT NULL,
    provider         VARCHAR(20)  NOT NULL,
    record_type      VARCHAR(40)  NOT NULL,
    settlement_key   VARCHAR(255) NOT NULL,
    psp_reference    VARCHAR(80),
    modification_ref VARCHAR(80),
    merchant_ref     VARCHAR(80),
    batch_number     VARCHAR(40),
    settled_on       DATE         NOT NULL,
    gross_currency   CHAR(3),
    gross            BIGINT,
    net_currency     CHAR(3)      NOT NULL,
    net              BIGINT       NOT NULL,
    fee              BIGINT       NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    txid             BIGINT,
    booking_id       BIGINT,
    CONSTRAINT fk_settlement_line_report FOREIGN KEY (report_id) REFERENCES settlement_report (id),
    CONSTRAINT uq_settlement_line_key UNIQUE (partition_key, settlement_key),
    CONSTRAINT ck_settlement_line_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_settlement_line_report ON settlement_line (report_id, line_number);
CREATE INDEX ix_settlement_line_booking ON settlement_line (booking_id);
CREATE INDEX ix_settlement_line_fee ON settlement_line (partition_key, settled_on, id);

--changeset kontor:0024-settlement-difference
--comment: PSP-4 open items: amount differs, unknown in Kontor, missing in the reports; resolved with a comment, never deleted
CREATE TABLE settlement_difference (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key  VARCHAR(32)  NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    provider       VARCHAR(20),
    reference      VARCHAR(80),
    txid           BIGINT,
    booking_id     BIGINT,
    line_number    INT,
    report_id      BIGINT,
    batch_number   VARCHAR(40),
    booking_type   VARCHAR(24),
    currency       CHAR(3)      NOT NULL,
    expected       BIGINT,
    reported       BIGINT,
    occurred_on    DATE         NOT NULL,
    found_at       DATETIME(6)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    resolved_at    DATETIME(6),
    resolved_by    VARCHAR(254),
    resolution     VARCHAR(1000),
    booked_amount  BIGINT,
    correction_booking_id BIGINT,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_settlement_difference_report FOREIGN KEY (report_id) REFERENCES settlement_report (id),
    CONSTRAINT uq_settlement_missing UNIQUE (partition_key, kind, booking_id),
    CONSTRAINT ck_settlement_difference_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_settlement_difference_status ON settlement_difference (partition_key, status, id);
