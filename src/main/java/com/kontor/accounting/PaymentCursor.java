package com.kontor.accounting;

import java.time.Instant;

/** A keyset position in the payments list (newest first): the next page holds the rows after this one. */
public record PaymentCursor(Instant bookedAt, long bookingId) {}
