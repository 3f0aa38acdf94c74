package com.kontor.operation;

/** May the order ship, i.e. is the payment committed ({@code GET /api/v1/payments/{txid}/shippable})? */
public record Shippable(boolean shippable, String reason) {}
