package com.kontor.money;

import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * The currencies a payment may be in (API.md): the active ISO 4217 currencies. Not the codes for precious metals,
 * bond units, testing and "no currency" ({@code XAU}, {@code XBA}, {@code XDR}, {@code XTS}, {@code XXX} ...), not the
 * fund codes ({@code BOV}, {@code CHE}, {@code USN} ...), and not withdrawn ones the JDK still knows ({@code DEM},
 * {@code HRK}, {@code ANG} ...).
 */
public final class Currencies {

    /** The largest amount of one payment, operation or limit: 99,999,999,999 minor units (API.md). */
    public static final long MAX_AMOUNT = 99_999_999_999L;

    private static final Set<String> ACTIVE = Set.of(
            "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BHD", "BIF", "BMD",
            "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC",
            "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
            "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR",
            "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP",
            "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
            "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR",
            "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE",
            "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
            "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF",
            "XPF", "YER", "ZAR", "ZMW", "ZWG");

    private Currencies() {}

    /** The active currency of this code, or empty for anything else (a non-currency, a fund, a withdrawn code). */
    public static Optional<Currency> active(String code) {
        if (code == null || !ACTIVE.contains(code)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException unknownToThisJdk) {
            return Optional.empty();
        }
    }

    /** Whether an amount lies in the range every amount keeps: 1 to {@link #MAX_AMOUNT} minor units. */
    public static boolean inRange(long minor) {
        return minor >= 1 && minor <= MAX_AMOUNT;
    }
}
