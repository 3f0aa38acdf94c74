package com.kontor.modularityfixture.ledger.internal;

/** An internal type of the fixture's ledger: no other module may use it. */
public class Booking {}
