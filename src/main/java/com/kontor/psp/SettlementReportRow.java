package com.kontor.psp;

import java.time.Instant;

/** An imported settlement report with what its lines became (PSP-4). */
public record SettlementReportRow(
        long id,
        String provider,
        String fileName,
        Instant importedAt,
        String importedBy,
        int lines,
        int matched,
        int amountDiffers,
        int unknown,
        int fees,
        int alreadySettled) {}
