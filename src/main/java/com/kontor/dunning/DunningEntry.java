package com.kontor.dunning;

import com.kontor.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/** One dunning step of a process: level 1..4, 5 = debt collection. */
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
        LocalDate nextNoticeOn) {}
