package com.kontor.accounting;

import com.kontor.tenancy.Partition;
import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Locale;

/** Writes journal lines one by one into an export file of one format; closing it finishes the file. */
interface JournalWriter extends Closeable {

    void write(JournalLine line) throws IOException;

    /**
     * What the file says about itself. {@code created} is the first export's moment for the period, so the same data
     * give the same bytes.
     */
    record Header(
            Partition partition,
            JournalPeriod period,
            AccountMapping mapping,
            LocalDateTime created,
            String currency,
            Locale locale) {}
}
