package com.kontor.psp.internal;

import tools.jackson.databind.JsonNode;

/**
 * A kind of stored notification (PAYONE, Adyen, the simulator's delayed outcomes) and how one is booked: in the
 * caller's transaction and partition, through the ledger.
 */
public interface NotificationFormat {

    /** The format as {@code provider_notification.format} stores it. */
    String name();

    /** Books one stored notification's payload. */
    EventOutcome book(JsonNode payload);
}
