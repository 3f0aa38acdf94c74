package com.kontor.audit;

import java.time.Instant;

/**
 * The outcome of checking a merchant's audit chain (AUD-3): intact, or the first record where it breaks and how.
 *
 * @param checked       sealed records checked, oldest first
 * @param sealedUpTo    time of the newest sealed record (null: none sealed yet)
 * @param brokenEventId the first broken record's id (null when intact)
 * @param brokenAt      when that record says it happened, if it still exists
 */
public record AuditVerification(
        boolean intact, long checked, Instant sealedUpTo, Problem problem, Long brokenEventId, Instant brokenAt) {

    /** How the chain breaks at the first broken record. */
    public enum Problem {
        /** The record differs from what was sealed (a value, its time, its merchant). */
        CHANGED,
        /** A sealed record no longer exists. */
        DELETED,
        /** A seal is missing or out of order: the chain itself was edited. */
        CHAIN_EDITED,
        /** The newest seals were removed (the chain is shorter than its head says). */
        TRUNCATED,
        /** A record older than the sealing delay has no seal: written past Kontor or with a forged time. */
        NOT_SEALED
    }

    static AuditVerification intact(long checked, Instant sealedUpTo) {
        return new AuditVerification(true, checked, sealedUpTo, null, null, null);
    }

    static AuditVerification broken(long checked, Instant sealedUpTo, Problem problem, Long eventId, Instant at) {
        return new AuditVerification(false, checked, sealedUpTo, problem, eventId, at);
    }
}
