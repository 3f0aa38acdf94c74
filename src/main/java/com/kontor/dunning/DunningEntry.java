package com.kontor.dunning;

import com.kontor.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One dunning step of a process (DUN-6): level 1..4, 5 = debt collection. Amounts as they stood at the step: the
 * receivable open before it, the fees and interest it charged, the balance after it.
 *
 * @param documentNumber the dunning letter, null where none was issued
 * @param emailId the copy of the email, null where none was sent
 */
public record DunningEntry(
        long id,
        long txid,
        Long debtorId,
        int level,
        int round,
        DunningEntryStatus status,
        Instant createdAt,
        Instant executedAt,
        String executedBy,
        LocalDate transactionDate,
        Money receivable,
        Money fee,
        Money interest,
        Money balance,
        String documentNumber,
        Long emailId,
        LocalDate nextNoticeOn) {

    /** The level that hands the case to debt collection. */
    public static final int DEBT_COLLECTION = 5;

    public boolean debtCollection() {
        return level == DEBT_COLLECTION;
    }
}
