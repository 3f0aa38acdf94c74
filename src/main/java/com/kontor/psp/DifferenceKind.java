package com.kontor.psp;

/** What kind of open item a settlement difference is (PSP-4). */
public enum DifferenceKind {
    /** The report settled a different amount than Kontor booked. */
    AMOUNT_DIFFERS,
    /** The report names a reference that Kontor does not know in this merchant and mode. */
    UNKNOWN,
    /** A provider booking older than the configured days that no imported report settled. */
    MISSING
}
