--liquibase formatted sql

--changeset kontor:0012-search-dunning-index
--comment: SRCH-2 the search benchmark found the dunning level criterion scanning debtors (5.4 s at 1,000,000 processes): an index lets the process table drive that search
CREATE INDEX ix_process_dunning ON payment_process (partition_key, dunning_status, created_at);
