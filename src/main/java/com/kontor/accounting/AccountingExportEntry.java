package com.kontor.accounting;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * An export handed to accounting (ACCT-1), as stored: its period, format, checksum and size, how many source records
 * (bookings) it read, the highest booking id in it, the mapping version it used, and who made it when.
 */
public record AccountingExportEntry(
        long id,
        AccountingExportFormat format,
        JournalPeriod period,
        String sha256,
        long rows,
        long bytes,
        long records,
        Long maxBookingId,
        long mappingVersion,
        LocalDateTime headerCreated,
        Instant createdAt,
        String createdBy) {

    /** The first twelve hex digits of the checksum, as the list shows it. */
    public String shortChecksum() {
        return sha256.substring(0, 12);
    }
}
