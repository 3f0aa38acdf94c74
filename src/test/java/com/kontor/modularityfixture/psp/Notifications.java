package com.kontor.modularityfixture.psp;

import com.kontor.modularityfixture.ledger.internal.Booking;

/** Books by writing the ledger's internal type directly: the reach ModularityTest must refuse. */
public class Notifications {

    Booking book() {
        return new Booking();
    }
}
