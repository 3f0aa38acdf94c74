--liquibase formatted sql

--changeset kontor:0001-charset
--comment: every table gets utf8mb4 with an accent- and case-insensitive collation unless a column says otherwise
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
