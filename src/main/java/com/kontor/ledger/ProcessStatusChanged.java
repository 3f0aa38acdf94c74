package com.kontor.ledger;

import com.kontor.tenancy.Partition;

/**
 * A process changed its status (TX-3); {@code from} is null for a process just created. Published inside the
 * transaction that changed it; listeners that must only see what was committed take it after commit.
 */
public record ProcessStatusChanged(
        Partition partition, long txid, Long debtorId, ProcessStatus from, ProcessStatus to) {}
