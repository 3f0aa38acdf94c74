package com.kontor.psp.settlement;

import java.time.LocalDate;

/**
 * One line of a settlement report as read: amounts in minor units. {@code gross} is the transaction amount (always
 * positive, null for fee and payout lines) in {@code grossCurrency}; {@code net} is what the line added to the payout
 * (negative: taken away) and {@code fee} the provider's costs (positive = cost), both in {@code netCurrency}.
 */
public record SettlementLine(
        int lineNumber,
        String recordType,
        LineKind kind,
        String pspReference,
        String modificationReference,
        String merchantReference,
        String batchNumber,
        LocalDate settledOn,
        String grossCurrency,
        Long gross,
        String netCurrency,
        long net,
        long fee) {

    /**
     * What identifies the line across reports, so that a line settled by an earlier report is not counted twice:
     * provider, type, batch and references; a line without references (a fee of the batch) is told apart by its line.
     */
    public String settlementKey(String provider) {
        boolean anonymous = blank(pspReference) && blank(modificationReference);
        String key = provider + "|" + recordType + "|" + nz(batchNumber) + "|" + nz(pspReference) + "|"
                + nz(modificationReference) + (anonymous ? "|#" + lineNumber + "|" + net : "");
        return key.length() <= 255 ? key : key.substring(0, 255);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
