--liquibase formatted sql

--changeset kontor:0014-login-failure
--comment: ACC-4 failed logins per login name and per client address, shared by all servers; the subject is kept as a SHA-256 hash (no names or addresses at rest), rows older than an hour are deleted
CREATE TABLE login_failure (
    kind          CHAR(1)                           NOT NULL,
    subject_hash  CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    failures      INT                               NOT NULL,
    last_failure  DATETIME(6)                       NOT NULL,
    blocked_until DATETIME(6),
    PRIMARY KEY (kind, subject_hash),
    CONSTRAINT ck_login_failure_kind CHECK (kind IN ('N', 'A'))
) ENGINE=InnoDB;
CREATE INDEX ix_login_failure_last ON login_failure (last_failure);
