--liquibase formatted sql

--changeset kontor:0017-document-counter
--comment: DOC-2 gapless numbers per merchant, mode and type: the issuing transaction locks its row (SELECT ... FOR UPDATE) and raises it, so a rollback gives the number back and concurrent issues queue for consecutive numbers
CREATE TABLE document_counter (
    partition_key VARCHAR(32) NOT NULL,
    type          VARCHAR(20) NOT NULL,
    next_value    BIGINT      NOT NULL,
    PRIMARY KEY (partition_key, type),
    CONSTRAINT ck_document_counter_next CHECK (next_value >= 1),
    CONSTRAINT ck_document_counter_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;

--changeset kontor:0017-document
--comment: DOC-3 the archive: every issued document as issued (PDF bytes and their SHA-256), never re-rendered, never changed or deleted; a correction is a new document. invoice_txid makes "one invoice per process" a unique key (NULL for every other type, and NULLs do not collide)
CREATE TABLE document (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key VARCHAR(32)  NOT NULL,
    number        VARCHAR(40)  NOT NULL,
    type          VARCHAR(20)  NOT NULL,
    txid          BIGINT       NOT NULL,
    debtor_id     BIGINT,
    issued_at     DATETIME(6)  NOT NULL,
    language      CHAR(2)      NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    pdf           LONGBLOB     NOT NULL,
    size          INT          NOT NULL,
    issued_by     VARCHAR(254) NOT NULL,
    invoice_txid  BIGINT AS (CASE WHEN type = 'INVOICE' THEN txid END) PERSISTENT,
    CONSTRAINT uq_document_number UNIQUE (partition_key, number),
    CONSTRAINT uq_document_invoice UNIQUE (partition_key, invoice_txid),
    CONSTRAINT fk_document_process FOREIGN KEY (txid) REFERENCES payment_process (txid),
    CONSTRAINT fk_document_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT ck_document_size CHECK (size = LENGTH(pdf)),
    CONSTRAINT ck_document_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_document_txid ON document (txid, id);
CREATE INDEX ix_document_debtor ON document (debtor_id, id);
CREATE INDEX ix_document_issued ON document (partition_key, issued_at);

--changeset kontor:0017-document-no-update splitStatements:false
CREATE TRIGGER document_no_update BEFORE UPDATE ON document FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'document is archived as issued: a correction is a new document';
--changeset kontor:0017-document-no-delete splitStatements:false
CREATE TRIGGER document_no_delete BEFORE DELETE ON document FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'document is archived as issued: documents cannot be deleted';

--changeset kontor:0017-process-uninvoiced-index
--comment: DOC-2 the invoice catch-up reads the invoice-method processes without an invoice number of a partition along this index instead of all its processes
CREATE INDEX ix_process_uninvoiced ON payment_process (partition_key, payment_method, invoice_number);
