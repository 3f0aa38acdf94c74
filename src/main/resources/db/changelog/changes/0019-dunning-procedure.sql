--liquibase formatted sql

--changeset kontor:0019-dunning-procedure
--comment: DUN-1 the dunning procedure of one merchant in one mode: the scalar settings (tolerance, release by finance or sent at once, debt collection, default interest) in one row per partition; version for optimistic locking, so the second of two admins saving at once is refused instead of overwriting the first
CREATE TABLE dunning_procedure (
    partition_key              VARCHAR(32)  NOT NULL PRIMARY KEY,
    currency                   CHAR(3)      NOT NULL,
    tolerance                  BIGINT       NOT NULL,
    release_by_finance         BOOLEAN      NOT NULL,
    collection_enabled         BOOLEAN      NOT NULL,
    collection_days            INT          NOT NULL,
    consumer_interest          BOOLEAN      NOT NULL,
    business_interest          BOOLEAN      NOT NULL,
    business_flat_fee          BOOLEAN      NOT NULL,
    base_rate_bp               INT          NOT NULL,
    consumer_surcharge_bp      INT          NOT NULL,
    business_surcharge_bp      INT          NOT NULL,
    business_flat_fee_amount   BIGINT       NOT NULL,
    version                    BIGINT       NOT NULL DEFAULT 0,
    updated_at                 DATETIME(6)  NOT NULL,
    updated_by                 VARCHAR(254) NOT NULL,
    CONSTRAINT ck_dunning_procedure_tolerance CHECK (tolerance >= 0),
    CONSTRAINT ck_dunning_procedure_collection_days CHECK (collection_days BETWEEN 1 AND 365),
    CONSTRAINT ck_dunning_procedure_base_rate CHECK (base_rate_bp BETWEEN -1000 AND 2000),
    CONSTRAINT ck_dunning_procedure_surcharges CHECK (consumer_surcharge_bp BETWEEN 0 AND 2000
        AND business_surcharge_bp BETWEEN 0 AND 2000),
    CONSTRAINT ck_dunning_procedure_flat_fee CHECK (business_flat_fee_amount >= 0),
    CONSTRAINT ck_dunning_procedure_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;

--changeset kontor:0019-dunning-level
--comment: DUN-1 the levels 1..4 of a procedure: days after the due date (level 1) or after the previous level, the fee in minor units of the procedure's currency, the channel (EMAIL, POST, BOTH)
CREATE TABLE dunning_level (
    partition_key VARCHAR(32) NOT NULL,
    level         TINYINT     NOT NULL,
    days          INT         NOT NULL,
    fee           BIGINT      NOT NULL,
    channel       VARCHAR(5)  NOT NULL,
    PRIMARY KEY (partition_key, level),
    CONSTRAINT fk_dunning_level_procedure FOREIGN KEY (partition_key) REFERENCES dunning_procedure (partition_key),
    CONSTRAINT ck_dunning_level_level CHECK (level BETWEEN 1 AND 4),
    CONSTRAINT ck_dunning_level_days CHECK (days BETWEEN 1 AND 365),
    CONSTRAINT ck_dunning_level_fee CHECK (fee BETWEEN 0 AND 1000000),
    CONSTRAINT ck_dunning_level_channel CHECK (channel IN ('EMAIL', 'POST', 'BOTH'))
) ENGINE=InnoDB;

--changeset kontor:0019-dunning-level-text
--comment: DUN-1, DUN-7 the letter and email texts of a level per language (de, en), with placeholders such as {name} filled per process when the letter or email is made
CREATE TABLE dunning_level_text (
    partition_key VARCHAR(32)  NOT NULL,
    level         TINYINT      NOT NULL,
    language      CHAR(2)      NOT NULL,
    letter        TEXT         NOT NULL,
    email_subject VARCHAR(200) NOT NULL,
    email_body    TEXT         NOT NULL,
    PRIMARY KEY (partition_key, level, language),
    CONSTRAINT fk_dunning_level_text_level FOREIGN KEY (partition_key, level)
        REFERENCES dunning_level (partition_key, level) ON DELETE CASCADE,
    CONSTRAINT ck_dunning_level_text_language CHECK (language IN ('de', 'en'))
) ENGINE=InnoDB;
