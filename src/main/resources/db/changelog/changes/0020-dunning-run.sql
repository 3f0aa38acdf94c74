--liquibase formatted sql

--changeset kontor:0020-shedlock
--comment: DUN-3, PLAT-6 ShedLock's lock rows: a job that must run once across servers (the daily dunning run) holds its row until lock_until; the columns are ShedLock's JDBC provider's own
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
) ENGINE=InnoDB;

--changeset kontor:0020-dunning-run
--comment: DUN-3 each dunning run of a partition with its progress, which the Dunning view shows while it runs
CREATE TABLE dunning_run (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key VARCHAR(32)  NOT NULL,
    run_date      DATE         NOT NULL,
    started_at    DATETIME(6)  NOT NULL,
    finished_at   DATETIME(6),
    started_by    VARCHAR(254) NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    due           INT          NOT NULL DEFAULT 0,
    done          INT          NOT NULL DEFAULT 0,
    proposed      INT          NOT NULL DEFAULT 0,
    sent          INT          NOT NULL DEFAULT 0,
    skipped       INT          NOT NULL DEFAULT 0,
    failed        INT          NOT NULL DEFAULT 0,
    error         VARCHAR(500),
    CONSTRAINT ck_dunning_run_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT ck_dunning_run_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_dunning_run_partition ON dunning_run (partition_key, started_at);

--changeset kontor:0020-dunning-state
--comment: DUN-2, DUN-5 when a process's next dunning level is due: overdue_since is set by a chargeback or returned debit (a receivable due at once), next_notice_on by each dunning step and by hand; without a row, level 1 is due the configured days after the process's due date
CREATE TABLE dunning_state (
    txid           BIGINT      NOT NULL PRIMARY KEY,
    partition_key  VARCHAR(32) NOT NULL,
    overdue_since  DATE,
    next_notice_on DATE,
    updated_at     DATETIME(6) NOT NULL,
    CONSTRAINT fk_dunning_state_process FOREIGN KEY (txid) REFERENCES payment_process (txid),
    CONSTRAINT ck_dunning_state_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;

--changeset kontor:0020-dunning-notice
--comment: DUN-3, DUN-6, DUN-7 every dunning step of a process: proposed by the run, then sent (fee booked, letter issued, email queued) or set internally by hand, or discarded when the process was settled before release. (txid, level, round) is unique: a second run, a crash and re-run or a double release cannot dun a process twice for one level; repeating a level by hand is a new round
CREATE TABLE dunning_notice (
    id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key          VARCHAR(32)  NOT NULL,
    txid                   BIGINT       NOT NULL,
    debtor_id              BIGINT,
    level                  TINYINT      NOT NULL,
    round                  INT          NOT NULL,
    status                 VARCHAR(12)  NOT NULL,
    run_id                 BIGINT,
    currency               CHAR(3)      NOT NULL,
    receivable             BIGINT       NOT NULL,
    fee                    BIGINT       NOT NULL DEFAULT 0,
    flat_fee               BIGINT       NOT NULL DEFAULT 0,
    interest               BIGINT       NOT NULL DEFAULT 0,
    balance                BIGINT       NOT NULL,
    channel                VARCHAR(8),
    document_number        VARCHAR(40),
    email_id               BIGINT,
    next_notice_on         DATE,
    created_at             DATETIME(6)  NOT NULL,
    executed_at            DATETIME(6),
    executed_by            VARCHAR(254),
    collection_exported_at DATETIME(6),
    CONSTRAINT uq_dunning_notice_step UNIQUE (txid, level, round),
    CONSTRAINT fk_dunning_notice_process FOREIGN KEY (txid) REFERENCES payment_process (txid),
    CONSTRAINT fk_dunning_notice_run FOREIGN KEY (run_id) REFERENCES dunning_run (id),
    CONSTRAINT ck_dunning_notice_level CHECK (level BETWEEN 1 AND 5),
    CONSTRAINT ck_dunning_notice_status CHECK (status IN ('PROPOSED', 'SENT', 'INTERNAL', 'DISCARDED')),
    CONSTRAINT ck_dunning_notice_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$')
) ENGINE=InnoDB;
CREATE INDEX ix_dunning_notice_status ON dunning_notice (partition_key, status, level, id);
CREATE INDEX ix_dunning_notice_debtor ON dunning_notice (debtor_id, created_at);

--changeset kontor:0020-process-open-due-index
--comment: DUN-2 the run reads a partition's OPEN processes by due date along this index instead of all its processes
CREATE INDEX ix_process_open_due ON payment_process (partition_key, status, due_date);
