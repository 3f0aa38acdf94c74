--liquibase formatted sql

--changeset kontor:0005-debtor-master-data
--comment: the master data of DEB-1 as API.md names them, and their history (DEB-5), merchant+mode scope
ALTER TABLE debtor
    ADD COLUMN salutation    VARCHAR(20)  AFTER customer_id,
    ADD COLUMN title         VARCHAR(50)  AFTER salutation,
    ADD COLUMN street        VARCHAR(100) AFTER company,
    ADD COLUMN address_line2 VARCHAR(100) AFTER street,
    ADD COLUMN postcode      VARCHAR(20)  AFTER address_line2,
    ADD COLUMN country       CHAR(2)      AFTER city,
    ADD COLUMN phone         VARCHAR(50)  AFTER email,
    ADD COLUMN birthday      DATE         AFTER phone,
    ADD COLUMN language      CHAR(2)      AFTER birthday,
    ADD COLUMN vat_id        VARCHAR(30)  AFTER language,
    ADD COLUMN updated_at    DATETIME(6)  AFTER created_at;

CREATE SEQUENCE debtor_change_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE debtor_change (
    id            BIGINT       NOT NULL PRIMARY KEY,
    partition_key VARCHAR(32)  NOT NULL,
    debtor_id     BIGINT       NOT NULL,
    changed_at    DATETIME(6)  NOT NULL,
    actor_type    VARCHAR(16)  NOT NULL,
    actor_id      VARCHAR(64),
    actor_name    VARCHAR(254),
    field         VARCHAR(40)  NOT NULL,
    old_value     VARCHAR(300),
    new_value     VARCHAR(300),
    CONSTRAINT fk_debtor_change_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT ck_debtor_change_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_debtor_change_debtor ON debtor_change (debtor_id, changed_at);

--changeset kontor:0005-debtor-change-no-update splitStatements:false
CREATE TRIGGER debtor_change_no_update BEFORE UPDATE ON debtor_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'debtor_change is append-only: history cannot be changed';
--changeset kontor:0005-debtor-change-no-delete splitStatements:false
CREATE TRIGGER debtor_change_no_delete BEFORE DELETE ON debtor_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'debtor_change is append-only: history cannot be deleted';
