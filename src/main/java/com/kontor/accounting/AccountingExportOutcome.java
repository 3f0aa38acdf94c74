package com.kontor.accounting;

/**
 * What an export gave: the stored export to download, and how it compares with the previous export of the same period
 * and format. {@code previous} is null for the first; {@code lateRecords} counts the bookings that arrived in the
 * period since then.
 */
public record AccountingExportOutcome(
        AccountingExportEntry export,
        AccountingExportEntry previous,
        boolean sameAsPrevious,
        long lateRecords,
        boolean mappingChanged) {}
