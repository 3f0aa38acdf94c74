package com.kontor.psp;

/** The providers whose settlement reports Kontor reads (PSP-4), with the name their processes carry. */
public enum SettlementProvider {
    ADYEN,
    PAYONE
}
