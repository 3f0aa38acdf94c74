--liquibase formatted sql

--changeset kontor:0021-dunning-block
--comment: DUN-4 dunning blocks per debtor (all its processes) or per process, with a reason and an optional last day; a block is active on day D while lifted_at IS NULL and (ends_on IS NULL OR ends_on >= D). The daily run skips processes with an active block (NOT EXISTS on the two indexes); a lifted block stays as history
CREATE TABLE dunning_block (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partition_key VARCHAR(32)  NOT NULL,
    debtor_id     BIGINT       NULL,
    txid          BIGINT       NULL,
    reason        VARCHAR(500) NOT NULL,
    ends_on       DATE         NULL,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    lifted_at     DATETIME(6)  NULL,
    lifted_by     VARCHAR(254) NULL,
    CONSTRAINT ck_dunning_block_target CHECK ((debtor_id IS NULL) <> (txid IS NULL)),
    CONSTRAINT ck_dunning_block_lifted CHECK ((lifted_at IS NULL) = (lifted_by IS NULL)),
    CONSTRAINT ck_dunning_block_partition CHECK (partition_key REGEXP '^[0-9]+:(LIVE|TEST)$'),
    CONSTRAINT fk_dunning_block_debtor FOREIGN KEY (debtor_id) REFERENCES debtor (id),
    CONSTRAINT fk_dunning_block_process FOREIGN KEY (txid) REFERENCES payment_process (txid)
) ENGINE=InnoDB;
CREATE INDEX ix_dunning_block_txid ON dunning_block (txid);
CREATE INDEX ix_dunning_block_debtor ON dunning_block (debtor_id);
