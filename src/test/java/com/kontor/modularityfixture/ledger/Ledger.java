package com.kontor.modularityfixture.ledger;

/** The fixture's public ledger service. */
public class Ledger {}
