package com.kontor.dunning;

/** How a dunning level reaches the debtor (DUN-1). */
public enum DunningChannel {
    EMAIL,
    POST,
    BOTH
}
