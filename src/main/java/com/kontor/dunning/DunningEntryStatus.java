package com.kontor.dunning;

/** Where a dunning step stands (DUN-3, DUN-5). */
public enum DunningEntryStatus {
    /** Proposed by the run, waiting for finance to release it. */
    PROPOSED,
    /** Executed: fees booked, the letter issued and sent (or the case handed to debt collection). */
    SENT,
    /** A level set by hand without sending: only the internal level changed. */
    INTERNAL,
    /** A proposal that was not executed: the process was settled or blocked before its release. */
    DISCARDED
}
