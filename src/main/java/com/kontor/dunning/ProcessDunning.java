package com.kontor.dunning;

import com.kontor.ledger.DunningStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * A process's dunning as its dialog shows it (DUN-5, DUN-6): the level reached, when the next is due, whether a block
 * holds, the version a change must name, and every step so far, newest first.
 *
 * @param maxLevel the number of levels of the procedure (0 without a procedure)
 */
public record ProcessDunning(
        long txid,
        int level,
        DunningStatus status,
        LocalDate nextNoticeOn,
        boolean blocked,
        long version,
        int maxLevel,
        List<DunningEntry> entries) {

    public ProcessDunning {
        entries = List.copyOf(entries);
    }
}
