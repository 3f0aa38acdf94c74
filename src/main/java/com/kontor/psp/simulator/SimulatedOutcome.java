package com.kontor.psp.simulator;

import java.time.Duration;

/**
 * A delayed outcome of the simulator (a pending request decided, a direct debit executed), delivered after
 * {@code delay} through the notification path, as a real provider's notification would be.
 */
public record SimulatedOutcome(
        long txid, String operation, Kind kind, long amount, String providerTxn, Duration delay) {

    public enum Kind {
        APPROVED,
        DECLINED,
        DEBIT_EXECUTED
    }
}
