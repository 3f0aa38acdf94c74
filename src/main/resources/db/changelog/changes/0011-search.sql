--liquibase formatted sql

--changeset kontor:0011-debtor-word
--comment: SRCH-1 name, company, city and email criteria match the start of any word, ignoring case and accents: every word of these fields, normalised (lower case, accents removed), indexed for prefix range scans
CREATE TABLE debtor_word (
    partition_key VARCHAR(32)  NOT NULL,
    field         CHAR(1)      NOT NULL,
    word          VARCHAR(60)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    debtor_id     BIGINT       NOT NULL,
    PRIMARY KEY (partition_key, field, word, debtor_id),
    CONSTRAINT fk_debtor_word_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT ck_debtor_word_field CHECK (field IN ('F', 'L', 'C', 'Y', 'E'))
) ENGINE=InnoDB;
CREATE INDEX ix_debtor_word_debtor ON debtor_word (debtor_id);

--changeset kontor:0011-search-indexes
--comment: SRCH-2 indexes for the search criteria and its default order (newest first)
CREATE INDEX ix_process_partition_created ON payment_process (partition_key, created_at);
CREATE INDEX ix_process_invoice ON payment_process (partition_key, invoice_number);
CREATE INDEX ix_process_status ON payment_process (partition_key, status, payment_method, created_at);
CREATE INDEX ix_debtor_postcode ON debtor (partition_key, postcode);
CREATE INDEX ix_debtor_created ON debtor (partition_key, created_at);
