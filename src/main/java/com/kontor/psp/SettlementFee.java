package com.kontor.psp;

import java.time.LocalDate;

/**
 * A provider's costs for one settlement line (commission, markup, scheme fees, interchange) or a fee line of its
 * own, for the accounting export's fee account: {@code amount} in minor units of {@code currency}, positive = cost;
 * {@code txid} is the Kontor process the line belongs to, null for a fee without one.
 */
public record SettlementFee(
        String provider, LocalDate settledOn, String reference, Long txid, String currency, long amount) {}
