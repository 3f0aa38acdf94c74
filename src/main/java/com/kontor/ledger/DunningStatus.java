package com.kontor.ledger;

/** The dunning status beside a process's status (TX-3); NONE until dunning (DUN) exists. */
public enum DunningStatus {
    NONE,
    LEVEL_1,
    LEVEL_2,
    LEVEL_3,
    LEVEL_4,
    DEBT_COLLECTION,
    BLOCKED
}
