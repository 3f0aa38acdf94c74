--liquibase formatted sql

--changeset kontor:0006-api-key
--comment: API keys per portal and mode (merchant+mode scope); only the SHA-256 of a key is stored
CREATE SEQUENCE api_key_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE api_key (
    id            BIGINT       NOT NULL PRIMARY KEY,
    partition_key VARCHAR(32)  NOT NULL,
    portal_id     BIGINT       NOT NULL,
    name          VARCHAR(100) NOT NULL,
    key_hash      CHAR(64)     NOT NULL,
    key_hint      VARCHAR(24)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    revoked_at    DATETIME(6),
    revoked_by    VARCHAR(254),
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_api_key_portal FOREIGN KEY (portal_id) REFERENCES portal (id),
    CONSTRAINT ck_api_key_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
