package com.kontor.dunning;

public enum DunningEntryStatus {
    PROPOSED,
    SENT,
    INTERNAL,
    DISCARDED
}
