package com.kontor.accounting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The days of an export, both included, in the merchant's time zone (ACCT-1). */
public record JournalPeriod(LocalDate from, LocalDate to) {

    /** Longer periods are refused: a DATEV batch covers at most a fiscal year. */
    public static final int MAX_DAYS = 366;

    public JournalPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a period needs both days");
        }
    }

    public static JournalPeriod of(YearMonth month) {
        return new JournalPeriod(month.atDay(1), month.atEndOfMonth());
    }

    /** The first instant of the period in {@code zone}. */
    public ZonedDateTime start(ZoneId zone) {
        return from.atStartOfDay(zone);
    }

    /** The first instant after the period in {@code zone}. */
    public ZonedDateTime end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone);
    }

    /** Whether the period is exactly one calendar month. */
    public boolean isMonth() {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth());
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
