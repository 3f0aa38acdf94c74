package com.kontor.ledger;

/** What caused a booking: the shop's API, the provider's answer, a notification, a person, or Kontor itself. */
public enum BookingSource {
    API,
    PROVIDER,
    NOTIFICATION,
    USER,
    SYSTEM
}
