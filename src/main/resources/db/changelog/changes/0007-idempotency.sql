--liquibase formatted sql

--changeset kontor:0007-idempotency-record
--comment: one record per API key and Idempotency-Key; the first response is replayed for repeats (API-3)
CREATE SEQUENCE idempotency_record_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE idempotency_record (
    id               BIGINT       NOT NULL PRIMARY KEY,
    api_key_id       BIGINT       NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    state            VARCHAR(12)  NOT NULL,
    response_status  INT,
    response_type    VARCHAR(100),
    response_body    MEDIUMTEXT,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uq_idempotency UNIQUE (api_key_id, idempotency_key),
    CONSTRAINT fk_idempotency_key FOREIGN KEY (api_key_id) REFERENCES api_key (id),
    CONSTRAINT ck_idempotency_state CHECK (state IN ('IN_PROGRESS', 'DONE'))
) ENGINE=InnoDB;
CREATE INDEX ix_idempotency_created ON idempotency_record (created_at);
