--liquibase formatted sql

--changeset kontor:0016-merchant-letterhead
--comment: DOC-1 the merchant's letterhead for invoices, credit notes and letters: one row per merchant (not per mode), the logo as checked PNG or JPEG bytes (at most 512 KB)
CREATE TABLE merchant_letterhead (
    merchant_id         BIGINT        NOT NULL PRIMARY KEY,
    name                VARCHAR(100)  NOT NULL,
    street              VARCHAR(100)  NOT NULL,
    postcode            VARCHAR(10)   NOT NULL,
    city                VARCHAR(100)  NOT NULL,
    country             CHAR(2)       NOT NULL,
    email               VARCHAR(254)  NOT NULL,
    phone               VARCHAR(30)   NOT NULL,
    website             VARCHAR(200),
    bank_name           VARCHAR(100)  NOT NULL,
    iban                VARCHAR(34)   NOT NULL,
    bic                 VARCHAR(11)   NOT NULL,
    vat_id              VARCHAR(20)   NOT NULL,
    register_entry      VARCHAR(200)  NOT NULL,
    managing_directors  VARCHAR(200),
    logo                MEDIUMBLOB,
    logo_media_type     VARCHAR(20),
    default_language    CHAR(2)       NOT NULL,
    default_vat_percent DECIMAL(5, 2) NOT NULL,
    invoice_prefix      VARCHAR(10)   NOT NULL,
    credit_note_prefix  VARCHAR(10)   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_merchant_letterhead_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_letterhead_language CHECK (default_language IN ('de', 'en')),
    CONSTRAINT ck_letterhead_vat CHECK (default_vat_percent BETWEEN 0 AND 100),
    CONSTRAINT ck_letterhead_logo CHECK ((logo IS NULL) = (logo_media_type IS NULL)),
    CONSTRAINT ck_letterhead_logo_size CHECK (logo IS NULL OR LENGTH(logo) <= 524288)
) ENGINE=InnoDB;
