package com.kontor.psp.internal;

import java.time.Instant;

/** A notification that waits for a person (PSP-3): stored for review, or waited too long for an earlier one. */
public record ReviewItem(
        long id,
        Instant receivedAt,
        String format,
        String event,
        String providerReference,
        Integer sequenceNumber,
        Long amount,
        String currency,
        Long txid,
        String reason) {}
