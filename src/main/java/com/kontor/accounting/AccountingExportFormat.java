package com.kontor.accounting;

/** The two files of the accounting export (ACCT-1). */
public enum AccountingExportFormat {
    /** The journal as a spreadsheet CSV with account numbers ({@link JournalCsv}). */
    CSV,
    /** DATEV's "Buchungsstapel" in the EXTF format ({@link DatevBatch}). */
    DATEV;

    String fileName(String mode, JournalPeriod period) {
        return this == DATEV
                ? "EXTF_Buchungsstapel_" + mode + "_" + period.from() + "_" + period.to() + ".csv"
                : "journal_" + mode + "_" + period.from() + "_" + period.to() + ".csv";
    }
}
