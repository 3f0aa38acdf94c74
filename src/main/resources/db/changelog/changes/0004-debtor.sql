--liquibase formatted sql

--changeset kontor:0004-debtor
--comment: first table of merchant+mode scope: partition_key is '<merchant id>:<LIVE|TEST>' (Hibernate @TenantId)
CREATE SEQUENCE debtor_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE debtor_number_seq START WITH 1000001 INCREMENT BY 1;
CREATE TABLE debtor (
    id            BIGINT       NOT NULL PRIMARY KEY,
    partition_key VARCHAR(32)  NOT NULL,
    debtor_number BIGINT       NOT NULL,
    customer_id   VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    first_name    VARCHAR(100),
    last_name     VARCHAR(100),
    company       VARCHAR(100),
    city          VARCHAR(100),
    email         VARCHAR(254),
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_debtor_number UNIQUE (debtor_number),
    CONSTRAINT uq_debtor_customer UNIQUE (partition_key, customer_id),
    CONSTRAINT ck_debtor_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$'),
    CONSTRAINT ck_debtor_name CHECK (last_name IS NOT NULL OR company IS NOT NULL)
) ENGINE=InnoDB;
