package com.kontor.ledger;

/** How the shop asked for the payment: reserve the money first, or take it at once. */
public enum ProcessType {
    PREAUTHORIZATION,
    AUTHORIZATION
}
