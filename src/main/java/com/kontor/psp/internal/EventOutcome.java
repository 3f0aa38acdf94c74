package com.kontor.psp.internal;

/** What applying a provider's event did: booked, nothing new, wait for an earlier event, or needs a person. */
public record EventOutcome(Result result, Long txid, String detail) {

    public enum Result {
        /** Booked or recorded on the process. */
        APPLIED,
        /** Already booked (a repeat, or booked from the provider's answer to Kontor's own request). */
        NOTHING_NEW,
        /** Depends on an event that has not arrived yet: try again later. */
        WAIT,
        /** No process, or a rule refused it: a person must look at it. */
        REVIEW,
        /** An event Kontor does not book (unknown code): stored only. */
        IGNORED
    }
}
