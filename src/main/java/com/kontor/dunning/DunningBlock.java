package com.kontor.dunning;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dunning block (DUN-4): of all a debtor's processes ({@code debtorId} set) or of one process ({@code txid} set),
 * with its reason and last blocked day ({@code endsOn}, null: until lifted). A lifted block stays as history.
 */
public record DunningBlock(
        long id,
        Long debtorId,
        Long txid,
        String reason,
        LocalDate endsOn,
        Instant createdAt,
        String createdBy,
        Instant liftedAt,
        String liftedBy) {

    /** Whether the block stops dunning on that day: not lifted and not ended before it. */
    public boolean activeOn(LocalDate day) {
        return liftedAt == null && (endsOn == null || !endsOn.isBefore(day));
    }

    /** A block of the whole debtor rather than of one process. */
    public boolean ofDebtor() {
        return debtorId != null;
    }
}
