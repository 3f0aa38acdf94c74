--liquibase formatted sql

--changeset kontor:0002-merchant
CREATE SEQUENCE merchant_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE merchant (
    id          BIGINT       NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    street      VARCHAR(100),
    postcode    VARCHAR(20),
    city        VARCHAR(100),
    country     CHAR(2),
    vat_id      VARCHAR(30),
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_merchant_name UNIQUE (name)
) ENGINE=InnoDB;

CREATE TABLE merchant_module (
    merchant_id BIGINT      NOT NULL,
    module      VARCHAR(32) NOT NULL,
    PRIMARY KEY (merchant_id, module),
    CONSTRAINT fk_merchant_module_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
) ENGINE=InnoDB;

CREATE TABLE merchant_settings (
    merchant_id                  BIGINT      NOT NULL PRIMARY KEY,
    time_zone                    VARCHAR(64) NOT NULL,
    default_language             CHAR(2)     NOT NULL,
    default_currency             CHAR(3)     NOT NULL,
    payment_term_days            INT         NOT NULL,
    four_eyes_enabled            BOOLEAN     NOT NULL,
    four_eyes_threshold_minor    BIGINT      NOT NULL,
    four_eyes_threshold_currency CHAR(3)     NOT NULL,
    version                      BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_merchant_settings_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_payment_term CHECK (payment_term_days BETWEEN 0 AND 365),
    CONSTRAINT ck_four_eyes_threshold CHECK (four_eyes_threshold_minor >= 0)
) ENGINE=InnoDB;

--changeset kontor:0002-portal
CREATE SEQUENCE portal_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE portal (
    id          BIGINT       NOT NULL PRIMARY KEY,
    merchant_id BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_portal_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT uq_portal_name UNIQUE (merchant_id, name)
) ENGINE=InnoDB;

--changeset kontor:0002-user
CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE app_user (
    id                      BIGINT       NOT NULL PRIMARY KEY,
    merchant_id             BIGINT,
    email                   VARCHAR(254) NOT NULL,
    display_name            VARCHAR(100) NOT NULL,
    password_hash           VARCHAR(255) NOT NULL,
    locked                  BOOLEAN      NOT NULL DEFAULT FALSE,
    must_change_password    BOOLEAN      NOT NULL DEFAULT FALSE,
    approval_limit_minor    BIGINT       NOT NULL DEFAULT 0,
    approval_limit_currency CHAR(3)      NOT NULL,
    created_at              DATETIME(6)  NOT NULL,
    version                 BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_app_user_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT uq_app_user_email UNIQUE (email),
    CONSTRAINT ck_approval_limit CHECK (approval_limit_minor >= 0)
) ENGINE=InnoDB;
CREATE INDEX ix_app_user_merchant ON app_user (merchant_id);

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;
