package com.kontor.ledger;

import java.util.EnumSet;
import java.util.Set;

/** TX-3: the status of a payment process and the transitions it allows (enforced by the ledger, {@code payment.internal.Ledger}). */
public enum ProcessStatus {
    OK,
    OPEN,
    PREAUTHORIZED,
    EMPTY,
    ERROR,
    IN_PROCESSING;

    /** Whether a process in this status may move to {@code next}; ERROR and EMPTY are terminal. */
    public boolean mayBecome(ProcessStatus next) {
        return next == this || successors().contains(next);
    }

    private Set<ProcessStatus> successors() {
        return switch (this) {
            case IN_PROCESSING -> EnumSet.of(OK, OPEN, PREAUTHORIZED, ERROR, EMPTY);
            case PREAUTHORIZED -> EnumSet.of(OK, OPEN, EMPTY);
            case OPEN -> EnumSet.of(OK);
            case OK -> EnumSet.of(OPEN);
            case EMPTY, ERROR -> EnumSet.noneOf(ProcessStatus.class);
        };
    }
}
