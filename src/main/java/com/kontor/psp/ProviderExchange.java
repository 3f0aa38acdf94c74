package com.kontor.psp;

import java.time.Instant;

/** One line of a process's provider log (TX-8). */
public record ProviderExchange(
        Instant at,
        String direction,
        String operation,
        String outcome,
        Long amount,
        String providerReference,
        String detail) {}
