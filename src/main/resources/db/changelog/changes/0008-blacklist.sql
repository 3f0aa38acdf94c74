--liquibase formatted sql

--changeset kontor:0008-blacklist-entry
--comment: blacklist entries (BL-1..4), merchant+mode scope: a keyed fingerprint of the full value and a masked display value
CREATE SEQUENCE blacklist_entry_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE blacklist_entry (
    id            BIGINT       NOT NULL PRIMARY KEY,
    partition_key VARCHAR(32)  NOT NULL,
    kind          VARCHAR(12)  NOT NULL,
    fingerprint   CHAR(64)     NOT NULL,
    masked        VARCHAR(64)  NOT NULL,
    expires_on    DATE,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    CONSTRAINT uq_blacklist_value UNIQUE (partition_key, kind, fingerprint),
    CONSTRAINT ck_blacklist_kind CHECK (kind IN ('EMAIL', 'IBAN', 'CARD_TOKEN')),
    CONSTRAINT ck_blacklist_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
