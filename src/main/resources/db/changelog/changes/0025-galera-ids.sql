--liquibase formatted sql

--changeset kontor:0025-galera-sequences
--comment: PLAT-6 Galera-safe sequences: INCREMENT BY 0 takes the step from auto_increment_increment/offset, which Galera sets per node (unique across nodes, increasing per node; on a single server the step is 1), NOCACHE because Galera replicates only uncached sequences. Entities draw blocks of 50 ids per value (BlockIdGenerator); the rest use each value as it is. txid_seq was created so in 0009.
ALTER SEQUENCE merchant_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE portal_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE app_user_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE audit_event_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE debtor_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE debtor_number_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE debtor_change_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE api_key_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE idempotency_record_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE blacklist_entry_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE debtor_bank_account_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE debtor_card_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE sepa_mandate_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE booking_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE provider_log_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE approval_request_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE provider_account_seq INCREMENT BY 0 NOCACHE;
ALTER SEQUENCE accounting_export_seq INCREMENT BY 0 NOCACHE;

--changeset kontor:0025-changelog-primary-key
--comment: PLAT-6 every table has a primary key (Galera certifies rows by it); Liquibase creates its changelog table without one
ALTER TABLE DATABASECHANGELOG ADD PRIMARY KEY (ID, AUTHOR, FILENAME);
